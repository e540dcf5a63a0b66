using Remic.Collateral;
using Remic.Core;

namespace Remic.Reports.Inputs;

/// <summary>
/// A list of prepayment speeds on the command line. "0,50,100 PPC": comma-separated values, a unit written once
/// applies to every value without one ("0 PPC, 50 PPC, 100 PPC"; "0,25 CPR,100 PSA" mixes units). Speeds that are
/// themselves vectors are separated by semicolons: "100 PPC; 5 CPR for 12, then 20 CPR".
/// </summary>
public static class SpeedList
{
    public const string Expected = "a list of prepayment speeds such as '0,50,100,150 PPC' (the unit applies to each value) or '100 PSA; 5 CPR for 12, then 20 CPR' (semicolons between vector speeds)";

    public static IReadOnlyList<Speed> Parse(string text, PpcRamp ramp, string option = "--speeds")
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(option, 0, "", text, Expected);
        if (text.Contains(';'))
            return text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => Speed.Prepay(s, ramp, option)).ToList();
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0)) throw new RemicInputException(option, 0, "", text, "an empty entry in the list; " + Expected);
        foreach (var p in parts)
            if (!char.IsAsciiDigit(p[0]) && p[0] != '.')
                throw new RemicInputException(option, 0, "", p, "not a speed (a number, then optionally its unit); " + Expected);
        var units = parts.Select(Unit).ToArray();
        // A value without a unit takes the next unit written after it, else the last one before it.
        string? next = null;
        for (var i = parts.Length - 1; i >= 0; i--) { if (units[i] is not null) next = units[i]; else units[i] = next; }
        string? prev = null;
        for (var i = 0; i < parts.Length; i++) { if (units[i] is not null) prev = units[i]; else units[i] = prev; }
        if (units.Any(u => u is null)) throw new RemicInputException(option, 0, "", text, "no unit; " + Expected);
        return parts.Select((p, i) => Speed.Prepay(Unit(p) is null ? $"{p} {units[i]}" : p, ramp, option)).ToList();
    }

    /// <summary>The letters a value ends with ("100 PPC" → "PPC"), or null for a bare number.</summary>
    private static string? Unit(string part)
    {
        var end = part.Length;
        var start = end;
        while (start > 0 && char.IsAsciiLetter(part[start - 1])) start--;
        return start < end ? part[start..end] : null;
    }
}
