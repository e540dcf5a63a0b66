using System.Globalization;

namespace Remic.Core;

/// <summary>
/// The one parser for numbers typed by a user or read from a file: invariant culture, plain decimal or exponent
/// notation, finite only. "NaN", "Infinity", "∞" and anything that overflows to infinity (1e400, a 400-digit
/// number) are refused, so a range check after it can never be passed by a NaN.
/// </summary>
public static class FiniteNumber
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent
                                       | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>True for a finite number; false for NaN, ±∞, overflow, thousands separators or any other text.</summary>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return false;
        if (!double.TryParse(text, Style, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) return false;
        value = v;
        return true;
    }

    /// <summary>As <see cref="TryParse(string?, out double)"/>, held exactly as a decimal (false beyond ±7.9e28).</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return false;
        return decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A finite number within [min, max], else an input error naming <paramref name="source"/>.</summary>
    public static double Parse(string? text, string source, double min, double max, string expected)
    {
        if (TryParse(text, out double v) && v >= min && v <= max) return v;
        throw new RemicInputException(source, 0, "", text ?? "", expected);
    }

    /// <summary>A finite decimal within [min, max], else an input error naming <paramref name="source"/>.</summary>
    public static decimal ParseDecimal(string? text, string source, decimal min, decimal max, string expected)
    {
        if (TryParse(text, out decimal v) && v >= min && v <= max) return v;
        throw new RemicInputException(source, 0, "", text ?? "", expected);
    }

    /// <summary>A whole number within [min, max] (digits, optional sign), else an input error; never an overflow.</summary>
    public static int Whole(string? text, string source, int min, int max, string expected)
    {
        if (text is not null && text.Trim().Length <= 11
            && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            return (int)v;
        throw new RemicInputException(source, 0, "", text ?? "", expected);
    }
}
