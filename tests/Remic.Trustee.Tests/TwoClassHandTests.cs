using Remic.Deals.Loading;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Statements;
using Remic.Trustee.Tests.Support;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Tests;

/// <summary>
/// One month of the real waterfall on <see cref="TwoClassDeal"/>, every figure derived by hand below,
/// on SQLite and (with REMIC_TEST_PG) PostgreSQL.
/// </summary>
public class TwoClassHandTests
{
    public static IEnumerable<object[]> Kinds() => TestLedger.Kinds();

    private static (TestLedger Ledger, CloseResult Close) CloseApril(string kind)
    {
        var ledger = new TestLedger(kind);
        var dir = Directory.CreateTempSubdirectory("remic-two-").FullName;
        var reg = TwoClassDeal.Registration(dir);
        DealRegistry.Register(ledger.Db, reg, "test");
        RemittanceImporter.Import(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "april.csv", TwoClassDeal.April, "test");
        var deal = DealFile.FromLedger(ledger.Db, TwoClassDeal.Id);
        var close = new PeriodCloser(ledger.Db, new WaterfallCalculator(deal)).Close(TwoClassDeal.Id, TwoClassDeal.AprilPeriod, new(), "test");
        return (ledger, close);
    }

    // Pool: begin 1,000,000.00; principal 500.00 scheduled + 400,000.00 prepaid in full.
    // Interest remitted: 3,250.00 + 1,083.33 − 125.00 − 83.33 = 4,125.00; trustee fee 1,000,000 × 0.25% / 12 = 208.33;
    // interest available to the classes 4,125.00 − 208.33 = 3,916.67.
    // Prepayment interest shortfall on L2: a month at net 6% = 2,000.00, it remitted 1,083.33 − 83.33 − 83.33 (its trustee
    // fee for the month) = 916.67, short 1,083.33; allocated pro rata to current interest A 4,750.00 / B 250.00:
    // A 1,083.33 × 0.95 = 1,029.1635 → 1,029.16, B 54.1665 → 54.17 (largest remainder; they add to 1,083.33).
    // Interest paid A 4,750.00 − 1,029.16 = 3,720.84, B 250.00 − 54.17 = 195.83 (together exactly 3,916.67).
    // Senior Percentage 950,000 / 1,000,000 = 95%; Senior Prepayment Percentage 100% (year one):
    // A principal 95% × 500.00 + 100% × 400,000.00 = 400,475.00; B 5% × 500.00 = 25.00.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void One_month_of_a_senior_and_a_subordinate_by_hand(string kind)
    {
        var (ledger, close) = CloseApril(kind);
        using var _ = ledger;
        Assert.Equal(CloseOutcome.Closed, close.Outcome);
        var a = close.Distribution!.Classes.Single(k => k.Name == "A");
        var b = close.Distribution.Classes.Single(k => k.Name == "B");
        Assert.Equal((950_000.00m, 4_750.00m - 1_029.16m, 1_029.16m, 400_475.00m, 0m, 549_525.00m, 0m),
            (a.BeginningBalance, a.InterestPaid, a.InterestShortfall, a.PrincipalPaid, a.RealizedLoss, a.EndingBalance, a.UnpaidInterest));
        Assert.Equal((50_000.00m, 195.83m, 54.17m, 25.00m, 0m, 49_975.00m, 0m),
            (b.BeginningBalance, b.InterestPaid, b.InterestShortfall, b.PrincipalPaid, b.RealizedLoss, b.EndingBalance, b.UnpaidInterest));
        Assert.Equal(0.06m, a.PassThroughRate);
        Assert.Equal([new("trustee fee group 1", 208.33m)], close.Distribution.Fees);
        Assert.Empty(close.Distribution.Retained);
        Assert.Equal(0m, close.Distribution.Residual);
        // Cash in = 400,500.00 + 4,125.00 = 404,625.00 = 3,720.84 + 400,475.00 + 195.83 + 25.00 + 208.33.
        Assert.Equal(404_625.00m, close.Reconciliation!.CashIn);
        Assert.Equal(404_625.00m, close.Reconciliation.CashOut);
    }

