using System.Runtime.CompilerServices;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Projection;

/// <summary>
/// Turns PAC/TAC bands into scheduled balances, the way a PAC is structured: run the deal's own priority of payments
/// (no defaults) at the band's low speed and at its high speed, and take, period by period, the principal the PAC's
/// <b>structure</b> receives — the classes of the allocation that holds <c>{ to_schedule: PAC }</c> (the PAC and its
/// companions), accretion paid into them from a Z class's interest excluded. The scheduled principal of period t is
/// share% × the smaller of the two; the planned balance after distribution t is the original balance less the
/// scheduled principal of periods 1..t (never below zero). So at any constant speed inside the band the structure
/// receives at least the scheduled principal every period, and the PAC pays to its schedule. A band whose minimum
/// principal cannot retire the PAC is refused at load (<see cref="PacBandException"/>). Schedules given as balances
/// are kept.
/// </summary>
public static class PacSchedules
{
    private static readonly ConditionalWeakTable<Deal, Deal> Resolved = new();

    /// <summary>The deal with every band replaced by its schedule; a band the structure cannot support is a <see cref="RemicInputException"/>.</summary>
    public static Deal Resolve(Deal deal, PpcRamp? ramp = null)
    {
        try { return ResolveBands(deal, ramp); }
        catch (PacBandException e)
        {
            throw new RemicInputException(deal.SourceFile.Length > 0 ? deal.SourceFile : "deal", 0, $"classes[{e.ClassIndex}].schedule.band", null, e.Message);
        }
    }

    /// <summary>As <see cref="Resolve"/>, reporting an unsupported band as <see cref="PacBandException"/> (the loader adds its line).</summary>
    internal static Deal ResolveBands(Deal deal, PpcRamp? ramp = null)
    {
        if (!deal.Classes.Any(c => c.Schedule is { IsBand: true })) return deal;
        if (ramp is null && Resolved.TryGetValue(deal, out var done)) return done;
        var r = ramp ?? deal.Metadata.PrepaymentAssumption ?? PpcRamp.CwaltFixed;
        var plain = Unscheduled(deal);
        var classes = deal.Classes.Select((c, i) => c.Schedule is { IsBand: true } s
            ? c with { Schedule = new ScheduleSpec(Schedule(deal, plain, i, s, r), null, null, s.SharePercent) }
            : c).ToList();
        var result = deal with { Classes = classes };
        if (ramp is null) Resolved.AddOrUpdate(deal, result);
        return result;
    }

    private static IReadOnlyList<decimal> Schedule(Deal deal, Deal plain, int index, ScheduleSpec band, PpcRamp ramp)
    {
        var c = deal.Classes[index];
        var structure = Structure(deal, c.Name);
        double[] low, high;
        try
        {
            low = StructurePrincipal(plain, structure, Speed.Prepay(band.LowSpeed!, ramp, "schedule.band"));
            high = StructurePrincipal(plain, structure, Speed.Prepay(band.HighSpeed!, ramp, "schedule.band"));
        }
        catch (ConservationException e)
        {
            // The schedule is derived by running the deal's own priority of payments; a structure whose run fails its
            // checks (e.g. an accrual class whose accretion no step directs) has no PAC schedule to derive.
            throw new PacBandException(index, $"a band the deal's priority of payments can be run at to derive the schedule; run without schedules it fails its checks: {e.Message}");
        }
        var share = (double)band.SharePercent / 100;
        var n = Math.Max(low.Length, high.Length);
        var balances = new decimal[n];
        double scheduled = 0;
        for (var t = 0; t < n; t++)
        {
            scheduled += Math.Min(At(low, t), At(high, t)) * share;
            balances[t] = Math.Max(0m, Math.Round(c.OriginalBalance - (decimal)scheduled, 2));
        }
        if (n == 0 || balances[^1] > 0)
            throw new PacBandException(index,
                $"the structure ({string.Join(", ", structure)}) receives at most {scheduled:N2} of principal at both {band.LowSpeed} and " +
                $"{band.HighSpeed}{(band.SharePercent != 100 ? $" ({band.SharePercent}% scheduled)" : "")}, less than {c.Name}'s balance " +
                $"{c.OriginalBalance:N2}: the deal cannot support this PAC band (narrow the band or reduce the class)");
        return balances;
    }

    private static double At(double[] a, int t) => t < a.Length ? a[t] : 0;

