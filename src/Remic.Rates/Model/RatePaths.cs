using System.Runtime.CompilerServices;
namespace Remic.Rates.Model;

/// <summary>One simulated path on the grid τ_0 = 0 &lt; τ_1 &lt; … &lt; τ_n (years).</summary>
public sealed class RatePath
{
    public RatePath(int points)
    {
        Discount = new double[points];
        ShortRate = new double[points];
        TenYear = new double[points];
        OneMonth = new double[points];
    }

    /// <summary>exp(−∫_0^τ_k r): the path's discount factor to grid point k (1 at k = 0).</summary>
    public double[] Discount { get; }
    /// <summary>r(τ_k), continuously compounded.</summary>
    public double[] ShortRate { get; }
    /// <summary>The 10-year par yield (semi-annual, bond-equivalent) at τ_k, from Hull-White's closed-form bond prices.</summary>
    public double[] TenYear { get; }
    /// <summary>The 1-month simple rate (money-market, 1/P(τ, τ+1/12) − 1 annualised ×12) at τ_k: the LIBOR_1MO a floater resets on.</summary>
    public double[] OneMonth { get; }
}

/// <summary>
/// Monthly Monte Carlo paths of the Hull-White short rate, the 10-year rate and the 1-month rate, simulated exactly
/// (no discretisation error) on any grid: the state x and its integral I = ∫x are jointly Gaussian over a step Δ,
/// <code>
/// x' = x·e^(−aΔ) + ε1,   I' = I + x·B(Δ) + ε2,
/// Var ε1 = σ²(1 − e^(−2aΔ))/(2a),  Var ε2 = σ²/a²·[Δ − 2B(Δ) + (1 − e^(−2aΔ))/(2a)],  Cov = σ²/(2a²)·(1 − e^(−aΔ))²
/// </code>
/// (two normals a step, Cholesky). The path discount factor is exp(−∫r) = P(0,τ)·exp(−½V(0,τ) − I(τ)), whose mean is
/// P(0,τ) exactly; at σ = 0 it is P(0,τ) on every path. Rates at τ come from <see cref="HullWhite.ZeroBond"/>.
/// </summary>
public sealed class RatePaths
{
    public HullWhite Model { get; }
    /// <summary>The grid, τ_0 = 0 first.</summary>
    public IReadOnlyList<double> Times => _tau;
    public PathNormals Normals { get; }

    private readonly double[] _tau;
    private readonly double[] _decay, _bStep, _c11, _c21, _c22;
    private readonly double[] _logDf, _alpha;
    private readonly double[][] _lnA10; // ln A(τ_k, τ_k + j/2), j = 1..20
    private readonly double[] _b10;
    private readonly double[] _lnA1;
    private readonly double _b1;

    /// <param name="times">Grid points after 0, increasing (years).</param>
    public RatePaths(HullWhite model, IReadOnlyList<double> times, PathNormals normals)
    {
        if (normals.Steps != times.Count) throw new ArgumentException($"the normals have {normals.Steps} steps for {times.Count} grid points");
        Model = model;
        Normals = normals;
        var n = times.Count;
        _tau = new double[n + 1];
        for (var k = 0; k < n; k++)
        {
            _tau[k + 1] = times[k];
            if (!(times[k] > _tau[k])) throw new ArgumentException("grid times must increase from 0");
        }
        _decay = new double[n]; _bStep = new double[n]; _c11 = new double[n]; _c21 = new double[n]; _c22 = new double[n];
        double a = model.A, s2 = model.Sigma * model.Sigma;
        for (var k = 0; k < n; k++)
        {
            var d = _tau[k + 1] - _tau[k];
            double v1, v2, c;
            if (a < 1e-8) { v1 = s2 * d; v2 = s2 * d * d * d / 3; c = s2 * d * d / 2; }
            else
            {
                var e1 = -double.ExpM1(-a * d);
                var e2 = -double.ExpM1(-2 * a * d);
                v1 = s2 * e2 / (2 * a);
                v2 = s2 / (a * a) * (d - 2 * e1 / a + e2 / (2 * a));
                c = s2 / (2 * a * a) * e1 * e1;
            }
            _decay[k] = Math.Exp(-a * d);
            _bStep[k] = model.B(d);
            _c11[k] = Math.Sqrt(Math.Max(v1, 0));
            _c21[k] = _c11[k] > 0 ? c / _c11[k] : 0;
            _c22[k] = Math.Sqrt(Math.Max(v2 - _c21[k] * _c21[k], 0));
        }
        _logDf = new double[n + 1]; _alpha = new double[n + 1]; _lnA10 = new double[n + 1][]; _lnA1 = new double[n + 1];
        _b10 = Enumerable.Range(1, 20).Select(j => model.B(j / 2.0)).ToArray();
        _b1 = model.B(1.0 / 12);
        for (var k = 0; k <= n; k++)
        {
            var t = _tau[k];
            _logDf[k] = -model.Curve.LogDiscount(t) - 0.5 * model.V(0, t);
            _alpha[k] = model.Alpha(t);
            _lnA10[k] = Enumerable.Range(1, 20).Select(j => model.LogA(t, t + j / 2.0)).ToArray();
            _lnA1[k] = model.LogA(t, t + 1.0 / 12);
        }
    }

    public int Points => _tau.Length;

    /// <summary>Simulates path <paramref name="path"/> into <paramref name="into"/> (reusable; sized <see cref="Points"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Generate(int path, RatePath into, double[] z1, double[] z2)
    {
        Normals.Fill(path, z1, z2);
        double x = 0, integral = 0;
        for (var k = 0; k < _tau.Length; k++)
        {
            if (k > 0)
            {
                var j = k - 1;
                var e1 = _c11[j] * z1[j];
                var e2 = _c21[j] * z1[j] + _c22[j] * z2[j];
                integral += x * _bStep[j] + e2;
                x = x * _decay[j] + e1;
            }
            into.Discount[k] = Math.Exp(_logDf[k] - integral);
            into.ShortRate[k] = x + _alpha[k];
            double annuity = 0, last = 0;
            var lnA = _lnA10[k];
            for (var i = 0; i < 20; i++) { last = Math.Exp(lnA[i] - _b10[i] * x); annuity += last; }
            into.TenYear[k] = 2 * (1 - last) / annuity;
            into.OneMonth[k] = (Math.Exp(-_lnA1[k] + _b1 * x) - 1) * 12;
        }
    }

    /// <summary>A new path buffer and normal scratch for one thread.</summary>
    public (RatePath Path, double[] Z1, double[] Z2) Scratch() => (new RatePath(Points), new double[Normals.Steps], new double[Normals.Steps]);
}
