using System.Globalization;
using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// A curve given as tenor points (years, annual rate as a fraction), linearly interpolated between points and
/// flat beyond the first and last. Used for the Treasury curve (I-spread) and the zero curve (Z-spread).
/// </summary>
public sealed record TenorCurve
{
    public IReadOnlyList<double> Years { get; }
    public IReadOnlyList<double> Rates { get; }

    public TenorCurve(IReadOnlyList<double> years, IReadOnlyList<double> rates)
    {
        if (years.Count == 0 || years.Count != rates.Count)
            throw new ArgumentException("a curve needs as many rates as tenors, at least one");
        for (var k = 1; k < years.Count; k++)
            if (years[k] <= years[k - 1]) throw new ArgumentException($"tenors must increase: {years[k - 1]} then {years[k]}");
        Years = years.ToArray();
        Rates = rates.ToArray();
    }

    public static TenorCurve Flat(double rate) => new([1.0], [rate]);

    public double At(double years)
    {
        var t = Years;
        if (years <= t[0]) return Rates[0];
        if (years >= t[^1]) return Rates[^1];
        var k = 1;
        while (t[k] < years) k++;
        var w = (years - t[k - 1]) / (t[k] - t[k - 1]);
        return Rates[k - 1] + w * (Rates[k] - Rates[k - 1]);
    }

    /// <summary>Parses "3M=2.85, 2Y=3.40, 10Y=4.20" (tenors in M or Y, or bare years; rates in percent).</summary>
    public static TenorCurve Parse(string text, string source = "--curve")
    {
        const string expected = "expected tenor=rate pairs in percent, e.g. '3M=2.85, 2Y=3.40, 10Y=4.20', tenors increasing";
        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(source, 0, "", text ?? "", expected);
        var years = new List<double>();
        var rates = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !TryTenor(kv[0], out var y) ||
                !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
                throw new RemicInputException(source, 0, "", part, expected);
            if (years.Count > 0 && y <= years[^1])
                throw new RemicInputException(source, 0, "", part, $"tenor {kv[0]} is not after the previous one; {expected}");
            years.Add(y);
            rates.Add(r / 100);
        }
        return new TenorCurve(years, rates);
    }

    private static bool TryTenor(string s, out double years)
    {
        years = 0;
        if (s.Length == 0) return false;
        var unit = char.ToUpperInvariant(s[^1]);
        var num = char.IsAsciiLetter(unit) ? s[..^1] : s;
        if (!double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v <= 0) return false;
        years = unit switch { 'M' => v / 12, 'Y' => v, _ when char.IsAsciiDigit(unit) || unit == '.' => v, _ => -1 };
        return years > 0;
    }
}
