using System.Globalization;
using System.Text.RegularExpressions;
using Remic.Core;

namespace Remic.Trustee.Statements.Bny;

/// <summary>A class's line of a filed Certificateholder Monthly Distribution Summary; a figure the filing does not show is null.</summary>
public sealed record FiledClass(string Name, int Line, string? Cusip, string? Description, string? RateType, decimal? Beginning, decimal? Rate,
    decimal? Principal, decimal? Interest, decimal? Total, decimal? CurrentLoss, decimal? Ending, decimal? CumulativeLoss)
{
    /// <summary>A notional (IO) class: its principal identity does not hold (the notional follows its reference).</summary>
    public bool Notional => Description is { } d && d.Contains("IO", StringComparison.Ordinal);

    /// <summary>Accretion Principal from the Principal Distribution Detail (an accrual class's interest added to its balance); null when the
    /// text has no such section.</summary>
    public decimal? Accretion { get; init; }

    /// <summary>The class's row of the Interest Distribution Detail (null when the text has no such section, or no row for the class).</summary>
    public FiledInterestDetail? InterestDetail { get; init; }

    /// <summary>The loan group the class's name implies (its leading digits, "1-A-1" → "1", "5A2" → "5"; "" when none).</summary>
    public string Group => Regex.Match(Name, @"^\d+").Value;
}

/// <summary>
/// A class's Interest Distribution Detail as filed: Current Interest (the month's accrual), Total Interest Due, Net Interest Shortfall,
/// Interest Carryforward Amount (interest still unpaid after the distribution) and Interest Paid.
/// </summary>
public sealed record FiledInterestDetail(decimal Current, decimal Due, decimal NetShortfall, decimal Carryforward, decimal Paid)
{
    /// <summary>Nothing due from before and nothing carried forward: the month's accrual is the Current Interest.</summary>
    public bool Plain => Carryforward == 0 && Due == Current;
}

/// <summary>The Totals row(s): each column as the filing prints it (null where not shown).</summary>
public sealed record FiledTotals(decimal? Beginning, decimal? Principal, decimal? Interest, decimal? Total, decimal? CurrentLoss, decimal? Ending, decimal? CumulativeLoss);

public sealed record FiledStatement(string FileName, string? Title, DateOnly? DistributionDate, IReadOnlyList<FiledClass> Classes, FiledTotals Totals,
    IReadOnlyList<string> Notes);

/// <summary>
/// Reads the Certificateholder Monthly Distribution Summary of a statement in the Bank of New York's plain-text layout, tolerant of
/// what real filings (and text taken from their PDFs) do: the table in one wide row per class or split into two blocks (Class … Principal
/// Distribution, then Class … Cumulative Realized Losses), lines wrapped or joined, a Recombination Classes column, "|" table rules,
/// Totals rows, missing sections, and amounts with "." or "," as thousands separators. A row is recognised by its tokens, not by
/// columns: class name, CUSIP (9 characters; may be blank), description words, rate type (Fix-30/360, Var-Act/360, …), then amounts.
/// </summary>
public static partial class BnyStatementParser
{
    public const string SummaryTitle = "Certificateholder Monthly Distribution Summary";
    private static readonly string[] NextSections = ["Principal Distribution Detail", "Interest Distribution Detail", "Current Payment Information", "Collateral Detail"];

    [GeneratedRegex(@"^[0-9A-Z]{8}[0-9]$")] private static partial Regex CusipPattern();
    [GeneratedRegex(@"^(Fix|Var)-(30/360|Act/360|Act/365)$", RegexOptions.IgnoreCase)] private static partial Regex RateTypePattern();
    [GeneratedRegex(@"^-?[\d][\d.,]*$")] private static partial Regex NumberPattern();
    [GeneratedRegex(@"Distribution Date:?\s*(\d{1,2})/(\d{1,2})/(\d{2,4})", RegexOptions.IgnoreCase)] private static partial Regex DatePattern();
    [GeneratedRegex(@"^[0-9A-Z][0-9A-Z\-]{0,11}$", RegexOptions.IgnoreCase)] private static partial Regex ClassNamePattern();

