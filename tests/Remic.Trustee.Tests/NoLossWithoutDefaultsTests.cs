using Remic.Collateral;
using Remic.Trustee.Distribution;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Simulation;
using Remic.Trustee.Tests.Support;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Tests;

/// <summary>
/// With no default there is no realised loss, so no class may be written down — not even by a cent. A servicer
/// that rounded its fee up loan by loan remitted a few cents less than the classes' coupons need, the waterfall
/// paid that interest out of principal, and the lowest subordinate was written down every month (J4: 9.29 in its
/// first month). Every seed deal, 4 simulated months at 300 PPC (many payoffs) with missed payments.
/// </summary>
public class NoLossWithoutDefaultsTests
{
    public static IEnumerable<object[]> Deals() =>
        new[] { "cwalt-2004-j2", "cwalt-2004-j4", "cwalt-2004-12cb", "cwalt-2004-26t1", "cwalt-2007-12t1", "sample" }.Select(d => new object[] { d });

    [Theory]
    [MemberData(nameof(Deals))]
    public void No_class_is_written_down_when_no_loan_defaults(string name)
    {
        var path = name == "sample" ? EndToEndCycleTests.SampleDeal()
            : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(EndToEndCycleTests.SampleDeal()))!, name, "deal.yaml");
        using var ledger = new TestLedger("sqlite");
        var reg = DealFile.Registration(path);
        DealRegistry.Register(ledger.Db, reg, "test");
        var deal = DealFile.FromLedger(ledger.Db, reg.DealId);
        var closer = new PeriodCloser(ledger.Db, new WaterfallCalculator(deal));
        var options = new SimulationOptions(4, Speed.Prepay("300 PPC"), Speed.Default("0 CDR"), 0m, 0, 0.03m, 7);
        var market = PeriodMarket.With("LIBOR_1MO", 0.011m);
        foreach (var (period, csv) in new RemittanceSimulator(reg.Loans, reg.FirstPeriod, options).Run())
        {
            RemittanceImporter.Import(ledger.Db, reg.DealId, period, "r.csv", csv, "test");
            var r = closer.Close(reg.DealId, period, name is "cwalt-2004-j4" or "cwalt-2007-12t1" ? market : new(), "test");
            Assert.Equal(CloseOutcome.Closed, r.Outcome);
            foreach (var c in r.Distribution!.Classes)
                Assert.True(c.RealizedLoss == 0m, $"{name} {period}: {c.Name} written down {c.RealizedLoss} with no default");
        }
    }
}
