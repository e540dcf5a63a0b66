using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Remic.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Remic.Deals.Loading;

/// <summary>
/// Reads YAML into JSON tokens (what the schema validator checks), recording every node's path, line and
/// column. Plain scalars are typed as YAML 1.2's core schema types them (numbers, true/false, null); quoted
/// scalars stay strings. One pass over the parser's events builds the tokens directly (no YAML node tree, no
/// recursion): each event is checked by <see cref="YamlGuard"/> as it comes, and a list longer than any list a deal
/// file may hold is refused at that item, so an oversized file is refused before the rest of it is read.
/// </summary>
internal static partial class YamlToJson
{
    [GeneratedRegex(@"^[-+]?(\d[\d_]*)(\.\d*)?([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?\d+$")]
    private static partial Regex IntegerPattern();

    /// <summary>A mapping or list being read: its token, path and position, its pending key or item count.</summary>
    private sealed class Open(JContainer container, string path, int line, int column, bool isKey)
    {
        public JContainer Container { get; } = container;
        public string Path { get; } = path;
        public int Line { get; } = line;
        public int Column { get; } = column;
        /// <summary>A mapping or list written where a key belongs (refused once the whole file has been read).</summary>
        public bool IsKey { get; } = isKey;
        public string? Key { get; set; }
        /// <summary>The pending key's full path (one string shared by the key's and the value's entries in the map).</summary>
        public string? KeyPath { get; set; }
        public int Items { get; set; }
    }

    public static (JToken Root, SourceMap Map) Read(string text, string file)
    {
        var map = new SourceMap(file);
        var parser = new Parser(new StringReader(text));
        var state = new YamlGuard.State();
        var open = new Stack<Open>();
        JToken? root = null;
        // A file that is not a deal file's shape (a list at the top, a list as a key) is reported after the guard has
        // seen every event, so an alias, a tag or deep nesting anywhere is reported first, as the guard alone would.
        RemicInputException? shape = null;
        while (YamlGuard.Next(parser, file))
        {
            var e = parser.Current!;
            YamlGuard.See(e, state, file);
            var (line, col) = ((int)e.Start.Line, (int)e.Start.Column);
            switch (e)
            {
                case Scalar key when open.TryPeek(out var m) && m.Container is JObject obj && m.Key is null:
                {
                    var name = key.Value ?? "";
                    var childPath = Join(m.Path, name);
                    if (obj.ContainsKey(name)) throw YamlGuard.NotYaml(file, line, col, $"Duplicate key {name}");
                    map.AddKey(childPath, line, col);
                    m.Key = name;
                    m.KeyPath = childPath;
                    break;
                }
                case Scalar sc:
                {
                    var token = Scalar(sc);
                    map.Add(token, PathOfNext(open, file), line, col);
                    Attach(open, token);
                    break;
                }
                case MappingStart or SequenceStart:
                {
                    var isKey = open.TryPeek(out var parent) && parent.Container is JObject && parent.Key is null;
                    if (isKey) shape ??= YamlGuard.Refuse(file, line, col, "a plain name as each mapping key (not a list or mapping)");
                    var path = open.Count == 0 ? "" : isKey ? Join(parent!.Path, "?") : PathOfNext(open, file);
                    open.Push(new Open(e is MappingStart ? new JObject() : new JArray(), path, line, col, isKey));
                    break;
                }
                case MappingEnd or SequenceEnd:
                {
                    var done = open.Pop();
                    if (done.IsKey)
                    {
                        var top = open.Peek();
                        top.Key = done.Container.ToString(Newtonsoft.Json.Formatting.None);
                        top.KeyPath = Join(top.Path, top.Key);
                        break;
                    }
                    map.Add(done.Container, done.Path, done.Line, done.Column);
                    if (open.Count == 0) root = done.Container;
                    else Attach(open, done.Container);
                    break;
                }
            }
        }
        if (shape is not null) throw shape;
        if (root is not JObject) throw NotAMapping(file);
        return (root, map);
    }

    private static RemicInputException NotAMapping(string file) =>
        new(new InputError(file, 1, "", null, "expected a YAML mapping with the sections deal, groups, classes and waterfall", 1));

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The path of the value about to be read in the innermost open mapping or list ("" at the top).</summary>
    private static string PathOfNext(Stack<Open> open, string file)
    {
        if (!open.TryPeek(out var top)) return "";
        if (top.Container is JObject) return top.KeyPath!;
        if (top.Items >= YamlGuard.MaxListItems)
            throw new RemicInputException(new InputError(file, top.Line, top.Path, null,
                top.Path.EndsWith(".rep_lines", StringComparison.Ordinal)
                    ? $"expected at most {YamlGuard.MaxListItems} items"
                    : $"expected at most {YamlGuard.MaxListItems} items (no list in a deal file is longer)", top.Column));
        return $"{top.Path}[{top.Items}]";
    }

    private static void Attach(Stack<Open> open, JToken token)
    {
        var top = open.Peek();
        if (top.Container is JObject obj)
        {
            obj[top.Key!] = token; // a key written twice is refused when read; a list used as a key may repeat one
            top.Key = null;
            top.KeyPath = null;
        }
        else
        {
            ((JArray)top.Container).Add(token);
            top.Items++;
        }
    }

    private static JValue Scalar(Scalar sc)
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
