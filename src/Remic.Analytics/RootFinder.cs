namespace Remic.Analytics;

/// <summary>
/// Bracketing root search used where Newton is not available or has failed: Brent's method
/// (inverse quadratic interpolation with bisection safeguards) on a sign-changing interval.
/// </summary>
public static class RootFinder
{
    /// <summary>Widens [lo, hi] geometrically until f changes sign; false if it never does within the limits.</summary>
    public static bool Bracket(Func<double, double> f, ref double lo, ref double hi, double min, double max)
    {
        double flo = f(lo), fhi = f(hi);
        for (var i = 0; i < 200 && Math.Sign(flo) == Math.Sign(fhi); i++)
        {
            var w = hi - lo;
            if (lo > min) { lo = Math.Max(min, lo - w); flo = f(lo); }
            if (hi < max) { hi = Math.Min(max, hi + w); fhi = f(hi); }
            if (lo <= min && hi >= max && Math.Sign(flo) == Math.Sign(fhi)) return false;
        }
        return Math.Sign(flo) != Math.Sign(fhi) || flo == 0 || fhi == 0;
    }

    /// <summary>Brent's method on a bracket [a, b] with f(a)·f(b) ≤ 0, to an absolute tolerance in x.</summary>
    public static double Brent(Func<double, double> f, double a, double b, double tol = 1e-15, int maxIter = 200)
    {
        double fa = f(a), fb = f(b);
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (Math.Sign(fa) == Math.Sign(fb))
            throw new ArgumentException($"no sign change on [{a}, {b}]: f = {fa}, {fb}");
        double c = a, fc = fa, d = b - a, e = d;
        for (var iter = 0; iter < maxIter; iter++)
        {
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
            b += Math.Abs(d) > tol1 ? d : Math.Sign(xm) * tol1;
            fb = f(b);
        }
        return b;
    }
}
