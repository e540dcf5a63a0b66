using System.Data.Common;
using Dapper;
using Remic.Core;

namespace Remic.Trustee.Periods;

/// <summary>A distribution period moves remitted → closed; reopen moves the latest closed period back to remitted.</summary>
public enum PeriodStatus { Remitted, Closed }

public sealed record PeriodRecord(Period Period, PeriodStatus Status, long RemittanceId, string? CloseId);

/// <summary>Reads the period state of a deal. Periods are strictly sequential: at most one is open (remitted) at a time.</summary>
public static class PeriodBook
{
    public static string? FirstPeriod(DbConnection c, string dealId, DbTransaction? tx = null) =>
        c.QueryFirstOrDefault<string>("SELECT first_period FROM deals WHERE deal_id = @dealId", new { dealId }, tx);

    public static PeriodRecord? Latest(DbConnection c, string dealId, DbTransaction? tx = null) =>
        Map(c.QueryFirstOrDefault<(string period, string state, long remittance_id, string? close_id)>(
            "SELECT period, state, remittance_id, close_id FROM periods WHERE deal_id = @dealId ORDER BY period DESC LIMIT 1", new { dealId }, tx));

    public static PeriodRecord? Find(DbConnection c, string dealId, Period period, DbTransaction? tx = null) =>
        Map(c.QueryFirstOrDefault<(string period, string state, long remittance_id, string? close_id)>(
            "SELECT period, state, remittance_id, close_id FROM periods WHERE deal_id = @dealId AND period = @p", new { dealId, p = period.ToString() }, tx));

    public static IReadOnlyList<PeriodRecord> All(DbConnection c, string dealId) =>
        c.Query<(string period, string state, long remittance_id, string? close_id)>(
            "SELECT period, state, remittance_id, close_id FROM periods WHERE deal_id = @dealId ORDER BY period", new { dealId })
            .Select(r => Map(r)!).ToList();

    /// <summary>
    /// Why a remittance for <paramref name="period"/> cannot be imported now, or null if it can.
    /// The next open period is the deal's first period, or the month after the last closed one.
    /// </summary>
    public static string? WhyNotRemittable(DbConnection c, string dealId, Period period, bool replace, DbTransaction? tx = null)
    {
        var first = Period.Parse(FirstPeriod(c, dealId, tx)!);
        var latest = Latest(c, dealId, tx);
        if (latest is null)
            return period == first ? null : $"the next open period {first} (the deal's first distribution period)";
        if (latest.Status == PeriodStatus.Remitted)
        {
            if (period != latest.Period)
                return $"the open period {latest.Period} (remitted, not yet closed): close it before remitting another period";
            return replace ? null : $"a period not yet remitted: {period} is already remitted and not closed (import with replace to restate it)";
        }
        var next = latest.Period.AddMonths(1);
        return period == next ? null : period <= latest.Period
            ? $"the next open period {next}: {period} is already closed (reopen the latest period to restate it)"
            : $"the next open period {next} (last closed: {latest.Period})";
    }

    private static PeriodRecord? Map((string period, string state, long remittance_id, string? close_id) r) =>
        r.period is null ? null
            : new PeriodRecord(Period.Parse(r.period), r.state == "closed" ? PeriodStatus.Closed : PeriodStatus.Remitted, r.remittance_id, r.close_id);
}
