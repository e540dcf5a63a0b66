using Remic.Analytics.Strats;
using Remic.Collateral;

namespace Remic.Analytics.Tests;

public class StratificationTests
{
    private static readonly Loan[] Pool =
    [
        new() { Id = "1", Balance = 100_000, GrossRate = 0.0550, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 358, Age = 2, Fico = 700, OriginalLtv = 0.80, State = "CA", PropertyType = "SFR", Occupancy = "Primary", Purpose = "Purchase", Documentation = "Full" },
        new() { Id = "2", Balance = 300_000, GrossRate = 0.0600, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 350, Age = 10, Fico = 640, OriginalLtv = 0.95, State = "FL", PropertyType = "Condo", Occupancy = "Investor", Purpose = "Cash-out", Documentation = "Stated" },
        new() { Id = "3", Balance = 600_000, GrossRate = 0.0625, ServicingFee = 0.0025, OriginalTerm = 180, RemainingTerm = 175, Age = 5, Fico = null, OriginalLtv = 0.50, State = "CA", PropertyType = "SFR", Occupancy = "Primary", Purpose = "Rate/Term", Documentation = null },
        // A rep line of 4 loans averaging 50,000.
        new() { Id = "4", Balance = 200_000, GrossRate = 0.0475, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360, Age = 0, Fico = 800, OriginalLtv = 1.0001, State = "NY", PropertyType = "2-4 Family", Occupancy = "Second Home", Purpose = "Purchase", Documentation = "Full", LoanCount = 4 },
    ];

    [Fact]
    public void Every_table_sums_to_the_pool()
    {
        var s = Stratification.Build(Pool);
        Assert.Equal(10, s.Tables.Count);
        foreach (var t in s.Tables)
        {
            Assert.Equal(1_200_000, t.Rows.Sum(r => r.Balance), 6);
            Assert.Equal(7, t.Rows.Sum(r => r.Count), 12);
            Assert.Equal(100, t.Rows.Sum(r => r.PercentOfPool), 9);
            Assert.Equal(t.Total.WaRate, t.Rows.Sum(r => r.WaRate * r.Balance) / 1_200_000, 12);
        }
    }

    [Fact]
    public void Rows_land_in_the_CM_buckets()
    {
        var s = Stratification.Build(Pool);
        var rate = s.Tables[0];
        Assert.Equal(["4.750 or less", "5.251 - 5.500", "5.751 - 6.000", "6.001 - 6.250"], rate.Rows.Select(r => r.Label));
        var bal = s.Tables[1];
        Assert.Equal(["50,000.00 or less", "50,000.01 - 100,000.00", "250,000.01 - 300,000.00", "500,000.01 - 600,000.00"], bal.Rows.Select(r => r.Label));
        var ltv = s.Tables[2];
        Assert.Equal(["50.00 or less", "75.01 - 80.00", "90.01 - 95.00", "100.01 or more"], ltv.Rows.Select(r => r.Label));
        var fico = s.Tables[3];
        Assert.Equal(["640 - 659", "700 - 719", "800 or more", Stratification.NotAvailable], fico.Rows.Select(r => r.Label));
        var state = s.Tables[4];
        Assert.Equal(["CA", "FL", "NY"], state.Rows.Select(r => r.Label));
        Assert.Equal(700_000.0 / 1_200_000 * 100, state.Rows[0].PercentOfPool, 12);
        Assert.Equal((100_000 * 5.5 + 600_000 * 6.25) / 700_000, state.Rows[0].WaRate, 12);
        Assert.Equal(700.0, state.Rows[0].WaFico);                 // only loan 1 reports a FICO
        var term = s.Tables[9];
        Assert.Equal(["121 - 180", "301 - 360"], term.Rows.Select(r => r.Label));
    }

    [Fact]
    public void Summary_block_is_balance_weighted()
    {
        var p = Stratification.Build(Pool).Summary;
        Assert.Equal(7, p.Count);
        Assert.Equal(1_200_000, p.Balance);
        Assert.Equal(1_200_000 / 7.0, p.AverageBalance, 9);
        Assert.Equal((100_000 * 5.5 + 300_000 * 6.0 + 600_000 * 6.25 + 200_000 * 4.75) / 1_200_000, p.Wac, 12);
        Assert.Equal(p.Wac - 0.25, p.NetWac, 12);
        Assert.Equal((100_000 * 358 + 300_000 * 350 + 600_000 * 175 + 200_000 * 360) / 1_200_000.0, p.Wam, 12);
        Assert.Equal((100_000 * 2 + 300_000 * 10 + 600_000 * 5 + 0) / 1_200_000.0, p.Wala, 12);
        Assert.Equal(new ValueRange(4.75, 6.25), p.Rate);
        Assert.Equal(new ValueRange(50_000, 600_000), p.LoanBalance);
        Assert.Equal(new ValueRange(640, 800), p.Fico);
        Assert.Equal((100_000 * 700 + 300_000 * 640 + 200_000 * 800) / 600_000.0, p.WaFico!.Value, 12);
    }

    [Fact]
    public void Bucket_edges_are_configurable()
    {
        var b = new StratBuckets { RemainingTerm = new NumericBuckets([240], 1, "0") };
        var term = Stratification.Build(Pool, b).Tables[9];
        Assert.Equal(["240 or less", "241 or more"], term.Rows.Select(r => r.Label));
        Assert.Equal(600_000, term.Rows[0].Balance);
    }
}