    // Per $1,000 of original balance, 8 decimals: A principal 400,475 / 950 = 421.552631578… → 421.55263158,
    // interest 3,720.84 / 950 = 3.916673684… → 3.91667368, ending 549,525 / 950 = 578.447368421… → 578.44736842;
    // B principal 25 / 50 = 0.5, interest 195.83 / 50 = 3.9166, ending 49,975 / 50 = 999.5.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Statement_factors_per_1000_by_hand(string kind)
    {
        var (ledger, _) = CloseApril(kind);
        using var __ = ledger;
        var deal = DealFile.FromLedger(ledger.Db, TwoClassDeal.Id);
        var s = StatementBuilder.Build(ledger.Db, deal, TwoClassDeal.Id, TwoClassDeal.AprilPeriod);
        var a = s.Classes.Single(k => k.Name == "A");
        var b = s.Classes.Single(k => k.Name == "B");
        Assert.Equal((421.55263158m, 3.91667368m, 578.44736842m), (a.PrincipalPer1000, a.InterestPer1000, a.EndingPer1000));
        Assert.Equal((0.5m, 3.9166m, 999.5m), (b.PrincipalPer1000, b.InterestPer1000, b.EndingPer1000));
        var g = s.Groups.Single();
        Assert.Equal((0.95m, 1m, true), (g.SeniorPercentage, g.SeniorPrepaymentPercentage, g.StepDownPassed));
        Assert.Equal((500.00m, 400_000.00m, 208.33m, 599_500.00m), (g.ScheduledPrincipal, g.PrepaymentsInFull, g.TrusteeFees, g.EndingBalance));
        Assert.Equal(new DateOnly(2004, 4, 25), s.DistributionDate);
        Assert.Equal(0m, s.Reconciliation.CashIn - s.Reconciliation.CashOut);

        StatementArchive.Save(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "txt", "first issue", "test");
        StatementArchive.Save(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "txt", "restated issue", "test");
        Assert.Equal("restated issue", StatementArchive.Read(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "txt"));
        PeriodReopener.Reopen(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "test", "restated");
        Assert.Null(StatementArchive.Read(ledger.Db, TwoClassDeal.Id, TwoClassDeal.AprilPeriod, "txt"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Closing_again_is_a_no_op_that_says_so(string kind)
    {
        var (ledger, _) = CloseApril(kind);
        using var __ = ledger;
        var deal = DealFile.FromLedger(ledger.Db, TwoClassDeal.Id);
        var again = new PeriodCloser(ledger.Db, new WaterfallCalculator(deal)).Close(TwoClassDeal.Id, TwoClassDeal.AprilPeriod, new(), "test");
        Assert.Equal(CloseOutcome.AlreadyClosed, again.Outcome);
        Assert.StartsWith("TWO-1 2004-04 is already closed (close ", again.Message);
    }

    [Fact]
    public void Rep_lines_of_several_loans_become_single_loans_with_the_odd_cents_first()
    {
        var dir = Directory.CreateTempSubdirectory("remic-rep-").FullName;
        var path = Path.Combine(dir, "d.yaml");
        File.WriteAllText(path, TwoClassDeal.Yaml.Replace("{ id: L1, balance: 600000, gross_rate: 6.5, remaining_term: 360, loan_count: 1 }",
                "{ id: L1, loan_count: 3, balance: 600000.01, gross_rate: 6.5, remaining_term: 360 }")
            .Replace("balance: 950000,", "balance: 950000.01,"));
        var reg = DealFile.Registration(path);
        Assert.Equal(["L1-001", "L1-002", "L1-003", "L2"], reg.Loans.Select(l => l.Id));
        Assert.Equal([200_000.01, 200_000.00, 200_000.00, 400_000.00], reg.Loans.Select(l => l.Balance));
        Assert.Equal("TWO-1", reg.DealId);
        Assert.Equal(new Core.Period(2004, 4), reg.FirstPeriod);
        Assert.Equal(["A", "B"], reg.Classes.Select(k => k.Name));
    }
}
