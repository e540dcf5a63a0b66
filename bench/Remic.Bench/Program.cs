using System.Globalization;
using BenchmarkDotNet.Running;

namespace Remic.Bench;

/// <summary>
/// Runs every benchmark class in this assembly (pass BenchmarkDotNet's own arguments, e.g.
/// <c>--filter '*Collateral*' --job short</c>). After the run, one machine-readable line per benchmark
/// ("remic-bench Type.Method median_ns=... mean_ns=... alloc_bytes=... min_ns=...") lets bench/run.sh put Remic's figures beside the peers'.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Not benchmarks: the waterfall's bit-identity harness and its CPU-time loop (docs/benchmarks.md, session 6).
        if (args.Length > 0 && args[0] == "hash") return HashHarness.Run(args);
        if (args.Length > 0 && args[0] == "wftime") return WaterfallTimer.Run(args);
        if (args.Length > 0 && args[0] == "coltime") return CollateralTimer.Run(args);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var summary in summaries)
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is not { } stats) continue;
                var d = report.BenchmarkCase.Descriptor;
                // One token (no spaces), so the script can read "name mean" per line.
                var parameters = report.BenchmarkCase.HasParameters ? $"({report.BenchmarkCase.Parameters.DisplayInfo.Replace(" ", "")})" : "";
                // Bytes allocated per operation, when the class has [MemoryDiagnoser] (-1: not measured).
                var alloc = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"remic-bench {d.Type.Name}.{d.WorkloadMethod.Name}{parameters} median_ns={stats.Median:R} mean_ns={stats.Mean:R} alloc_bytes={alloc} min_ns={stats.Min:R}"));
            }
        return 0;
    }
}
