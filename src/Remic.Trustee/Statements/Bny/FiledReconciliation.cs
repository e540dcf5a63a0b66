using System.Globalization;
using Remic.Core;

namespace Remic.Trustee.Statements.Bny;

/// <summary>One finding: what was checked, for which class, the figure expected and the one filed, and the likely reason.</summary>
public sealed record Break(string Check, string Class, decimal? Expected, decimal? Filed, string Convention)
{
    public decimal? Difference => Expected is { } e && Filed is { } f ? f - e : null;
}

/// <summary>How a group's interest was found to be computed: the accrual convention that reproduces every class of the group to the cent.</summary>
public sealed record GroupInterest(string Group, IReadOnlyList<string> Classes, decimal Shortfall, string? Convention, IReadOnlyList<Break> Breaks)
{
    /// <summary>Every convention tried that reproduces every class of the group.</summary>
    public IReadOnlyList<string> Reproducing { get; init; } = [];

    /// <summary>
    /// The classes of several groups (the deal being known; without it, the classes no name places in a group, when they do not share one
    /// shortfall pro rata): each checked against its own Net Interest Shortfall as printed, not a shortfall shared among them (<see cref="Reproducing"/> then names accrual conventions only); or, when the statement prints no
    /// Interest Distribution Detail, not checked from its figures at all (<see cref="Convention"/> says so).
    /// </summary>
    public bool SeveralGroups { get; init; }

    /// <summary>
    /// A group's own classes checked from their printed Net Interest Shortfalls, each within two cents of pro rata (the deal has classes
    /// of several groups, which share the group's remainder cents); <see cref="Reproducing"/> then names accrual conventions only.
    /// </summary>
    public bool PrintedShares { get; init; }

    /// <summary>Checked from the printed shortfalls: <see cref="Reproducing"/> names accrual conventions, not (accrual, sharing) pairs.</summary>
    public bool ByAccrualOnly => SeveralGroups || PrintedShares;

    /// <summary>Classes of several groups the statement gives nothing to check them by (<see cref="Convention"/> says why): no break.</summary>
    public bool Unchecked => SeveralGroups && Reproducing.Count == 0 && Convention is not null;
}

/// <summary>What reconciling a filed statement found; <see cref="Compared"/> when a ledger period was given.</summary>
public sealed record FiledReport(FiledStatement Filed, IReadOnlyList<Break> Identities, IReadOnlyList<GroupInterest> Interest, IReadOnlyList<Break> LedgerBreaks,
    IReadOnlyList<string> Unmatched, bool Compared = false);

/// <summary>
/// Checks a filed statement on its own (beginning − principal − current loss = ending; principal + interest = total; column totals;
/// 30/360 accrual at the stated rate with any shortfall allocated pro rata within the class's group) and, given a ledger period's
/// statement, compares every class figure with the close and names the most likely convention behind each break.
/// </summary>
public static class FiledReconciliation
{
    /// <summary>
    /// Interest accrual conventions tried, each followed by the pro-rata allocation of the group's shortfall (Σ accrual − Σ paid) by
    /// accrual with each share rounded half away from zero — the rule the CWALT prospectus supplements state ("pro rata based on the
    /// interest ... they would otherwise be entitled to"). "binary double" is a month's interest computed as balance × (rate / 100) / 12
    /// in IEEE double precision and then rounded to the cent: a half cent then falls up or down as its binary value does (the Bank of
    /// New York's 2008 statements for CWALT 2008-2R show both: 9,577,507 × 6% / 12 = 47,887.535 paid 47,887.53, and 2,352,911 × 6% / 12 =
    /// 11,764.555 accrued 11,764.56).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Func<decimal, decimal, decimal> Accrual)> Conventions =
    [
        ("decimal, half-cent up", (b, r) => Math.Round(b * r / 1200m, 2, MidpointRounding.AwayFromZero)),
        ("binary double, rounded to the cent", (b, r) => Math.Round(ExactDecimal((double)b * ((double)r / 100.0) / 12.0), 2, MidpointRounding.AwayFromZero)),
        ("decimal, truncated to the cent", (b, r) => Math.Truncate(b * r / 1200m * 100m) / 100m),
    ];

