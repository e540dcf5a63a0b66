using System.Reflection;

namespace Remic.Rates.Sobol;

/// <summary>
/// The Sobol low-discrepancy sequence in up to 1,024 dimensions with the direction numbers of S. Joe and F. Y. Kuo,
/// "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654
/// (file new-joe-kuo-6.21201, https://web.maths.unsw.edu.au/~fkuo/sobol/; its first 1,024 dimensions are embedded,
/// with the authors' licence in Sobol/LICENSE-joe-kuo.txt). 32-bit; point n is computed directly from the Gray code of
/// n (x = ⊕ V_j over the bits j of n ⊕ (n ≫ 1)), so any path can be generated on its own, in any order, on any thread.
/// An optional digital shift (XOR with a seeded random word per dimension) randomises the sequence.
/// </summary>
public sealed class SobolSequence
{
    public const int MaxDimensions = 1024;
    private static readonly Lazy<uint[][]> Directions = new(LoadDirections);

    private readonly uint[][] _v;
    private readonly uint[] _shift;
    public int Dimensions { get; }

    public SobolSequence(int dimensions, ulong? shiftSeed = null)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"Sobol points have 1 to {MaxDimensions} dimensions here");
        Dimensions = dimensions;
        _v = Directions.Value;
        _shift = new uint[dimensions];
        if (shiftSeed is { } s)
        {
            var rng = new SplitMix64(s);
            for (var d = 0; d < dimensions; d++) _shift[d] = (uint)(rng.Next() >> 32);
        }
    }

    /// <summary>Point n (n ≥ 1; point 0 is the origin and is never used) as uniforms in (0,1).</summary>
    public void Point(long n, Span<double> u)
    {
        var g = (ulong)(n ^ (n >> 1));
        for (var d = 0; d < Dimensions; d++)
        {
            uint x = 0;
            var v = _v[d];
            var bits = g;
            for (var j = 0; bits != 0; j++, bits >>= 1)
                if ((bits & 1) != 0) x ^= v[j];
            x ^= _shift[d];
            u[d] = (x + 0.5) / 4294967296.0;
        }
    }

    private static uint[][] LoadDirections()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Remic.Rates.new-joe-kuo-6.1024")
            ?? throw new InvalidOperationException("the Joe-Kuo direction numbers are missing from the assembly");
        using var reader = new StreamReader(stream);
        var v = new uint[MaxDimensions][];
        v[0] = new uint[32];
        for (var j = 0; j < 32; j++) v[0][j] = 1u << (31 - j);
        var dim = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null && dim < MaxDimensions)
        {
            if (line.StartsWith('#') || line.StartsWith('d') || line.Trim().Length == 0) continue;
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(uint.Parse).ToArray();
            int s = (int)f[1];
            var a = f[2];
            var dir = new uint[33]; // 1-based, as Joe and Kuo write it
            for (var i = 1; i <= s; i++) dir[i] = f[2 + i] << (32 - i);
            for (var i = s + 1; i <= 32; i++)
            {
                dir[i] = dir[i - s] ^ (dir[i - s] >> s);
                for (var k = 1; k <= s - 1; k++) dir[i] ^= ((a >> (s - 1 - k)) & 1) * dir[i - k];
            }
            v[dim] = dir[1..];
            dim++;
        }
        if (dim < MaxDimensions) throw new InvalidOperationException($"only {dim} Sobol dimensions were read");
        return v;
    }
}

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): seeds per path and the digital shifts.</summary>
internal struct SplitMix64(ulong state)
{
    private ulong _s = state;
    public ulong Next()
    {
        var z = _s += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
