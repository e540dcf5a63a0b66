using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Tests;

/// <summary>The sample deal under several scenarios; the clean-up call; decimal and double agree.</summary>
public class SampleDealTests
{
    internal static readonly string SamplePath = Path.Combine(RepoRoot(), "examples", "sample", "deal.yaml");
    private static readonly Deal Sample = DealLoader.Load(SamplePath);

    internal static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Remic.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Theory]
    [InlineData("0 CPR", "0 CDR", 0.0, 0)]
    [InlineData("100 PPC", "0 CDR", 0.0, 0)]
    [InlineData("300 PPC", "2 CDR", 0.4, 6)]
    [InlineData("50 PPC", "5 CDR", 0.6, 12)]
    public void Every_class_is_paid_off_and_principal_is_conserved(string prepay, string dflt, double sev, int lag)
    {
        var run = TestDeals.Project(Sample, prepay, dflt, sev, lag);
        var last = run.Periods[^1];
        // Whatever a class still has at the end is exactly the recorded undercollateralisation (principal that paid
        // interest once the subordinates were gone): nothing disappears unexplained. Zero unless losses exhaust them.
        var left = Enumerable.Range(0, Sample.Classes.Count).Where(c => !Sample.Classes[c].IsNotional).Sum(c => last.EndBalance[c]);
        Assert.True(Math.Abs(last.Next.Undercollateralisation + last.PoolEndBalance.Sum() - left) < 0.01);
        if (dflt == "0 CDR") Assert.Equal(0, left, 4);
        var coll = run.Periods.Sum(p => p.CollateralPrincipal.Sum() + p.CollateralLoss.Sum());
        var classes = Enumerable.Range(0, Sample.Classes.Count).Where(c => !Sample.Classes[c].IsNotional)
            .Sum(c => run.TotalPrincipal(c) + run.TotalLoss(c));
        Assert.True(Math.Abs(90_000_000 - coll - last.PoolEndBalance.Sum()) < 0.01);
        Assert.True(Math.Abs(coll - classes - left) < 0.01);
    }

    [Fact]
    public void In_the_first_five_years_the_subordinates_receive_no_prepayments()
    {
        var run = TestDeals.Project(Sample, "100 PPC");
        var subs = new[] { "M", "B-1", "B-2", "B-3", "B-4", "B-5" }.Select(Sample.ClassIndex).ToArray();
        foreach (var p in run.Periods.Take(60))
        {
            Assert.Equal(1.0, p.SeniorPrepaymentPercentage[0]);
            var sched = run.Collateral.Groups.Sum(g => g.ScheduledPrincipal[p.Period]) - run.Collateral.Strips.Values.Sum(s => s.PoScheduledPrincipal[p.Period]);
            var subShare = Enumerable.Range(0, 2).Sum(g => (1 - p.SeniorPercentage[g]) * (run.Collateral.Groups[g].ScheduledPrincipal[p.Period] - run.Collateral.Strips[Sample.Groups[g].Name].PoScheduledPrincipal[p.Period]));
            Assert.Equal(subShare, subs.Sum(s => p.Principal[s]), 3);
            Assert.True(subs.Sum(s => p.Principal[s]) < sched);
        }
        Assert.True(run.Periods[60].SeniorPrepaymentPercentage[0] < 1.0); // year 6 steps down
    }

    [Fact]
    public void Clean_up_call_retires_everything_in_the_first_period_the_pool_is_below_ten_percent()
    {
        var uncalled = TestDeals.Project(Sample, "100 PPC");
        var expected = uncalled.Periods.First(p => uncalled.Collateral.Groups.Sum(g => g.BeginBalance[p.Period]) <= 9_000_000).Period;
        var called = TestDeals.Project(Sample, "100 PPC", call: true);
        Assert.Equal(expected, called.CalledAt);
        Assert.Equal(expected, called.Periods.Count);
        var last = called.Periods[^1];
        for (var c = 0; c < Sample.Classes.Count; c++)
            if (!Sample.Classes[c].IsNotional) Assert.True(Math.Abs(last.EndBalance[c]) < 0.01);
        // Before the call both runs are the same.
        Assert.Equal(uncalled.Periods[expected - 2].EndBalance[Sample.ClassIndex("1-A-2")], called.Periods[expected - 2].EndBalance[Sample.ClassIndex("1-A-2")]);
    }

    [Fact]
    public void Decimal_trustee_distribution_agrees_with_the_double_projection_within_rounding()
    {
        var run = TestDeals.Project(Sample, "200 PPC", "1 CDR", 0.35, 4);
        var state = DealState<decimal>.AtClosing(Sample);
        // A servicer's report carries balances forward exactly: each begin is the prior end.
        var prior = new GroupCollections<decimal>?[2];
        var projected = new ProjectedCollections(Sample, run.Collateral);
        // Up to period 300: beyond it the pool is a few dollars and cents-rounding the double projection's
        // sub-cent figures makes inconsistent input (a PO portion above the pool), not a test of the waterfall.
        foreach (var p in run.Periods.Take(300))
        {
            var month = projected.Month(p.Period);
            var groups = p.AvailableFunds.Select((_, g) =>
            {
                var c = Cents(month[g]);
                if (prior[g] is { } q) c = c with { BeginBalance = q.EndBalance, PoBeginBalance = q.PoEndBalance };
                prior[g] = c;
                return c;
            }).ToList();
            var coll = new PeriodCollections<decimal>(groups);
            var market = DealRunner.Market(Sample, p.Period, new Dictionary<string, MonthlyVector>());
            var r = Waterfall.Waterfall.Distribute(Sample, state, coll, market);
            for (var c = 0; c < Sample.Classes.Count; c++)
            {
                Assert.True(Math.Abs(r.Principal[c] - (decimal)p.Principal[c]) <= 1.00m, $"period {p.Period} {Sample.Classes[c].Name} principal {r.Principal[c]} vs {p.Principal[c]}");
                Assert.True(Math.Abs(r.InterestPaid[c] - (decimal)p.InterestPaid[c]) <= 1.00m, $"period {p.Period} {Sample.Classes[c].Name} interest {r.InterestPaid[c]} vs {p.InterestPaid[c]}");
                Assert.Equal(Math.Round(r.EndBalance[c], 2), r.EndBalance[c]); // decimal money stays in cents
            }
            state = r.Next;
        }
    }

    private static GroupCollections<decimal> Cents(GroupCollections<double> c) => new()
    {
        BeginBalance = Money.ToCents(c.BeginBalance), ScheduledPrincipal = Money.ToCents(c.ScheduledPrincipal),
        Prepayments = Money.ToCents(c.Prepayments), LiquidationProceeds = Money.ToCents(c.LiquidationProceeds),
        RealizedLoss = Money.ToCents(c.RealizedLoss), NetInterest = Money.ToCents(c.NetInterest),
        PoBeginBalance = Money.ToCents(c.PoBeginBalance), PoScheduledPrincipal = Money.ToCents(c.PoScheduledPrincipal),
        PoPrepayments = Money.ToCents(c.PoPrepayments), PoLiquidationProceeds = Money.ToCents(c.PoLiquidationProceeds),
        PoRealizedLoss = Money.ToCents(c.PoRealizedLoss), ClassXExcessInterest = Money.ToCents(c.ClassXExcessInterest),
        PremiumLoanBalance = Money.ToCents(c.PremiumLoanBalance), SeriousDelinquency = Money.ToCents(c.SeriousDelinquency),
        CumulativeLoss = Money.ToCents(c.CumulativeLoss), LiquidatedLoanInterest = Money.ToCents(c.LiquidatedLoanInterest),
    };
}

