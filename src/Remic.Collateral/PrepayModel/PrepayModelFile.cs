using System.Globalization;
using Remic.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Remic.Collateral.PrepayModel;

/// <summary>
/// Reads a prepayment model file (YAML, every key optional; an empty file is the defaults):
/// <code>
/// turnover_multiple: 1.0          # × the seasoning ramp
/// ramp: { start_cpr: 8, plateau_cpr: 20, months_to_plateau: 12 }   # default: the deal's PPC ramp
/// seasonality: [0.80, 0.82, 0.92, 1.00, 1.08, 1.16, 1.18, 1.16, 1.06, 1.00, 0.94, 0.88]   # January first, mean 1
/// first_calendar_month: 1         # calendar month of projection month 1
/// refi_max_cpr: 45                # refinancing CPR at a large incentive
/// refi_midpoint: 1.0              # incentive (points) at the S-curve's steepest
/// refi_width: 0.4                 # S-curve scale (points)
/// refi_lag_months: 1
/// burnout_rate: 0.02              # per point-month of cumulative positive incentive
/// burnout_floor: 0.3
/// curtailment_cpr: 0.25
/// mortgage_spread: 1.70           # mortgage rate = 10-year rate + spread (percent)
/// ten_year_rate: 4.14             # the flat 10-year rate outside the rate model (percent)
/// </code>
/// Errors name the file, line and key.
/// </summary>
public static class PrepayModelFile
{
    public static PrepayModelParameters Load(string path, string source = "--prepay")
    {
        if (!File.Exists(path))
            throw new RemicInputException(source, 0, "", "model:" + path, "an existing prepayment model file (YAML), e.g. model:prepay.yaml");
        return Parse(UserFile.ReadText(path, FileLimits.DealFile, source), path);
    }

    public static PrepayModelParameters Parse(string text, string file)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e) { throw new RemicInputException(file, (int)e.Start.Line, "", null, "valid YAML: " + e.Message); }
        var p = new PrepayModelParameters();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return p;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new RemicInputException(file, (int)stream.Documents[0].RootNode.Start.Line, "", null, "a mapping of model parameters (key: value)");
        var errors = new List<InputError>();
        foreach (var (k, v) in root.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            var line = (int)k.Start.Line;
            double Num(double lo, double hi)
            {
                if (v is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && x >= lo && x <= hi) return x;
                errors.Add(new InputError(file, line, key, (v as YamlScalarNode)?.Value, string.Create(CultureInfo.InvariantCulture, $"a number from {lo} to {hi}")));
                return double.NaN;
            }
            int Whole(int lo, int hi)
            {
                if (v is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && x >= lo && x <= hi) return x;
                errors.Add(new InputError(file, line, key, (v as YamlScalarNode)?.Value, $"a whole number from {lo} to {hi}"));
                return lo;
            }
            switch (key)
            {
                case "turnover_multiple": p = p with { TurnoverMultiple = Num(0, 10) }; break;
                case "ramp": p = p with { Ramp = ReadRamp(v, file, line, errors) }; break;
                case "seasonality": p = p with { Seasonality = ReadSeasonality(v, file, line, errors) }; break;
                case "first_calendar_month": p = p with { FirstCalendarMonth = Whole(1, 12) }; break;
                case "refi_max_cpr": p = p with { RefiMaxCpr = Num(0, 100) }; break;
                case "refi_midpoint": p = p with { RefiMidpoint = Num(0, 10) }; break;
                case "refi_width": p = p with { RefiWidth = Num(0.01, 10) }; break;
                case "refi_lag_months": p = p with { RefiLagMonths = Whole(0, 24) }; break;
                case "burnout_rate": p = p with { BurnoutRate = Num(0, 10) }; break;
                case "burnout_floor": p = p with { BurnoutFloor = Num(0, 1) }; break;
                case "curtailment_cpr": p = p with { CurtailmentCpr = Num(0, 100) }; break;
                case "mortgage_spread": p = p with { MortgageSpread = Num(-5, 10) }; break;
                case "ten_year_rate": p = p with { TenYearRate = Num(-5, 30) }; break;
                default:
                    errors.Add(new InputError(file, line, key, null, "one of turnover_multiple, ramp, seasonality, first_calendar_month, refi_max_cpr, refi_midpoint, " +
                        "refi_width, refi_lag_months, burnout_rate, burnout_floor, curtailment_cpr, mortgage_spread, ten_year_rate"));
                    break;
            }
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        return p;
    }

    private static PpcRamp? ReadRamp(YamlNode v, string file, int line, List<InputError> errors)
    {
        const string expected = "a mapping { start_cpr: 8, plateau_cpr: 20, months_to_plateau: 12 }";
        if (v is not YamlMappingNode m) { errors.Add(new InputError(file, line, "ramp", null, expected)); return null; }
        string? Get(string k) => m.Children.TryGetValue(new YamlScalarNode(k), out var n) ? (n as YamlScalarNode)?.Value : null;
        var text = $"{Get("start_cpr")},{Get("plateau_cpr")},{Get("months_to_plateau")}";
        try { return m.Children.Count == 3 ? PpcRamp.Parse(text, file) : throw new RemicInputException(file, line, "ramp", null, expected); }
        catch (RemicInputException) { errors.Add(new InputError(file, line, "ramp", text, expected + " (CPRs 0-100, months ≥ 1)")); return null; }
    }

    private static IReadOnlyList<double> ReadSeasonality(YamlNode v, string file, int line, List<InputError> errors)
    {
        const string expected = "twelve non-negative multipliers, January first, averaging 1 (within 0.005)";
        var values = (v as YamlSequenceNode)?.Children
            .Select(n => n is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && x >= 0 ? x : double.NaN)
            .ToArray();
        if (values is not { Length: 12 } || values.Any(double.IsNaN) || Math.Abs(values.Average() - 1) > 0.005)
        {
            errors.Add(new InputError(file, line, "seasonality", values is null ? null : string.Join(", ", values.Select(x => x.ToString(CultureInfo.InvariantCulture))), expected));
            return PrepayModelParameters.DefaultSeasonality;
        }
        return values;
    }
}
