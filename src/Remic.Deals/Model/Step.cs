namespace Remic.Deals.Model;

/// <summary>
/// One line of the priority of payments. The deal file lists steps; <see cref="Waterfall.Waterfall"/>
/// interprets them in order with one switch. "From" names the loan groups whose Available Funds pay.
/// </summary>
public abstract record Step
{
    /// <summary>The step's line in the deal file and its optional <c>psa:</c> and <c>note:</c> (for explanations).</summary>
    public SourceRef Source { get; init; } = SourceRef.None;
}

/// <summary>Class PO: the PO Principal Distribution Amount of the group, from its Available Funds.</summary>
public sealed record PayPoPrincipal(string Group, string Class) : Step;

/// <summary>Accrued Certificate Interest (current + unpaid) to the classes, pro rata by what is due.</summary>
public sealed record PayInterest(IReadOnlyList<string> From, IReadOnlyList<string> Classes) : Step;

/// <summary>
/// Principal to the classes by <see cref="To"/>, at most the <see cref="Amount"/> of the groups in <see cref="From"/>.
/// On and after the Senior Credit Support Depletion Date a senior_principal step pays by <see cref="AfterDepletion"/>,
/// or, without it, the classes of <see cref="To"/> concurrently pro rata by balance (CWALT).
/// </summary>
public sealed record PayPrincipal(IReadOnlyList<string> From, PrincipalAmount Amount, Allocation To) : Step
{
    public Allocation? AfterDepletion { get; init; }
}

/// <summary>
/// Accrual Distribution Amount: the interest a Z class accrued this period (added to its balance) is paid
/// as principal by <see cref="To"/>, normally the accretion-directed classes then the Z class itself.
/// </summary>
public sealed record Accrete(string Class, IReadOnlyList<string> From, Allocation To) : Step;

/// <summary>Class PO Deferred Amounts, from amounts otherwise payable as principal to the subordinates.</summary>
public sealed record PayPoDeferred(IReadOnlyList<string> From) : Step;

/// <summary>
/// The subordinate classes in order of seniority: each its interest, then its Allocable Share of the
/// Subordinate Principal Distribution Amount (Class Prepayment Distribution Triggers applied).
/// </summary>
public sealed record PaySubordinates(IReadOnlyList<string> From, IReadOnlyList<string> Classes) : Step;

/// <summary>Whatever is left in the groups' Available Funds to the residual class.</summary>
public sealed record PayResidual(IReadOnlyList<string> From, string Class) : Step;

/// <summary>Runs <see cref="Then"/> if the condition holds this period, else <see cref="Else"/>.</summary>
public sealed record When(Condition If, IReadOnlyList<Step> Then, IReadOnlyList<Step> Else) : Step;

/// <summary>The principal amount a <see cref="PayPrincipal"/> step distributes.</summary>
public enum PrincipalAmount
{
    /// <summary>Senior Principal Distribution Amount (shifting interest).</summary>
    SeniorPrincipal,
    /// <summary>All non-PO principal of the group (deals without subordination).</summary>
    NonPoPrincipal,
    /// <summary>Everything left in the group's Available Funds.</summary>
    Remaining,
}

/// <summary>A predicate on the period (for <see cref="When"/>).</summary>
public abstract record Condition;

/// <summary>Holds while all the classes still have a balance.</summary>
public sealed record ClassesOutstanding(IReadOnlyList<string> Classes) : Condition;

/// <summary>Holds in distribution periods from..to (1-based, inclusive; 0 = open).</summary>
public sealed record PeriodBetween(int From, int To) : Condition;

/// <summary>Holds when the step-down tests pass this period.</summary>
public sealed record StepDownPassed : Condition;

/// <summary>
/// How a principal amount is split among classes: a class, classes one after another, pro rata by balance,
/// fixed percentages, down to a PAC/TAC schedule, or a NAS lockout share.
/// </summary>
public abstract record Allocation;

public sealed record ToClass(string Class) : Allocation;
public sealed record Sequential(IReadOnlyList<Allocation> Parts) : Allocation;
public sealed record ProRata(IReadOnlyList<Allocation> Parts) : Allocation;
/// <summary>Fixed percentages of the amount; what a retired part cannot take goes to the others in order.</summary>
public sealed record Split(IReadOnlyList<(decimal Percent, Allocation To)> Parts) : Allocation;
/// <summary>Pays the class only down to its scheduled (planned/targeted) balance this period.</summary>
public sealed record ToSchedule(string Class) : Allocation;
/// <summary>
/// NAS / lockout: the class gets shift% (by year from the first distribution) of its pro rata share
/// (by balance among the classes of the enclosing step) of the amount.
/// </summary>
public sealed record Lockout(string Class, IReadOnlyList<decimal> ShiftPercentByYear) : Allocation;
