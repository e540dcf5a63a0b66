using Remic.Core;

namespace Remic.Grid;

/// <summary>
/// One scenario of a grid: its position in the <see cref="ScenarioSpace"/> and the index on each axis of
/// <see cref="GridAxes"/> (<see cref="Path"/> is 0 when the grid has no index paths: the deal's own).
/// </summary>
public readonly record struct GridScenario(long Index, int Path, int Prepay, int Default, int Severity, int Lag, int Call);

/// <summary>
/// Every combination of the axes, numbered 0 … <see cref="Count"/> − 1 in a fixed mixed-radix order. From the slowest
/// digit to the fastest: index path, prepayment speed, default speed, severity, lag, call flag. So
/// <c>index = ((((path·P + prepay)·D + default)·S + severity)·L + lag)·C + call</c>, where P, D, S, L, C are the axes'
/// sizes. Rows in an output are in this order, deal by deal.
/// </summary>
public sealed class ScenarioSpace
{
    public GridAxes Axes { get; }
    private readonly long[] radix; // path, prepay, default, severity, lag, call

    public ScenarioSpace(GridAxes axes)
    {
        Axes = axes;
        radix = [Math.Max(1, axes.IndexPaths.Count), axes.Prepay.Count, axes.Default.Count, axes.Severity.Count, axes.Lag.Count, axes.Call.Count];
        long n = 1;
        foreach (var r in radix)
        {
            if (r == 0) { n = 0; break; }
            n = n > long.MaxValue / r ? long.MaxValue : n * r;
        }
        Count = n;
    }

    /// <summary>Scenarios per deal (saturates at <see cref="long.MaxValue"/>).</summary>
    public long Count { get; }

    public GridScenario At(long index)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"a scenario from 0 to {Count - 1}");
        var rest = index;
        Span<int> d = stackalloc int[6];
        for (var k = 5; k >= 0; k--) { d[k] = (int)(rest % radix[k]); rest /= radix[k]; }
        return new GridScenario(index, d[0], d[1], d[2], d[3], d[4], d[5]);
    }

    /// <summary>The scenario's position from its axis indices (the inverse of <see cref="At"/>).</summary>
    public long IndexOf(int path, int prepay, int dflt, int severity, int lag, int call)
    {
        long i = path;
        i = i * radix[1] + prepay;
        i = i * radix[2] + dflt;
        i = i * radix[3] + severity;
        i = i * radix[4] + lag;
        return i * radix[5] + call;
    }

    /// <summary>The index path's name ("deal" when the grid has none: the deal file's own assumed index levels).</summary>
    public string PathName(GridScenario s) => Axes.IndexPaths.Count == 0 ? "deal" : Axes.IndexPaths[s.Path].Name;
}
