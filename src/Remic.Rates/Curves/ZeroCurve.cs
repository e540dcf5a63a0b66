using MathNet.Numerics.Interpolation;
using MathNet.Numerics.RootFinding;
using Remic.Analytics;

namespace Remic.Rates.Curves;

/// <summary>
/// A zero curve bootstrapped from par yields (bond-equivalent, semi-annual), time t in years from settlement.
/// The conventions, stated once:
/// <list type="bullet">
/// <item><b>Instruments</b>: a tenor up to 6 months is a bill, a zero at its bond-equivalent yield,
/// P(T) = (1 + y/2)^(−2T). A longer tenor is a par bond paying y/2 every half year back from T; it prices to
/// 100 plus the interest accrued since its last (notional) coupon date.</item>
/// <item><b>Interpolation</b>: monotone on forwards in the sense of Fritsch–Carlson: a monotone-preserving cubic
/// (PCHIP, MathNet's <c>CubicSpline.InterpolatePchipSorted</c>) through Y(t) = −ln P(t) at t = 0 and the tenors.
/// The instantaneous forward f(t) = Y′(t) is continuous and never negative where the discount factors fall, and
/// the interpolant adds no wiggles between knots. Beyond the last tenor the forward is held flat.</item>
/// <item><b>Bootstrap</b>: the knots Y(T_i) are solved so that every instrument reprices exactly; a coupon date
/// between knots depends on neighbouring knots through the spline, so the solve sweeps the instruments in order
/// (Brent on each knot) until no knot moves by more than 1e-15 (a few sweeps).</item>
/// </list>
/// Zero rates are continuously compounded; spreads over the curve (<see cref="CurveSpreads"/>) likewise.
/// </summary>
public sealed class ZeroCurve
{
    /// <summary>Quoted tenors (years), increasing.</summary>
    public IReadOnlyList<double> Tenors { get; }
    /// <summary>Quoted par yields, annual fractions (bond-equivalent).</summary>
    public IReadOnlyList<double> ParYields { get; }
    public string Source { get; init; } = "";

    private readonly double[] _t;      // knots: 0 and the tenors
    private readonly double[] _y;      // −ln P at the knots
    private IInterpolation _spline;
    private double _lastForward;

    private ZeroCurve(IReadOnlyList<double> tenors, IReadOnlyList<double> parYields, double[] t, double[] y)
    {
        Tenors = tenors.ToArray();
        ParYields = parYields.ToArray();
        _t = t;
        _y = y;
        _spline = Build();
    }

