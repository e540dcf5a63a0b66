using Remic.Collateral;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>Book figures against published Computational Materials (shared/reference/edgar.md).</summary>
public class EdgarBookTests
{
    [Fact]
    public void E1_wmalt_2005_5_collateral_wal_at_100_ppc_is_the_published_4_42()
    {
        // Rep line: 548,129,000 at 6.08% gross, 0.58% servicing (net 5.50%), 358 of 359 months left, age 1;
        // settlement 2005-06-30, first distribution 2005-07-25; 100 PPC = 8 → 20 CPR over 12 months. Published WAL 4.42 (± 0.01).
        var rep = new Loan
        {
            Id = "E1", Group = "1", Balance = 548_129_000, GrossRate = 0.0608, ServicingFee = 0.0058,
            OriginalTerm = 359, RemainingTerm = 358, Age = 1,
        };
        var input = PassThroughBook.Input([rep], new PassThroughTerms
        {
            CutoffDate = new DateOnly(2005, 6, 1), FirstDistribution = new DateOnly(2005, 7, 25), Settlement = new DateOnly(2005, 6, 30),
            Speeds = BookFixtures.Speeds("0 PPC", "100 PPC", "200 PPC"), Loss = BookFixtures.SmallLoss,
        });
        var book = BookBuilder.Build(input);
        Assert.Equal("100 PPC", book.PricingSpeed);
        Assert.Equal(4.42, book.Headlines.Single().Wal, 0.01);
        Assert.Equal("4.42", BookFixtures.Cell(BookFixtures.Table(book, "structure"), "PT-1", "WAL (yr)"));
        Assert.Equal("4.42", BookFixtures.Cell(BookFixtures.Table(book, "price-yield-pt-1"), "WAL (yr)", "100 PPC"));
    }
}
