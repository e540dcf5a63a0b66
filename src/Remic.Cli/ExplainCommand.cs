using System.CommandLine;
using Remic.Core;
using Remic.Deals.Explain;
using Remic.Deals.Loading;
using Remic.Reports;

namespace Remic.Cli;

/// <summary>
/// `remic explain deal.yaml --class 1-A-4 --period 12 [run's scenario options] [--all] [--format text|json]`: why a class
/// got its amount on a distribution date — the waterfall's chain of rules with every number and the deal file line it
/// comes from (<see cref="Explainer.Explain(Remic.Deals.Model.Deal, Remic.Collateral.Scenario, int, bool, string)"/>).
/// </summary>
public static class ExplainCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal") { Description = "Deal file (YAML)" };
        var cls = new Option<string?>("--class") { Description = "The class to explain (any case)" };
        var period = new Option<string>("--period") { Description = "Distribution period: 1 for the first distribution date", Required = true };
        var all = new Option<bool>("--all") { Description = "Every class of the period (the whole trace) instead of one --class" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var scenario = new RunScenarioOptions();
        var cmd = new Command("explain", "Why a class got its amount on a distribution date: the waterfall's rules, numbers and deal file lines")
            { deal, cls, period, all };
        scenario.AddTo(cmd);
        cmd.Options.Add(format);
        cmd.SetAction(p => CliRun.Guard(p, stdout =>
        {
            var one = p.GetValue(cls);
            var everything = p.GetValue(all);
            if (one is null == !everything)
                throw new RemicInputException("--class", 0, "", one, everything ? "--class or --all, not both" : "a class to explain (--class NAME), or --all for every class");
            var d = DealLoader.Load(p.GetValue(deal)!);
            var n = CliValues.Whole(p.GetValue(period), "--period", 1, Domains.MaxVectorMonths, "expected a distribution period from 1 (the first distribution date)", 1);
            if (one is not null) NameMatch.Resolve(one, d.Classes.Select(c => c.Name).ToList(), "--class", "a class of the deal");
            var trace = Explainer.Explain(d, scenario.Build(p, d), n, p.GetValue(scenario.Call));
            var json = p.GetValue(format) == "json";
            stdout.Write(one is null
                ? json ? TraceJson.Serialize(trace) + "\n" : ExplainText.Render(trace)
                : json ? TraceJson.Serialize(trace.For(one)) + "\n" : ExplainText.Render(trace.For(one)));
            return 0;
        }));
        return cmd;
    }
}
