namespace Remic.Analytics;

/// <summary>
/// Bracketing root search used where Newton is not available or has failed: Brent's method
/// (inverse quadratic interpolation with bisection safeguards) on a sign-changing interval.
/// </summary>
public static class RootFinder
{
    /// <summary>A function to find a root of, called without a delegate (a struct, or a ref struct over spans).</summary>
    public interface IFunction
    {
        double At(double x);
    }

    private readonly struct Delegated(Func<double, double> f) : IFunction
    {
        public double At(double x) => f(x);
    }

    /// <summary>Widens [lo, hi] geometrically until f changes sign; false if it never does within the limits.</summary>
    public static bool Bracket(Func<double, double> f, ref double lo, ref double hi, double min, double max) =>
        Bracket(new Delegated(f), ref lo, ref hi, min, max);

    /// <summary>Brent's method on a bracket [a, b] with f(a)·f(b) ≤ 0, to an absolute tolerance in x.</summary>
    public static double Brent(Func<double, double> f, double a, double b, double tol = 1e-15, int maxIter = 200) =>
        Brent(new Delegated(f), a, b, tol, maxIter);

    /// <summary><see cref="Bracket(Func{double, double}, ref double, ref double, double, double)"/> on a function that allocates nothing.</summary>
    public static bool Bracket<TF>(TF fn, ref double lo, ref double hi, double min, double max) where TF : IFunction, allows ref struct
    {
        var found = TryBracket(fn, ref lo, ref hi, min, max, out var nan);
        if (nan) _ = Math.Sign(double.NaN); // f was NaN: the ArithmeticException Math.Sign throws
        return found;
    }

    /// <summary><see cref="Brent(Func{double, double}, double, double, double, int)"/> on a function that allocates nothing.</summary>
    public static double Brent<TF>(TF fn, double a, double b, double tol = 1e-15, int maxIter = 200) where TF : IFunction, allows ref struct
    {
        var x = TryBrent(fn, a, b, tol, maxIter, out var nan);
        if (nan) _ = Math.Sign(double.NaN); // f was NaN: the ArithmeticException Math.Sign throws
        return x;
    }

    /// <summary>
    /// <see cref="Bracket{TF}"/> answering <paramref name="nan"/> = true, without throwing, where it throws because f is NaN
    /// (Math.Sign of a NaN); the same bracket otherwise.
    /// </summary>
    internal static bool TryBracket<TF>(TF fn, ref double lo, ref double hi, double min, double max, out bool nan) where TF : IFunction, allows ref struct
    {
        nan = true;
        double flo = fn.At(lo), fhi = fn.At(hi);
        for (var i = 0; i < 200; i++)
        {
            if (double.IsNaN(flo) || double.IsNaN(fhi)) return false;
            if (Math.Sign(flo) != Math.Sign(fhi)) break;
            var w = hi - lo;
            if (lo > min) { lo = Math.Max(min, lo - w); flo = fn.At(lo); }
            if (hi < max) { hi = Math.Min(max, hi + w); fhi = fn.At(hi); }
            if (lo <= min && hi >= max)
            {
                if (double.IsNaN(flo) || double.IsNaN(fhi)) return false;
                if (Math.Sign(flo) == Math.Sign(fhi)) { nan = false; return false; }
            }
        }
        if (double.IsNaN(flo) || double.IsNaN(fhi)) return false;
        nan = false;
        return Math.Sign(flo) != Math.Sign(fhi) || flo == 0 || fhi == 0;
    }

    /// <summary>
    /// <see cref="Brent{TF}"/> answering <paramref name="nan"/> = true (and NaN), without throwing, where it throws because f is
    /// NaN (Math.Sign of a NaN); the same root otherwise.
    /// </summary>
    internal static double TryBrent<TF>(TF fn, double a, double b, double tol, int maxIter, out bool nan) where TF : IFunction, allows ref struct
    {
        nan = false;
        double fa = fn.At(a), fb = fn.At(b);
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (double.IsNaN(fa) || double.IsNaN(fb)) { nan = true; return double.NaN; }
        if (Math.Sign(fa) == Math.Sign(fb))
            throw new ArgumentException($"no sign change on [{a}, {b}]: f = {fa}, {fb}");
        double c = a, fc = fa, d = b - a, e = d;
        for (var iter = 0; iter < maxIter; iter++)
        {
            if (double.IsNaN(fb) || double.IsNaN(fc)) { nan = true; return double.NaN; }
            if (Math.Sign(fb) == Math.Sign(fc)) { c = a; fc = fa; d = e = b - a; }
            if (Math.Abs(fc) < Math.Abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            var tol1 = 2 * double.Epsilon + 0.5 * tol + 2e-16 * Math.Abs(b);
            var xm = 0.5 * (c - b);
            if (Math.Abs(xm) <= tol1 || fb == 0) return b;
            if (Math.Abs(e) >= tol1 && Math.Abs(fa) > Math.Abs(fb))
            {
                double p, q, r, s = fb / fa;
                if (a == c) { p = 2 * xm * s; q = 1 - s; }
                else
                {
                    q = fa / fc; r = fb / fc;
                    p = s * (2 * xm * q * (q - r) - (b - a) * (r - 1));
                    q = (q - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.Min(3 * xm * q - Math.Abs(tol1 * q), Math.Abs(e * q))) { e = d; d = p / q; }
                else { d = xm; e = d; }
            }
            else { d = xm; e = d; }
            a = b; fa = fb;
            if (Math.Abs(d) > tol1) b += d;
            else
            {
                if (double.IsNaN(xm)) { nan = true; return double.NaN; }
                b += Math.Sign(xm) * tol1;
            }
            fb = fn.At(b);
        }
        return b;
    }
}
