using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Grid.Tests;

/// <summary>A settlement date after some classes have paid off: those classes have no WAL, window or yield (docs/grid.md:
/// "null when the class receives nothing after settlement"); the grid does not fail.</summary>
public class GridSettlementTests
{
    [Fact]
    public void Classes_paid_off_by_a_late_settlement_have_no_WAL_window_or_yield()
    {
        var settle = new DateOnly(2006, 7, 15);
        var job = new GridJob
        {
            Deals = [TestFiles.J4Deal], Axes = GridAxes.Parse("0,300 PPC", "0,10 CDR", "50", "6"), Price = "95-16", Settle = settle,
        };
        var r = BatchRunner.Run(job, new GridBatch(0, 0, (int)job.Space.Count));
        var deal = DealLoader.Load(TestFiles.J4);
        var run = new WaterfallRun(deal);
        int paidOff = 0, receiving = 0;
        for (var i = 0; i < r.Count; i++)
        {
            var s = job.Space.At(i);
            var p = run.Run(new GridDealCache().For(job, 0).ScenarioAt(s, 6));
            for (var c = 0; c < r.Classes; c++)
            {
                var row = i * r.Classes + c;
                // The first distribution the buyer receives: a class with a payment delay, the first in a later month than
                // settlement; one without, the first after the settlement date. Its beginning balance is what is bought.
                var spec = deal.Classes[c];
                var first = p.Periods.FirstOrDefault(x => spec.DelayDays > 0
                    ? Period.Of(x.DistributionDate) > Period.Of(settle) : x.DistributionDate > settle);
                var bought = first is null ? 0 : first.BeginBalance[c];
                if (bought > 0)
                {
                    receiving++;
                    Assert.True(r.Wal[row] > 0, $"{spec.Name} scenario {i}: a WAL");
                    Assert.True(r.WindowFirst[row] < 0 || DateOnly.FromDayNumber(r.WindowFirst[row]) > settle);
                    if (s.Default == 0 && !spec.IsNotional) Assert.False(double.IsNaN(r.Yield[row]), $"{spec.Name} scenario {i}: a yield");
                }
                else
                {
                    paidOff++;
                    Assert.True(double.IsNaN(r.Wal[row]), $"{spec.Name} scenario {i}: paid off, no WAL");
                    Assert.Equal(-1, r.WindowFirst[row]);
                    Assert.Equal(-1, r.WindowLast[row]);
                    Assert.True(double.IsNaN(r.Yield[row]));
                }
                if (s.Default == 0) Assert.Equal(0, r.WritedownPct[row]); // no losses at 0 CDR, paid off or not
            }
        }
        Assert.True(paidOff > 0 && receiving > 0, $"{paidOff} paid off, {receiving} receiving: the case covers both");
    }
}
