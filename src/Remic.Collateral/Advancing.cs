using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// What the master servicer advances on a loan from the month it defaults (stops paying) until it is liquidated
/// <see cref="Scenario.RecoveryLag"/> months later. The two conventions of the domain notes, and none:
/// <list type="bullet">
/// <item><see cref="Interest"/> — convention (a), the one <c>reference/collateral.md</c> states: the defaulted loan
/// stops amortising; its net interest on the balance at default is advanced each month until liquidation.</item>
/// <item><see cref="PrincipalAndInterest"/> — convention (b), CWALT's PSAs: the servicer advances the delinquent
/// loan's scheduled principal and its net interest on the (amortising) Stated Principal Balance each month until
/// liquidation; the advanced principal is part of that month's scheduled principal.</item>
/// <item><see cref="None"/> — nothing is advanced; the defaulted loan neither pays nor amortises.</item>
/// </list>
/// Under every convention the realised loss is severity × the balance at default (the stated severity is net of the
/// servicer's recovery of its advances), so total defaults and losses do not depend on the convention: P&amp;I
/// advancing only moves principal earlier (advanced scheduled principal) and shrinks the liquidation proceeds by as much.
/// Advances are recovered from the gross liquidation proceeds (<see cref="GroupCashFlows.AdvancesRecovered"/>).
/// </summary>
public enum AdvancingConvention { None, Interest, PrincipalAndInterest }

public static class AdvancingConventions
{
    /// <summary>"pi" (also "p&amp;i"), "interest", "none" — as the CLI's --advance and the deal file's <c>advancing:</c> take them.</summary>
    public static bool TryParse(string? text, out AdvancingConvention value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "pi" or "p&i": value = AdvancingConvention.PrincipalAndInterest; return true;
            case "interest": value = AdvancingConvention.Interest; return true;
            case "none": value = AdvancingConvention.None; return true;
            default: value = AdvancingConvention.Interest; return false;
        }
    }

    public static AdvancingConvention Parse(string? text, string source, int line = 0, string field = "") =>
        TryParse(text, out var v) ? v
            : throw new RemicInputException(source, line, field, text, "expected an advancing convention: pi (scheduled principal and interest), interest or none");

    public static string Format(AdvancingConvention a) => a switch
    {
        AdvancingConvention.PrincipalAndInterest => "pi",
        AdvancingConvention.Interest => "interest",
        _ => "none",
    };

    /// <summary>The words a report prints: "P&amp;I advancing", "interest advancing", "no advancing".</summary>
    public static string Describe(AdvancingConvention a) => a switch
    {
        AdvancingConvention.PrincipalAndInterest => "P&I advancing",
        AdvancingConvention.Interest => "interest advancing",
        _ => "no advancing",
    };
}
