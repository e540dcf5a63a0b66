using System.Globalization;
using System.Text.RegularExpressions;
using Remic.Core;

namespace Remic.Collateral;

/// <summary>What a speed measures: voluntary prepayments or defaults.</summary>
public enum SpeedKind { Prepayment, Default }

/// <summary>
/// A speed as users write it: "100 PSA", "25 CPR", "1.5 SMM", "150 PPC", "100 SDA", "2 CDR", "0.1 MDR",
/// vectors "5 CPR for 12, then 20 CPR" or "4, 6, 8, 10 CPR" (one month each, the last holds).
/// Parses to a <see cref="RateCurve"/> and prints back as written.
/// </summary>
public sealed partial record Speed(string Text, SpeedKind Kind, RateCurve Curve)
{
    public override string ToString() => Text;

    /// <summary>The units a prepayment speed may be written in (PPC's aliases PA and PREPAY included) and those of a default
    /// speed: what <see cref="CurveFor"/> accepts for each kind (SpeedTests hold the lists and the parser together).</summary>
    public static readonly IReadOnlyList<string> PrepayUnits = ["CPR", "SMM", "PSA", "PPC", "PA", "PREPAY"], DefaultUnits = ["CDR", "MDR", "SDA"];

    public static Speed Zero(SpeedKind kind) => new(kind == SpeedKind.Prepayment ? "0 CPR" : "0 CDR", kind, new ConstantMonthly(0));

    public static Speed Prepay(string text, PpcRamp? ramp = null, string source = "--prepay") =>
        Parse(text, SpeedKind.Prepayment, ramp ?? PpcRamp.CwaltFixed, source);

    public static Speed Default(string text, string source = "--default") =>
        Parse(text, SpeedKind.Default, PpcRamp.CwaltFixed, source);

    [GeneratedRegex(@"^(?:then\s+)?(?<v>[+-]?\d+(?:\.\d+)?)\s*%?\s*(?<u>[A-Za-z]+)?(?:\s+for\s+(?<n>\d+)(?:\s*(?:months?|mos?))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SegmentPattern();

    public static Speed Parse(string text, SpeedKind kind, PpcRamp ramp, string source)
    {
        var units = kind == SpeedKind.Prepayment ? "CPR, SMM, PSA or PPC" : "CDR, MDR or SDA";
        InputError Bad(string? value, string why) => new(source, 0, "", value ?? text,
            $"{why}; expected a {(kind == SpeedKind.Prepayment ? "prepayment" : "default")} speed such as " +
            (kind == SpeedKind.Prepayment ? "'100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR'" : "'100 SDA', '2 CDR' or '0.1 MDR'") +
            $" (units {units})");

        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(Bad(text, "the speed is empty"));
        if (text.TrimStart().StartsWith("model:", StringComparison.OrdinalIgnoreCase)) return Model(text, kind, ramp, source);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var raw = new List<(double Value, string? Unit, int Months)>();
        long total = 0;
        foreach (var part in parts)
        {
            var m = SegmentPattern().Match(part);
            if (!m.Success) throw new RemicInputException(Bad(part, "cannot read this part of the speed"));
            if (!FiniteNumber.TryParse(m.Groups["v"].Value, out double value) || value > Domains.MaxSpeedMultiple)
                throw new RemicInputException(Bad(part, string.Create(CultureInfo.InvariantCulture, $"a speed above {Domains.MaxSpeedMultiple:0} is out of range")));
            if (value < 0) throw new RemicInputException(Bad(part, "a speed cannot be negative"));
            var months = 1;
            if (m.Groups["n"].Success && (!int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out months) || months > Domains.MaxVectorMonths))
                throw new RemicInputException(Bad(part, $"'for N' needs N from 1 to {Domains.MaxVectorMonths} months"));
            if (m.Groups["n"].Success && months <= 0) throw new RemicInputException(Bad(part, "'for N' needs N ≥ 1"));
            total += months;
            if (parts.Length > Domains.MaxVectorMonths || total > Domains.MaxVectorMonths + 1)
                throw new RemicInputException(Bad(text.Length > 40 ? text[..40] : text, $"a speed vector may span at most {Domains.MaxVectorMonths} months"));
            raw.Add((value, m.Groups["u"].Success ? m.Groups["u"].Value.ToUpperInvariant() : null, months));
        }

        // A unit written once applies to the parts before it that had none ("4, 6, 8 CPR"),
        // and to a trailing part without one ("5 CPR for 12, then 20").
        var resolved = new string?[raw.Count];
        for (var i = raw.Count - 1; i >= 0; i--) resolved[i] = raw[i].Unit ?? (i + 1 < raw.Count ? resolved[i + 1] : null);
        for (var i = 1; i < raw.Count; i++) resolved[i] ??= resolved[i - 1];
        if (resolved.Any(u => u is null)) throw new RemicInputException(Bad(text, "the speed has no unit"));

        var segments = new List<VectorSegment>();
        for (var i = 0; i < raw.Count; i++)
        {
            var curve = CurveFor(raw[i].Value, resolved[i]!, kind, ramp) ?? throw new RemicInputException(Bad(resolved[i], $"'{resolved[i]}' is not a {(kind == SpeedKind.Prepayment ? "prepayment" : "default")} unit"));
            if (kind == SpeedKind.Prepayment ? IsAnnualOver100(raw[i].Value, resolved[i]!, "CPR", "SMM") : IsAnnualOver100(raw[i].Value, resolved[i]!, "CDR", "MDR"))
                throw new RemicInputException(Bad(parts[i], "a CPR/SMM/CDR/MDR above 100% is impossible"));
            segments.Add(new VectorSegment(curve, i == raw.Count - 1 ? 0 : raw[i].Months));
        }
        var result = segments.Count == 1 ? segments[0].Curve : new VectorCurve(segments);
        return new Speed(text.Trim(), kind, result);
    }

    /// <summary>"model:file.yaml": the rate-driven prepayment model with that file's parameters (docs/rates.md).</summary>
    private static Speed Model(string text, SpeedKind kind, PpcRamp ramp, string source)
    {
        var path = text.Trim()["model:".Length..].Trim();
        if (kind != SpeedKind.Prepayment)
            throw new RemicInputException(source, 0, "", text, "a default speed such as '100 SDA' or '2 CDR'; a rate-driven model (model:file.yaml) is for prepayments only");
        if (path.Length == 0)
            throw new RemicInputException(source, 0, "", text, "a prepayment model file after 'model:', e.g. model:prepay.yaml");
        var parameters = PrepayModel.PrepayModelFile.Load(path, source);
        return new Speed(text.Trim(), kind, new PrepayModel.RateDrivenPrepay(parameters, ramp));
    }

    private static bool IsAnnualOver100(double v, string unit, string annual, string monthly) =>
        (unit == annual || unit == monthly) && v > 100;

    private static RateCurve? CurveFor(double value, string unit, SpeedKind kind, PpcRamp ramp) => (kind, unit) switch
    {
        (SpeedKind.Prepayment, "CPR") => new ConstantAnnual(value / 100),
        (SpeedKind.Prepayment, "SMM") => new ConstantMonthly(value / 100),
        (SpeedKind.Prepayment, "PSA") => new Psa(value),
        (SpeedKind.Prepayment, "PPC" or "PA" or "PREPAY") => new Ppc(value, ramp),
        (SpeedKind.Default, "CDR") => new ConstantAnnual(value / 100),
        (SpeedKind.Default, "MDR") => new ConstantMonthly(value / 100),
        (SpeedKind.Default, "SDA") => new Sda(value),
        _ => null,
    };
}
