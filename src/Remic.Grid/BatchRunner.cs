using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Grid;

/// <summary>
/// A job's deal made ready to run: loaded once from its <see cref="GridDeal"/> (never re-parsed per scenario), its
/// speeds read against the deal's own 100% PPC ramp, one index set per index path, its settlement date.
/// </summary>
public sealed class PreparedDeal
{
    /// <summary>The level of an index neither an index path nor the deal file's assumptions give: 1.1%, as <c>remic price</c> and <c>remic cm</c> assume.</summary>
    public const double DefaultIndexRate = 0.011;

    public Deal Deal { get; }
    public string Hash { get; }
    public Speed[] Prepay { get; }
    public Speed[] Default { get; }
    public MonthlyVector[] Severity { get; }
    public IReadOnlyDictionary<string, MonthlyVector>[] Indices { get; }
    public DateOnly Settle { get; }

    public PreparedDeal(GridJob job, int d)
    {
        var gd = job.Deals[d];
        Hash = gd.Hash;
        Deal = gd.Load();
        var ramp = Deal.Metadata.PrepaymentAssumption ?? PpcRamp.CwaltFixed;
        var a = job.Axes;
        Prepay = a.Prepay.Select(t => Speed.Prepay(t, ramp, "--prepay")).ToArray();
        Default = a.Default.Select(t => Speed.Default(t, "--default")).ToArray();
        Severity = a.Severity.Select(s => MonthlyVector.Flat(s / 100)).ToArray();
        var used = DealIndices.Used(Deal);
        Indices = a.IndexPaths.Count == 0
            ? [IndicesOf(Deal, used, null)]
            : a.IndexPaths.Select(p => IndicesOf(Deal, used, p)).ToArray();
        var md = Deal.Metadata;
        Settle = job.Settle ?? md.SettlementDate ?? md.ClosingDate;
        if (Settle < md.ClosingDate)
            throw new RemicInputException("--settle", 0, "", Settle.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                $"the settlement date must be on or after the closing date {md.ClosingDate:yyyy-MM-dd} of {gd.File}");
    }

    /// <summary>The path for every index the deal uses; without a path, the deal file's assumed levels, else <see cref="DefaultIndexRate"/>.</summary>
    private static IReadOnlyDictionary<string, MonthlyVector> IndicesOf(Deal deal, IReadOnlyList<string> used, GridIndexPath? path)
    {
        var all = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
        if (path is not null)
        {
            var v = new MonthlyVector(path.Percents.Select(p => p / 100).ToArray());
            foreach (var name in used) all[name] = v;
        }
        foreach (var (name, level) in deal.Assumptions.Indices) all.TryAdd(name, MonthlyVector.Flat((double)level / 100));
        foreach (var name in used) all.TryAdd(name, MonthlyVector.Flat(DefaultIndexRate));
        return all;
    }

    private WaterfallRun? _run;

    /// <summary>
    /// This deal's waterfall (and collateral) run, reused scenario after scenario by the worker that prepared the deal
    /// (a <see cref="GridDealCache"/> is one worker's): after its first scenarios a run allocates nothing for the
    /// waterfall. Not thread-safe, as the cache is not.
    /// </summary>
    public WaterfallRun Run => _run ??= new WaterfallRun(Deal);

    private DealClassFigures? _figures;

    /// <summary>The buffers the worker's per-class figures are computed in, reused as <see cref="Run"/> is (not thread-safe).</summary>
    public DealClassFigures Figures => _figures ??= new DealClassFigures();

    /// <summary>The scenario the grid runs at <paramref name="s"/>.</summary>
    public Scenario ScenarioAt(GridScenario s) => ScenarioAt(s, 0);

    /// <summary>A scenario's defaults, built once: a grid's scenario is a copy of it (one small object, where <c>new</c> would
    /// also build the defaults its axes replace).</summary>
    private static readonly Scenario Blank = new();

