using System.Globalization;
using System.Text.RegularExpressions;
using Remic.Collateral;
using Remic.Core;

namespace Remic.Grid;

/// <summary>One index path of the grid: a name (the CSV column's header) and the index level by projection month, in
/// percent (the last value holds). Every index the deal resets off (its floaters, corridors and ARMs) follows the path.</summary>
public sealed record GridIndexPath(string Name, IReadOnlyList<double> Percents);

/// <summary>
/// The axes of a scenario grid: every combination of a prepayment speed, a default speed, a loss severity, a
/// liquidation lag, an index path and the clean-up call flag is one scenario. Speeds are kept as the texts users
/// write ("100 PPC", "5 CDR"): a PPC speed is read against each deal's own 100% PPC ramp when the deal is run.
/// Parsed from the CLI's range grammar by <see cref="Parse"/>.
/// </summary>
public sealed partial record GridAxes
{
    /// <summary>Prepayment speeds ("150 PPC", "20 CPR", "5 CPR for 12, then 20 CPR").</summary>
    public IReadOnlyList<string> Prepay { get; init; } = ["100 PPC"];
    /// <summary>Default speeds ("0 CDR", "100 SDA").</summary>
    public IReadOnlyList<string> Default { get; init; } = ["0 CDR"];
    /// <summary>Loss severities in percent of the defaulted balance (0 to 100).</summary>
    public IReadOnlyList<double> Severity { get; init; } = [0];
    /// <summary>Months from default to liquidation (0 to <see cref="Domains.MaxLagMonths"/>).</summary>
    public IReadOnlyList<int> Lag { get; init; } = [0];
    /// <summary>Index paths; empty = one path: the deal file's own assumed index levels.</summary>
    public IReadOnlyList<GridIndexPath> IndexPaths { get; init; } = [];
    /// <summary>Exercise the deal's clean-up call (false, true, or both).</summary>
    public IReadOnlyList<bool> Call { get; init; } = [false];

    /// <summary>Scenarios per deal above which a grid needs <c>--force</c>.</summary>
    public const long ForceAbove = 1_000_000;
    /// <summary>Scenario rows (deals × scenarios) no grid may exceed, even with <c>--force</c>.</summary>
    public const long Max = 10_000_000_000;
    /// <summary>Values one range may expand to.</summary>
    public const int MaxRangeValues = 100_000;

