using System.Numerics;
using CsCheck;
using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>
/// The fast projection (SIMD kernel across loans, parallel chunks) against the straightforward scalar loop
/// (<see cref="ProjectionOptions.ReferenceLoop"/>, itself pinned by <see cref="ReferenceCasesTests"/>): every
/// series of every group, the total and the PO/X strips agree to 1e-9 relative on random pools and scenarios.
/// </summary>
public class ProjectionEquivalenceTests
{
    private const double Relative = 1e-9;

    private static readonly string[] Prepays = ["0 CPR", "100 PSA", "300 PSA", "20 CPR", "150 PPC", "5 CPR for 12, then 20 CPR", "100 SMM", "1.5 SMM"];
    private static readonly string[] Defaults = ["0 CDR", "100 SDA", "400 SDA", "2 CDR", "0.5 MDR, 0.1 MDR"];

    internal static readonly ArmTerms Arm = new("LIBOR_6MO", 0.0225, 61, 6, 0.05, 0.01, 0.11, 0.0225);

    /// <summary>Loans of every shape the projector knows; ages from a short list so SIMD batches fill up.</summary>
    private static readonly Gen<Loan> GenLoan =
        from shape in Gen.Int[0, 10]
        from grp in Gen.OneOf("1", "2", "3")
        from balance in Gen.Double[0, 1_000_000]
        from zeroBalance in Gen.Int[0, 40]
        from gross in Gen.Double[0.03, 0.09]
        from svc in Gen.OneOf(0.0025, 0.00375, 0.005)
        from oth in Gen.OneOf(0.0, 0.0001, 0.0051)
        from age in Gen.OneOf(0, 1, 2, 5, 29, 30, 31, 60, 119, 200)
        from remaining in Gen.Int[1, 360]
        from count in Gen.OneOf(1.0, 1.0, 1.0, 7.5, 120)
        select new Loan
        {
            Group = grp,
            Balance = zeroBalance == 0 ? 0 : Math.Round(balance, 2),
            GrossRate = shape == 9 ? 0 : shape == 10 ? 1.3e-5 : gross, // 10: just above the kernel's lowest rate
            ServicingFee = svc,
            OtherFees = oth,
            OriginalTerm = age + remaining,
            RemainingTerm = remaining,
            Age = age,
            // shapes: 0-5 plain fixed rate; 6 interest-only (sometimes ended already); 7 balloon; 8 ARM; 9 zero rate; 10 tiny rate.
            // IO ends before maturity: a loan still IO in its last month never pays off (the conservation check throws).
            IoTerm = shape == 6 ? (remaining % 2 == 0 ? age + Math.Min(60, remaining - 1) : age) : 0,
            BalloonTerm = shape == 7 ? age + Math.Max(remaining / 2, 1) : 0,
            Arm = shape == 8 ? Arm : null,
            LoanCount = count,
        };

