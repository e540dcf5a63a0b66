using Remic.Collateral;
using Remic.Collateral.PrepayModel;
using Remic.Deals.Model;
using Remic.Rates.Curves;
using Remic.Rates.Model;

namespace Remic.Rates.Oas;

/// <summary>A class to value: at a clean price (percent) → its OAS, or at an OAS (bp) → its price.</summary>
public sealed record OasQuote(string ClassName, double? CleanPrice = null, double? OasBp = null);

/// <summary>An OAS run: the deal, the curve, the Hull-White parameters, the prepayment model, the paths.</summary>
public sealed record OasRequest
{
    public required Deal Deal { get; init; }
    public required ZeroCurve Curve { get; init; }
    public required IReadOnlyList<OasQuote> Quotes { get; init; }
    /// <summary>Hull-White mean reversion a, per year.</summary>
    public double MeanReversion { get; init; } = 0.03;
    /// <summary>Hull-White σ, absolute per √year (0.01 = 100 bp a year).</summary>
    public double Volatility { get; init; } = 0.01;
    public int Paths { get; init; } = 1000;
    public PathMethod Method { get; init; } = PathMethod.Antithetic;
    public ulong Seed { get; init; } = 1;
    /// <summary>The prepayment model; its FirstCalendarMonth is set from the deal's first distribution date.</summary>
    public PrepayModelParameters Model { get; init; } = new();
    /// <summary>Settlement date; default the deal file's, else its closing date.</summary>
    public DateOnly? Settle { get; init; }
    /// <summary>The PPC ramp (turnover's seasoning and the pricing speed); default the deal's Prepayment Assumption.</summary>
    public PpcRamp? Ramp { get; init; }
    /// <summary>Threads the paths run on; the figures do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Effective duration and convexity (two more runs of every path on the shifted curves).</summary>
    public bool Durations { get; init; } = true;
    /// <summary>
    /// Moment-match the paths to the curve: scale each month's discounted cash so the paths' mean discount factor is the
    /// curve's (see <see cref="PathSimulation"/>); off, the raw Monte Carlo means are used.
    /// </summary>
    public bool MatchCurve { get; init; } = true;
    /// <summary>The parallel shift of the par curve for effective duration and convexity, bp.</summary>
    public double ShiftBp { get; init; } = 25;
}

/// <summary>Quantiles of a class's WAL over the paths, years.</summary>
public sealed record WalDistribution(double Mean, double P5, double P25, double P50, double P75, double P95);

/// <summary>
/// One class's OAS figures. Spreads in bp, continuously compounded over the zero curve; prices in percent of the
/// balance bought; durations in years; convexity on the Intex/Bloomberg scale ((1/P)·∂²P/∂y² / 100).
/// </summary>
public sealed record OasClassResult
{
    public required string Class { get; init; }
    public double CleanPrice { get; init; }
    public double OasBp { get; init; }
    /// <summary>Standard error of the OAS (bp) and of the model price (points) from the path-to-path spread.</summary>
    public double OasSeBp { get; init; }
    public double PriceSe { get; init; }
    /// <summary>Z-spread of the flows projected along the forward curve (same prepayment model, rates at their forwards).</summary>
    public double ZForwardBp { get; init; }
    /// <summary>Z-spread of the flows at the deal's pricing speed (100 PPC) and its index assumptions.</summary>
    public double ZPricingBp { get; init; }
    /// <summary>Z (forward-curve flows) − OAS.</summary>
    public double OptionCostBp => ZForwardBp - OasBp;
    public double? EffectiveDuration { get; init; }
    public double? EffectiveConvexity { get; init; }
    /// <summary>The static modified duration at the pricing speed and this price (bond-equivalent yield).</summary>
    public double ModifiedDuration { get; init; }
    public double WalForward { get; init; }
    public double WalPricing { get; init; }
    public required WalDistribution Wal { get; init; }
}

public sealed record OasResult
{
    public required IReadOnlyList<OasClassResult> Classes { get; init; }
    public required DateOnly Settle { get; init; }
    public int Paths { get; init; }
    public PathMethod Method { get; init; }
    public ulong Seed { get; init; }
    public double MeanReversion { get; init; }
    public double Volatility { get; init; }
    public string Curve { get; init; } = "";
    public int Threads { get; init; }
    /// <summary>Wall-clock seconds of the base valuation's paths (projection + waterfall + discounting) and of the whole run.</summary>
    public double PathSeconds { get; init; }
    public double TotalSeconds { get; init; }
}
