using System.Numerics;
using Remic.Deals.Explain;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Records one distribution's <see cref="PeriodTrace"/> as the interpreter runs. The interpreter holds it in
/// <see cref="Ledger{T}.Trace"/>, null when tracing is off: every hook is behind one null test, so an untraced run
/// allocates nothing and builds no text. Amounts are read from the ledger and the result as the interpreter leaves
/// them; a step's payments are what the step changed (so each amount is counted once, in the entry that paid it).
/// </summary>
internal sealed partial class TraceRecorder<T> where T : unmanaged, IFloatingPoint<T>
{
    private readonly CompiledDeal<T> _d;
    private readonly List<TraceEntry> _entries = [];
    private readonly Stack<int> _parents = new();

    public TraceRecorder(CompiledDeal<T> d) => _d = d;

    private Deal Deal => _d.Deal;
    private string Cls(int c) => _d.Classes[c].Name;
    private string Grp(int g) => Deal.Groups[g].Name;

    internal static decimal M(T x) => Math.Round(decimal.CreateSaturating(x), 6);
    private static decimal P(T x) => Math.Round(decimal.CreateSaturating(x) * 100m, 8);
    private static TraceValue Money(string name, T x) => new(name, M(x));
    private static TraceValue Pct(string name, T x) => new(name, P(x), TraceUnit.Percent);
    private static TraceValue Num(string name, T x) => new(name, Math.Round(decimal.CreateSaturating(x), 10), TraceUnit.Number);
    private static TraceValue Flag(string name, bool x) => new(name, x ? 1 : 0, TraceUnit.Flag);

    private int Add(TraceEntry e)
    {
        var id = _entries.Count;
        _entries.Add(e with { Id = id, Parent = _parents.Count > 0 ? _parents.Peek() : null });
        return id;
    }

    private TraceEntry New(TraceKind kind, string term, SourceRef src) =>
        new() { Id = 0, Kind = kind, Term = term, Line = src.Line, Psa = src.Psa, Note = src.Note };

    /// <summary>Each group's Available Funds from its collections, and its Net Interest Shortfall.</summary>
    public void Collections(Ledger<T> l, PeriodResult<T> r)
    {
        for (var g = 0; g < _d.NGroups; g++)
        {
            var c = l.Groups[g];
            var liq = r.LiquidationInterest[g];
            var inputs = new List<TraceValue> { Money("beginning pool balance", c.BeginBalance), Money("net interest (collected and advanced, net of fees)", c.NetInterest - liq) };
            if (liq > T.Zero) inputs.Add(Money("liquidation proceeds applied to the liquidated loans' interest", liq));
            if (c.PrepaymentInterestShortfall > T.Zero) inputs.Add(Money("less prepayment interest shortfall (net of compensating interest)", c.PrepaymentInterestShortfall));
            if (c.ReliefActShortfall > T.Zero) inputs.Add(Money("less Relief Act interest shortfall", c.ReliefActShortfall));
            inputs.Add(Money("scheduled principal", c.ScheduledPrincipal));
            inputs.Add(Money("prepayments in full and curtailments", c.Prepayments));
            inputs.Add(Money("liquidation proceeds (principal)", c.LiquidationProceeds));
            if (c.PoBeginBalance > T.Zero) inputs.Add(Money("of which Class PO portion of principal", c.PoPrincipal));
            if (c.RealizedLoss > T.Zero) inputs.Add(Money("realized loss (allocated after the distribution)", c.RealizedLoss));
            Add(New(TraceKind.AvailableFunds, "Available Funds", Deal.Sources.Group(g)) with
            {
                Group = Grp(g), Inputs = inputs, Result = Money("Available Funds", r.AvailableFunds[g]),
            });
            var shortfall = c.PrepaymentInterestShortfall + c.ReliefActShortfall + l.UncoveredInterest[g];
            if (shortfall <= T.Zero) continue;
            Add(New(TraceKind.NetInterestShortfall, "Net Interest Shortfall", Deal.Sources.Group(g)) with
            {
                Group = Grp(g),
                Rule = "allocated to the group's classes pro rata by the interest each would otherwise be due",
                Inputs = [Money("prepayment interest shortfall (net of compensating interest)", c.PrepaymentInterestShortfall),
                    Money("Relief Act interest shortfall", c.ReliefActShortfall), Money("liquidated loans' interest the proceeds did not cover", l.UncoveredInterest[g])],
                Result = Money("Net Interest Shortfall", shortfall),
            });
        }
    }

