using System.Numerics;
using Remic.Deals.Explain;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>The steps, their principal allocations, the subordinates' shares, losses, corridors and the date's class figures.</summary>
internal sealed partial class TraceRecorder<T>
{
    /// <summary>What the classes had received when a step (or the loss allocation) began, to record what it changed.</summary>
    private sealed record Snapshot(int Entry, T[] Interest, T[] Principal, T[] Accretion, T[] PoDeferred, T[] Residual, T[] Loss);

    private readonly Stack<Snapshot> _open = new();

    private Snapshot Take(int entry, PeriodResult<T> r) => new(entry, (T[])r.InterestPaid.Clone(), (T[])r.Principal.Clone(),
        (T[])r.Accretion.Clone(), (T[])r.PoDeferredPaid.Clone(), (T[])r.Residual.Clone(), (T[])r.Loss.Clone());

    private List<TracePayment> Changes(Snapshot s, PeriodResult<T> r)
    {
        var list = new List<TracePayment>();
        void Diff(T[] before, T[] now, TraceFlow flow)
        {
            for (var c = 0; c < now.Length; c++)
                if (now[c] != before[c]) list.Add(new TracePayment(Cls(c), flow, M(now[c] - before[c])));
        }
        Diff(s.Interest, r.InterestPaid, TraceFlow.Interest);
        Diff(s.Principal, r.Principal, TraceFlow.Principal);
        Diff(s.Accretion, r.Accretion, TraceFlow.Accretion);
        Diff(s.PoDeferred, r.PoDeferredPaid, TraceFlow.PoDeferred);
        Diff(s.Residual, r.Residual, TraceFlow.Residual);
        Diff(s.Loss, r.Loss, TraceFlow.Loss);
        return list;
    }

    private static int[] FromOf(CompiledDeal<T>.CStep step) => step switch
    {
        CompiledDeal<T>.CPayPo s => s.From,
        CompiledDeal<T>.CPayInterest s => s.From,
        CompiledDeal<T>.CPayPrincipal s => s.From,
        CompiledDeal<T>.CAccrete s => s.From,
        CompiledDeal<T>.CPayPoDeferred s => s.From,
        CompiledDeal<T>.CPaySubordinates s => s.From,
        CompiledDeal<T>.CPayResidual s => s.From,
        _ => [],
    };

    private string Groups(int[] from) => string.Join(", ", from.Select(Grp));

