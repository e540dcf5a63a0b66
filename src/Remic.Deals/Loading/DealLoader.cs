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
    /// <summary>A deal file larger than this is refused before it is parsed (a real one is tens of kilobytes).</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    public static Deal Load(string path) => LoadText(ReadText(path), path);

    /// <summary>The deal file's text: an existing file of at most <see cref="MaxFileBytes"/> (its encoding is checked by <see cref="LoadText"/>).</summary>
    public static string ReadText(string path)
    {
        if (!File.Exists(path))
            throw new RemicInputException(path, 0, "", null, "the deal file does not exist");
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (f.Length > MaxFileBytes)
                throw new RemicInputException(path, 0, "", null, $"a deal file of at most {MaxFileBytes / (1024 * 1024)} MB; use a loan tape (tape:) for loan-level data");
            var bytes = new byte[f.Length];
            f.ReadExactly(bytes);
            return new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RemicInputException(path, 0, "", null, $"a readable deal file ({e.Message})");
        }
    }

    /// <param name="file">Name used in messages (and to resolve relative tape paths).</param>
    public static Deal LoadText(string text, string file)
    {
        NotUtf8(text, file);
        var (root, map) = ReadYaml(text, file);
        var schemaErrors = SchemaValidation.Validate(root, map);
        if (schemaErrors.Count > 0) throw new RemicInputException(schemaErrors);
        var builder = new DealBuilder(map);
        var deal = builder.Build((JObject)root);
        if (builder.Errors.Count > 0) throw new RemicInputException(builder.Errors);
        deal = TapeGroups.Attach(deal, file);
        var semantic = new SemanticValidation(map, (JObject)root, deal).Check();
        if (semantic.Count > 0) throw new RemicInputException(semantic);
        return deal;
    }

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
