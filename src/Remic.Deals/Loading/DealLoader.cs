using Newtonsoft.Json.Linq;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>
/// Reads a deal file: YAML (with every node's line and column) → JSON schema validation → the immutable
/// <see cref="Deal"/> → semantic validation. Any problem throws <see cref="RemicInputException"/> listing
/// every error found at that stage, each with file, line, column, field path and a plain sentence.
/// </summary>
public static class DealLoader
{
    public static Deal Load(string path)
    {
        if (!File.Exists(path))
            throw new RemicInputException(path, 0, "", null, "the deal file does not exist");
        return LoadText(File.ReadAllText(path), path);
    }

    /// <param name="file">Name used in messages (and to resolve relative tape paths).</param>
    /// <param name="readFile">Reads a file the deal names (its strats tape) by its resolved path; default the file system.
    /// An embedded deal passes its own.</param>
    public static Deal LoadText(string text, string file, Func<string, byte[]>? readFile = null)
    {
        var (root, map) = YamlToJson.Read(text, file);
        var schemaErrors = SchemaValidation.Validate(root, map);
        if (schemaErrors.Count > 0) throw new RemicInputException(schemaErrors);
        var builder = new DealBuilder(map);
        var deal = builder.Build((JObject)root);
        if (builder.Errors.Count > 0) throw new RemicInputException(builder.Errors);
        deal = TapeGroups.Attach(deal, file);
        var semantic = new SemanticValidation(map, (JObject)root, deal).Check();
        if (semantic.Count > 0) throw new RemicInputException(semantic);
        return StratsTape.Attach(deal, file, map.Of("strats_tape"), readFile);
    }
}
