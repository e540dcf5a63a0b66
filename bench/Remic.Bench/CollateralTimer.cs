using System.Diagnostics;
using System.Globalization;
using Remic.Collateral;

namespace Remic.Bench;

/// <summary>
/// <c>Remic.Bench.dll coltime [rounds] [threads]</c>: <see cref="CollateralBenchmarks"/>' projection (100,000 loans × 360 months)
/// on one thread and on <c>threads</c> (default: all cores), alternated projection by projection after 10 warm-up pairs, timed
/// by the wall clock. Prints each side's fastest and median, the speed-up (one thread's time ÷ N threads', fastest against fastest: the two-core scaling issue 14 asks for)
/// and the median of the rounds' own ratios. Two cores must be idle for the ratio to mean anything: check the load average.
/// </summary>
public static class CollateralTimer
{
    public static int Run(string[] args)
    {
        var numbers = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var rounds = numbers.Length > 0 ? numbers[0] : 40;
        var threads = numbers.Length > 1 ? numbers[1] : Environment.ProcessorCount;
        var pool = SyntheticPool.Build(CollateralBenchmarks.Loans);
        var scenario = CollateralBenchmarks.PeerScenario();
        var one = ProjectionOptions.SingleThread;
        var many = new ProjectionOptions { MaxDegreeOfParallelism = threads };
        double Time(ProjectionOptions o)
        {
            var sw = Stopwatch.StartNew();
            Projector.Project(pool, scenario, options: o);
            return sw.Elapsed.TotalMilliseconds;
        }
        for (var i = 0; i < 10; i++) { Time(one); Time(many); }
        var ones = new double[rounds];
        var manys = new double[rounds];
        var ratios = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            ones[i] = Time(one);
            manys[i] = Time(many);
            ratios[i] = ones[i] / manys[i];
        }
        static double Median(double[] x) { var s = x.Order().ToArray(); return s[s.Length / 2]; }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coltime one thread fastest {ones.Min():F2} ms median {Median(ones):F2}; {threads} threads fastest {manys.Min():F2} ms median {Median(manys):F2}; " +
            $"fastest ÷ fastest {ones.Min() / manys.Min():F3}, median of paired ratios {Median(ratios):F3} ({rounds} rounds)"));
        return 0;
    }
}