    /// <summary>A step begins: what it has to distribute and from what (funds, amounts due, balances).</summary>
    public void BeginStep(Ledger<T> l, CompiledDeal<T>.CStep step, bool holds)
    {
        var from = FromOf(step);
        var inputs = new List<TraceValue>();
        var classes = new List<int>();
        switch (step)
        {
            case CompiledDeal<T>.CPayPo s:
                inputs.Add(Money($"PO Formula Principal Amount, group {Grp(s.Group)}", l.PoPda[s.Group]));
                inputs.Add(Money($"{Cls(s.Class)} balance", l.Outstanding(s.Class)));
                classes.Add(s.Class);
                break;
            case CompiledDeal<T>.CPayInterest s:
                foreach (var c in s.Classes) inputs.Add(Money($"{Cls(c)} interest still due", Num<T>.Pos(l.R.InterestDue[c] - l.R.InterestPaid[c])));
                classes.AddRange(s.Classes);
                break;
            case CompiledDeal<T>.CPayPrincipal s:
            {
                var want = T.Zero;
                foreach (var g in s.From)
                    want += s.Amount switch
                    {
                        PrincipalAmount.SeniorPrincipal => l.SeniorPda[g],
                        PrincipalAmount.NonPoPrincipal => l.NonPoPrincipal[g],
                        _ => l.Fund[g],
                    };
                inputs.Add(Money(RuleText.Term(s.Origin), want));
                if (s.Amount == PrincipalAmount.SeniorPrincipal && l.Depleted)
                    inputs.Add(Flag("on or after the Senior Credit Support Depletion Date (paid by the after-depletion order)", true));
                foreach (var c in s.ToLeaves) inputs.Add(Money($"{Cls(c)} balance", l.Outstanding(c)));
                classes.AddRange(s.ToLeaves);
                break;
            }
            case CompiledDeal<T>.CAccrete s:
                inputs.Add(Money($"Accrual Distribution Amount ({Cls(s.Class)}'s accretion)", l.AccrualCash[s.Class]));
                classes.Add(s.Class);
                classes.AddRange(CompiledDeal<T>.Leaves(s.To));
                break;
            case CompiledDeal<T>.CPayPoDeferred s:
                foreach (var g in s.From)
                    if (_d.PoClass[g] >= 0)
                    {
                        inputs.Add(Money($"Class PO Deferred Amount outstanding, group {Grp(g)}", l.State.PoDeferred[g] - l.PoDeferredPaid[g]));
                        classes.Add(_d.PoClass[g]);
                    }
                inputs.Add(Money("subordinate principal available for it", l.SubScheduled + l.SubUnscheduled - l.SubTakenForDeferred));
                break;
            case CompiledDeal<T>.CPaySubordinates s:
                inputs.Add(Money("Subordinate Principal Distribution Amount, clause (i) scheduled", l.SubScheduled));
                inputs.Add(Money("Subordinate Principal Distribution Amount, clauses (ii)-(iii) unscheduled", l.SubUnscheduled));
                if (l.SubTakenForDeferred > T.Zero) inputs.Add(Money("less paid as Class PO Deferred Amounts", l.SubTakenForDeferred));
                foreach (var c in s.Classes) inputs.Add(Money($"{Cls(c)} interest still due", Num<T>.Pos(l.R.InterestDue[c] - l.R.InterestPaid[c])));
                classes.AddRange(s.Classes);
                break;
            case CompiledDeal<T>.CPayResidual s:
                classes.Add(s.Class);
                break;
            case CompiledDeal<T>.CWhen:
                inputs.Add(Flag("condition holds", holds));
                break;
        }
        if (from.Length > 0) inputs.Add(Money($"Available Funds of group{(from.Length > 1 ? "s" : "")} {Groups(from)}", l.Available(from)));
        var src = step.Origin?.Source ?? SourceRef.None;
        var term = step.Origin is { } o ? RuleText.Term(o) : step.GetType().Name;
        var id = Add(New(TraceKind.Step, term, src) with
        {
            Rule = step.Origin is { } o2 ? RuleText.Of(o2) + (step is CompiledDeal<T>.CWhen ? (holds ? ": holds, its then steps run" : ": does not hold, its else steps run") : "") : null,
            Classes = classes.Distinct().Select(Cls).ToList(), Inputs = inputs,
        });
        _parents.Push(id);
        _open.Push(Take(id, l.R));
    }

    /// <summary>A step ends: what it paid to whom and what each paying group has left.</summary>
    public void EndStep(Ledger<T> l, CompiledDeal<T>.CStep step)
    {
        var s = _open.Pop();
        _parents.Pop();
        var from = FromOf(step);
        var payments = step is CompiledDeal<T>.CWhen ? [] : Changes(s, l.R);
        var paid = payments.Where(p => p.Flow != TraceFlow.Accretion).Sum(p => p.Amount);
        var e = _entries[s.Entry];
        _entries[s.Entry] = e with
        {
            Payments = payments,
            Classes = e.Classes.Union(payments.Select(p => p.Class)).ToList(),
            Result = step is CompiledDeal<T>.CWhen ? null : new TraceValue("paid", paid),
            Left = from.Select(g => Money($"Available Funds left, group {Grp(g)}", l.Fund[g])).ToList(),
        };
    }

