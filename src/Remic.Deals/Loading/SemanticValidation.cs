using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>
/// Checks a schema-valid deal for what a schema cannot see: names that refer to nothing, balances that do
/// not add up, a floater without an index, PAC bands that overlap, a Class PO that is not the PO pool.
/// Each problem is reported at its line and column.
/// </summary>
internal sealed partial class SemanticValidation(SourceMap map, JObject root, Deal deal)
{
    private readonly List<InputError> _errors = [];

    public IReadOnlyList<InputError> Check()
    {
        var groupNames = deal.Groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var classNames = new Dictionary<string, int>(StringComparer.Ordinal);
        Metadata();
        for (var i = 0; i < deal.Groups.Count; i++)
        {
            var g = deal.Groups[i];
            if (deal.Groups.Take(i).Any(x => x.Name == g.Name))
                Err($"groups[{i}].name", g.Name, "a loan group name must be unique; this one is used twice");
            if (g.TapePath is not null && g.Loans.Count == 0 && !File.Exists(TapeGroups.Resolve(deal.SourceFile, g.TapePath)))
                Err($"groups[{i}].tape", g.TapePath, $"no tape file at {TapeGroups.Resolve(deal.SourceFile, g.TapePath)} (tape paths are relative to the deal file)");
            else if (g.TapePath is not null && g.Loans.Count == 0)
                Err($"groups[{i}].tape", g.TapePath, $"the tape holds no loans of group '{g.Name}'; its group column must name the deal's loan group");
            else if (g.Loans.Count == 0)
                Err($"groups[{i}]", null, "a loan group needs its loans: add rep_lines");
        }
        for (var i = 0; i < deal.Classes.Count; i++)
        {
            var c = deal.Classes[i];
            if (!classNames.TryAdd(c.Name, i))
                Err($"classes[{i}].name", c.Name, $"a class name must be unique; '{c.Name}' is already classes[{classNames[c.Name]}]");
            ClassChecks(i, c, groupNames);
        }
        Balances();
        Waterfall(root["waterfall"] as JArray, "waterfall", groupNames, classNames);
        MultiGroupInterest(groupNames);
        Other(groupNames, classNames);
        PacBands();
        Assumptions();
        Inputs();
        return _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
    }

    private void Metadata()
    {
        var m = deal.Metadata;
        if (m.CutoffDate == default || m.ClosingDate == default || m.FirstDistributionDate == default) return;
        if (m.ClosingDate < m.CutoffDate)
            Err("deal.closing_date", m.ClosingDate.ToString("yyyy-MM-dd"), $"the closing date must not be before the cut-off date {m.CutoffDate:yyyy-MM-dd}");
        if (m.FirstDistributionDate <= m.ClosingDate)
            Err("deal.first_distribution_date", m.FirstDistributionDate.ToString("yyyy-MM-dd"), $"the first distribution date must be after the closing date {m.ClosingDate:yyyy-MM-dd}");
    }

    /// <summary>The 100% PPC must be a ramp of CPRs; an assumed index must be one a coupon, corridor or ARM loan uses.</summary>
    private void Assumptions()
    {
        if (deal.Metadata.PrepaymentAssumption is { } r)
        {
            var inv = CultureInfo.InvariantCulture;
            if (r.StartCpr is < 0 or > 100)
                Err("deal.prepayment_assumption.start_cpr", r.StartCpr.ToString(inv), "expected a CPR in percent from 0 to 100");
            if (r.PlateauCpr is < 0 or > 100)
                Err("deal.prepayment_assumption.plateau_cpr", r.PlateauCpr.ToString(inv), "expected a CPR in percent from 0 to 100");
            if (r.MonthsToPlateau < 1)
                Err("deal.prepayment_assumption.months_to_plateau", r.MonthsToPlateau.ToString(inv), "expected a whole number of months ≥ 1");
        }
        var used = DealIndices.Used(deal);
        foreach (var name in deal.Assumptions.Indices.Keys)
        {
            if (!used.Contains(name, StringComparer.OrdinalIgnoreCase))
                Err($"assumptions.indices.{name}", name, atKey: true, sentence: used.Count == 0
                    ? "the deal uses no index (no floater, corridor or ARM loan): remove it"
                    : $"expected an index the deal uses ({string.Join(", ", used)})");
        }
    }

