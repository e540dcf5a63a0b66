namespace Remic.Collateral;

/// <summary>
/// A scenario's prepayment (SMM) and default (MDR) rates by projection month, materialised once for each
/// cut-off age in the pool; read-only after construction, so parallel chunks share it.
/// </summary>
internal sealed class AgeRates
{
    private readonly Dictionary<int, double[]> _prepay = new();
    private readonly Dictionary<int, double[]> _default = new();

    public AgeRates(LoanPool pool, Scenario scenario, int months)
    {
        var ages = pool.Age.Distinct().ToArray();
        Fill(_prepay, scenario.Prepay.Curve, ages, months);
        Fill(_default, scenario.Default.Curve, ages, months);
    }

    public double[] Prepay(int age) => _prepay[age];
    public double[] Default(int age) => _default[age];

    /// <summary>True when some loan defaults in some month of the projection.</summary>
    public bool AnyDefault => _default.Values.Any(row => row.Any(r => r > 0));

    private static void Fill(Dictionary<int, double[]> rows, RateCurve curve, int[] ages, int months)
    {
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
