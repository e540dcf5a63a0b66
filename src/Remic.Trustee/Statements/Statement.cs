using Remic.Trustee.Distribution;

namespace Remic.Trustee.Statements;

/// <summary>
/// A class's line on the monthly statement to certificateholders. Per-$1,000 figures are per $1,000 of original balance
/// (notional). A notional class has no principal, realized loss or accretion (always 0): its notional amount's change is
/// <see cref="NotionalChange"/>, and its balances are out of every balance and loss total (its interest is cash paid).
/// </summary>
public sealed record ClassLine(
    string Name, bool Notional, decimal OriginalBalance, decimal BeginningBalance, decimal Principal, decimal Interest,
    decimal InterestShortfall, decimal UnpaidInterest, decimal RealizedLoss, decimal EndingBalance, decimal? PassThroughRate,
    decimal PrincipalPer1000, decimal InterestPer1000, decimal EndingPer1000, decimal Accretion = 0m, decimal NotionalChange = 0m)
{
    /// <summary>Realised losses allocated to the class since the cut-off, net of subsequent-recovery write-ups.</summary>
    public decimal CumulativeRealizedLoss { get; init; }
    /// <summary>Part of <see cref="Interest"/> paid from a corridor contract.</summary>
    public decimal CorridorPaid { get; init; }
    /// <summary>Subsequent recoveries written up onto the class balance.</summary>
    public decimal WriteUp { get; init; }
    /// <summary>Net-rate cap (basis risk) shortfall carried forward unpaid after the distribution.</summary>
    public decimal CapShortfall { get; init; }
    /// <summary>The part of <see cref="InterestShortfall"/> from prepayment interest shortfalls (the rest: Relief Act, uncovered liquidated-loan interest).</summary>
    public decimal PrepaymentInterestShortfall { get; init; }
    /// <summary>The part of <see cref="InterestShortfall"/> from Relief Act shortfalls.</summary>
    public decimal ReliefActShortfall { get; init; }
    /// <summary>Credit enhancement: the balance of the classes subordinate to this one over all principal classes' balance (ending); null where not meaningful (notional, PO, residual).</summary>
    public decimal? CreditEnhancement { get; init; }
    /// <summary>The deal file's CUSIP and BNY-style class description (e.g. "Senior", "Strip IO"), when given.</summary>
    public string? Cusip { get; init; }
    public string? Description { get; init; }
}

/// <summary>The statement's total row: interest over every class (cash paid); balances, principal, loss and accretion over the classes with principal.</summary>
public sealed record ClassTotals(decimal BeginningBalance, decimal Principal, decimal Interest, decimal InterestShortfall, decimal UnpaidInterest,
    decimal RealizedLoss, decimal Accretion, decimal EndingBalance)
{
    public static ClassTotals Of(IReadOnlyList<ClassLine> classes)
    {
        var money = classes.Where(k => !k.Notional).ToArray();
        return new(money.Sum(k => k.BeginningBalance), money.Sum(k => k.Principal), classes.Sum(k => k.Interest), classes.Sum(k => k.InterestShortfall),
            classes.Sum(k => k.UnpaidInterest), money.Sum(k => k.RealizedLoss), money.Sum(k => k.Accretion), money.Sum(k => k.EndingBalance));
    }
}

