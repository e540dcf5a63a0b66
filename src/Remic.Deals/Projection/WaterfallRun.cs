using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Projection;

/// <summary>
/// One deal's waterfall, run scenario after scenario by one caller (a grid worker, an OAS path loop) with nothing
/// allocated per scenario once every month has run once: the run owns its store of results (one
/// <see cref="PeriodResult{T}"/> and next <see cref="DealState{T}"/> per month, month × class arrays), its working
/// ledger, the collections it folds over and the projection it returns, and refills them on every <see cref="Run(CollateralProjection, IReadOnlyDictionary{string, MonthlyVector}, bool)"/>.
/// The figures are those of <see cref="DealRunner.RunWaterfall"/>, bit for bit.
/// <para>The <see cref="DealProjection"/> a run returns, and every period and state in it, is a view of that store:
/// valid until the next run on this object (copy what you keep). Not thread-safe: one per deal per thread.</para>
/// </summary>
public sealed class WaterfallRun
{
    private readonly CompiledDeal<double> _d;
    private readonly Ledger<double> _ledger;
    private readonly DealState<double> _closing;
    private readonly GroupCashFlows[] _groups;
    private readonly MonthlyVector?[] _vectors;
    private PeriodResult<double>[] _results = [];
    private DealState<double>[] _states = [];
    private DateOnly[] _dates = [];
    private ProjectedCollections? _projected;
    private DealProjection? _view;
    private PeriodView? _periods;
    private CollateralRun? _collateral; // the deal's loans, projected by Run(Scenario) into buffers of its own

    /// <summary>A run of <paramref name="deal"/> (its PAC/TAC bands resolved once, here).</summary>
    public WaterfallRun(Deal deal)
    {
        Deal = PacSchedules.Resolve(deal);
        _d = CompiledDeal<double>.For(Deal);
        _ledger = new Ledger<double>(_d);
        _closing = DealState<double>.AtClosing(Deal); // never written: each date writes the next state
        _groups = new GroupCashFlows[Deal.Groups.Count];
        _vectors = new MonthlyVector?[_d.IndexNames.Length];
    }

    /// <summary>The deal as run (PAC/TAC bands resolved to schedules).</summary>
    public Deal Deal { get; }

    /// <summary>The deal under a scenario: its collateral projected (as <see cref="DealRunner.ProjectCollateral"/>, bit for bit, on the
    /// run's own <see cref="CollateralRun"/>: its <see cref="DealProjection.Collateral"/> is a view too), then the waterfall.</summary>
    public DealProjection Run(Scenario scenario, bool exerciseCall = false) =>
        Run((_collateral ??= DealRunner.CollateralRun(Deal)).Project(scenario), scenario.Indices, exerciseCall);

    /// <summary>
    /// The waterfall over a collateral projection of this deal: one distribution per month until the pool pays off or the
    /// clean-up call (with <paramref name="exerciseCall"/>) is exercised. The result is valid until the next run.
    /// </summary>
    public DealProjection Run(CollateralProjection collateral, IReadOnlyDictionary<string, MonthlyVector> indices, bool exerciseCall = false)
    {
        var count = Fold(collateral, indices, exerciseCall, null, out var calledAt);
        _periods ??= new PeriodView(this);
        _periods.Count = count;
        if (_view is null) _view = new DealProjection(Deal, collateral, _periods, calledAt);
        else _view.Reuse(collateral, calledAt);
        return _view;
    }

    /// <summary>A one-off run (what <see cref="DealRunner.RunWaterfall"/> does): results of its own, traces if asked.</summary>
    internal static DealProjection RunOnce(Deal deal, CollateralProjection collateral, IReadOnlyDictionary<string, MonthlyVector> indices,
        bool exerciseCall, TracePeriods? trace)
    {
        var run = new WaterfallRun(deal);
        List<Explain.PeriodTrace>? traces = trace is null ? null : [];
        var count = run.Fold(collateral, indices, exerciseCall, trace is null ? null : (trace, traces!), out var calledAt);
        return new DealProjection(run.Deal, collateral, run._results[..count], calledAt) { Traces = traces ?? [] };
    }

