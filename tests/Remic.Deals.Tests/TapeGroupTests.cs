using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Core;
using Remic.Deals.Loading;

namespace Remic.Deals.Tests;

/// <summary>Loan groups declared with `tape:` read their loans from a tape beside the deal file.</summary>
public sealed class TapeGroupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("remic-tape-deal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteDeal(string tapeLine)
    {
        var loans = new[]
        {
            new Loan { Id = "L1", Group = "1", Balance = 600_000, OriginalBalance = 600_000, GrossRate = 0.065, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360, Fico = 700, OriginalLtv = 0.8, State = "CA", PropertyType = "SFR", Occupancy = "PRIMARY", Purpose = "PURCHASE", Documentation = "FULL" },
            new Loan { Id = "L2", Group = "1", Balance = 400_000, OriginalBalance = 400_000, GrossRate = 0.060, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360, Fico = 720, OriginalLtv = 0.7, State = "NY", PropertyType = "SFR", Occupancy = "PRIMARY", Purpose = "PURCHASE", Documentation = "FULL" },
            new Loan { Id = "L3", Group = "9", Balance = 50_000, OriginalBalance = 50_000, GrossRate = 0.070, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360, Fico = 680, OriginalLtv = 0.9, State = "TX", PropertyType = "SFR", Occupancy = "PRIMARY", Purpose = "PURCHASE", Documentation = "FULL" },
        };
        Directory.CreateDirectory(Path.Combine(_dir, "tapes"));
        File.WriteAllText(Path.Combine(_dir, "tapes", "pool.csv"), TapeWriter.ToCsv(loans));
        var yaml = MalformedDealTests.Valid
            .Replace("    rep_lines:\n      - { balance: 1000000, gross_rate: 6.25, remaining_term: 360 }\n", tapeLine)
            .Replace("  servicing_fee: 0.25\n", "  servicing_fee: 0.25\n    trustee_fee: 0.01\n");
        var path = Path.Combine(_dir, "deal.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Takes_the_rows_of_its_group_and_adds_the_group_fees()
    {
        var deal = DealLoader.Load(WriteDeal("    tape: tapes/pool.csv\n"));
        var loans = deal.Groups[0].Loans;
        Assert.Equal(["L1", "L2"], loans.Select(l => l.Id));
        Assert.Equal(1_000_000m, deal.Groups[0].CutoffBalance);
        Assert.Equal(0.0001, loans[0].OtherFees, 12);          // the group's 0.01% trustee fee
        Assert.Equal(0.065 - 0.0025 - 0.0001, loans[0].NetRate, 12);
    }

    [Fact]
    public void A_tape_without_loans_of_the_group_is_reported_at_the_tape_line()
    {
        var path = WriteDeal("    tape: tapes/pool.csv\n");
        File.WriteAllText(path, File.ReadAllText(path).Replace("name: \"1\"", "name: \"7\"").Replace("group: \"1\"", "group: \"7\"").Replace("from: \"1\"", "from: \"7\""));
        var e = Assert.Throws<RemicInputException>(() => DealLoader.Load(path));
        Assert.Equal($"{path}:10:11 groups[0].tape: got 'tapes/pool.csv'; the tape holds no loans of group '7'; its group column must name the deal's loan group", e.Message);
    }
}
