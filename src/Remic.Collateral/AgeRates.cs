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
        foreach (var age in pool.Age)
        {
            if (_prepay.ContainsKey(age)) continue;
            _prepay[age] = scenario.Prepay.Curve.Materialise(age, months);
            _default[age] = scenario.Default.Curve.Materialise(age, months);
        }
    }

    public double[] Prepay(int age) => _prepay[age];
    public double[] Default(int age) => _default[age];
}