    /// <summary>Bootstraps the zero curve from par yields (annual fractions) at tenors in years.</summary>
    public static ZeroCurve Bootstrap(IReadOnlyList<double> tenors, IReadOnlyList<double> parYields, string source = "")
    {
        if (tenors.Count == 0 || tenors.Count != parYields.Count)
            throw new ArgumentException("a curve needs as many yields as tenors, at least one");
        for (var k = 1; k < tenors.Count; k++)
            if (tenors[k] <= tenors[k - 1]) throw new ArgumentException($"tenors must increase: {tenors[k - 1]} then {tenors[k]}");
        var n = tenors.Count;
        var t = new double[n + 1];
        var y = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            t[i + 1] = tenors[i];
            // A first guess: the par yield as a semi-annual zero.
            y[i + 1] = 2 * tenors[i] * Math.Log(1 + parYields[i] / 2);
        }
        var curve = new ZeroCurve(tenors, parYields, t, y) { Source = source };
        curve.Solve();
        return curve;
    }

    /// <summary>The zero curve of a quoted Treasury par curve (<see cref="TreasuryCurve"/> parses the CM page's form).</summary>
    public static ZeroCurve FromTreasury(TreasuryCurve quoted) => Bootstrap(quoted.Tenors, quoted.ParYields, quoted.Source);

    /// <summary>Parses "6MO 2.634, 2YR 3.142, ..., 30YR 4.645" (percent) or a file of such lines (see <see cref="TreasuryCurve.Parse"/>).</summary>
    public static ZeroCurve Parse(string text, string source = "--curve") => FromTreasury(TreasuryCurve.Parse(text, source));

    /// <summary>A flat curve: every zero rate (continuous) equal to <paramref name="rate"/>.</summary>
    public static ZeroCurve FlatContinuous(double rate)
    {
        double[] t = [0, 1, 10, 30];
        var curve = new ZeroCurve([1, 10, 30], [0, 0, 0], t, t.Select(x => rate * x).ToArray()) { Source = $"flat {rate * 100:0.###}% continuous" };
        return curve;
    }

    /// <summary>The same quotes moved in parallel by <paramref name="bp"/> basis points and bootstrapped again.</summary>
    public ZeroCurve ShiftedPar(double bp) =>
        Bootstrap(Tenors, ParYields.Select(p => p + bp / 10_000).ToArray(), $"{Source} {bp:+0;-0} bp");

    /// <summary>−ln P(t): the integral of the forward curve from 0 to t.</summary>
    public double LogDiscount(double t)
    {
        if (t <= 0) return 0;
        var last = _t[^1];
        return t <= last ? _spline.Interpolate(t) : _y[^1] + _lastForward * (t - last);
    }

    /// <summary>Discount factor P(0, t).</summary>
    public double Discount(double t) => Math.Exp(-LogDiscount(t));

    /// <summary>Continuously compounded zero rate to t (the instantaneous forward at 0 for t = 0).</summary>
    public double ZeroRate(double t) => t <= 1e-12 ? Forward(0) : LogDiscount(t) / t;

    /// <summary>Instantaneous forward rate f(0, t) = −d ln P / dt.</summary>
    public double Forward(double t)
    {
        var last = _t[^1];
        return t >= last ? _lastForward : _spline.Differentiate(Math.Max(t, 0));
    }

    /// <summary>df/dt, for Hull-White's θ(t) (0 beyond the last tenor, where the forward is flat).</summary>
    public double ForwardSlope(double t) => t >= _t[^1] ? 0 : _spline.Differentiate2(Math.Max(t, 0));

    /// <summary>Continuously compounded forward rate between t1 and t2.</summary>
    public double ForwardRate(double t1, double t2) => (LogDiscount(t2) - LogDiscount(t1)) / (t2 - t1);

    /// <summary>Par yield (semi-annual, bond-equivalent) the curve implies for a par bond maturing at T ≥ 0.5.</summary>
    public double ModelParYield(double maturity)
    {
        double annuity = 0;
        for (var c = maturity; c > 1e-9; c -= 0.5) annuity += Discount(c);
        return 2 * (1 - Discount(maturity)) / annuity;
    }

    /// <summary>Quoted par yield at <paramref name="years"/>: linear between tenors, flat outside (the I-spread's benchmark).</summary>
    public double QuotedParYield(double years)
    {
        var x = Tenors;
        if (years <= x[0]) return ParYields[0];
        if (years >= x[^1]) return ParYields[^1];
        var k = 1;
        while (x[k] < years) k++;
        var w = (years - x[k - 1]) / (x[k] - x[k - 1]);
        return ParYields[k - 1] + w * (ParYields[k] - ParYields[k - 1]);
    }

    /// <summary>Value per 1 face of quoted instrument i on this curve, less its target (0 when it reprices exactly).</summary>
    public double RepricingError(int i) => InstrumentValue(i) - InstrumentTarget(i);

    private double InstrumentValue(int i)
    {
        var T = Tenors[i];
        var c = ParYields[i];
        if (T <= 0.5 + 1e-12) return Discount(T) * Math.Pow(1 + c / 2, 2 * T);
        double v = 0;
        for (var s = T; s > 1e-9; s -= 0.5) v += c / 2 * Discount(s);
        return v + Discount(T);
    }

    private double InstrumentTarget(int i)
    {
        var T = Tenors[i];
        if (T <= 0.5 + 1e-12) return 1;
        var first = T - 0.5 * Math.Floor((T - 1e-9) / 0.5); // the earliest coupon time, in (0, 0.5]
        return 1 + ParYields[i] / 2 * (0.5 - first) / 0.5;
    }

    private void Solve()
    {
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double moved = 0;
            for (var i = 0; i < Tenors.Count; i++)
            {
                var k = i + 1;
                var before = _y[k];
                double F(double yk) { _y[k] = yk; _spline = Build(); return RepricingError(i); }
                var lo = _y[k - 1] - 1;      // P up to e^1 above the previous knot's
                var hi = _y[k - 1] + 2 * (_t[k] - _t[k - 1]) + 1;
                _y[k] = Brent.FindRoot(F, lo, hi, 1e-16, 200);
                _spline = Build();
                moved = Math.Max(moved, Math.Abs(_y[k] - before));
            }
            if (moved < 1e-15) break;
        }
        for (var i = 0; i < Tenors.Count; i++)
            if (!(Discount(Tenors[i]) > 0) || Math.Abs(RepricingError(i)) > 1e-9)
                throw new ArgumentException($"the par curve cannot be bootstrapped at {Tenors[i]} years");
    }

    private IInterpolation Build()
    {
        IInterpolation s = _t.Length == 2
            ? LinearSpline.InterpolateSorted(_t, _y)
            : CubicSpline.InterpolatePchipSorted(_t, _y);
        _lastForward = s.Differentiate(_t[^1]);
        return s;
    }
}