    /// <summary>Each class's pass-through rate, current interest, shortfalls and Interest Distribution Amount.</summary>
    public void Interest(Ledger<T> l, ReadOnlySpan<T> current, ReadOnlySpan<T> uncapped)
    {
        var r = l.R;
        for (var c = 0; c < _d.NClasses; c++)
        {
            var spec = _d.Classes[c];
            var k = _d.Coupons[c];
            if (r.InterestDue[c] <= T.Zero && (r.BeginBalance[c] <= T.Zero || k.Kind == CompiledDeal<T>.CouponKind.None)) continue;
            var inputs = new List<TraceValue>();
            if (spec.Notional is ClassNotional cn)
                inputs.Add(Money($"notional amount ({(cn.Factor == 1m ? "" : cn.Factor.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) + " × ")}{string.Join(" + ", cn.Classes)})", r.BeginBalance[c]));
            else if (spec.Notional is PremiumLoanNotional) inputs.Add(Money("notional amount (premium loans' balance)", r.BeginBalance[c]));
            else inputs.Add(Money("Class Certificate Balance", r.BeginBalance[c]));
            var frac = Coupons.Fraction<T>(spec.DayCount, l.ActualDays);
            switch (k.Kind)
            {
                case CompiledDeal<T>.CouponKind.Formula:
                    inputs.Add(Pct($"index {k.Index}", Num<T>.Of(l.Index(k.IndexId))));
                    if (k.Multiplier != T.One) inputs.Add(Num("multiplier", k.Multiplier));
                    inputs.Add(Pct("margin", k.Margin));
                    if (k.Floor is { } fl) inputs.Add(Pct("floor", fl));
                    if (k.Cap is { } cap)
                    {
                        var raw = Num<T>.Of(l.Index(k.IndexId)) * k.Multiplier + k.Margin;
                        if (k.Floor is { } f) raw = Num<T>.Max(raw, f);
                        inputs.Add(Pct("rate before the cap", raw));
                        inputs.Add(Pct("cap", cap));
                    }
                    if (k.NetWacGroups is { } ng) inputs.Add(Pct("net WAC cap (restated to the day count)", Coupons.NetWac(l, ng) * Coupons.Fraction<T>(Remic.Core.DayCount.Thirty360, 0) / frac));
                    break;
                case CompiledDeal<T>.CouponKind.NetWac:
                    inputs.Add(Pct(_d.IsSubordinate[c] ? "net WAC of the groups, weighted by subordinate amounts" : "net WAC of the groups", _d.IsSubordinate[c] ? Coupons.SubordinateNetWac(l, k.NetWacGroups!) : Coupons.NetWac(l, k.NetWacGroups!)));
                    if (k.Margin != T.Zero) inputs.Add(Pct("less", k.Margin));
                    break;
                case CompiledDeal<T>.CouponKind.StripExcess:
                    foreach (var g in _d.ClassGroups[c]) inputs.Add(Money($"premium loans' interest above the strip rate, group {Grp(g)}", l.Groups[g].ClassXExcessInterest));
                    break;
            }
            inputs.Add(Pct("pass-through rate", r.Coupon[c]));
            if (k.Kind != CompiledDeal<T>.CouponKind.StripExcess) inputs.Add(Num($"day count fraction ({DayCountText(spec.DayCount, l.ActualDays)})", frac));
            inputs.Add(Money("current interest", current[c]));
            if (uncapped[c] > current[c])
            {
                inputs.Add(Money("interest at the rate before the cap", uncapped[c]));
                inputs.Add(Money("net rate cap shortfall (for the corridor)", uncapped[c] - current[c]));
            }
            if (r.InterestShortfall[c] > T.Zero) inputs.Add(Money("less Net Interest Shortfall allocated", r.InterestShortfall[c]));
            if (l.State.UnpaidInterest[c] > T.Zero) inputs.Add(Money("plus unpaid interest from prior dates", l.State.UnpaidInterest[c]));
            Add(New(TraceKind.Interest, "Interest Distribution Amount", Deal.Sources.Class(c)) with
            {
                Classes = [Cls(c)], Rule = RuleText.Of(spec), Inputs = inputs, Result = Money("Interest Distribution Amount", r.InterestDue[c]),
            });
        }
    }

