using System.Globalization;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>
/// Rate sensitivity of index-linked classes (issue 12 item 7): the deal is re-projected per index level, so an inverse
/// IO's cash flows change with LIBOR. Pinned by a hand deal whose flows are closed-form: one level-pay loan at 0 CPR, a
/// LIBOR floater on the whole balance and an inverse IO on it paying (5.50% − LIBOR, floor 0) × the floater's balance / 12.
/// </summary>
public class IndexSensitivityTests
{
    private const string InverseIoDeal = """
        deal:
          trust_name: Inverse IO Hand Trust
          cutoff_date: 2004-04-01
          closing_date: 2004-04-01
          first_distribution_date: 2004-05-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            rep_lines:
              - { balance: 1000000, gross_rate: 6.25, remaining_term: 360 }
        classes:
          - { name: A-1, group: "1", balance: 1000000, type: [senior, floater], coupon: { index: LIBOR_1MO, margin: 0.50, cap: 6.0, floor: 0.50 }, day_count: 30/360, delay: 24 }
          - { name: A-2, group: "1", type: [notional_io, inverse_floater], notional: { classes: [A-1] }, coupon: { index: LIBOR_1MO, multiplier: -1, margin: 5.50, floor: 0, cap: 5.50 }, day_count: 30/360, delay: 24 }
        waterfall:
          - pay_interest: { from: "1", classes: [A-1, A-2] }
          - pay_principal: { from: "1", amount: non_po_principal, to: A-1 }
        assumptions:
          indices: { LIBOR_1MO: 2.00 }
        """;

    private static double[] Balances() => Enumerable.Range(0, 361).Select(k => BookFixtures.LevelPayBalance(1_000_000, 0.0625, 360, k)).ToArray();

    /// <summary>Settled on the cut-off (no accrued interest), 24-day delay: flow k is (54 + 30(k − 1))/30 months away.</summary>
    private static double Months(int k) => (54 + 30.0 * (k - 1)) / 30;

    private static double HandYield(IReadOnlyList<double> cash, double dirty)
    {
        double Pv(double i) { double s = 0; for (var k = 0; k < cash.Count; k++) s += cash[k] * Math.Pow(1 + i, -Months(k + 1)); return s; }
        double lo = -0.05, hi = 0.5;
        for (var it = 0; it < 200; it++) { var mid = (lo + hi) / 2; if (Pv(mid) > dirty) lo = mid; else hi = mid; }
        var m = (lo + hi) / 2;
        return 2 * (Math.Pow(1 + m, 6) - 1);
    }

    [Theory]
    [InlineData(0, 3.50)]
    [InlineData(100, 2.50)]
    [InlineData(-100, 4.50)]
    [InlineData(-300, 5.50)]   // LIBOR floored at 0%: the IO's full 5.50%
    [InlineData(400, 0.00)]    // LIBOR 6%: the IO's floor, nothing paid
    public void The_inverse_IO_pays_5_50_less_the_shifted_LIBOR_on_the_floaters_balance(int shiftBp, double ioCoupon)
    {
        var deal = DealLoader.LoadText(InverseIoDeal, "inverse-io.yaml");
        var input = DealBook.Input(deal, new DealBookTerms { Speeds = [Speed.Prepay("0 CPR")] });
        var req = ScenarioRequest.At(Speed.Prepay("0 CPR")) with { IndexShiftBp = shiftBp };
        var io = input.Run(req).Class("A-2", req);
        var b = Balances();
        var hand = Enumerable.Range(1, 360).Select(k => b[k - 1] * ioCoupon / 100 / 12).ToArray();
        Assert.Equal(360, io.Count);
        for (var k = 0; k < 360; k++) Assert.Equal(hand[k], io.Interest[k], 6);
        // The floater takes the rest of the 6% net rate while LIBOR + 0.50 stays under its 6% cap.
        var floater = input.Run(req).Class("A-1", req);
        Assert.Equal(b[0] * Math.Min(6.0, Math.Max(0.5, 2.5 + shiftBp / 100.0)) / 100 / 12, floater.Interest[0], 6);
    }

    [Fact]
    public void The_book_tabulates_the_inverse_IOs_yield_per_LIBOR_level_from_re_projected_flows()
    {
        var deal = DealLoader.LoadText(InverseIoDeal, "inverse-io.yaml");
        var price = Price32.Parse("20-00", "test");
        var input = DealBook.Input(deal, new DealBookTerms
        {
            Speeds = [Speed.Prepay("0 CPR")], PricingSpeed = Speed.Prepay("0 CPR"),
            ClassPrices = new Dictionary<string, IReadOnlyList<Price32>> { ["A-2"] = [price] },
        });
        var book = BookBuilder.Build(input);
        var t = BookFixtures.Table(book, "rate-sensitivity-a-2");
        Assert.Equal("Class A-2: Yield at 20-00 by LIBOR_1MO and Prepayment Speed", t.Title);
        Assert.Equal(["Index shift (bp)", "LIBOR_1MO (%)", "0 CPR"], t.Header);
        var b = Balances();
        var cells = new List<double>();
        foreach (var (shift, libor) in new[] { ("-300", 0.0), ("-200", 0.0), ("-100", 1.0), ("0", 2.0), ("+100", 3.0), ("+200", 4.0), ("+300", 5.0) })
        {
            var row = t.Rows.Single(r => r[0] == shift);
            Assert.Equal(libor.ToString("0.000", CultureInfo.InvariantCulture), row[1]);
            var cash = Enumerable.Range(1, 360).Select(k => b[k - 1] * (5.5 - libor) / 100 / 12).ToArray();
            var hand = HandYield(cash, 0.20 * 1_000_000) * 100;
            var cell = double.Parse(row[2], CultureInfo.InvariantCulture);
            Assert.Equal(hand, cell, 0.0006); // printed to 0.001%
            cells.Add(cell);
        }
        // Higher LIBOR, less interest, lower yield: strictly, once LIBOR is above its 0% floor.
        for (var i = 2; i < cells.Count; i++) Assert.True(cells[i] < cells[i - 1], string.Join(", ", cells));
        // Index-linked classes are not in the held-flows table; the floater gets its own index table.
        Assert.Contains(book.Tables, x => x.Stem == "rate-sensitivity-a-1");
        Assert.DoesNotContain(book.Tables, x => x.Stem == "rate-sensitivity");
    }
}
