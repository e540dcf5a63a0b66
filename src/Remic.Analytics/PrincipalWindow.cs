using Remic.Core;

namespace Remic.Analytics;

/// <summary>First and last distribution dates that pay principal ("Mar05 - Jan20"); null when none does.</summary>
public sealed record PrincipalWindow(DateOnly? First, DateOnly? Last)
{
    /// <summary>Principal below half a cent is rounding dust, not a payment.</summary>
    public const double Dust = 0.005;

    public string Label => First is { } a && Last is { } b
        ? $"{Period.Of(a).ToShortLabel()} - {Period.Of(b).ToShortLabel()}"
        : "none";

    public override string ToString() => Label;

    public static PrincipalWindow Of(BondCashFlows flows, int fromIndex = 0)
    {
        DateOnly? first = null, last = null;
        for (var k = fromIndex; k < flows.Count; k++)
        {
            if (flows.Reduction[k] <= Dust) continue; // a notional class: its notional's reduction
            first ??= flows.Dates[k];
            last = flows.Dates[k];
        }
        return new PrincipalWindow(first, last);
    }
}
