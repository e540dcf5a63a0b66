namespace Remic.Rates.Sobol;

/// <summary>
/// Brownian bridge construction of a Brownian path on steps 1..n of unit variance (Glasserman, Monte Carlo Methods in
/// Financial Engineering, §3.1): the first normal sets W(n), the next W(n/2), then the quarter points, and so on, so the
/// first (best-distributed) Sobol dimensions carry the path's large-scale shape. Output: the n increments
/// W(k) − W(k−1), each N(0,1), independent — the same law as n independent normals.
/// </summary>
public sealed class BrownianBridge
{
    private readonly int[] _point, _left, _right;
    private readonly double[] _wl, _wr, _sd;
    public int Steps { get; }

    public BrownianBridge(int steps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps));
        Steps = steps;
        _point = new int[steps]; _left = new int[steps]; _right = new int[steps];
        _wl = new double[steps]; _wr = new double[steps]; _sd = new double[steps];
        _point[0] = steps; _left[0] = 0; _right[0] = steps; _sd[0] = Math.Sqrt(steps);
        var queue = new Queue<(int L, int R)>();
        queue.Enqueue((0, steps));
        var k = 1;
        while (queue.Count > 0)
        {
            var (l, r) = queue.Dequeue();
            if (r - l < 2) continue;
            var m = (l + r) / 2;
            _point[k] = m; _left[k] = l; _right[k] = r;
            _wl[k] = (double)(r - m) / (r - l);
            _wr[k] = (double)(m - l) / (r - l);
            _sd[k] = Math.Sqrt((double)(m - l) * (r - m) / (r - l));
            k++;
            queue.Enqueue((l, m));
            queue.Enqueue((m, r));
        }
    }

    /// <summary>Turns <paramref name="z"/> (n normals, most important first) into n path increments, in place-safe scratch <paramref name="w"/> (n + 1).</summary>
    public void Build(ReadOnlySpan<double> z, Span<double> increments, Span<double> w)
    {
        w[0] = 0;
        w[Steps] = _sd[0] * z[0];
        for (var k = 1; k < Steps; k++)
            w[_point[k]] = _wl[k] * w[_left[k]] + _wr[k] * w[_right[k]] + _sd[k] * z[k];
        for (var i = 0; i < Steps; i++) increments[i] = w[i + 1] - w[i];
    }
}