    private static readonly Gen<Scenario> GenScenario =
        from prepay in Gen.OneOf(Prepays)
        from dflt in Gen.OneOf(Defaults)
        from severity in Gen.Double[0, 0.6]
        from lag in Gen.Int[0, 18]
        from advancing in Gen.Bool
        from months in Gen.OneOf(0, 0, 1, 12, 100, 400)
        select new Scenario
        {
            Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt),
            Severity = MonthlyVector.Flat(severity), RecoveryLag = lag, Advancing = advancing, Months = months,
            Indices = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase) { ["LIBOR_6MO"] = new([0.03, 0.035, 0.05]) },
        };

    [Fact]
    public void Fast_path_matches_the_reference_loop_on_random_pools()
    {
        Gen.Select(GenLoan.Array[1, 700], GenScenario, Gen.OneOf(0.0, 0.055, 0.06)).Sample((loans, scenario, strip) =>
        {
            var pool = new LoanPool(loans);
            var stripRates = strip > 0 ? new Dictionary<string, double> { ["1"] = strip, ["3"] = strip } : null;
            var reference = Projector.Project(pool, scenario, stripRates, ProjectionOptions.ReferenceLoop);
            AssertClose(reference, Projector.Project(pool, scenario, stripRates, ProjectionOptions.SingleThread));
            AssertClose(reference, Projector.Project(pool, scenario, stripRates, new ProjectionOptions { MaxDegreeOfParallelism = 2 }));
        }, iter: 60);
    }

    [Fact]
    public void One_loan_comes_out_bit_for_bit_as_the_reference_loop()
    {
        // With one loan nothing is re-ordered in a sum, so the SIMD lane must reproduce the scalar arithmetic exactly.
        Gen.Select(GenLoan, GenScenario, Gen.OneOf(0.0, 0.055)).Sample((loan, scenario, strip) =>
        {
            var pool = new LoanPool([loan]);
            var stripRates = strip > 0 ? new Dictionary<string, double> { [loan.Group] = strip } : null;
            var reference = Projector.Project(pool, scenario, stripRates, ProjectionOptions.ReferenceLoop);
            var fast = Projector.Project(pool, scenario, stripRates, ProjectionOptions.SingleThread);
            foreach (var (name, a, b) in Series(reference, fast)) Assert.True(a.SequenceEqual(b), $"{name} differs");
        }, iter: 500);
    }

    [Theory]
    [InlineData(1e-10, "99 SMM", 0.99 * 0.01)]
    [InlineData(5e-300, "99 SMM", 0.99 * 0.01)]
    public void A_balance_that_underflows_to_zero_before_its_last_month_has_no_loans_left_as_in_the_reference_loop(double balance, string prepay, double keep)
    {
        // Extreme rates drive a tiny balance below the smallest double long before its last month of term. The
        // kernel skips its "zero balance ⇒ no loans left" select while a bound on the balance proves it inert;
        // here the bound does not hold, the select must run, and the loan count must match the scalar loop's bit for bit.
        // One loan: nothing is re-ordered in a sum, so every figure must be the scalar loop's bits.
        var pool = new LoanPool([new Loan { Balance = balance, GrossRate = 0.06, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360 }]);
        var scenario = new Scenario { Prepay = Speed.Prepay(prepay), Default = Speed.Default("1 MDR"), Months = 360 };
        Assert.Equal(Vector.IsHardwareAccelerated ? 1 : 0, pool.Lanes.VectorLoanCount);
        var reference = Projector.Project(pool, scenario, options: ProjectionOptions.ReferenceLoop);
        var fast = Projector.Project(pool, scenario, options: ProjectionOptions.SingleThread);
        var g = reference.Groups[0];
        // The case is the one described: the balance reaches zero months before maturity, while the loan count
        // alone (survivors × (1 − MDR)(1 − SMM)) would still be above zero.
        Assert.Contains(Enumerable.Range(1, 300), m => g.EndBalance[m] == 0 && g.EndBalance[m - 1] > 0 && g.LoanCount[m - 1] * keep > 0);
        foreach (var (name, a, b) in Series(reference, fast)) Assert.True(a.SequenceEqual(b), $"{name} differs");
    }

    [Fact]
    public void Plain_fixed_rate_loans_all_go_through_the_simd_kernel_and_odd_shapes_do_not()
    {
        var loans = Enumerable.Range(0, 1000).Select(i => new Loan
        {
            Balance = 100_000 + i, GrossRate = 0.06 + i % 7 * 0.0025, ServicingFee = 0.0025,
            OriginalTerm = 360, RemainingTerm = 360 - i % 24, Age = i % 24,
            Arm = i % 10 == 0 ? Arm : null,        // 100 ARMs
            IoTerm = i % 10 == 1 ? 120 : 0,        // 100 IO loans still in their IO period
        }).ToList();
        var pool = new LoanPool(loans);
        var expectedVector = Vector.IsHardwareAccelerated ? 800 : 0;
        Assert.Equal(expectedVector, pool.Lanes.VectorLoanCount);
        Assert.Equal(1000 - expectedVector, pool.Lanes.ScalarLoans.Length);
        // Batches are keyed by group and age (one prepayment and one default row each); here each key fits one batch.
        foreach (var b in pool.Lanes.Batches) Assert.Single(pool.Lanes.Batches, x => x.Age == b.Age && x.Group == b.Group);
    }

    [Fact]
    public void Results_are_the_same_bits_on_any_number_of_threads()
    {
        var pool = MixedPool(13_000, seed: 7);
        Assert.True(pool.Lanes.Chunks.Length > 3, "the pool should span several chunks");
        var scenario = new Scenario
        {
            Prepay = Speed.Prepay("250 PSA"), Default = Speed.Default("200 SDA"), Severity = MonthlyVector.Flat(0.35), RecoveryLag = 9,
            Indices = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase) { ["LIBOR_6MO"] = MonthlyVector.Flat(0.045) },
        };
        var strips = new Dictionary<string, double> { ["A"] = 0.055 };
        var one = Projector.Project(pool, scenario, strips, ProjectionOptions.SingleThread);
        foreach (var threads in new[] { 2, 3, 8 })
        {
            var many = Projector.Project(pool, scenario, strips, new ProjectionOptions { MaxDegreeOfParallelism = threads });
            foreach (var (name, a, b) in Series(one, many)) Assert.True(a.SequenceEqual(b), $"{name} differs on {threads} threads");
        }
        AssertClose(Projector.Project(pool, scenario, strips, ProjectionOptions.ReferenceLoop), one);
    }

    [Fact]
    public void A_pool_projected_again_gives_the_bits_of_a_fresh_pool_whatever_ran_on_it_before()
    {
        // The chunks' sums are reused from one projection of a pool to the next: a projection of another shape
        // (horizon, strips) or one that ran at the same time must leave no trace in the next one's figures.
        var indices = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase) { ["LIBOR_6MO"] = MonthlyVector.Flat(0.045) };
        var runs = new (Scenario Scenario, Dictionary<string, double>? Strips)[]
        {
            (new Scenario { Prepay = Speed.Prepay("250 PSA"), Default = Speed.Default("200 SDA"), Severity = MonthlyVector.Flat(0.35), RecoveryLag = 9, Indices = indices },
                new Dictionary<string, double> { ["A"] = 0.055 }),
            (new Scenario { Prepay = Speed.Prepay("100 PSA"), Default = Speed.Default("2 CDR"), Severity = MonthlyVector.Flat(0.5), RecoveryLag = 3, Months = 100, Indices = indices }, null),
            (new Scenario { Prepay = Speed.Prepay("20 CPR"), Severity = MonthlyVector.Flat(0.4), Indices = indices }, new Dictionary<string, double> { ["A"] = 0.06, ["B"] = 0.05 }),
        };
        var shared = MixedPool(13_000, seed: 5);
        foreach (var threads in new[] { 1, 2 })
            foreach (var (scenario, strips) in runs.Concat(runs.Reverse()))
            {
                var options = new ProjectionOptions { MaxDegreeOfParallelism = threads };
                var fresh = Projector.Project(MixedPool(13_000, seed: 5), scenario, strips, options);
                var again = Projector.Project(shared, scenario, strips, options);
                foreach (var (name, a, b) in Series(fresh, again)) Assert.True(a.SequenceEqual(b), $"{name} differs on {threads} threads");
            }

        // Four projections of one pool at once, two of each shape: each as if it ran alone.
        var expected = runs.Select(r => Projector.Project(MixedPool(13_000, seed: 5), r.Scenario, r.Strips)).ToArray();
        var results = new CollateralProjection[8];
        Parallel.For(0, results.Length, k => results[k] = Projector.Project(shared, runs[k % 2].Scenario, runs[k % 2].Strips));
        for (var k = 0; k < results.Length; k++)
            foreach (var (name, a, b) in Series(expected[k % 2], results[k])) Assert.True(a.SequenceEqual(b), $"{name} differs in concurrent run {k}");
    }

    [Fact]
    public void An_error_in_a_parallel_chunk_surfaces_as_the_input_error_itself()
    {
        var pool = MixedPool(13_000, seed: 3);
        var scenario = new Scenario { Prepay = Speed.Prepay("100 PSA") }; // ARMs reset, but no LIBOR_6MO given
        var e = Assert.Throws<RemicInputException>(() => Projector.Project(pool, scenario, options: new ProjectionOptions { MaxDegreeOfParallelism = 2 }));
        Assert.Equal("--index LIBOR_6MO: an ARM resets off index 'LIBOR_6MO' but no value was given for it (e.g. --index \"LIBOR_6MO=5.32\")", e.Message);
    }

    [Fact]
    public void Thread_count_below_one_is_refused()
    {
        var pool = new LoanPool([new Loan { Balance = 1000, GrossRate = 0.06, RemainingTerm = 12, OriginalTerm = 12 }]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Projector.Project(pool, new Scenario(), options: new ProjectionOptions { MaxDegreeOfParallelism = 0 }));
        Assert.StartsWith("MaxDegreeOfParallelism must be at least 1", e.Message);
    }

    [Fact]
    public void Conservation_check_catches_a_dollar_moved_between_months()
    {
        // The fast path's sums are checked by the same identities; show the check can fail on them.
        var pool = MixedPool(500, seed: 11);
        var scenario = new Scenario { Prepay = Speed.Prepay("100 PSA"), Default = Speed.Default("100 SDA"), Severity = MonthlyVector.Flat(0.4), RecoveryLag = 6,
            Indices = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase) { ["LIBOR_6MO"] = MonthlyVector.Flat(0.04) } };
        var g = Projector.Project(pool, scenario).Group("A");
        g.Prepayment[40] += 1;
        var perfEnd = new double[g.Months + 1];
        // Rebuild the performing balance the way the projector does from its own sums.
        perfEnd[0] = g.EndBalance[0];
        for (var m = 1; m <= g.Months; m++) perfEnd[m] = perfEnd[m - 1] - g.Defaults[m] - g.ScheduledPrincipal[m] - g.Prepayment[m];
        var e = Assert.Throws<ConservationException>(() => Conservation.Check(g, perfEnd, runToEnd: true));
        Assert.Contains("group A month 40: beginning balance", e.Message);
    }

    [Fact]
    public void Conservation_check_fails_on_a_nan_instead_of_passing_it()
    {
        var pool = new LoanPool([new Loan { Group = "A", Balance = 1000, GrossRate = 0.06, ServicingFee = 0.0025, RemainingTerm = 12, OriginalTerm = 12 }]);
        var g = Projector.Project(pool, new Scenario()).Group("A");
        g.NetInterest[3] = double.NaN;
        var perfEnd = new double[g.Months + 1];
        perfEnd[0] = g.EndBalance[0];
        for (var m = 1; m <= g.Months; m++) perfEnd[m] = perfEnd[m - 1] - g.Defaults[m] - g.ScheduledPrincipal[m] - g.Prepayment[m];
        var e = Assert.Throws<ConservationException>(() => Conservation.Check(g, perfEnd, runToEnd: true));
        Assert.Equal("group A month 3: gross interest − fees + advances ≠ net interest (off by NaN)", e.Message);
    }

    /// <summary>A seeded pool in two groups: mostly plain fixed rate, some ARMs, IO, balloons and rep lines.</summary>
    internal static LoanPool MixedPool(int n, int seed)
    {
        var rng = new Random(seed);
        var loans = new List<Loan>(n);
        for (var i = 0; i < n; i++)
        {
            var shape = rng.Next(20);
            var remaining = 300 + rng.Next(61);
            var age = 360 - remaining;
            loans.Add(new Loan
            {
                Id = i.ToString(), Group = rng.Next(3) == 0 ? "B" : "A",
                Balance = 50_000 + rng.Next(950_000), GrossRate = 0.05 + rng.Next(300) / 10_000.0,
                ServicingFee = 0.0025, OtherFees = rng.Next(2) * 0.0001,
                OriginalTerm = 360, RemainingTerm = remaining, Age = age,
                Arm = shape == 0 ? Arm : null, IoTerm = shape == 1 ? age + 24 : 0, BalloonTerm = shape == 2 ? age + 60 : 0,
                LoanCount = shape == 3 ? 25 : 1,
            });
        }
        return new LoanPool(loans);
    }

    private static void AssertClose(CollateralProjection expected, CollateralProjection actual)
    {
        Assert.Equal(expected.Months, actual.Months);
        // Values that are small differences of large sums (a balance in the last months, pending liquidations)
        // carry rounding of the large sums: they are held to 1e-9 of a thousandth of their series' peak.
        var peaks = Series(expected, actual).ToDictionary(s => s.Name, s => s.A.Max(Math.Abs));
        foreach (var (name, a, b) in Series(expected, actual))
            for (var m = 0; m < a.Length; m++)
            {
                var tol = Relative * Math.Max(Math.Max(Math.Abs(a[m]), Math.Abs(b[m])), 1e-3 * peaks[name]);
                Assert.True(Math.Abs(a[m] - b[m]) <= tol,
                    $"{name}[{m}]: reference {a[m]:R}, fast path {b[m]:R}");
            }
    }

    /// <summary>Every series of the two projections, side by side (groups, total, strips).</summary>
    private static IEnumerable<(string Name, double[] A, double[] B)> Series(CollateralProjection x, CollateralProjection y)
    {
        var pairs = x.Groups.Zip(y.Groups).Append((x.Total, y.Total));
        foreach (var (a, b) in pairs)
        {
            Assert.Equal(a.Group, b.Group);
            yield return ($"{a.Group}.BeginBalance", a.BeginBalance, b.BeginBalance);
            yield return ($"{a.Group}.ScheduledPrincipal", a.ScheduledPrincipal, b.ScheduledPrincipal);
            yield return ($"{a.Group}.Prepayment", a.Prepayment, b.Prepayment);
            yield return ($"{a.Group}.Defaults", a.Defaults, b.Defaults);
            yield return ($"{a.Group}.LiquidationProceeds", a.LiquidationProceeds, b.LiquidationProceeds);
            yield return ($"{a.Group}.RealizedLoss", a.RealizedLoss, b.RealizedLoss);
            yield return ($"{a.Group}.GrossInterest", a.GrossInterest, b.GrossInterest);
            yield return ($"{a.Group}.ServicingFee", a.ServicingFee, b.ServicingFee);
            yield return ($"{a.Group}.OtherFees", a.OtherFees, b.OtherFees);
            yield return ($"{a.Group}.NetInterest", a.NetInterest, b.NetInterest);
            yield return ($"{a.Group}.Advances", a.Advances, b.Advances);
            yield return ($"{a.Group}.EndBalance", a.EndBalance, b.EndBalance);
            yield return ($"{a.Group}.LoanCount", a.LoanCount, b.LoanCount);
        }
        Assert.Equal(x.Strips.Keys.Order(), y.Strips.Keys.Order());
        foreach (var (key, a) in x.Strips)
        {
            var b = y.Strips[key];
            yield return ($"strip {key}.PoBeginBalance", a.PoBeginBalance, b.PoBeginBalance);
            yield return ($"strip {key}.PoScheduledPrincipal", a.PoScheduledPrincipal, b.PoScheduledPrincipal);
            yield return ($"strip {key}.PoPrepayment", a.PoPrepayment, b.PoPrepayment);
            yield return ($"strip {key}.PoDefaults", a.PoDefaults, b.PoDefaults);
            yield return ($"strip {key}.PoLiquidationProceeds", a.PoLiquidationProceeds, b.PoLiquidationProceeds);
            yield return ($"strip {key}.PoRealizedLoss", a.PoRealizedLoss, b.PoRealizedLoss);
            yield return ($"strip {key}.PoEndBalance", a.PoEndBalance, b.PoEndBalance);
            yield return ($"strip {key}.ExcessInterest", a.ExcessInterest, b.ExcessInterest);
            yield return ($"strip {key}.PremiumBalance", a.PremiumBalance, b.PremiumBalance);
        }
    }
}
