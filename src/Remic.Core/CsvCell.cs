namespace Remic.Core;

/// <summary>
/// How every CSV Remic writes spells a cell: RFC 4180 quoting (a cell holding a comma, quote or line break is
/// quoted, quotes doubled) and formula neutralisation — a cell that starts with = + - @ (or a tab or carriage
/// return) and is not a plain number gets a leading apostrophe, so a spreadsheet shows the text instead of
/// running it ("=HYPERLINK(...)" from a class or loan name). Negative amounts stay numbers.
/// </summary>
public static class CsvCell
{
    public static string Format(string? cell)
    {
        var s = cell ?? "";
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !FiniteNumber.TryParse(s, out double _)) s = "'" + s;
        return s.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (s.Length > 0 && (s[0] == ' ' || s[^1] == ' '))
            ? "\"" + s.Replace("\"", "\"\"") + "\""
            : s;
    }

    /// <summary>One CSV line (without its line break).</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Format));

    /// <summary>A cell as read back: the apostrophe <see cref="Format"/> put before = + - @ is removed, so ids round-trip.</summary>
    public static string Read(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
