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
            var scenario = new Scenario
            {
                Prepay = Speed.Prepay(p.GetValue(prepay)!, p.GetValue(ramp) is { } r ? PpcRamp.Parse(r) : DealBook.Ramp(d)),
                Default = Speed.Default(p.GetValue(dflt)!),
                Severity = Percents(p.GetValue(severity)!, "--severity"),
                RecoveryLag = CliValues.Whole(p.GetValue(lag), "--lag", 0, Domains.MaxLagMonths, $"expected a whole number of months from 0 to {Domains.MaxLagMonths}", 0),
                Advance = p.GetValue(advance) is { } a ? AdvancingConventions.Parse(a, "--advance") : null,
                Indices = DealBook.AssumedIndices(d, GivenIndices(d, p.GetValue(index) ?? [])),
            };
            var run = DealRunner.Run(d, scenario, p.GetValue(call));
            var only = ClassNames(d, p.GetValue(classes) ?? []);
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

    /// <summary>The --class names as the deal spells them (any case; an unknown name is an error with the closest names).</summary>
    private static string[] ClassNames(Remic.Deals.Model.Deal deal, string[] typed)
    {
        var names = deal.Classes.Select(c => c.Name).ToList();
        var errors = new List<InputError>();
        var resolved = new List<string>();
        foreach (var t in typed)
        {
            if (NameMatch.TryResolve(t, names, out var n)) resolved.Add(n);
            else errors.Add(NameMatch.Error(t, names, "--class", "a class of the deal"));
        }
        return errors.Count > 0 ? throw new RemicInputException(errors) : resolved.ToArray();
    }

    /// <summary>The summary by class (table format): what an analyst reads first; the monthly tables follow with --months.</summary>
    private static void PrintSummary(DealProjection run, RunReport report, string[] only, TextWriter w, bool monthly)
    {
        var idx = only.Length == 0 ? null : only.Select(run.Deal.ClassIndex).ToList();
        w.Write(Remic.Reports.TextRenderer.Render(Remic.Reports.RunSummary.Of(run, idx)));
        if (!monthly) foreach (var l in report.CheckLines()) w.WriteLine(l); // the monthly tables end with them
        w.WriteLine();
    }

    /// <summary>Percents from 0 to 100, one or a comma-separated monthly vector; finite only (NaN and ∞ are refused).</summary>
    internal static MonthlyVector Percents(string text, string option)
    {
        const string expected = "expected a percent from 0 to 100, or a comma-separated monthly vector of them";
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > Domains.MaxVectorMonths)
            throw new RemicInputException(option, 0, "", text, $"{expected} (at most {Domains.MaxVectorMonths} months)");
        var values = new List<double>();
        foreach (var part in parts) values.Add(FiniteNumber.Parse(part.TrimEnd('%'), option, 0, 100, expected) / 100);
        if (values.Count == 0) throw new RemicInputException(option, 0, "", text, "expected a percent from 0 to 100");
        return new MonthlyVector(values);
    }

    /// <summary>The --index paths, each for an index the deal uses.</summary>
    internal static IReadOnlyDictionary<string, MonthlyVector> GivenIndices(Remic.Deals.Model.Deal deal, string[] args)
    {
        var given = Indices(args);
        DealIndices.CheckFixings(deal, given.Keys, "--index");
        return given;
    }

    /// <summary>--index NAME=5.32 | NAME=5.32,5.40 | file.csv (header: period or month, then one column per index, percents).</summary>
    internal static IReadOnlyDictionary<string, MonthlyVector> Indices(string[] args)
    {
        var result = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=');
            if (eq > 0)
            {
                result[arg[..eq].Trim()] = Percents(arg[(eq + 1)..], $"--index {arg[..eq].Trim()}");
                continue;
            }
            if (FileKinds.Of(arg) == FileKind.Missing)
                throw new RemicInputException("--index", 0, "", arg, "expected NAME=percent (e.g. LIBOR_1MO=5.32), NAME=a,b,c, or an existing CSV file of index vectors");
            var lines = UserFile.ReadText(arg, FileLimits.IndexFile).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToArray();
            var header = lines.Length > 0 ? lines[0].Split(',', StringSplitOptions.TrimEntries) : [];
            if (header.Length < 2)
                throw new RemicInputException(arg, 1, "", lines.FirstOrDefault(), "expected a header: period, then one column per index name");
            var cols = header.Skip(1).Select(_ => new List<double>()).ToArray();
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',', StringSplitOptions.TrimEntries);
                for (var k = 1; k < header.Length; k++)
                {
                    if (k >= cells.Length || !FiniteNumber.TryParse(cells[k], out double v) || v < 0 || v > 100)
                        throw new RemicInputException(arg, i + 1, header[k], k < cells.Length ? cells[k] : null, "expected the index in percent from 0 to 100, e.g. 5.32");
                    cols[k - 1].Add(v / 100);
                }
            }
            if (lines.Length < 2) throw new RemicInputException(arg, 0, "", null, "expected at least one row of index values");
            for (var k = 1; k < header.Length; k++) result[header[k]] = new MonthlyVector(cols[k - 1]);
        }
        return result;
    }
}
