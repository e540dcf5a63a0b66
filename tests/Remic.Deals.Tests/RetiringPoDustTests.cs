using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Deals.Tests;

/// <summary>
/// A Class PO retires with its group's PO pool; the pool's last fraction of a cent of PO principal is more than the
/// Class PO (paid in whole cents before) still has. It is principal all the same: it must reach a class, not the
/// residual, or the classes end above the pool and a subordinate is written down with no default.
/// Found by <see cref="PropertyTests.No_class_is_written_down_at_0_CDR"/> (CsCheck seed 50iSDEqskI23): three groups,
/// two with a Class PO, retiring in periods 88 and 189 while group 1 pays until 319; B-1 lost 0.0045 + 0.0046 + 0.0012.
/// </summary>
public class RetiringPoDustTests
{
    [Fact]
    public void A_retiring_Class_POs_last_fraction_of_a_cent_is_paid_as_principal_and_no_class_is_written_down()
    {
        var deal = DealLoader.LoadText(RandomDeals.Build(5552432, 3, 1), "random.yaml");
        var run = DealRunner.Run(deal, new Scenario
        {
            Prepay = Speed.Prepay("47.3155902626947 CPR"), Default = Speed.Default("0 CDR"),
            Severity = MonthlyVector.Flat(0.1236), RecoveryLag = 1,
        }, false);
        // Nothing is lost: over the life the classes receive the collateral's principal (to float precision).
        var collateral = deal.Groups.Sum(g => run.Collateral.Group(g.Name).EndBalance[0]);
        double paid = 0, lost = 0, unpayable = 0;
        for (var i = 0; i < deal.Classes.Count; i++)
        {
            if (deal.Classes[i].IsNotional) continue;
            paid += run.Periods.Sum(p => p.Principal[i]);
            lost += run.TotalLoss(i);
        }
        unpayable = run.Periods.Sum(p => p.UnpayablePrincipal);
        Assert.Equal(collateral, paid + lost, 6);
        // The end's floating-point write-off aside (the last loan's sub-half-cent dust), no class loses at 0 CDR.
        Assert.True(lost < 0.005, $"classes written down by {lost:E3} at 0 CDR");
        Assert.True(unpayable < 1e-9, $"principal no class could take: {unpayable:E3}");
    }
}
