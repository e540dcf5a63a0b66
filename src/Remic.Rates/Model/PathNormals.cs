using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;
using Remic.Rates.Sobol;

namespace Remic.Rates.Model;

/// <summary>How the Monte Carlo draws its normals.</summary>
public enum PathMethod
{
    /// <summary>Independent pseudo-random normals (xoshiro256** seeded per path by SplitMix64 from the seed and the path number).</summary>
    Pseudo,
    /// <summary>Pseudo-random pairs: path 2k+1 uses the negated normals of path 2k.</summary>
    Antithetic,
    /// <summary>Sobol points (Joe–Kuo), digitally shifted by the seed, through a Brownian bridge per factor.</summary>
    Sobol,
}

/// <summary>
/// The standard normals of each path: two factors (the Hull-White state and its integral, see <see cref="RatePaths"/>)
/// × steps. A path's normals depend only on (method, seed, path number), never on the thread that draws them, so a run
/// gives the same figures on any number of cores, and a shifted curve reuses them (common random numbers).
/// </summary>
public sealed class PathNormals
{
    public PathMethod Method { get; }
    public ulong Seed { get; }
    public int Steps { get; }
    private readonly SobolSequence? _sobol;
    private readonly BrownianBridge? _bridge;

    public PathNormals(PathMethod method, ulong seed, int steps)
    {
        Method = method;
        Seed = seed;
        Steps = steps;
        if (method == PathMethod.Sobol)
        {
            if (2 * steps > SobolSequence.MaxDimensions)
                throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Sobol paths need 2 dimensions a step; at most {SobolSequence.MaxDimensions / 2} steps");
            _sobol = new SobolSequence(2 * steps, seed);
            _bridge = new BrownianBridge(steps);
        }
    }

    /// <summary>Fills z1, z2 (each <see cref="Steps"/> long) with path <paramref name="path"/>'s normals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(int path, Span<double> z1, Span<double> z2)
    {
        switch (Method)
        {
            case PathMethod.Pseudo: Pseudo(path, z1, z2); break;
            case PathMethod.Antithetic:
                Pseudo(path / 2, z1, z2);
                if ((path & 1) == 1) { Negate(z1); Negate(z2); }
                break;
            default: Sobol(path, z1, z2); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pseudo(int path, Span<double> z1, Span<double> z2)
    {
        var seeder = new SplitMix64(Seed * 0x9E3779B97F4A7C15UL ^ (ulong)path * 0xD1B54A32D192ED03UL);
        var rng = new Xoshiro(seeder.Next(), seeder.Next(), seeder.Next(), seeder.Next());
        for (var i = 0; i < Steps; i++) { z1[i] = rng.Normal(); z2[i] = rng.Normal(); }
    }

    private void Sobol(int path, Span<double> z1, Span<double> z2)
    {
        Span<double> u = stackalloc double[2 * Steps];
        _sobol!.Point(path + 1L, u);
        Span<double> a = stackalloc double[Steps];
        Span<double> b = stackalloc double[Steps];
        for (var i = 0; i < Steps; i++)
        {
            // Factor 1 takes the even dimensions, factor 2 the odd: both bridges start on the best dimensions.
            a[i] = Normal.InvCDF(0, 1, u[2 * i]);
            b[i] = Normal.InvCDF(0, 1, u[2 * i + 1]);
        }
        Span<double> w = stackalloc double[Steps + 1];
        _bridge!.Build(a, z1, w);
        _bridge.Build(b, z2, w);
    }

    private static void Negate(Span<double> z) { for (var i = 0; i < z.Length; i++) z[i] = -z[i]; }

    /// <summary>xoshiro256** (Blackman and Vigna 2018) with Marsaglia's polar method for normals.</summary>
    private struct Xoshiro(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        private ulong _a = s0 | 1, _b = s1, _c = s2, _d = s3;
        private double _spare = double.NaN;

        private ulong Next()
        {
            var result = BitRot(_b * 5, 7) * 9;
            var t = _b << 17;
            _c ^= _a; _d ^= _b; _b ^= _c; _a ^= _d; _c ^= t; _d = BitRot(_d, 45);
            return result;
        }

        private static ulong BitRot(ulong x, int k) => (x << k) | (x >> (64 - k));
        private double Uniform() => ((Next() >> 11) + 0.5) * (1.0 / 9007199254740992.0) * 2 - 1;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Normal()
        {
            if (!double.IsNaN(_spare)) { var s = _spare; _spare = double.NaN; return s; }
            double x, y, r;
            do { x = Uniform(); y = Uniform(); r = x * x + y * y; } while (r >= 1 || r == 0);
            var f = Math.Sqrt(-2 * Math.Log(r) / r);
            _spare = y * f;
            return x * f;
        }
    }
}
