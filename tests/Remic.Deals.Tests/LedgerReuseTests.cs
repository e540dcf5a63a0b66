using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Tests;

/// <summary>
/// A projection keeps one working ledger for the whole run (for speed); the public
/// <see cref="Waterfall.Waterfall.Distribute{T}(Deal, DealState{T}, PeriodCollections{T}, PeriodMarket)"/> starts
/// a fresh one each period. Nothing may leak from one period to the next: both must give the same bits.
/// </summary>
public class LedgerReuseTests
{
    /// <summary>Deal file (or random:seed:groups:subordinates), prepayment and default speeds.</summary>
    public static TheoryData<string, string, string> Runs => new()
    {
        { "sample/structures.yaml", "400 PPC", "3 CDR" },   // PAC/companion, NAS, Z, floater + inverse IO + corridor
        { "sample/deal.yaml", "300 PPC", "2 CDR" },
        { "random:7:3:4", "250 PPC", "4 CDR" },              // random deals: several groups, subordinates under shifting interest
        { "random:11:4:6", "150 PPC", "8 CDR" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Reused_ledger_gives_the_bits_of_a_fresh_ledger_each_period(string file, string prepay, string dflt)
    {
        var deal = file.StartsWith("random:")
            ? DealLoader.LoadText(RandomDeals.Build(int.Parse(file.Split(':')[1]), int.Parse(file.Split(':')[2]), int.Parse(file.Split(':')[3])), "random.yaml")
            : DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", file));
        var indices = new Dictionary<string, MonthlyVector> { ["LIBOR_1MO"] = new([0.0532, 0.055, 0.059, 0.065, 0.08, 0.10]) };
        var run = DealRunner.Run(deal, new Scenario
        {
            Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(0.4), RecoveryLag = 6, Indices = indices,
        });
        Assert.True(run.Periods.Count > 12);

        // The same months folded through the public one-period API, a fresh ledger every time.
        var d = run.Deal;
        var projected = new ProjectedCollections(d, run.Collateral);
        var state = DealState<double>.AtClosing(d);
        foreach (var expected in run.Periods)
        {
            var m = expected.Period;
            var coll = projected.Month(m);
            var fresh = Waterfall.Waterfall.Distribute(d, state, new PeriodCollections<double>(coll), DealRunner.Market(d, m, indices));
            AssertSame(expected, fresh);
            state = fresh.Next;
        }
    }

    internal static void AssertSame(PeriodResult<double> a, PeriodResult<double> b)
    {
        var where = $"period {a.Period}";
        Assert.Equal(a.Period, b.Period);
        Assert.Equal(a.DistributionDate, b.DistributionDate);
        foreach (var (name, x, y) in new (string, double[], double[])[]
                 {
                     ("BeginBalance", a.BeginBalance, b.BeginBalance), ("Coupon", a.Coupon, b.Coupon), ("InterestDue", a.InterestDue, b.InterestDue),
                     ("InterestPaid", a.InterestPaid, b.InterestPaid), ("InterestShortfall", a.InterestShortfall, b.InterestShortfall),
                     ("UnpaidInterest", a.UnpaidInterest, b.UnpaidInterest), ("Principal", a.Principal, b.Principal), ("Loss", a.Loss, b.Loss),
                     ("Accretion", a.Accretion, b.Accretion), ("EndBalance", a.EndBalance, b.EndBalance), ("PoDeferredPaid", a.PoDeferredPaid, b.PoDeferredPaid),
                     ("CorridorPaid", a.CorridorPaid, b.CorridorPaid), ("CapShortfall", a.CapShortfall, b.CapShortfall),
                     ("AvailableFunds", a.AvailableFunds, b.AvailableFunds), ("SeniorPercentage", a.SeniorPercentage, b.SeniorPercentage),
                     ("SeniorPrepaymentPercentage", a.SeniorPrepaymentPercentage, b.SeniorPrepaymentPercentage),
                     ("SeniorPrincipal", a.SeniorPrincipal, b.SeniorPrincipal), ("PoPrincipal", a.PoPrincipal, b.PoPrincipal),
                     ("Next.CapShortfall", a.Next.CapShortfall, b.Next.CapShortfall), ("Next.PoDeferred", a.Next.PoDeferred, b.Next.PoDeferred),
                     ("Residual", a.Residual, b.Residual), ("LiquidationInterest", a.LiquidationInterest, b.LiquidationInterest),
                     ("Next.SeriousDelinquencyHistory", a.Next.SeriousDelinquencyHistory, b.Next.SeriousDelinquencyHistory),
                 })
            Assert.True(x.SequenceEqual(y), $"{where}: {name} differs");
        Assert.Equal(a.StepDownPassed, b.StepDownPassed);
        Assert.Equal(
            (a.SubordinatePrincipal, a.ResidualPaid, a.CorridorReceived, a.Writedown, a.PrincipalShortfall, a.UnpayablePrincipal, a.ExtraPrincipal, a.Next.Undercollateralisation, a.Next.SeniorPrepaymentShift),
            (b.SubordinatePrincipal, b.ResidualPaid, b.CorridorReceived, b.Writedown, b.PrincipalShortfall, b.UnpayablePrincipal, b.ExtraPrincipal, b.Next.Undercollateralisation, b.Next.SeniorPrepaymentShift));
    }
}
