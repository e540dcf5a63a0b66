using System.Globalization;
using System.Text;
using Remic.Collateral;

namespace Remic.Deals.Tests;

/// <summary>
/// Random valid deals as YAML: 1-3 groups of 1-3 rep lines, optional PO/X strip per group (sometimes one Class X
/// shared by the stripped groups, listed in each group's interest step), 1-3 seniors per
/// group (sequential, pro rata or a split; with a super senior/support pair sometimes), 0-3 shared
/// subordinates under shifting interest, optional cross-collateralisation. Class balances add up to the
/// pool to the cent, Class PO to the PO portion. Coupons are at most the collateral's net rate (the strip for a
/// stripped group), so with no defaults the loans pay every class its interest; <c>overCoupon</c> raises one
/// group in five 0.3% above it (interest shortfalls at any speed).
/// </summary>
internal static class RandomDeals
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Build(int seed, int groups, int subs, bool overCoupon = false)
    {
        var rnd = new Random(seed);
        var sb = new StringBuilder();
        sb.AppendLine(TestDeals.Header);
        sb.AppendLine("groups:");
        var nonPo = new decimal[groups];
        var netMin = new decimal[groups];
        var strips = new decimal?[groups];
        var poBal = new decimal[groups];
        var premium = new bool[groups];
        for (var g = 0; g < groups; g++)
        {
            var strip = rnd.Next(2) == 0 ? (decimal?)Math.Round(5m + (decimal)rnd.NextDouble() * 2, 2) : null;
            strips[g] = strip;
            sb.AppendLine($"  - name: \"G{g + 1}\"");
            sb.AppendLine("    servicing_fee: 0.25");
            sb.AppendLine("    trustee_fee: 0.01");
            if (strip is { } s) sb.AppendLine($"    strip_rate: {s.ToString(Inv)}");
            sb.AppendLine("    rep_lines:");
            decimal pool = 0, po = 0;
            netMin[g] = 100;
            var lines = rnd.Next(1, 4);
            for (var i = 0; i < lines; i++)
            {
                var bal = Math.Round(100_000m + (decimal)rnd.NextDouble() * 4_900_000m, 2);
                var gross = Math.Round(4.5m + (decimal)rnd.NextDouble() * 4m, 3);
                var term = rnd.Next(60, 361);
                var age = rnd.Next(0, 25);
                sb.AppendLine($"      - {{ balance: {bal.ToString(Inv)}, gross_rate: {gross.ToString(Inv)}, remaining_term: {term}, age: {age} }}");
                pool += bal;
                var net = gross - 0.26m;
                netMin[g] = Math.Min(netMin[g], net);
                if (strip is { } st)
                {
                    if (net < st) po += (decimal)((double)bal * ((double)st / 100 - (double)net / 100) / ((double)st / 100));
                    else premium[g] = true;
                }
            }
            poBal[g] = Math.Round(po, 2);
            nonPo[g] = pool - poBal[g];
        }

        var subPct = subs == 0 ? 0m : Math.Round(0.02m + (decimal)rnd.NextDouble() * 0.10m, 4);
        var stripped = Enumerable.Range(0, groups).Where(g => strips[g] is not null).Select(g => $"\"G{g + 1}\"").ToList();
        var sharedX = stripped.Count >= 2 && new Random(seed ^ 0x5A5A).Next(2) == 0;
        var classes = new StringBuilder();
        var steps = new StringBuilder();
        var support = new List<(string, string)>();
        var seniorTotal = 0m;
        var coupon = new decimal[groups];
        for (var g = 0; g < groups; g++)
        {
            var name = $"G{g + 1}";
            // At most the net rate (or the strip) so interest is normally covered; sometimes a little above it.
            var bump = rnd.Next(5) == 0 && overCoupon ? 0.3m : 0;
            coupon[g] = Math.Round((strips[g] ?? netMin[g]) - (decimal)rnd.NextDouble() * 0.5m + bump, 3, MidpointRounding.ToZero);
            var seniors = Math.Round(nonPo[g] * (1 - subPct), 2);
            seniorTotal += seniors;
            var n = rnd.Next(1, 4);
            var names = Enumerable.Range(1, n).Select(i => $"{g + 1}-A-{i}").ToList();
            var left = seniors;
            for (var i = 0; i < n; i++)
            {
                var b = i == n - 1 ? left : Math.Round(seniors * (decimal)(0.2 + rnd.NextDouble() * 0.5) / n, 2);
                left -= b;
                var type = "senior";
                if (n >= 2 && i == 0 && rnd.Next(3) == 0) { type = "super_senior"; support.Add((names[0], names[1])); }
                else if (support.Any(x => x.Item2 == names[i])) type = "senior_support";
                classes.AppendLine($"  - {{ name: {names[i]}, group: \"{name}\", balance: {b.ToString(Inv)}, type: {type}, coupon: {coupon[g].ToString(Inv)} }}");
            }
            if (strips[g] is not null)
            {
                classes.AppendLine($"  - {{ name: {g + 1}-PO, group: \"{name}\", balance: {poBal[g].ToString(Inv)}, type: po }}");
                if (!sharedX) classes.AppendLine($"  - {{ name: {g + 1}-X, group: \"{name}\", balance: 0, type: notional_io, notional: premium_loans, coupon: strip_excess }}");
                steps.AppendLine($"  - pay_po: {{ group: \"{name}\", class: {g + 1}-PO }}");
            }
            // One Class X over every stripped group is listed in each of their single-group interest steps (CWALT J2).
            var io = strips[g] is null ? "" : sharedX ? ", X" : $", {g + 1}-X";
            steps.AppendLine($"  - pay_interest: {{ from: \"{name}\", classes: [{string.Join(", ", names)}{io}] }}");
            var rule = rnd.Next(3);
            var to = n == 1 ? names[0]
                : rule == 0 ? $"{{ sequential: [{string.Join(", ", names)}] }}"
                : rule == 1 ? $"{{ pro_rata: [{string.Join(", ", names)}] }}"
                : $"{{ split: [ {{ percent: 50, to: {names[0]} }}, {{ percent: 50, to: {{ sequential: [{string.Join(", ", names.Skip(1))}] }} }} ] }}";
            steps.AppendLine($"  - pay_principal: {{ from: \"{name}\", amount: senior_principal, to: {to} }}");
        }
        var subNames = Enumerable.Range(1, subs).Select(i => $"B-{i}").ToList();
        var subTotal = nonPo.Sum() - seniorTotal;
        var subLeft = subTotal;
        var allGroups = string.Join(", ", Enumerable.Range(1, groups).Select(g => $"\"G{g}\""));
        for (var i = 0; i < subs; i++)
        {
            var b = i == subs - 1 ? subLeft : Math.Round(subTotal * (decimal)(0.2 + rnd.NextDouble() * 0.6) / subs, 2);
            subLeft -= b;
            classes.AppendLine($"  - {{ name: {subNames[i]}, groups: [{allGroups}], balance: {b.ToString(Inv)}, type: subordinate, coupon: {coupon.Min().ToString(Inv)} }}");
        }
        if (sharedX) classes.AppendLine($"  - {{ name: X, groups: [{string.Join(", ", stripped)}], balance: 0, type: notional_io, notional: premium_loans, coupon: strip_excess }}");
        classes.AppendLine("  - { name: R, group: \"G1\", balance: 0, type: residual, coupon: none }");
        if (strips.Any(s => s is not null)) steps.AppendLine("  - pay_po_deferred: { from: all }");
        if (subs > 0) steps.AppendLine($"  - pay_subordinates: {{ from: all, classes: [{string.Join(", ", subNames)}] }}");
        steps.AppendLine("  - pay_residual: { from: all, class: R }");

        sb.AppendLine("classes:").Append(classes);
        sb.AppendLine("waterfall:").Append(steps);
        if (subs > 0)
        {
            sb.AppendLine("shifting_interest:");
            sb.AppendLine($"  subordinates: [{string.Join(", ", subNames)}]");
            if (rnd.Next(2) == 0) sb.AppendLine("  two_times_test: { month: 36 }");
        }
        if (support.Count > 0)
            sb.AppendLine($"losses:\n  senior_support: {{ {string.Join(", ", support.Select(s => $"{s.Item1}: {s.Item2}"))} }}");
        if (groups > 1 && rnd.Next(2) == 0) sb.AppendLine($"cross_collateral: {{ groups: [{allGroups}] }}");
        sb.AppendLine("clean_up_call: { percent: 10 }");
        return sb.ToString();
    }
}
