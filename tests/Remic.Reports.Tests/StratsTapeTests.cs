using System.Globalization;
using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>
/// Collateral strats for rep-line deals (issue 12 item 6): a synthetic strats tape keeps each rep line's balance (to the
/// cent), weighted average rate, remaining term and age, so the strats describe the pool that is projected; the J4 book
/// shows real strats from its tape; a deal with only rep lines gets one rep-line page instead of empty strats.
/// </summary>
public class StratsTapeTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static readonly Loan[] RepLines =
    [
        new() { Id = "1-a", Group = "1", Balance = 120_000_000, GrossRate = 0.0576, ServicingFee = 0.0025, OtherFees = 0.0001, OriginalTerm = 360, RemainingTerm = 359, Age = 1, LoanCount = 1 },
        new() { Id = "1-b", Group = "1", Balance = 80_000_000.37, GrossRate = 0.0601, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 356, Age = 4 },
    ];

    [Fact]
    public void Each_rep_line_keeps_its_balance_to_the_cent_its_rate_term_and_age()
    {
        var tape = RepLineTape.Synthesize(RepLines, new StratProfile(), seed: 7);
        foreach (var line in RepLines)
        {
            var loans = tape.Where(l => l.Id.StartsWith(line.Id + "-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Math.Round((decimal)line.Balance, 2), loans.Sum(l => (decimal)l.Balance));
            Assert.Equal(line.GrossRate, loans.Sum(l => l.Balance * l.GrossRate) / loans.Sum(l => l.Balance), 9);
            Assert.All(loans, l => Assert.Equal((line.RemainingTerm, line.Age, line.OriginalTerm, line.ServicingFee, line.OtherFees, 1.0),
                (l.RemainingTerm, l.Age, l.OriginalTerm, l.ServicingFee, l.OtherFees, l.LoanCount)));
            // About balance / $180,000 loans, in pairs.
            Assert.InRange(loans.Count, line.Balance / 180_000 - 2, line.Balance / 180_000 + 2);
            // Rates in eighths around the rep line's; each loan's original balance amortises to its current one.
            Assert.All(loans, l => Assert.Equal(0, Math.Round(Math.Abs(l.GrossRate - line.GrossRate) * 800, 9) % 1));
            Assert.All(loans, l => Assert.True(l.OriginalBalance >= l.Balance));
        }
    }

    [Fact]
    public void FICO_LTV_and_documentation_meet_the_profile_and_the_same_seed_gives_the_same_tape()
    {
        var profile = new StratProfile { WaFico = 695, WaLtvPercent = 72, ReducedDocPercent = 68, MaxLoanBalance = 333_700, AverageLoanBalance = 160_000 };
        var tape = RepLineTape.Synthesize(RepLines, profile, seed: 11);
        var bal = tape.Sum(l => l.Balance);
        Assert.Equal(695, tape.Sum(l => l.Balance * l.Fico!.Value) / bal, 0.6);
        Assert.Equal(0.72, tape.Sum(l => l.Balance * l.OriginalLtv!.Value) / bal, 0.001);
        Assert.InRange(100 * tape.Where(l => l.Documentation != "FULL").Sum(l => l.Balance) / bal, 63, 73); // drawn, not forced
        Assert.True(tape.Max(l => l.Balance) <= 333_700.01, $"largest loan {tape.Max(l => l.Balance)}");
        Assert.Equal(TapeWriter.ToCsv(tape), TapeWriter.ToCsv(RepLineTape.Synthesize(RepLines, profile, seed: 11)));
        Assert.NotEqual(TapeWriter.ToCsv(tape), TapeWriter.ToCsv(RepLineTape.Synthesize(RepLines, profile, seed: 12)));
        // What it writes reads back as a tape (its vocabulary is the reader's).
        Assert.Equal(tape.Count, TapeReader.Read(TapeWriter.ToCsv(tape), "synthetic.csv").Count);
    }

    [Fact]
    public void The_J4_book_shows_strats_from_its_tape_that_describe_the_projected_rep_lines()
    {
        var deal = DealLoader.Load(Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml"));
        Assert.Equal("strats-tape.csv", deal.StratsTapePath);
        var input = DealBook.Input(deal, new DealBookTerms { Speeds = [Speed.Prepay("100 PPC")] });
        var tables = CollateralTables.Build(input);
        var summary = tables.Single(t => t.Stem == "collateral-summary").Table;
        // Rep lines: groups of $200,000,000 and $416,382,060, all at 5.76% gross / 5.50% net.
        Assert.Equal(["200,000,000.00", "416,382,060.00", "616,382,060.00"], summary.Rows.Single(r => r[0] == "Aggregate Principal Balance ($)").Skip(1));
        Assert.Equal(["5.760", "5.760", "5.760"], summary.Rows.Single(r => r[0] == "Weighted Average Mortgage Rate (%)").Skip(1));
        Assert.Equal(["5.500", "5.500", "5.500"], summary.Rows.Single(r => r[0] == "Weighted Average Net Rate (%)").Skip(1));
        Assert.Contains(summary.Notes, n => n.Contains("strats only", StringComparison.Ordinal) && n.Contains("rep lines", StringComparison.Ordinal));
        var strats = tables.Where(t => t.Stem.StartsWith("strats-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * 10, strats.Count);
        Assert.DoesNotContain(strats, t => t.Table.Rows.Any(r => r[0] == "Not Available"));
        var fico = tables.Single(t => t.Stem == "strats-all-fico-credit-score").Table;
        Assert.Equal(710, double.Parse(fico.Rows[^1][6], CultureInfo.InvariantCulture), 0);
        Assert.True(fico.Rows.Count > 8);
    }

    [Fact]
    public void A_deal_with_only_rep_lines_gets_one_rep_line_page_and_no_empty_strats()
    {
        var deal = DealLoader.Load(Path.Combine(Repo(), "examples", "sample", "deal.yaml"));
        Assert.Empty(deal.StratsLoans);
        var tables = CollateralTables.Build(DealBook.Input(deal, new DealBookTerms { Speeds = [Speed.Prepay("100 PPC")] }));
        Assert.Equal(["collateral-summary", "collateral-rep-lines"], tables.Select(t => t.Stem));
        var lines = tables[1].Table;
        var total = lines.Rows.Single(r => r[1] == "Total");
        var pool = deal.Groups.SelectMany(g => g.Loans).Sum(l => l.Balance);
        Assert.Equal(pool.ToString("#,##0.00", CultureInfo.InvariantCulture), total[2]);
        Assert.Equal(deal.Groups.SelectMany(g => g.Loans).Count() + deal.Groups.Count + 1, lines.Rows.Count); // lines, group totals, total
    }

    [Fact]
    public void A_strats_tape_that_does_not_add_up_to_the_groups_is_bad_input()
    {
        var dir = BookFixtures.TempDir();
        Directory.CreateDirectory(dir);
        try
        {
            var deal = Path.Combine(dir, "deal.yaml");
            File.WriteAllText(deal, File.ReadAllText(Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml")));
            var tape = File.ReadAllLines(Path.Combine(Repo(), "examples", "cwalt-2004-j4", "strats-tape.csv"));
            File.WriteAllLines(Path.Combine(dir, "strats-tape.csv"), tape.Take(tape.Length - 1)); // one loan of group 2 left out
            var e = Assert.Throws<RemicInputException>(() => DealLoader.Load(deal));
            var line = File.ReadAllLines(deal).ToList().FindIndex(l => l.StartsWith("strats_tape:", StringComparison.Ordinal)) + 1;
            Assert.StartsWith($"{deal}:{line}:14 strats_tape: got 'strats-tape.csv'; the tape's group '2' balance ", e.Message); // the value's column
            Assert.EndsWith("to equal the group's cut-off balance 416,382,060.00 (within $1), so the strats describe the projected pool", e.Message);
            // A deal file copied without its strats tape still loads (strats only); the book says the tape is missing.
            File.Delete(Path.Combine(dir, "strats-tape.csv"));
            var loaded = DealLoader.Load(deal);
            Assert.Empty(loaded.StratsLoans);
            var tables = CollateralTables.Build(DealBook.Input(loaded, new DealBookTerms { Speeds = [Speed.Prepay("100 PPC")] }));
            Assert.Contains("The deal file's strats_tape strats-tape.csv was not found next to it: the collateral shown is the projected loans.",
                tables.Single(t => t.Stem == "collateral-summary").Table.Notes);
            Assert.Contains(tables, t => t.Stem == "collateral-rep-lines");
        }
        finally { Directory.Delete(dir, true); }
    }
}