    internal static string DayCountText(Remic.Core.DayCount dc, int days) => dc switch
    {
        Remic.Core.DayCount.Thirty360 => "30/360",
        Remic.Core.DayCount.Actual360 => $"ACT/360, {days} days",
        _ => $"ACT/365, {days} days",
    };

    /// <summary>The Senior Step Down Conditions and the share of the Subordinate Percentage the seniors keep.</summary>
    public void StepDown(Ledger<T> l, T subBal, T delinquent, T cumLoss, int year, bool passed, T share, T? twoTimes)
    {
        if (!_d.HasShifting) return;
        var k = Math.Clamp(year - 5, 0, _d.StepDownLossByYear.Length - 1);
        var inputs = new List<TraceValue>
        {
            new("year of the deal", year + 1, TraceUnit.Number),
            Money("subordinate classes' balance", subBal),
            Money("60+ day delinquencies incl. foreclosure, REO, bankruptcy (six-month average)", delinquent),
            Money($"delinquency limit ({P(_d.StepDownDelinq):0.##}% of the subordinate balance)", _d.StepDownDelinq * subBal),
            Money("cumulative realized losses", cumLoss),
            Money($"loss limit ({P(_d.StepDownLossByYear[k]):0.##}% of the original subordinate balance)", _d.StepDownLossByYear[k] * _d.OriginalSubTotal),
            Flag("step-down tests passed", passed),
            Pct("scheduled share for the year", _d.ShiftByYear[Math.Min(year, _d.ShiftByYear.Length - 1)]),
            Pct("share in effect on the prior date", l.State.SeniorPrepaymentShift),
        };
        if (_d.TwoTimes is not null) inputs.Add(twoTimes is { } tt ? Pct("two-times test passed: share", tt) : Flag("two-times test passed", false));
        Add(New(TraceKind.StepDown, "Senior Step Down Conditions", Deal.Sources.ShiftingInterest) with
        {
            Rule = passed ? "passed: the share steps down to the year's level" : _d.FailedKeepsPriorYear
                ? "failed: no decrease (the share in effect on the prior date stays)" : "failed: the share is 100%",
            Inputs = inputs, Result = Pct("share of the Subordinate Percentage kept by the seniors", share),
        });
    }

