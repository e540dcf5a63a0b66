using Remic.Core;

namespace Remic.Deals.Explain;

/// <summary>
/// Why every class got what it got on one distribution date: the waterfall's trace. Each <see cref="TraceEntry"/> is a
/// computation or step of the Pooling and Servicing Agreement (Available Funds, Senior Percentage, a pay_principal step,
/// loss allocation...) with the deal file line it comes from, its inputs, what it paid to whom and what was left.
/// Amounts are dollars (a projection's doubles carried to 6 decimals), percents are percents.
/// </summary>
public sealed record PeriodTrace
{
    public required string Trust { get; init; }
    /// <summary>The deal file the deal was loaded from (as named to the loader); empty for deals built in code.</summary>
    public string SourceFile { get; init; } = "";
    public required int Period { get; init; }
    public required DateOnly DistributionDate { get; init; }
    public required IReadOnlyList<TraceEntry> Entries { get; init; }
    /// <summary>Each class's figures for the date, in deal order (what a run or statement prints).</summary>
    public required IReadOnlyList<ClassOutcome> Classes { get; init; }

    /// <summary>The class as the deal spells it (any case); an unknown name is an input error listing the closest names.</summary>
    /// <param name="source">Where the name was typed, for the error (e.g. "--class").</param>
    public ClassOutcome Class(string typed, string source = "--class")
    {
        var names = Classes.Select(c => c.Class).ToList();
        var name = NameMatch.Resolve(typed, names, source, "a class of the deal");
        return Classes.First(c => c.Class == name);
    }

    /// <summary>
    /// The chain for one class: the entries that concern it (its group's collections and principal amounts, its interest,
    /// the steps that paid it, its losses and corridor payments) with their enclosing steps, in waterfall order.
    /// </summary>
    public ClassExplanation For(string typed, string source = "--class")
    {
        var outcome = Class(typed, source);
        var keep = new HashSet<int>();
        foreach (var e in Entries)
            if (Concerns(e, outcome))
                for (int? id = e.Id; id is { } i && keep.Add(i);) id = Entries[i].Parent;
        return new ClassExplanation(Trust, SourceFile, Period, DistributionDate, outcome, Entries.Where(e => keep.Contains(e.Id)).ToList());
    }

    private static bool Concerns(TraceEntry e, ClassOutcome c)
    {
        if (e.Classes.Contains(c.Class)) return true;
        var inGroup = e.Group is { } g && c.Groups.Contains(g);
        return e.Kind switch
        {
            TraceKind.AvailableFunds or TraceKind.NetInterestShortfall => inGroup,
            TraceKind.SeniorPrincipal => c.Role == ClassRole.Subordinate || c.Role == ClassRole.Senior && inGroup,
            TraceKind.PoPrincipal => c.Role == ClassRole.Po && inGroup,
            TraceKind.StepDown => c.Role is ClassRole.Senior or ClassRole.Subordinate,
            TraceKind.SubordinatePrincipal => c.Role == ClassRole.Subordinate,
            _ => false,
        };
    }

    /// <summary>What the trace says class <paramref name="name"/> received, by kind of flow (the sum over its entries' payments).</summary>
    public decimal Received(string name, TraceFlow flow) =>
        Entries.SelectMany(e => e.Payments).Where(p => p.Class == name && p.Flow == flow).Sum(p => p.Amount);
}

/// <summary>One class's explanation: its figures and the entries of the trace that concern it.</summary>
public sealed record ClassExplanation(string Trust, string SourceFile, int Period, DateOnly DistributionDate, ClassOutcome Outcome,
    IReadOnlyList<TraceEntry> Entries);

