using System.Runtime.CompilerServices;
using Remic.Deals.Projection;
using Remic.Rates.Model;

namespace Remic.Rates.Oas;

/// <summary>
/// Every path's discounted class cash, summed so that the result does not depend on the thread count: paths are cut
/// into fixed blocks of <see cref="Block"/>, each block sums its own paths in order, and the blocks are added in block
/// order. Per path and class it keeps what the standard errors and the WAL distribution need.
/// </summary>
internal sealed class PathSimulation
{
    public const int Block = 8;

    /// <summary>Mean over paths of cash × path discount factor, by class and grid point (j = 0 is τ_1).</summary>
    public double[][] MeanDiscounted { get; }
    /// <summary>Per path (row) and class: Σ a·e^(−s·τ), Σ a·τ·e^(−s·τ), Σ a·τ²·e^(−s·τ) at the class's reference spread s.</summary>
    public double[,] M0 { get; }
    public double[,] M1 { get; }
    public double[,] M2 { get; }
    /// <summary>Per path and class: WAL (years from settlement), NaN when the class returns no principal on the path.</summary>
    public double[,] Wal { get; }
    public int Paths { get; }

    public PathSimulation(PathValuation v, RatePaths paths, int n, int threads, double[] referenceSpreads)
    {
        Paths = n;
        var classes = v.Classes;
        var grid = v.Times.Length;
        var tau = v.Times;
        var reference = new double[classes][];
        for (var c = 0; c < classes; c++)
        {
            reference[c] = new double[grid];
            for (var j = 0; j < grid; j++) reference[c][j] = Math.Exp(-referenceSpreads[c] * tau[j]);
        }
        M0 = new double[n, classes]; M1 = new double[n, classes]; M2 = new double[n, classes]; Wal = new double[n, classes];
        _discounts = new double[n][];
        _tau = tau;
        var blocks = (n + Block - 1) / Block;
        var partial = new double[blocks][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(threads, 1) };
        // A thread's scratch and runs, handed on when Parallel.For retires its task and starts another (it does every so
        // often): built once per thread, not once per task. Which object a block runs on changes no figure.
        var spare = new System.Collections.Concurrent.ConcurrentBag<Worker>();
        Parallel.For(0, blocks, options,
            () => spare.TryTake(out var w) ? w : new Worker(v, paths),
            (b, _, s) =>
            {
                partial[b] = RunBlock(b, s, v, paths, n, reference);
                return s;
            },
            spare.Add);
        MeanDiscounted = new double[classes][];
        for (var c = 0; c < classes; c++)
        {
            var mean = new double[grid];
            for (var b = 0; b < blocks; b++)
                for (var j = 0; j < grid; j++) mean[j] += partial[b][c * grid + j];
            for (var j = 0; j < grid; j++) mean[j] /= n;
            MeanDiscounted[c] = mean;
        }
        MeanDiscount = new double[grid];
        for (var b = 0; b < blocks; b++)
            for (var j = 0; j < grid; j++) MeanDiscount[j] += partial[b][classes * grid + j];
        for (var j = 0; j < grid; j++) MeanDiscount[j] /= n;
        _rawMean = MeanDiscounted.Select(row => (double[])row.Clone()).ToArray();
    }

    /// <summary>A thread's path scratch, class-cash buffers and runs.</summary>
    private sealed class Worker(PathValuation v, RatePaths paths)
    {
        public readonly (RatePath Path, double[] Z1, double[] Z2) Scratch = paths.Scratch();
        public readonly double[] Cash = new double[v.Periods], Reduction = new double[v.Periods];
        public readonly WaterfallRun Waterfall = new(v.Deal);
        public readonly Remic.Collateral.CollateralRun Collateral = v.CollateralRun();
    }

