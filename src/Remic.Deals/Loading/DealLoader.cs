using System.Text;
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
    /// <param name="readFile">Reads a file the deal names (its groups' tapes, its strats tape) by its resolved path; default
    /// the file system. An embedded deal passes its own, and the trustee the copies its ledger stored at registration
    /// (a FileNotFoundException for a file it does not have).</param>
    public static Deal LoadText(string text, string file, Func<string, byte[]>? readFile = null)
    {
        NotUtf8(text, file);
        var (root, map) = ReadYaml(text, file);
        var schemaErrors = SchemaValidation.Validate(root, map);
        if (schemaErrors.Count > 0) throw new RemicInputException(schemaErrors);
        var builder = new DealBuilder(map);
        var deal = builder.Build((JObject)root);
        if (builder.Errors.Count > 0) throw new RemicInputException(builder.Errors);
        deal = TapeGroups.Attach(deal, file, map, readFile);
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

    /// <summary>The files a deal reads beside its text, by resolved path: its groups' tapes and its strats tape (which may be absent).</summary>
    public static IReadOnlyList<string> TapeFiles(Deal deal, string file) =>
        deal.Groups.Where(g => g.TapePath is not null).Select(g => TapeGroups.Resolve(file, g.TapePath!))
            .Concat(deal.StratsTapePath is { } s ? [TapeGroups.Resolve(file, s)] : [])
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The full path of a file a deal file names (a tape), as <see cref="LoadText"/> resolves it: relative to the deal file's folder.</summary>
    public static string ResolvePath(string dealFile, string written) => TapeGroups.Resolve(dealFile, written);

    /// <summary>
    /// Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252) decode to U+FFFD; such a file is refused at
    /// the first one rather than read with "Soci\uFFFDt\uFFFD" in a name.
    /// </summary>
    private static void NotUtf8(string text, string file)
    {
        var at = text.IndexOf('\uFFFD');
        if (at < 0) return;
        var line = 1 + text.AsSpan(0, at).Count('\n');
        throw new RemicInputException(file, line, "", null, "a deal file in UTF-8; this line holds bytes that are not UTF-8 (was the file saved as Latin-1 or Windows-1252?)");
    }

    /// <summary>YAML → JSON; the parser's own exceptions on broken text (an unclosed bracket or quote) are the file's fault, not a bug.</summary>
    private static (JToken Root, SourceMap Map) ReadYaml(string text, string file)
    {
        try { return YamlToJson.Read(text, file); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new RemicInputException(file, 0, "", null, "the file is not valid YAML (an unclosed bracket, brace or quote?)");
        }
    }
}
