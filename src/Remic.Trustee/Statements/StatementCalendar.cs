using Remic.Deals.Model;

namespace Remic.Trustee.Statements;

/// <summary>
/// The dates of a distribution as CWALT's PSAs define them (Item 1121(a)(1)); business days are weekdays (no holiday calendar):
/// Record Date — the last business day of the month before the distribution; Determination Date — the 22nd of the distribution
/// month, or the business day before it; Due Period — the 2nd of the prior month to the 1st of the distribution month; Prepayment
/// Period — the prior calendar month; accrual — fixed-rate classes the prior calendar month (30/360), floaters the prior distribution
/// date (the closing date for the first) to the day before this one (actual/360).
/// </summary>
public static class StatementCalendar
{
    public static StatementDates Of(Deal deal, DateOnly distribution)
    {
        var monthStart = new DateOnly(distribution.Year, distribution.Month, 1);
        var priorStart = monthStart.AddMonths(-1);
        var priorEnd = monthStart.AddDays(-1);
        var md = deal.Metadata;
        var first = md.FirstDistributionDate;
        var n = (distribution.Year - first.Year) * 12 + distribution.Month - first.Month + 1;
        var priorDistribution = n <= 1 ? md.ClosingDate : md.DistributionDate(n - 1);
        return new StatementDates(
            BusinessDayOnOrBefore(priorEnd),
            BusinessDayOnOrBefore(new DateOnly(distribution.Year, distribution.Month, Math.Min(22, DateTime.DaysInMonth(distribution.Year, distribution.Month)))),
            priorStart.AddDays(1), monthStart,
            priorStart, priorEnd,
            priorStart, priorEnd,
            priorDistribution, distribution.AddDays(-1));
    }

    private static DateOnly BusinessDayOnOrBefore(DateOnly d)
    {
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(-1);
        return d;
    }
}
