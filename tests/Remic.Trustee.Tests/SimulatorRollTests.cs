using System.Globalization;
using Remic.Collateral;
using Remic.Core;
using Remic.Trustee.Simulation;

namespace Remic.Trustee.Tests;

/// <summary>The simulator's delinquency roll and liquidation, on loans that certainly default (100 MDR) in month 1.</summary>
public class SimulatorRollTests
{
    [Fact]
    public void A_default_rolls_60_90_FC_and_liquidates_after_the_lag_at_the_severity()
    {
        var dir = Directory.CreateTempSubdirectory("remic-roll-").FullName;
        var reg = TwoClassDeal.Registration(dir);
        var opts = new SimulationOptions(6, Speed.Prepay("0 CPR"), Speed.Default("100 MDR"), 0.40m, 3, 0m, 1);
        var months = new RemittanceSimulator(reg.Loans, reg.FirstPeriod, opts).Run().ToList();
        Assert.Equal(4, months.Count); // both loans are gone after the month-4 liquidation
        var l1 = months.Select(m => m.Csv.Split('\n')[1].Split(',')).ToArray();
        Assert.Equal(["60", "90+", "FC", "REO"], l1.Select(f => f[14]));
        decimal V(string[] f, int i) => decimal.Parse(f[i], CultureInfo.InvariantCulture);
        // Months 1-3: scheduled principal and interest advanced in full (nothing collected), balance amortises.
        foreach (var f in l1[..3])
        {
            Assert.Equal(V(f, 3), V(f, 9));                                    // principal advance = scheduled
            Assert.Equal(Money.Round(V(f, 2) * 0.065m / 12m), V(f, 10));        // interest advance at the note rate
            Assert.Equal(0m, V(f, 7));
        }
        // Month 4: liquidation proceeds 60% of the balance, the rest realised loss, nothing left.
        var last = l1[3];
        var prior = V(last, 2);
        Assert.Equal(V(l1[2], 13), prior);
        Assert.Equal(Money.Round(prior * 0.60m), V(last, 11));
        Assert.Equal(prior - Money.Round(prior * 0.60m), V(last, 12));
        Assert.Equal(0m, V(last, 13));
        // Level-payment amortisation of 600,000 at 6.5% over 360 months: payment 3,792.41, month-1 principal 3,792.41 − 3,250.00 = 542.41.
        Assert.Equal(542.41m, V(l1[0], 3));
    }
}
