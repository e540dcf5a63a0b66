using System.Diagnostics;
using System.Globalization;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Bench;

/// <summary>
/// <c>Remic.Bench.dll wftime [batches] [runs per batch] [--oneoff] [--months N]</c>: <see cref="WaterfallBenchmarks.WaterfallOnly"/>'s
/// operation (the benchmark deal's waterfall on a reused <see cref="WaterfallRun"/> over a collateral projected once; with
/// <c>--oneoff</c> <see cref="DealRunner.RunWaterfall"/>) in a plain loop: 150 warm-up runs, then batches timed by the process's
/// CPU time, each batch's ms per scenario and the fastest printed. On a shared machine run two builds alternately, process by
/// process, and compare the fastest batches (docs/benchmarks.md). <c>batches</c> = 0 runs forever (for <c>perf record</c>).
/// </summary>
public static class WaterfallTimer
{
    public static int Run(string[] args)
    {
        var monthsAt = Array.IndexOf(args, "--months");
        var months = monthsAt > 0 ? int.Parse(args[monthsAt + 1]) : 360;
        var numbers = args.Skip(1).Where((a, i) => !a.StartsWith("--") && (monthsAt < 0 || i + 1 != monthsAt + 1)).Select(int.Parse).ToArray();
        var batches = numbers.Length > 0 ? numbers[0] : 8;
        var perBatch = numbers.Length > 1 ? numbers[1] : 200;
        var oneOff = args.Contains("--oneoff");
        var deal = DealLoader.LoadText(BenchmarkDeal.Yaml(), "bench-4x40.yaml");
        var scenario = WaterfallBenchmarks.BenchmarkScenario(months);
        var collateral = DealRunner.ProjectCollateral(deal, scenario);
        var indices = new Dictionary<string, MonthlyVector>();
        var run = new WaterfallRun(deal);
        var sink = 0;
        Func<int> op = oneOff
            ? () => DealRunner.RunWaterfall(deal, collateral, indices).Periods.Count
            : () => run.Run(collateral, indices).Periods.Count;
        for (var i = 0; i < 150; i++) sink += op();
        var proc = Process.GetCurrentProcess();
        var best = double.MaxValue;
        for (var b = 0; batches == 0 || b < batches; b++)
        {
            proc.Refresh();
            var t0 = proc.TotalProcessorTime;
            for (var i = 0; i < perBatch; i++) sink += op();
            proc.Refresh();
            var ms = (proc.TotalProcessorTime - t0).TotalMilliseconds / perBatch;
            best = Math.Min(best, ms);
            if (batches != 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {b + 1}: {ms:F4} ms CPU per scenario"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wftime {(oneOff ? "one-off" : "reused")} fastest {best:F4} ms CPU per scenario ({batches} × {perBatch}; sink {sink})"));
        return 0;
    }
}