    /// <summary>
    /// The axes from the command line's texts; null = the axis's default (100 PPC, 0 CDR, severity 0, lag 0). Every
    /// problem is collected and thrown together as one <see cref="RemicInputException"/> naming the option.
    /// </summary>
    public static GridAxes Parse(string? prepay, string? dflt, string? severity, string? lag, IReadOnlyList<GridIndexPath>? paths = null, bool call = false)
    {
        var errors = new List<InputError>();
        T Try<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
        }
        var axes = new GridAxes
        {
            Prepay = prepay is null ? ["100 PPC"] : Try(() => Speeds(prepay, SpeedKind.Prepayment, "--prepay"), []),
            Default = dflt is null ? ["0 CDR"] : Try(() => Speeds(dflt, SpeedKind.Default, "--default"), []),
            Severity = severity is null ? [0] : Try(() => Numbers(severity, "--severity", 0, 100, whole: false, SeverityExpected), []),
            Lag = lag is null ? [0] : Try(() => Numbers(lag, "--lag", 0, Domains.MaxLagMonths, whole: true, LagExpected).Select(v => (int)v).ToList(), []),
            IndexPaths = paths ?? [],
            Call = call ? [true] : [false],
        };
        if (errors.Count > 0) throw new RemicInputException(errors);
        return axes;
    }

    private const string RangeHelp = "a range 'FROM..TO UNIT step STEP' (e.g. '0..500 PPC step 25'), or a comma-separated list ('100 PPC, 300 PPC' or '0,100,300 PPC')";
    private static readonly string SeverityExpected = "severities in percent from 0 to 100: a list '25,40,55' or a range '20..60 step 10'";
    private static readonly string LagExpected = $"lags in whole months from 0 to {Domains.MaxLagMonths}: a list '0,6,12' or a range '0..24 step 6'";

    [GeneratedRegexAttribute(@"^(?<a>[+-]?\d+(?:\.\d+)?)\s*%?\s*(?<u1>[A-Za-z]+)?\s*\.\.\s*(?<b>[+-]?\d+(?:\.\d+)?)\s*%?\s*(?<u2>[A-Za-z]+)?(?:\s+(?:step|by)\s+(?<s>[+-]?\d+(?:\.\d+)?))?\s*%?\s*(?<u3>[A-Za-z]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RangePattern();

    /// <summary>
    /// Speeds of one axis: comma-separated items, each a speed ("300 PPC", a bare number taking the unit written
    /// next to it as in <see cref="SpeedListText"/>) or a range "0..500 PPC step 25"; semicolons separate items when
    /// a speed is itself a vector ("100 PPC; 5 CPR for 12, then 20 CPR"). Each speed is checked by
    /// <see cref="Speed.Parse"/> against the standard ramp (a deal's own ramp changes the curve, not the grammar).
    /// </summary>
    public static IReadOnlyList<string> Speeds(string text, SpeedKind kind, string option)
    {
        var expected = $"{(kind == SpeedKind.Prepayment ? "prepayment" : "default")} speeds: " + RangeHelp.Replace("PPC", kind == SpeedKind.Prepayment ? "PPC" : "CDR");
        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(option, 0, "", text, expected);
        var separator = text.Contains(';') ? ';' : ',';
        var items = text.Split(separator, StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0)) throw new RemicInputException(option, 0, "", text, "an empty entry in the list; expected " + expected);
        var texts = new List<string>();
        var plain = new List<string>();
        void FlushPlain()
        {
            if (plain.Count == 0) return;
            if (separator == ';') texts.AddRange(plain);
            else texts.AddRange(SpeedListText.Split(string.Join(",", plain), option, expected));
            plain.Clear();
        }
        foreach (var item in items)
        {
            if (!item.Contains("..", StringComparison.Ordinal)) { plain.Add(item); continue; }
            FlushPlain();
            var (values, unit) = Range(item, option, expected, whole: false);
            if (unit is null) throw new RemicInputException(option, 0, "", item, "a unit for the range (e.g. '0..500 PPC step 25'); expected " + expected);
            texts.AddRange(values.Select(v => $"{Format(v)} {unit.ToUpperInvariant()}"));
        }
        FlushPlain();
        var errors = new List<InputError>();
        foreach (var t in texts)
        {
            try { Speed.Parse(t, kind, PpcRamp.CwaltFixed, option); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        return Distinct(texts, option);
    }

    /// <summary>Numbers of one axis: a comma-separated list of values and ranges "FROM..TO step STEP", each in [min, max].</summary>
    public static IReadOnlyList<double> Numbers(string text, string option, double min, double max, bool whole, string expected)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(option, 0, "", text, "expected " + expected);
        var values = new List<decimal>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length == 0) throw new RemicInputException(option, 0, "", text, "an empty entry in the list; expected " + expected);
            if (item.Contains("..", StringComparison.Ordinal))
            {
                var (range, unit) = Range(item, option, expected, whole);
                if (unit is not null) throw new RemicInputException(option, 0, "", item, $"no unit ('{unit}' is not one here); expected " + expected);
                values.AddRange(range);
                continue;
            }
            if (!decimal.TryParse(item.TrimEnd('%').Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                throw new RemicInputException(option, 0, "", item, "not a number; expected " + expected);
            values.Add(v);
        }
        foreach (var v in values)
        {
            if (v < (decimal)min || v > (decimal)max || (whole && v != decimal.Truncate(v)))
                throw new RemicInputException(option, 0, "", Format(v), "out of range; expected " + expected);
        }
        return Distinct(values.Select(v => (double)v).ToList(), option);
    }

    /// <summary>"0..500 PPC step 25" → 0, 25, …, 500 (decimal arithmetic, so "0..1 step 0.1" has exactly 11 values) and its unit.</summary>
    private static (IReadOnlyList<decimal> Values, string? Unit) Range(string item, string option, string expected, bool whole)
    {
        var m = RangePattern().Match(item);
        if (!m.Success) throw new RemicInputException(option, 0, "", item, "cannot read this range; expected " + expected);
        var units = new[] { "u1", "u2", "u3" }.Select(g => m.Groups[g]).Where(g => g.Success).Select(g => g.Value.ToUpperInvariant())
            .Where(u => u != "STEP" && u != "BY").Distinct().ToList();
        if (units.Count > 1) throw new RemicInputException(option, 0, "", item, $"one unit for the range, not {string.Join(" and ", units)}; expected " + expected);
        var a = decimal.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = decimal.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        if (!m.Groups["s"].Success)
            throw new RemicInputException(option, 0, "", item, "a step for the range, e.g. '0..500 PPC step 25'");
        var s = decimal.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
        if (s <= 0) throw new RemicInputException(option, 0, "", item, "a step above 0, e.g. '0..500 PPC step 25'");
        if (b < a) throw new RemicInputException(option, 0, "", item, $"a range from low to high: {Format(b)}..{Format(a)}, not {Format(a)}..{Format(b)}");
        if (whole && (s != decimal.Truncate(s) || a != decimal.Truncate(a))) throw new RemicInputException(option, 0, "", item, "whole numbers; expected " + expected);
        var count = decimal.Floor((b - a) / s) + 1;
        if (count > MaxRangeValues)
            throw new RemicInputException(option, 0, "", item, $"at most {MaxRangeValues:N0} values in one range; this one has {count:N0} (a larger step?)");
        var values = new List<decimal>((int)count);
        for (var k = 0; k < (int)count; k++) values.Add(a + k * s);
        return (values, units.Count == 1 ? units[0] : null);
    }

    private static IReadOnlyList<T> Distinct<T>(List<T> values, string option) where T : notnull
    {
        var seen = new HashSet<T>();
        foreach (var v in values)
            if (!seen.Add(v)) throw new RemicInputException(option, 0, "", v.ToString(), "each value once: it is listed twice (a grid runs each combination once)");
        return values;
    }

    private static string Format(decimal v) => v.ToString("0.############################", CultureInfo.InvariantCulture);
}
