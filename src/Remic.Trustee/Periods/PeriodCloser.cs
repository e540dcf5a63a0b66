using System.Data.Common;
using Dapper;
using Remic.Core;
using Remic.Trustee.Distribution;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Periods;

/// <summary>
/// `remic trustee close`: distributes a remitted period's actual collections through the deal's waterfall
/// (<see cref="IDistributionCalculator"/>) and records the result in one transaction.
/// <para>The computation runs before the transaction; the transaction opens with a guarded update
/// (state 'remitted' → 'closed' for the very remittance that was computed), so of two concurrent closers
/// exactly one changes the row and the other is told it lost, with nothing written.</para>
/// </summary>
public sealed class PeriodCloser(LedgerDb db, IDistributionCalculator calculator)
{
    /// <summary>How many closed periods of collections the waterfall sees for its trigger tests.</summary>
    public const int HistoryPeriods = 12;

    /// <summary>
    /// Called with a step name at each point of the close ("computed", "guarded", ..., "committed").
    /// Used by the crash tests to stop the process at a chosen point; null in production.
    /// </summary>
    public Action<string>? Checkpoint { get; init; }

    /// <summary>The given fixings that differ from those the closed period recorded ("LIBOR_1MO 5.32% (recorded 1.1%)"), or null.</summary>
    private static string? FixingsDiffer(DbConnection c, string dealId, Period period, PeriodMarket market)
    {
        var recorded = new Dictionary<string, decimal>(PeriodWriter.ReadMarket(c, dealId, period), StringComparer.OrdinalIgnoreCase);
        static string Pct(decimal f) => (f * 100m).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) + "%";
        var diffs = market.Indices
            .Where(x => !recorded.TryGetValue(x.Key, out var v) || v != x.Value)
            .Select(x => $"{x.Key} {Pct(x.Value)} (recorded {(recorded.TryGetValue(x.Key, out var v) ? Pct(v) : "none")})")
            .ToList();
        return diffs.Count == 0 ? null : string.Join(", ", diffs);
    }

    public CloseResult Close(string dealId, Period period, PeriodMarket market, string actor)
    {
        using var c = db.Connect();
        if (PeriodBook.FirstPeriod(c, dealId) is null)
            throw new RemicInputException("deal", 0, "deal id", dealId, "a deal registered with `remic trustee init`");
        var record = PeriodBook.Find(c, dealId, period);
        if (record is null) throw new PeriodStateException(WhyNoRemittance(c, dealId, period));
        if (record.Status == PeriodStatus.Closed && FixingsDiffer(c, dealId, period, market) is { } diff)
            throw new PeriodStateException(
                $"{dealId} {period} is already closed (close {record.CloseId}) with other index fixings: {diff}; reopen the period to close it again with new fixings");
        if (record.Status == PeriodStatus.Closed)
            return new CloseResult(dealId, period, CloseOutcome.AlreadyClosed,
                $"{dealId} {period} is already closed (close {record.CloseId}); nothing to do");

        var collections = CollectionsAggregator.FromRemittance(c, dealId, period);
        var first = Period.Parse(PeriodBook.FirstPeriod(c, dealId)!);
        var request = new DistributionRequest(dealId, period, period.MonthsSince(first) + 1, collections, ClassPositions(c, dealId, period),
            PeriodWriter.ReadCarryForwards(c, dealId, period.AddMonths(-1)), market,
            CollectionsAggregator.History(c, dealId, period, HistoryPeriods), LoanLines.Read(c, dealId, period));
        var distribution = calculator.Distribute(request);
        var recon = DistributionCheck.Verify(request, distribution);
        collections = CollectionsAggregator.WithShortfalls(collections, distribution.Groups);
        Checkpoint?.Invoke("computed");

        var closeId = Guid.NewGuid().ToString("N");
        using var tx = c.BeginTransaction();
        var won = c.Execute("""
            UPDATE periods SET state = 'closed', close_id = @closeId, closed_at = @at
            WHERE deal_id = @dealId AND period = @p AND state = 'remitted' AND remittance_id = @rid
            """, new { closeId, at = Clock.NowText(), dealId, p = period.ToString(), rid = record.RemittanceId }, tx);
        if (won != 1)
        {
            tx.Rollback();
            throw new ConcurrentCloseException(
                $"{dealId} {period} was closed or restated by another process while this close was running; this close wrote nothing");
        }
        Checkpoint?.Invoke("guarded");
        PeriodWriter.WriteMarket(c, tx, dealId, period, market);
        PeriodWriter.WriteCollections(c, tx, dealId, collections);
        Checkpoint?.Invoke("collections");
        PeriodWriter.WriteDistribution(c, tx, dealId, period, request.Classes, distribution);
        if (distribution.Trace is { } trace) CloseTraces.Write(c, tx, dealId, period, closeId, trace);
        Checkpoint?.Invoke("distribution");
        PeriodWriter.RollLoanBalances(c, tx, dealId, period);
        Checkpoint?.Invoke("loans");
        AuditLog.Append(c, tx, actor, "close", dealId, period.ToString(),
            $"closed {period} (close {closeId}): cash in {recon.CashIn:0.00} = cash out {recon.CashOut:0.00}; " +
            $"class principal {recon.ClassPrincipal:0.00}, class interest {recon.ClassInterest:0.00}, realized losses {collections.RealizedLosses:0.00}",
            RemittanceSha(c, tx, record.RemittanceId));
        Checkpoint?.Invoke("audited");
        tx.Commit();
        Checkpoint?.Invoke("committed");
        return new CloseResult(dealId, period, CloseOutcome.Closed,
            $"{dealId} {period} closed: cash in {recon.CashIn:0.00} = cash out {recon.CashOut:0.00}", collections, distribution, recon);
    }

    /// <summary>
    /// Each class's balance and unpaid interest after the prior closed period (original balance before the first), and its realised
    /// losses not yet written back up by subsequent recoveries (for the next write-up).
    /// </summary>
    public static IReadOnlyList<ClassPosition> ClassPositions(DbConnection c, string dealId, Period period, DbTransaction? tx = null) =>
        c.Query<(string class_name, long original, long? ending, long? unpaid, long lost)>("""
            SELECT k.class_name, k.original_balance_cents, cp.ending_balance_cents, cp.unpaid_interest_cents,
                   CAST(COALESCE((SELECT SUM(h.realized_loss_cents - h.write_up_cents) FROM class_periods h
                                  WHERE h.deal_id = k.deal_id AND h.class_name = k.class_name AND h.period < @p), 0) AS BIGINT)
            FROM deal_classes k
            LEFT JOIN class_periods cp ON cp.deal_id = k.deal_id AND cp.class_name = k.class_name AND cp.period = @prev
            WHERE k.deal_id = @dealId ORDER BY k.seq
            """, new { dealId, prev = period.AddMonths(-1).ToString(), p = period.ToString() }, tx)
            .Select(r => new ClassPosition(r.class_name, Cents.ToMoney(r.original), Cents.ToMoney(r.ending ?? r.original), Cents.ToMoney(r.unpaid ?? 0),
                Cents.ToMoney(r.lost)))
            .ToArray();

    private static string? RemittanceSha(DbConnection c, DbTransaction tx, long remittanceId) =>
        c.QueryFirstOrDefault<string>("SELECT sha256 FROM remittances WHERE remittance_id = @remittanceId", new { remittanceId }, tx);

    private static string WhyNoRemittance(DbConnection c, string dealId, Period period)
    {
        var latest = PeriodBook.Latest(c, dealId);
        if (latest is null)
            return $"cannot close {dealId} {period}: no period has been remitted yet (first period {PeriodBook.FirstPeriod(c, dealId)})";
        if (latest.Status == PeriodStatus.Remitted)
            return $"cannot close {dealId} {period} out of order: the open period is {latest.Period}";
        return period > latest.Period
            ? $"cannot close {dealId} {period}: it has no remittance (last closed {latest.Period}; remit {latest.Period.AddMonths(1)} next)"
            : $"cannot close {dealId} {period}: the deal's periods start at {PeriodBook.FirstPeriod(c, dealId)}";
    }
}
