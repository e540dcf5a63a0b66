using BenchmarkDotNet.Attributes;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Grid;

namespace Remic.Bench;

/// <summary>
/// Scenario grids (issue 14, docs/grid.md): scenarios per second of <c>remic grid</c>'s engine on the J4 example deal
/// and on the 4-group, 40-class benchmark deal, on one thread and on two
/// (<see cref="LocalExecutor"/>), beside what one <c>remic run</c> computes for one scenario: the deal file loaded
/// and run once (<see cref="SingleRunWithLoad"/>), and the run alone (<see cref="SingleRun"/>). Every figure is per
/// scenario (OperationsPerInvoke); the grid is 0..300 PPC step 20 × 0/5 CDR × 25/50% severity (64 scenarios), lag 6,
/// priced at 100-00. Both thread counts run through <see cref="LocalExecutor"/> in the batches <c>remic grid</c> cuts for
/// that many scenarios and workers (<see cref="GridRunner.BatchSize"/>: 8 scenarios on one worker, 4 on two; a grid of
/// thousands gets 64). The executor keeps its workers' loaded deals and reused runs between operations, as a long grid
/// does after its first batches.
/// </summary>
[MemoryDiagnoser]
public class GridBenchmarks
{
    private const int Scenarios = 64;
    private readonly LocalExecutor _one = new(1);
    private readonly LocalExecutor _two = new(2);

    [Params("J4", "Bench4x40")]
    public string DealName { get; set; } = "J4";

    private GridJob _job = null!;
    private string _text = null!;
    private string _file = null!;
    private Deal _deal = null!;
    private Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        GridDeal gd;
        if (DealName == "J4")
        {
            _file = Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml");
            gd = GridDeal.Read(_file);
        }
        else
        {
            _file = "bench-4x40.yaml";
            gd = new GridDeal(_file, BenchmarkDeal.Yaml(), new Dictionary<string, byte[]>());
        }
        _text = gd.Text;
        _job = new GridJob { Deals = [gd], Axes = GridAxes.Parse("0..300 PPC step 20", "0,5 CDR", "25,50", "6"), Price = "100-00" };
        if (_job.Space.Count != Scenarios) throw new InvalidOperationException($"the grid has {_job.Space.Count} scenarios, not {Scenarios}");
        GridOneThread();
        GridTwoThreads(); // each worker's copy of the deal is loaded here, once, as in a long grid
        _deal = gd.Load();
        _scenario = new Scenario
        {
            Prepay = Speed.Prepay("300 PPC", _deal.Metadata.PrepaymentAssumption), Default = Speed.Default("5 CDR"),
            Severity = MonthlyVector.Flat(0.5), RecoveryLag = 6,
            Indices = _deal.Assumptions.Indices.ToDictionary(kv => kv.Key, kv => MonthlyVector.Flat((double)kv.Value / 100), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The repository root (the folder holding Remic.sln) above the benchmark's binaries.</summary>
    internal static string Repo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Remic.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("the repository root (Remic.sln) above " + AppContext.BaseDirectory);
    }

    [Benchmark(Description = "grid, LocalExecutor 1 thread (per scenario)", OperationsPerInvoke = Scenarios)]
    public int GridOneThread() => Grid(_one);

    [Benchmark(Description = "grid, LocalExecutor 2 threads (per scenario)", OperationsPerInvoke = Scenarios)]
    public int GridTwoThreads() => Grid(_two);

    private int Grid(LocalExecutor executor)
    {
        var n = 0;
        var batches = _job.Batches(GridRunner.BatchSize(Scenarios, executor.Threads));
        executor.RunAsync(_job, batches, (_, r) => { n += r.Count; return ValueTask.CompletedTask; }, CancellationToken.None).GetAwaiter().GetResult();
        return n == Scenarios ? n : throw new InvalidOperationException($"{n} scenarios came back of {Scenarios}");
    }

    [Benchmark(Description = "one remic run: load the deal file + run one scenario")]
    public int SingleRunWithLoad() => DealRunner.Run(DealLoader.LoadText(_text, _file), _scenario).Periods.Count;

    [Benchmark(Description = "one scenario: DealRunner.Run alone (collateral + waterfall)")]
    public int SingleRun() => DealRunner.Run(_deal, _scenario).Periods.Count;
}
