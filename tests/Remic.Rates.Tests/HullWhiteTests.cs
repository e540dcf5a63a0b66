using System.Globalization;
using Remic.Rates.Curves;
using Remic.Rates.Model;

namespace Remic.Rates.Tests;

public class HullWhiteTests
{
    private static readonly ZeroCurve Curve = ZeroCurve.Parse(ZeroCurveTests.CmCurve);
    private static double[] Monthly(int n) => Enumerable.Range(1, n).Select(m => m / 12.0).ToArray();

    [Theory]
    [InlineData(PathMethod.Pseudo)]
    [InlineData(PathMethod.Antithetic)]
    [InlineData(PathMethod.Sobol)]
    public void Monte_Carlo_zero_coupon_prices_equal_the_curve_within_3_standard_errors(PathMethod method)
    {
        var hw = new HullWhite(Curve, 0.05, 0.012);
        var paths = new RatePaths(hw, Monthly(360), new PathNormals(method, 7, 360));
        const int n = 2000;
        int[] at = [12, 60, 120, 360];
        var sum = new double[at.Length];
        var sq = new double[at.Length];
        var (p, z1, z2) = paths.Scratch();
        var pairSum = new double[at.Length];
        var pairSq = new double[at.Length];
        for (var i = 0; i < n; i++)
        {
            paths.Generate(i, p, z1, z2);
            for (var j = 0; j < at.Length; j++)
            {
                var d = p.Discount[at[j]];
                sum[j] += d; sq[j] += d * d;
                if (i % 2 == 1) { var pair = (pairSum[j] + d) / 2; pairSum[j] = 0; pairSq[j] += pair * pair; } else pairSum[j] = d;
            }
        }
        for (var j = 0; j < at.Length; j++)
        {
            var mean = sum[j] / n;
            // Antithetic pairs are the independent draws: the SE comes from pair means.
            var se = method == PathMethod.Antithetic
                ? Math.Sqrt((pairSq[j] / (n / 2) - mean * mean) / (n / 2 - 1))
                : Math.Sqrt((sq[j] / n - mean * mean) / (n - 1));
            var df = Curve.Discount(at[j] / 12.0);
            Assert.True(Math.Abs(mean - df) < 3 * se, $"{method} {at[j] / 12} yr: MC {mean:F6} ± {se:F6}, curve {df:F6}");
            Assert.True(se > 0);
        }
    }

    [Fact]
    public void Zero_volatility_paths_are_the_forward_curve()
    {
        var hw = new HullWhite(Curve, 0.05, 0);
        var paths = new RatePaths(hw, Monthly(360), new PathNormals(PathMethod.Pseudo, 1, 360));
        var (p, z1, z2) = paths.Scratch();
        paths.Generate(3, p, z1, z2);
        for (var k = 0; k <= 360; k += 17)
        {
            var t = k / 12.0;
            Assert.Equal(Curve.Discount(t), p.Discount[k], 13);
            Assert.Equal(Curve.Forward(t), p.ShortRate[k], 13);
            // The 10-year rate at t is the forward par yield: (P(t) − P(t+10)) / (½ Σ P(t + j/2)).
            double ann = 0;
            for (var j = 1; j <= 20; j++) ann += Curve.Discount(t + j / 2.0);
            Assert.Equal(2 * (Curve.Discount(t) - Curve.Discount(t + 10)) / ann, p.TenYear[k], 12);
        }
    }

    [Fact]
    public void Bond_option_from_the_paths_equals_the_closed_form_within_3_standard_errors()
    {
        var hw = new HullWhite(Curve, 0.08, 0.015);
        var paths = new RatePaths(hw, Monthly(60), new PathNormals(PathMethod.Pseudo, 11, 60));
        var (p, z1, z2) = paths.Scratch();
        // A 5-year call and put on the 10-year zero (maturing at 15), struck at the forward price.
        var strike = Curve.Discount(15) / Curve.Discount(5);
        const int n = 4000;
        double sc = 0, sc2 = 0, sp = 0, sp2 = 0;
        var x = 0.0;
        for (var i = 0; i < n; i++)
        {
            paths.Generate(i, p, z1, z2);
            x = p.ShortRate[60] - hw.Alpha(5);
            var bond = hw.ZeroBond(5, 15, x);
            var c = p.Discount[60] * Math.Max(bond - strike, 0);
            var q = p.Discount[60] * Math.Max(strike - bond, 0);
            sc += c; sc2 += c * c; sp += q; sp2 += q * q;
        }
        double Se(double s, double s2) => Math.Sqrt((s2 / n - s / n * (s / n)) / (n - 1));
        var call = hw.ZeroBondOption(true, strike, 5, 15);
        var put = hw.ZeroBondOption(false, strike, 5, 15);
        Assert.True(Math.Abs(sc / n - call) < 3 * Se(sc, sc2), $"call MC {sc / n:F6} ± {Se(sc, sc2):F6}, closed form {call:F6}");
        Assert.True(Math.Abs(sp / n - put) < 3 * Se(sp, sp2), $"put MC {sp / n:F6} ± {Se(sp, sp2):F6}, closed form {put:F6}");
        // Put-call parity at the forward strike: C − P = P(0,S) − K·P(0,T) = 0.
        Assert.Equal(0, call - put, 14);
        Assert.True(call > 0.005);
    }

    [Fact]
    public void Closed_form_matches_quantlib_jamshidian_figures()
    {
        // quantlib/hw_bond_options.expected.txt is QuantLib 1.29's HullWhite::discountBondOption (Debian libquantlib0-dev),
        // printed by quantlib/hw_bond_options.cpp; the live test below rebuilds it when QuantLib's headers are installed.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "quantlib", "hw_bond_options.expected.txt"));
        Assert.Equal(972, lines.Length);
        Compare(lines);
    }

    [Fact]
    public void Closed_form_matches_quantlib_built_here()
    {
        // QuantLib or a C++ compiler not installed (.ci/run installs both): the stored figures above still run.
        if (!File.Exists("/usr/include/ql/quantlib.hpp") || !File.Exists("/usr/bin/c++")) return;
        var src = Path.Combine(AppContext.BaseDirectory, "quantlib", "hw_bond_options.cpp");
        var exe = Path.Combine(Path.GetTempPath(), $"remic-hw-ql-{Environment.ProcessId}");
        Run("c++", $"-O1 -o \"{exe}\" \"{src}\" -lQuantLib");
        var output = Run(exe, "");
        File.Delete(exe);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(972, lines.Length);
        Compare(lines);
    }

    private static void Compare(IEnumerable<string> lines)
    {
        var worst = 0.0;
        foreach (var line in lines)
        {
            var f = line.Split(' ');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            double a = D(1), sigma = D(2), r = D(3), T = D(4), S = D(5), ratio = D(6), ql = D(7);
            var hw = new HullWhite(ZeroCurve.FlatContinuous(r), a, sigma);
            var strike = ratio * Math.Exp(-r * (S - T));
            var mine = hw.ZeroBondOption(f[0] == "call", strike, T, S);
            var err = Math.Abs(mine - ql);
            worst = Math.Max(worst, err);
            Assert.True(err < 1e-12 + 1e-9 * ql, $"{line}: Remic {mine:e15}");
        }
        Assert.True(worst < 1e-9);
    }

    private static string Run(string file, string args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var proc = System.Diagnostics.Process.Start(psi)!;
        var stdout = proc.StandardOutput.ReadToEnd();
        var stderr = proc.StandardError.ReadToEnd();
        proc.WaitForExit();
        Assert.True(proc.ExitCode == 0, $"{file} {args} failed: {stderr}");
        return stdout;
    }
}
