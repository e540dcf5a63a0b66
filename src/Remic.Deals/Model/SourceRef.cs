namespace Remic.Deals.Model;

/// <summary>
/// Where a rule of the deal comes from: its line in the deal file (0 for deals built in code) and the optional
/// <c>psa:</c> reference (the PSA or prospectus provision it implements, e.g. "Section 4.02(a)(ii)") and <c>note:</c>
/// the file gives it. Explanations cite them.
/// </summary>
public sealed record SourceRef(int Line, string? Psa = null, string? Note = null)
{
    public static readonly SourceRef None = new(0);
}

/// <summary>
/// The deal file's lines for the parts a trace cites beside the steps: each class and group (by deal order), the
/// <c>shifting_interest</c>, <c>losses</c> and <c>cross_collateral</c> sections and each corridor (with their
/// <c>psa:</c>/<c>note:</c> where the file gives them). Empty for deals built in code.
/// </summary>
public sealed record DealSources
{
    public static readonly DealSources None = new();

    public IReadOnlyList<SourceRef> Classes { get; init; } = [];
    public IReadOnlyList<SourceRef> Groups { get; init; } = [];
    public IReadOnlyList<SourceRef> Corridors { get; init; } = [];
    public SourceRef ShiftingInterest { get; init; } = SourceRef.None;
    public SourceRef Losses { get; init; } = SourceRef.None;
    public SourceRef CrossCollateral { get; init; } = SourceRef.None;

    public SourceRef Class(int i) => i >= 0 && i < Classes.Count ? Classes[i] : SourceRef.None;
    public SourceRef Group(int g) => g >= 0 && g < Groups.Count ? Groups[g] : SourceRef.None;
    public SourceRef Corridor(int k) => k >= 0 && k < Corridors.Count ? Corridors[k] : SourceRef.None;
}
