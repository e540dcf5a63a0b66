using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Remic.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Remic.Deals.Loading;

/// <summary>
/// Reads YAML into JSON tokens (what the schema validator checks), recording every node's path, line and
/// column. Plain scalars are typed as YAML 1.2's core schema types them (numbers, true/false, null); quoted
/// scalars stay strings.
/// </summary>
internal static partial class YamlToJson
{
    [GeneratedRegex(@"^[-+]?(\d[\d_]*)(\.\d*)?([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?\d+$")]
    private static partial Regex IntegerPattern();

    public static (JToken Root, SourceMap Map) Read(string text, string file)
    {
        var map = new SourceMap(file);
        YamlGuard.Check(text, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw YamlGuard.NotYaml(file, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode rootNode)
            throw new RemicInputException(new InputError(file, 1, "", null,
                "expected a YAML mapping with the sections deal, groups, classes and waterfall", 1));
        var root = Convert(rootNode, "", map, file);
        return (root, map);
    }

    private static JToken Convert(YamlNode node, string path, SourceMap map, string file)
    {
        JToken token;
        switch (node)
        {
            case YamlMappingNode m:
            {
                var obj = new JObject();
                foreach (var (k, v) in m.Children)
                {
                    var key = k is YamlScalarNode ks ? ks.Value ?? "" : k.ToString();
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (obj.ContainsKey(key))
                        throw new RemicInputException(new InputError(file, (int)k.Start.Line, childPath, key,
                            "this key appears twice in the same mapping; keep one", (int)k.Start.Column));
                    map.AddKey(childPath, (int)k.Start.Line, (int)k.Start.Column);
                    obj.Add(key, Convert(v, childPath, map, file));
                }
                token = obj;
                break;
            }
            case YamlSequenceNode s:
            {
                var arr = new JArray();
                var i = 0;
                foreach (var item in s.Children) arr.Add(Convert(item, $"{path}[{i++}]", map, file));
                token = arr;
                break;
            }
            case YamlScalarNode sc:
                token = Scalar(sc);
                break;
            default:
                token = JValue.CreateNull();
                break;
        }
        map.Add(token, path, (int)node.Start.Line, (int)node.Start.Column);
        return token;
    }

    private static JValue Scalar(YamlScalarNode sc)
    {
        var v = sc.Value ?? "";
        if (sc.Style != ScalarStyle.Plain) return new JValue(v);
        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL": return JValue.CreateNull();
            case "true" or "True" or "TRUE": return new JValue(true);
            case "false" or "False" or "FALSE": return new JValue(false);
        }
        var clean = v.Replace("_", "");
        if (IntegerPattern().IsMatch(clean) && long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return new JValue(l);
        if (NumberPattern().IsMatch(v) && decimal.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return new JValue(d);
        return new JValue(v);
    }
}