    private void ClassChecks(int i, ClassSpec c, HashSet<string> groups)
    {
        var p = $"classes[{i}]";
        if (c.Groups.Count == 0) Err(p, null, "a class needs 'group' (or 'groups'): the loan group(s) that pay it");
        for (var k = 0; k < c.Groups.Count; k++)
            if (!groups.Contains(c.Groups[k]))
                Err(root["classes"]![i]!["groups"] is not null ? $"{p}.groups[{k}]" : $"{p}.group", c.Groups[k], $"expected a loan group defined under groups ({string.Join(", ", groups)})");
        if (c.Coupon is FormulaCoupon { NetWacCapGroups: { } capGroups })
            for (var k = 0; k < capGroups.Count; k++)
                if (!groups.Contains(capGroups[k]))
                    Err($"{p}.coupon.net_wac_cap[{k}]", capGroups[k], $"expected a loan group defined under groups ({string.Join(", ", groups)})");
        if ((c.Is(ClassType.Floater) || c.Is(ClassType.InverseFloater)) && c.Coupon is not FormulaCoupon)
            Err(root["classes"]![i]!["coupon"] is null ? p : $"{p}.coupon", null,
                "a floater or inverse floater needs an index coupon such as {index: LIBOR_1MO, margin: 0.40, cap: 7.5}");
        if (c.Is(ClassType.NotionalIo) && c.Notional is null)
            Err(p, null, "a notional_io class needs 'notional': {classes: [...], factor: 1} or premium_loans");
        if (c.Coupon is StripExcessCoupon && c.Notional is not PremiumLoanNotional)
            Err($"{p}.coupon", "strip_excess", "the strip_excess coupon is for Class X, whose notional must be premium_loans");
        if ((c.Is(ClassType.Pac) || c.Is(ClassType.Tac)) && c.Schedule is null)
            Err(p, null, "a PAC or TAC class needs 'schedule': {balances: [...]} or {band: [\"100 PPC\", \"300 PPC\"]}");
        if (c.Cusip is { } cusip && CusipCheckDigit(cusip) is { } digit && digit != cusip[8])
            Err($"{p}.cusip", cusip, $"expected a CUSIP whose check digit (the 9th character) is {digit}: a mistyped CUSIP");
        if (c.Cusip is { } again && deal.Classes.Take(i).FirstOrDefault(o => o.Cusip == again) is { } first)
            Err($"{p}.cusip", again, $"expected a CUSIP of this class alone; class {first.Name} has it already");
        if (c.Is(ClassType.Po))
        {
            foreach (var gname in c.Groups)
            {
                var g = deal.Groups.FirstOrDefault(x => x.Name == gname);
                if (g is null || g.Loans.Count == 0) continue;
                if (g.StripRate is null) { Err($"{p}.type", "po", $"a Class PO needs its group '{gname}' to have a strip_rate"); return; }
            }
            var poPool = c.Groups.Select(gn => deal.Groups.FirstOrDefault(x => x.Name == gn)).Where(g => g?.StripRate is not null).Sum(g => PoBalance(g!));
            if (!BalanceTolerance.PoWithinRemainder(c.OriginalBalance, poPool))
                Err($"{p}.balance", c.OriginalBalance.ToString(CultureInfo.InvariantCulture),
                    $"expected the PO portion of the loans at the strip rate, {poPool:0.00} (Class PO must be within 1.00 of it)");
        }
        if (c.Notional is ClassNotional cn)
            for (var k = 0; k < cn.Classes.Count; k++)
                if (deal.ClassIndex(cn.Classes[k]) < 0)
                    Err($"{p}.notional.classes[{k}]", cn.Classes[k], "expected the name of a class defined under classes");
    }

    /// <summary>PO portion of a group: (strip − net)/strip of each discount loan's balance.</summary>
    internal static decimal PoBalance(LoanGroupSpec g)
    {
        if (g.StripRate is not { } s) return 0;
        var strip = (double)s / 100;
        var po = g.Loans.Sum(l => l.NetRate < strip ? l.Balance * (strip - l.NetRate) / strip : 0);
        return Math.Round((decimal)po, 2);
    }