    /// <summary>A double's shortest round-trip value as a decimal (47,887.534999999996 stays below the half cent; a cast would make it 47,887.535).</summary>
    private static decimal ExactDecimal(double x) => decimal.Parse(x.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <param name="deal">The ledger's deal, when known: a class's loan group is then the deal file's, not the one its name implies
    /// (Class A-R of J4 is a group 1 class); the classes of several groups, such as a two-group deal's subordinates, are checked one by
    /// one from their printed shortfalls.</param>
    public static FiledReport Reconcile(FiledStatement filed, Statement? ledger = null, Remic.Deals.Model.Deal? deal = null)
    {
        var identities = Identities(filed);
        var groupOf = deal?.Classes.ToDictionary(c => Key(c.Name), c => c.Groups.Count == 1 ? c.Groups[0] : "");
        string GroupOf(FiledClass c) => groupOf is not null && groupOf.TryGetValue(Key(c.Name), out var g) ? g : c.Group;
        var sharedClasses = groupOf is not null ? groupOf.Values.Any(g => g.Length == 0) : filed.Classes.Any(c => c.Group.Length == 0);
        // Given the deal, the classes of no one group are exactly the classes of several groups: each bears every group's shortfall by its
        // component there, which the statement's own figures cannot reproduce (see SeveralGroupsInterest).
        var interest = filed.Classes.Where(c => c.Beginning is not null && c.Rate is not null && c.Interest is not null && IsThirty360(c))
            .GroupBy(GroupOf).Select(g => NoOneGroup(g.Key, g.ToList())).ToList();
        // Without the deal, the classes whose name implies no group (PO, X, M, B-1 ...) are first tried as one group sharing one
        // shortfall; when that fails and the statement prints each one's shortfall, they are checked class by class as above.
        GroupInterest NoOneGroup(string group, List<FiledClass> classes)
        {
            if (group.Length > 0)
            {
                var own = Interest(group, classes);
                return own.Convention is null && sharedClasses && classes.All(c => c.InterestDetail is not null) ? PrintedShares(group, classes) : own;
            }
            if (groupOf is not null) return SeveralGroupsInterest(classes);
            var shared = Interest(group, classes);
            return shared.Convention is null && classes.All(c => c.InterestDetail is not null) ? SeveralGroupsInterest(classes) : shared;
        }
        var (breaks, unmatched) = ledger is null ? ([], []) : Compare(filed, ledger);
        return new FiledReport(filed, identities, interest, breaks, unmatched, ledger is not null);
    }

    private static bool IsThirty360(FiledClass c) => c.RateType is null || c.RateType.EndsWith("30/360", StringComparison.OrdinalIgnoreCase);

    private static List<Break> Identities(FiledStatement f)
    {
        var list = new List<Break>();
        foreach (var c in f.Classes)
        {
            if (!c.Notional && c.Beginning is { } b && c.Principal is { } p && c.Ending is { } e && b - p - (c.CurrentLoss ?? 0) + (c.Accretion ?? 0) != e)
                list.Add(new(c.Accretion is null ? "beginning − principal − current loss = ending" : "beginning − principal − current loss + accretion = ending",
                    c.Name, b - p - (c.CurrentLoss ?? 0) + (c.Accretion ?? 0), e,
                    c.Accretion is null ? "the filing's own figures disagree (a write-up, accretion not shown in the text, or a misprint)" : "the filing's own figures disagree (a write-up or a misprint)"));
            if (c.Principal is { } pp && c.Interest is { } i && c.Total is { } t && pp + i != t)
                list.Add(new("principal + interest = total", c.Name, pp + i, t, Math.Abs(pp + i - t) == 0.01m
                    ? "a cent: the total was rounded from unrounded principal and interest (or a misprint)" : "the filing's own figures disagree (a misprint)"));
        }
        var money = f.Classes.Where(c => !c.Notional).ToList();
        void Total(string column, decimal? filed, IEnumerable<decimal?> values)
        {
            var v = values.ToList();
            if (filed is { } t && v.All(x => x is not null) && v.Sum() != t)
                list.Add(new($"Totals: {column} = sum of the classes", "Totals", v.Sum(), t,
                    column == "interest" || column == "total" ? "notional classes counted differently" : "notional classes counted differently, or a class missing from the text"));
        }
        Total("beginning balance", f.Totals.Beginning, money.Select(c => c.Beginning));
        Total("principal", f.Totals.Principal, f.Classes.Select(c => c.Principal));
        Total("interest", f.Totals.Interest, f.Classes.Select(c => c.Interest));
        Total("total", f.Totals.Total, f.Classes.Select(c => c.Total));
        Total("ending balance", f.Totals.Ending, money.Select(c => c.Ending));
        return list;
    }

    /// <summary>
    /// How a group's shortfall is shared among its classes, pro rata by accrual: each share rounded to the cent on its own (half away from
    /// zero; what the filed CWALT statements read here show), or the largest-remainder method (each share rounded down, the cents left go one
    /// each to the largest remainders, so the shares add up to the shortfall exactly: what Remic's trustee close does). The two agree
    /// whenever the rounded shares already add up.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Func<decimal, decimal[], decimal[]> Share)> Allocations =
    [
        ("shares rounded", (shortfall, accrued) => RoundedShares(shortfall, accrued)),
        ("largest remainder", (shortfall, accrued) => LargestRemainder(shortfall, accrued)),
    ];

    private static decimal[] RoundedShares(decimal shortfall, decimal[] accrued)
    {
        var total = accrued.Sum();
        return accrued.Select(a => total == 0 ? 0m : Math.Round(shortfall * a / total, 2, MidpointRounding.AwayFromZero)).ToArray();
    }

    private static decimal[] LargestRemainder(decimal shortfall, decimal[] accrued)
    {
        var total = accrued.Sum();
        if (total <= 0) return new decimal[accrued.Length];
        var exact = accrued.Select(a => shortfall * a / total).ToArray();
        var shares = exact.Select(x => Math.Floor(x * 100m) / 100m).ToArray();
        var order = Enumerable.Range(0, accrued.Length).OrderByDescending(i => exact[i] - shares[i]).ToArray();
        for (var (left, i) = (shortfall - shares.Sum(), 0); left >= 0.01m && i < order.Length; left -= 0.01m, i++) shares[order[i]] += 0.01m;
        return shares;
    }

    /// <summary>
    /// The group's interest: for each accrual convention and each way of sharing the group's shortfall (Σ accrual − Σ paid, never negative)
    /// pro rata by accrual, whether every class's interest paid is reproduced. The first pair that reproduces every class is reported; when
    /// none does, the breaks of the first are listed.
    /// </summary>
    private static GroupInterest Interest(string group, List<FiledClass> classes)
    {
        List<Break>? firstBreaks = null;
        decimal firstShortfall = 0;
        GroupInterest? found = null;
        var reproducing = new List<string>();
        foreach (var (accrualName, accrual) in Conventions)
        foreach (var (shareName, share) in Allocations)
        {
            var name = PairName(accrualName, shareName);
            var accrued = classes.Select(c => Accrued(c, accrual)).ToArray();
            var shortfall = Math.Max(0m, accrued.Sum() - classes.Sum(Distributed));
            var shares = share(shortfall, accrued);
            var breaks = new List<Break>();
            for (var k = 0; k < classes.Count; k++)
            {
                var expected = accrued[k] - shares[k];
                if (expected != Distributed(classes[k]))
                    breaks.Add(new($"interest{(classes[k].Accretion is > 0 ? " + accretion" : "")} = 30/360 accrual at the rate − pro-rata share of the group's shortfall ({name})",
                        classes[k].Name, expected, Distributed(classes[k]), Likely(expected, Distributed(classes[k]), accrued[k])));
            }
            if (breaks.Count == 0)
            {
                reproducing.Add(name);
                found ??= new GroupInterest(group, classes.Select(c => c.Name).ToArray(), shortfall, name, []);
            }
            else if (firstBreaks is null) (firstBreaks, firstShortfall) = (breaks, shortfall);
        }
        return (found ?? new GroupInterest(group, classes.Select(c => c.Name).ToArray(), firstShortfall, null, firstBreaks!)) with { Reproducing = reproducing };
    }

    /// <summary>
    /// The interest of the classes of several groups (a multi-group deal's subordinates and Class X, the deal being known). Each group's Net
    /// Interest Shortfall falls on such a class by its component of that group (CWALT: the subordinates' interest portion of each group;
    /// Class X by the group's excess interest), figures the statement does not print, so the shares cannot be recomputed from it. What can
    /// be checked is each class on its own: interest distributed = 30/360 accrual at the printed rate − the class's Net Interest Shortfall
    /// as printed in the Interest Distribution Detail, for a class with no Interest Carryforward Amount and nothing due from before (Total
    /// Interest Due = Current Interest); otherwise Total Interest Due − Net Interest Shortfall − Interest Carryforward Amount. A variable
    /// rate (a weighted average of the groups' rates) is printed rounded to its last decimal, so its accrual is known only within the
    /// balance × half a unit of that decimal / 1200; a difference within that bound is no break. Without the detail section the classes
    /// are left unchecked here (the ledger comparison, when given, still covers every figure).
    /// </summary>
    private static GroupInterest SeveralGroupsInterest(List<FiledClass> classes)
    {
        var names = classes.Select(c => c.Name).ToArray();
        if (classes.Any(c => c.InterestDetail is null))
            return new GroupInterest("", names, classes.Sum(c => c.InterestDetail?.NetShortfall ?? 0),
                "not checked from the statement: each group's shortfall falls on these classes by their components of it, and the text has no Interest Distribution Detail to read their shares from",
                []) { SeveralGroups = true };
        return ByPrintedShortfalls("", classes, proRata: false) with { SeveralGroups = true };
    }

    /// <summary>
    /// A group's own classes, when their interest is not reproduced exactly by any sharing of the group's shortfall among them alone and
    /// the deal has classes of several groups: CWALT shares each group's shortfall among its classes and the components of those classes,
    /// one pro-rata split, so the group's remainder cents may fall on a component and the group's own classes' shares are each within a
    /// cent of their pro-rata part, and their sum within a cent or so of theirs. Checked instead: each class's interest from its own printed
    /// Net Interest Shortfall, as for the classes of several groups, and each printed shortfall within two cents of the class's pro-rata
    /// share (by accrual) of the shortfalls printed for the group's classes.
    /// </summary>
    private static GroupInterest PrintedShares(string group, List<FiledClass> classes) => ByPrintedShortfalls(group, classes, proRata: true) with { PrintedShares = true };

    /// <summary>Each class's interest from its own printed Net Interest Shortfall (and, with <paramref name="proRata"/>, each shortfall within two cents of pro rata), under every accrual convention.</summary>
    private static GroupInterest ByPrintedShortfalls(string group, List<FiledClass> classes, bool proRata)
    {
        var names = classes.Select(c => c.Name).ToArray();
        var shortfall = classes.Sum(c => c.InterestDetail!.NetShortfall);
        List<Break>? firstBreaks = null;
        var reproducing = new List<string>();
        foreach (var (accrualName, accrual) in Conventions)
        {
            var breaks = new List<Break>();
            var accrued = classes.Select(c => Accrued(c, accrual)).ToArray();
            var total = accrued.Sum();
            for (var k = 0; k < classes.Count; k++)
            {
                var c = classes[k];
                var x = c.InterestDetail!;
                var plain = x.Plain;
                var expected = plain ? accrual(c.Beginning!.Value, c.Rate!.Value) - x.NetShortfall : x.Due - x.NetShortfall - x.Carryforward;
                var tolerance = plain && IsVariable(c) ? RatePrecision(c.Beginning!.Value, c.Rate!.Value) : 0m;
                if (Math.Abs(expected - Distributed(c)) > tolerance)
                    breaks.Add(new(plain
                            ? $"interest{(c.Accretion is > 0 ? " + accretion" : "")} = 30/360 accrual at the rate − the class's Net Interest Shortfall as printed ({accrualName}{(tolerance > 0 ? $", within ±{tolerance:0.00} for the rate's printed decimals" : "")})"
                            : $"interest{(c.Accretion is > 0 ? " + accretion" : "")} = Total Interest Due − Net Interest Shortfall − Interest Carryforward Amount",
                        c.Name, expected, Distributed(c), Math.Abs(expected - Distributed(c)) - tolerance <= 0.01m
                            ? "a cent: the half-cent rule, or the rate's unprinted decimals"
                            : "the class's interest does not follow from its own accrual and printed shortfall (a misprint, another rate, or interest from another source)"));
                var share = total == 0 ? 0m : shortfall * accrued[k] / total;
                if (proRata && Math.Abs(x.NetShortfall - share) > 0.02m)
                    breaks.Add(new($"Net Interest Shortfall = pro-rata share of the group's printed shortfalls, within two cents ({accrualName})", c.Name,
                        Math.Round(share, 2, MidpointRounding.AwayFromZero), x.NetShortfall, "a shortfall not allocated pro rata within this group (another group's, or a class-specific shortfall)"));
            }
            if (breaks.Count == 0) reproducing.Add(accrualName);
            else firstBreaks ??= breaks;
        }
        return new GroupInterest(group, names, shortfall, reproducing.Count > 0 ? reproducing[0] : null, reproducing.Count > 0 ? [] : firstBreaks!)
            { Reproducing = reproducing };
    }

    /// <summary>
    /// A class's 30/360 accrual at its printed rate; for a variable rate (Class X's weighted average, printed to six decimals) the
    /// statement's own Current Interest instead, when the Interest Distribution Detail prints one within the accrual that rate's rounding
    /// allows (and nothing is carried forward): a cent or so of a large strip's accrual would otherwise move the group's shortfall and
    /// every class's share of it.
    /// </summary>
    private static decimal Accrued(FiledClass c, Func<decimal, decimal, decimal> accrual)
    {
        var a = accrual(c.Beginning!.Value, c.Rate!.Value);
        return c.InterestDetail is { Plain: true } x && IsVariable(c)
            && Math.Abs(x.Current - a) <= RatePrecision(c.Beginning.Value, c.Rate.Value) ? x.Current : a;
    }

    private static bool IsVariable(FiledClass c) => (c.RateType ?? "").StartsWith("Var", StringComparison.OrdinalIgnoreCase);

    /// <summary>How far a month's 30/360 accrual can be from the one at the printed rate: balance × half a unit of the rate's last printed decimal / 1200, in whole cents up.</summary>
    private static decimal RatePrecision(decimal balance, decimal rate)
    {
        var halfUnit = 0.5m / (decimal)Math.Pow(10, rate.Scale);
        return Math.Ceiling(balance * halfUnit / 1200m * 100m) / 100m;
    }

    /// <summary>How a convention pair is named in the report: "decimal, half-cent up, shares rounded".</summary>
    private static string PairName(string accrual, string sharing) => $"{accrual}, {sharing}";

    /// <summary>A class's interest distributed: paid in cash, or (an accrual class) added to its balance as Accretion Principal.</summary>
    private static decimal Distributed(FiledClass c) => c.Interest!.Value + (c.Accretion ?? 0);

    /// <summary>The conventions that reproduce every group's interest (the trustee's evident rule), or none.</summary>
    public static IReadOnlyList<string> CommonConventions(FiledReport r) =>
        r.Interest.Count(g => !g.SeveralGroups) == 0 ? [] : Conventions.SelectMany(c => Allocations.Select(a => (c.Name, Pair: PairName(c.Name, a.Name))))
            .Where(n => r.Interest.All(g => g.ByAccrualOnly ? g.Unchecked || g.Reproducing.Contains(n.Name) : g.Reproducing.Contains(n.Pair)))
            .Select(n => n.Pair).ToArray();

    private static string Likely(decimal expected, decimal filed, decimal accrued)
    {
        var d = filed - expected;
        if (Math.Abs(d) == 0.01m) return "a cent: the half-cent rule or where the remainder cent of the allocation went";
        if (filed < accrued) return "a shortfall not allocated pro rata within this group (another group's, or a class-specific shortfall)";
        return "interest above the accrual: a carryforward or corridor payment, or another rate";
    }

    /// <summary>A class name compared without dashes and case: "1A1" = "1-A-1".</summary>
    private static string Key(string n) => n.Replace("-", "").ToUpperInvariant();

    /// <summary>Each filed class against the ledger's class of the same name (compared by <see cref="Key"/>).</summary>

    private static (List<Break>, List<string>) Compare(FiledStatement f, Statement s)
    {
        var ledger = s.Classes.GroupBy(k => Key(k.Name)).ToDictionary(g => g.Key, g => g.First());
        var breaks = new List<Break>();
        var unmatched = new List<string>();
        foreach (var c in f.Classes)
        {
            if (!ledger.TryGetValue(Key(c.Name), out var k)) { unmatched.Add($"filed class {c.Name} is not a class of the ledger's deal"); continue; }
            if (c.Cusip is { } cusip && k.Cusip is { } mine && cusip != mine)
                breaks.Add(new("CUSIP", c.Name, null, null, $"filed {cusip}, the deal file says {mine}"));
            void One(string what, decimal mine, decimal? filed, string likely)
            {
                if (filed is { } v && v != mine) breaks.Add(new(what, c.Name, mine, v, Math.Abs(v - mine) == 0.01m ? "a cent: the half-cent rule or the remainder cent" : likely));
            }
            One("beginning balance", k.BeginningBalance, c.Beginning, "a different history before this period (an earlier month closed differently)");
            One("pass-through rate", Math.Round((k.PassThroughRate ?? 0m) * 100m, 6), c.Rate, "another index fixing or rate formula");
            One("principal", k.Principal, c.Principal, "principal allocation (shifting-interest percentages, or prepayment/liquidation amounts)");
            One("interest", k.Interest, c.Interest, "the interest shortfall allocation or the accrual's rounding");
            One("total", k.Principal + k.Interest, c.Total, "follows the principal and interest breaks");
            One("current realized loss", k.RealizedLoss, c.CurrentLoss, "loss allocation (order of the subordinates, or the liquidated loan's interest)");
            One("ending balance", k.EndingBalance, c.Ending, "follows the principal and loss breaks");
            One("cumulative realized loss", k.CumulativeRealizedLoss, c.CumulativeLoss, "losses of earlier months, or subsequent recoveries written up");
        }
        unmatched.AddRange(s.Classes.Where(k => f.Classes.All(c => Key(c.Name) != Key(k.Name))).Select(k => $"ledger class {k.Name} is not in the filed statement"));
        return (breaks, unmatched);
    }

    public static string Render(FiledReport r)
    {
        var F = CultureInfo.InvariantCulture;
        string M(decimal? x) => x is { } v ? v.ToString("#,##0.00", F) : "-";
        var sb = new System.Text.StringBuilder();
        var f = r.Filed;
        sb.Append($"filed statement {f.FileName}: {f.Title ?? "(no title)"}, distribution date {(f.DistributionDate is { } d ? d.ToString("yyyy-MM-dd", F) : "not found")}, {f.Classes.Count} classes\n");
        foreach (var n in f.Notes) sb.Append("  note: ").Append(n).Append('\n');
        sb.Append($"internal identities: {(r.Identities.Count == 0 ? "all hold" : $"{r.Identities.Count} breaks")}\n");
        foreach (var b in r.Identities) sb.Append($"  {b.Class}: {b.Check}: expected {M(b.Expected)}, filed {M(b.Filed)} (difference {M(b.Difference)}): {b.Convention}\n");
        foreach (var g in r.Interest)
        {
            var name = g.Group.Length == 0 ? g.SeveralGroups ? "classes of no one group" : "all classes" : $"group {g.Group}";
            if (g.Unchecked)
                sb.Append($"interest, {name} ({string.Join(", ", g.Classes)}): {g.Convention}\n");
            else if (g.PrintedShares && g.Convention is not null)
                sb.Append($"interest, {name} ({string.Join(", ", g.Classes)}): each class reproduced to the cent with its own Net Interest Shortfall as printed ({M(g.Shortfall)} in all), each within two cents of pro rata (the group's remainder cents are shared with the components of classes of several groups); accrual conventions that reproduce them: {string.Join("; ", g.Reproducing)}\n");
            else if (g.SeveralGroups && g.Convention is not null)
                sb.Append($"interest, {name} ({string.Join(", ", g.Classes)}): each class reproduced to the cent with its own Net Interest Shortfall as printed ({M(g.Shortfall)} in all); accrual conventions that reproduce them: {string.Join("; ", g.Reproducing)}\n");
            else sb.Append(g.Convention is { } c
                ? $"interest, {name} ({string.Join(", ", g.Classes)}): reproduced to the cent with a shortfall of {M(g.Shortfall)} allocated pro rata; conventions (accrual, sharing) that reproduce it: {string.Join("; ", g.Reproducing)}\n"
                : $"interest, {name} ({string.Join(", ", g.Classes)}): not reproduced by any convention tried; {g.Breaks.Count} breaks\n");
            foreach (var b in g.Breaks) sb.Append($"  {b.Class}: {b.Check}: expected {M(b.Expected)}, filed {M(b.Filed)} (difference {M(b.Difference)}): {b.Convention}\n");
        }
        if (r.Interest.Count > 0)
            sb.Append(CommonConventions(r) is { Count: > 0 } common
                ? $"every group's interest is reproduced by: {string.Join("; ", common)}\n"
                : "no one accrual convention reproduces every group's interest\n");
        if (r.Compared)
        {
            sb.Append(r.LedgerBreaks.Count == 0 && r.Unmatched.Count == 0 ? "against the ledger: every class agrees to the cent\n" : $"against the ledger: {r.LedgerBreaks.Count} breaks\n");
            foreach (var b in r.LedgerBreaks) sb.Append($"  {b.Class}: {b.Check}: ledger {M(b.Expected)}, filed {M(b.Filed)} (difference {M(b.Difference)}): likely {b.Convention}\n");
            foreach (var u in r.Unmatched) sb.Append("  ").Append(u).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Whether anything disagreed: an identity, a group's interest, or the ledger.</summary>
    public static bool HasBreaks(FiledReport r) => r.Identities.Count > 0 || r.Interest.Any(g => g.Convention is null) || r.LedgerBreaks.Count > 0 || r.Unmatched.Count > 0;
}
