using System.Data.Common;
using Dapper;
using Remic.Core;
using Remic.Deals.Explain;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Periods;

/// <summary>
/// The waterfall's trace of each close (table close_traces, ledger migration 5), so a statement figure can be explained
/// years later exactly as it was computed. Written in the close's transaction; a reopen deletes it with the close.
/// </summary>
public static class CloseTraces
{
    public static void Write(DbConnection c, DbTransaction tx, string dealId, Period period, string closeId, PeriodTrace trace) =>
        c.Execute("INSERT INTO close_traces (deal_id, period, close_id, trace_json) VALUES (@dealId, @p, @closeId, @json)",
            new { dealId, p = period.ToString(), closeId, json = TraceJson.Serialize(trace, indented: false) }, tx);

    /// <summary>The trace the period's current close recorded, or null (not closed, or closed before traces were recorded).</summary>
    public static PeriodTrace? Find(LedgerDb db, string dealId, Period period)
    {
        using var c = db.Connect();
        var json = c.QueryFirstOrDefault<string>("""
            SELECT t.trace_json FROM close_traces t JOIN periods p ON p.deal_id = t.deal_id AND p.period = t.period AND p.close_id = t.close_id
            WHERE t.deal_id = @dealId AND t.period = @p AND p.state = 'closed'
            """, new { dealId, p = period.ToString() });
        return json is null ? null : TraceJson.Deserialize(json);
    }

    /// <summary>The trace the close of <paramref name="period"/> recorded.</summary>
    /// <exception cref="RemicInputException">The deal is not registered, the period is not closed, or its close recorded no trace.</exception>
    public static PeriodTrace Read(LedgerDb db, string dealId, Period period)
    {
        using var c = db.Connect();
        var p = period.ToString();
        if (PeriodBook.FirstPeriod(c, dealId) is null)
            throw new RemicInputException("deal", 0, "deal id", dealId, "a deal registered with `remic trustee init`");
        var state = c.QueryFirstOrDefault<(string state, string? close_id)>(
            "SELECT state, close_id FROM periods WHERE deal_id = @dealId AND period = @p", new { dealId, p });
        if (state.state != "closed")
        {
            var closed = c.Query<string>("SELECT period FROM periods WHERE deal_id = @dealId AND state = 'closed' ORDER BY period", new { dealId }).ToList();
            throw new RemicInputException("--period", 0, "", p, closed.Count == 0
                ? $"a closed period of {dealId}; none is closed yet"
                : $"a closed period of {dealId} ({closed[0]} to {closed[^1]}); {p} is {(state.state is null ? "not remitted" : "remitted, not closed")}");
        }
        var json = c.QueryFirstOrDefault<string>("SELECT trace_json FROM close_traces WHERE deal_id = @dealId AND period = @p AND close_id = @id",
            new { dealId, p, id = state.close_id });
        return json is null
            ? throw new RemicInputException("--period", 0, "", p,
                $"a period closed with an explanation: {dealId} {p} was closed (close {state.close_id}) before Remic recorded them; reopen and close it again to record one")
            : TraceJson.Deserialize(json);
    }
}
