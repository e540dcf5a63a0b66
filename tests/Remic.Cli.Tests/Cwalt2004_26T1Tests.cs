using System.Globalization;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;

namespace Remic.Cli.Tests;

/// <summary>
/// examples/cwalt-2004-26t1 against its printed Intex Deal Summary (CM Ex. 99.1, efc4-1928_exhibit991.txt):
/// A1 and SUBORD WAL from settlement 28-Oct-2004 at 100 PPC (6 → 20 CPR over 12 months), their windows,
/// and the A1 decrement rows visible in the excerpt (scenarios 1–5 = 0, 50, 100, 150, 200 PPC).
/// </summary>
public class Cwalt2004_26T1Tests
{
    private static readonly DateOnly Settle = new(2004, 10, 28);
    private static readonly Remic.Deals.Model.Deal Deal = CwaltExampleDeals.Load("cwalt-2004-26t1");
    /// <summary>The deal file's prepayment_assumption: "(Ramp from 6 to 20CPR in 12 months)", as printed.</summary>
    private static readonly PpcRamp Ramp = Deal.Metadata.PrepaymentAssumption!;

    [Fact]
    public void The_deal_files_prepayment_assumption_is_the_printed_ramp() => Assert.Equal(new PpcRamp(6, 20, 12), Ramp);

    private static IEnumerable<string[]> Csv(string file) =>
        File.ReadAllLines(CwaltExampleDeals.PathOf("cwalt-2004-26t1", Path.Combine("published", file))).Skip(1)
            .Select(l => l.Split(','));

    [Theory]
    [InlineData("A1")]
    [InlineData("SUBORD")]
    public void Wal_and_window_at_100_PPC_match_the_deal_summary(string cls)
    {
        var row = Csv("deal_summary.csv").Single(r => r[5] == cls);
        var printedWal = double.Parse(row[12], CultureInfo.InvariantCulture);
        var printedWindow = row[11]; // "11/04 - 09/34"
        var flows = CwaltExampleDeals.Flows(CwaltExampleDeals.Run(Deal, "100 PPC", Ramp), cls);
        Assert.Equal(printedWal, BondAnalytics.WalFrom(flows, Settle), 0.005); // printed to 2 places: within half a unit, i.e. inside 0.01
        var w = PrincipalWindow.Of(flows);
        Assert.Equal(printedWindow, $"{w.First:MM/yy} - {w.Last:MM/yy}");
    }

    [Fact]
    public void Collateral_wal_at_100_PPC_matches_the_printed_4_49()
    {
        // Every collateral dollar goes to A1 or SUBORD, so the pool's principal is the sum of theirs.
        var run = CwaltExampleDeals.Run(Deal, "100 PPC", Ramp);
        var a = CwaltExampleDeals.Flows(run, "A1");
        var s = CwaltExampleDeals.Flows(run, "SUBORD");
        double num = 0, den = 0;
        for (var k = 0; k < a.Count; k++)
        {
            var t = DayCounts.Days(DayCount.Thirty360, Settle, a.Dates[k]) / 360.0;
            num += t * (a.Principal[k] + s.Principal[k]);
            den += a.Principal[k] + s.Principal[k];
        }
        var printed = double.Parse(Csv("deal_summary.csv").Single(r => r[5] == "Collateral")[12], CultureInfo.InvariantCulture);
        Assert.Equal(printed, num / den, 0.005);
    }

    [Fact]
    public void Collateral_balances_match_the_printed_classes()
    {
        var row = Csv("deal_summary.csv").Single(r => r[5] == "Collateral");
        Assert.Equal(decimal.Parse(row[6], CultureInfo.InvariantCulture), Deal.Classes.Sum(c => c.OriginalBalance));
    }

    [Fact]
    public void A1_decrement_rows_match_with_scenarios_1_to_5_as_0_50_100_150_200_PPC()
    {
        string[] speeds = ["0 PPC", "50 PPC", "100 PPC", "150 PPC", "200 PPC"];
        var table = DecrementTable.Build(
            speeds.Select(s => (s, CwaltExampleDeals.Flows(CwaltExampleDeals.Run(Deal, s, Ramp), "A1"))).ToArray(),
            Settle, new Period(2004, 10));
        var printed = Csv("dec_A1.csv").Select(r => (Date: DateOnly.ParseExact(r[1], "dd-MMM-yy", CultureInfo.InvariantCulture),
            Scenario: int.Parse(r[2], CultureInfo.InvariantCulture), Cell: r[3])).ToList();
        Assert.Equal(23, printed.Count);
        foreach (var (date, scenario, cell) in printed)
        {
            var got = date == new DateOnly(2004, 10, 28) ? table.Rows[0] : table.Rows.Single(r => r.Date == date);
            Assert.True(cell == got.Cells[scenario - 1], $"{date:yyyy-MM-dd} scenario {scenario} ({speeds[scenario - 1]}): printed {cell}, Remic {got.Cells[scenario - 1]} ({got.Percent[scenario - 1]:F3}%)");
        }
    }
}
