namespace Remic.Core;

/// <summary>Day-count conventions used by certificates: 30/360 (SIA, see <see cref="DayCounts.Days"/>) for fixed classes, Actual/360 for LIBOR floaters.</summary>
public enum DayCount { Thirty360, Actual360, Actual365 }

public static class DayCounts
{
    /// <summary>
    /// Days between two dates under the convention. 30/360 is the SIA rule that SIFMA's Standard Formulas use for
    /// mortgage-backed securities ("30/360 SIA", with the end-of-month rule), applied in this order to
    /// D1 = day of <paramref name="from"/>, D2 = day of <paramref name="to"/>:
    /// (1) if D1 and D2 are both the last day of February, D2 = 30; (2) if D1 is the last day of February, D1 = 30;
    /// (3) if D2 is 31 and D1 is 30 or 31, D2 = 30; (4) if D1 is 31, D1 = 30; then
    /// days = 360·(Y2 − Y1) + 30·(M2 − M1) + (D2 − D1).
    /// It differs from the ISDA bond basis (2006 §4.16(f)) only when a date is the last day of February:
    /// 2005-02-28 → 2005-03-25 is 25 days (bond basis: 27); 2004-02-29 → 2004-03-31 is 30 (bond basis: 32).
    /// ACT/360 and ACT/365 count calendar days.
    /// </summary>
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
        var aEndOfFebruary = a.Month == 2 && d1 == DateTime.DaysInMonth(a.Year, 2);
        if (aEndOfFebruary && b.Month == 2 && d2 == DateTime.DaysInMonth(b.Year, 2)) d2 = 30;
        if (aEndOfFebruary) d1 = 30;
        if (d2 == 31 && d1 >= 30) d2 = 30;
        if (d1 == 31) d1 = 30;
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
