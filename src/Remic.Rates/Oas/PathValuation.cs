using System.Runtime.CompilerServices;
using Remic.Collateral;
using Remic.Collateral.PrepayModel;
using Remic.Core;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Rates.Model;

namespace Remic.Rates.Oas;

/// <summary>
/// The deal as the OAS engine runs it on one rate path: the prepayment model along the path's mortgage rate
/// (10-year rate + spread), LIBOR_1MO from the path's 1-month rate, the collateral projected on the calling thread,
/// the waterfall over it. Read-only after construction: threads share it.
/// </summary>
internal sealed class PathValuation
{
    public Deal Deal { get; }
    public LoanPool Pool { get; }
    public PpcRamp Ramp { get; }
    public PrepayModelParameters Model { get; }
    /// <summary>Period index (1-based) of the first distribution after settlement.</summary>
    public int FirstPeriod { get; }
    /// <summary>Periods projected (the longest loan's remaining months).</summary>
    public int Periods { get; }
    /// <summary>τ_j (years, 30/360 from settlement) of periods FirstPeriod.. Periods; grid point j = period − FirstPeriod + 1.</summary>
    public double[] Times { get; }
    public bool[] FirstResidual { get; }
    private readonly IReadOnlyDictionary<string, double> _strips;
    private readonly IReadOnlyDictionary<string, MonthlyVector> _baseIndices;
    private readonly AdvancingConvention? _advance;

    public PathValuation(Deal deal, DateOnly settle, PpcRamp ramp, PrepayModelParameters model)
    {
        Deal = deal;
        Ramp = ramp;
        Model = model with { FirstCalendarMonth = deal.Metadata.FirstDistributionDate.Month };
        Pool = new LoanPool(deal.Groups.SelectMany(g => g.Loans).ToList());
        _strips = deal.Groups.Where(g => g.StripRate is not null).ToDictionary(g => g.Name, g => (double)g.StripRate!.Value / 100);
        _baseIndices = deal.Assumptions.Indices.ToDictionary(kv => kv.Key, kv => MonthlyVector.Flat((double)kv.Value / 100), StringComparer.OrdinalIgnoreCase);
        _advance = deal.Metadata.Advancing;
        Periods = Math.Max(Pool.MaxMonthsToPayoff(), 1);
        FirstPeriod = 1;
        while (FirstPeriod <= Periods && deal.Metadata.DistributionDate(FirstPeriod) <= settle) FirstPeriod++;
        if (FirstPeriod > Periods)
            throw new RemicInputException("--settle", 0, "", settle.ToString("yyyy-MM-dd"), "a settlement date before the deal's last projected distribution");
        Times = new double[Periods - FirstPeriod + 1];
        for (var k = FirstPeriod; k <= Periods; k++)
            Times[k - FirstPeriod] = DayCounts.Days(DayCount.Thirty360, settle, deal.Metadata.DistributionDate(k)) / 360.0;
        FirstResidual = Enumerable.Range(0, deal.Classes.Count).Select(c => ClassFlows.IsFirstResidual(deal, c)).ToArray();
    }

    public int Classes => Deal.Classes.Count;

    /// <summary>The pool's loans projected path after path into buffers of their own (one per thread): see <see cref="Run"/>.</summary>
    public CollateralRun CollateralRun() => new(Pool, _strips);

    /// <summary>The deal's waterfall along one simulated path; with <paramref name="reuse"/> and <paramref name="collateral"/>
    /// (one each per thread) the result is a view valid until their next path, and nothing is allocated per path by the
    /// waterfall or the collateral projection (the same figures, bit for bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DealProjection Run(RatePath path, WaterfallRun? reuse = null, CollateralRun? collateral = null)
    {
        var points = path.TenYear.Length;
        var mortgage = new double[points];
        for (var j = 0; j < points; j++) mortgage[j] = path.TenYear[j] * 100 + Model.MortgageSpread;
        var indices = new Dictionary<string, MonthlyVector>(_baseIndices, StringComparer.OrdinalIgnoreCase) { ["LIBOR_1MO"] = Libor(path) };
        var prepay = new RateDrivenPrepay(Model, Ramp, mortgage);
        var scenario = new Scenario { Prepay = new Speed("rate-driven model", SpeedKind.Prepayment, prepay), Indices = indices, Advance = _advance };
        var projected = collateral?.Project(scenario) ?? Projector.Project(Pool, scenario, _strips, ProjectionOptions.SingleThread);
        return reuse is null ? DealRunner.RunWaterfall(Deal, projected, indices) : reuse.Run(projected, indices);
    }

    /// <summary>
    /// The deal at its pricing speed (100 PPC of the ramp) and its index assumptions, as the CM book runs it; a deal file
    /// without a LIBOR_1MO assumption takes the forward curve's 1-month rates (<paramref name="forward"/>, the σ = 0 path).
    /// </summary>
    public DealProjection RunPricingSpeed(RatePath forward)
    {
        var indices = _baseIndices;
        if (!indices.ContainsKey("LIBOR_1MO"))
            indices = new Dictionary<string, MonthlyVector>(_baseIndices, StringComparer.OrdinalIgnoreCase) { ["LIBOR_1MO"] = Libor(forward) };
        return DealRunner.Run(Deal, new Scenario { Prepay = Speed.Prepay("100 PPC", Ramp), Indices = indices, Advance = _advance });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private MonthlyVector Libor(RatePath path)
    {
        var points = path.OneMonth.Length;
        var libor = new double[Periods];
        for (var n = 1; n <= Periods; n++) libor[n - 1] = path.OneMonth[Math.Clamp(n - FirstPeriod, 0, points - 1)];
        return new MonthlyVector(libor);
    }
}