    private int Fold(CollateralProjection collateral, IReadOnlyDictionary<string, MonthlyVector> indices, bool exerciseCall,
        (TracePeriods Periods, List<Explain.PeriodTrace> Into)? trace, out int? calledAt)
    {
        var deal = Deal;
        var l = _ledger;
        var cutoff = 0.0;
        for (var g = 0; g < _groups.Length; g++)
        {
            _groups[g] = ProjectedCollections.GroupOf(collateral, deal.Groups[g].Name);
            cutoff += _groups[g].EndBalance[0];
        }
        var callAt = exerciseCall && deal.CleanUpCall is { } cleanUp ? (double)cleanUp.PercentOfCutoff / 100 * cutoff : -1;
        if (_projected is null) _projected = new ProjectedCollections(deal, collateral);
        else _projected.Reset(collateral);
        ResolveIndices(indices);
        Dates(collateral.Months);
        Grow(collateral.Months);
        calledAt = null;
        var state = _closing;
        var count = 0;
        for (var m = 1; m <= collateral.Months; m++)
        {
            var call = callAt >= 0 && CallNow(m, callAt); // the pool's balance is read only when a call is asked for
            _projected.Fill(m, call, l.Groups);
            l.Date = _dates[m];
            l.FinalDate = m == collateral.Months && collateral.Scenario.Months == 0; // the loans' end, not a projection cut short
            l.ActualDays = _dates[m].DayNumber - _dates[m - 1].DayNumber;
            for (var i = 0; i < _vectors.Length; i++)
            {
                l.Fixed[i] = _vectors[i] is not null;
                l.Fixings[i] = _vectors[i]?.At(m) ?? 0;
            }
            var r = _results[m - 1];
            if (r is null) r = _results[m - 1] = new PeriodResult<double>(_d.NClasses, _d.NGroups);
            else r.Clear(_d);
            var next = _states[m - 1] ??= DealState<double>.Blank(_d.NClasses, _d.NGroups);
            var recorder = trace is { } t && t.Periods.Includes(m) ? new TraceRecorder<double>(_d) : null;
            Waterfall.Waterfall.Distribute(l, state, r, next, recorder);
            if (recorder is not null) trace!.Value.Into.Add(recorder.Finish(r));
            count = m;
            state = next;
            if (call) { calledAt = m; break; }
            if (m > 1 && PaidOff(m)) break;
        }
        return count;
    }

    /// <summary>The clean-up call is exercised at month m: the pool's balance at the month's start is at or below the call's level.</summary>
    private bool CallNow(int m, double callAt)
    {
        var begin = 0.0;
        foreach (var g in _groups) begin += g.BeginBalance[m];
        return begin <= callAt + 1e-9 && begin > 0;
    }

    /// <summary>Every group ends month m under half a cent (the first group that does not ends the test).</summary>
    private bool PaidOff(int m)
    {
        foreach (var g in _groups)
            if (!(g.EndBalance[m] <= 0.005)) return false;
        return true;
    }

    /// <summary>
    /// Each index the deal reads, from the run's vectors: the names compare case-insensitively and, as with
    /// <see cref="DealRunner.Market(Deal, int, IReadOnlyDictionary{string, MonthlyVector})"/>, of two spellings the later wins.
    /// </summary>
    private void ResolveIndices(IReadOnlyDictionary<string, MonthlyVector> indices)
    {
        Array.Clear(_vectors);
        if (_vectors.Length == 0 || indices.Count == 0) return;
        if (indices is Dictionary<string, MonthlyVector> dict) // its struct enumerator: nothing allocated
            foreach (var (k, v) in dict) Match(k, v);
        else
            foreach (var (k, v) in indices) Match(k, v);
    }

    private void Match(string name, MonthlyVector v)
    {
        for (var i = 0; i < _vectors.Length; i++)
            if (string.Equals(name, _d.IndexNames[i], StringComparison.OrdinalIgnoreCase)) _vectors[i] = v;
    }

    /// <summary>Distribution dates 1..months (index 0: the closing date, period 1's prior date), computed once per run object.</summary>
    private void Dates(int months)
    {
        if (_dates.Length > months) return;
        var md = Deal.Metadata;
        var dates = new DateOnly[months + 1];
        dates[0] = md.ClosingDate;
        for (var m = 1; m <= months; m++) dates[m] = md.DistributionDate(m);
        _dates = dates;
    }

    private void Grow(int months)
    {
        if (_results.Length >= months) return;
        Array.Resize(ref _results, months);
        Array.Resize(ref _states, months);
    }

    /// <summary>The run's first <see cref="Count"/> results, in period order.</summary>
    private sealed class PeriodView(WaterfallRun run) : IReadOnlyList<PeriodResult<double>>
    {
        public int Count { get; set; }

        public PeriodResult<double> this[int index] =>
            (uint)index < (uint)Count ? run._results[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<PeriodResult<double>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return run._results[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
