using MathNet.Numerics.Distributions;
using Remic.Rates.Curves;

namespace Remic.Rates.Model;

/// <summary>
/// Hull-White one-factor model dr = (θ(t) − a·r) dt + σ dW, fitted exactly to a <see cref="ZeroCurve"/>.
/// Written as r(t) = x(t) + α(t) with dx = −a·x dt + σ dW, x(0) = 0 and
/// α(t) = f(0,t) + σ²/(2a²)·(1 − e^(−at))², which is the same as
/// θ(t) = ∂f(0,t)/∂t + a·f(0,t) + σ²/(2a)·(1 − e^(−2at)) (Brigo–Mercurio §3.3): every zero-coupon bond the model
/// prices at time 0 is the curve's discount factor. Closed forms (all used by the tests and the paths):
/// <code>
/// B(τ)      = (1 − e^(−aτ))/a
/// V(t,T)    = σ²/a² · [ (T−t) + 2/a·e^(−a(T−t)) − 1/(2a)·e^(−2a(T−t)) − 3/(2a) ]      (variance of ∫_t^T x)
/// P(t,T | x)= P(0,T)/P(0,t) · exp( ½[V(t,T) − V(0,T) + V(0,t)] − B(T−t)·x(t) )
/// ZBC(0,T,S,K) = P(0,S)·N(h) − K·P(0,T)·N(h − σp),  σp = σ·B(S−T)·√((1 − e^(−2aT))/(2a)),
///                h = ln(P(0,S)/(K·P(0,T)))/σp + σp/2;   ZBP by put-call parity
/// </code>
/// a → 0 takes the Ho-Lee limits. σ = 0 makes r(t) = f(0,t): the paths are the forward curve.
/// </summary>
public sealed class HullWhite
{
    public ZeroCurve Curve { get; }
    /// <summary>Mean reversion a (per year).</summary>
    public double A { get; }
    /// <summary>Short-rate volatility σ (absolute, per √year; 0.01 = 100 bp).</summary>
    public double Sigma { get; }

    public HullWhite(ZeroCurve curve, double meanReversion, double sigma)
    {
        if (!(meanReversion >= 0) || !(sigma >= 0) || !double.IsFinite(meanReversion) || !double.IsFinite(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), "mean reversion and volatility must be finite and non-negative");
        Curve = curve;
        A = meanReversion;
        Sigma = sigma;
    }

    private bool HoLee => A < 1e-8;

    public double B(double tau) => HoLee ? tau : -double.ExpM1(-A * tau) / A;

    /// <summary>Variance of ∫_t^T x(s) ds given x(t).</summary>
    public double V(double t, double T)
    {
        var tau = T - t;
        if (HoLee) return Sigma * Sigma * tau * tau * tau / 3;
        var a = A;
        return Sigma * Sigma / (a * a) * (tau + 2 / a * Math.Exp(-a * tau) - 1 / (2 * a) * Math.Exp(-2 * a * tau) - 3 / (2 * a));
    }

    /// <summary>α(t): the deterministic part of the short rate, r = x + α.</summary>
    public double Alpha(double t)
    {
        var f = Curve.Forward(t);
        if (HoLee) return f + Sigma * Sigma * t * t / 2;
        var b = -double.ExpM1(-A * t);
        return f + Sigma * Sigma / (2 * A * A) * b * b;
    }

    /// <summary>θ(t), the drift that fits the curve.</summary>
    public double Theta(double t) =>
        Curve.ForwardSlope(t) + A * Curve.Forward(t) + (HoLee ? Sigma * Sigma * t : Sigma * Sigma / (2 * A) * -double.ExpM1(-2 * A * t));

    /// <summary>ln P(t,T | x) = LogA(t,T) − B(T−t)·x.</summary>
    public double LogA(double t, double T) =>
        Curve.LogDiscount(t) - Curve.LogDiscount(T) + 0.5 * (V(t, T) - V(0, T) + V(0, t));

    /// <summary>Zero-coupon bond price at t for maturity T, given x(t) = r(t) − α(t).</summary>
    public double ZeroBond(double t, double T, double x) => Math.Exp(LogA(t, T) - B(T - t) * x);

    /// <summary>Price at 0 of an option expiring at T on the zero-coupon bond maturing at S, strike K (per 1 face).</summary>
    public double ZeroBondOption(bool call, double strike, double expiry, double maturity)
    {
        var pT = Curve.Discount(expiry);
        var pS = Curve.Discount(maturity);
        var sp = SigmaP(expiry, maturity);
        if (sp < 1e-14) return Math.Max(call ? pS - strike * pT : strike * pT - pS, 0);
        var h = Math.Log(pS / (strike * pT)) / sp + sp / 2;
        return call
            ? pS * Normal.CDF(0, 1, h) - strike * pT * Normal.CDF(0, 1, h - sp)
            : strike * pT * Normal.CDF(0, 1, -h + sp) - pS * Normal.CDF(0, 1, -h);
    }

    /// <summary>Volatility of ln P(T,S) at T.</summary>
    public double SigmaP(double expiry, double maturity) =>
        HoLee ? Sigma * (maturity - expiry) * Math.Sqrt(expiry)
              : Sigma * B(maturity - expiry) * Math.Sqrt(-double.ExpM1(-2 * A * expiry) / (2 * A));
}