public enum TraceKind
{
    /// <summary>A loan group's Available Funds from its collections.</summary>
    AvailableFunds,
    /// <summary>A group's Net Interest Shortfall (prepayment interest, Relief Act, liquidated loans' uncovered interest).</summary>
    NetInterestShortfall,
    /// <summary>A class's pass-through rate and Interest Distribution Amount.</summary>
    Interest,
    /// <summary>The Senior Step Down Conditions and the Senior Prepayment Percentage's share of the Subordinate Percentage.</summary>
    StepDown,
    /// <summary>A group's Senior Percentage, Senior Prepayment Percentage and Senior Principal Distribution Amount.</summary>
    SeniorPrincipal,
    /// <summary>A group's PO Formula Principal Amount.</summary>
    PoPrincipal,
    /// <summary>The Subordinate Principal Distribution Amount.</summary>
    SubordinatePrincipal,
    /// <summary>A step of the deal file's priority of payments.</summary>
    Step,
    /// <summary>A part of a step's principal allocation (sequential, pro rata, split, a class, a schedule, a lockout).</summary>
    Allocation,
    /// <summary>The subordinates' Allocable Shares and Class Prepayment Distribution Triggers.</summary>
    SubordinateShares,
    /// <summary>Realized losses and writedowns allocated to the classes.</summary>
    Losses,
    /// <summary>A corridor contract's payment.</summary>
    Corridor,
}

public enum TraceUnit { Money, Percent, Number, Flag }

/// <summary>What flows to a class: cash (interest, principal, corridor, PO deferred, residual) or a balance change (accretion, loss).</summary>
public enum TraceFlow { Interest, Principal, Accretion, Loss, Corridor, PoDeferred, Residual }

/// <summary>A class's role in the trace's filters.</summary>
public enum ClassRole { Senior, Subordinate, Po, Notional, Other }

/// <summary>A named figure: money in dollars, a percent, a number or a yes/no flag (1/0).</summary>
public sealed record TraceValue(string Name, decimal Value, TraceUnit Unit = TraceUnit.Money);

public sealed record TracePayment(string Class, TraceFlow Flow, decimal Amount);

/// <summary>One computation or step of the waterfall for the date.</summary>
public sealed record TraceEntry
{
    public required int Id { get; init; }
    /// <summary>The enclosing entry (a when step, a step for its allocation), or null.</summary>
    public int? Parent { get; init; }
    public required TraceKind Kind { get; init; }
    /// <summary>What it is, in the PSA's own term ("Senior Principal Distribution Amount").</summary>
    public required string Term { get; init; }
    /// <summary>The rule as the deal file states it ("pay_principal from 1: senior_principal, sequential [A-1, A-2]").</summary>
    public string? Rule { get; init; }
    public string? Group { get; init; }
    /// <summary>The classes the entry concerns (paid, allocated to, or computed for).</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];
    /// <summary>Line in the deal file (0: none).</summary>
    public int Line { get; init; }
    public string? Psa { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<TraceValue> Inputs { get; init; } = [];
    /// <summary>The figure the entry computes, if one.</summary>
    public TraceValue? Result { get; init; }
    /// <summary>What the entry paid (or wrote down) to each class; each amount is counted in one entry only.</summary>
    public IReadOnlyList<TracePayment> Payments { get; init; } = [];
    /// <summary>What was left after it (e.g. each paying group's Available Funds).</summary>
    public IReadOnlyList<TraceValue> Left { get; init; } = [];
}

/// <summary>A class's figures for the date (money in dollars; coupon in percent).</summary>
public sealed record ClassOutcome
{
    public required string Class { get; init; }
    public int Line { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
    public ClassRole Role { get; init; }
    public decimal BeginBalance { get; init; }
    public decimal CouponPercent { get; init; }
    public decimal InterestDue { get; init; }
    public decimal InterestShortfall { get; init; }
    public decimal InterestPaid { get; init; }
    public decimal Principal { get; init; }
    public decimal Accretion { get; init; }
    public decimal Loss { get; init; }
    public decimal CorridorPaid { get; init; }
    public decimal PoDeferredPaid { get; init; }
    public decimal Residual { get; init; }
    public decimal UnpaidInterest { get; init; }
    public decimal EndBalance { get; init; }
}
