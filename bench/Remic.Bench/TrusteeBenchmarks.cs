using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Remic.Collateral;
using Remic.Core;
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

    /// <summary>examples/sample/deal.yaml with its rep lines scaled to stand for 10,000 loans.</summary>
    internal static (DealRegistration Registration, WaterfallCalculator Calculator) TenThousandLoanDeal()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        var text = File.ReadAllText(Path.Combine(dir!.FullName, "examples", "sample", "deal.yaml"))
            .Replace("loan_count: 50 }", "loan_count: 1200 }").Replace("loan_count: 180 }", "loan_count: 4800 }")
            .Replace("loan_count: 25 }", "loan_count: 500 }").Replace("loan_count: 160 }", "loan_count: 3500 }");
        var deal = Remic.Deals.Loading.DealLoader.LoadText(text, "bench-deal.yaml");
        var reg = DealFile.Registration(deal, "bench-deal.yaml", text);
        if (reg.Loans.Count != Loans) throw new InvalidOperationException($"{reg.Loans.Count} loans, expected {Loans}");
        return (reg, new WaterfallCalculator(deal));
    }

    [GlobalSetup]
    public void Setup()
    {
        (_reg, _calculator) = TenThousandLoanDeal();
        var options = new SimulationOptions(1, Speed.Prepay("100 PPC"), Speed.Default("2 CDR"), 0.40m, 0, 0.03m, 1);
        _csv = new RemittanceSimulator(_reg.Loans, _reg.FirstPeriod, options).Run().Single().Csv;
    }

    [IterationSetup]
    public void FreshLedger() => (_dir, _db) = RegisteredLedger(_reg, "remic-bench-");

    [IterationCleanup]
    public void Cleanup() => DeleteLedger(_dir);

    /// <summary>A new SQLite ledger in a temp folder with the deal registered (not timed by either benchmark).</summary>
    internal static (string Dir, LedgerDb Db) RegisteredLedger(DealRegistration reg, string prefix)
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        var db = LedgerDb.Open(LedgerTarget.Parse(Path.Combine(dir, "remic.db")));
        DealRegistry.Register(db, reg, "bench");
        return (dir, db);
    }

    internal static void DeleteLedger(string dir)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Benchmark(Description = "import + close one month, 10,000 loans, SQLite")]
    public CloseResult ImportAndClose()
    {
        RemittanceImporter.Import(_db, _reg.DealId, _reg.FirstPeriod, "remittance.csv", _csv, "bench");
        return new PeriodCloser(_db, _calculator).Close(_reg.DealId, _reg.FirstPeriod, new(), "bench");
    }
}

/// <summary>
/// Issue 6's second figure: the deal's whole life on the trustee's ledger. The same 10,000-loan deal is
/// registered on a fresh SQLite temp file (not timed), then every monthly remittance is imported and its
/// period closed, in order, through the real waterfall (timed as one operation). The remittances (360 months
/// asked at 100 PPC, 2 CDR, 40% severity, liquidation lag 6, 3% delinquency, seed 1) are simulated once
/// beforehand; the pool pays off first (359 months), so every month the simulator produced is closed, and
/// both counts are printed.
/// One long measurement (Monitoring, no warm-up, 1 iteration, 1 invocation): the machine is shared.
/// Not named *Trustee*: bench/run.sh runs those with its short job (10 runs of this, ~7 minutes); run it alone
/// with <c>--filter '*Sequence*'</c> from the repository root.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class LedgerSequenceBenchmarks
{
    public const int Months = 360;
    private DealRegistration _reg = null!;
    private WaterfallCalculator _calculator = null!;
    private (Period Period, string Csv)[] _remittances = null!;
    private string _dir = null!;
    private LedgerDb _db = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_reg, _calculator) = TrusteeBenchmarks.TenThousandLoanDeal();
        var options = new SimulationOptions(Months, Speed.Prepay("100 PPC"), Speed.Default("2 CDR"), 0.40m, 6, 0.03m, 1);
        _remittances = new RemittanceSimulator(_reg.Loans, _reg.FirstPeriod, options).Run().ToArray();
        Console.WriteLine($"// LedgerSequenceBenchmarks: {_remittances.Length} monthly remittances simulated " +
                          $"({_remittances[0].Period}..{_remittances[^1].Period}), {_remittances.Sum(r => (long)r.Csv.Length):N0} chars");
    }

    [IterationSetup]
    public void FreshLedger() => (_dir, _db) = TrusteeBenchmarks.RegisteredLedger(_reg, "remic-bench-seq-");

    [IterationCleanup]
    public void Cleanup() => TrusteeBenchmarks.DeleteLedger(_dir);

    [Benchmark(Description = "import + close every month in sequence, 10,000 loans, SQLite")]
    public int ImportAndCloseAllMonths()
    {
        var closer = new PeriodCloser(_db, _calculator);
        var closed = 0;
        foreach (var (period, csv) in _remittances)
        {
            RemittanceImporter.Import(_db, _reg.DealId, period, $"remittance-{period}.csv", csv, "bench");
            var result = closer.Close(_reg.DealId, period, new(), "bench");
            if (result.Outcome != CloseOutcome.Closed) throw new InvalidOperationException($"{period}: {result.Message}");
            closed++;
        }
        Console.WriteLine($"// LedgerSequenceBenchmarks: {closed} months closed");
        return closed;
    }
}