    private void Balances()
    {
        var pool = deal.Groups.Sum(g => g.CutoffBalance);
        if (deal.Groups.Any(g => g.Loans.Count == 0)) return;
        var classes = deal.Classes.Where(c => c.HasPrincipal).Sum(c => c.OriginalBalance);
        if (!BalanceTolerance.AgreeToTheCent(pool, classes))
            Err("classes", null, string.Create(CultureInfo.InvariantCulture,
                $"the class balances add up to {classes:N2} but the loan groups' cut-off balance is {pool:N2} (difference {classes - pool:N2}); they must agree to the cent"));
    }

    private void Waterfall(JArray? steps, string path, HashSet<string> groups, Dictionary<string, int> classes)
    {
        if (steps is null) return;
        for (var i = 0; i < steps.Count; i++)
        {
            var prop = ((JObject)steps[i]).Properties().First();
            var body = (JObject)prop.Value;
            var p = $"{path}[{i}].{prop.Name}";
            foreach (var field in new[] { "from" })
                if (body[field] is { } f) GroupRefs(f, $"{p}.{field}", groups);
            if (body["group"] is { } g && !groups.Contains(DealBuilder.Str(g)))
                Err($"{p}.group", DealBuilder.Str(g), $"expected a loan group defined under groups ({string.Join(", ", groups)})");
            foreach (var field in new[] { "classes", "class" })
                if (body[field] is { } c) ClassRefs(c, $"{p}.{field}", classes);
            if (body["to"] is { } to) AllocationRefs(to, $"{p}.to", classes);
            if (body["after_depletion"] is { } ad) AllocationRefs(ad, $"{p}.after_depletion", classes);
            if (prop.Name == "when")
            {
                if (body["if"] is JObject cond && cond["classes_outstanding"] is { } co) ClassRefs(co, $"{p}.if.classes_outstanding", classes);
                Waterfall(body["then"] as JArray, $"{p}.then", groups, classes);
                Waterfall(body["else"] as JArray, $"{p}.else", groups, classes);
            }
            if (prop.Name == "accrete" && body["class"] is { } z && classes.TryGetValue(DealBuilder.Str(z), out var zi) && !deal.Classes[zi].Is(ClassType.Accrual))
                Err($"{p}.class", DealBuilder.Str(z), "expected an accrual (Z) class: give the class type accrual");
        }
    }

    /// <summary>
    /// A class of several groups takes each group's component of its interest from that group (Class X: the group's
    /// excess interest). Listed in pay_interest steps, those steps must together pay from every group of the class,
    /// and each must pay from at least one of them; otherwise the file can only be read as one group paying
    /// another's component.
    /// </summary>
    private void MultiGroupInterest(HashSet<string> groups)
    {
        var steps = new List<(string Path, JObject Body)>();
        CollectPayInterest(root["waterfall"] as JArray, "waterfall", steps);
        var all = deal.Groups.Select(g => g.Name).ToList();
        foreach (var c in deal.Classes.Where(c => c.Groups.Count > 1 && c.Groups.All(groups.Contains)))
        {
            var covered = new HashSet<string>(StringComparer.Ordinal);
            string? first = null;
            foreach (var (path, body) in steps)
            {
                var listed = body["classes"] is { } cl ? DealBuilder.Names(cl) : [];
                var k = listed.ToList().IndexOf(c.Name);
                if (k < 0) continue;
                var from = body["from"] is { } f ? DealBuilder.Names(f) : [];
                var paying = from is ["all"] ? all : from.ToList();
                var classPath = body["classes"] is JArray ? $"{path}.classes[{k}]" : $"{path}.classes";
                first ??= classPath;
                if (!paying.Any(c.Groups.Contains))
                    Err(classPath, c.Name, $"class {c.Name} belongs to groups {string.Join(", ", c.Groups)} but this step pays from {string.Join(", ", paying)}: " +
                        "a class of several groups takes each group's part of its interest from that group; list it in steps from its own groups");
                covered.UnionWith(paying);
            }
            var missing = c.Groups.Where(g => !covered.Contains(g)).ToList();
            if (first is not null && missing.Count > 0)
                Err(first, c.Name, $"class {c.Name} belongs to groups {string.Join(", ", c.Groups)} but no pay_interest step from group {string.Join(", ", missing)} lists it: " +
                    $"each group pays its own part of the interest of a class of several groups, so that part would never be paid; list {c.Name} in a pay_interest step from {string.Join(", ", missing)} too (or from: all)");
        }
    }

