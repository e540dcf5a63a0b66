using System.Text;

namespace Remic.Collateral.Tape;

/// <summary>
/// Checks on a tape's raw bytes before any CSV parsing, so that a wrong kind of file gets one clear
/// message instead of a hundred confusing field errors: empty, UTF-16 or binary, not UTF-8, a line
/// too long to be a loan record, or a header separated by something other than commas.
/// </summary>
internal static class TapeContent
{
    /// <summary>Longest accepted line, in characters; a loan record is a few hundred.</summary>
    public const int MaxLineLength = 65_536;

    /// <summary>The bytes to parse (a UTF-8 byte order mark removed) and the 1-based line of the header.</summary>
    public static (byte[] Bytes, int HeaderLine) Check(byte[] content, TapeErrors errors)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
            throw errors.Fatal(0, "", null, "the file is UTF-16 text; save it as UTF-8 CSV");
        var nul = Array.IndexOf(content, (byte)0);
        if (nul >= 0)
            throw errors.Fatal(0, "", null, $"the file contains a NUL byte at offset {nul}: it is binary or UTF-16, not a UTF-8 CSV tape");

        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        var bytes = start == 0 ? content : content[start..];
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            throw errors.Fatal(0, "", null, "the file is empty; expected a header row of column names followed by one row per loan");
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            throw errors.Fatal(LineAt(bytes, e.Index), "", null,
                $"the file is not UTF-8 text (invalid byte 0x{(e.BytesUnknown is { Length: > 0 } u ? u[0] : 0):X2}); save it as UTF-8 CSV");
        }

        var headerLine = 0;
        string? header = null;
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var l = raw.TrimEnd('\r');
            if (l.Length > MaxLineLength)
                throw errors.Fatal(line, "", null, $"the line is {l.Length:N0} characters long; a tape line may be at most {MaxLineLength:N0}");
            if (header is null && l.Trim().Length > 0 && !l.StartsWith('#')) { header = l; headerLine = line; }
        }
        if (header is null)
            throw errors.Fatal(0, "", null, "the file has only comments or blank lines; expected a header row of column names followed by one row per loan");
        if (!header.Contains(','))
        {
            foreach (var (c, name) in new[] { (';', "semicolons"), ('\t', "tabs"), ('|', "'|' characters") })
                if (header.Contains(c))
                    throw errors.Fatal(headerLine, "", null, $"the header is separated by {name}; expected a comma-separated file (save the tape as CSV with ',' between fields)");
        }
        return (bytes, headerLine);
    }

    private static int LineAt(byte[] bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < Math.Min(offset, bytes.Length); i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