    /// <summary>A part of a principal allocation begins with the amount offered to it.</summary>
    public void BeginAllocation(Ledger<T> l, CompiledDeal<T>.CAlloc node, T amount)
    {
        var inputs = new List<TraceValue> { Money("offered", amount) };
        string term;
        switch (node)
        {
            case CompiledDeal<T>.CToClass t:
                term = "class";
                inputs.Add(Money($"{Cls(t.Class)} balance", l.Outstanding(t.Class)));
                break;
            case CompiledDeal<T>.CSequential:
                term = "sequentially, each part until retired";
                break;
            case CompiledDeal<T>.CProRata p:
                term = "pro rata by balance";
                for (var i = 0; i < p.Parts.Length; i++)
                {
                    var w = T.Zero;
                    foreach (var c in p.PartLeaves[i]) w += l.Outstanding(c);
                    inputs.Add(Money($"{RuleText.Of(_d, p.Parts[i])} balance", w));
                }
                break;
            case CompiledDeal<T>.CSplit:
                term = "fixed percentages";
                break;
            case CompiledDeal<T>.CToSchedule t:
                term = "down to its planned balance";
                inputs.Add(Money($"{Cls(t.Class)} balance", l.Outstanding(t.Class)));
                inputs.Add(Money("planned balance for the date", PrincipalAllocation.Scheduled(l, t.Class)));
                break;
            case CompiledDeal<T>.CLockout n:
                term = "NAS lockout share";
                inputs.Add(Pct($"shift percentage (year {l.YearIndex + 1})", n.ShiftByYear[Math.Min(l.YearIndex, n.ShiftByYear.Length - 1)]));
                inputs.Add(Money($"{Cls(n.Class)} balance", l.Outstanding(n.Class)));
                inputs.Add(Money("balance of the step's classes", l.StepLeafBalance));
                break;
            default:
                term = node.GetType().Name;
                break;
        }
        var id = Add(New(TraceKind.Allocation, term, SourceRef.None) with
        {
            Line = _entries[_parents.Peek()].Line, Rule = RuleText.Of(_d, node),
            Classes = CompiledDeal<T>.Leaves(node).Select(Cls).ToList(), Inputs = inputs,
        });
        _parents.Push(id);
    }

    public void EndAllocation(T paid)
    {
        var id = _parents.Pop();
        _entries[id] = _entries[id] with { Result = Money("paid", paid) };
    }

    /// <summary>The subordinates' Allocable Shares: scheduled part by balance, unscheduled part among classes whose trigger is met.</summary>
    public void SubordinateShares(int[] subs, ReadOnlySpan<bool> eligible, ReadOnlySpan<T> scheduled, ReadOnlySpan<T> unscheduled, ReadOnlySpan<T> shares)
    {
        var inputs = new List<TraceValue>();
        for (var k = 0; k < subs.Length; k++)
        {
            var n = Cls(subs[k]);
            inputs.Add(Flag($"{n} Class Prepayment Distribution Trigger met", eligible[k]));
            inputs.Add(Money($"{n} share of clause (i), by balance", scheduled[k]));
            inputs.Add(Money($"{n} share of clauses (ii)-(iii), among classes whose trigger is met", unscheduled[k]));
            inputs.Add(Money($"{n} Allocable Share (after Class PO Deferred Amounts, lowest class first)", shares[k]));
        }
        Add(New(TraceKind.SubordinateShares, "Allocable Share", Deal.Sources.ShiftingInterest) with
        {
            Rule = "a share a class cannot take passes to the next class, then to the seniors",
            Classes = subs.Select(Cls).ToList(), Inputs = inputs,
        });
    }

    public void BeginLosses(Ledger<T> l) => _open.Push(Take(-1, l.R));

    /// <summary>Realized losses and writedowns: what each class was written down by.</summary>
    public void EndLosses(Ledger<T> l)
    {
        var s = _open.Pop();
        var r = l.R;
        var inputs = new List<TraceValue>();
        for (var g = 0; g < _d.NGroups; g++)
        {
            var c = l.Groups[g];
            if (c.RealizedLoss - c.PoRealizedLoss > T.Zero) inputs.Add(Money($"realized loss (non-PO), group {Grp(g)}", c.RealizedLoss - c.PoRealizedLoss));
            if (c.PoRealizedLoss > T.Zero) inputs.Add(Money($"realized loss (Class PO portion, becomes a Class PO Deferred Amount), group {Grp(g)}", c.PoRealizedLoss));
        }
        if (r.Writedown > T.Zero) inputs.Add(Money("subordinate writedowns (Class PO Deferred Amounts paid, classes above the pool)", r.Writedown));
        var payments = Changes(s, r);
        if (inputs.Count == 0 && payments.Count == 0) return;
        Add(New(TraceKind.Losses, "Realized Losses", Deal.Sources.Losses) with
        {
            Rule = "non-PO losses to the loss order (lowest subordinate first), then the group's seniors pro rata (a super senior's share to its support class)",
            Classes = payments.Select(p => p.Class).ToList(), Inputs = inputs, Payments = payments,
        });
    }

