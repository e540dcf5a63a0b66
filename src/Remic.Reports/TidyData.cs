using System.Globalization;
using System.Text.RegularExpressions;

namespace Remic.Reports;

/// <summary>
/// A table as data, for CSV, xlsx and Parquet: one header row of snake_case names, then one row per observation
/// whose cells are plain values — <see cref="double"/>, <see cref="decimal"/>, <see cref="int"/>, <see cref="DateOnly"/>
/// (written ISO yyyy-MM-dd), <see cref="bool"/>, <see cref="string"/> or null (empty). Numbers carry no thousands
/// separator, no "%" and no display marker; percent columns say so in their name (<c>yield_percent</c>).
/// </summary>
public sealed partial record TidyData(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A value as a CSV cell: invariant culture, round-trip precision, ISO dates.</summary>
    public static string Text(object? v) => v switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("0.##########", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>snake_case of a display header: "WAL (yr)" → "wal_yr", "Net WAC" → "net_wac", "100 PPC" → "100_ppc".</summary>
    public static string SnakeCase(string header)
    {
        var s = NonWord().Replace(header.Trim().ToLowerInvariant().Replace("%", " percent ").Replace("$", " "), "_").Trim('_');
        return s.Length == 0 ? "column" : s;
    }

    /// <summary>
    /// The display cells made plain: "1,234.56" → 1234.56, "5.500%" → 5.5, "$1,000" → 1000; anything else stays text.
    /// Header names become snake_case (made unique).
    /// </summary>
    public static TidyData FromDisplay(Table t)
    {
        var names = new List<string>();
        for (var c = 0; c < t.Columns; c++)
        {
            var n = SnakeCase(t.Header[c].Length == 0 ? (c == 0 ? "item" : $"column_{c + 1}") : t.Header[c]);
            var unique = n;
            for (var k = 2; names.Contains(unique); k++) unique = $"{n}_{k}";
            names.Add(unique);
        }
        var rows = t.Rows.Select(r => (IReadOnlyList<object?>)Enumerable.Range(0, t.Columns)
            .Select(c => c < r.Count ? Plain(r[c]) : null).ToArray()).ToList();
        return new TidyData(names, rows);
    }

    /// <summary>A display cell as a plain value: a number when it is one (separators, "%" and "$" dropped), else the text.</summary>
    public static object? Plain(string cell)
    {
        var s = cell.Trim();
        if (s.Length == 0) return null;
        if (DisplayNumber().IsMatch(s))
        {
            var core = s.Replace(",", "").Replace("$", "").TrimEnd('%').Trim();
            if (decimal.TryParse(core, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        }
        return s;
    }

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^[-+]?\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*%?$")]
    private static partial Regex DisplayNumber();
}