    public static FiledStatement Parse(string fileName, string text)
    {
        var lines = text.Replace("\r", "").Split('\n');
        var start = Array.FindIndex(lines, l => Normal(l).Contains(SummaryTitle, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
            throw new RemicInputException(fileName, 0, "", null, $"a trustee statement with a \"{SummaryTitle}\" section (the Bank of New York layout)");
        var date = lines.Select(l => DatePattern().Match(l)).FirstOrDefault(m => m.Success) is { } dm ? Date(dm) : null;
        var title = lines.Take(start).Select(Normal).FirstOrDefault(l => Regex.IsMatch(l, @"\bTrust\b", RegexOptions.IgnoreCase)); // not a "TRUSTEE" heading

        var rows = new Dictionary<string, Builder>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var totals = new List<decimal[]>();
        var notes = new List<string>();
        Builder? open = null;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = Normal(lines[i]);
            if (NextSections.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))) break;
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            if (tokens[0].Equals("Totals", StringComparison.OrdinalIgnoreCase))
            {
                totals.Add(tokens.Skip(1).Where(IsNumber).Select(Number).ToArray());
                open = null;
                continue;
            }
            var (row, rest) = ClassRow(tokens);
            if (row is not null)
            {
                if (!rows.TryGetValue(row.Name, out var b)) { b = new Builder(row.Name, i + 1); rows[row.Name] = b; order.Add(row.Name); }
                b.Take(row, rest);
                open = b.Complete ? null : b;
            }
            else if (open is not null && tokens.All(IsNumber))
            {
                open.Numbers.AddRange(tokens.Select(Number)); // a wrapped row's amounts
                if (open.Complete) open = null;
            }
        }
        if (order.Count == 0)
            throw new RemicInputException(fileName, start + 1, SummaryTitle, null, "class rows under the summary heading (class, CUSIP, description, rate type, amounts)");
        var classes = order.Select(n => rows[n].Build()).ToList();
        foreach (var c in classes.Where(c => c.Ending is null))
            notes.Add($"{c.Name} (line {c.Line}): only {rows[c.Name].Numbers.Count} amounts; the row is incomplete in the filing");
        var accretion = AccretionPrincipal(lines, rows.Keys);
        if (accretion.Count > 0) classes = classes.Select(c => c with { Accretion = accretion.GetValueOrDefault(c.Name) }).ToList();
        var interest = InterestDetail(lines, rows.Keys);
        if (interest.Count > 0) classes = classes.Select(c => c with { InterestDetail = interest.GetValueOrDefault(c.Name) }).ToList();
        return new FiledStatement(fileName, title, date, classes, Totals(totals), notes);
    }

    /// <summary>
    /// The Accretion Principal column of the Principal Distribution Detail, by class: the fourth amount of the class's first row there
    /// (original balance, beginning balance, scheduled principal, accretion principal, in a wide row or the section's first block). Empty
    /// when the text has no such section or its heading names no accretion column.
    /// </summary>
    private static Dictionary<string, decimal> AccretionPrincipal(string[] lines, IEnumerable<string> classNames)
    {
        var found = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in SectionRows(lines, "Principal Distribution Detail", NextSections.Skip(1), "Accretion", classNames))
        {
            if (found.ContainsKey(t[0])) continue;
            var amounts = t.Skip(CusipPattern().IsMatch(t[1].ToUpperInvariant()) ? 2 : 1).ToArray();
            if (amounts.Length >= 4 && amounts.Take(4).All(IsNumber)) found[t[0]] = Number(amounts[3]);
        }
        return found;
    }

    /// <summary>
    /// The rows of a section that start with a known class name (as tokens), from its <paramref name="title"/> line to the first
    /// line naming one of <paramref name="until"/>, once a heading line has named <paramref name="column"/>. None when there is no
    /// such section.
    /// </summary>
    private static IEnumerable<string[]> SectionRows(string[] lines, string title, IEnumerable<string> until, string column, IEnumerable<string> classNames)
    {
        var known = new HashSet<string>(classNames, StringComparer.OrdinalIgnoreCase);
        var start = Array.FindIndex(lines, l => Normal(l).Contains(title, StringComparison.OrdinalIgnoreCase));
        if (start < 0) yield break;
        var heading = false;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = Normal(lines[i]);
            if (until.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))) yield break;
            if (line.Contains(column, StringComparison.OrdinalIgnoreCase)) heading = true;
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (heading && t.Length >= 2 && known.Contains(t[0])) yield return t;
        }
    }

    /// <summary>
    /// The Interest Distribution Detail, by class, in the column order Remic's statement prints it: beginning balance, pass-through rate,
    /// effective coupon, current interest, total interest due, net interest shortfall, interest carryforward amount, interest paid — in a
    /// wide row of eight amounts or in two blocks (six, then two). Empty when the text has no such section or its heading names no Net
    /// Interest Shortfall column; a class whose row is incomplete is left out.
    /// </summary>
    private static Dictionary<string, FiledInterestDetail> InterestDetail(string[] lines, IEnumerable<string> classNames)
    {
        var numbers = new Dictionary<string, List<decimal>>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in SectionRows(lines, "Interest Distribution Detail", NextSections.Skip(2), "Shortfall", classNames))
        {
            if (!t.Skip(1).All(IsNumber)) continue;
            if (!numbers.TryGetValue(t[0], out var xs)) numbers[t[0]] = xs = [];
            xs.AddRange(t.Skip(1).Select(Number));
        }
        return numbers.Where(kv => kv.Value.Count == 8)
            .ToDictionary(kv => kv.Key, kv => new FiledInterestDetail(kv.Value[3], kv.Value[4], kv.Value[5], kv.Value[6], kv.Value[7]), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A class row: a class name then either a CUSIP (first block or a wide row: description, rate type, amounts) or amounts only
    /// (the second block of a split table). Returns null for anything else (headings, notes).
    /// </summary>
    private static (Builder.Part? Row, string[] Amounts) ClassRow(string[] t)
    {
        if (!ClassNamePattern().IsMatch(t[0]) || t[0].All(char.IsDigit) || t.Length < 2) return (null, []);
        // The first block (or a wide row): CUSIP, description words, rate type, amounts. A class with no CUSIP (a statement for a deal
        // whose CUSIPs are not known, as Remic prints for the seed deals) leaves the column blank: words then the rate type.
        var cusip = CusipPattern().IsMatch(t[1].ToUpperInvariant());
        var k = Array.FindIndex(t, cusip ? 2 : 1, x => RateTypePattern().IsMatch(x));
        if (k >= 0 && (cusip || t[1..k].All(w => !IsNumber(w))))
        {
            var description = string.Join(" ", t[(cusip ? 2 : 1)..k].Where(w => w != "N/A" && !w.StartsWith("Deposit", StringComparison.Ordinal)
                && !w.StartsWith("Exchange", StringComparison.Ordinal) && !w.EndsWith('%')));
            return (new Builder.Part(t[0], cusip ? t[1].ToUpperInvariant() : null, description.Length == 0 ? null : description, t[k], true), t[(k + 1)..]);
        }
        if (cusip) return (null, []);
        return t.Skip(1).All(IsNumber) && t.Length >= 3 ? (new Builder.Part(t[0], null, null, null, false), t[1..]) : (null, []);
    }

    private sealed class Builder(string name, int line)
    {
        public sealed record Part(string Name, string? Cusip, string? Description, string? RateType, bool First);

        private string? _cusip, _description, _rateType;
        private decimal[]? _first; // beginning, rate, principal (first block)
        private bool _sawFirst, _sawSecond;
        public List<decimal> Numbers { get; } = [];
        public string Name => name;

        public void Take(Part p, string[] rest)
        {
            if (p.First)
            {
                (_cusip, _description, _rateType, _sawFirst) = (p.Cusip, p.Description, p.RateType, true);
                Numbers.Clear();
            }
            else
            {
                // The second block: its amounts follow the first block's three.
                if (_sawFirst && Numbers.Count >= 3) { _first = Numbers.Take(3).ToArray(); Numbers.Clear(); }
                _sawSecond = true;
            }
            Numbers.AddRange(rest.Where(IsNumber).Select(Number));
        }

        /// <summary>A wide row has 8 amounts; a first block 3; a second block 5.</summary>
        public bool Complete => _sawSecond ? Numbers.Count >= 5 : Numbers.Count >= 8;

        public FiledClass Build()
        {
            decimal? At(IReadOnlyList<decimal> xs, int i) => i < xs.Count ? xs[i] : null;
            if (_first is not null || (_sawSecond && !_sawFirst))
            {
                var f = _first ?? [];
                return new FiledClass(name, line, _cusip, _description, _rateType, At(f, 0), At(f, 1), At(f, 2),
                    At(Numbers, 0), At(Numbers, 1), At(Numbers, 2), At(Numbers, 3), At(Numbers, 4));
            }
            return new FiledClass(name, line, _cusip, _description, _rateType, At(Numbers, 0), At(Numbers, 1), At(Numbers, 2),
                At(Numbers, 3), At(Numbers, 4), At(Numbers, 5), At(Numbers, 6), At(Numbers, 7));
        }
    }

    /// <summary>Totals: one row of beginning, principal, interest, total, loss, ending, cumulative; or two (first block: beginning, principal).</summary>
    private static FiledTotals Totals(List<decimal[]> rows)
    {
        decimal? At(decimal[] xs, int i) => i < xs.Length ? xs[i] : null;
        if (rows.Count == 0) return new(null, null, null, null, null, null, null);
        if (rows.Count >= 2 && rows[0].Length == 2)
            return new(At(rows[0], 0), At(rows[0], 1), At(rows[1], 0), At(rows[1], 1), At(rows[1], 2), At(rows[1], 3), At(rows[1], 4));
        var r = rows[0];
        return new(At(r, 0), At(r, 1), At(r, 2), At(r, 3), At(r, 4), At(r, 5), At(r, 6));
    }

    /// <summary>A table line with its "|" rules, markdown breaks and repeated blanks removed.</summary>
    private static string Normal(string line) =>
        Regex.Replace(line.Replace("<br>", " ").Replace('|', ' ').Replace('\t', ' ').Replace("**", ""), " {2,}", " ").Trim();

    private static bool IsNumber(string t) => NumberPattern().IsMatch(t) && t.Any(char.IsDigit) && (t.Contains('.') || t.Contains(',') || t.All(char.IsDigit));

    /// <summary>
    /// An amount as filed: "1,234.56"; text from a PDF may show "49.109.713.92" or "239,575,66" — the last separator followed by two
    /// digits (six for a rate) is the decimal point, every other separator is for thousands.
    /// </summary>
    public static decimal Number(string t)
    {
        var negative = t.StartsWith('-');
        t = t.TrimStart('-');
        var last = t.LastIndexOfAny(['.', ',']);
        string whole = t, frac = "";
        if (last >= 0 && (t.Length - last - 1) is 2 or 6 or 4 or 8 || last >= 0 && t.IndexOfAny(['.', ',']) == last && t[last] == '.')
            (whole, frac) = (t[..last], t[(last + 1)..]);
        var digits = whole.Replace(",", "").Replace(".", "") + (frac.Length > 0 ? "." + frac : "");
        var v = decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return negative ? -v : v;
    }

    private static DateOnly? Date(Match m)
    {
        var y = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (y < 100) y += 2000;
        var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
    }
}
