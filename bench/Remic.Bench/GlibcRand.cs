namespace Remic.Bench;

/// <summary>
/// glibc's <c>rand()</c> (the TYPE_3 additive feedback generator behind <c>srand</c>), so the
/// benchmark pool is loan for loan the pool that ../shared/peers/collateral_loop.c projects and
/// the two programs' cash-flow totals can be compared.
/// </summary>
internal sealed class GlibcRand
{
    private const int Degree = 31, Separation = 3;
    private readonly int[] _ring = new int[Degree]; // the last 31 outputs of the recurrence
    private int _next = Separation; // glibc's front pointer starts 3 slots ahead of the rear one

    public GlibcRand(int seed)
    {
        // srand: seed the table with a Lehmer generator, then discard 310 outputs.
        var r = new int[Degree];
        r[0] = seed;
        for (var i = 1; i < Degree; i++) r[i] = (int)(16807L * r[i - 1] % 2147483647);
        Array.Copy(r, _ring, Degree);
        for (var i = 0; i < 310; i++) Step();
    }

    /// <summary>The next value of <c>rand()</c>, 0..2^31-1.</summary>
    public int Next() => (int)((uint)Step() >> 1);

    // r[i] = r[i-31] + r[i-3] (mod 2^32); the ring slot of r[i-31] is the one r[i] replaces.
    private int Step()
    {
        var v = unchecked(_ring[_next] + _ring[(_next + Degree - Separation) % Degree]);
        _ring[_next] = v;
        _next = (_next + 1) % Degree;
        return v;
    }
}
