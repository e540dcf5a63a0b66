using Dapper;
using Remic.Core;
using Remic.Trustee.CloseHelper;
using Remic.Trustee.Distribution;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Tests.Support;
using static Remic.Trustee.Tests.Support.TestDeal;

namespace Remic.Trustee.Tests;

/// <summary>
/// Closing the small hand-built deal's first month. Expected figures are worked by hand from the
/// remittance in <see cref="TestDeal.SmallMay"/> and the sequential-pay test double (5% classes, 1bp trustee fee).
/// </summary>
public sealed class CloseTests
{
    private static PeriodCloser Closer(LedgerDb db) => new(db, new SequentialPayDouble());

    private static TestLedger Remitted(string kind)
    {
        var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, Small(), "tester");
        RemittanceImporter.Import(ledger.Db, Id, First, "may.csv", SmallMay(), "tester");
        return ledger;
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Collections_are_aggregated_per_group_to_the_cent(string kind)
    {
        using var ledger = Remitted(kind);
        var r = Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");

        var g1 = r.Collections!.Group("1");
        // L1 + L2: 100,000.00 + 50,000.00 begin; L1 scheduled 99.55; L2 pays off 50,000.00; interest 500.00 + 117.36; fees 20.83 + 4.86.
        Assert.Equal((150_000.00m, 99.55m, 50_000.00m, 0m, 617.36m, 25.69m, 99_900.45m, 1), (g1.BeginningBalance, g1.ScheduledPrincipal,
            g1.PrepaymentsInFull, g1.Curtailments, g1.InterestCollected, g1.ServicingFees, g1.EndingBalance, g1.LoanCount));
        Assert.Equal(50_691.22m, g1.Remitted); // 50,099.55 principal + 617.36 − 25.69 interest
        var g2 = r.Collections.Group("2");
        // L3: 75.00 scheduled (advanced), 1,000.00 curtailment, interest advanced 416.67, fee 16.67, 30 days delinquent.
        Assert.Equal((80_000.00m, 75.00m, 1_000.00m, 75.00m, 416.67m, 78_925.00m), (g2.BeginningBalance, g2.ScheduledPrincipal,
            g2.Curtailments, g2.PrincipalAdvances, g2.InterestAdvances, g2.EndingBalance));
        Assert.Equal(1_475.00m, g2.Remitted);
        Assert.Equal(new DelinquencyBucket(Delinquency.Days30, 1, 78_925.00m), g2.Bucket(Delinquency.Days30));
        Assert.Equal(new DelinquencyBucket(Delinquency.Current, 1, 99_900.45m), g1.Bucket(Delinquency.Current));
        Assert.Equal(0, g2.Bucket(Delinquency.Current).LoanCount);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Close_records_distributions_factors_and_a_balanced_reconciliation(string kind)
    {
        using var ledger = Remitted(kind);
        var r = Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");

        Assert.Equal(CloseOutcome.Closed, r.Outcome);
        // Cash in 52,166.22 = A interest 833.33 + B interest 125.00 + principal 51,174.55 + fee 1.92 + residual 31.42.
        Assert.Equal(52_166.22m, r.Reconciliation!.CashIn);
        Assert.Equal(52_166.22m, r.Reconciliation.CashOut);
        using var c = ledger.Db.Connect();
        var a = c.QuerySingle<(long, long, long, long, string)>(
            "SELECT interest_paid_cents, principal_paid_cents, ending_balance_cents, unpaid_interest_cents, CAST(factor AS TEXT) FROM class_periods WHERE class_name = 'A'");
        Assert.Equal((83_333L, 5_117_455L, 14_882_545L, 0L), (a.Item1, a.Item2, a.Item3, a.Item4));
        Assert.Equal(0.744127250m, decimal.Parse(a.Item5, System.Globalization.CultureInfo.InvariantCulture)); // 148,825.45 / 200,000
        Assert.Equal(192L, c.QuerySingle<long>("SELECT amount_cents FROM period_payments WHERE kind = 'fee'"));
        Assert.Equal(3_142L, c.QuerySingle<long>("SELECT amount_cents FROM period_payments WHERE kind = 'residual'"));
        Assert.Equal(9_990_045L, c.QuerySingle<long>("SELECT current_balance_cents FROM loans WHERE loan_id = 'L1'"));
        Assert.Equal(0L, c.QuerySingle<long>("SELECT current_balance_cents FROM loans WHERE loan_id = 'L2'"));
        Assert.Equal("closed", c.QuerySingle<string>("SELECT state FROM periods"));
        var audit = AuditLog.Read(c, Id);
        Assert.Equal(["init", "remit", "close"], audit.Select(x => x.Action));
        Assert.Equal(AuditLog.Sha256(SmallMay()), audit[2].InputSha256);
        Assert.Equal("tester", audit[2].Actor);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Closing_a_closed_period_is_a_no_op_that_says_so(string kind)
    {
        using var ledger = Remitted(kind);
        Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");
        var after = LedgerDump.Take(ledger.Db, includeAudit: true);

        var again = Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");

        Assert.Equal(CloseOutcome.AlreadyClosed, again.Outcome);
        Assert.StartsWith("TEST-2004-1 2004-05 is already closed (close ", again.Message);
        Assert.EndsWith("); nothing to do", again.Message);
        Assert.Equal(after, LedgerDump.Take(ledger.Db, includeAudit: true));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Closing_out_of_order_is_refused(string kind)
    {
        using var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, Small(), "tester");
        var e = Assert.Throws<PeriodStateException>(() => Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester"));
        Assert.Equal("cannot close TEST-2004-1 2004-05: no period has been remitted yet (first period 2004-05)", e.Message);

        RemittanceImporter.Import(ledger.Db, Id, First, "may.csv", SmallMay(), "tester");
        e = Assert.Throws<PeriodStateException>(() => Closer(ledger.Db).Close(Id, new Period(2004, 6), new PeriodMarket(), "tester"));
        Assert.Equal("cannot close TEST-2004-1 2004-06 out of order: the open period is 2004-05", e.Message);

        Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");
        e = Assert.Throws<PeriodStateException>(() => Closer(ledger.Db).Close(Id, new Period(2004, 7), new PeriodMarket(), "tester"));
        Assert.Equal("cannot close TEST-2004-1 2004-07: it has no remittance (last closed 2004-05; remit 2004-06 next)", e.Message);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void A_waterfall_that_loses_a_cent_is_rejected_and_nothing_is_written(string kind)
    {
        using var ledger = Remitted(kind);
        var before = LedgerDump.Take(ledger.Db, includeAudit: true);
        var e = Assert.Throws<ConservationException>(() => new PeriodCloser(ledger.Db, new LosesACent()).Close(Id, First, new PeriodMarket(), "tester"));
        Assert.Equal("distribution for TEST-2004-1 2004-05 rejected: cash in 52166.22 ≠ cash out 52166.21 (difference 0.01)", e.Message);
        Assert.Equal(before, LedgerDump.Take(ledger.Db, includeAudit: true));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Reopen_restores_the_ledger_exactly_and_the_period_can_be_restated(string kind)
    {
        using var ledger = Remitted(kind);
        var beforeClose = LedgerDump.Take(ledger.Db);
        Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");
        var firstClose = LedgerDump.Take(ledger.Db);

        var msg = PeriodReopener.Reopen(ledger.Db, Id, First, "auditor", "servicer restated L1");
        Assert.Equal("TEST-2004-1 2004-05 reopened: restate it with a replacement remittance, then close it again", msg);
        Assert.Equal(beforeClose, LedgerDump.Take(ledger.Db));

        // Restate: L1 curtails 100.00 more.
        var restated = SmallMay().Replace("99.55,0.00,0.00,,500.00", "99.55,100.00,0.00,,500.00").Replace("99900.45", "99800.45");
        RemittanceImporter.Import(ledger.Db, Id, First, "may-restated.csv", restated, "auditor", replace: true);
        var r = Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "auditor");
        Assert.Equal(52_266.22m, r.Reconciliation!.CashIn);
        Assert.NotEqual(firstClose, LedgerDump.Take(ledger.Db));

        using var c = ledger.Db.Connect();
        var audit = AuditLog.Read(c, Id);
        Assert.Equal(["init", "remit", "close", "reopen", "remit-replace", "close"], audit.Select(x => x.Action));
        Assert.StartsWith("reopened 2004-05 (was close ", audit[3].Details);
        Assert.EndsWith("class principal 51174.55, class interest 958.33); reason: servicer restated L1", audit[3].Details);
        Assert.Equal("auditor", audit[3].Actor);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Only_the_latest_closed_period_can_be_reopened(string kind)
    {
        using var ledger = Remitted(kind);
        var e = Assert.Throws<PeriodStateException>(() => PeriodReopener.Reopen(ledger.Db, Id, First, "tester", "x"));
        Assert.Equal("cannot reopen TEST-2004-1 2004-05: it is not closed (state: remitted)", e.Message);
        Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");
        e = Assert.Throws<PeriodStateException>(() => PeriodReopener.Reopen(ledger.Db, Id, new Period(2004, 4), "tester", "x"));
        Assert.Equal("cannot reopen TEST-2004-1 2004-04: only the latest period can be reopened (latest: 2004-05)", e.Message);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Next_month_validates_against_the_rolled_balances(string kind)
    {
        using var ledger = Remitted(kind);
        Closer(ledger.Db).Close(Id, First, new PeriodMarket(), "tester");
        var june = string.Join("\n", Header,
            Row("L1", "2004-06", "100000.00", "100.05", "0.00", "0.00", "", "499.50", "20.81", "0.00", "0.00", "0.00", "0.00", "99800.40"),
            Row("L2", "2004-06", "", "0.00", "0.00", "0.00", "", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
            Row("L3", "2004-06", "", "75.39", "0.00", "0.00", "", "411.07", "16.44", "0.00", "0.00", "0.00", "0.00", "78849.61"));
        var e = Assert.Throws<RemicInputException>(() => RemittanceImporter.Import(ledger.Db, Id, new Period(2004, 6), "june.csv", june, "tester"));
        // L1's ending balance rolls forward from the ledger's 99,900.45 (99,900.45 − 100.05 = 99,800.40), so only its stated prior is wrong.
        Assert.Equal(
        [
            "june.csv:2 prior_balance: got '100000.00'; the ledger's balance after the last closed period, 99900.45",
            "june.csv:3 loan_id: got 'L2'; an outstanding loan; this loan was paid off or liquidated in an earlier period",
        ], e.Errors.Select(x => x.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void A_closed_period_reads_back_exactly_as_it_was_recorded(string kind)
    {
        using var ledger = Remitted(kind);
        var closed = Closer(ledger.Db).Close(Id, First, PeriodMarket.With("LIBOR_1MO", 0.0112m), "tester");

        var read = ClosedPeriodReader.Read(ledger.Db, Id, First);

        Assert.Equal(closed.Reconciliation, read.Reconciliation);
        Assert.Equal(closed.Distribution!.Classes, read.Distribution.Classes);
        Assert.Equal(closed.Distribution.Fees, read.Distribution.Fees);
        Assert.Equal(closed.Distribution.Residual, read.Distribution.Residual);
        Assert.Equal(0.0112m, read.Indices["LIBOR_1MO"]);
        Assert.Equal([new CarryForward("test double", "periods closed", 1m)], read.CarryForwards);
        Assert.Equal([0.744127250m, 1m], read.Classes.Select(k => k.Factor));
        var g2 = read.Collections.Group("2");
        Assert.Equal((1_475.00m, 1, 78_925.00m), (g2.Remitted, g2.Bucket(Delinquency.Days30).LoanCount, g2.Bucket(Delinquency.Days30).Balance));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void An_open_period_has_nothing_to_report(string kind)
    {
        using var ledger = Remitted(kind);
        var e = Assert.Throws<PeriodStateException>(() => ClosedPeriodReader.Read(ledger.Db, Id, First));
        Assert.Equal("TEST-2004-1 2004-05 is not closed (state: remitted); there is nothing to report yet", e.Message);
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void The_waterfall_sees_loan_lines_period_number_and_carry_forwards(string kind)
    {
        using var ledger = Remitted(kind);
        var spy = new Spy();
        new PeriodCloser(ledger.Db, spy).Close(Id, First, new PeriodMarket(), "tester");
        var r = spy.Requests.Single();
        Assert.Equal((1, 3), (r.PeriodNumber, r.Loans.Count));
        Assert.Empty(r.CarryForwards);
        Assert.Empty(r.History);
        var l2 = r.Loans.Single(l => l.LoanId == "L2");
        Assert.Equal((new DateOnly(2004, 5, 14), 50_000.00m, 0.0625m), (l2.PaidThroughDate!.Value, l2.Payoff, l2.NetRate)); // 6.50% − 0.25%
        Assert.Equal(Delinquency.Days30, r.Loans.Single(l => l.LoanId == "L3").Delinquency);
        Assert.Equal([("A", 200_000.00m), ("B", 30_000.00m)], r.Classes.Select(k => (k.Name, k.Balance)));

        var june = string.Join("\n", Header,
            Row("L1", "2004-06", "", "100.05", "0.00", "0.00", "", "499.50", "20.81", "0.00", "0.00", "0.00", "0.00", "99800.40"),
            Row("L3", "2004-06", "", "75.39", "0.00", "0.00", "", "411.07", "16.44", "0.00", "0.00", "0.00", "0.00", "78849.61"));
        RemittanceImporter.Import(ledger.Db, Id, new Period(2004, 6), "june.csv", june, "tester");
        new PeriodCloser(ledger.Db, spy).Close(Id, new Period(2004, 6), new PeriodMarket(), "tester");
        r = spy.Requests[1];
        Assert.Equal(2, r.PeriodNumber);
        Assert.Equal([new CarryForward("test double", "periods closed", 1m)], r.CarryForwards);
        Assert.Equal([First], r.History.Select(h => h.Period));
        Assert.Equal(50_000.00m, r.History[0].Group("1").PrepaymentsInFull);
        Assert.Equal([("A", 148_825.45m), ("B", 30_000.00m)], r.Classes.Select(k => (k.Name, k.Balance)));
        Assert.Equal(178_825.45m, r.Collections.BeginningBalance); // 99,900.45 + 78,925.00
    }

    private sealed class Spy : IDistributionCalculator
    {
        public List<DistributionRequest> Requests { get; } = [];
        public PeriodDistribution Distribute(DistributionRequest request)
        {
            Requests.Add(request);
            return new SequentialPayDouble().Distribute(request);
        }
    }

    /// <summary>A broken waterfall: keeps one cent of the residual.</summary>
    private sealed class LosesACent : IDistributionCalculator
    {
        public PeriodDistribution Distribute(DistributionRequest request)
        {
            var d = new SequentialPayDouble().Distribute(request);
            return d with { Residual = d.Residual - 0.01m };
        }
    }
}
