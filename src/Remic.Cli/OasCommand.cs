using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Collateral.PrepayModel;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Rates.Curves;
using Remic.Rates.Model;
using Remic.Rates.Oas;

namespace Remic.Cli;

/// <summary><c>remic oas deal.yaml --class X --price 99-16 --curve ...</c>: option-adjusted spreads (Remic.Rates' OasEngine); docs/rates.md.</summary>
internal static class OasCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal") { Description = "Deal file (YAML)" };
        var cls = new Option<string>("--class") { Description = "Class(es) to value, comma-separated, or 'all' (every class shares the paths)", Required = true };
        var price = new Option<string?>("--price") { Description = "Clean price(s) in 32nds or decimal (99-16, 99.5): one, or one per class → OAS" };
        var oas = new Option<string?>("--oas") { Description = "OAS in bp: one, or one per class → price (instead of --price)" };
        var curve = new Option<string>("--curve") { Description = "Treasury par curve: \"6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645\" (percent) or a file of 'tenor yield' lines", Required = true };
        var vol = new Option<string>("--vol") { Description = "Hull-White short-rate volatility, bp a year (absolute; 100 = 1%)", DefaultValueFactory = _ => "100" };
        var mr = new Option<string>("--mean-reversion") { Description = "Hull-White mean reversion a, per year", DefaultValueFactory = _ => "0.03" };
        var paths = new Option<string>("--paths") { Description = "Monte Carlo paths", DefaultValueFactory = _ => "1000" };
        var method = new Option<string>("--method") { Description = "antithetic, sobol (Joe-Kuo, Brownian bridge) or pseudo", DefaultValueFactory = _ => "antithetic" };
        var seed = new Option<string>("--seed") { Description = "Seed of the paths (same seed, same figures on any number of cores)", DefaultValueFactory = _ => "1" };
        var model = new Option<string?>("--model") { Description = "Prepayment model file (YAML; docs/rates.md lists the keys and defaults); default the built-in defaults" };
        var settle = new Option<string?>("--settle") { Description = "Settlement date YYYY-MM-DD (default the deal file's settlement_date, else its closing date)" };
        var threads = new Option<string?>("--threads") { Description = "Cores to run paths on (default all)" };
        var noDur = new Option<bool>("--no-durations") { Description = "Skip effective duration and convexity (two more runs of every path)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var cmd = new Command("oas", "Option-adjusted spread, option cost, effective duration/convexity of a deal's classes over Hull-White rate paths with a rate-driven prepayment model")
        {
            deal, cls, price, oas, curve, vol, mr, paths, method, seed, model, settle, threads, noDur, format,
        };
        cmd.SetAction(p => CliRun.Guard(p, stdout =>
        {
            var errors = new List<InputError>();
            T Try<T>(Func<T> read, T fallback)
            {
                try { return read(); }
                catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
            }
            var sigma = Try(() => CliValues.Number(p.GetValue(vol), "--vol", 0, 1000, "a volatility in bp a year from 0 to 1000, e.g. 100"), 100) / 10_000;
            var a = Try(() => CliValues.Number(p.GetValue(mr), "--mean-reversion", 0, 5, "a mean reversion per year from 0 to 5, e.g. 0.03"), 0.03);
            var n = Try(() => CliValues.Whole(p.GetValue(paths), "--paths", 2, 1_000_000, "a number of paths from 2 to 1,000,000"), 2);
            var m = Try(() => Method(p.GetValue(method)!), PathMethod.Antithetic);
            var s = Try(() => CliValues.Whole(p.GetValue(seed), "--seed", 0, int.MaxValue, "a whole-number seed"), 1);
            var t = Try(() => CliValues.Whole(p.GetValue(threads), "--threads", 1, 1024, "a number of cores from 1", Environment.ProcessorCount), 1);
            DateOnly? st = p.GetValue(settle) is { } stx ? Try(() => CliValues.Date(stx, "--settle", default), default) : null;
            var zc = Try(() => ZeroCurve.Parse(p.GetValue(curve)!), null);
            var parameters = Try(() => p.GetValue(model) is { } f ? PrepayModelFile.Load(f, "--model") : new PrepayModelParameters(), new PrepayModelParameters());
            var d = Try(() => DealLoader.Load(p.GetValue(deal)!), null);
            if (errors.Count > 0) throw new RemicInputException(errors);
            var names = p.GetValue(cls)!.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
                ? d!.Classes.Select(c => c.Name).ToList()
                : p.GetValue(cls)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            var quotes = Quotes(names, p.GetValue(price), p.GetValue(oas));
            var result = OasEngine.Run(new OasRequest
            {
                Deal = d!, Curve = zc!, Quotes = quotes, MeanReversion = a, Volatility = sigma, Paths = n, Method = m, Seed = (ulong)s,
                Model = parameters, Settle = st, Threads = t, Durations = !p.GetValue(noDur),
            });
            stdout.Write(p.GetValue(format) == "json" ? Json(d!.Metadata.TrustName, result) : Table(d!.Metadata.TrustName, result));
            return 0;
        }));
        return cmd;
    }

    private static PathMethod Method(string text) => text.Trim().ToLowerInvariant() switch
    {
        "antithetic" => PathMethod.Antithetic,
        "sobol" => PathMethod.Sobol,
        "pseudo" => PathMethod.Pseudo,
        _ => throw new RemicInputException("--method", 0, "", text, "antithetic, sobol or pseudo"),
    };

    private static IReadOnlyList<OasQuote> Quotes(IReadOnlyList<string> names, string? prices, string? spreads)
    {
        if ((prices is null) == (spreads is null))
            throw new RemicInputException("--price", 0, "", prices, "either --price (→ OAS) or --oas (→ price), not both or neither");
        var parts = (prices ?? spreads)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var option = prices is null ? "--oas" : "--price";
        if (parts.Length != 1 && parts.Length != names.Count)
            throw new RemicInputException(option, 0, "", prices ?? spreads, $"one value, or one per class ({names.Count})");
        return names.Select((name, i) =>
        {
            var text = parts[parts.Length == 1 ? 0 : i];
            return prices is not null
                ? new OasQuote(name, CleanPrice: (double)Price32.Parse(text, "--price"))
                : new OasQuote(name, OasBp: FiniteNumber.Parse(text, "--oas", -5000, 5000, "an OAS in bp, e.g. 45"));
        }).ToList();
    }

    private static string F(double x, string fmt) => double.IsFinite(x) ? x.ToString(fmt, CultureInfo.InvariantCulture) : "-";

    private static string Table(string trust, OasResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{trust}: OAS over {r.Curve}; Hull-White a {r.MeanReversion:0.####}, sigma {r.Volatility * 10_000:0.#} bp; {r.Paths:N0} {r.Method.ToString().ToLowerInvariant()} paths (seed {r.Seed}); settle {r.Settle:yyyy-MM-dd}"));
        sb.AppendLine("Spreads in bp, continuously compounded over the bootstrapped zero curve. Z fwd = Z-spread of the flows along the forward curve (same prepayment model);");
        sb.AppendLine("Z 100PPC = Z-spread of the pricing-speed flows; option cost = Z fwd - OAS; eff dur/conv: +/-25 bp par-curve shifts, same paths.");
        sb.AppendLine($"{"class",-8} {"price",9} {"OAS",8} {"SE",6} {"Z fwd",8} {"Z 100PPC",9} {"opt cost",9} {"eff dur",8} {"eff cvx",8} {"mod dur",8} {"price SE",9} {"WAL fwd",8} {"WAL 100PPC",10}  WAL over paths: mean [5% 25% 50% 75% 95%]");
        foreach (var c in r.Classes)
            sb.AppendLine($"{c.Class,-8} {F(c.CleanPrice, "0.000"),9} {F(c.OasBp, "0.0"),8} {F(c.OasSeBp, "0.0"),6} {F(c.ZForwardBp, "0.0"),8} {F(c.ZPricingBp, "0.0"),9} {F(c.OptionCostBp, "0.0"),9} " +
                          $"{F(c.EffectiveDuration ?? double.NaN, "0.00"),8} {F(c.EffectiveConvexity ?? double.NaN, "0.00"),8} {F(c.ModifiedDuration, "0.00"),8} {F(c.PriceSe, "0.000"),9} {F(c.WalForward, "0.00"),8} {F(c.WalPricing, "0.00"),10}  " +
                          $"{F(c.Wal.Mean, "0.00")} [{F(c.Wal.P5, "0.00")} {F(c.Wal.P25, "0.00")} {F(c.Wal.P50, "0.00")} {F(c.Wal.P75, "0.00")} {F(c.Wal.P95, "0.00")}]");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{r.Paths:N0} paths in {r.PathSeconds:0.00} s on {r.Threads} core(s) ({r.Paths / r.PathSeconds:N0} paths/s); whole run {r.TotalSeconds:0.00} s"));
        return sb.ToString();
    }

    private static string Json(string trust, OasResult r)
    {
        static double? N(double? x) => x is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;
        var doc = new
        {
            trust,
            curve = r.Curve, settle = r.Settle.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), paths = r.Paths,
            method = r.Method.ToString().ToLowerInvariant(), seed = r.Seed, mean_reversion = r.MeanReversion, volatility_bp = r.Volatility * 10_000,
            classes = r.Classes.Select(c => new
            {
                @class = c.Class, price = N(c.CleanPrice), oas_bp = N(c.OasBp), oas_se_bp = N(c.OasSeBp), price_se = N(c.PriceSe),
                z_forward_bp = N(c.ZForwardBp), z_pricing_speed_bp = N(c.ZPricingBp), option_cost_bp = N(c.OptionCostBp),
                effective_duration = N(c.EffectiveDuration), effective_convexity = N(c.EffectiveConvexity), modified_duration = N(c.ModifiedDuration),
                wal_forward = N(c.WalForward), wal_pricing_speed = N(c.WalPricing),
                wal_paths = new { mean = N(c.Wal.Mean), p5 = N(c.Wal.P5), p25 = N(c.Wal.P25), p50 = N(c.Wal.P50), p75 = N(c.Wal.P75), p95 = N(c.Wal.P95) },
            }),
            path_seconds = Math.Round(r.PathSeconds, 3), total_seconds = Math.Round(r.TotalSeconds, 3), threads = r.Threads,
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine;
    }
}
