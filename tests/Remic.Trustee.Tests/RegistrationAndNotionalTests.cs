using System.Globalization;
using Remic.Collateral;
using Remic.Core;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Simulation;
using Remic.Trustee.Statements;
using Remic.Trustee.Tests.Support;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Tests;

/// <summary>
/// Rep lines without loan_count become balance / 200,000 loans; registered cents must add up to the classes exactly;
/// a notional class shows a notional change, never a loss, and stays out of the statement's loss and balance totals.
/// </summary>
public class RegistrationAndNotionalTests
{
    private static DealRegistration Register(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("remic-reg-").FullName;
        var path = Path.Combine(dir, "d.yaml");
        File.WriteAllText(path, yaml);
        return DealFile.Registration(path);
    }

    [Fact]
    public void A_rep_line_without_loan_count_stands_for_its_balance_over_200000()
    {
        // 600,000 / 200,000 = 3 loans; 400,000 / 200,000 = 2 loans.
        var reg = Register(TwoClassDeal.Yaml.Replace(", loan_count: 1 }", " }"));
        Assert.Equal(["L1-001", "L1-002", "L1-003", "L2-001", "L2-002"], reg.Loans.Select(l => l.Id));
        Assert.All(reg.Loans, l => Assert.Equal(200_000.00, l.Balance));
        Assert.Equal([new RepLineExpansion("1", "L1", 600_000m, 3, false), new RepLineExpansion("1", "L2", 400_000m, 2, false)], reg.Expansions!);
        Assert.Equal("group 1 rep line L1: 600,000.00 as 3 loans of equal balance (no loan_count: balance / 200,000, a typical Alt-A loan)",
            DealFile.Describe(reg.Expansions!).First());
    }

    [Theory]
    [InlineData(150_000.0, 1)]   // 0.75 → 1 (never 0)
    [InlineData(250_000.0, 1)]   // 1.25 → 1
    [InlineData(300_000.0, 2)]   // 1.5 → 2 (half away from zero)
    [InlineData(294_600_000.0, 1473)]
    public void Default_loan_count_rounds_balance_over_200000(double balance, int loans) =>
        Assert.Equal(loans, DealFile.LoansOf(new Loan { Balance = balance, LoanCountStated = false }));

    [Fact]
    public void A_stated_loan_count_wins()
    {
        Assert.Equal(7, DealFile.LoansOf(new Loan { Balance = 10_000_000, LoanCount = 7 }));
        Assert.Equal(1, DealFile.LoansOf(new Loan { Balance = 10_000_000, LoanCount = 1 }));
    }

    /// <summary>
    /// Rep lines of 600,000.004 and 400,000.004: the deal file's pool 1,000,000.008 is 1,000,000.01 to the cent, as the classes say,
    /// so the loader accepts it; the ledger registers each loan to the cent, 600,000.00 + 400,000.00 = 1,000,000.00, a cent short of
    /// the classes, which no close could ever balance: refused at registration as bad input.
    /// </summary>
    [Fact]
    public void Loans_whose_cents_miss_the_classes_are_refused_at_registration()
    {
        var yaml = TwoClassDeal.Yaml.Replace("balance: 600000,", "balance: 600000.004,").Replace("balance: 400000,", "balance: 400000.004,")
            .Replace("balance: 950000,", "balance: 950000.01,");
        var e = Assert.Throws<RemicInputException>(() => Register(yaml));
        var err = Assert.Single(e.Errors);
        Assert.Equal(("classes", "1,000,000.01", "the loans registered to the cent add up to 1,000,000.00; the classes' original balances must add up to the same (give loan balances in whole cents)"),
            (err.Field, err.Value, err.Expected));
    }

    /// <summary>
    /// The sample deal's first month with no defaults: Class 1-X's notional is the premium loans' balance (group 1's "1-premium" loans),
    /// so its ending notional is their ending balances summed from the CSV, its change is ending − beginning (negative: they paid
    /// principal), and it shows no loss: the statement's realized loss total is the principal classes' alone.
    /// </summary>
    [Fact]
    public void A_notional_class_shows_its_notional_change_and_no_loss()
    {
        using var ledger = new TestLedger("sqlite");
        var reg = DealFile.Registration(EndToEndCycleTests.SampleDeal());
        DealRegistry.Register(ledger.Db, reg, "test");
        var deal = DealFile.FromLedger(ledger.Db, reg.DealId);
        var options = new SimulationOptions(1, Speed.Prepay("300 PPC"), Speed.Default("0 CDR"), 0m, 0, 0m, 1);
        var (period, csv) = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, options).Run().Single();
        RemittanceImporter.Import(ledger.Db, reg.DealId, period, "r.csv", csv, "test");
        Assert.Equal(CloseOutcome.Closed, new PeriodCloser(ledger.Db, new WaterfallCalculator(deal)).Close(reg.DealId, period, new(), "test").Outcome);

        var s = StatementBuilder.Build(ledger.Db, deal, reg.DealId, period);
        var premiumEnd = csv.Split('\n').Skip(1).Where(l => l.StartsWith("1-premium-", StringComparison.Ordinal))
            .Sum(l => decimal.Parse(l.Split(',')[13], CultureInfo.InvariantCulture));
        var x = s.Classes.Single(k => k.Name == "1-X");
        Assert.True(x.Notional);
        Assert.Equal((40_000_000.00m, premiumEnd, premiumEnd - 40_000_000.00m), (x.BeginningBalance, x.EndingBalance, x.NotionalChange));
        Assert.Equal((0m, 0m, 0m), (x.Principal, x.RealizedLoss, x.Accretion));
        // No collateral loss: the class losses are at most a cent a loan (the servicer rounds each loan's interest and fee to the cent).
        Assert.InRange(s.ClassTotals.RealizedLoss, 0m, 0.01m * reg.Loans.Count);
        Assert.Equal(s.Classes.Where(k => !k.Notional).Sum(k => k.RealizedLoss), s.ClassTotals.RealizedLoss);
        Assert.Equal(s.Groups.Sum(g => g.EndingBalance), s.ClassTotals.EndingBalance);
        Assert.Equal(s.Classes.Sum(k => k.Interest), s.ClassTotals.Interest);
        Assert.Equal(s.Classes.Where(k => !k.Notional).Sum(k => k.BeginningBalance), s.ClassTotals.BeginningBalance);
    }
}
