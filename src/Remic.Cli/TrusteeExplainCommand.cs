using System.CommandLine;
using Remic.Core;
using Remic.Deals.Explain;
using Remic.Reports;
using Remic.Trustee.Periods;

namespace Remic.Cli;

/// <summary>
/// `remic trustee explain DEAL-ID --period 2004-05 --class 1-A-4 [--all] [--format text|json]`: why a class got its
/// amount in a closed period, from the trace stored with the close (exactly as the close computed it).
/// </summary>
public static class TrusteeExplainCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var period = TrusteeCommand.PeriodOption();
        var cls = new Option<string?>("--class") { Description = "The class to explain (any case)" };
        var all = new Option<bool>("--all") { Description = "Every class of the period (the whole trace) instead of one --class" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var db = TrusteeCommand.DbOption();
        var cmd = new Command("explain", "Why a class got its amount in a closed period: the close's waterfall trace, as it was computed")
            { deal, period, cls, all, format, db };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var one = p.GetValue(cls);
            if (one is null == !p.GetValue(all))
                throw new RemicInputException("--class", 0, "", one, one is not null ? "--class or --all, not both" : "a class to explain (--class NAME), or --all for every class");
            var trace = CloseTraces.Read(TrusteeCommand.Open(p, db), p.GetValue(deal)!, TrusteeCommand.ParsePeriod(p.GetValue(period)!));
            var json = p.GetValue(format) == "json";
            stdout.Write(one is null
                ? json ? TraceJson.Serialize(trace) + "\n" : ExplainText.Render(trace)
                : json ? TraceJson.Serialize(trace.For(one)) + "\n" : ExplainText.Render(trace.For(one)));
            return 0;
        }));
        return cmd;
    }
}
