using System.Globalization;
using Remic.Analytics;
using Remic.Core;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>Book figures against hand computations on a single level-pay loan (net 6%, 360 months).</summary>
public class BookFigureTests
{
    private static string F3(double x) => Math.Round(x, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture);

    [Fact]
    public void At_par_on_the_dated_date_without_delay_the_yield_is_the_coupon_in_bond_equivalent_terms()
    {
        // Settling on the dated date, first flow one month later, no delay: a par bond paying balance × 6%/12 a month
        // discounts at i = 0.5% a month whatever its principal does, so Y = 2((1.005)^6 − 1) at every speed.
        var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms
        {
            FirstDistribution = new DateOnly(2004, 5, 1), Settlement = new DateOnly(2004, 4, 1), Delay = 0,
            Speeds = BookFixtures.Speeds("0 CPR", "20 CPR", "300 PSA"), Loss = BookFixtures.SmallLoss,
        });
        var book = BookBuilder.Build(input);
        var t = BookFixtures.Table(book, "price-yield-pt-1");
        var bey = F3(200 * (Math.Pow(1.005, 6) - 1)); // 6.076
        Assert.Equal("6.076", bey);
        foreach (var s in new[] { "0 CPR", "20 CPR", "300 PSA" }) Assert.Equal(bey, BookFixtures.Cell(t, "100-00", s));
        Assert.Equal("6.000% (net WAC)", BookFixtures.Cell(BookFixtures.Table(book, "structure"), "PT-1", "Coupon"));
    }

    [Fact]
    public void Yield_at_99_with_a_24_day_delay_matches_a_hand_discounting_of_the_amortisation_schedule()
    {
        // Default CWALT dates: settle 2004-04-30 (29 days accrued, 30/360), first distribution 2004-05-25 (25/30 month away).
        var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR", "100 PPC"), Loss = BookFixtures.SmallLoss });
        var book = BookBuilder.Build(input);
        var t = BookFixtures.Table(book, "price-yield-pt-1");
        foreach (var (price, label) in new[] { (99.0, "99-00"), (101.5, "101-16"), (100.0, "100-00") })
            Assert.Equal(F3(100 * BookFixtures.HandYield(price, 0.06, 29, 25.0 / 30)), BookFixtures.Cell(t, label, "0 CPR"));
        // Below the 6.076 of the no-delay case: the 24-day delay costs the buyer.
        Assert.True(double.Parse(BookFixtures.Cell(t, "100-00", "0 CPR"), CultureInfo.InvariantCulture) < 6.07);
    }

    [Fact]
    public void Decrement_table_at_0_cpr_is_the_closed_form_amortisation_balance()
    {
        var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR", "25 CPR"), Loss = BookFixtures.SmallLoss });
        var t = BookFixtures.Table(BookBuilder.Build(input), "decrement-pt-1");
        Assert.Equal("100", BookFixtures.Cell(t, "Initial Percentage", "0 CPR"));
        for (var year = 1; year <= 29; year++)
        {
            // Dated April 2004, first distribution May 2004: the April anniversary is after 12·year payments.
            var pct = 100 * BookFixtures.LevelPayBalance(1_000_000, 0.0625, 360, 12 * year) / 1_000_000;
            var label = new DateOnly(2004 + year, 4, 25).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            var expected = pct < 0.5 ? "*" : Math.Round(pct, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(expected, BookFixtures.Cell(t, label, "0 CPR"));
        }
        Assert.Equal("0", BookFixtures.Cell(t, "April 2034", "0 CPR"));
        // WAL from settlement 2004-04-30: Σ t·P / Σ P with t = (k − 5/30) months, the level-pay principal by month.
        double num = 0, den = 0;
        for (var k = 1; k <= 360; k++)
        {
            var p = BookFixtures.LevelPayBalance(1e6, 0.0625, 360, k - 1) - BookFixtures.LevelPayBalance(1e6, 0.0625, 360, k);
            num += (k - 5.0 / 30) / 12 * p; den += p;
        }
        Assert.Equal((num / den).ToString("0.00", CultureInfo.InvariantCulture), BookFixtures.Cell(t, "Weighted Average Life (years)", "0 CPR"));
    }

    [Fact]
    public void Cash_flow_table_at_0_cpr_pays_the_level_payment_schedule()
    {
        var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR"), Loss = BookFixtures.SmallLoss });
        var t = BookFixtures.Table(BookBuilder.Build(input), "cashflows-pt-1");
        // P = B·r / (1 − (1+r)^−n) at 6.25%: 6,157.17, of which 5,208.33 is interest: 948.84 principal;
        // month 1 interest to holders 1,000,000 × 6% / 12 = 5,000.00.
        const double r = 0.0625 / 12;
        var payment = 1_000_000 * r / (1 - Math.Pow(1 + r, -360));
        Assert.Equal("948.84", Money.ToCents(payment - 1_000_000 * r).ToString("#,##0.00", CultureInfo.InvariantCulture));
        Assert.Equal(["1", "2004-05-25", "948.84", "5,000.00"], t.Rows[0].Take(4));
        Assert.Equal(361, t.Rows.Count); // 360 distributions and the total
        Assert.Equal(["Total", "", "1,000,000.00"], t.Rows[^1].Take(3));
        // The group's collateral table: all of it scheduled principal at 0 CPR, the same net interest the class receives.
        var book = BookBuilder.Build(input);
        var coll = BookFixtures.Table(book, "collateral-cashflows-group-1");
        Assert.Equal(["Total", "1,000,000.00", "0.00", "0.00", "0.00"], coll.Rows[^1].Take(5));
        Assert.Equal(t.Rows[^1][3], coll.Rows[^1][5]);
    }

    [Fact]
    public void Loss_table_has_no_writedown_at_0_cdr_and_a_pass_through_breaks_even_at_0()
    {
        var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms { Speeds = BookFixtures.Speeds("0 CPR", "20 CPR"), Loss = BookFixtures.SmallLoss });
        var book = BookBuilder.Build(input);
        var loss = BookFixtures.Table(book, "loss-pt-1");
        Assert.Equal("0.00", BookFixtures.Cell(loss, "0.00", "Writedown % (sev 40%)"));
        Assert.NotEqual("0.00", BookFixtures.Cell(loss, "2.00", "Writedown % (sev 40%)"));
        // With no loss the yield at par is the 0 CDR price/yield figure at the pricing speed (20 CPR, the middle of two).
        Assert.Equal(BookFixtures.Cell(BookFixtures.Table(book, "price-yield-pt-1"), "100-00", "20 CPR"), BookFixtures.Cell(loss, "0.00", "Yield @ par (sev 40%)"));
        // No subordination: the pass-through breaks as soon as the pool's own losses pass the 0.01% materiality.
        // Hand bound: at c% CDR the loan defaults about c% of its balance a year over a life of about 4 years at 20 CPR and
        // loses 40% of it, ≈ 1.6·c% in all: 0.01% is passed near 0.006 CDR, surely below 0.025; at the breakeven itself the
        // writedown is at most 0.01%.
        var be = double.Parse(BookFixtures.Cell(BookFixtures.Table(book, "breakeven-cdr"), "PT-1", "Severity 40%"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(be, 0.0, 0.025);
        var req = new ScenarioRequest(input.Pricing, Remic.Collateral.Speed.Default($"{be:0.00} CDR"), 0.4, BookFixtures.SmallLoss.Lag);
        Assert.True(LossSensitivity.WritedownPercent(input.Run(req).Class("PT-1", req)) <= 0.01);
    }

    [Fact]
    public void Writedown_at_0_cpr_is_severity_times_the_hand_summed_defaults()
    {
        // Defaults take a fraction d = MDR of the performing balance each month; the level payment is recomputed on
        // what performs, so survivors hold (1 − d)^m of the scheduled balance: defaults in month m = d (1 − d)^(m−1) B(m−1).
        // Every default is liquidated (6 months later) at a 40% loss.
        var input = PassThroughBook.Input([BookFixtures.SingleLoan], new PassThroughTerms
        {
            Speeds = BookFixtures.Speeds("0 CPR", "20 CPR"), PricingSpeed = Remic.Collateral.Speed.Prepay("0 CPR"), Loss = BookFixtures.SmallLoss,
        });
        var loss = BookFixtures.Table(BookBuilder.Build(input), "loss-pt-1");
        foreach (var cdr in new[] { 2.0, 5.0 })
        {
            var d = 1 - Math.Pow(1 - cdr / 100, 1.0 / 12);
            double defaults = 0;
            for (var m = 1; m <= 360; m++) defaults += d * Math.Pow(1 - d, m - 1) * BookFixtures.LevelPayBalance(1_000_000, 0.0625, 360, m - 1);
            var expected = (0.4 * defaults / 1_000_000 * 100).ToString("0.00", CultureInfo.InvariantCulture);
            Assert.Equal(expected, BookFixtures.Cell(loss, cdr.ToString("0.00", CultureInfo.InvariantCulture), "Writedown % (sev 40%)"));
        }
    }
}