    /// <summary>A corridor contract's payment: to the beneficiary's net rate cap shortfall, the excess as the deal says.</summary>
    public void Corridor(int k, CompiledDeal<T>.CCorridor cor, T notional, T index, T rate, T fraction, T payment, T shortfall, T covered)
    {
        var excess = payment - covered;
        var payments = new List<TracePayment>();
        if (covered > T.Zero) payments.Add(new TracePayment(Cls(cor.Beneficiary), TraceFlow.Corridor, M(covered)));
        if (cor.ExcessTo >= 0 && excess > T.Zero) payments.Add(new TracePayment(Cls(cor.ExcessTo), TraceFlow.Corridor, M(excess)));
        var left = new List<TraceValue> { Money($"{Cls(cor.Beneficiary)} cap shortfall carried forward", shortfall - covered) };
        if (cor.ExcessTo < 0 && excess > T.Zero) left.Add(Money("excess kept by the trust (no excess_to)", excess));
        Add(New(TraceKind.Corridor, $"Corridor contract {cor.Spec.Name}", Deal.Sources.Corridor(k)) with
        {
            Rule = "notional × max(0, min(index, ceiling) − strike) × day count fraction",
            Classes = cor.ExcessTo >= 0 ? [Cls(cor.Beneficiary), Cls(cor.ExcessTo)] : [Cls(cor.Beneficiary)],
            Inputs = [Money("notional amount", notional), Pct($"index {cor.Spec.Index}", index), Pct("strike", cor.Strike), Pct("ceiling", cor.Ceiling),
                Pct("rate paid", rate), Num($"day count fraction ({DayCountText(cor.Spec.DayCount, 0).Split(',')[0]})", fraction),
                Money($"{Cls(cor.Beneficiary)} net rate cap shortfall (this date and carried)", shortfall)],
            Result = Money("corridor payment", payment), Payments = payments, Left = left,
        });
    }

    /// <summary>The date's trace: the entries and every class's figures.</summary>
    public PeriodTrace Finish(PeriodResult<T> r)
    {
        var classes = new List<ClassOutcome>();
        for (var c = 0; c < _d.NClasses; c++)
        {
            var spec = _d.Classes[c];
            var role = _d.IsPo[c] ? ClassRole.Po : _d.Notional[c] ? ClassRole.Notional : _d.IsSubordinate[c] ? ClassRole.Subordinate
                : _d.AllSeniors.Contains(c) ? ClassRole.Senior : ClassRole.Other;
            classes.Add(new ClassOutcome
            {
                Class = spec.Name, Line = Deal.Sources.Class(c).Line, Groups = spec.Groups, Role = role,
                BeginBalance = M(r.BeginBalance[c]), CouponPercent = P(r.Coupon[c]), InterestDue = M(r.InterestDue[c]),
                InterestShortfall = M(r.InterestShortfall[c]), InterestPaid = M(r.InterestPaid[c]), Principal = M(r.Principal[c]),
                Accretion = M(r.Accretion[c]), Loss = M(r.Loss[c]), CorridorPaid = M(r.CorridorPaid[c]), PoDeferredPaid = M(r.PoDeferredPaid[c]),
                Residual = M(r.Residual[c]), UnpaidInterest = M(r.UnpaidInterest[c]), EndBalance = M(r.EndBalance[c]),
            });
        }
        return new PeriodTrace
        {
            Trust = Deal.Metadata.TrustName, SourceFile = Deal.SourceFile, Period = r.Period, DistributionDate = r.DistributionDate,
            Entries = _entries.ToList(), Classes = classes,
        };
    }
}
