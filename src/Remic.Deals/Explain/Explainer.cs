using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Deals.Explain;

/// <summary>
/// Why a class got its amount on a distribution date of a projected scenario: the one library call behind
/// `remic explain` (and any other adapter). Runs the scenario exactly as `remic run` does, with the trace on for
/// that date only, so the figures explained are the run's figures.
/// </summary>
public static class Explainer
{
    /// <summary>The trace of distribution period <paramref name="period"/> (1 = the first) of the deal under the scenario.</summary>
    /// <param name="periodSource">Where the period was given, for the error (e.g. "--period").</param>
    /// <exception cref="RemicInputException">The period is not a distribution date of the run.</exception>
    public static PeriodTrace Explain(Deal deal, Scenario scenario, int period, bool exerciseCall = false, string periodSource = "--period")
    {
        if (period < 1) throw PeriodError(periodSource, period, null);
        var run = DealRunner.Run(deal, scenario, exerciseCall, TracePeriods.Only(period));
        if (run.Traces.Count == 0) throw PeriodError(periodSource, period, run.Periods.Count);
        return run.Traces[0];
    }

    /// <summary>The explanation of one class (any case; an unknown name is an input error naming the closest classes).</summary>
    public static ClassExplanation Explain(Deal deal, Scenario scenario, int period, string className, bool exerciseCall = false)
    {
        var name = NameMatch.Resolve(className, deal.Classes.Select(c => c.Name).ToList(), "--class", "a class of the deal");
        return Explain(deal, scenario, period, exerciseCall).For(name);
    }

    private static RemicInputException PeriodError(string source, int period, int? last) =>
        new(source, 0, "", period.ToString(System.Globalization.CultureInfo.InvariantCulture), last is { } n
            ? $"a distribution period from 1 to {n} (the deal's last distribution under this scenario)"
            : "a distribution period of 1 or more (1 = the first distribution date)");
}
