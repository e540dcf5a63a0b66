using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Tests;

/// <summary>
/// Every identity <see cref="PeriodChecks"/> verifies can fail: one real distribution (period 1 of an example deal) is
/// checked as it is (it passes), then with one figure broken as a faulty step would break it, and the check names it.
/// </summary>
public class PeriodChecksTests
{
    public static TheoryData<string, string, string> Breaks => new()
    {
        { "sample/deal.yaml", "none", "" },
        { "cwalt-2004-j4/deal.yaml", "none", "" },
        { "sample/deal.yaml", "principal 1-A-1", "collateral principal" },
        { "sample/deal.yaml", "writedown", "subordinate writedown" },
        { "sample/deal.yaml", "cash", "but Available Funds were" },
        { "sample/deal.yaml", "interest M", "class M was paid interest" },
        { "sample/deal.yaml", "negative B-5", "class B-5 balance is negative" },
        { "cwalt-2004-j4/deal.yaml", "notional 1-A-IO", "notional class 1-A-IO is" },
        { "sample/deal.yaml", "premium 1-X", "Class X 1-X notional" },
        { "sample/deal.yaml", "po PO", "Class PO balance" },
        { "sample/deal.yaml", "balance 1-A-1", "classes' balances" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void A_broken_identity_fails_the_period(string file, string broken, string expected)
    {
        var deal = PacSchedules.Resolve(DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", file)));
        var indices = new Dictionary<string, MonthlyVector> { ["LIBOR_1MO"] = MonthlyVector.Flat(0.0532) };
        var collateral = DealRunner.ProjectCollateral(deal, new Scenario { Prepay = Speed.Prepay("300 PPC"), Default = Speed.Default("2 CDR"), Indices = indices });
        var d = CompiledDeal<double>.For(deal);
        var l = new Ledger<double>(d);
        l.Load(new PeriodCollections<double>(new ProjectedCollections(deal, collateral).Month(1)), DealRunner.Market(deal, 1, indices));
        var r = new PeriodResult<double>(d.NClasses, d.NGroups);
        var next = DealState<double>.Blank(d.NClasses, d.NGroups);
        Waterfall.Waterfall.Distribute(l, DealState<double>.AtClosing(deal), r, next, null); // verified once, untouched

        var parts = broken.Split(' ');
        var c = parts.Length > 1 ? deal.ClassIndex(parts[1]) : -1;
        switch (parts[0])
        {
            case "none": break;
            case "principal": r.Principal[c] += 100; break;
            case "writedown": r.Writedown += 1_000_000; break;
            case "cash": l.CashOut += 1_000_000; break;
            case "interest": r.InterestPaid[c] = r.InterestDue[c] + 100; break;
            case "negative": r.EndBalance[c] = -100; break;
            case "notional": r.EndBalance[c] += 100; break;
            case "premium": r.BeginBalance[c] += 100; break;
            case "po": r.EndBalance[c] += 100; break;
            case "balance": r.EndBalance[c] += 100; break;
        }
        if (expected.Length == 0)
        {
            PeriodChecks.Verify(l, next.Undercollateralisation);
            return;
        }
        var e = Assert.Throws<ConservationException>(() => PeriodChecks.Verify(l, next.Undercollateralisation));
        Assert.Contains(expected, e.Message);
        Assert.Contains("distribution 1 (", e.Message);
    }
    /// <summary>
    /// The class sums the distribution's last pass hands the checks (in double four classes at a time, the sums in a pass of their own)
    /// are those of the per-class rule (<see cref="PeriodChecks.ClassSums{T}.Add"/> over the date's final figures, in class order) bit for
    /// bit, and so are those of the losses' pass it takes on a date with no writedown after them (<see cref="Ledger{T}.LossSums"/>); and a
    /// per-class rule broken in any class — any lane, and the classes past the last multiple of four — is seen.
    /// </summary>
    [Theory]
    [InlineData("sample/deal.yaml")]
    [InlineData("sample/structures.yaml")]
    [InlineData("cwalt-2004-j4/deal.yaml")]
    [InlineData("cwalt-2004-j2/deal.yaml")]
    [InlineData("cwalt-2004-12cb/deal.yaml")]
    [InlineData("cwalt-2004-26t1/deal.yaml")]
    [InlineData("cwalt-2007-12t1/deal.yaml")]
    public void The_last_pass_class_sums_are_the_per_class_rule_and_see_every_broken_class(string file)
    {
        var deal = PacSchedules.Resolve(DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", file)));
        var indices = new Dictionary<string, MonthlyVector> { ["LIBOR_1MO"] = MonthlyVector.Flat(0.0532) };
        var collateral = DealRunner.ProjectCollateral(deal, new Scenario
        {
            Prepay = Speed.Prepay("300 PPC"), Default = Speed.Default("5 CDR"), Severity = MonthlyVector.Flat(0.5), Indices = indices,
        });
        var d = CompiledDeal<double>.For(deal);
        var l = new Ledger<double>(d);
        var projected = new ProjectedCollections(deal, collateral);
        var state = DealState<double>.AtClosing(deal);
        for (var m = 1; m <= 3; m++) // month 3: losses (no lag) and a state of the run's own
        {
            l.Load(new PeriodCollections<double>(projected.Month(m)), DealRunner.Market(deal, m, indices));
            var r = new PeriodResult<double>(d.NClasses, d.NGroups);
            var next = DealState<double>.Blank(d.NClasses, d.NGroups);
            Waterfall.Waterfall.Distribute(l, state, r, next, null);
            if (m < 3) { state = next; continue; }

            // The losses' pass's sums, which the last pass takes when no writedown followed them; then the last pass's own.
            Assert.True(l.LossSumsFinal);
            AssertSame(PerClass(d, r), l.LossSums);
            l.LossSumsFinal = false;
            AssertSame(PerClass(d, r), Waterfall.Waterfall.EndOfDate(l, state, next));
            for (var c = 0; c < d.NClasses; c++)
            {
                var paid = r.InterestPaid[c];
                r.InterestPaid[c] = r.InterestDue[c] + 100;
                Assert.True(Waterfall.Waterfall.EndOfDate(l, state, next).Broken, $"interest of class {c}");
                r.InterestPaid[c] = paid;
                if (d.Notional[c]) continue; // its balance is its notional amount, restated by the pass
                var balance = r.EndBalance[c];
                r.EndBalance[c] = -100;
                var sums = Waterfall.Waterfall.EndOfDate(l, state, next);
                Assert.True(sums.Broken, $"balance of class {c}");
                AssertSame(PerClass(d, r), sums);
                r.EndBalance[c] = balance;
            }
            AssertSame(PerClass(d, r), Waterfall.Waterfall.EndOfDate(l, state, next));
        }

        static PeriodChecks.ClassSums<double> PerClass(CompiledDeal<double> d, PeriodResult<double> r)
        {
            var sums = new PeriodChecks.ClassSums<double>();
            for (var c = 0; c < d.NClasses; c++)
                sums.Add(d.Notional[c], r.Principal[c], r.Loss[c], r.Accretion[c], r.EndBalance[c], r.InterestPaid[c], r.InterestDue[c], d.Tolerance);
            return sums;
        }

        static void AssertSame(PeriodChecks.ClassSums<double> expected, PeriodChecks.ClassSums<double> actual)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Principal), BitConverter.DoubleToInt64Bits(actual.Principal));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Loss), BitConverter.DoubleToInt64Bits(actual.Loss));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Accretion), BitConverter.DoubleToInt64Bits(actual.Accretion));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.End), BitConverter.DoubleToInt64Bits(actual.End));
            Assert.Equal(expected.Broken, actual.Broken);
        }
    }
}
