using System.Globalization;
using Newtonsoft.Json.Linq;
using Remic.Collateral.Tape;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>
/// The checks a hostile or careless deal file needs beyond references and balances: inline rep lines get the
/// loan tape's cross-field rules (<see cref="TapeReader"/>: terms against each other, a balloon after the loan's age,
/// fees below the rate), names carry no control characters, loan counts stay within what a trustee can track,
/// and the structure is one the waterfall can run (no notional cycle, no class paid twice by one list or step).
/// </summary>
internal sealed partial class SemanticValidation
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private void Inputs()
    {
        Names();
        long loans = 0;
        for (var i = 0; i < deal.Groups.Count; i++)
        {
            var g = deal.Groups[i];
            var raw = root["groups"]![i]!;
            if (g.TapePath is not null && raw["rep_lines"] is JArray)
                Err($"groups[{i}].rep_lines", null, "a loan group takes its loans from a tape or from rep_lines, not both: remove one");
            if (raw["rep_lines"] is JArray lines)
                for (var k = 0; k < lines.Count; k++) RepLine(g, $"groups[{i}].rep_lines[{k}]", (JObject)lines[k]);
            loans += g.Loans.Sum(l => (long)Math.Max(1, Math.Round(l.LoanCount)));
        }
        if (loans > Domains.MaxLoansPerDeal)
            Err("groups", loans.ToString(Inv), $"at most {Domains.MaxLoansPerDeal:N0} loans in a deal (rep lines × loan_count plus tape loans)");
        NotionalCycles();
        DuplicateLists(root["waterfall"] as JArray, "waterfall");
        PaidOnce(deal.Waterfall, "waterfall", new HashSet<(string, string)>());
        FloaterBounds();
    }

    /// <summary>The tape's cross-field rules (<see cref="TapeReader"/>) on one inline rep line; terms are already within 0..600 by the schema.</summary>
    private void RepLine(LoanGroupSpec g, string p, JObject line)
    {
        int? Int(string f) => line[f] is { Type: JTokenType.Integer } t ? t.Value<int>() : null;
        var rem = Int("remaining_term") ?? 0;
        var age = Int("age") ?? 0;
        var io = Int("io_term") ?? 0;
        var balloon = Int("balloon_term") ?? 0;
        var orig = Int("original_term");
        var term = orig ?? rem + age;
        if (orig is null && term > Domains.MaxTermMonths)
            Err($"{p}.age", age.ToString(Inv), $"age + remaining_term ({term}) at most {Domains.MaxTermMonths} months (the original term it implies)");
        if (orig is { } ot)
        {
            if (rem > ot) Err($"{p}.remaining_term", rem.ToString(Inv), $"a remaining term no longer than original_term ({ot})");
            else if (age + rem < ot - TapeReader.TermShortfallAllowed || age + rem > ot + TapeReader.TermExcessAllowed)
                Err($"{p}.age", age.ToString(Inv), $"age + remaining_term ({age + rem}) between original_term − {TapeReader.TermShortfallAllowed} ({ot - TapeReader.TermShortfallAllowed}) and original_term + {TapeReader.TermExcessAllowed} ({ot + TapeReader.TermExcessAllowed})");
        }
        if (io > term) Err($"{p}.io_term", io.ToString(Inv), $"an interest-only term no longer than the original term ({term})");
        if (balloon > term) Err($"{p}.balloon_term", balloon.ToString(Inv), $"a balloon age no later than the original term ({term}), or 0 for no balloon");
        else if (balloon > 0 && balloon <= age)
            Err($"{p}.balloon_term", balloon.ToString(Inv), $"a balloon age after the loan's current age ({age}), or 0 for no balloon");
        var gross = DealBuilder.Dec(line["gross_rate"]);
        var fees = (line["servicing_fee"] is { } s ? DealBuilder.Dec(s) : g.ServicingFee) + g.TrusteeFee + g.LpmiFee;
        if (fees > gross)
            Err($"{p}.gross_rate", gross.ToString(Inv),
                $"a gross rate no lower than servicing_fee + trustee_fee + lpmi_fee ({fees.ToString(Inv)}); the net rate would be negative");
    }

    /// <summary>Names reach terminals, statements and the audit log: no control (Cc) or format (Cf) characters.</summary>
    private void Names()
    {
        void Check(string path, string? value)
        {
            if (value is { Length: > 0 } v && InputText.FirstHidden(v) >= 0) Err(path, v, InputText.HiddenExpected(v));
        }
        foreach (var f in new[] { "trust_name", "series", "depositor", "master_servicer", "trustee", "underwriter" })
            Check($"deal.{f}", DealBuilder.Str(root["deal"]?[f]));
        for (var i = 0; i < deal.Groups.Count; i++)
        {
            Check($"groups[{i}].name", deal.Groups[i].Name);
            if (root["groups"]![i]!["rep_lines"] is JArray lines)
                for (var k = 0; k < lines.Count; k++) Check($"groups[{i}].rep_lines[{k}].id", DealBuilder.Str(lines[k]["id"]));
        }
        for (var i = 0; i < deal.Classes.Count; i++) Check($"classes[{i}].name", deal.Classes[i].Name);
        for (var i = 0; i < deal.Corridors.Count; i++) Check($"corridors[{i}].name", deal.Corridors[i].Name);
    }

    /// <summary>A notional class follows other classes' balances; following itself, directly or round a loop, defines nothing.</summary>
    private void NotionalCycles()
    {
        for (var i = 0; i < deal.Classes.Count; i++)
        {
            if (deal.Classes[i].Notional is not ClassNotional) continue;
            var trail = new List<string> { deal.Classes[i].Name };
            if (LoopsBack(i, i, trail, new HashSet<int>()))
                Err($"classes[{i}].notional.classes", null, trail.Count == 2
                    ? $"a notional that follows other classes; '{trail[0]}' follows itself"
                    : $"a notional that does not loop back to its own class ({string.Join(" → ", trail)})");
        }
    }

    private bool LoopsBack(int start, int at, List<string> trail, HashSet<int> seen)
    {
        if (deal.Classes[at].Notional is not ClassNotional cn || !seen.Add(at)) return false;
        foreach (var name in cn.Classes)
        {
            var next = deal.ClassIndex(name);
            if (next < 0) continue;
            trail.Add(name);
            if (next == start || LoopsBack(start, next, trail, seen)) return true;
            trail.RemoveAt(trail.Count - 1);
        }
        return false;
    }

    /// <summary>A class named twice in one list: a payment list, a plain allocation list, the subordinates or the loss order.</summary>
    private void DuplicateLists(JArray? steps, string path)
    {
        if (steps is null) return;
        for (var i = 0; i < steps.Count; i++)
        {
            var prop = ((JObject)steps[i]).Properties().First();
            var p = $"{path}[{i}].{prop.Name}";
            if (prop.Value["classes"] is JArray cl) Twice(cl, $"{p}.classes");
            if (prop.Value["to"] is { } to) AllocationTwice(to, $"{p}.to");
            if (prop.Name == "when")
            {
                DuplicateLists(prop.Value["then"] as JArray, $"{p}.then");
                DuplicateLists(prop.Value["else"] as JArray, $"{p}.else");
            }
        }
        if (path != "waterfall") return;
        if (root["shifting_interest"]?["subordinates"] is JArray subs) Twice(subs, "shifting_interest.subordinates");
        if (root["losses"]?["order"] is JArray order) Twice(order, "losses.order");
        for (var i = 0; i < deal.Classes.Count; i++)
            if (root["classes"]![i]!["notional"] is JObject { } n && n["classes"] is JArray nc) Twice(nc, $"classes[{i}].notional.classes");
    }

    private void Twice(JArray list, string path)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < list.Count; k++)
            if (list[k] is JValue v && !seen.TryAdd(DealBuilder.Str(v), k))
                Err($"{path}[{k}]", DealBuilder.Str(v), $"each class once in a list; '{DealBuilder.Str(v)}' is already {path}[{seen[DealBuilder.Str(v)]}]");
    }

    /// <summary>Plain class names twice in one sequential or pro-rata list (a class to its schedule, or locked out, may come back later).</summary>
    private void AllocationTwice(JToken t, string path)
    {
        if (t is not JObject o) return;
        var prop = o.Properties().First();
        var p = $"{path}.{prop.Name}";
        switch (prop.Name)
        {
            case "sequential" or "pro_rata":
                Twice((JArray)prop.Value, p);
                for (var k = 0; k < ((JArray)prop.Value).Count; k++) AllocationTwice(prop.Value[k]!, $"{p}[{k}]");
                break;
            case "split":
                for (var k = 0; k < ((JArray)prop.Value).Count; k++) AllocationTwice(prop.Value[k]!["to"]!, $"{p}[{k}].to");
                break;
        }
    }

    /// <summary>A class paid interest twice from one group on one path through the waterfall (pay_interest and pay_subordinates both pay interest).</summary>
    private void PaidOnce(IReadOnlyList<Step> steps, string path, HashSet<(string Class, string Group)> paid)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var (kind, from, classes) = steps[i] switch
            {
                PayInterest pi => ("pay_interest", pi.From, pi.Classes),
                PaySubordinates ps => ("pay_subordinates", ps.From, ps.Classes),
                _ => ("", (IReadOnlyList<string>)[], (IReadOnlyList<string>)[]),
            };
            var groups = from is ["all"] ? deal.Groups.Select(g => g.Name).ToList() : from;
            for (var k = 0; k < classes.Count; k++)
                if (groups.Any(g => !paid.Add((classes[k], g))) && classes.Take(k).All(c => c != classes[k]))
                    Err($"{path}[{i}].{kind}.classes[{k}]", classes[k], $"each class paid interest once from a group; '{classes[k]}' is already paid from the same group by an earlier step");
            if (steps[i] is When w)
            {
                PaidOnce(w.Then, $"{path}[{i}].when.then", new HashSet<(string, string)>(paid));
                PaidOnce(w.Else, $"{path}[{i}].when.else", new HashSet<(string, string)>(paid));
            }
        }
    }

    /// <summary>A floater's cap below its floor leaves no coupon that satisfies both.</summary>
    private void FloaterBounds()
    {
        for (var i = 0; i < deal.Classes.Count; i++)
            if (deal.Classes[i].Coupon is FormulaCoupon { Cap: { } cap, Floor: { } floor } && cap < floor)
                Err($"classes[{i}].coupon.cap", cap.ToString(Inv), $"a cap at or above the floor ({floor.ToString(Inv)})");
    }
}
