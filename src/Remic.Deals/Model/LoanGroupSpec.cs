using Remic.Collateral;

namespace Remic.Deals.Model;

/// <summary>
/// One loan group: its loans (inline rep lines or a tape file), fees, and the Class PO/X strip rate if
/// the group is stripped. Fees are annual percents of balance (0.25 = 25 bp).
/// </summary>
public sealed record LoanGroupSpec
{
    public required string Name { get; init; }
    public IReadOnlyList<Loan> Loans { get; init; } = [];
    /// <summary>Tape file path as written in the deal file (relative to it); null for inline rep lines.</summary>
    public string? TapePath { get; init; }
    public decimal ServicingFee { get; init; }
    public decimal TrusteeFee { get; init; }
    public decimal LpmiFee { get; init; }
    /// <summary>Class PO/X strip rate (annual percent); null when the group has no PO/X split.</summary>
    public decimal? StripRate { get; init; }
    /// <summary>Compensating interest cap as a fraction of the monthly servicing fee (CWALT: ½).</summary>
    public decimal CompensatingInterestShare { get; init; } = 0.5m;

    public decimal CutoffBalance => (decimal)Loans.Sum(l => l.Balance);
}
