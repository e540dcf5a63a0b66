namespace Remic.Collateral;

/// <summary>
/// A scenario's prepayment (SMM) and default (MDR) rates by projection month, materialised once for each
/// cut-off age in the pool (and each loan group, for a curve that depends on the loans' rate); read-only while a
/// projection runs, so parallel chunks share it. A <see cref="CollateralRun"/> refills one (<see cref="Fill"/>) for
/// each scenario: its rows are kept and overwritten, months 1..months of each row hold the scenario's rates (a row
/// may be longer, from a longer projection before; nothing reads past the projection's months).
/// </summary>
internal sealed class AgeRates
{
    private readonly LoanPool _pool;
    private readonly Dictionary<int, double[]>[] _prepay;
    private readonly Dictionary<int, double[]> _shared = new();
    private Dictionary<int, double[]>[]? _perGroup;
    private readonly Dictionary<int, double[]> _default = new();
    private (double Rate, int[] Ages)[]? _groupRates;
    private double[] _byAge = [];
    private int _months;

    public AgeRates(LoanPool pool, Scenario scenario, int months) : this(pool) => Fill(scenario, months);

    /// <summary>Empty rows for <paramref name="pool"/>: <see cref="Fill"/> before use.</summary>
    public AgeRates(LoanPool pool)
    {
        _pool = pool;
        _prepay = new Dictionary<int, double[]>[Math.Max(pool.GroupNames.Length, 1)];
    }

    /// <summary>The rows of <paramref name="scenario"/> for projection months 1..<paramref name="months"/>.</summary>
    public void Fill(Scenario scenario, int months)
    {
        _months = months;
        var curve = scenario.Prepay.Curve;
        if (curve.DependsOnLoanRate)
        {
            // A rate-driven model: bound to each group's weighted average gross rate at cut-off.
            _groupRates ??= GroupRates(_pool);
            if (_perGroup is null)
            {
                _perGroup = new Dictionary<int, double[]>[_pool.GroupNames.Length];
                for (var g = 0; g < _perGroup.Length; g++) _perGroup[g] = new Dictionary<int, double[]>();
            }
            for (var g = 0; g < _perGroup.Length; g++)
            {
                Fill(_perGroup[g], curve.ForLoanRate(_groupRates[g].Rate), _groupRates[g].Ages, months);
                _prepay[g] = _perGroup[g];
            }
        }
        else
        {
            Fill(_shared, curve, _pool.DistinctAges, months);
            for (var g = 0; g < _prepay.Length; g++) _prepay[g] = _shared;
        }
        Fill(_default, scenario.Default.Curve, _pool.DistinctAges, months);
    }

    public double[] Prepay(int age, int group) => _prepay[group][age];
    /// <summary>The first group's row (every group's, unless the curve depends on the loans' rate).</summary>
    public double[] Prepay(int age) => Prepay(age, 0);
    public double[] Default(int age) => _default[age];

    /// <summary>True when some loan defaults in some month of the projection.</summary>
    public bool AnyDefault
    {
        get
        {
            foreach (var row in _default.Values)
                for (var m = 0; m <= _months; m++)
                    if (row[m] > 0) return true;
            return false;
        }
    }

    /// <summary>Each group's balance-weighted gross rate (annual) at cut-off and its loans' distinct ages (first seen first).</summary>
    private static (double Rate, int[] Ages)[] GroupRates(LoanPool pool)
    {
        var rates = new (double, int[])[pool.GroupNames.Length];
        for (var g = 0; g < rates.Length; g++)
        {
            double bal = 0, sum = 0;
            for (var i = 0; i < pool.Count; i++)
                if (pool.Group[i] == g) { bal += pool.Balance[i]; sum += pool.Balance[i] * pool.GrossRate[i] * 12; }
            var ages = Enumerable.Range(0, pool.Count).Where(i => pool.Group[i] == g).Select(i => pool.Age[i]).Distinct().ToArray();
            rates[g] = (bal > 0 ? sum / bal : 0, ages);
        }
        return rates;
    }

    /// <summary>A row of months + 1 or more for each age (kept from an earlier fill when long enough).</summary>
    private static double[] Row(Dictionary<int, double[]> rows, int age, int months)
    {
        if (!rows.TryGetValue(age, out var row) || row.Length < months + 1) rows[age] = row = new double[months + 1];
        return row;
    }

    private void Fill(Dictionary<int, double[]> rows, RateCurve curve, int[] ages, int months)
    {
        if (ages.Length == 0) return;
        if (!curve.DependsOnAgeOnly || ages.Length <= 1)
        {
            // RateCurve.Materialise's values, into the kept row.
            foreach (var age in ages)
            {
                var row = Row(rows, age, months);
                for (var m = 1; m <= months; m++) row[m] = Math.Clamp(curve.Monthly(age + m, m), 0, 1);
            }
            return;
        }
        // The rate at each loan age once (a pow each), then every row is a window on those values:
        // the same numbers Materialise gives, without recomputing them per cut-off age.
        int min = ages[0], max = ages[0];
        foreach (var age in ages) { min = Math.Min(min, age); max = Math.Max(max, age); }
        var first = min + 1;
        var length = max + months - first + 1;
        if (_byAge.Length < length) _byAge = new double[length];
        var byAge = _byAge;
        for (var k = 0; k < length; k++) byAge[k] = Math.Clamp(curve.Monthly(first + k, 1), 0, 1);
        foreach (var age in ages) Array.Copy(byAge, age + 1 - first, Row(rows, age, months), 1, months);
    }
}
