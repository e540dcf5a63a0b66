using System.CommandLine;
using System.Globalization;
using Remic.Core;
using Remic.Grid;

namespace Remic.Cli;

/// <summary>
/// <c>remic grid</c>: every deal under every combination of the scenario axes, one row per deal × scenario × class,
/// streamed to a Parquet or CSV file (docs/grid.md). A thin adapter: the grammar, the job, the batches, the figures,
/// the output and its resume live in Remic.Grid.
/// </summary>
internal sealed class GridCommand
{
    private readonly Argument<string[]> Deals = new("deals") { Description = "Deal files (YAML), or folders: every .yaml/.yml file under a folder with a top-level deal:, classes: or waterfall: section is a deal (others are skipped, each named on stderr)", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> Prepay = new("--prepay") { Description = "Prepayment speeds: a range '0..500 PPC step 25', a list '0,100,300 PPC' or both ('0..20 CPR step 5, 300 PSA'); ';' between vector speeds (default 100 PPC)" };
    private readonly Option<string?> Default = new("--default") { Description = "Default speeds: '0..20 CDR step 1', '0,5 CDR', '100 SDA' (default 0 CDR)" };
    private readonly Option<string?> Severity = new("--severity") { Description = "Loss severities in percent: '25,40,55' or '20..60 step 10' (default 0)" };
    private readonly Option<string?> Lag = new("--lag") { Description = "Months from default to liquidation: '12', '0,6,12' or '0..24 step 6' (default 0)" };
    private readonly Option<string?> IndexPaths = new("--index-paths") { Description = "A CSV of index paths, one column per path (header: the path's name; an optional first column 'month'), levels in percent by month; every index the deal uses follows each path in turn (default: the deal file's assumed levels)" };
    private readonly Option<string?> Price = new("--price") { Description = "Solve each class's yield at this clean price (32nds or decimal: 100-00, 99-16+, 101.25); without it the yield column is empty" };
    private readonly Option<string?> Settle = new("--settle") { Description = "Settlement date for WAL, window and yield, YYYY-MM-DD (default each deal file's settlement_date, else its closing date)" };
    private readonly Option<bool> Call = new("--call") { Description = "Exercise each deal's clean-up call (a deal without one runs to maturity)" };
    private readonly Option<string?> Out = new("--out") { Description = "The output file: NAME.parquet or NAME.csv (required)" };
    private readonly Option<string?> Threads = new("--threads") { Description = "Worker threads (default: every core)" };
    private readonly Option<bool> Resume = new("--resume") { Description = "Continue an interrupted run of the same grid from its partial output (.NAME.grid-partial)" };
    private readonly Option<string?> Cluster = new(Remic.Grid.Cluster.ClusterConnection.Option) { Description = "Run on the Orleans cluster whose silos (remic silo) share this PostgreSQL database: \"Host=…;Database=…;Username=…;Password=…\"" };
    private readonly Option<string?> Tls = new(Remic.Grid.Cluster.ClusterTls.Option) { Description = "With --cluster: TLS with this PKCS#12 (.pfx) certificate, the one the silos were started with (docs/cluster.md)" };
    private readonly Option<string?> TlsPassword = new(Remic.Grid.Cluster.ClusterTls.PasswordOption) { Description = "The environment variable holding the .pfx file's password" };
    private readonly Option<bool> Force = new("--force") { Description = $"Run a grid of more than {GridAxes.ForceAbove:N0} scenario rows (deals × scenarios)" };

    public static Command Build() => new GridCommand().Create();

    private Command Create()
    {
        var cmd = new Command("grid", "Run deals under every combination of prepayment, default, severity, lag, index path and call: WAL, window, writedown, first loss, yield and collateral loss per scenario and class, to Parquet or CSV");
        cmd.Arguments.Add(Deals);
        foreach (Option o in new Option[] { Prepay, Default, Severity, Lag, IndexPaths, Price, Settle, Call, Out, Threads, Resume, Force, Cluster, Tls, TlsPassword })
            cmd.Options.Add(o);
        cmd.SetAction(parse => CliRun.Guard(parse, stdout => Run(parse, stdout, parse.InvocationConfiguration.Error)));
        return cmd;
    }

    /// <summary>The engine the grid runs on: this machine's threads, or with --cluster the Orleans cluster (connected here, before any output).</summary>
    internal IGridExecutor CreateExecutor(ParseResult parse, int threads)
    {
        var tls = SiloCommand.Tls(parse.GetValue(Tls), parse.GetValue(TlsPassword));
        if (parse.GetValue(Cluster) is not { } cluster)
            return tls is null ? new LocalExecutor(threads) : throw new RemicInputException(Remic.Grid.Cluster.ClusterTls.Option, 0, "", parse.GetValue(Tls), "--cluster beside it (TLS is for the cluster's traffic)");
        return Remic.Grid.Cluster.ClusterGrid.ConnectAsync(cluster, window: 4 * threads + 4, tls: tls).GetAwaiter().GetResult();
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var errors = new List<InputError>();
        T Try<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
        }
        // An axis written without quotes (--prepay 0..500 PPC step 25): the quotes are asked for, and the value read as meant.
        var splits = UnquotedValue.Find(parse, [Prepay, Default, Severity, Lag]);
        errors.AddRange(splits.Select(s => s.Error));
        string? Axis(Option<string?> o) => splits.LastOrDefault(s => s.Option == o.Name)?.Joined ?? parse.GetValue(o);
        var outPath = parse.GetValue(Out);
        if (outPath is null) errors.Add(new InputError("--out", 0, "", null, "this option is required: the output file, NAME.parquet or NAME.csv"));
        else Try(() => GridOutput.FormatOf(outPath), GridFormat.Parquet);
        var threads = Try(() => CliValues.Whole(parse.GetValue(Threads), "--threads", 1, 1024, "a number of worker threads from 1 to 1024", Environment.ProcessorCount), 1);
        var paths = parse.GetValue(IndexPaths) is { } ip ? Try(() => GridIndexPaths.Read(ip), []) : null;
        var axes = Try(() => GridAxes.Parse(Axis(Prepay), Axis(Default), Axis(Severity), Axis(Lag), paths, parse.GetValue(Call)), null);
        DateOnly? settle = parse.GetValue(Settle) is { } st ? Try<DateOnly?>(() => CliValues.Date(st, "--settle", default), null) : null;
        var deals = new List<GridDeal>();
        foreach (var file in Try(() => GridDealFiles.Expand(UnquotedValue.Without(parse.GetValue(Deals) ?? [], splits), skip => stderr.WriteLine($"skipped {skip.File}: {skip.Why}")), []))
        {
            var deal = Try(() => GridDeal.Read(file), null);
            if (deal is not null) deals.Add(deal);
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        var job = new GridJob { Deals = deals, Axes = axes!, Price = parse.GetValue(Price), Settle = settle }.Validated(parse.GetValue(Force));
        // Each deal's own checks (speeds against its ramp, the settlement date against its closing) before any work.
        for (var i = 0; i < deals.Count; i++) Try(() => new PreparedDeal(job, i), null);
        if (errors.Count > 0) throw new RemicInputException(errors);

        var executor = CreateExecutor(parse, threads);
        var live = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        // From here a Ctrl-C stops the run cleanly (before it, nothing is written and the signal ends the process).
        using var interrupt = new CliInterrupt(stderr, "remic grid");
        var output = CliRun.Writing(outPath!, () => GridOutput.Open(outPath!, job, parse.GetValue(Resume)));
        GridRunResult result;
        try
        {
            if (output.ResumedFrom > 0)
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resuming: {output.ResumedFrom:N0} of {job.TotalScenarios:N0} scenarios already in {output.PartialPath}"));
            var progress = live ? new LiveProgress(stderr, executor as IGridEngineInfo) : null;
            result = CliRun.Writing(outPath!, () => GridRunner.RunAsync(job, output, executor, threads, progress, interrupt.Token).GetAwaiter().GetResult());
            progress?.Done();
        }
        finally
        {
            output.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        var rate = result.Elapsed.TotalSeconds > 0 ? (result.Scenarios - result.ResumedFrom) / result.Elapsed.TotalSeconds : 0;
        if (!result.Completed)
        {
            // The partial file appears with its first row group: stopped before it, there is nothing to resume.
            stderr.WriteLine(result.Scenarios > 0
                ? string.Create(CultureInfo.InvariantCulture, $"interrupted: {result.Scenarios:N0} of {job.TotalScenarios:N0} scenarios are kept in {output.PartialPath}; run the same command with --resume to continue")
                : string.Create(CultureInfo.InvariantCulture, $"interrupted before the first row group was written: nothing of the {job.TotalScenarios:N0} scenarios is kept; run the same command to start again"));
            return interrupt.ExitCode;
        }
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grid: {job.Deals.Count:N0} deal(s) × {job.Space.Count:N0} scenarios, {result.Rows:N0} rows{(result.ResumedFrom > 0 ? " this run" : "")} in {Elapsed(result.Elapsed)} ({rate:N1} scenarios/s on {(executor as IGridEngineInfo)?.Describe() ?? $"{threads} thread(s)"}{(result.ResumedFrom > 0 ? $", resumed at {result.ResumedFrom:N0}" : "")})"));
        stdout.WriteLine($"wrote {outPath}");
        return 0;
    }

    private static string Elapsed(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m{t.Seconds:00}s"
        : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s" : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0}s");

    /// <summary>One line on a terminal, rewritten at most four times a second: done/total, percent, throughput, ETA.</summary>
    private sealed class LiveProgress(TextWriter err, IGridEngineInfo? engine) : IProgress<GridProgress>
    {
        private long lastTicks;
        private int width;

        public void Report(GridProgress p)
        {
            var now = Environment.TickCount64;
            if (now - lastTicks < 250 && p.Done < p.Total) return;
            lastTicks = now;
            var eta = p.Eta is { } e ? Elapsed(e) : "?";
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{p.Done:N0} / {p.Total:N0} scenarios ({100.0 * p.Done / Math.Max(1, p.Total):0.0}%)  {p.Rate:N1}/s  ETA {eta}{(engine is null ? "" : $"  on {engine.Describe(brief: true)}")}");
            err.Write("\r" + line.PadRight(width));
            width = line.Length;
        }

        public void Done()
        {
            if (width > 0) err.Write("\r" + new string(' ', width) + "\r");
        }
    }
}
