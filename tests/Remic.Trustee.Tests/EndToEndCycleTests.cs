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
/// examples/sample/deal.yaml through 24 simulated months (100 PPC, 2 CDR, 40% severity, 6-month lag, 3% missed
/// payments): init → remit + close every month with the real waterfall → statements. Cash is reconciled to the cent
/// against totals summed straight from the remittance CSV text, independently of the ledger's own aggregation.
/// </summary>
public class EndToEndCycleTests
{
    public static IEnumerable<object[]> Kinds() => TestLedger.Kinds();

    public static string SampleDeal()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Remic.sln not found"), "examples", "sample", "deal.yaml");
    }

    public static SimulationOptions Options(int months = 24) => new(months, Speed.Prepay("100 PPC"), Speed.Default("2 CDR"), 0.40m, 6, 0.03m, 1);

    /// <summary>Cash the servicer remits, summed from the CSV text: principal + interest collected + interest advanced − servicing fee.</summary>
    private static decimal RemittedByHand(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var h = lines[0].Split(',').Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        decimal total = 0;
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            decimal V(string c) => decimal.Parse(f[h[c]], CultureInfo.InvariantCulture);
            total += V("scheduled_principal") + V("curtailment") + V("payoff") + V("liquidation_proceeds")
                     + V("interest_collected") + V("interest_advance") - V("servicing_fee");
        }
        return total;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Twenty_four_months_reconcile_to_the_cent(string kind)
    {
        using var ledger = new TestLedger(kind);
        var reg = DealFile.Registration(SampleDeal());
        DealRegistry.Register(ledger.Db, reg, "test");
        var deal = DealFile.FromLedger(ledger.Db, reg.DealId);
        var closer = new PeriodCloser(ledger.Db, new WaterfallCalculator(deal));
        var months = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, Options()).Run().ToList();
        Assert.Equal(24, months.Count);

        decimal remitted = 0, paid = 0, lossesByHand = 0;
        foreach (var (period, csv) in months)
        {
            RemittanceImporter.Import(ledger.Db, reg.DealId, period, $"remittance-{period}.csv", csv, "test");
            var r = closer.Close(reg.DealId, period, new(), "test");
            Assert.Equal(CloseOutcome.Closed, r.Outcome);
            remitted += RemittedByHand(csv);
            var s = StatementBuilder.Build(ledger.Db, deal, reg.DealId, period);
            paid += s.Classes.Sum(k => k.Interest + k.Principal) + s.Fees.Sum(f => f.Amount) + s.Retained.Sum(x => x.Amount) + s.Residual;
            lossesByHand += csv.Split('\n').Skip(1).Where(l => l.Length > 0).Sum(l => decimal.Parse(l.Split(',')[12], CultureInfo.InvariantCulture));
        }
        Assert.Equal(remitted, paid);
        Assert.True(remitted > 40_000_000m, $"24 months at 100 PPC return a large part of the 90,000,000 pool; got {remitted:0.00}");

        var last = StatementBuilder.Build(ledger.Db, deal, reg.DealId, months[^1].Period);
        // Losses happened (2 CDR, 40% severity) and the statement's cumulative losses are the CSVs' sum.
        Assert.True(lossesByHand > 0);
        Assert.Equal(lossesByHand, last.Groups.Sum(g => g.CumulativeRealizedLosses));
        // Principal classes add up to the pool (no undercollateralisation in a healthy deal), to the cent.
        Assert.Equal(last.Groups.Sum(g => g.EndingBalance), last.Classes.Where(k => !k.Notional).Sum(k => k.EndingBalance));
    }

    /// <summary>
    /// examples/sample/structures.yaml (PAC/companion, NAS, an accrual class, a floater with an inverse IO and a corridor)
    /// for 12 months at LIBOR 1.10%: every close balances, and the accrual class A-4 (5,000,000 at 6%) accretes its
    /// first month's interest, 5,000,000 × 6% / 12 = 25,000.00 less its share of the Net Interest Shortfall, instead of being paid it.
    /// </summary>
    [Fact]
    public void Structures_deal_closes_with_accretion_notional_and_corridor()
    {
        using var ledger = new TestLedger("sqlite");
        var reg = DealFile.Registration(SampleDeal().Replace("deal.yaml", "structures.yaml"));
        DealRegistry.Register(ledger.Db, reg, "test");
        var deal = DealFile.FromLedger(ledger.Db, reg.DealId);
        var closer = new PeriodCloser(ledger.Db, new WaterfallCalculator(deal));
        decimal remitted = 0, paid = 0;
        var first = true;
        foreach (var (period, csv) in new RemittanceSimulator(reg.Loans, reg.FirstPeriod, Options(12)).Run())
        {
            RemittanceImporter.Import(ledger.Db, reg.DealId, period, "r.csv", csv, "test");
            var r = closer.Close(reg.DealId, period, Distribution.PeriodMarket.With("LIBOR_1MO", 0.011m), "test");
            remitted += RemittedByHand(csv);
            paid += r.Reconciliation!.CashOut - r.Reconciliation.CorridorReceipts;
            if (first)
            {
                var a4 = r.Distribution!.Classes.Single(k => k.Name == "A-4");
                // Less its pro rata share of the month's prepayment interest shortfall (the 500 loans include payoffs).
                Assert.Equal((5_000_000.00m, 25_000.00m, 0m), (a4.BeginningBalance, a4.Accretion + a4.InterestShortfall, a4.InterestPaid));
                Assert.Equal(5_000_000.00m + a4.Accretion, a4.EndingBalance);
                first = false;
            }
        }
        Assert.Equal(remitted, paid);
    }

    [Fact]
    public void Simulated_files_are_deterministic_for_a_seed_and_differ_across_seeds()
    {
        var reg = DealFile.Registration(SampleDeal());
        var a = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, Options(3)).Run().Select(x => x.Csv).ToList();
        var b = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, Options(3)).Run().Select(x => x.Csv).ToList();
        var c = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, Options(3) with { Seed = 2 }).Run().Select(x => x.Csv).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Simulated_pool_prepays_near_the_speed_in_expectation()
    {
        // 20 CPR constant, no defaults: SMM = 1 − 0.8^(1/12) = 1.8423%. Over 12 months the fraction of the
        // balance after scheduled principal that prepays each month should average near it (415 loans: ±0.5%).
        var reg = DealFile.Registration(SampleDeal());
        var opts = new SimulationOptions(12, Speed.Prepay("20 CPR"), Speed.Default("0 CDR"), 0m, 0, 0m, 5);
        decimal prepaid = 0, basis = 0;
        foreach (var (_, csv) in new RemittanceSimulator(reg.Loans, reg.FirstPeriod, opts).Run())
            foreach (var f in csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')))
            {
                decimal V(int i) => decimal.Parse(f[i], CultureInfo.InvariantCulture);
                prepaid += V(4) + V(5);
                basis += V(2) - V(3);
            }
        var smm = prepaid / basis;
        Assert.InRange(smm, 0.013m, 0.024m);
    }
}
