using BenchmarkDotNet.Attributes;
using Remic.Collateral;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Remittance;
using Remic.Trustee.Simulation;
using Remic.Trustee.Waterfall;

namespace Remic.Bench;

/// <summary>
/// The trustee's month on a 10,000-loan deal (examples/sample/deal.yaml with its rep lines standing for 10,000
/// loans): import and validate the servicer's loan-level remittance, then close the period through the real
/// waterfall, on a SQLite ledger in a temp file (WAL, synchronous=FULL). Each iteration starts from a freshly
/// registered deal (not timed). Few iterations: the machine is shared.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class TrusteeBenchmarks
{
    public const int Loans = 10_000;
    private DealRegistration _reg = null!;
    private string _csv = null!;
    private string _dir = null!;
    private LedgerDb _db = null!;
    private WaterfallCalculator _calculator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        var text = File.ReadAllText(Path.Combine(dir!.FullName, "examples", "sample", "deal.yaml"))
            .Replace("loan_count: 50 }", "loan_count: 1200 }").Replace("loan_count: 180 }", "loan_count: 4800 }")
            .Replace("loan_count: 25 }", "loan_count: 500 }").Replace("loan_count: 160 }", "loan_count: 3500 }");
        var deal = Remic.Deals.Loading.DealLoader.LoadText(text, "bench-deal.yaml");
        _reg = DealFile.Registration(deal, "bench-deal.yaml", text);
        if (_reg.Loans.Count != Loans) throw new InvalidOperationException($"{_reg.Loans.Count} loans, expected {Loans}");
        _calculator = new WaterfallCalculator(deal);
        var options = new SimulationOptions(1, Speed.Prepay("100 PPC"), Speed.Default("2 CDR"), 0.40m, 0, 0.03m, 1);
        _csv = new RemittanceSimulator(_reg.Loans, _reg.FirstPeriod, options).Run().Single().Csv;
    }

    [IterationSetup]
    public void FreshLedger()
    {
        _dir = Directory.CreateTempSubdirectory("remic-bench-").FullName;
        _db = LedgerDb.Open(LedgerTarget.Parse(Path.Combine(_dir, "remic.db")));
        DealRegistry.Register(_db, _reg, "bench");
    }

    [IterationCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "import + close one month, 10,000 loans, SQLite")]
    public CloseResult ImportAndClose()
    {
        RemittanceImporter.Import(_db, _reg.DealId, _reg.FirstPeriod, "remittance.csv", _csv, "bench");
        return new PeriodCloser(_db, _calculator).Close(_reg.DealId, _reg.FirstPeriod, new(), "bench");
    }
}