    /// <summary>A group's Senior Percentage, Senior Prepayment Percentage and Senior Principal Distribution Amount (and its PO Formula Principal Amount).</summary>
    public void SeniorPrincipal(Ledger<T> l, int g, T sr, T srpp, T sched, T prepay, T liqProceeds, T liqBalance, T sSched, T sPrepay, T sLiq, bool aboveOriginal)
    {
        var seniors = T.Zero;
        foreach (var i in _d.Seniors[g]) seniors += Num<T>.Pos(l.R.BeginBalance[i]);
        var inputs = new List<TraceValue>
        {
            Money("senior classes' balance", seniors), Money("non-PO pool balance", l.NonPoBegin[g]),
            Pct("Senior Percentage", sr), Pct("original Senior Percentage", _d.OriginalSeniorPct[g]),
        };
        if (_d.HasShifting && aboveOriginal) inputs.Add(Flag("a group's Senior Percentage is above its original (Senior Prepayment Percentage 100%)", true));
        inputs.Add(Pct("Senior Prepayment Percentage", srpp));
        inputs.Add(Money("non-PO scheduled principal", sched));
        inputs.Add(Money("non-PO prepayments", prepay));
        inputs.Add(Money("non-PO liquidation proceeds", liqProceeds));
        if (liqBalance > T.Zero) inputs.Add(Money("non-PO liquidated balance", liqBalance));
        inputs.Add(Money("Senior Percentage × scheduled principal", sSched));
        inputs.Add(Money("Senior Prepayment Percentage × prepayments", sPrepay));
        inputs.Add(Money("min(Senior % × liquidated balance, Senior Prepayment % × liquidation proceeds)", sLiq));
        Add(New(TraceKind.SeniorPrincipal, "Senior Principal Distribution Amount", Deal.Sources.ShiftingInterest.Line > 0 ? Deal.Sources.ShiftingInterest : Deal.Sources.Group(g)) with
        {
            Group = Grp(g), Inputs = inputs, Result = Money("Senior Principal Distribution Amount", l.SeniorPda[g]),
        });
        PoFormula(l, g);
    }

    /// <summary>
    /// The deal's last distribution (no loan left after it): the seniors take the group's principal up to their balances
    /// before any subordinate (docs/deal-format.md, "The deal's last distribution").
    /// </summary>
    public void SeniorPrincipalLastDate(Ledger<T> l, int g, T nonPoPrincipal, T poExtra, T seniorsLeft)
    {
        var inputs = new List<TraceValue> { Money("senior classes' balance", seniorsLeft), Money("non-PO principal", nonPoPrincipal - poExtra) };
        if (poExtra > T.Zero) inputs.Add(Money("PO principal beyond the Class PO's balance", poExtra));
        Add(New(TraceKind.SeniorPrincipal, "Senior Principal Distribution Amount", Deal.Sources.ShiftingInterest.Line > 0 ? Deal.Sources.ShiftingInterest : Deal.Sources.Group(g)) with
        {
            Group = Grp(g),
            Rule = "the deal's last distribution: every class is retired in order of priority, the seniors first, up to their balances",
            Inputs = inputs, Result = Money("Senior Principal Distribution Amount", l.SeniorPda[g]),
        });
        PoFormula(l, g);
    }

    private void PoFormula(Ledger<T> l, int g)
    {
        var po = _d.PoClass[g];
        if (po < 0) return;
        var c = l.Groups[g];
        Add(New(TraceKind.PoPrincipal, "PO Formula Principal Amount", Deal.Sources.Class(po)) with
        {
            Group = Grp(g),
            Rule = "the PO percentage ((strip − net rate) / strip) of each discount loan's principal",
            Inputs = [Money("Class PO portion of scheduled principal", c.PoScheduledPrincipal), Money("Class PO portion of prepayments", c.PoPrepayments),
                Money("Class PO portion of liquidation proceeds", c.PoLiquidationProceeds)],
            Result = Money("PO Formula Principal Amount", c.PoPrincipal),
        });
    }

    /// <summary>The Subordinate Principal Distribution Amount: what the seniors' amounts leave of the non-PO principal.</summary>
    public void SubordinatePrincipal(Ledger<T> l)
    {
        if (_d.Subordinates.Length == 0) return;
        Add(New(TraceKind.SubordinatePrincipal, "Subordinate Principal Distribution Amount", Deal.Sources.ShiftingInterest) with
        {
            Rule = "each group's non-PO principal less its Senior Principal Distribution Amount",
            Inputs = [Money("clause (i): scheduled principal", l.SubScheduled), Money("clauses (ii) and (iii): liquidation principal and prepayments", l.SubUnscheduled)],
            Result = Money("Subordinate Principal Distribution Amount", l.SubScheduled + l.SubUnscheduled),
        });
    }
}
