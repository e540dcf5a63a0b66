using Remic.Collateral;

namespace Remic.Trustee.Registry;

/// <summary>A certificate class as the ledger tracks it: its name, payment order and original balance.</summary>
public sealed record ClassDefinition(string Name, decimal OriginalBalance);

/// <summary>
/// Everything needed to register a deal with the trustee. The deal file is kept verbatim (with its SHA-256)
/// for audit; the caller supplies what the ledger needs from it (id, first distribution period, classes)
/// and the cut-off loans (from the tape).
/// </summary>
public sealed record DealRegistration(
    string DealId,
    string DealFileName,
    string DealFileContent,
    Core.Period FirstPeriod,
    IReadOnlyList<Loan> Loans,
    IReadOnlyList<ClassDefinition> Classes,
    IReadOnlyList<RepLineExpansion>? Expansions = null)
{
    /// <summary>The tape files the deal reads (groups' tapes, strats tape), by resolved path, as validated: stored with the deal.</summary>
    public IReadOnlyDictionary<string, byte[]> Tapes { get; init; } = new Dictionary<string, byte[]>();
}

/// <summary>
/// How an inline rep line became single loans: <see cref="Loans"/> loans of equal balance, from the rep line's
/// <c>loan_count</c> (<see cref="Stated"/>) or, without one, its balance / <see cref="DealFile.TypicalLoanBalance"/>.
/// </summary>
public sealed record RepLineExpansion(string Group, string RepLine, decimal Balance, int Loans, bool Stated);
