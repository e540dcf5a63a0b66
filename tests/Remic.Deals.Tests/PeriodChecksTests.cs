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
}
