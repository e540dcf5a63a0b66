using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>
/// Conservation across a scenario result: over the life, the principal paid to and written off the book's
/// non-notional classes equals the collateral's principal collected and realized losses. A wiring slip (a class
/// left out of the list, a group projected twice) surfaces here instead of as a plausible-looking book.
/// </summary>
internal static class ScenarioCheck
{
    public static void Conserves(ScenarioRequest request, ScenarioResult result, IReadOnlyList<BookClass> classes)
    {
        if (result.Groups.Count == 0) return; // a runner without collateral detail has nothing to check against
        double paid = 0, collateral = 0, scale = 0;
        foreach (var c in classes.Where(c => !c.Notional))
        {
            var f = result.Class(c.Name, request);
            paid += f.TotalPrincipal + f.TotalLoss;
        }
        foreach (var g in result.Groups)
        {
            collateral += g.TotalPrincipal + g.TotalRealizedLoss;
            scale += g.EndBalance[0];
        }
        var tolerance = 1e-9 * scale + 0.01;
        if (Math.Abs(paid - collateral) > tolerance)
            throw new ConservationException(FormattableString.Invariant(
                $"scenario {request}: classes receive principal + writedowns {paid:F2} but the collateral pays principal + losses {collateral:F2} (off by {paid - collateral:F2})"));
    }
}
