namespace Remic.Collateral;

/// <summary>The result of projecting a pool: cash flows per loan group and for the whole pool.</summary>
public sealed class CollateralProjection
{
    public Scenario Scenario { get; }
    public int Months { get; }
    public IReadOnlyList<GroupCashFlows> Groups { get; }
    public GroupCashFlows Total { get; }
    /// <summary>PO/X split per group name, for groups projected with a strip rate.</summary>
    public IReadOnlyDictionary<string, StripCashFlows> Strips { get; }

    public CollateralProjection(Scenario scenario, int months, IReadOnlyList<GroupCashFlows> groups,
        GroupCashFlows total, IReadOnlyDictionary<string, StripCashFlows> strips)
    {
        Scenario = scenario;
        Months = months;
        Groups = groups;
        Total = total;
        Strips = strips;
    }

    public GroupCashFlows Group(string name) =>
        Groups.FirstOrDefault(g => g.Group == name) ?? throw new KeyNotFoundException($"no loan group '{name}' in the projection");
}
