using System.Globalization;
using System.Text.RegularExpressions;
using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// The on-the-run Treasury curve as quoted: par yields (bond-equivalent, semi-annual, annual fractions) at tenors in
/// years, and the zero curve bootstrapped from it. The conventions, stated once:
/// <list type="bullet">
/// <item><b>Par yields</b> between quoted tenors are linear in the tenor; flat before the first and after the last.</item>
/// <item><b>Bootstrap</b> on the half-year grid t_n = n/2 out to the last tenor: a bill (tenor ≤ 6 months) is a zero,
/// and the par bond of coupon c = par(t_n) prices to 100:
/// <c>D_n = (1 − c/2 · Σ_{i&lt;n} D_i) / (1 + c/2)</c>; the zero rate is semi-annual, <c>D_n = (1 + z_n/2)^(−2 t_n)</c>.</item>
/// <item><b>Zero rates</b> between grid points are linear in time; flat before 6 months and after the last point.</item>
/// </list>
/// On a flat par curve at r every zero rate is r (semi-annual), so a Z-spread there is the bond-equivalent yield minus r.
/// </summary>
public sealed partial class TreasuryCurve
{
    /// <summary>Quoted tenors in years, increasing.</summary>
    public IReadOnlyList<double> Tenors { get; }
    /// <summary>Quoted par yields, annual fractions (bond-equivalent).</summary>
    public IReadOnlyList<double> ParYields { get; }
    /// <summary>The text the curve was read from, for the exhibit's header.</summary>
    public string Source { get; init; } = "";

    private readonly double[] _gridYears;
    private readonly double[] _zeros;

    public TreasuryCurve(IReadOnlyList<double> tenors, IReadOnlyList<double> parYields)
    {
        if (tenors.Count == 0 || tenors.Count != parYields.Count)
            throw new ArgumentException("a curve needs as many yields as tenors, at least one");
        for (var k = 1; k < tenors.Count; k++)
            if (tenors[k] <= tenors[k - 1]) throw new ArgumentException($"tenors must increase: {tenors[k - 1]} then {tenors[k]}");
        Tenors = tenors.ToArray();
        ParYields = parYields.ToArray();
        (_gridYears, _zeros) = Bootstrap();
    }

    public static TreasuryCurve Flat(double rate) => new([0.5, 30], [rate, rate]) { Source = $"flat {rate * 100:0.###}%" };

    /// <summary>Par yield at <paramref name="years"/>: linear between quoted tenors, flat outside them.</summary>
    public double ParYield(double years) => Linear(Tenors, ParYields, years);

    /// <summary>Zero rate (semi-annual compounding) at <paramref name="years"/>.</summary>
    public double ZeroRate(double years) => Linear(_gridYears, _zeros, years);

    /// <summary>Discount factor (1 + z(t)/2)^(−2t).</summary>
    public double Discount(double years) => Math.Pow(1 + ZeroRate(years) / 2, -2 * years);

    /// <summary>The bootstrapped grid: (years, semi-annual zero rate) every half year.</summary>
    public IReadOnlyList<(double Years, double Zero)> Zeros => _gridYears.Zip(_zeros).ToArray();

    private (double[] Years, double[] Zeros) Bootstrap()
    {
        var n = Math.Max(1, (int)Math.Ceiling(Tenors[^1] * 2 - 1e-9));
        var years = new double[n];
        var zeros = new double[n];
        var d = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var t = (i + 1) / 2.0;
            var c = ParYield(t);
            d[i] = i == 0 ? 1 / (1 + c / 2) : (1 - c / 2 * sum) / (1 + c / 2);
            if (!(d[i] > 0)) throw new ArgumentException($"the par curve cannot be bootstrapped past {t} years (discount factor {d[i]})");
            sum += d[i];
            years[i] = t;
            zeros[i] = 2 * (Math.Pow(d[i], -1 / (2 * t)) - 1);
        }
        return (years, zeros);
    }

    private static double Linear(IReadOnlyList<double> x, IReadOnlyList<double> y, double at)
    {
        if (at <= x[0]) return y[0];
        if (at >= x[^1]) return y[^1];
        var k = 1;
        while (x[k] < at) k++;
        var w = (at - x[k - 1]) / (x[k] - x[k - 1]);
        return y[k - 1] + w * (y[k] - y[k - 1]);
    }

    private const string Expected =
        "expected tenor and par yield (percent) pairs, e.g. \"6MO 2.634, 2YR 3.142, 10YR 4.140\" (tenors in MO/M, YR/Y or W, increasing), or a file of such lines";

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<u>MO|M|YR|Y|W|WK)?\s*[=:\s,]\s*(?<r>[-+]?\d+(?:\.\d+)?)\s*%?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pair();

    /// <summary>
    /// Parses <c>--curve</c>: "6MO 2.634, 2YR 3.142, ..." (also "3M=2.85", "2Y: 3.40"), or the path of a file with one
    /// such pair a line (CSV "tenor,yield" allowed, a header line and #-comments skipped).
    /// </summary>
    public static TreasuryCurve Parse(string text, string source = "--curve")
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(source, 0, "", text ?? "", Expected);
        if (File.Exists(text)) return ReadFile(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return FromPairs(parts.Select(p => (source, 0, p)).ToList(), text.Trim());
    }

    public static TreasuryCurve ReadFile(string path)
    {
        var lines = File.ReadAllLines(path);
        var pairs = new List<(string, int, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i].Trim();
            if (l.Length == 0 || l.StartsWith('#')) continue;
            if (pairs.Count == 0 && !char.IsAsciiDigit(l[0])) continue; // a header line
            pairs.Add((path, i + 1, l));
        }
        if (pairs.Count == 0) throw new RemicInputException(path, 0, "", "", "the curve file has no tenor lines; " + Expected);
        return FromPairs(pairs, Path.GetFileName(path));
    }

    private static TreasuryCurve FromPairs(IReadOnlyList<(string Source, int Line, string Text)> pairs, string label)
    {
        var errors = new List<InputError>();
        var tenors = new List<double>();
        var yields = new List<double>();
        foreach (var (src, line, p) in pairs)
        {
            var m = Pair().Match(p);
            if (!m.Success) { errors.Add(new InputError(src, line, "", p, Expected)); continue; }
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var years = (m.Groups["u"].Value.ToUpperInvariant()) switch
            {
                "MO" or "M" => n / 12,
                "W" or "WK" => n * 7 / 365.25,
                _ => n,
            };
            var r = double.Parse(m.Groups["r"].Value, CultureInfo.InvariantCulture);
            if (years <= 0 || years > 100) { errors.Add(new InputError(src, line, "", p, "a tenor above 0 and at most 100 years; " + Expected)); continue; }
            if (r <= -5 || r >= 50) { errors.Add(new InputError(src, line, "", p, "a par yield in percent between -5 and 50")); continue; }
            if (tenors.Count > 0 && years <= tenors[^1])
            {
                errors.Add(new InputError(src, line, "", p, "tenors in increasing order; " + Expected));
                continue;
            }
            tenors.Add(years);
            yields.Add(r / 100);
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        try { return new TreasuryCurve(tenors, yields) { Source = label }; }
        catch (ArgumentException e) { throw new RemicInputException(pairs[0].Source, 0, "", label, e.Message); }
    }
}
