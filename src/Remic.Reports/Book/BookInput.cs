using Remic.Analytics;
using Remic.Collateral;

namespace Remic.Reports.Book;

/// <summary>
/// Everything the Computational Materials book needs, in a shape any cash-flow source can fill: the deal's
/// particulars and classes, the collateral (a loan tape for strats, or group summaries), the speeds and prices
/// to tabulate, and <see cref="Run"/>, which projects one scenario (the deal engine, or a pass-through of the
/// collateral until the engine exists).
/// </summary>
public sealed record BookInput
{
    public required string Title { get; init; }
    /// <summary>Trust, depositor, underwriter, cut-off / closing / settlement dates..., printed in order.</summary>
    public IReadOnlyList<BookLine> Metadata { get; init; } = [];
    public required IReadOnlyList<BookClass> Classes { get; init; }
    /// <summary>The loans, for the collateral summary and strat tables (empty: use <see cref="GroupSummaries"/>).</summary>
    public IReadOnlyList<Loan> Loans { get; init; } = [];
    public IReadOnlyList<BookGroupSummary> GroupSummaries { get; init; } = [];
    /// <summary>Where <see cref="Loans"/> come from when they are not the projected loans (a strats-only tape): a note under the collateral summary.</summary>
    public string? StratsSource { get; init; }
    /// <summary>Prepayment speeds, one column each (e.g. 0, 50, 75, 100, 125, 150, 200 PPC).</summary>
    public required IReadOnlyList<Speed> Speeds { get; init; }
    /// <summary>The speed the cash flow tables, WALs and loss scenarios run at (a deal's book: 100% of its Prepayment
    /// Assumption, <see cref="DealBook.PricingSpeed"/>); null: the middle of <see cref="Speeds"/>.</summary>
    public Speed? PricingSpeed { get; init; }
    /// <summary>Prices for every offered class without its own in <see cref="ClassPrices"/>.</summary>
    public IReadOnlyList<Price32> Prices { get; init; } = DefaultPrices;
    public IReadOnlyDictionary<string, IReadOnlyList<Price32>> ClassPrices { get; init; } = new Dictionary<string, IReadOnlyList<Price32>>();
    public required DateOnly Settlement { get; init; }
    public required Func<ScenarioRequest, ScenarioResult> Run { get; init; }
    /// <summary>Runs a scenario with the clean-up call exercised: price tables get a to-call column per speed. Null: no call.</summary>
    public Func<ScenarioRequest, ScenarioResult>? RunToCall { get; init; }
    /// <summary>Each class's price-exhibit header block (balance, coupon, delay, dates, WAC/NET/WAM/WALA, index terms).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BookLine>> ClassHeaders { get; init; } = new Dictionary<string, IReadOnlyList<BookLine>>();
    public LossGrid Loss { get; init; } = LossGrid.Default;
    /// <summary>The index paths the runner uses (annual fractions), for the index sensitivity's row labels; empty when none.</summary>
    public IReadOnlyDictionary<string, Remic.Core.MonthlyVector> Indices { get; init; } = new Dictionary<string, Remic.Core.MonthlyVector>();
    /// <summary>The deal has a clean-up call: the loss scenarios (and breakeven CDRs) run to it, and say "Call (Y)".</summary>
    public bool CleanUpCall { get; init; }

    /// <summary>Nine prices centred on par: 98-00 to 102-00 in half points (16/32).</summary>
    public static readonly IReadOnlyList<Price32> DefaultPrices =
        Enumerable.Range(0, 9).Select(k => new Price32(98m + k * 0.5m)).ToArray();

    public Speed Pricing => PricingSpeed ?? Speeds[Speeds.Count / 2];

    public IReadOnlyList<Price32> PricesFor(string className) =>
        ClassPrices.TryGetValue(className, out var p) ? p : Prices;
}
