namespace Remic.Collateral;

/// <summary>
/// A prepayment or default speed as a monthly rate (SMM or MDR, a fraction) for a loan of a given
/// age (1 = first month of life) in a given projection month (1 = first projected month).
/// Curves are small immutable values; the projection materialises them into arrays once.
/// </summary>
public abstract record RateCurve
{
    public abstract double Monthly(int age, int month);

    /// <summary>
    /// True when the rate depends on loan age alone (not on the projection month): rows for different cut-off
    /// ages then share their values, and a projection computes each age's rate once. False unless a curve says so.
    /// </summary>
    public virtual bool DependsOnAgeOnly => false;

    /// <summary>
    /// True when the rate depends on the loans' rate (a rate-driven prepayment model): the projection then binds the
    /// curve to each loan group's weighted average gross rate with <see cref="ForLoanRate"/>.
    /// </summary>
    public virtual bool DependsOnLoanRate => false;

    /// <summary>This curve for loans at <paramref name="grossRate"/> (annual fraction); itself unless <see cref="DependsOnLoanRate"/>.</summary>
    public virtual RateCurve ForLoanRate(double grossRate) => this;

    /// <summary>SMM = 1 − (1 − CPR)^(1/12); the same map turns CDR into MDR.</summary>
    public static double AnnualToMonthly(double annual) =>
        annual >= 1 ? 1 : annual <= 0 ? 0 : 1 - Math.Pow(1 - annual, 1.0 / 12);

    public static double MonthlyToAnnual(double monthly) =>
        monthly >= 1 ? 1 : monthly <= 0 ? 0 : 1 - Math.Pow(1 - monthly, 12);

    /// <summary>Monthly rates for projection months 1..months of a loan aged <paramref name="age0"/> at cut-off; index 0 unused.</summary>
    public double[] Materialise(int age0, int months)
    {
        var row = new double[months + 1];
        for (var m = 1; m <= months; m++) row[m] = Math.Clamp(Monthly(age0 + m, m), 0, 1);
        return row;
    }
}

/// <summary>A constant annual rate (CPR or CDR), percent / 100.</summary>
public sealed record ConstantAnnual(double Annual) : RateCurve
{
    private readonly double _monthly = AnnualToMonthly(Annual);
    public override double Monthly(int age, int month) => _monthly;
    public override bool DependsOnAgeOnly => true;
}

/// <summary>A constant monthly rate (SMM or MDR), percent / 100.</summary>
public sealed record ConstantMonthly(double Rate) : RateCurve
{
    public override double Monthly(int age, int month) => Rate;
    public override bool DependsOnAgeOnly => true;
}

/// <summary>PSA: 100% is 0.2% CPR × age up to 6% CPR at age 30, flat after; scaled by <see cref="Percent"/>.</summary>
public sealed record Psa(double Percent) : RateCurve
{
    public static double Cpr(int age) => 0.002 * Math.Clamp(age, 0, 30);
    public override double Monthly(int age, int month) => AnnualToMonthly(Percent / 100 * Cpr(age));
    public override bool DependsOnAgeOnly => true;
}

/// <summary>A deal's Prepayment Assumption ramp (PPC) at <see cref="Percent"/>.</summary>
public sealed record Ppc(double Percent, PpcRamp Ramp) : RateCurve
{
    public override double Monthly(int age, int month) => AnnualToMonthly(Percent / 100 * Ramp.CprAt(age) / 100);
    public override bool DependsOnAgeOnly => true;
}

/// <summary>
/// SDA: 100% is 0.02% CDR × age to 0.60% at age 30, flat to age 60, down 0.0095% a month to 0.03%
/// at age 120, flat after; scaled by <see cref="Percent"/>.
/// </summary>
public sealed record Sda(double Percent) : RateCurve
{
    public static double Cdr(int age) =>
        age <= 30 ? 0.0002 * Math.Max(age, 0)
        : age <= 60 ? 0.006
        : age <= 120 ? 0.006 - 0.000095 * (age - 60)
        : 0.0003;

    public override double Monthly(int age, int month) => AnnualToMonthly(Percent / 100 * Cdr(age));
    public override bool DependsOnAgeOnly => true;
}

/// <summary>One stretch of a vector: a curve for <see cref="Months"/> projection months (0 = for ever).</summary>
public sealed record VectorSegment(RateCurve Curve, int Months);

/// <summary>Curves in sequence by projection month ("5 CPR for 12, then 20 CPR"); the last one holds.</summary>
public sealed record VectorCurve(IReadOnlyList<VectorSegment> Segments) : RateCurve
{
    public override double Monthly(int age, int month)
    {
        var start = 0;
        foreach (var s in Segments)
        {
            if (s.Months == 0 || month <= start + s.Months) return s.Curve.Monthly(age, month);
            start += s.Months;
        }
        return Segments[^1].Curve.Monthly(age, month);
    }

    public bool Equals(VectorCurve? other) => other is not null && Segments.SequenceEqual(other.Segments);
    public override int GetHashCode() => Segments.Count;
}