    private static void CollectPayInterest(JArray? steps, string path, List<(string, JObject)> into)
    {
        if (steps is null) return;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JObject o || o.Properties().FirstOrDefault() is not { } prop || prop.Value is not JObject body) continue;
            var p = $"{path}[{i}].{prop.Name}";
            if (prop.Name == "pay_interest") into.Add((p, body));
            if (prop.Name == "when")
            {
                CollectPayInterest(body["then"] as JArray, $"{p}.then", into);
                CollectPayInterest(body["else"] as JArray, $"{p}.else", into);
            }
        }
    }

    private void GroupRefs(JToken t, string path, HashSet<string> groups)
    {
        var names = DealBuilder.Names(t);
        if (names is ["all"]) return;
        for (var k = 0; k < names.Count; k++)
            if (!groups.Contains(names[k]))
                Err(t is JArray ? $"{path}[{k}]" : path, names[k], $"expected a loan group defined under groups ({string.Join(", ", groups)}), or all");
    }

    private void ClassRefs(JToken t, string path, Dictionary<string, int> classes)
    {
        var names = DealBuilder.Names(t);
        for (var k = 0; k < names.Count; k++)
            if (!classes.ContainsKey(names[k]))
                Err(t is JArray ? $"{path}[{k}]" : path, names[k], "expected the name of a class defined under classes");
    }

    private void AllocationRefs(JToken t, string path, Dictionary<string, int> classes)
    {
        switch (t)
        {
            case JValue v:
                ClassRefs(v, path, classes);
                break;
            case JObject o:
                var prop = o.Properties().First();
                var p = $"{path}.{prop.Name}";
                switch (prop.Name)
                {
                    case "sequential" or "pro_rata":
                        for (var k = 0; k < ((JArray)prop.Value).Count; k++) AllocationRefs(prop.Value[k]!, $"{p}[{k}]", classes);
                        break;
                    case "split":
                        var parts = (JArray)prop.Value;
                        var sum = parts.Sum(x => DealBuilder.Dec(x["percent"]));
                        if (sum != 100) Err(p, null, string.Create(CultureInfo.InvariantCulture, $"expected split percentages that add up to 100 (they add up to {sum})"));
                        for (var k = 0; k < parts.Count; k++) AllocationRefs(parts[k]["to"]!, $"{p}[{k}].to", classes);
                        break;
                    case "to_schedule":
                        ClassRefs(prop.Value, p, classes);
                        if (classes.TryGetValue(DealBuilder.Str(prop.Value), out var ci) && deal.Classes[ci].Schedule is null)
                            Err(p, DealBuilder.Str(prop.Value), "expected a class with a schedule (give the class schedule: {balances: [...]} or {band: [...]})");
                        break;
                    case "lockout":
                        ClassRefs(prop.Value, p, classes);
                        break;
                }
                break;
        }
    }

    private void Other(HashSet<string> groups, Dictionary<string, int> classes)
    {
        if (root["shifting_interest"]?["subordinates"] is { } subs) ClassRefs(subs, "shifting_interest.subordinates", classes);
        if (root["losses"]?["order"] is { } order) ClassRefs(order, "losses.order", classes);
        if (root["losses"]?["senior_support"] is JObject ss)
            foreach (var prop in ss.Properties())
            {
                if (!classes.ContainsKey(prop.Name)) Err($"losses.senior_support.{prop.Name}", prop.Name, "expected the name of a super senior class defined under classes");
                ClassRefs(prop.Value, $"losses.senior_support.{prop.Name}", classes);
            }
        if (root["cross_collateral"]?["groups"] is { } cg) GroupRefs(cg, "cross_collateral.groups", groups);
        for (var i = 0; i < deal.Corridors.Count; i++)
        {
            var k = deal.Corridors[i];
            ClassRefs(root["corridors"]![i]!["beneficiary"]!, $"corridors[{i}].beneficiary", classes);
            if (root["corridors"]![i]!["excess_to"] is { } e) ClassRefs(e, $"corridors[{i}].excess_to", classes);
            if (k.Ceiling <= k.Strike)
                Err($"corridors[{i}].ceiling", k.Ceiling.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"expected a ceiling above the strike ({k.Strike})"));
        }
        for (var i = 0; i < deal.Classes.Count; i++)
            if (deal.Classes[i].Is(ClassType.Accrual) && !AccreteSteps(deal.Waterfall).Any(a => a.Class == deal.Classes[i].Name))
                Err($"classes[{i}].type", "accrual", "an accrual class needs an accrete step in the waterfall directing its accrual");
    }

    private static IEnumerable<Accrete> AccreteSteps(IEnumerable<Step> steps) =>
        steps.SelectMany(s => s switch
        {
            Accrete a => [a],
            When w => AccreteSteps(w.Then).Concat(AccreteSteps(w.Else)),
            _ => Enumerable.Empty<Accrete>(),
        });

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*%?\s*([A-Za-z]+)\s*$")]
    private static partial Regex SpeedPattern();

    private void PacBands()
    {
        var bands = new List<(int Index, string Group, decimal Low, decimal High, string Unit, string Text)>();
        for (var i = 0; i < deal.Classes.Count; i++)
        {
            var s = deal.Classes[i].Schedule;
            if (s is null || !s.IsBand) continue;
            var lo = SpeedPattern().Match(s.LowSpeed!);
            var hi = SpeedPattern().Match(s.HighSpeed!);
            if (!lo.Success) { Err($"classes[{i}].schedule.band[0]", s.LowSpeed, "expected a prepayment speed such as '100 PPC' or '300 PSA'"); continue; }
            if (!hi.Success) { Err($"classes[{i}].schedule.band[1]", s.HighSpeed, "expected a prepayment speed such as '100 PPC' or '300 PSA'"); continue; }
            var unit = lo.Groups[2].Value.ToUpperInvariant();
            if (hi.Groups[2].Value.ToUpperInvariant() != unit)
            {
                Err($"classes[{i}].schedule.band", null, "expected both band speeds in the same unit (e.g. '100 PPC' and '300 PPC')");
                continue;
            }
            var (l, h) = (decimal.Parse(lo.Groups[1].Value, CultureInfo.InvariantCulture), decimal.Parse(hi.Groups[1].Value, CultureInfo.InvariantCulture));
            if (l >= h) { Err($"classes[{i}].schedule.band", null, $"expected a band with the lower speed first and below the upper ('{s.LowSpeed}' is not below '{s.HighSpeed}')"); continue; }
            var group = deal.Classes[i].Groups.FirstOrDefault() ?? "";
            foreach (var b in bands.Where(b => b.Group == group && b.Unit == unit))
            {
                var nested = (l >= b.Low && h <= b.High) || (b.Low >= l && b.High <= h);
                var apart = h <= b.Low || l >= b.High;
                if (!nested && !apart)
                    Err($"classes[{i}].schedule.band", null,
                        $"PAC band {s.LowSpeed}–{s.HighSpeed} overlaps the band of {deal.Classes[b.Index].Name} ({b.Text}); PAC bands in one group must be nested or apart");
            }
            bands.Add((i, group, l, h, unit, $"{s.LowSpeed}–{s.HighSpeed}"));
        }
    }

    private void Err(string path, string? value, string sentence, bool atKey = false)
    {
        var (line, col) = atKey ? map.KeyOf(path) : map.Of(path);
        _errors.Add(new InputError(map.File, line, path, value, sentence, col));
    }

    /// <summary>The CUSIP check digit of the first 8 characters (digits 0–9, letters A–Z as 10–35, every second value doubled, digits summed), or null when they are not 8 such characters.</summary>
    internal static char? CusipCheckDigit(string cusip)
    {
        if (cusip.Length != 9) return null;
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            var ch = cusip[k];
            int v = ch is >= '0' and <= '9' ? ch - '0' : ch is >= 'A' and <= 'Z' ? ch - 'A' + 10 : -1;
            if (v < 0) return null;
            if (k % 2 == 1) v *= 2;
            sum += v / 10 + v % 10;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
