using System.Globalization;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>A deal file's rule written back as the file states it, for explanations ("pay_interest from 1: [A-1, A-2]").</summary>
internal static class RuleText
{
    private static readonly CultureInfo F = CultureInfo.InvariantCulture;

    private static string List(IEnumerable<string> names) => "[" + string.Join(", ", names) + "]";
    private static string From(IReadOnlyList<string> groups) => string.Join(", ", groups);
    private static string Pct(decimal x) => x.ToString("0.#####", F) + "%";

    public static string Of(Step s) => s switch
    {
        PayPoPrincipal p => $"pay_po: group {p.Group} to {p.Class}",
        PayInterest p => $"pay_interest from {From(p.From)}: {List(p.Classes)}",
        PayPrincipal p => $"pay_principal from {From(p.From)}: {Amount(p.Amount)} to {Of(p.To)}"
            + (p.AfterDepletion is { } ad ? $"; after depletion {Of(ad)}" : ""),
        Accrete a => $"accrete {a.Class} from {From(a.From)} to {Of(a.To)}",
        PayPoDeferred d => $"pay_po_deferred from {From(d.From)}",
        PaySubordinates p => $"pay_subordinates from {From(p.From)}: {List(p.Classes)}",
        PayResidual r => $"pay_residual from {From(r.From)} to {r.Class}",
        When w => $"when {Of(w.If)}",
        _ => s.GetType().Name,
    };

    public static string Amount(PrincipalAmount a) => a switch
    {
        PrincipalAmount.SeniorPrincipal => "senior_principal",
        PrincipalAmount.NonPoPrincipal => "non_po_principal",
        _ => "remaining",
    };

    public static string Of(Condition c) => c switch
    {
        ClassesOutstanding o => $"classes_outstanding {List(o.Classes)}",
        PeriodBetween p => $"periods [{p.From}, {p.To}]",
        _ => "step_down_passed",
    };

    public static string Of(Allocation a) => a switch
    {
        ToClass t => t.Class,
        Sequential s => "sequential " + List(s.Parts.Select(Of)),
        ProRata p => "pro_rata " + List(p.Parts.Select(Of)),
        Split s => "split " + List(s.Parts.Select(x => $"{Pct(x.Percent)} to {Of(x.To)}")),
        ToSchedule t => $"to_schedule {t.Class}",
        Lockout l => $"lockout {l.Class} shift {List(l.ShiftPercentByYear.Select(x => x.ToString("0.##", F)))}",
        _ => a.GetType().Name,
    };

    /// <summary>A compiled allocation in the file's words (class indices back to names).</summary>
    public static string Of<T>(CompiledDeal<T> d, CompiledDeal<T>.CAlloc a) where T : unmanaged, System.Numerics.IFloatingPoint<T> => a switch
    {
        CompiledDeal<T>.CToClass t => d.Classes[t.Class].Name,
        CompiledDeal<T>.CSequential s => "sequential " + List(s.Parts.Select(x => Of(d, x))),
        CompiledDeal<T>.CProRata p => "pro_rata " + List(p.Parts.Select(x => Of(d, x))),
        CompiledDeal<T>.CSplit s => "split " + List(s.Parts.Select((x, i) => $"{Pct(decimal.CreateSaturating(s.Shares[i]) * 100m)} to {Of(d, x)}")),
        CompiledDeal<T>.CToSchedule t => $"to_schedule {d.Classes[t.Class].Name}",
        CompiledDeal<T>.CLockout l => $"lockout {d.Classes[l.Class].Name}",
        _ => a.GetType().Name,
    };

    /// <summary>A class's coupon as the file gives it ("LIBOR_1MO + 0.4%, floor 0.4%, cap 5.5%").</summary>
    public static string Of(ClassSpec c) => c.Coupon switch
    {
        FixedCoupon f => $"fixed {Pct(f.Rate)}",
        FormulaCoupon f => (f.Multiplier == 1m ? f.Index : $"{f.Multiplier.ToString("0.#####", F)} × {f.Index}")
            + (f.Margin >= 0 ? $" + {Pct(f.Margin)}" : $" − {Pct(-f.Margin)}")
            + (f.Floor is { } fl ? $", floor {Pct(fl)}" : "") + (f.Cap is { } cap ? $", cap {Pct(cap)}" : "")
            + (f.NetWacCapGroups is { Count: > 0 } g ? $", net WAC cap of groups {From(g)}" : ""),
        NetWacCoupon n => $"net WAC of groups {From(n.Groups)}" + (n.Minus != 0 ? $" − {Pct(n.Minus)}" : ""),
        StripExcessCoupon => "strip_excess (the premium loans' interest above the strip rate)",
        _ => "none",
    };

    /// <summary>The PSA's own term for what a step distributes.</summary>
    public static string Term(Step s) => s switch
    {
        PayPoPrincipal => "PO Principal Distribution Amount to Class PO",
        PayInterest => "Interest Distribution Amounts",
        PayPrincipal { Amount: PrincipalAmount.SeniorPrincipal } => "Senior Principal Distribution Amount",
        PayPrincipal { Amount: PrincipalAmount.NonPoPrincipal } => "Principal Distribution Amount (non-PO)",
        PayPrincipal => "remaining Available Funds as principal",
        Accrete => "Accrual Distribution Amount",
        PayPoDeferred => "Class PO Deferred Amounts",
        PaySubordinates => "Subordinate classes: interest, then Allocable Share of the Subordinate Principal Distribution Amount",
        PayResidual => "remaining Available Funds to the residual class",
        When => "condition",
        _ => s.GetType().Name,
    };
}
