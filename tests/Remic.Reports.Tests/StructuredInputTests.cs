using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>
/// The book driven by a runner of the shape the deal engine will supply: a senior/subordinate split of one
/// loan group (principal pro rata on current balances, losses to the subordinate first), group summaries
/// instead of a loan tape, per-class prices.
/// </summary>
public class StructuredInputTests
{
    private static readonly DateOnly Dated = new(2004, 4, 1), First = new(2004, 5, 25), Settle = new(2004, 4, 30);

    private static ScenarioResult Run(ScenarioRequest r)
    {
        var p = Projector.Project(new LoanPool([BookFixtures.SingleLoan]), new Scenario
        {
            Prepay = r.Prepay, Default = r.Default, Severity = MonthlyVector.Flat(r.Severity), RecoveryLag = r.Lag,
        });
        var g = p.Groups[0];
        var n = g.MonthsToZero();
        double sen = 900_000, sub = 100_000;
        double[] senP = new double[n], senL = new double[n], subP = new double[n], subL = new double[n];
        for (var k = 0; k < n; k++)
        {
            var total = sen + sub;
            var prin = g.Principal(k + 1);
            var loss = g.RealizedLoss[k + 1];
            subP[k] = total > 0 ? prin * sub / total : 0;
            senP[k] = prin - subP[k];
            sub -= subP[k]; sen -= senP[k];
            subL[k] = Math.Min(loss, sub);
            senL[k] = loss - subL[k];
            sub -= subL[k]; sen -= senL[k];
        }
        return new ScenarioResult(new Dictionary<string, BondCashFlows>
        {
            ["A-1"] = BondCashFlows.FixedRate(900_000, 0.06, senP, senL, First, Dated),
            ["B-1"] = BondCashFlows.FixedRate(100_000, 0.06, subP, subL, First, Dated),
        }, p.Groups);
    }

    internal static BookInput Input() => new()
    {
        Title = "Test Trust 2004-T1",
        Metadata = [new("Trust", "Test Trust 2004-T1"), new("Cut-off Date", "2004-04-01")],
        Classes =
        [
            new BookClass("A-1", "Senior", 900_000, "6.000%", "1"),
            new BookClass("B-1", "Subordinate", 100_000, "6.000%", "1", Offered: false),
        ],
        GroupSummaries = [new BookGroupSummary("1", 1, 1_000_000, 6.25, 6.0, 360, 0)],
        Speeds = BookFixtures.Speeds("0 PPC", "100 PPC", "200 PPC"),
        ClassPrices = new Dictionary<string, IReadOnlyList<Price32>> { ["A-1"] = [Price32.Parse("99-00"), Price32.Parse("100-00"), Price32.Parse("101-00")] },
        Settlement = Settle,
        Run = Run,
        Loss = new LossGrid([0, 1, 5], [40], Lag: 0),
    };

    [Fact]
    public void Offered_classes_get_price_tables_every_class_gets_decrement_cash_flow_and_breakeven_rows()
    {
        var book = BookBuilder.Build(Input());
        var stems = book.Tables.Select(t => t.Stem).ToList();
        Assert.Equal(
            ["deal", "structure", "collateral-summary", "price-yield-a-1", "decrement-a-1", "decrement-b-1", "cashflows-a-1", "cashflows-b-1", "collateral-cashflows-group-1",
             "rate-sensitivity", "loss-a-1", "breakeven-cdr"], stems);
        var py = BookFixtures.Table(book, "price-yield-a-1");
        Assert.Equal(["99-00", "100-00", "101-00", "WAL (yr)", "Mod Duration", "Convexity", "Principal Window", "Maturity (months)"], py.Rows.Select(r => r[0]));
        Assert.Contains("WAL, modified duration, convexity, window and maturity at 100-00.", py.Notes);
        Assert.Equal("1,000,000.00", BookFixtures.Cell(BookFixtures.Table(book, "collateral-summary"), "Aggregate Principal Balance ($)", "Group 1"));
        Assert.Equal("No", BookFixtures.Cell(BookFixtures.Table(book, "structure"), "B-1", "Offered"));
        Assert.Equal("100 PPC", book.PricingSpeed);
        Assert.Equal(["yield-vs-price-a-1", "wal-vs-speed", "paydown-a-1", "paydown-b-1", "writedown-vs-cdr-sev40", "breakeven-cdr"], book.Charts.Select(c => c.Stem));
    }

    [Fact]
    public void Breakeven_bars_are_drawn_to_a_png()
    {
        var dir = BookFixtures.TempDir();
        try
        {
            BookWriter.BuildAndWrite(Input(), dir);
            var bytes = File.ReadAllBytes(Path.Combine(dir, "charts", "breakeven-cdr.png"));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
            Assert.Contains("<img src=\"charts/breakeven-cdr.png\"", File.ReadAllText(Path.Combine(dir, "index.html")));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Senior_breakeven_is_the_last_cdr_without_a_material_writedown_and_the_not_offered_subordinate_is_left_out()
    {
        var book = BookBuilder.Build(Input());
        var be = BookFixtures.Table(book, "breakeven-cdr");
        Assert.Equal(["A-1"], be.Rows.Select(r => r[0])); // B-1 is not offered
        var cdr = double.Parse(BookFixtures.Cell(be, "A-1", "Severity 40%"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(cdr > 0.5, $"senior breakeven {cdr}");
        // Materiality 0.01% of A-1's $900,000 original balance: $90.
        double Writedown(double c) => Run(new ScenarioRequest(Speed.Prepay("100 PPC"), Speed.Default($"{c:0.00} CDR"), 0.4, 0)).Classes["A-1"].TotalLoss;
        Assert.True(Writedown(cdr) <= 90, $"{Writedown(cdr)} at {cdr}");
        Assert.True(Writedown(cdr + 0.01) > 90, $"{Writedown(cdr + 0.01)} at {cdr + 0.01}");
    }

    [Fact]
    public void A_runner_whose_classes_do_not_add_up_to_the_collateral_fails_conservation()
    {
        // Only A-1 listed: the subordinate's principal and losses are missing from the classes.
        var input = Input() with { Classes = [Input().Classes[0]] };
        var e = Assert.Throws<ConservationException>(() => BookBuilder.Build(input));
        Assert.StartsWith("scenario 0 PPC, 0 CDR, severity 0%, lag 0: classes receive principal + writedowns 900000.00 but the collateral pays principal + losses 1000000.00", e.Message);
    }

    [Fact]
    public void Prices_for_a_class_the_book_does_not_have_are_rejected()
    {
        var input = Input() with { ClassPrices = new Dictionary<string, IReadOnlyList<Price32>> { ["A-2"] = [Price32.Parse("100-00")] } };
        var e = Assert.Throws<ArgumentException>(() => BookBuilder.Build(input));
        Assert.StartsWith("prices are given for class A-2, which is not one of the book's classes", e.Message);
    }
}
