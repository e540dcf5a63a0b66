using System.CommandLine;
using System.Globalization;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;
using Remic.Reports.Book;

namespace Remic.Cli;

/// <summary>
/// `remic run deal.yaml --prepay "100 PPC" --default "0 CDR" ...`: loads and validates a deal file, projects
/// its collateral, runs the waterfall with every check, and prints or writes the cash flows.
/// Exit codes (<see cref="CliRun"/>): 0 ok, 2 bad input (with file:line:column messages), 3 a conservation check failed.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var deal = new Argument<string>("deal") { Description = "Deal file (YAML, validated against schema/deal.schema.json)" };
        var prepay = new Option<string>("--prepay") { Description = "Prepayment speed: '100 PPC', '300 PSA', '20 CPR', '5 CPR for 12, then 20 CPR'", DefaultValueFactory = _ => "100 PPC" };
        var dflt = new Option<string>("--default") { Description = "Default speed: '0 CDR', '100 SDA', '0.1 MDR'", DefaultValueFactory = _ => "0 CDR" };
        var severity = new Option<string>("--severity") { Description = "Loss severity in percent, or a monthly vector '30,35,40'", DefaultValueFactory = _ => "0" };
        var lag = new Option<string?>("--lag") { Description = "Months from default to liquidation, 0 to 120 (default 0)" };
        var index = new Option<string[]>("--index") { Description = "Index path: NAME=5.32 (percent), NAME=5.32,5.40,... (monthly vector, last holds), or a CSV file with a column per index (default the deal file's assumptions.indices)", AllowMultipleArgumentsPerToken = false };
        var ramp = new Option<string?>("--ppc-ramp") { Description = "The deal's 100% PPC ramp: 'start CPR, plateau CPR, months to plateau' (default the deal file's prepayment_assumption, else 8,20,12)" };
        var advance = new Option<string?>("--advance") { Description = "What the servicer advances on delinquent loans until liquidation: pi, interest or none (default the deal file's advancing, else interest)" };
        var call = new Option<bool>("--call") { Description = "Exercise the clean-up call when the pool falls below the deal's percentage of the cut-off balance" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var outDir = new Option<string?>("--out") { Description = "Directory to write classes, collateral and checks files into (instead of printing)" };
        var classes = new Option<string[]>("--class") { Description = "Only these classes in the per-class output (repeatable; any case)" };
        var months = new Option<bool>("--months") { Description = "Also print the month-by-month tables (the summary by class is always printed first)" };

        var cmd = new Command("run", "Run a deal's waterfall over projected collateral and print or write its cash flows")
        {
            deal, prepay, dflt, severity, lag, index, ramp, advance, call, format, outDir, classes, months,
        };
        cmd.SetAction(p => CliRun.Guard(p, stdout =>
        {
            var d = DealLoader.Load(p.GetValue(deal)!);
            var scenario = ScenarioOptions.Build(d, p.GetValue(prepay)!, p.GetValue(dflt)!, p.GetValue(severity)!, p.GetValue(lag), p.GetValue(ramp),
                p.GetValue(advance), p.GetValue(index) ?? []);
            var run = DealRunner.Run(d, scenario, p.GetValue(call));
            var only = ScenarioOptions.ClassNames(d, p.GetValue(classes) ?? []);
            var report = new RunReport(run, scenario, only);
            var dir = p.GetValue(outDir);
            var fmt = p.GetValue(format)!;
            if (fmt == "table") PrintSummary(run, report, only, stdout, monthly: dir is null && p.GetValue(months));
            if (dir is null && (fmt != "table" || p.GetValue(months))) report.Print(fmt, stdout);
            else if (dir is not null) report.Write(fmt, dir, stdout);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The summary by class (table format): what an analyst reads first; the monthly tables follow with --months.</summary>
    private static void PrintSummary(DealProjection run, RunReport report, string[] only, TextWriter w, bool monthly)
    {
        var idx = only.Length == 0 ? null : only.Select(run.Deal.ClassIndex).ToList();
        w.Write(Remic.Reports.TextRenderer.Render(Remic.Reports.RunSummary.Of(run, idx)));
        if (!monthly) foreach (var l in report.CheckLines()) w.WriteLine(l); // the monthly tables end with them
        w.WriteLine();
    }

    /// <summary>--index NAME=5.32 | NAME=5.32,5.40 | file.csv (<see cref="ScenarioOptions.Indices"/>).</summary>
    internal static IReadOnlyDictionary<string, MonthlyVector> Indices(string[] args) => ScenarioOptions.Indices(args);
}
