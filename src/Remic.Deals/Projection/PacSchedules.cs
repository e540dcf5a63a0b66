using System.Runtime.CompilerServices;
using Remic.Collateral;
using Remic.Deals.Model;

namespace Remic.Deals.Projection;

/// <summary>
/// Turns PAC/TAC bands into scheduled balances, the standard way: the scheduled principal of period s is
/// share% × min(non-PO principal of the class's group in period s at the low band speed, the same at the
/// high band speed), and the planned balance after distribution t is the original balance less the
/// scheduled principal of periods 1..t (never below zero). Schedules given as balances are kept.
/// </summary>
public static class PacSchedules
{
    private static readonly ConditionalWeakTable<Deal, Deal> Resolved = new();

    public static Deal Resolve(Deal deal, PpcRamp? ramp = null)
    {
        if (!deal.Classes.Any(c => c.Schedule is { IsBand: true })) return deal;
        if (ramp is null && Resolved.TryGetValue(deal, out var done)) return done;
        var classes = deal.Classes.Select(c => c.Schedule is { IsBand: true } s
            ? c with { Schedule = new ScheduleSpec(Schedule(deal, c, s, ramp ?? deal.Metadata.PrepaymentAssumption ?? PpcRamp.CwaltFixed), null, null, s.SharePercent) }
            : c).ToList();
        var result = deal with { Classes = classes };
        if (ramp is null) Resolved.AddOrUpdate(deal, result);
        return result;
    }

    private static IReadOnlyList<decimal> Schedule(Deal deal, ClassSpec c, ScheduleSpec band, PpcRamp ramp)
    {
        var group = deal.Groups.First(g => g.Name == c.Groups[0]);
        var strips = group.StripRate is { } s ? new Dictionary<string, double> { [group.Name] = (double)s / 100 } : null;
        var low = NonPoPrincipal(group, strips, Speed.Prepay(band.LowSpeed!, ramp, "schedule.band"));
        var high = NonPoPrincipal(group, strips, Speed.Prepay(band.HighSpeed!, ramp, "schedule.band"));
        var share = (double)band.SharePercent / 100;
        var n = Math.Max(low.Length, high.Length);
        var balances = new decimal[n];
        double scheduled = 0;
        for (var t = 0; t < n; t++)
        {
            scheduled += Math.Min(At(low, t), At(high, t)) * share;
            balances[t] = Math.Max(0m, Math.Round(c.OriginalBalance - (decimal)scheduled, 2));
        }
        return balances;
    }

    private static double At(double[] a, int t) => t < a.Length ? a[t] : 0;

    /// <summary>Non-PO principal of the group by period (index 0 = period 1).</summary>
    private static double[] NonPoPrincipal(LoanGroupSpec group, Dictionary<string, double>? strips, Speed speed)
    {
        var p = Projector.Project(new LoanPool(group.Loans), new Scenario { Prepay = speed }, strips);
        var g = p.Group(group.Name);
        var strip = p.Strips.GetValueOrDefault(group.Name);
        var principal = new double[g.Months];
        for (var m = 1; m <= g.Months; m++) principal[m - 1] = g.Principal(m) - (strip?.PoPrincipal(m) ?? 0);
        return principal;
    }
}
