using System.Globalization;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Deals.Loading;
using Remic.Deals.Projection;
using Remic.Reports;
using Remic.Reports.Book;
using Remic.Reports.Inputs;

namespace Remic.Grid.Tests;

/// <summary>The grid's figures are the ones <c>remic run</c> (its class summary) and <c>remic price</c> print for the same scenario.</summary>
public class BatchRunnerTests
{
    private static GridJob J4Job(string prepay, string dflt, string severity, string lag, string? price = "100-00") => new()
    {
        Deals = [TestFiles.J4Deal],
        Axes = GridAxes.Parse(prepay, dflt, severity, lag),
        Price = price,
    };

    private static string Date(int dayNumber) => dayNumber < 0 ? "none" : DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("100 PPC", "0 CDR", "0", "0")]
    [InlineData("300 PPC", "5 CDR", "50", "6")]
    public void J4_figures_equal_the_run_summary_of_the_same_scenario(string prepay, string dflt, string severity, string lag)
    {
        var job = J4Job(prepay, dflt, severity, lag);
        var r = BatchRunner.Run(job, new GridBatch(0, 0, 1));
        var deal = DealLoader.Load(TestFiles.J4);
        var run = DealRunner.Run(deal, ScenarioOptions.Build(deal, prepay, dflt, severity, lag, null, null, []));
        var summary = RunSummary.Of(run);
        Assert.Equal(deal.Classes.Count, r.Classes);
        var settle = DealBook.Settlement(deal, null);
        for (var c = 0; c < deal.Classes.Count; c++)
        {
            var row = summary.Rows[c];
            Assert.Equal(deal.Classes[c].Name, row[0]);
            Assert.Equal(row[9], double.IsNaN(r.Wal[c]) ? "" : r.Wal[c].ToString("0.00", CultureInfo.InvariantCulture));
            var window = r.WindowFirst[c] < 0 ? "none"
                : new PrincipalWindow(DateOnly.FromDayNumber(r.WindowFirst[c]), DateOnly.FromDayNumber(r.WindowLast[c])).Label;
            Assert.Equal(row[10], window);
            // The summary's writedown column: the waterfall's losses summed in cents month by month (so within half a cent a month).
            var writedown = decimal.Parse(row[6].Replace(",", ""), CultureInfo.InvariantCulture);
            var original = (double)deal.Classes[c].OriginalBalance;
            if (deal.Classes[c].IsNotional) Assert.Equal(0, r.WritedownPct[c]);
            else Assert.Equal((double)writedown, r.WritedownPct[c] / 100 * original, 0.005 * run.Periods.Count);
            Assert.Equal(writedown > 0, r.FirstLoss[c]);
            // The yield at 100-00 is what the price engine gives on the same flows.
            var f = DealClassFlows.Of(run, c);
            Assert.Equal(BondAnalytics.AtPrice(f, settle, Price32.Parse("100-00")).Yield * 100, r.Yield[c], 12);
        }
        var loss = run.Collateral.Groups.Sum(g => g.TotalRealizedLoss);
        Assert.Equal(loss, r.CollateralLoss[0], 1e-6);
        Assert.Equal(loss / run.Collateral.Groups.Sum(g => g.EndBalance[0]) * 100, r.CollateralLossPct[0], 12);
        if (dflt == "0 CDR")
        {
            Assert.Equal(0, r.CollateralLoss[0]);
            Assert.All(r.WritedownPct, w => Assert.Equal(0, w));
        }
        else
        {
            Assert.True(r.CollateralLoss[0] > 0);
            Assert.True(r.FirstLoss[deal.Classes.Count - 1], "B-5, the first-loss class, is written down at 5 CDR / 50%");
        }
    }

    [Fact]
    public void J4_yields_at_100_PPC_equal_remic_price_for_each_class()
    {
        var deal = DealLoader.Load(TestFiles.J4);
        var r = BatchRunner.Run(J4Job("100 PPC", "0 CDR", "0", "0", "99-16"), new GridBatch(0, 0, 1));
        var ramp = DealBook.Ramp(deal);
        foreach (var (name, c) in new[] { ("1-A-2", 2), ("1-A-4", 5), ("2-A-3", 8), ("M", 9), ("B-1", 10) })
        {
            Assert.Equal(name, deal.Classes[c].Name);
            var t = DealPricing.Table(deal, new DealBookTerms { Speeds = [Speed.Prepay("100 PPC", ramp)] }, name,
                new ClassPriceOptions { Prices = [Price32.Parse("99-16")], ToCall = false });
            Assert.Equal(t.Exhibit.Rows[0].Yield[0] * 100, r.Yield[c], 12);
            Assert.Equal(t.Exhibit.AtReference[0].Wal, r.Wal[c], 12);
        }
    }

    [Fact]
    public void Published_26T1_WALs_at_100_PPC()
    {
        // CWALT 2004-26T1 Deal Summary (Ex. 99.1, efc4-1928_exhibit991.txt): A1 avg life 4.13, SUBORD 10.01 at
        // 100 PPC = 6 → 20 CPR over 12 months (examples/cwalt-2004-j4/published/README.md).
        var job = new GridJob { Deals = [GridDeal.Read(Path.Combine(TestFiles.Repo(), "examples", "cwalt-2004-26t1", "deal.yaml"))], Axes = GridAxes.Parse("100 PPC", null, null, null) };
        var r = BatchRunner.Run(job, new GridBatch(0, 0, 1));
        Assert.Equal("4.13", r.Wal[0].ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Equal("10.01", r.Wal[1].ToString("0.00", CultureInfo.InvariantCulture));
        Assert.All(r.Yield, y => Assert.True(double.IsNaN(y))); // no price, no yield
    }

    [Fact]
    public void Total_loss_at_100_percent_severity_and_lag_0_is_every_defaulted_dollar()
    {
        // Hand check: with severity 100% nothing is recovered, so the realised loss is the defaulted balance.
        var job = J4Job("0 PPC", "10 CDR", "100", "0");
        var r = BatchRunner.Run(job, new GridBatch(0, 0, 1));
        var deal = DealLoader.Load(TestFiles.J4);
        var run = DealRunner.Run(deal, ScenarioOptions.Build(deal, "0 PPC", "10 CDR", "100", "0", null, null, []));
        Assert.Equal(run.Collateral.Groups.Sum(g => g.TotalDefaults), r.CollateralLoss[0], 1e-4);
    }

    [Fact]
    public void A_batch_is_the_same_whether_run_alone_or_inside_a_larger_batch_and_with_or_without_a_cache()
    {
        var job = J4Job("0,300 PPC", "0,5 CDR", "50", "6");
        var cache = new GridDealCache();
        var whole = BatchRunner.Run(job, new GridBatch(0, 0, 4), cache);
        var tail = BatchRunner.Run(job, new GridBatch(0, 2, 2));
        Assert.Equal(tail.Wal, whole.Wal[(2 * whole.Classes)..]);
        Assert.Equal(tail.Yield, whole.Yield[(2 * whole.Classes)..]);
        Assert.Equal(tail.CollateralLoss, whole.CollateralLoss[2..]);
        Assert.Same(cache.For(job, 0), cache.For(job, 0));
    }

    [Fact]
    public void A_result_encodes_and_decodes_to_the_same_bytes()
    {
        var r = BatchRunner.Run(J4Job("0,300 PPC", "5 CDR", "50", "6"), new GridBatch(0, 0, 2));
        var bytes = r.Encode();
        var back = GridBatchResult.Decode(bytes);
        Assert.Equal(bytes, back.Encode());
        Assert.Equal(r.Wal, back.Wal);
        Assert.Equal(r.FirstLoss, back.FirstLoss);
        Assert.Equal((0, 0L, 2, r.Classes), (back.Deal, back.First, back.Count, back.Classes));
        Assert.Throws<FormatException>(() => GridBatchResult.Decode(bytes[..^1]));
        Assert.Throws<FormatException>(() => GridBatchResult.Decode(new byte[8]));
    }

    [Fact]
    public void A_deal_travels_as_json_and_loads_from_its_own_copy()
    {
        var job = J4Job("0,300 PPC", "5 CDR", "50", "6");
        var json = job.ToJson();
        var back = GridJob.FromJson(json);
        Assert.Equal(job.Hash, back.Hash);
        Assert.Equal(job.Deals[0].Hash, back.Deals[0].Hash);
        Assert.Equal(BatchRunner.Run(job, new GridBatch(0, 0, 2)).Encode(), BatchRunner.Run(back, new GridBatch(0, 0, 2)).Encode());
        Assert.NotEqual(job.Hash, J4Job("0,300 PPC", "5 CDR", "50", "12").Hash);
    }

    [Fact]
    public void Every_part_of_a_job_survives_json()
    {
        var job = new GridJob
        {
            Deals = [TestFiles.J4Deal],
            Axes = GridAxes.Parse("0..300 PPC step 150", "0,5 CDR", "25,50", "6", [new GridIndexPath("up", [1.1, 2.1])], call: true),
            Price = "99-16+",
            Settle = new DateOnly(2004, 5, 3),
        };
        var back = GridJob.FromJson(job.ToJson());
        Assert.Equal(job.ToJson(), back.ToJson());
        Assert.Equal(["0 PPC", "150 PPC", "300 PPC"], back.Axes.Prepay);
        Assert.Equal([1.1, 2.1], back.Axes.IndexPaths[0].Percents);
        Assert.Equal([true], back.Axes.Call);
        Assert.Equal(new DateOnly(2004, 5, 3), back.Settle);
        Assert.Equal("99-16+", back.Price);
        Assert.Equal(job.Space.Count, back.Space.Count);
    }

    [Fact]
    public void A_deal_with_a_tape_carries_the_tape_and_never_reads_the_disk_again()
    {
        var dir = TestFiles.TempDir();
        try
        {
            var src = Path.Combine(TestFiles.Repo(), "examples", "cwalt-2004-26t1");
            File.Copy(Path.Combine(src, "deal.yaml"), Path.Combine(dir, "deal.yaml"));
            File.Copy(Path.Combine(src, "strats-tape.csv"), Path.Combine(dir, "strats-tape.csv"));
            var gd = GridDeal.Read(Path.Combine(dir, "deal.yaml"));
            Assert.Equal(["strats-tape.csv"], gd.Files.Keys);
            File.Delete(Path.Combine(dir, "strats-tape.csv"));
            var copy = GridJob.FromJson(new GridJob { Deals = [gd], Axes = new GridAxes() }.ToJson()).Deals[0];
            Assert.NotEmpty(copy.Load().StratsLoans);
            Assert.Equal(gd.Hash, copy.Hash);
        }
        finally { Directory.Delete(dir, true); }
    }
}
