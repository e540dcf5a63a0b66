using Dapper;
using Remic.Core;
using Remic.Deals.Explain;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Tests.Support;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Tests;

/// <summary>
/// Issue 16: a close stores its waterfall trace (ledger migration 5, close_traces), so a statement figure is explained
/// later exactly as it was computed; a reopen deletes it with the close. On SQLite and (with REMIC_TEST_PG) PostgreSQL.
/// Figures: <see cref="TwoClassHandTests"/>'s hand derivation of April.
/// </summary>
public class CloseTraceTests
{
    public static IEnumerable<object[]> Kinds() => TestLedger.Kinds();

    private static (TestLedger Ledger, CloseResult Close) CloseApril(string kind)
    {
        var ledger = new TestLedger(kind);
        var dir = Directory.CreateTempSubdirectory("remic-trace-").FullName;
        DealRegistry.Register(ledger.Db, TwoClassDeal.Registration(dir), "test");
        RemittanceImporter.Import(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "april.csv", TwoClassDeal.April, "test");
        var deal = DealFile.FromLedger(ledger.Db, TwoClassDeal.Id);
        var close = new PeriodCloser(ledger.Db, new WaterfallCalculator(deal)).Close(TwoClassDeal.Id, TwoClassDeal.AprilPeriod, new(), "test");
        return (ledger, close);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_close_stores_its_trace_and_it_explains_the_recorded_figures(string kind)
    {
        var (ledger, close) = CloseApril(kind);
        using var _ = ledger;
        var trace = CloseTraces.Read(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod);
        foreach (var k in close.Distribution!.Classes)
        {
            Assert.Equal(k.PrincipalPaid, trace.Received(k.Name, TraceFlow.Principal));
            Assert.Equal(k.InterestPaid, trace.Received(k.Name, TraceFlow.Interest));
            Assert.Equal(k.EndingBalance, trace.Class(k.Name).EndBalance);
        }
        // By hand (TwoClassHandTests): A 95% × 500.00 + 100% × 400,000.00 = 400,475.00; shortfall 1,083.33 pro rata 1,029.16 / 54.17.
        var a = trace.For("A");
        var spda = a.Entries.Single(e => e.Kind == TraceKind.SeniorPrincipal);
        Assert.Equal(400_475.00m, spda.Result!.Value);
        Assert.Equal(95m, spda.Inputs.Single(v => v.Name == "Senior Percentage").Value);
        Assert.Equal(1_083.33m, a.Entries.Single(e => e.Kind == TraceKind.NetInterestShortfall).Result!.Value);
        Assert.Equal(1_029.16m, a.Outcome.InterestShortfall);
        using var c = ledger.Db.Connect();
        Assert.NotNull(close.Distribution.Trace);
        Assert.Equal(1, c.QuerySingle<int>("SELECT COUNT(*) FROM close_traces"));
        Assert.Equal(c.QuerySingle<string>("SELECT close_id FROM periods"), c.QuerySingle<string>("SELECT close_id FROM close_traces"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_reopen_deletes_the_trace_with_the_close_and_a_new_close_records_its_own(string kind)
    {
        var (ledger, _) = CloseApril(kind);
        using var __ = ledger;
        PeriodReopener.Reopen(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "test", "restating");
        Assert.Null(CloseTraces.Find(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod));
        var e = Assert.Throws<RemicInputException>(() => CloseTraces.Read(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod));
        Assert.Equal($"--period: got '{TwoClassDeal.AprilPeriod}'; a closed period of {TwoClassDeal.Id}; none is closed yet", e.Message);
        using (var c = ledger.Db.Connect()) Assert.Equal(0, c.QuerySingle<int>("SELECT COUNT(*) FROM close_traces"));

        var deal = DealFile.FromLedger(ledger.Db, TwoClassDeal.Id);
        new PeriodCloser(ledger.Db, new WaterfallCalculator(deal)).Close(TwoClassDeal.Id, TwoClassDeal.AprilPeriod, new(), "test");
        Assert.Equal(400_475.00m, CloseTraces.Read(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod).Received("A", TraceFlow.Principal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_period_closed_before_traces_were_recorded_says_so(string kind)
    {
        var (ledger, _) = CloseApril(kind);
        using var __ = ledger;
        using (var c = ledger.Db.Connect()) c.Execute("DELETE FROM close_traces");
        var e = Assert.Throws<RemicInputException>(() => CloseTraces.Read(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod));
        Assert.StartsWith($"--period: got '{TwoClassDeal.AprilPeriod}'; a period closed with an explanation: {TwoClassDeal.Id} {TwoClassDeal.AprilPeriod} was closed (close ", e.Message);
        Assert.EndsWith(") before Remic recorded them; reopen and close it again to record one", e.Message);
    }
}
