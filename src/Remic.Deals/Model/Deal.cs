namespace Remic.Deals.Model;

/// <summary>
/// A whole deal as written in its YAML file: who the parties are, the loan groups, the classes, the
/// priority of payments and the derivatives. Pure data; <see cref="Waterfall.Waterfall"/> interprets it.
/// </summary>
public sealed record Deal
{
    public required DealMetadata Metadata { get; init; }
    public required IReadOnlyList<LoanGroupSpec> Groups { get; init; }
    public required IReadOnlyList<ClassSpec> Classes { get; init; }
    public required IReadOnlyList<Step> Waterfall { get; init; }
    public ShiftingInterestSpec? ShiftingInterest { get; init; }
    public LossAllocationSpec Losses { get; init; } = new();
    public IReadOnlyList<CorridorSpec> Corridors { get; init; } = [];
    public CleanUpCallSpec? CleanUpCall { get; init; }
    public CrossCollateralSpec? CrossCollateral { get; init; }
    /// <summary>What the deal's pricing assumed (index levels); empty when the file gives none.</summary>
    public PricingAssumptions Assumptions { get; init; } = new();
    /// <summary>The deal file's <c>strats_tape</c> as written (relative to the deal file); null when it has none.</summary>
    public string? StratsTapePath { get; init; }
    /// <summary>The loans of <see cref="StratsTapePath"/>: for the collateral strats only (projections use <see cref="Groups"/>).</summary>
    public IReadOnlyList<Remic.Collateral.Loan> StratsLoans { get; init; } = [];
    /// <summary>Lines (and psa:/note:) of the classes, groups and sections in the deal file, for explanations.</summary>
    public DealSources Sources { get; init; } = DealSources.None;
    /// <summary>Deal file the deal came from (for messages); empty for deals built in code.</summary>
    public string SourceFile { get; init; } = "";

    public int GroupIndex(string name)
    {
        for (var i = 0; i < Groups.Count; i++) if (Groups[i].Name == name) return i;
        return -1;
    }

    public int ClassIndex(string name)
    {
        for (var i = 0; i < Classes.Count; i++) if (Classes[i].Name == name) return i;
        return -1;
    }
}

/// <summary>The cover page of the prospectus supplement, plus the settlement date analytics price to.</summary>
public sealed record DealMetadata
{
    public required string TrustName { get; init; }
    public string Series { get; init; } = "";
    public string Depositor { get; init; } = "";
    public IReadOnlyList<string> Sellers { get; init; } = [];
    public string MasterServicer { get; init; } = "";
    public string Trustee { get; init; } = "";
    public string Underwriter { get; init; } = "";
    public required DateOnly CutoffDate { get; init; }
    public required DateOnly ClosingDate { get; init; }
    public required DateOnly FirstDistributionDate { get; init; }
    /// <summary>Day of the month distributions are made (25 for CWALT; next business day if not one).</summary>
    public int DistributionDay { get; init; } = 25;
    /// <summary>"last_business_day_of_prior_month" (fixed classes) or "business_day_before_distribution" (floaters).</summary>
    public string RecordDateRule { get; init; } = "last_business_day_of_prior_month";
    public DateOnly? SettlementDate { get; init; }
    /// <summary>The prospectus's 100% PPC ("Prepayment Assumption"); null when the file does not give one.</summary>
    public Remic.Collateral.PpcRamp? PrepaymentAssumption { get; init; }
    /// <summary>
    /// What the master servicer advances on delinquent loans until liquidation (deal file <c>advancing:</c> pi | interest |
    /// none); null when the file does not say, and a run then uses interest advancing unless the scenario says otherwise.
    /// </summary>
    public Remic.Collateral.AdvancingConvention? Advancing { get; init; }

    /// <summary>Distribution date of period n (1 = first distribution). Business-day rolling is the trustee's job.</summary>
    public DateOnly DistributionDate(int n)
    {
        var d = FirstDistributionDate.AddMonths(n - 1);
        return new DateOnly(d.Year, d.Month, Math.Min(DistributionDay, DateTime.DaysInMonth(d.Year, d.Month)));
    }
}

/// <summary>
/// The market levels the deal's pricing assumed: index levels by name, annual percents (LIBOR_1MO: 1.10).
/// Commands use them for any index not set on the command line.
/// </summary>
public sealed record PricingAssumptions
{
    public IReadOnlyDictionary<string, decimal> Indices { get; init; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
}
