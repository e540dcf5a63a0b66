namespace Remic.Core;

/// <summary>Day-count conventions used by certificates: 30/360 for fixed classes, Actual/360 for LIBOR floaters.</summary>
public enum DayCount { Thirty360, Actual360, Actual365 }

public static class DayCounts
{
    /// <summary>Days between two dates under the convention (30/360 is the bond basis, ISDA 2006 §4.16(f)).</summary>
    public static int Days(DayCount dc, DateOnly from, DateOnly to) => dc switch
    {
        DayCount.Thirty360 => Days30360(from, to),
        _ => to.DayNumber - from.DayNumber,
    };

    /// <summary>Year fraction between two dates.</summary>
    public static double YearFraction(DayCount dc, DateOnly from, DateOnly to) => dc switch
    {
        DayCount.Thirty360 => Days30360(from, to) / 360.0,
        DayCount.Actual360 => (to.DayNumber - from.DayNumber) / 360.0,
        DayCount.Actual365 => (to.DayNumber - from.DayNumber) / 365.0,
        _ => throw new ArgumentOutOfRangeException(nameof(dc)),
    };

    private static int Days30360(DateOnly a, DateOnly b)
    {
        int d1 = a.Day, d2 = b.Day;
        if (d1 == 31) d1 = 30;
        if (d2 == 31 && d1 >= 30) d2 = 30;
        return 360 * (b.Year - a.Year) + 30 * (b.Month - a.Month) + (d2 - d1);
    }

    public static DayCount Parse(string text, string source = "day count") => text.Trim().ToUpperInvariant() switch
    {
        "30/360" or "30360" or "THIRTY360" => DayCount.Thirty360,
        "ACT/360" or "ACTUAL/360" or "ACTUAL360" => DayCount.Actual360,
        "ACT/365" or "ACTUAL/365" or "ACTUAL365" => DayCount.Actual365,
        _ => throw new RemicInputException(source, 0, "", text, "expected a day count: 30/360, ACT/360 or ACT/365"),
    };

    public static string Format(DayCount dc) => dc switch
    {
        DayCount.Thirty360 => "30/360",
        DayCount.Actual360 => "ACT/360",
        _ => "ACT/365",
    };
}