    /// <summary>
    /// The deal with every banded class scheduled to zero, so <c>to_schedule</c> pays it all the principal that reaches
    /// it. How the structure splits its principal among its classes does not change how much the structure receives.
    /// </summary>
    private static Deal Unscheduled(Deal deal) => deal with
    {
        Classes = deal.Classes.Select(c => c.Schedule is { IsBand: true } s
            ? c with { Schedule = new ScheduleSpec([0m], null, null, s.SharePercent) }
            : c).ToList(),
    };

    /// <summary>
    /// Principal the structure's classes receive by period (index 0 = period 1) with the deal run at the speed, no
    /// defaults, index levels as the deal file assumes them (0% for an index it does not assume: an index moves the
    /// interest of floaters, not the principal the structure receives — except through ARM loans).
    /// </summary>
    private static double[] StructurePrincipal(Deal plain, IReadOnlyList<string> structure, Speed speed)
    {
        var indices = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, level) in plain.Assumptions.Indices) indices[name] = MonthlyVector.Flat((double)level / 100);
        foreach (var name in IndexNames(plain)) indices.TryAdd(name, MonthlyVector.Flat(0));
        var run = DealRunner.Run(plain, new Scenario { Prepay = speed, Indices = indices, Advance = AdvancingConvention.None });
        var members = structure.Select(plain.ClassIndex).Where(i => i >= 0).ToArray();
        // A Z class accreting into the structure pays its accretion (its own interest) to the structure's classes as principal.
        var accreting = plain.Waterfall.SelectMany(Flatten).OfType<Accrete>()
            .Where(a => ClassesIn(a.To).All(structure.Contains)).Select(a => plain.ClassIndex(a.Class)).ToArray();
        var principal = new double[run.Periods.Count];
        for (var t = 0; t < principal.Length; t++)
        {
            var p = run.Periods[t];
            foreach (var i in members) principal[t] += p.Principal[i];
            foreach (var z in accreting) principal[t] -= p.Accretion[z];
        }
        return principal;
    }

    private static IEnumerable<string> IndexNames(Deal deal) =>
        deal.Classes.Select(c => c.Coupon).OfType<FormulaCoupon>().Select(f => f.Index)
            .Concat(deal.Corridors.Select(k => k.Index))
            .Concat(deal.Groups.SelectMany(g => g.Loans).Where(l => l.Arm is not null).Select(l => l.Arm!.Index));

    /// <summary>
    /// The PAC's structure: the classes of the allocation that holds <c>{ to_schedule: pac }</c> — in a sequential, the
    /// parts from the <c>to_schedule</c> on, less any class an earlier part pays first (a NAS lockout share, the
    /// residual's $100), which are served before the principal reaches the PAC. Just the PAC if no step schedules it.
    /// </summary>
    internal static IReadOnlyList<string> Structure(Deal deal, string pac)
    {
        foreach (var step in deal.Waterfall.SelectMany(Flatten))
        {
            if (step is not PayPrincipal p || Holder(p.To, pac) is not { } holder) continue;
            if (holder is not Sequential seq) return ClassesIn(holder).Distinct().ToList();
            var at = seq.Parts.ToList().FindIndex(x => x is ToSchedule t && t.Class == pac);
            var before = seq.Parts.Take(at).SelectMany(ClassesIn).ToHashSet();
            return seq.Parts.Skip(at).SelectMany(ClassesIn).Where(c => !before.Contains(c)).Distinct().ToList();
        }
        return [pac];
    }

    private static IEnumerable<Step> Flatten(Step s) =>
        s is When w ? w.Then.Concat(w.Else).SelectMany(Flatten).Prepend(s) : [s];

    private static Allocation? Holder(Allocation a, string pac)
    {
        IEnumerable<Allocation> parts = a switch
        {
            Sequential q => q.Parts,
            ProRata q => q.Parts,
            Split q => q.Parts.Select(x => x.To),
            _ => [],
        };
        foreach (var part in parts)
        {
            if (part is ToSchedule ts && ts.Class == pac) return a;
            if (Holder(part, pac) is { } h) return h;
        }
        return a is ToSchedule t && t.Class == pac ? a : null;
    }

    private static IEnumerable<string> ClassesIn(Allocation a) => a switch
    {
        ToClass t => [t.Class],
        ToSchedule t => [t.Class],
        Lockout l => [l.Class],
        Sequential q => q.Parts.SelectMany(ClassesIn),
        ProRata q => q.Parts.SelectMany(ClassesIn),
        Split q => q.Parts.SelectMany(x => ClassesIn(x.To)),
        _ => [],
    };
}

/// <summary>A PAC/TAC band the deal's structure cannot support; the loader reports it at the class's schedule.</summary>
internal sealed class PacBandException(int classIndex, string message) : Exception(message)
{
    public int ClassIndex { get; } = classIndex;
}
