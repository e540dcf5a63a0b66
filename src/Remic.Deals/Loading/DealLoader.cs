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
    /// <summary>Reads the file (a regular file within <see cref="FileLimits.DealFile"/>) and loads it.</summary>
    public static Deal Load(string path) => LoadText(ReadText(path), path);

    /// <summary>A deal file's text, read as every user file is (<see cref="UserFile"/>): callers that keep the text load it with <see cref="LoadText"/>.</summary>
    public static string ReadText(string path) => UserFile.ReadText(path, FileLimits.DealFile);

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
        deal = TapeGroups.Attach(deal, file, map);
        var semantic = new SemanticValidation(map, (JObject)root, deal).Check();
        if (semantic.Count > 0) throw new RemicInputException(semantic);
        // PAC/TAC bands: derive the schedules now (the deal's own allocation at both band speeds), so a band the
        // structure cannot support is reported at load, at the class's schedule.
        try { Projection.PacSchedules.ResolveBands(deal); }
        catch (Projection.PacBandException e)
        {
            var path = $"classes[{e.ClassIndex}].schedule.band";
            var (line, col) = map.Of(path);
            throw new RemicInputException(new InputError(map.File, line, path, null, e.Message, col));
        }
        return StratsTape.Attach(deal, file, map.Of("strats_tape"), readFile);
    }
}
