namespace Remic.Core;

/// <summary>
/// A value per projection month (month 1 is the first projected month); the last value holds
/// for every later month, as vectors do in Intex and Bloomberg.
/// </summary>
public sealed class MonthlyVector
{
    private readonly double[] _values;

    public MonthlyVector(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("a vector needs at least one value", nameof(values));
        _values = values.ToArray();
    }

    public static MonthlyVector Flat(double value) => new([value]);

    public int Count => _values.Length;

    public bool IsFlat => _values.All(v => v == _values[0]);

    /// <summary>Value in projection month <paramref name="month"/> (1-based; months past the end take the last value).</summary>
    public double At(int month) => _values[Math.Clamp(month - 1, 0, _values.Length - 1)];

    public IReadOnlyList<double> Values => _values;
}