    /// <summary>
    /// Block <paramref name="b"/>'s paths, in order: each path's discounted class cash summed into the block's own row
    /// (returned), its moments and WALs into its rows of <see cref="M0"/>..<see cref="Wal"/>. Compiled fully optimised at
    /// its first call (AggressiveOptimization): a 1,000-path run ends before tiered compilation would have reached it, and
    /// on two threads that JIT work competes with the paths for the cores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] RunBlock(int b, Worker s, PathValuation v, RatePaths paths, int n, double[][] reference)
    {
        var classes = v.Classes;
        var tau = v.Times;
        var grid = tau.Length;
        var acc = new double[(classes + 1) * grid]; // the last row: Σ path discount factors
        for (var p = b * Block; p < Math.Min(n, (b + 1) * Block); p++)
        {
            var (path, z1, z2) = s.Scratch;
            paths.Generate(p, path, z1, z2);
            var run = v.Run(path, s.Waterfall, s.Collateral); // read before the thread's next path
            for (var j = 0; j < grid; j++) acc[classes * grid + j] += path.Discount[j + 1];
            _discounts[p] = path.Discount[1..];
            for (var c = 0; c < classes; c++)
            {
                ClassFlows.CashOf(run, c, v.FirstResidual[c], s.Cash, s.Reduction);
                double m0 = 0, m1 = 0, m2 = 0, wNum = 0, wDen = 0;
                var rc = reference[c];
                for (var j = 0; j < grid; j++)
                {
                    var k = j + v.FirstPeriod - 1;
                    var cash = s.Cash[k];
                    wNum += s.Reduction[k] * tau[j];
                    wDen += s.Reduction[k];
                    if (cash == 0) continue;
                    var a = cash * path.Discount[j + 1];
                    acc[c * grid + j] += a;
                    var e = a * rc[j];
                    m0 += e; m1 += e * tau[j]; m2 += e * tau[j] * tau[j];
                }
                M0[p, c] = m0; M1[p, c] = m1; M2[p, c] = m2;
                Wal[p, c] = wDen > 1e-9 ? wNum / wDen : double.NaN;
            }
        }
        return acc;
    }

    private readonly double[][] _discounts; // per path: the discount factor at each grid point
    private readonly double[] _tau;
    private readonly double[][] _rawMean;
    private bool _matched;

    /// <summary>Mean over paths of the path discount factor at each grid point (its expectation is the curve's P(0, τ)).</summary>
    public double[] MeanDiscount { get; }

    /// <summary>
    /// Moment matching: scales every grid point's discounted cash by P(0,τ_j) / (mean path discount factor at τ_j), so
    /// the paths reprice the curve's zero-coupon bonds exactly (a path-independent flow then has OAS = Z-spread on any
    /// number of paths). The per-path standard-error moments are left unscaled (the factors are 1 + O(1/√n)).
    /// </summary>
    public void MatchDiscounts(Func<double, double> curveDiscount, double[] tau)
    {
        for (var j = 0; j < tau.Length; j++)
        {
            var k = curveDiscount(tau[j]) / MeanDiscount[j];
            foreach (var row in MeanDiscounted) row[j] *= k;
        }
        _matched = true;
    }

    /// <summary>Model value (currency) of class c at spread s: Σ_j E_j·e^(−s·τ_j).</summary>
    public double Value(int c, double spread, double[] tau)
    {
        var e = MeanDiscounted[c];
        double v = 0;
        for (var j = 0; j < e.Length; j++) if (e[j] != 0) v += e[j] * Math.Exp(-spread * tau[j]);
        return v;
    }

    /// <summary>−∂Value/∂s.</summary>
    public double Slope(int c, double spread, double[] tau)
    {
        var e = MeanDiscounted[c];
        double v = 0;
        for (var j = 0; j < e.Length; j++) if (e[j] != 0) v += e[j] * tau[j] * Math.Exp(-spread * tau[j]);
        return v;
    }

    /// <summary>
    /// Standard error (currency) of the model value of class c at spread s, from the paths as independent draws
    /// (antithetic pairs averaged first). Raw paths: the spread of the path values Σ_j a_pj·e^(−s·τ_j) (a = cash × path
    /// discount; a second-order Taylor expansion from the reference spread). Moment-matched paths: the spread of
    /// Σ_j (a_pj − R_j·D_pj)·e^(−s·τ_j), R_j = mean a_j / mean D_j — the ratio estimator's linearisation, zero for a
    /// flow that does not depend on the path. For Sobol paths this i.i.d. formula overstates the error (docs/rates.md).
    /// </summary>
    public double StandardError(int c, double spread, double referenceSpread, bool antithetic)
    {
        var d = spread - referenceSpread;
        double[]? control = null;
        if (_matched)
        {
            control = new double[_tau.Length];
            for (var j = 0; j < _tau.Length; j++) control[j] = _rawMean[c][j] / MeanDiscount[j] * Math.Exp(-spread * _tau[j]);
        }
        double PathValue(int p)
        {
            var v = M0[p, c] - d * M1[p, c] + 0.5 * d * d * M2[p, c];
            if (control is null) return v;
            var disc = _discounts[p];
            for (var j = 0; j < control.Length; j++) v -= control[j] * disc[j];
            return v;
        }
        var step = antithetic ? 2 : 1;
        var draws = Paths / step;
        if (draws < 2) return double.NaN;
        double sum = 0, sq = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = antithetic ? (PathValue(2 * i) + PathValue(2 * i + 1)) / 2 : PathValue(i);
            sum += x; sq += x * x;
        }
        var mean = sum / draws;
        return Math.Sqrt(Math.Max(sq / draws - mean * mean, 0) / (draws - 1));
    }
}
