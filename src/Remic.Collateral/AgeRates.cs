namespace Remic.Collateral;

/// <summary>
/// A scenario's prepayment (SMM) and default (MDR) rates by projection month, materialised once for each
/// cut-off age in the pool (and each loan group, for a curve that depends on the loans' rate); read-only after
/// construction, so parallel chunks share it.
/// </summary>
internal sealed class AgeRates
{
    private readonly Dictionary<int, double[]>[] _prepay;
    private readonly Dictionary<int, double[]> _default = new();

    public AgeRates(LoanPool pool, Scenario scenario, int months)
    {
        var curve = scenario.Prepay.Curve;
        if (curve.DependsOnLoanRate)
        {
            // A rate-driven model: bound to each group's weighted average gross rate at cut-off.
            _prepay = new Dictionary<int, double[]>[pool.GroupNames.Length];
            for (var g = 0; g < _prepay.Length; g++)
            {
                double bal = 0, sum = 0;
                for (var i = 0; i < pool.Count; i++)
                    if (pool.Group[i] == g) { bal += pool.Balance[i]; sum += pool.Balance[i] * pool.GrossRate[i] * 12; }
                var ages = Enumerable.Range(0, pool.Count).Where(i => pool.Group[i] == g).Select(i => pool.Age[i]).Distinct().ToArray();
                _prepay[g] = new Dictionary<int, double[]>();
                Fill(_prepay[g], curve.ForLoanRate(bal > 0 ? sum / bal : 0), ages, months);
            }
        }
        else
        {
            var all = new Dictionary<int, double[]>();
            Fill(all, curve, pool.DistinctAges, months);
            _prepay = Enumerable.Repeat(all, Math.Max(pool.GroupNames.Length, 1)).ToArray();
        }
        Fill(_default, scenario.Default.Curve, pool.DistinctAges, months);
    }

    public double[] Prepay(int age, int group) => _prepay[group][age];
    /// <summary>The first group's row (every group's, unless the curve depends on the loans' rate).</summary>
    public double[] Prepay(int age) => Prepay(age, 0);
    public double[] Default(int age) => _default[age];

    /// <summary>True when some loan defaults in some month of the projection.</summary>
    public bool AnyDefault => _default.Values.Any(row => row.Any(r => r > 0));

    private static void Fill(Dictionary<int, double[]> rows, RateCurve curve, int[] ages, int months)
    {
        if (ages.Length == 0) return;
        if (!curve.DependsOnAgeOnly || ages.Length <= 1)
        {
            foreach (var age in ages) rows[age] = curve.Materialise(age, months);
            return;
        }
        // The rate at each loan age once (a pow each), then every row is a window on those values:
        // the same numbers Materialise gives, without recomputing them per cut-off age.
        var first = ages.Min() + 1;
        var byAge = new double[ages.Max() + months - first + 1];
        for (var k = 0; k < byAge.Length; k++) byAge[k] = Math.Clamp(curve.Monthly(first + k, 1), 0, 1);
        foreach (var age in ages)
        {
            var row = new double[months + 1];
            Array.Copy(byAge, age + 1 - first, row, 1, months);
            rows[age] = row;
        }
    }
}
