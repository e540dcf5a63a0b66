using System.CommandLine;
using System.Globalization;
using System.Text;
using Remic.Core;
using Remic.Deals.Disclosure;
using Remic.Deals.Loading;

namespace Remic.Cli;

/// <summary>
/// <c>remic item1115 deal.yaml</c>: the Regulation AB Item 1115 significance percentage of the deal's corridor
/// contract(s) and the disclosure threshold it falls under. Method printed with the figure.
/// </summary>
internal static class Item1115Command
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal") { Description = "Deal file with a `corridors` section" };
        var stress = new Option<string>("--stress") { Description = "Index path: 'ceiling' (index at each contract's ceiling from period 1) or '+N bp' over --base-index", DefaultValueFactory = _ => "ceiling" };
        var baseIndex = new Option<string?>("--base-index") { Description = "Base index, percent, for a '+N bp' stress (e.g. 5.32)" };
        var of = new Option<string>("--of") { Description = "Denominator: 'class' (the beneficiary classes' original balance) or 'pool' (the cut-off pool balance)", DefaultValueFactory = _ => "class" };
        of.AcceptOnlyFromAmong("class", "pool");
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var cmd = new Command("item1115", "Item 1115 significance percentage of a deal's corridor contract(s) and the disclosure threshold that applies")
        {
            deal, stress, baseIndex, of, format,
        };
        cmd.SetAction(p => CliRun.Guard(p, stdout =>
        {
            var options = Options(p.GetValue(stress)!, p.GetValue(baseIndex), p.GetValue(of)!);
            var d = DealLoader.Load(p.GetValue(deal)!);
            var result = Item1115.Compute(d, options);
            stdout.Write(p.GetValue(format) == "json" ? Item1115Json.Render(d.Metadata.TrustName, result) : Render(d.Metadata.TrustName, result));
            return 0;
        }));
        return cmd;
    }

    internal static Item1115Options Options(string stress, string? baseIndex, string of)
    {
        var o = new Item1115Options { Base = of == "pool" ? Item1115Base.Pool : Item1115Base.Class };
        var s = stress.Trim();
        if (s.Equals("ceiling", StringComparison.OrdinalIgnoreCase)) return o;
        var bp = s.EndsWith("bp", StringComparison.OrdinalIgnoreCase) ? s[..^2].Trim() : null;
        // A regulatory conclusion fails closed: NaN, infinities and absurd levels are refused here, never carried to a threshold.
        if (bp is null || !double.TryParse(bp, NumberStyles.Float, CultureInfo.InvariantCulture, out var shock))
            throw new RemicInputException("--stress", 0, "", stress, "expected 'ceiling' or a shock like '+300 bp'");
        if (!double.IsFinite(shock) || Math.Abs(shock) > Item1115.MaxShockBasisPoints)
            throw new RemicInputException("--stress", 0, "", stress,
                $"expected a shock from -{Item1115.MaxShockBasisPoints:0} to +{Item1115.MaxShockBasisPoints:0} bp, e.g. '+300 bp'");
        if (baseIndex is null || !double.TryParse(baseIndex, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) || !double.IsFinite(b) || b < 0 || b > 100)
            throw new RemicInputException("--base-index", 0, "", baseIndex, "expected the base index in percent (e.g. 5.32) with a '+N bp' stress");
        var stressed = b + shock / 100;
        if (stressed < 0 || stressed > Item1115.MaxIndexPercent)
            throw new RemicInputException("--stress", 0, "", stress, string.Create(CultureInfo.InvariantCulture,
                $"a stressed index (base {b:0.####}% + shock) from 0% to {Item1115.MaxIndexPercent:0}%; this one is {stressed:0.####}%"));
        return o with { Stress = Item1115Stress.Shock, BaseIndexPercent = b, ShockBasisPoints = shock };
    }

    internal static string Render(string trust, Item1115Result r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine($"Item 1115 significance: {trust}");
        sb.AppendLine($"method: {r.Method}");
        sb.AppendLine(string.Format(inv, "{0,-40} {1,-12} {2,7} {3,9} {4,18} {5,18} {6,18} {7,9}",
            "corridor", "beneficiary", "periods", "index %", "payments", "present value", "denominator", "signif %"));
        foreach (var c in r.Corridors)
            sb.AppendLine(string.Format(inv, "{0,-40} {1,-12} {2,7} {3,9:0.0000} {4,18:N2} {5,18:N2} {6,18:N2} {7,9:0.000}",
                c.Name, c.Beneficiary, c.Periods, c.StressedIndexPercent, c.UndiscountedPayments, c.PresentValue, c.Denominator, c.SignificancePercent));
        sb.AppendLine(string.Format(inv, "aggregate (one counterparty): maximum probable exposure {0:N2} / {1:N2} = {2:0.000}%", r.PresentValue, r.Denominator, r.SignificancePercent));
        sb.AppendLine($"threshold: {r.Requirement}");
        return sb.ToString();
    }
}
