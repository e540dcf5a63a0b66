using Remic.Core;
using Remic.Trustee.CloseHelper;
using Remic.Trustee.Distribution;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Tests.Support;
using static Remic.Trustee.Tests.Support.TestDeal;

namespace Remic.Trustee.Tests;

/// <summary>
/// Closes run in a child process that is SIGKILLed at random points; two child processes race to close
/// the same period. The ledger must always be exactly as before or exactly as after the close.
/// </summary>
public sealed class CrashAndConcurrencyTests
{
    private static readonly string[] Checkpoints = ["computed", "guarded", "collections", "distribution", "loans", "audited", "committed"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>A deal with its first month remitted, plus the ledger dumps before and after a clean close.</summary>
    private static (TestLedger Ledger, string Before, string After) Prepared(string kind)
    {
        var ledger = new TestLedger(kind);
        var reg = Pool(400);
        DealRegistry.Register(ledger.Db, reg, "tester");
        var rates = reg.Loans.ToDictionary(l => l.Id, l => (decimal)l.GrossRate);
        Dictionary<string, LoanPosition> positions;
        using (var c = ledger.Db.Connect()) positions = RemittanceImporter.LoadPositions(c, Id);
        RemittanceImporter.Import(ledger.Db, Id, First, "may.csv", SyntheticMonth(First, positions, rates, 5), "tester");
        var before = LedgerDump.Take(ledger.Db);
        new PeriodCloser(ledger.Db, new SequentialPayDouble()).Close(Id, First, new PeriodMarket(), "tester");
        var after = LedgerDump.Take(ledger.Db);
        PeriodReopener.Reopen(ledger.Db, Id, First, "tester", "crash test reset");
        Assert.Equal(before, LedgerDump.Take(ledger.Db));
        return (ledger, before, after);
    }

    private static long Closes(TestLedger l) => LedgerDump.Count(l.Db, "SELECT COUNT(*) FROM audit_log WHERE action = 'close'");

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Sigkill_during_close_leaves_before_or_after_and_a_rerun_finishes(string kind)
    {
        var (ledger, before, after) = Prepared(kind);
        using var _ = ledger;
        var rng = new Random(20040525);
        var sawBefore = 0;
        var sawAfter = 0;
        for (var i = 0; i < 14; i++)
        {
            var closes = Closes(ledger);
            // Half the runs stop at a named point inside the close, half at a random instant.
            var atCheckpoint = i % 2 == 0;
            var point = Checkpoints[rng.Next(Checkpoints.Length)];
            using (var child = Child.StartClose(ledger, Id, First.ToString(),
                       atCheckpoint ? new Dictionary<string, string> { ["REMIC_CLOSE_PAUSE_AT"] = point } : null))
            {
                if (atCheckpoint) child.WaitPaused(Patience);
                else Thread.Sleep(rng.Next(50, 900));
                child.Kill();
            }

            var now = LedgerDump.Take(ledger.Db);
            if (now == before) { Assert.Equal(closes, Closes(ledger)); sawBefore++; }
            else
            {
                Assert.True(now == after, $"run {i} ({(atCheckpoint ? point : "timed")}): ledger is neither exactly before nor exactly after the close");
                Assert.Equal(closes + 1, Closes(ledger));
                sawAfter++;
            }
            if (atCheckpoint) Assert.Equal(point == "committed" ? after : before, now);

            using (var rerun = Child.StartClose(ledger, Id, First.ToString()))
            {
                Assert.Equal(0, rerun.Wait(Patience));
                Assert.Matches("^(Closed|AlreadyClosed): ", rerun.Output);
            }
            Assert.Equal(after, LedgerDump.Take(ledger.Db));
            PeriodReopener.Reopen(ledger.Db, Id, First, "tester", "crash test reset");
            Assert.Equal(before, LedgerDump.Take(ledger.Db));
        }
        Assert.True(sawBefore > 0 && sawAfter > 0, $"expected kills on both sides of the commit (before {sawBefore}, after {sawAfter})");
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Two_processes_closing_the_same_period_exactly_one_wins(string kind)
    {
        var (ledger, _, after) = Prepared(kind);
        using var __ = ledger;
        var closes = Closes(ledger);
        // Both compute, then wait, then both try to commit: the guarded update lets only one through.
        var env = new Dictionary<string, string> { ["REMIC_CLOSE_DELAY_MS"] = "3000" };
        using var a = Child.StartClose(ledger, Id, First.ToString(), env);
        using var b = Child.StartClose(ledger, Id, First.ToString(), env);
        var codes = new[] { a.Wait(Patience), b.Wait(Patience) };
        var outputs = new[] { a.Output, b.Output };

        Assert.Equal([0, 3], codes.Order());
        var winner = outputs[Array.IndexOf(codes, 0)];
        var loser = outputs[Array.IndexOf(codes, 3)];
        Assert.StartsWith("Closed: ", winner);
        Assert.Equal("CONCURRENT: TEST-2004-1 2004-05 was closed or restated by another process while this close was running; this close wrote nothing", loser);
        Assert.Equal(after, LedgerDump.Take(ledger.Db));
        Assert.Equal(closes + 1, Closes(ledger));
    }
}
