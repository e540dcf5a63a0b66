using CsCheck;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Deals.Tests;

/// <summary>
/// Class X's notional is the aggregate Stated Principal Balance of the premium loans (CWALT's definition, issue 11):
/// delinquent premium loans awaiting liquidation stay in it, and their excess interest, advanced by the master servicer,
/// is Class X's. Pinned by a hand case and by a reference computed independently of the deal run: the premium loans
/// projected on their own, one at a time, notional = their beginning balance less what is liquidated in the month.
/// </summary>
public class ClassXNotionalTests
{
    private static double BalanceAfter(double b, double r, int n, int k)
    {
        var p = b * r / (1 - Math.Pow(1 + r, -n));
        return b * Math.Pow(1 + r, k) - p * (Math.Pow(1 + r, k) - 1) / r;
    }

    [Theory]
    [InlineData("interest")]
    [InlineData("pi")]
    public void Delinquent_premium_loan_stays_in_the_notional_until_liquidated(string advancing)
    {
        // $1,000,000 at 6.25% gross, 0.25% servicing: net 6.00% over a 5.50% strip, so all of it is premium; Class X
        // earns 0.50%. 1% ($10,000) defaults in period 1 and is liquidated in period 4 (lag 3).
        var deal = TestDeals.OneGroup(1_000_000m, 6.25m, """
              - { name: A, group: "1", balance: 1000000, type: senior, coupon: 5.5 }
              - { name: X, group: "1", balance: 0, type: notional_io, notional: premium_loans, coupon: strip_excess }
              - { name: R, group: "1", balance: 0, type: residual, coupon: none }
            """, """
              - pay_interest: { from: "1", classes: [A, X] }
              - pay_principal: { from: "1", amount: non_po_principal, to: A }
              - pay_residual: { from: "1", class: R }
            """, groupExtra: "servicing_fee: 0.25\n    strip_rate: 5.5");
        var run = DealRunner.Run(deal, new Scenario
        {
            Default = Speed.Default("1 MDR for 1, then 0 MDR"), Severity = MonthlyVector.Flat(0.4), RecoveryLag = 3,
            Advance = AdvancingConventions.Parse(advancing, "test"),
        });
        var x = deal.ClassIndex("X");
        const double r = 0.0625 / 12;
        // Period 1: the whole cut-off balance — the defaulted $10,000 is delinquent, still a Premium Loan (was 990,000).
        Assert.Equal(1_000_000, run.Periods[0].BeginBalance[x], 6);
        Assert.Equal(1_000_000 * 0.005 / 12, run.Periods[0].InterestDue[x], 6);             // 416.67 (was 412.50)
        // Periods 2-3: the performing 99% after k payments + the delinquent loan's stated balance.
        for (var k = 1; k <= 2; k++)
        {
            var delinquent = advancing == "pi" ? BalanceAfter(10_000, r, 360, k) : 10_000;
            Assert.Equal(0.99 * BalanceAfter(1_000_000, r, 360, k) + delinquent, run.Periods[k].BeginBalance[x], 6);
        }
        // Period 4: the delinquent loan is liquidated; only the performing loans are left.
        Assert.Equal(0.99 * BalanceAfter(1_000_000, r, 360, 3), run.Periods[3].BeginBalance[x], 6);
    }

    private static readonly Gen<(int Seed, int Groups, int Subs, double Cpr, double Cdr, double Sev, int Lag, int Advance)> Cases =
        from seed in Gen.Int
        from groups in Gen.Int[1, 3]
        from subs in Gen.Int[0, 3]
        from cpr in Gen.Double[0, 60]
        from cdr in Gen.Double[0, 10]
        from sev in Gen.Double[0, 1]
        from lag in Gen.Int[0, 12]
        from advance in Gen.Int[0, 2]
        select (seed, groups, subs, cpr, cdr, sev, lag, advance);

    [Fact]
    public void Notional_and_interest_equal_an_independently_projected_reference_on_random_deals()
    {
        Cases.Sample(c =>
        {
            var deal = DealLoader.LoadText(RandomDeals.Build(c.Seed, c.Groups, c.Subs), "random.yaml");
            var scenario = new Scenario
            {
                Prepay = Speed.Prepay($"{c.Cpr:0.###} CPR"), Default = Speed.Default($"{c.Cdr:0.###} CDR"),
                Severity = MonthlyVector.Flat(c.Sev), RecoveryLag = c.Lag, Advance = (AdvancingConvention)c.Advance,
            };
            var run = DealRunner.Run(deal, scenario);
            // A Class X is per group ("1-X") or one class over every stripped group ("X"): its notional is the sum of
            // its groups' premium-loan balances, its interest the sum of their excess interest.
            var notional = new Dictionary<int, double[]>();
            var excess = new Dictionary<int, double[]>();
            var cutoff = new Dictionary<int, double>();
            foreach (var group in deal.Groups)
            {
                if (group.StripRate is not { } stripPercent) continue;
                var strip = (double)stripPercent / 100;
                var x = deal.ClassIndex($"{group.Name[1..]}-X");
                if (x < 0) x = deal.ClassIndex("X");
                if (!notional.ContainsKey(x)) { notional[x] = new double[run.Periods.Count + 1]; excess[x] = new double[run.Periods.Count + 1]; cutoff[x] = 0; }
                cutoff[x] += (double)group.CutoffBalance;
                // Reference: each premium loan projected alone (no strip, no deal), its balance bearing interest in
                // month m = beginning balance − balance liquidated in m; its excess interest = (net − strip)/12 of it,
                // when its interest is collected or advanced.
                foreach (var loan in group.Loans.Where(l => l.NetRate > strip + 1e-9))
                {
                    var alone = Projector.Project(new LoanPool([loan with { Group = "p" }]), scenario, options: ProjectionOptions.ReferenceLoop).Total;
                    for (var m = 1; m <= Math.Min(alone.Months, run.Periods.Count); m++)
                    {
                        var bearing = alone.BeginBalance[m] - alone.LiquidationProceeds[m] - alone.RealizedLoss[m];
                        notional[x][m] += bearing;
                        excess[x][m] += (loan.NetRate - strip) / 12 * bearing;
                    }
                }
            }
            foreach (var (x, expected) in notional)
            {
                for (var m = 1; m <= run.Periods.Count; m++)
                {
                    var p = run.Periods[m - 1];
                    var tol = 1e-9 * cutoff[x] + 1e-6;
                    if (Math.Abs(p.BeginBalance[x] - expected[m]) > tol)
                        throw new Exception($"{deal.Classes[x].Name} period {m}: Class X notional {p.BeginBalance[x]:F4} ≠ premium loans' stated balance {expected[m]:F4}");
                    var current = p.Coupon[x] * p.BeginBalance[x] / 12;   // this period's interest (Coupon = interest × 12 / notional)
                    if (scenario.AdvanceOrDefault != AdvancingConvention.None && Math.Abs(current - excess[x][m]) > tol)
                        throw new Exception($"{deal.Classes[x].Name} period {m}: Class X current interest {current:F4} ≠ premium loans' excess interest {excess[x][m]:F4}");
                }
            }
        }, iter: 60, print: c => $"{c}\n{RandomDeals.Build(c.Seed, c.Groups, c.Subs)}");
    }
}
