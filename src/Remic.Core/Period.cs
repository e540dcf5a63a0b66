using System.Globalization;

namespace Remic.Core;

/// <summary>A distribution month ("2004-05"): the unit the trustee closes and projections step by.</summary>
public readonly record struct Period(int Year, int Month) : IComparable<Period>
{
    public static Period Of(DateOnly d) => new(d.Year, d.Month);

    public Period AddMonths(int n)
    {
        var idx = Year * 12 + (Month - 1) + n;
        return new Period(idx / 12, idx % 12 + 1);
    }

    /// <summary>Whole months from <paramref name="other"/> to this period.</summary>
    public int MonthsSince(Period other) => (Year - other.Year) * 12 + (Month - other.Month);

    public DateOnly Day(int day) => new(Year, Month, Math.Min(day, DateTime.DaysInMonth(Year, Month)));

    public int CompareTo(Period other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>Short label as the Computational Materials print it: "Apr04".</summary>
    public string ToShortLabel() => new DateOnly(Year, Month, 1).ToString("MMMyy", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null) return false;
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, ["yyyy-MM", "yyyy/MM", "yyyyMM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && Domains.InRange(d))
        {
            period = Of(d);
            return true;
        }
        return false;
    }

    public static Period Parse(string text, string source = "period") =>
        TryParse(text, out var p) ? p
        : throw new RemicInputException(source, 0, "", text, DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"expected a month from {Domains.MinYear}-01 to {Domains.MaxYear}-12"
            : "expected a month as YYYY-MM, e.g. 2004-05");
}
