using System.Globalization;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Deals.Loading;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>
/// The breakeven-CDR exhibit of a deal book (issue 12 item 3) against the loss tables printed beside it: the same runs
/// (to the clean-up call, "Call (Y)"), the same rule (writedown above 0.01% of the original balance, or the yield at par
/// 1 bp below its no-default yield), no residual, notional or not-offered class. Relations only: the waterfall's figures move.
/// </summary>
public class BreakevenExhibitTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static readonly Lazy<(CmBook Book, BookInput Input)> J4 = new(() =>
    {
        var deal = DealLoader.Load(Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml"));
        var input = DealBook.Input(deal, new DealBookTerms { Speeds = [Speed.Prepay("100 PPC", DealBook.Ramp(deal))] });
        return (BookBuilder.Build(input), input);
    });

    private static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_loss_table_row_at_or_below_the_breakeven_is_clean_and_the_first_row_that_breaks_is_above_it()
    {
        var (book, input) = J4.Value;
        var be = BookFixtures.Table(book, "breakeven-cdr");
        var checkedRows = 0;
        foreach (var row in be.Rows)
        {
            var loss = BookFixtures.Table(book, $"loss-{row[0].ToLowerInvariant()}");
            foreach (var sev in input.Loss.Severities)
            {
                var label = $"{sev:0.##}%";
                var cell = BookFixtures.Cell(be, row[0], $"Severity {label}");
                var breakeven = cell.StartsWith(">=", StringComparison.Ordinal) ? double.PositiveInfinity : Num(cell);
                var wd = loss.Header.ToList().IndexOf($"Writedown % (sev {label})");
                var y = loss.Header.ToList().IndexOf($"Yield @ par (sev {label})");
                var baseYield = Num(loss.Rows.Single(r => r[0] == "0.00")[y]);
                foreach (var r in loss.Rows)
                {
                    // Printed to 0.01% and 0.001%: a clean row prints at most the materiality and within 1 bp (+ rounding).
                    var broken = Num(r[wd]) > 0.01 || Num(r[y]) < baseYield - 0.0105;
                    if (Num(r[0]) <= breakeven)
                        Assert.False(broken, $"{row[0]} sev {label}: breakeven {cell} but the loss table breaks at {r[0]} CDR ({r[wd]}%, {r[y]})");
                    checkedRows++;
                }
                var firstBroken = loss.Rows.FirstOrDefault(r => Num(r[wd]) > 0.0149 || Num(r[y]) < baseYield - 0.0115);
                if (firstBroken is not null) Assert.True(Num(firstBroken[0]) > breakeven, $"{row[0]} sev {label}: {firstBroken[0]} CDR breaks, breakeven {cell}");
            }
        }
        Assert.True(checkedRows >= 8 * 3 * 7, $"checked {checkedRows} loss-table cells");
    }

    [Fact]
    public void At_the_breakeven_the_class_is_within_the_materiality_and_a_hundredth_of_a_CDR_above_it_is_not()
    {
        var (book, input) = J4.Value;
        var be = BookFixtures.Table(book, "breakeven-cdr");
        var rule = BreakevenRule.Default;
        foreach (var name in new[] { "M", "2-A-1" })
        {
            var cell = BookFixtures.Cell(be, name, "Severity 35%");
            var cdr = Num(cell);
            LossOutcome At(double c)
            {
                var req = new ScenarioRequest(input.Pricing, Speed.Default(FormattableString.Invariant($"{c:0.00} CDR")), 0.35, input.Loss.Lag, Call: true);
                var f = input.Run(req).Class(name, req);
                var s = new SettledFlows(f, input.Settlement);
                return new LossOutcome(LossSensitivity.WritedownPercent(f), BondAnalytics.Yield(s, 100));
            }
            var baseYield = At(0).YieldAtPar;
            Assert.Equal(BreakCause.None, rule.Test(At(cdr), baseYield));
            Assert.NotEqual(BreakCause.None, rule.Test(At(cdr + 0.01), baseYield));
        }
    }

    [Fact]
    public void Juniors_break_first_and_the_residual_notional_and_not_offered_classes_are_left_out()
    {
        var (book, input) = J4.Value;
        var be = BookFixtures.Table(book, "breakeven-cdr");
        Assert.Equal(["1-A-1", "1-A-2", "1-A-4", "2-A-1", "2-A-3", "M", "B-1", "B-2"], be.Rows.Select(r => r[0]));
        double Be(string c, double sev) => BookFixtures.Cell(be, c, $"Severity {sev:0.##}%") is var s && s.StartsWith(">=", StringComparison.Ordinal) ? 1e9 : Num(s);
        foreach (var sev in input.Loss.Severities)
        {
            Assert.True(Be("B-2", sev) <= Be("B-1", sev) && Be("B-1", sev) <= Be("M", sev), $"sev {sev}: B-2 {Be("B-2", sev)}, B-1 {Be("B-1", sev)}, M {Be("M", sev)}");
            foreach (var senior in new[] { "1-A-1", "1-A-2", "1-A-4", "2-A-1", "2-A-3" })
                Assert.True(Be("M", sev) <= Be(senior, sev), $"sev {sev}: M {Be("M", sev)} above senior {senior} {Be(senior, sev)}");
        }
        // The same runs behind both exhibits: to the clean-up call, said in each title.
        Assert.Equal("Breakeven CDR (100 PPC, Call (Y))", be.Title);
        Assert.Equal("Class M: Loss Sensitivity (100 PPC, Call (Y))", BookFixtures.Table(book, "loss-m").Title);
        Assert.DoesNotContain(book.Tables, t => t.Stem is "loss-a-r" or "loss-b-3" or "loss-1-a-io" or "loss-1-a-3");
    }

    [Fact]
    public void A_book_without_a_clean_up_call_says_Call_N()
    {
        var book = BookBuilder.Build(StructuredInputTests.Input());
        Assert.EndsWith(", Call (N))", BookFixtures.Table(book, "breakeven-cdr").Title);
    }
}
