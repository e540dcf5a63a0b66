using System.Globalization;
using Remic.Core;

namespace Remic.Reports.Inputs;

/// <summary>Command-line values read as text and checked here, so a bad value gets the same kind of message (and exit code) as a bad file.</summary>
public static class CliValues
{
    public static double Number(string? text, string option, double min, double max, string expected, double? fallback = null)
    {
        if (text is null) return fallback ?? throw new RemicInputException(option, 0, "", null, $"this option is required: {expected}");
        return FiniteNumber.Parse(text, option, min, max, expected);
    }

    public static int Whole(string? text, string option, int min, int max, string expected, int? fallback = null)
    {
        if (text is null) return fallback ?? throw new RemicInputException(option, 0, "", null, $"this option is required: {expected}");
        return FiniteNumber.Whole(text, option, min, max, expected);
    }

    public static DateOnly Date(string? text, string option, DateOnly fallback)
    {
        if (text is null) return fallback;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return Domains.InRange(d) ? d : throw new RemicInputException(option, 0, "", text, Domains.DateRange);
        throw new RemicInputException(option, 0, "", text, "a date as YYYY-MM-DD, e.g. 2004-04-30");
    }
}