/// <summary>A loan group's collections, fees, advances, delinquencies, losses and shifting-interest figures.</summary>
public sealed record GroupLine(
    string Group, int LoanCount, decimal BeginningBalance, decimal ScheduledPrincipal, decimal PrepaymentsInFull, decimal Curtailments,
    decimal LiquidationProceeds, decimal InterestCollected, decimal ServicingFees, decimal TrusteeFees, decimal PrincipalAdvances,
    decimal InterestAdvances, decimal RealizedLosses, decimal CumulativeRealizedLosses, decimal EndingBalance,
    IReadOnlyList<DelinquencyBucket> Delinquencies, decimal? SeniorPercentage, decimal? SeniorPrepaymentPercentage, bool? StepDownPassed)
{
    public decimal CompensatingInterest { get; init; }
    /// <summary>Prepayment interest shortfall before compensating interest.</summary>
    public decimal PrepaymentInterestShortfall { get; init; }
    public decimal ReliefActShortfall { get; init; }
    /// <summary>Net Interest Shortfall allocated to the classes (prepayment interest shortfall not covered + Relief Act).</summary>
    public decimal NetInterestShortfall { get; init; }
    public decimal SubsequentRecoveries { get; init; }
    public decimal LpmiFees { get; init; }
    public int ModifiedLoans { get; init; }
    public decimal ModifiedBalance { get; init; }
    /// <summary>Class PO Deferred Amount outstanding after the distribution.</summary>
    public decimal PoDeferred { get; init; }
    /// <summary>Beginning loan count (loans reported this period).</summary>
    public int BeginningLoanCount { get; init; }
    /// <summary>Weighted by ending balance over loans outstanding: gross (mortgage) rate, net rate (fractions), remaining term (months).</summary>
    public decimal? WeightedAverageMortgageRate { get; init; }
    public decimal? WeightedAverageNetRate { get; init; }
    public decimal? WeightedAverageRemainingTerm { get; init; }
}

/// <summary>A loan modified this period, with its new terms (null: not given).</summary>
public sealed record ModifiedLoan(string LoanId, string Group, decimal EndingBalance, decimal? ModifiedRate, int? ModifiedTerm);

/// <summary>
/// The period's dates (Regulation AB Item 1121(a)(1)): the record date (last business day of the prior month), the determination
/// date (the 22nd of the month or the business day before it), the Due Period (the 2nd of the prior month to the 1st of this month),
/// the Prepayment Period (the prior calendar month), the fixed-rate classes' accrual period (the prior calendar month, 30/360) and the
/// floaters' (prior distribution date to this one, actual/360). Business days here are weekdays (no holiday calendar).
/// </summary>
public sealed record StatementDates(DateOnly RecordDate, DateOnly DeterminationDate, DateOnly DuePeriodStart, DateOnly DuePeriodEnd,
    DateOnly PrepaymentPeriodStart, DateOnly PrepaymentPeriodEnd, DateOnly FixedAccrualStart, DateOnly FixedAccrualEnd,
    DateOnly FloaterAccrualStart, DateOnly FloaterAccrualEnd);

/// <summary>A fee, who receives it and what it is for (Item 1121(a)(3)).</summary>
public sealed record FeePaid(string Fee, string Recipient, string Purpose, decimal Amount);

/// <summary>The monthly statement: everything a close recorded, arranged as the certificateholders read it.</summary>
public sealed record Statement(
    string DealId, string TrustName, string Period, DateOnly DistributionDate, string CloseId,
    IReadOnlyDictionary<string, decimal> Indices,
    IReadOnlyList<ClassLine> Classes, ClassTotals ClassTotals, IReadOnlyList<GroupLine> Groups,
    IReadOnlyList<NamedAmount> Fees, IReadOnlyList<NamedAmount> Retained, decimal Residual,
    IReadOnlyList<CorridorReceipt> CorridorPayments, IReadOnlyList<CarryForward> CarryForwards,
    Reconciliation Reconciliation)
{
    public StatementDates? Dates { get; init; }
    public IReadOnlyList<FeePaid> FeesPaid { get; init; } = [];
    public IReadOnlyList<TriggerResult> Triggers { get; init; } = [];
    public IReadOnlyList<ModifiedLoan> Modifications { get; init; } = [];
    public string MasterServicer { get; init; } = "";
    public string Trustee { get; init; } = "";

    /// <summary>The Regulation AB Item 1121(a) report of this statement, paragraph by paragraph.</summary>
    public IReadOnlyList<Item1121Line> Item1121 => Statements.Item1121.Of(this);
}
