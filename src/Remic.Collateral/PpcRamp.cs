using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// A deal's "Prepayment Assumption" (PPC): 100% is <see cref="StartCpr"/> in the first month of
/// loan life rising linearly to <see cref="PlateauCpr"/> in month <see cref="MonthsToPlateau"/>, flat
/// after. Percent units (8 = 8% CPR). CWALT fixed-rate deals of 2004 use 8 → 20 over 12 months.
/// </summary>
public sealed record PpcRamp(double StartCpr, double PlateauCpr, int MonthsToPlateau)
{
    public static readonly PpcRamp CwaltFixed = new(8, 20, 12);

    /// <summary>CPR (percent) at 100% of this ramp for a loan of the given age (1 = first month of life).</summary>
    public double CprAt(int age)
    {
        if (age >= MonthsToPlateau || MonthsToPlateau <= 1) return PlateauCpr;
        var a = Math.Max(age, 1);
        return StartCpr + (PlateauCpr - StartCpr) * (a - 1) / (MonthsToPlateau - 1);
    }

    /// <summary>Parses "8,20,12" (start CPR, plateau CPR, months to plateau).</summary>
    public static PpcRamp Parse(string text, string source = "--ppc-ramp")
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 3
            && FiniteNumber.TryParse(parts[0], out double s)
            && FiniteNumber.TryParse(parts[1], out double p)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            && s >= 0 && p >= 0 && s <= 100 && p <= 100 && m >= 1 && m <= Domains.MaxTermMonths)
            return new PpcRamp(s, p, m);
        throw new RemicInputException(source, 0, "", text,
            "expected 'start CPR, plateau CPR, months to plateau', e.g. '8,20,12'");
    }

    public override string ToString() => $"{StartCpr:0.###} CPR rising to {PlateauCpr:0.###} CPR by month {MonthsToPlateau}";
}
