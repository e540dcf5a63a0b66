using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>The book of a deal file (DealBook): files, hand-computed senior and IO yields, conservation, floater DM.</summary>
public class DealBookTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static readonly string SamplePath = Path.Combine(Repo(), "examples", "sample", "deal.yaml");
    private static readonly string StructuresPath = Path.Combine(Repo(), "examples", "sample", "structures.yaml");

    /// <summary>One level-pay rep line ($1,000,000, 6.25% gross, 0.25% servicing: net 6%), a 5.5% senior taking all
    /// principal and an IO on 10% of the senior's balance at 5% (0.5% of it): the net rate exactly.</summary>
    private const string HandDeal = """
        deal:
          trust_name: Hand Trust
          cutoff_date: 2004-04-01
          closing_date: 2004-04-01
          first_distribution_date: 2004-05-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            rep_lines:
              - { balance: 1000000, gross_rate: 6.25, remaining_term: 360 }
        classes:
          - { name: A-1, group: "1", balance: 1000000, type: senior, coupon: 5.5 }
          - { name: A-IO, group: "1", type: notional_io, notional: { classes: [A-1], factor: 0.1 }, coupon: 5.0 }
        waterfall:
          - pay_interest: { from: "1", classes: [A-1, A-IO] }
          - pay_principal: { from: "1", amount: non_po_principal, to: A-1 }
        """;

    /// <summary>Bisection on the monthly rate i for Σ cf_k (1+i)^−t_k = dirty, t_k in months; returns 2((1+i)^6 − 1).</summary>
    private static double HandYield(IReadOnlyList<double> cash, IReadOnlyList<double> months, double dirty)
    {
        double Pv(double i) { double s = 0; for (var k = 0; k < cash.Count; k++) s += cash[k] * Math.Pow(1 + i, -months[k]); return s; }
        double lo = -0.05, hi = 0.5;
        for (var it = 0; it < 200; it++) { var mid = (lo + hi) / 2; if (Pv(mid) > dirty) lo = mid; else hi = mid; }
        var im = (lo + hi) / 2;
        return 2 * (Math.Pow(1 + im, 6) - 1);
    }

    /// <summary>The level-pay balances B_0..B_360 of the hand deal's rep line at 0 CPR.</summary>
    private static double[] Balances() => Enumerable.Range(0, 361).Select(k => BookFixtures.LevelPayBalance(1_000_000, 0.0625, 360, k)).ToArray();

    // Settlement on the cut-off date 2004-04-01: no accrued interest; flow k (May 25 + k−1 months) is 54 + 30(k−1) days away on 30/360.
    private static double Months(int k) => (54 + 30.0 * (k - 1)) / 30;

    [Fact]
    public void A_senior_class_at_0_CPR_yields_what_a_hand_discounting_of_its_level_pay_flows_gives()
    {
        var deal = DealLoader.LoadText(HandDeal, "hand.yaml");
        var prices = new[] { "98-00", "99-16", "101-08" }.Select(p => Price32.Parse(p, "test")).ToArray();
        var t = DealPricing.Table(deal, new DealBookTerms { Speeds = [Speed.Prepay("0 CPR")] }, "A-1", prices);
        var b = Balances();
        var cash = Enumerable.Range(1, 360).Select(k => (b[k - 1] - b[k]) + b[k - 1] * 0.055 / 12).ToArray();
        var months = Enumerable.Range(1, 360).Select(Months).ToArray();
        for (var r = 0; r < prices.Length; r++)
            Assert.Equal(HandYield(cash, months, prices[r].ToDouble() / 100 * 1_000_000), t.Table.Yields[r][0], 9);
        // WAL from settlement: Σ t·principal / Σ principal, years.
        var wal = Enumerable.Range(1, 360).Sum(k => Months(k) / 12 * (b[k - 1] - b[k])) / 1_000_000;
        Assert.Equal(wal, t.Table.AtReference[0].Wal, 9);
        Assert.Null(t.DiscountMarginBp);
    }

    [Fact]
    public void An_IO_class_is_priced_per_100_of_notional_on_its_interest_stream_and_its_WAL_is_the_notionals()
    {
        var deal = DealLoader.LoadText(HandDeal, "hand.yaml");
        var prices = new[] { "1-08", "4-16", "6-00" }.Select(p => Price32.Parse(p, "test")).ToArray();
        var t = DealPricing.Table(deal, new DealBookTerms { Speeds = [Speed.Prepay("0 CPR")] }, "A-IO", prices);
        var b = Balances();
        // Interest only: 5% on a notional of 10% of the senior's balance at the start of each month; no principal.
        var cash = Enumerable.Range(1, 360).Select(k => 0.1 * b[k - 1] * 0.05 / 12).ToArray();
        var months = Enumerable.Range(1, 360).Select(Months).ToArray();
        for (var r = 0; r < prices.Length; r++)
            Assert.Equal(HandYield(cash, months, prices[r].ToDouble() / 100 * 100_000), t.Table.Yields[r][0], 9);
        Assert.True(t.Table.Yields[0][0] > 0.3); // 1-08 for a 0.5%-of-balance strip: a very high yield
        var wal = Enumerable.Range(1, 360).Sum(k => Months(k) / 12 * (b[k - 1] - b[k])) / 1_000_000;
        Assert.Equal(wal, t.Table.AtReference[0].Wal, 9);
        Assert.True(t.Class.Notional);
        Assert.Equal(100_000, t.Class.OriginalBalance, 6); // 10% of A-1, though the file leaves the amount out
    }

    [Fact]
    public void Notional_flows_pay_no_principal_and_refuse_any()
    {
        var d = new[] { new DateOnly(2004, 5, 25), new DateOnly(2004, 6, 25) };
        var f = BondCashFlows.NotionalIo(d, [100, 90], [90, 0], [1, 0.9], null, 100, DayCount.Thirty360, 24, new DateOnly(2004, 4, 1));
        Assert.Equal([10.0, 90.0], f.Reduction);
        Assert.Equal(0.12, f.Coupon[0], 12); // 1 / 100 × 12
        var e = Assert.Throws<ConservationException>(() => new BondCashFlows(d, [100, 90], [1, 1], [10, 0], [0, 0], [90, 0], [0.1, 0.1], 100,
            DayCount.Thirty360, 24, new DateOnly(2004, 4, 1), notional: true));
        Assert.Equal("cash flow 1 (2004-05-25): a notional class pays no principal and takes no writedown (got principal 10.00, loss 0.00)", e.Message);
    }

    [Theory]
    [InlineData("100 PPC", "0 CDR", 0.0, 0)]
    [InlineData("300 PPC", "5 CDR", 0.4, 6)]
    [InlineData("50 PPC", "10 CDR", 0.5, 12)]
    public void Class_principal_plus_writedowns_equals_collateral_principal_plus_losses_for_the_sample_deal(string prepay, string dflt, double sev, int lag)
    {
        var deal = DealLoader.Load(SamplePath);
        var req = new ScenarioRequest(Speed.Prepay(prepay), Speed.Default(dflt), sev, lag);
        var r = DealBook.Run(deal, req, DealBook.Indices(deal, new Dictionary<string, MonthlyVector>()));
        double classes = 0, collateral = 0;
        foreach (var c in deal.Classes.Where(c => !c.IsNotional)) classes += r.Classes[c.Name].TotalPrincipal + r.Classes[c.Name].TotalLoss;
        foreach (var g in r.Groups) collateral += g.TotalPrincipal + g.TotalRealizedLoss;
        Assert.Equal(90_000_000.0, r.Groups.Sum(g => g.EndBalance[0]), 6);
        Assert.True(Math.Abs(classes - collateral) <= 0.01, $"classes {classes:F4} vs collateral {collateral:F4}");
        foreach (var c in deal.Classes.Where(c => c.IsNotional)) Assert.Equal(0, r.Classes[c.Name].TotalPrincipal);
    }

    [Fact]
    public void A_floater_at_100_settled_on_its_dated_date_has_a_discount_margin_equal_to_its_margin()
    {
        var deal = DealLoader.Load(StructuresPath);
        var t = DealPricing.Table(deal, new DealBookTerms { Speeds = [Speed.Prepay("0 PPC"), Speed.Prepay("100 PPC"), Speed.Prepay("300 PPC")] },
            "A-5", [new Price32(100m)]);
        Assert.NotNull(t.DiscountMarginBp);
        foreach (var dm in t.DiscountMarginBp!) Assert.Equal(40, dm, 6); // LIBOR + 0.40%, under its caps at the 1.10% default index
        // A DM row under the price, in every column (to maturity and to the clean-up call).
        Assert.Contains(t.Render().Rows, r => r[1] == "DM (bp)" && r.Skip(2).All(c => c == "40"));
        Assert.Equal(6, t.Exhibit.Scenarios.Count);
    }

    private static string Stem(string name) => name.ToLowerInvariant(); // names here are letters, digits and '-'

    [Fact]
    public void The_sample_deals_book_writes_every_file()
    {
        var deal = DealLoader.Load(SamplePath);
        var input = DealBook.Input(deal, new DealBookTerms());
        var dir = BookFixtures.TempDir();
        try
        {
            var (book, files) = BookWriter.BuildAndWrite(input, dir);
            var names = deal.Classes.Select(c => Stem(c.Name)).ToList();
            var offered = new[] { "1-A-1", "1-A-2", "2-A-1", "2-A-2", "PO", "1-X", "2-X", "M", "B-1", "B-2" }.Select(Stem).ToList();
            Assert.Equal(offered, input.Classes.Where(c => c.Offered).Select(c => Stem(c.Name)).ToList());
            var lossClasses = offered.Where(s => s is not "1-x" and not "2-x");
            var tables = new List<string> { "deal", "structure", "collateral-summary", "collateral-cashflows-group-1", "collateral-cashflows-group-2", "rate-sensitivity", "breakeven-cdr" };
            tables.AddRange(offered.Select(s => "price-yield-" + s));
            tables.AddRange(names.Select(s => "decrement-" + s));
            tables.AddRange(names.Select(s => "cashflows-" + s));
            tables.AddRange(lossClasses.Select(s => "loss-" + s));
            tables.Add("collateral-rep-lines"); // rep lines only: one page of them, not 30 strat tables of "Not Available"
            var charts = new List<string> { "wal-vs-speed", "writedown-vs-cdr-sev20", "writedown-vs-cdr-sev35", "writedown-vs-cdr-sev50", "breakeven-cdr" };
            charts.AddRange(names.Select(s => "paydown-" + s));
            charts.AddRange(offered.Select(s => "yield-vs-price-" + s));
            var expected = tables.SelectMany(s => new[] { s + ".txt", s + ".csv" }).Concat(charts.Select(c => $"charts/{c}.png"))
                .Append("book.txt").Append("book.xlsx").Append("index.html").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, files.Order(StringComparer.Ordinal).ToList());
            foreach (var f in expected) Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 0, f);
            // IO rows: notional marked in the structure, prices near the strip's value rather than par.
            var structure = File.ReadAllText(Path.Combine(dir, "structure.txt"));
            Assert.Contains("40,000,000.00 (N)", structure);
            Assert.DoesNotContain("100-00", File.ReadAllText(Path.Combine(dir, "price-yield-1-x.txt")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Settlement_before_closing_is_refused()
    {
        var deal = DealLoader.Load(SamplePath);
        var e = Assert.Throws<RemicInputException>(() => DealBook.Input(deal, new DealBookTerms { Settlement = new DateOnly(2004, 3, 29) }));
        Assert.Equal("--settle: got '2004-03-29'; the settlement date must be on or after the closing date 2004-03-30", e.Errors[0].ToString());
    }
}
