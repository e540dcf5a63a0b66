using Remic.Collateral;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>The deal file's offered flags, 100% PPC and assumed index levels as a deal's book uses them.</summary>
public class DealFileFieldsBookTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static readonly string SampleText = File.ReadAllText(Path.Combine(Repo(), "examples", "sample", "deal.yaml"));
    private static readonly DealBookTerms Small = new() { Speeds = BookFixtures.Speeds("100 PPC", "200 PPC"), Loss = BookFixtures.SmallLoss };

    [Fact]
    public void Offered_false_takes_a_class_out_of_the_price_yield_tables_that_the_guess_would_give_it()
    {
        // B-1 is among the three most senior subordinates, which the guess offers; the file's flag wins.
        var marked = DealLoader.LoadText(SampleText.Replace("  - { name: B-1,", "  - { name: B-1, offered: false,"), "sample.yaml");
        Assert.False(marked.Classes[marked.ClassIndex("B-1")].Offered);
        var book = BookBuilder.Build(DealBook.Input(marked, Small));
        var stems = book.Tables.Select(t => t.Stem).ToList();
        Assert.DoesNotContain("price-yield-b-1", stems);
        Assert.Contains("price-yield-b-2", stems);
        Assert.Contains("decrement-b-1", stems); // every class keeps its decrement table
        Assert.Equal("No", BookFixtures.Cell(BookFixtures.Table(book, "structure"), "B-1", "Offered"));

        var guessed = DealLoader.LoadText(SampleText, "sample.yaml");
        Assert.True(DealBook.Input(guessed, Small).Classes.Single(c => c.Name == "B-1").Offered);
    }

    [Fact]
    public void Offered_true_puts_back_a_class_the_guess_leaves_out()
    {
        var deal = DealLoader.LoadText(SampleText.Replace("name: B-3, groups: [\"1\", \"2\"], balance: 450000, type: subordinate, coupon: 5.50, offered: false",
            "name: B-3, groups: [\"1\", \"2\"], balance: 450000, type: subordinate, coupon: 5.50, offered: true"), "sample.yaml");
        Assert.True(deal.Classes[deal.ClassIndex("B-3")].Offered);
        Assert.True(DealBook.Input(deal, Small).Classes.Single(c => c.Name == "B-3").Offered);
    }

    [Fact]
    public void The_files_prepayment_assumption_is_the_books_100_PPC_unless_the_terms_give_one()
    {
        var deal = DealLoader.LoadText(SampleText.Replace("  settlement_date: 2004-03-30\n",
            "  settlement_date: 2004-03-30\n  prepayment_assumption: { start_cpr: 6, plateau_cpr: 20, months_to_plateau: 12 }\n"), "sample.yaml");
        var input = DealBook.Input(deal, new DealBookTerms { Loss = BookFixtures.SmallLoss });
        Assert.Contains(input.Metadata, l => l.Label == "Prepayment Assumption" && l.Value == $"100% PPC = {new PpcRamp(6, 20, 12)}");
        Assert.Equal("100 PPC", input.Speeds[3].Text);
        // 6 → 20 CPR over 12 months: 6 + 14 × 2/11 CPR at loan age 3 (8 → 20 would give 10.18 CPR).
        Assert.Equal(RateCurve.AnnualToMonthly((6 + 14 * 2 / 11.0) / 100), input.Speeds[3].Curve.Monthly(3, 1), 12);
        var given = DealBook.Input(deal, new DealBookTerms { Ramp = PpcRamp.CwaltFixed, Loss = BookFixtures.SmallLoss });
        Assert.Contains(given.Metadata, l => l.Label == "Prepayment Assumption" && l.Value == $"100% PPC = {PpcRamp.CwaltFixed}");
    }
}
