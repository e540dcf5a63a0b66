namespace Remic.Collateral.PrepayModel;

/// <summary>
/// The rate-driven prepayment model as a speed (a <see cref="RateCurve"/> beside CPR/PSA/PPC). Monthly, in CPR percent:
/// <code>
/// CPR(age, m) = turnover(age, m) + refi(I(m)) × burnout(m) + curtailment
/// turnover    = TurnoverMultiple × ramp.CprAt(age) × seasonality[calendar month of m]
/// I(m)        = loan rate − mortgage rate(m − lag)           (percentage points; mortgage rate = 10-year rate + spread)
/// refi(I)     = RefiMaxCpr × (L((I − mid)/width) − L(−mid/width)) / (1 − L(−mid/width)) for I &gt; 0, else 0;  L(x) = 1/(1+e^−x)
/// burnout(m)  = max(BurnoutFloor, exp(−BurnoutRate × Σ_{k&lt;m} max(I(k), 0)))
/// </code>
/// capped at 100 CPR and turned into an SMM. The refinancing part is zero at zero incentive, so at zero incentive and
/// no curtailment the model is the seasoning ramp × seasonality (the PPC ramp when seasonality is flat).
/// <para>The loan rate is the group's weighted average gross rate at cut-off: the projection binds the model to each
/// loan group (<see cref="ForLoanRate"/>), so the CPR is per loan group, not per loan.</para>
/// </summary>
public sealed record RateDrivenPrepay : RateCurve
{
    public PrepayModelParameters Parameters { get; }
    public PpcRamp Ramp { get; }
    /// <summary>Mortgage rate (percent) k months after the start of the projection, k = 0, 1, ...; the last holds.</summary>
    public IReadOnlyList<double> MortgageRates { get; }
    /// <summary>Gross loan rate (percent) the incentive is measured from; null until bound to a group.</summary>
    public double? LoanRate { get; }
    private readonly double[] _refi = [];

    public RateDrivenPrepay(PrepayModelParameters parameters, PpcRamp dealRamp, IReadOnlyList<double>? mortgageRates = null, double? loanRate = null)
    {
        Parameters = parameters;
        Ramp = parameters.RampOr(dealRamp);
        MortgageRates = mortgageRates is { Count: > 0 } ? mortgageRates : [parameters.TenYearRate + parameters.MortgageSpread];
        LoanRate = loanRate;
        if (loanRate is { } r) _refi = RefiByMonth(r);
    }

    public override bool DependsOnLoanRate => true;

    /// <summary>The model for loans at <paramref name="grossRate"/> (annual fraction, as a <see cref="Loan"/> holds it).</summary>
    public override RateCurve ForLoanRate(double grossRate) => new RateDrivenPrepay(Parameters, Ramp, MortgageRates, grossRate * 100);

    /// <summary>The same model along another mortgage-rate path (percent by month from the start).</summary>
    public RateDrivenPrepay AlongPath(IReadOnlyList<double> mortgageRates) => new(Parameters, Ramp, mortgageRates, LoanRate);

    public override double Monthly(int age, int month)
    {
        if (LoanRate is null)
            throw new InvalidOperationException("the rate-driven prepayment model must be bound to a loan rate (ForLoanRate) before use");
        var cpr = Turnover(age, month) + Refi(month) + Parameters.CurtailmentCpr;
        return AnnualToMonthly(Math.Min(cpr, 100) / 100);
    }

    /// <summary>Turnover CPR (percent): the seasoning ramp × the calendar month's seasonality.</summary>
    public double Turnover(int age, int month)
    {
        var p = Parameters;
        var calendar = ((p.FirstCalendarMonth - 1 + Math.Max(month, 1) - 1) % 12 + 12) % 12;
        return p.TurnoverMultiple * Ramp.CprAt(age) * p.Seasonality[calendar];
    }

    /// <summary>Refinancing CPR (percent) after burnout in projection month <paramref name="month"/> (1 = first).</summary>
    public double Refi(int month) => _refi.Length == 0 ? 0 : _refi[Math.Clamp(month, 1, _refi.Length - 1)];

    /// <summary>Mortgage rate (percent) seen in projection month m (1 = first): the path's rate lag months earlier.</summary>
    public double MortgageRate(int month) => MortgageRates[Math.Clamp(month - Parameters.RefiLagMonths, 0, MortgageRates.Count - 1)];

    /// <summary>The S-curve (percent CPR) at an incentive in percentage points: 0 at or below 0, rising to RefiMaxCpr.</summary>
    public static double SCurve(PrepayModelParameters p, double incentive)
    {
        if (incentive <= 0 || p.RefiMaxCpr <= 0) return 0;
        static double L(double x) => 1 / (1 + Math.Exp(-x));
        var l0 = L(-p.RefiMidpoint / p.RefiWidth);
        return p.RefiMaxCpr * (L((incentive - p.RefiMidpoint) / p.RefiWidth) - l0) / (1 - l0);
    }

    private double[] RefiByMonth(double loanRate)
    {
        var p = Parameters;
        // Long enough for any projection: the mortgage-rate path plus a full term; the last value holds beyond.
        var n = Math.Max(MortgageRates.Count, 1) + 480;
        var refi = new double[n + 1];
        double cumulative = 0;
        for (var m = 1; m <= n; m++)
        {
            var incentive = loanRate - MortgageRate(m);
            var burnout = Math.Max(p.BurnoutFloor, Math.Exp(-p.BurnoutRate * cumulative));
            refi[m] = SCurve(p, incentive) * burnout;
            cumulative += Math.Max(incentive, 0);
        }
        return refi;
    }

    public bool Equals(RateDrivenPrepay? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
