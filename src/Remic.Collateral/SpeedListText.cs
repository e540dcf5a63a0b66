using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// A list of prepayment speeds as users write it on a command line. "0,50,100 PPC": comma-separated values, a unit
/// written once applies to every value without one ("0 PPC, 50 PPC, 100 PPC"; "0,25 CPR,100 PSA" mixes units). Speeds
/// that are themselves vectors are separated by semicolons: "100 PPC; 5 CPR for 12, then 20 CPR". Shared by
/// <c>remic price --speeds</c> (through Remic.Reports' SpeedList) and the grid's axes (Remic.Grid).
/// </summary>
public static class SpeedListText
{
    public const string Expected = "a list of prepayment speeds such as '0,50,100,150 PPC' (the unit applies to each value) or '100 PSA; 5 CPR for 12, then 20 CPR' (semicolons between vector speeds)";

    /// <summary>The speeds of the list as texts, each with its unit (the shape is checked here; each speed's own
    /// grammar by <see cref="Speed.Parse"/>).</summary>
    public static IReadOnlyList<string> Split(string text, string option, string expected = Expected)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(option, 0, "", text, expected);
        if (text.Contains(';'))
            return text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0)) throw new RemicInputException(option, 0, "", text, "an empty entry in the list; " + expected);
        foreach (var p in parts)
            if (!char.IsAsciiDigit(p[0]) && p[0] != '.')
                throw new RemicInputException(option, 0, "", p, "not a speed (a number, then optionally its unit); " + expected);
        var units = parts.Select(Unit).ToArray();
        // A value without a unit takes the next unit written after it, else the last one before it.
        string? next = null;
        for (var i = parts.Length - 1; i >= 0; i--) { if (units[i] is not null) next = units[i]; else units[i] = next; }
        string? prev = null;
        for (var i = 0; i < parts.Length; i++) { if (units[i] is not null) prev = units[i]; else units[i] = prev; }
        if (units.Any(u => u is null)) throw new RemicInputException(option, 0, "", text, "no unit; " + expected);
        return parts.Select((p, i) => Unit(p) is null ? $"{p} {units[i]}" : p).ToList();
    }

    /// <summary>The list parsed with <paramref name="ramp"/> as 100% PPC.</summary>
    public static IReadOnlyList<Speed> Parse(string text, PpcRamp ramp, string option) =>
        Split(text, option).Select(s => Speed.Prepay(s, ramp, option)).ToList();

    /// <summary>The letters a value ends with ("100 PPC" → "PPC"), or null for a bare number.</summary>
    public static string? Unit(string part)
    {
        var end = part.Length;
        var start = end;
        while (start > 0 && char.IsAsciiLetter(part[start - 1])) start--;
        return start < end ? part[start..end] : null;
    }
}
