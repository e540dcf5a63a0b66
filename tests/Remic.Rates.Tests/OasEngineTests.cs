using Remic.Collateral.PrepayModel;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Rates.Curves;
using Remic.Rates.Model;
using Remic.Rates.Oas;

namespace Remic.Rates.Tests;

public class OasEngineTests
{
    private static readonly ZeroCurve Curve = ZeroCurve.Parse(ZeroCurveTests.CmCurve);
    private static readonly Lazy<Deal> J4 = new(() => DealLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples", "cwalt-2004-j4", "deal.yaml")));

    /// <summary>A one-group pass-through: one rep line at <paramref name="gross"/>%, one class paying <paramref name="coupon"/>%.</summary>
    internal static Deal PassThrough(decimal gross, decimal coupon, int term = 360) => DealLoader.LoadText($$"""
        deal:
          trust_name: Test Pass-Through
          cutoff_date: 2004-04-01
          closing_date: 2004-04-27
          first_distribution_date: 2004-05-25
        groups:
          - name: "1"
            servicing_fee: {{gross - coupon}}
            rep_lines:
              - { balance: 10000000, gross_rate: {{gross}}, remaining_term: {{term}} }
        classes:
          - { name: A, group: "1", balance: 10000000, type: senior, coupon: {{coupon}} }
        waterfall:
          - pay_interest: { from: "1", classes: [A] }
          - pay_principal: { from: "1", amount: senior_principal, to: A }
        """, "pass-through.yaml");

    private static readonly PrepayModelParameters NoPrepay = new() { TurnoverMultiple = 0, RefiMaxCpr = 0, CurtailmentCpr = 0 };

    [Fact]
    public void At_zero_volatility_the_OAS_is_the_Z_spread_of_the_forward_curve_flows_fixed_and_floater()
    {
        var r = OasEngine.Run(new OasRequest
        {
            Deal = J4.Value, Curve = Curve, Volatility = 0, Paths = 2, Method = PathMethod.Pseudo, Durations = false,
            Quotes = [new OasQuote("1-A-4", CleanPrice: 99.5), new OasQuote("1-A-1", CleanPrice: 100)],
        });
        foreach (var c in r.Classes)
        {
            Assert.True(Math.Abs(c.OasBp - c.ZForwardBp) < 0.1, $"{c.Class}: OAS {c.OasBp} vs Z {c.ZForwardBp}");
            Assert.True(Math.Abs(c.OptionCostBp) < 0.1);
            Assert.Equal(0, c.OasSeBp, 9); // every path is the forward curve
        }
        // The floater's forward-curve coupons follow forward LIBOR; at the deal's flat 1.10% LIBOR assumption it earns less:
        // its pricing-speed Z-spread is far below its forward-curve one (both are reported, labelled).
        var floater = r.Classes.Single(c => c.Class == "1-A-1");
        Assert.True(floater.ZPricingBp < floater.ZForwardBp - 50, $"{floater.ZPricingBp} vs {floater.ZForwardBp}");
    }

    [Fact]
    public void A_non_prepaying_bond_has_OAS_equal_to_its_Z_spread_at_any_volatility()
    {
        foreach (var vol in new[] { 0.005, 0.015 })
        {
            var r = OasEngine.Run(new OasRequest
            {
                Deal = PassThrough(6.0m, 6.0m), Curve = Curve, Volatility = vol, Paths = 64, Method = PathMethod.Sobol, Durations = false,
                Model = NoPrepay, Quotes = [new OasQuote("A", CleanPrice: 101)],
            });
            var c = r.Classes[0];
            // The flows do not depend on the path; only the Monte Carlo mean of the discount factors differs from the curve.
            Assert.True(Math.Abs(c.OasBp - c.ZForwardBp) < Math.Max(3 * c.OasSeBp, 0.5), $"vol {vol}: OAS {c.OasBp} ± {c.OasSeBp}, Z {c.ZForwardBp}");
            Assert.True(c.OasSeBp < 10, $"SE {c.OasSeBp}");
            // Moment-matched paths reprice the curve's zero-coupon bonds exactly, so a path-independent flow's OAS is its Z.
            Assert.True(Math.Abs(c.OasBp - c.ZForwardBp) < 0.01, $"vol {vol}: OAS {c.OasBp} vs Z {c.ZForwardBp}");
            Assert.Equal(c.Wal.P5, c.Wal.P95, 9); // one WAL on every path
            var raw = OasEngine.Run(new OasRequest
            {
                Deal = PassThrough(6.0m, 6.0m), Curve = Curve, Volatility = vol, Paths = 64, Method = PathMethod.Sobol, Durations = false,
                Model = NoPrepay, Quotes = [new OasQuote("A", CleanPrice: 101)], MatchCurve = false,
            }).Classes[0];
            Assert.True(Math.Abs(raw.OasBp - raw.ZForwardBp) < 3 * raw.OasSeBp, $"raw paths, vol {vol}: OAS {raw.OasBp} ± {raw.OasSeBp}, Z {raw.ZForwardBp}");
        }
    }

    [Fact]
    public void A_premium_pass_through_has_an_option_cost_that_rises_with_volatility()
    {
        var costs = new List<double>();
        OasClassResult? mid = null;
        foreach (var vol in new[] { 0.0, 0.005, 0.01, 0.015 })
        {
            var r = OasEngine.Run(new OasRequest
            {
                Deal = PassThrough(6.75m, 6.25m), Curve = Curve, Volatility = vol, Paths = vol == 0 ? 2 : 64, Method = PathMethod.Sobol,
                Durations = vol == 0.01, Quotes = [new OasQuote("A", CleanPrice: 103)],
            });
            costs.Add(r.Classes[0].OptionCostBp);
            if (vol == 0.01) mid = r.Classes[0];
        }
        Assert.True(Math.Abs(costs[0]) < 0.1, $"zero volatility: {costs[0]}");
        for (var i = 1; i < costs.Count; i++)
            Assert.True(costs[i] > costs[i - 1] + 1, $"option cost by volatility: {string.Join(", ", costs.Select(x => x.ToString("0.0")))}");
        Assert.NotNull(mid!.EffectiveDuration);
        Assert.True(mid.EffectiveDuration < mid.ModifiedDuration, $"effective {mid.EffectiveDuration} vs modified {mid.ModifiedDuration}");
        Assert.True(mid.EffectiveConvexity < 0, $"a premium pass-through is negatively convex: {mid.EffectiveConvexity}");
    }

    [Fact]
    public void Figures_do_not_depend_on_the_number_of_threads()
    {
        OasResult Run(int threads) => OasEngine.Run(new OasRequest
        {
            Deal = PassThrough(6.5m, 6.0m), Curve = Curve, Volatility = 0.01, Paths = 40, Method = PathMethod.Antithetic, Seed = 5,
            Threads = threads, Durations = false, Quotes = [new OasQuote("A", CleanPrice: 101.5)],
        });
        var one = Run(1).Classes[0];
        var two = Run(2).Classes[0];
        Assert.Equal(one.OasBp, two.OasBp);
        Assert.Equal(one.OasSeBp, two.OasSeBp);
        Assert.Equal(one.Wal, two.Wal);
    }

    [Fact]
    public void Price_from_OAS_inverts_OAS_from_price()
    {
        OasClassResult Run(OasQuote q) => OasEngine.Run(new OasRequest
        {
            Deal = PassThrough(6.5m, 6.0m), Curve = Curve, Volatility = 0.01, Paths = 32, Method = PathMethod.Sobol, Durations = false, Quotes = [q],
        }).Classes[0];
        var fromPrice = Run(new OasQuote("A", CleanPrice: 100.25));
        var fromOas = Run(new OasQuote("A", OasBp: fromPrice.OasBp));
        Assert.Equal(100.25, fromOas.CleanPrice, 7);
    }

    [Fact]
    public void Bad_requests_are_input_errors()
    {
        var e = Assert.Throws<Remic.Core.RemicInputException>(() => OasEngine.Run(new OasRequest
        {
            Deal = PassThrough(6.5m, 6.0m), Curve = Curve, Paths = 3, Quotes = [new OasQuote("A", CleanPrice: 100)],
        }));
        Assert.Contains("even number of paths", e.Errors[0].Expected);
        e = Assert.Throws<Remic.Core.RemicInputException>(() => OasEngine.Run(new OasRequest
        {
            Deal = PassThrough(6.5m, 6.0m), Curve = Curve, Paths = 4, Quotes = [new OasQuote("Z", CleanPrice: 100)],
        }));
        Assert.Equal("--class", e.Errors[0].Source);
        Assert.Contains("a class of the deal: A", e.Errors[0].Expected);
        e = Assert.Throws<Remic.Core.RemicInputException>(() => OasEngine.Run(new OasRequest
        {
            Deal = PassThrough(6.5m, 6.0m), Curve = Curve, Paths = 4, Durations = false, Quotes = [new OasQuote("A", CleanPrice: -50)],
        }));
        Assert.Equal(("--price", "A"), (e.Errors[0].Source, e.Errors[0].Field));
    }
}
