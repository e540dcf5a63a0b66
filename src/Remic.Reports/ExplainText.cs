using System.Globalization;
using System.Text;
using Remic.Deals.Explain;

namespace Remic.Reports;

/// <summary>
/// An explanation as an indented tree of text: each computation or step with its deal file line and PSA reference,
/// its inputs, the figure it computes, what it paid and what was left; nested steps and allocations indented under
/// the step they belong to. Amounts in dollars to the cent, percents to six decimals.
/// </summary>
public static class ExplainText
{
    private static readonly CultureInfo F = CultureInfo.InvariantCulture;
    private const int NameWidth = 66;

    public static string Money(decimal x) => Math.Round(x, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", F);

    private static string Value(TraceValue v) => v.Unit switch
    {
        TraceUnit.Money => Money(v.Value),
        TraceUnit.Percent => v.Value.ToString("0.000000", F) + "%",
        TraceUnit.Flag => v.Value != 0 ? "yes" : "no",
        _ => v.Value.ToString("0.##########", F),
    };

    /// <summary>One class: a heading with its figures, then the chain of entries that concern it.</summary>
    public static string Render(ClassExplanation e)
    {
        var o = e.Outcome;
        var sb = new StringBuilder();
        sb.Append(F, $"{e.Trust}: class {o.Class}, distribution {e.Period} ({e.DistributionDate:yyyy-MM-dd})");
        if (e.SourceFile.Length > 0) sb.Append(F, $", {e.SourceFile}{(o.Line > 0 ? ":" + o.Line : "")}");
        sb.Append('\n');
        Summary(sb, o);
        sb.Append('\n');
        Entries(sb, e.Entries, o.Class);
        return sb.ToString();
    }

    /// <summary>Every class of the date: the whole trace, then each class's figures.</summary>
    public static string Render(PeriodTrace t)
    {
        var sb = new StringBuilder();
        sb.Append(F, $"{t.Trust}: distribution {t.Period} ({t.DistributionDate:yyyy-MM-dd}), every class");
        if (t.SourceFile.Length > 0) sb.Append(F, $", {t.SourceFile}");
        sb.Append("\n\n");
        Entries(sb, t.Entries, null);
        sb.Append("\nClasses\n");
        foreach (var o in t.Classes)
        {
            sb.Append(F, $"  {o.Class}{(o.Line > 0 ? $" (line {o.Line})" : "")}\n");
            Summary(sb, o, "    ");
        }
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, ClassOutcome o, string indent = "  ")
    {
        var parts = new List<string> { $"interest {Money(o.InterestPaid)} of {Money(o.InterestDue)} due" };
        if (o.Principal != 0 || o.Role != ClassRole.Notional) parts.Add($"principal {Money(o.Principal)}");
        if (o.Accretion != 0) parts.Add($"accretion {Money(o.Accretion)}");
        if (o.Loss != 0) parts.Add($"realized loss {Money(o.Loss)}");
        if (o.CorridorPaid != 0) parts.Add($"corridor {Money(o.CorridorPaid)}");
        if (o.PoDeferredPaid != 0) parts.Add($"Class PO Deferred Amount {Money(o.PoDeferredPaid)}");
        if (o.Residual != 0) parts.Add($"residual {Money(o.Residual)}");
        sb.Append(indent).Append(string.Join("; ", parts)).Append('\n');
        sb.Append(indent).Append(F, $"balance {Money(o.BeginBalance)} → {Money(o.EndBalance)}; pass-through rate {o.CouponPercent:0.000000}%");
        if (o.UnpaidInterest != 0) sb.Append(F, $"; unpaid interest carried {Money(o.UnpaidInterest)}");
        sb.Append('\n');
    }

    private static void Entries(StringBuilder sb, IReadOnlyList<TraceEntry> entries, string? cls)
    {
        var depth = new Dictionary<int, int>();
        foreach (var e in entries)
        {
            var d = e.Parent is { } p && depth.TryGetValue(p, out var pd) ? pd + 1 : 0;
            depth[e.Id] = d;
            Entry(sb, e, new string(' ', 2 * d), cls);
        }
    }

    private static void Entry(StringBuilder sb, TraceEntry e, string pad, string? cls)
    {
        sb.Append(pad).Append(e.Term);
        if (e.Group is { } g) sb.Append(", group ").Append(g);
        if (e.Kind == TraceKind.Interest && e.Classes.Count == 1) sb.Append(", class ").Append(e.Classes[0]);
        var where = new List<string>();
        if (e.Line > 0) where.Add("line " + e.Line.ToString(F));
        if (e.Psa is { } psa) where.Add("PSA " + psa);
        if (where.Count > 0) sb.Append(" (").Append(string.Join("; ", where)).Append(')');
        sb.Append('\n');
        var inner = pad + "    ";
        if (e.Rule is { } rule) sb.Append(inner).Append(rule).Append('\n');
        if (e.Note is { } note) sb.Append(inner).Append("note: ").Append(note).Append('\n');
        foreach (var v in e.Inputs) Line(sb, inner, v.Name, Value(v));
        if (e.Result is { } r) Line(sb, inner, "= " + r.Name, Value(r));
        foreach (var p in e.Payments)
            Line(sb, inner, $"{Flow(p.Flow)} {p.Class}{(cls is not null && p.Class == cls ? "  <<" : "")}", Money(p.Amount));
        foreach (var v in e.Left) Line(sb, inner, v.Name, Value(v));
    }

    private static string Flow(TraceFlow f) => f switch
    {
        TraceFlow.Interest => "interest to",
        TraceFlow.Principal => "principal to",
        TraceFlow.Accretion => "accretion added to",
        TraceFlow.Loss => "written down:",
        TraceFlow.Corridor => "corridor payment to",
        TraceFlow.PoDeferred => "Class PO Deferred Amount to",
        _ => "residual to",
    };

    private static void Line(StringBuilder sb, string pad, string name, string value)
    {
        var width = Math.Max(1, NameWidth - pad.Length);
        sb.Append(pad).Append(name);
        sb.Append(' ', Math.Max(2, width - name.Length + 18 - value.Length)).Append(value).Append('\n');
    }
}