public class SharedClassXTests
{
    [Fact]
    public void One_Class_X_over_two_groups_draws_each_groups_excess_from_that_group()
    {
        var yaml = File.ReadAllText(SampleDealTests.SamplePath)
            .Replace("""
              - { name: 1-X, group: "1", balance: 40000000, type: notional_io, notional: premium_loans, coupon: strip_excess }
              - { name: 2-X, group: "2", balance: 35000000, type: notional_io, notional: premium_loans, coupon: strip_excess }
            """, """
              - { name: X, groups: ["1", "2"], balance: 75000000, type: notional_io, notional: premium_loans, coupon: strip_excess }
            """)
            .Replace("classes: [A-R, 1-A-1, 1-A-2, 1-X] }", "classes: [A-R, 1-A-1, 1-A-2] }")
            .Replace("classes: [2-A-1, 2-A-2, 2-X] }", "classes: [2-A-1, 2-A-2] }\n  - pay_interest: { from: [\"1\", \"2\"], classes: [X] }");
        var deal = DealLoader.LoadText(yaml, "shared-x.yaml");
        Assert.Equal(-1, deal.ClassIndex("1-X"));
        var run = TestDeals.Project(deal, "300 PPC");
        var x = deal.ClassIndex("X");
        foreach (var p in run.Periods)
        {
            Assert.True(p.PrincipalShortfall < 0.001, $"period {p.Period}: principal shortfall {p.PrincipalShortfall}"); // sub-cent: class sizes are rounded to cents
            Assert.Equal(run.Collateral.Strips.Values.Sum(s => s.ExcessInterest[p.Period]), p.InterestPaid[x], 6);
        }
        Assert.All(Enumerable.Range(0, deal.Classes.Count), c => Assert.True(run.TotalLoss(c) < 0.01));
    }
}