    /// <summary>The scenario the grid runs at <paramref name="s"/>, its recovery lag <paramref name="lag"/> months.</summary>
    public Scenario ScenarioAt(GridScenario s, int lag) => Blank with
    {
        Prepay = Prepay[s.Prepay], Default = Default[s.Default], Severity = Severity[s.Severity],
        RecoveryLag = lag, Indices = Indices[s.Path],
    };
}

/// <summary>
/// The deals one worker has prepared, by content hash: a worker (thread, silo) keeps one and passes it to every
/// <see cref="BatchRunner.Run"/> call so a deal's YAML is parsed once per worker. Not thread-safe: one per thread.
/// </summary>
public sealed class GridDealCache
{
    private readonly Dictionary<string, PreparedDeal> deals = new(StringComparer.Ordinal);
    private string? jobHash;

    public PreparedDeal For(GridJob job, int d)
    {
        if (jobHash != job.Hash) { deals.Clear(); jobHash = job.Hash; } // a new job may have other axes
        var key = job.Deals[d].Hash + "#" + d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!deals.TryGetValue(key, out var p)) deals[key] = p = new PreparedDeal(job, d);
        return p;
    }
}

/// <summary>
/// Runs a batch of a grid: for each scenario the deal's collateral and waterfall (on the worker's reused
/// <see cref="PreparedDeal.Run"/>: the figures of <see cref="DealRunner.Run"/>, bit for bit, read before its next run), and
/// for each class the figures <c>remic run</c> and <c>remic price</c> print for the same scenario: the WAL and the
/// principal window from settlement (<see cref="BondAnalytics.Wal"/>, <see cref="PrincipalWindow"/>), the yield at the
/// job's price (<see cref="BondAnalytics.Yield"/>), the writedowns (<see cref="DealClassFlows"/>), and the
/// collateral's realised loss. Pure and deterministic: the result depends on the job and the batch only.
/// </summary>
public static class BatchRunner
{
    /// <param name="ct">Checked before each scenario, so a cancelled run stops within one scenario's time.</param>
    public static GridBatchResult Run(GridJob job, GridBatch batch, GridDealCache? cache = null, CancellationToken ct = default)
    {
        if (batch.Deal < 0 || batch.Deal >= job.Deals.Count) throw new ArgumentOutOfRangeException(nameof(batch), batch, "a deal of the job");
        if (batch.Count < 1 || batch.First < 0 || batch.First + batch.Count > job.Space.Count)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"scenarios within 0..{job.Space.Count - 1}");
        var p = (cache ?? new GridDealCache()).For(job, batch.Deal);
        var deal = p.Deal;
        var k = deal.Classes.Count;
        var result = new GridBatchResult(batch.Deal, batch.First, batch.Count, k);
        var price = job.CleanPrice;
        for (var i = 0; i < batch.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var s = job.Space.At(batch.First + i);
            var scenario = p.ScenarioAt(s, job.Axes.Lag[s.Lag]);
            var call = job.Axes.Call[s.Call] && deal.CleanUpCall is not null;
            var run = p.Run.Run(scenario, call); // a view, valid until the next scenario: read here
            Figures(run, p, price, result, i);
        }
        return result;
    }

    private static void Figures(DealProjection run, PreparedDeal p, double? price, GridBatchResult r, int i)
    {
        var deal = run.Deal;
        var k = deal.Classes.Count;
        var figures = p.Figures;
        figures.Begin(run, p.Settle);
        for (var c = 0; c < k; c++)
        {
            var row = i * k + c;
            if (!figures.Load(c)) { ClassFigures(run, c, p.Settle, price, r, row); continue; } // the existing path reports what is wrong
            r.Wal[row] = figures.Wal();
            figures.Window(out var first, out var last);
            r.WindowFirst[row] = first?.DayNumber ?? -1;
            r.WindowLast[row] = last?.DayNumber ?? -1;
            var writedown = figures.IsNotional ? 0 : figures.TotalLoss - figures.LossReimbursed;
            if (writedown <= PrincipalWindow.Dust) writedown = 0; // float dust of the waterfall's arithmetic, not a loss
            var original = (double)deal.Classes[c].OriginalBalance;
            r.WritedownPct[row] = figures.IsNotional ? 0 : original > 0 ? writedown / original * 100 : 0;
            r.FirstLoss[row] = writedown > 0;
            r.Yield[row] = price is { } px ? YieldAt(figures, px) : double.NaN;
        }
        CollateralFigures(run, r, i);
    }

    /// <summary>
    /// One class's figures through the Analytics API (<see cref="DealClassFlows"/>, <see cref="SettledFlows"/>): what
    /// <see cref="DealClassFigures"/> computes without allocating, and the path for flows it leaves to that API.
    /// </summary>
    internal static void ClassFigures(DealProjection run, int c, DateOnly settle, double? price, GridBatchResult r, int row)
    {
        var f = DealClassFlows.Of(run, c);
        // A class that has paid off by settlement (or holds nothing then) receives nothing: no WAL, window or yield
        // (docs/grid.md), its writedowns still those of its life.
        var s = Accrual.Receivable(f, settle) ? new SettledFlows(f, settle) : null;
        var any = s is not null && s.First < f.Count;
        r.Wal[row] = any ? BondAnalytics.Wal(s!) : double.NaN;
        var w = s is null ? null : PrincipalWindow.Of(f, s.First);
        r.WindowFirst[row] = w?.First?.DayNumber ?? -1;
        r.WindowLast[row] = w?.Last?.DayNumber ?? -1;
        var writedown = f.IsNotional ? 0 : f.TotalLoss - f.LossReimbursed;
        if (writedown <= PrincipalWindow.Dust) writedown = 0; // float dust of the waterfall's arithmetic, not a loss
        var original = (double)run.Deal.Classes[c].OriginalBalance;
        r.WritedownPct[row] = f.IsNotional ? 0 : original > 0 ? writedown / original * 100 : 0;
        r.FirstLoss[row] = writedown > 0;
        r.Yield[row] = price is { } px && any ? YieldAt(s!, px) : double.NaN;
    }

    /// <summary>The scenario's collateral loss: realised losses up to the call (if exercised), currency and percent of the cut-off balance.</summary>
    internal static void CollateralFigures(DealProjection run, GridBatchResult r, int i)
    {
        var months = run.CalledAt ?? int.MaxValue;
        double loss = 0, cutoff = 0;
        var groups = run.Collateral.Groups;
        for (var j = 0; j < groups.Count; j++) cutoff += groups[j].EndBalance[0];
        for (var j = 0; j < groups.Count; j++)
        {
            var g = groups[j];
            for (var m = 1; m < g.RealizedLoss.Length && m <= months; m++) loss += g.RealizedLoss[m];
        }
        r.CollateralLoss[i] = loss;
        r.CollateralLossPct[i] = cutoff > 0 ? loss / cutoff * 100 : 0;
    }

    /// <summary>The bond-equivalent yield in percent; NaN when the class pays nothing after settlement or no yield solves.</summary>
    private static double YieldAt(SettledFlows s, double price)
    {
        if (!(s.TotalCash > 0) || !(s.Balance > 0)) return double.NaN;
        try { return BondAnalytics.Yield(s, price) * 100; }
        catch (Exception e) when (e is ArgumentException or ArithmeticException) { return double.NaN; }
    }

    /// <summary>As <see cref="YieldAt(SettledFlows, double)"/>, on the class <paramref name="f"/> has loaded.</summary>
    private static double YieldAt(DealClassFigures f, double price)
    {
        if (!(f.TotalCash > 0) || !(f.Balance > 0)) return double.NaN;
        try { return f.TryYield(price, out var y) ? y * 100 : double.NaN; } // no yield: NaN, without an exception per class
        catch (Exception e) when (e is ArgumentException or ArithmeticException) { return double.NaN; }
    }
}
