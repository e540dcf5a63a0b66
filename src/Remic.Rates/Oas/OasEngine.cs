using System.Diagnostics;
using MathNet.Numerics.Statistics;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Projection;
using Remic.Rates.Curves;
using Remic.Rates.Model;

namespace Remic.Rates.Oas;

/// <summary>
/// Option-adjusted spread of a deal's classes. Every class is valued on the same Hull-White paths: on each path the
/// rate-driven prepayment model runs along the path's mortgage rate, the waterfall distributes the collateral, and
/// each class's cash is discounted along the path (exp(−∫r)). The OAS s solves
/// <code>  mean over paths of Σ_k cash_k · exp(−∫_0^τ_k r) · e^(−s·τ_k)  =  clean price × balance + accrued  </code>
/// (τ in years on 30/360 from settlement, s continuously compounded: the Z-spread's convention, so at zero volatility
/// OAS = the Z-spread of the forward-curve flows). Effective duration and convexity shift the par curve ±ShiftBp,
/// bootstrap again and reuse every path's normals (common random numbers) at the same OAS.
/// </summary>
public static class OasEngine
{
    public static OasResult Run(OasRequest r)
    {
        var clock = Stopwatch.StartNew();
        if (r.Paths < 2) throw new RemicInputException("--paths", 0, "", r.Paths.ToString(), "at least 2 paths");
        if (r.Method == PathMethod.Antithetic && r.Paths % 2 == 1)
            throw new RemicInputException("--paths", 0, "", r.Paths.ToString(), "an even number of paths with antithetic sampling (pairs)");
        var ramp = r.Ramp ?? r.Deal.Metadata.PrepaymentAssumption ?? PpcRamp.CwaltFixed;
        var deal = PacSchedules.Resolve(r.Deal, ramp);
        var md = deal.Metadata;
        var settle = r.Settle ?? md.SettlementDate ?? md.ClosingDate;
        var quotes = r.Quotes.Select(q => (Quote: q, Index: ClassIndex(deal, q.ClassName))).ToList();

        var v = new PathValuation(deal, settle, ramp, r.Model);
        var tau = v.Times;
        var normals = new PathNormals(r.Method, r.Seed, tau.Length);
        RatePaths PathsOn(ZeroCurve curve, double sigma) => new(new HullWhite(curve, r.MeanReversion, sigma), tau, normals);

        // The forward-curve flows (σ = 0: every path is the forward curve) and the pricing-speed flows.
        var forwardPaths = PathsOn(r.Curve, 0);
        var (fp, fz1, fz2) = forwardPaths.Scratch();
        forwardPaths.Generate(0, fp, fz1, fz2);
        var forwardRun = v.Run(fp);
        var pricingRun = v.RunPricingSpeed(fp);

        var classes = deal.Classes.Count;
        var forward = new SettledFlows?[classes];
        var pricing = new SettledFlows?[classes];
        var refSpread = new double[classes];
        var zForward = new double[classes];
        var targets = new double[classes];
        foreach (var (q, c) in quotes)
        {
            forward[c] = new SettledFlows(DealClassFlows.Of(forwardRun, c), settle);
            pricing[c] = new SettledFlows(DealClassFlows.Of(pricingRun, c), settle);
            if (forward[c]!.TotalCash <= 0) continue;
            if (q.CleanPrice is { } price)
            {
                targets[c] = forward[c]!.DirtyAmount(price);
                zForward[c] = Spread(() => CurveSpreads.ZSpread(forward[c]!, price, r.Curve));
                refSpread[c] = double.IsFinite(zForward[c]) ? zForward[c] / 10_000 : 0;
            }
            else refSpread[c] = q.OasBp!.Value / 10_000;
        }

        var pathClock = Stopwatch.StartNew();
        PathSimulation Simulate(ZeroCurve curve)
        {
            var sim = new PathSimulation(v, PathsOn(curve, r.Volatility), r.Paths, r.Threads, refSpread);
            if (r.MatchCurve) sim.MatchDiscounts(curve.Discount, tau);
            return sim;
        }
        var sim = Simulate(r.Curve);
        var pathSeconds = pathClock.Elapsed.TotalSeconds;
        PathSimulation? up = null, down = null;
        if (r.Durations)
        {
            up = Simulate(r.Curve.ShiftedPar(r.ShiftBp));
            down = Simulate(r.Curve.ShiftedPar(-r.ShiftBp));
        }

        var results = new List<OasClassResult>();
        foreach (var (q, c) in quotes)
        {
            var f = forward[c]!;
            if (f.TotalCash <= 0) { results.Add(Empty(q.ClassName)); continue; }
            double oas, dirty;
            if (q.CleanPrice is { } price)
            {
                dirty = targets[c];
                try { oas = CurveSpreads.SolveSpread(bp => sim.Value(c, bp / 10_000, tau) - dirty, ""); }
                catch (ArgumentException)
                {
                    throw new RemicInputException("--price", 0, q.ClassName, price.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "a price the class's cash flows can reach with an OAS between -200 and 2,000 percent");
                }
            }
            else
            {
                oas = q.OasBp!.Value;
                dirty = sim.Value(c, oas / 10_000, tau);
            }
            var clean = f.CleanPrice(dirty);
            var s = oas / 10_000;
            var seValue = sim.StandardError(c, s, refSpread[c], r.Method == PathMethod.Antithetic);
            var slope = sim.Slope(c, s, tau);
            double? ed = null, ec = null;
            if (up is not null && down is not null)
            {
                double pu = up.Value(c, s, tau), pd = down.Value(c, s, tau), dy = r.ShiftBp / 10_000;
                ed = (pd - pu) / (2 * dirty * dy);
                ec = (pu + pd - 2 * dirty) / (dirty * dy * dy) / 100;
            }
            var p = pricing[c]!;
            results.Add(new OasClassResult
            {
                Class = deal.Classes[c].Name,
                CleanPrice = clean,
                OasBp = oas,
                OasSeBp = seValue / slope * 10_000,
                PriceSe = seValue / f.Balance * 100,
                ZForwardBp = q.CleanPrice is not null ? zForward[c] : Spread(() => CurveSpreads.ZSpread(f, clean, r.Curve)),
                ZPricingBp = p.TotalCash > 0 ? Spread(() => CurveSpreads.ZSpread(p, clean, r.Curve)) : double.NaN,
                EffectiveDuration = ed,
                EffectiveConvexity = ec,
                ModifiedDuration = p.TotalCash > 0 ? BondAnalytics.AtPrice(p, clean).ModifiedDuration : double.NaN,
                WalForward = BondAnalytics.Wal(f),
                WalPricing = BondAnalytics.Wal(p),
                Wal = Distribution(sim, c),
            });
        }
        return new OasResult
        {
            Classes = results, Settle = settle, Paths = r.Paths, Method = r.Method, Seed = r.Seed,
            MeanReversion = r.MeanReversion, Volatility = r.Volatility, Curve = r.Curve.Source, Threads = r.Threads,
            PathSeconds = pathSeconds, TotalSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>A Z-spread, or NaN (printed "-") when none prices the flows (an IO's pricing-speed flows below its price).</summary>
    private static double Spread(Func<double> solve)
    {
        try { return solve(); }
        catch (ArgumentException) { return double.NaN; }
    }

    private static int ClassIndex(Remic.Deals.Model.Deal deal, string name)
    {
        for (var c = 0; c < deal.Classes.Count; c++)
            if (string.Equals(deal.Classes[c].Name, name, StringComparison.OrdinalIgnoreCase)) return c;
        throw new RemicInputException("--class", 0, "", name, "a class of the deal: " + string.Join(", ", deal.Classes.Select(x => x.Name)));
    }

    private static WalDistribution Distribution(PathSimulation sim, int c)
    {
        var w = Enumerable.Range(0, sim.Paths).Select(p => sim.Wal[p, c]).Where(double.IsFinite).ToArray();
        if (w.Length == 0) return new WalDistribution(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        return new WalDistribution(w.Average(), Statistics.Quantile(w, 0.05), Statistics.Quantile(w, 0.25), Statistics.Quantile(w, 0.5),
            Statistics.Quantile(w, 0.75), Statistics.Quantile(w, 0.95));
    }

    private static OasClassResult Empty(string name) => new()
    {
        Class = name, CleanPrice = double.NaN, OasBp = double.NaN, OasSeBp = double.NaN, PriceSe = double.NaN, ZForwardBp = double.NaN,
        ZPricingBp = double.NaN, ModifiedDuration = double.NaN, WalForward = double.NaN, WalPricing = double.NaN,
        Wal = new WalDistribution(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN),
    };
}
