namespace Remic.Collateral;

/// <summary>
/// One pool projected scenario after scenario by one caller (a grid worker, an OAS path loop) into buffers the run owns:
/// after the first projection of each length (months), nothing is allocated per scenario — the group and total series,
/// the parallel chunks' sums, the rate rows by cut-off age, the kernel's scratch and P&amp;I advancing's pockets are kept and
/// refilled. The figures are those of <see cref="Projector.Project"/> (any thread count, not the reference loop), bit for
/// bit: the same code runs on zeroed buffers, every conservation check included.
/// <para>The <see cref="CollateralProjection"/> a projection returns is a view of the run's buffers: valid until the next
/// <see cref="Project"/> on this object (copy what you keep). Runs on the calling thread; not thread-safe: one per pool
/// per thread (the pool itself is shared read-only).</para>
/// </summary>
public sealed class CollateralRun
{
    /// <summary>Projection lengths kept at once (a grid's lag axis gives one per lag); the oldest is dropped past this.</summary>
    private const int MaxShapes = 8;

    private readonly IReadOnlyDictionary<string, double>? _stripRates;
    private readonly AdvancingConvention? _advance;
    private readonly int _maxMonthsToPayoff;
    private readonly AgeRates _rates;
    private readonly List<Shape> _shapes = [];
    private readonly Dictionary<int, double[]> _pockets = new();
    private readonly Func<int, double[]> _pocketsOf;
    private LaneKernel.Scratch? _scratch;
    private Scenario? _lastAsked, _lastRun;

    /// <param name="stripRates">Optional Class PO/X strip rate (annual) per group name, as <see cref="Projector.Project"/> takes them.</param>
    /// <param name="advance">The advancing convention of a scenario that states none (a deal's <c>advancing:</c>); null: the scenario's own default.</param>
    public CollateralRun(LoanPool pool, IReadOnlyDictionary<string, double>? stripRates = null, AdvancingConvention? advance = null)
    {
        Pool = pool;
        _stripRates = stripRates;
        _advance = advance;
        _maxMonthsToPayoff = pool.MaxMonthsToPayoff();
        _rates = new AgeRates(pool);
        _pocketsOf = PocketsOf;
    }

    public LoanPool Pool { get; }

    /// <summary>
    /// The pool under <paramref name="scenario"/> (with the run's advancing convention when it states none): a view valid
    /// until the next call.
    /// </summary>
    public CollateralProjection Project(Scenario scenario)
    {
        if (scenario.Advance is null && _advance is { } advance)
        {
            // The same (immutable) scenario again, e.g. a benchmark's: its copy with the run's convention is the last one.
            if (!ReferenceEquals(scenario, _lastAsked)) (_lastAsked, _lastRun) = (scenario, scenario with { Advance = advance });
            scenario = _lastRun!;
        }
        var months = Projector.MonthsOf(scenario, _maxMonthsToPayoff);
        var shape = ShapeOf(months);
        if (shape.Used)
        {
            foreach (var s in shape.Sums) s.ClearAll();
            shape.Total.Clear();
        }
        shape.Used = true;
        _rates.Fill(scenario, months);
        _scratch ??= LaneKernel.Scratch.Rent(); // kept: pinned memory, the run's own from now on
        Projector.Loans(Pool, scenario, months, _rates, shape.Sums, ProjectionOptions.SingleThread, _pocketsOf, shape.Chunks, _scratch);
        Projector.Finish(shape.Sums, shape.Groups, shape.Total, scenario);
        shape.View.Reuse(scenario);
        return shape.View;
    }

    private double[] PocketsOf(int lag)
    {
        if (!_pockets.TryGetValue(lag, out var p)) _pockets[lag] = p = new double[3 * lag];
        return p;
    }

    private Shape ShapeOf(int months)
    {
        foreach (var s in _shapes) if (s.Months == months) return s;
        if (_shapes.Count == MaxShapes) _shapes.RemoveAt(0);
        var shape = new Shape(Pool, months, _stripRates);
        _shapes.Add(shape);
        return shape;
    }

    /// <summary>The buffers of projections <see cref="Months"/> long, and the view over them.</summary>
    private sealed class Shape
    {
        public int Months { get; }
        public GroupSums[] Sums { get; }
        public GroupCashFlows[] Groups { get; }
        public GroupCashFlows Total { get; }
        public ChunkSums Chunks { get; }
        public CollateralProjection View { get; }
        /// <summary>Projected into at least once (new sums are zero already).</summary>
        public bool Used { get; set; }

        public Shape(LoanPool pool, int months, IReadOnlyDictionary<string, double>? stripRates)
        {
            Months = months;
            Sums = pool.GroupNames.Select(g => new GroupSums(g, months, Projector.StripRateOf(stripRates, g))).ToArray();
            Groups = Sums.Select(a => a.Flows).ToArray();
            Total = new GroupCashFlows("total", months);
            Chunks = new ChunkSums(pool.Count > 0 ? pool.Lanes.Chunks.Length : 0, Sums.Length);
            var strips = new Dictionary<string, StripCashFlows>(StringComparer.Ordinal);
            foreach (var acc in Sums) if (acc.Strip is { } s) strips[acc.Flows.Group] = s;
            View = new CollateralProjection(new Scenario(), months, Groups, Total, strips);
        }
    }
}
