using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Explain;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Deals.Tests;
using Remic.Deals.Waterfall;

namespace Remic.Bench;

/// <summary>
/// The waterfall's bit-identity harness (<c>Remic.Bench.dll hash [--quick] [--verbose]</c>; <c>hash --bench</c>: the benchmark
/// deal alone, <see cref="Bench"/>): a SHA-256 over every field of every
/// period — each figure's bits, of <see cref="PeriodResult{T}"/> and of its next <see cref="DealState{T}"/>, by reflection over
/// their public properties in name order — of many runs, printed per section and for all. Build it on two commits and compare
/// the lines: a change to the interpreter that moves a single bit of any figure changes a hash.
/// <list type="bullet">
/// <item>examples: the seven example deals at 0/100/300 PPC × 0 and 5 CDR (50% severity, lag 6) × call and no call
/// (LIBOR_1MO flat 1.1% for the deals that read it), each through <see cref="DealRunner.Run(Deal, Scenario, bool)"/> and
/// through one reused <see cref="WaterfallRun"/> that ran another scenario just before;</item>
/// <item>traces: the examples' <c>remic explain</c> trace of every period (JSON, doubles round-trip) at 100 PPC and 300 PPC 5 CDR;</item>
/// <item>random: deals of the property tests' generator (<c>RandomDeals.Build</c>, linked from tests/Remic.Deals.Tests) with
/// random scenarios (CPR 0–60, CDR 0–10, severity 0–80%, lag 0–12, call), each one-off and on a reused run after a different scenario;</item>
/// <item>decimal: the trustee's interpreter (<see cref="Waterfall.Distribute{T}(Deal, DealState{T}, PeriodCollections{T}, PeriodMarket)"/>
/// in whole cents) folded over the examples' months and some random deals', with the first dates' traces.</item>
/// </list>
/// A run that throws (a conservation check) hashes the exception's type and message and goes on.
/// </summary>
public static class HashHarness
{
    private static readonly Dictionary<string, MonthlyVector> Libor =
        new(StringComparer.OrdinalIgnoreCase) { ["LIBOR_1MO"] = MonthlyVector.Flat(0.011) };

    private static readonly string[] Examples =
    [
        "cwalt-2004-12cb/deal.yaml", "cwalt-2004-26t1/deal.yaml", "cwalt-2004-j2/deal.yaml", "cwalt-2004-j4/deal.yaml",
        "cwalt-2007-12t1/deal.yaml", "sample/deal.yaml", "sample/structures.yaml",
    ];

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var verbose = args.Contains("--verbose");
        if (args.Contains("--bench")) return Bench(verbose);
        var randomDeals = quick ? 150 : 1000;
        var decimalRandom = quick ? 30 : 200;
        var sw = Stopwatch.StartNew();
        var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = GridBenchmarks.Repo();
        var examples = Examples.Select(f => (Name: f, Deal: DealLoader.Load(Path.Combine(root, "examples", f)))).ToArray();

        // 1. Examples: 0/100/300 PPC × 0/5 CDR × call/no call, one-off and on a reused run (after another scenario).
        var h = new Hasher();
        var runs = 0;
        foreach (var (name, deal) in examples)
        {
            var reused = new WaterfallRun(deal);
            var scenarios = (from ppc in new[] { 0, 100, 300 } from cdr in new[] { 0, 5 } from call in new[] { false, true }
                             select (At($"{ppc} PPC", $"{cdr} CDR", 0.5, 6), call)).ToArray();
            for (var i = 0; i < scenarios.Length; i++)
            {
                var (s, call) = scenarios[i];
                h.Text($"{name} {s.Prepay} {s.Default} call={call}");
                h.Projection(() => DealRunner.Run(deal, s, call));
                // The reused run runs the previous scenario (the last one for the first) first: a store left longer, shorter, called.
                var (before, beforeCall) = scenarios[(i + scenarios.Length - 1) % scenarios.Length];
                h.Projection(() => reused.Run(before, beforeCall));
                h.Projection(() => reused.Run(s, call));
                runs += 3;
            }
        }
        Report("examples", h, all, runs, verbose);

        // 2. The explain trace of every period, and the traced run's figures (tracing must not change them).
        h = new Hasher();
        runs = 0;
        foreach (var (name, deal) in examples)
            foreach (var s in new[] { At("100 PPC", "0 CDR", 0, 0), At("300 PPC", "5 CDR", 0.5, 6) })
            {
                h.Text($"{name} {s.Prepay} {s.Default} traced");
                h.Projection(() =>
                {
                    var p = DealRunner.Run(deal, s, false, TracePeriods.All);
                    foreach (var t in p.Traces) h.Text(TraceJson.Serialize(t, indented: false));
                    return p;
                });
                runs++;
            }
        Report("traces", h, all, runs, verbose);

        // 3. Random deals, random scenarios: one-off and reused after a different scenario.
        h = new Hasher();
        runs = 0;
        var rnd = new Random(20261127);
        for (var k = 0; k < randomDeals; k++)
        {
            int seed = rnd.Next(), groups = rnd.Next(1, 4), subs = rnd.Next(0, 4);
            var over = rnd.Next(5) == 0;
            var deal = DealLoader.LoadText(RandomDeals.Build(seed, groups, subs, over), "random.yaml");
            var s = RandomScenario(rnd);
            var other = RandomScenario(rnd);
            bool call = rnd.Next(3) == 0, otherCall = rnd.Next(2) == 0;
            h.Text($"random {seed}:{groups}:{subs}:{over} {s.Prepay} {s.Default} {s.RecoveryLag} call={call}");
            h.Projection(() => DealRunner.Run(deal, s, call));
            var reused = new WaterfallRun(deal);
            h.Projection(() => reused.Run(other, otherCall));
            h.Projection(() => reused.Run(s, call));
            runs += 3;
        }
        Report("random", h, all, runs, verbose);

        // 4. The trustee's decimal interpreter over the examples (100 PPC, 300 PPC 5 CDR) and random deals.
        h = new Hasher();
        runs = 0;
        foreach (var (name, deal) in examples)
            foreach (var s in new[] { At("100 PPC", "0 CDR", 0, 0), At("300 PPC", "5 CDR", 0.5, 6) })
            {
                h.Text($"decimal {name} {s.Prepay} {s.Default}");
                Decimal(h, deal, s);
                runs++;
            }
        rnd = new Random(1127);
        for (var k = 0; k < decimalRandom; k++)
        {
            int seed = rnd.Next(), groups = rnd.Next(1, 4), subs = rnd.Next(0, 4);
            var deal = DealLoader.LoadText(RandomDeals.Build(seed, groups, subs, rnd.Next(5) == 0), "random.yaml");
            var s = RandomScenario(rnd);
            h.Text($"decimal random {seed}:{groups}:{subs} {s.Prepay} {s.Default}");
            Decimal(h, deal, s);
            runs++;
        }
        Report("decimal", h, all, runs, verbose);

        Console.WriteLine($"ALL {Convert.ToHexString(all.GetHashAndReset())} ({sw.Elapsed.TotalSeconds:F1} s{(quick ? ", --quick" : "")})");
        return 0;
    }

    /// <summary>
    /// <c>hash --bench</c>: only the benchmark deal (<see cref="BenchmarkDeal"/>: 4 groups, 40 classes — the only deal here with more than
    /// three groups) at 0/150/400 PPC × 0/1/5 CDR (35% severity, lag 6) × call and no call, through <see cref="DealRunner.Run(Deal, Scenario, bool)"/>
    /// and one reused <see cref="WaterfallRun"/>; printed apart (the default sections and ALL are unchanged by it).
    /// </summary>
    private static int Bench(bool verbose)
    {
        var sw = Stopwatch.StartNew();
        var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var deal = DealLoader.LoadText(BenchmarkDeal.Yaml(), "bench-4x40.yaml");
        var h = new Hasher();
        var runs = 0;
        var reused = new WaterfallRun(deal);
        foreach (var ppc in new[] { 0, 150, 400 })
            foreach (var cdr in new[] { 0, 1, 5 })
                foreach (var call in new[] { false, true })
                {
                    var s = At($"{ppc} PPC", $"{cdr} CDR", 0.35, 6);
                    h.Text($"bench {s.Prepay} {s.Default} call={call}");
                    h.Projection(() => DealRunner.Run(deal, s, call));
                    h.Projection(() => reused.Run(s, call));
                    runs += 2;
                }
        Report("bench", h, all, runs, verbose);
        Console.WriteLine($"({sw.Elapsed.TotalSeconds:F1} s, --bench)");
        return 0;
    }

    private static void Report(string section, Hasher h, IncrementalHash all, int runs, bool verbose)
    {
        var hex = Convert.ToHexString(h.Finish());
        all.AppendData(Encoding.UTF8.GetBytes(hex));
        Console.WriteLine($"{section,-9} {hex} runs={runs} periods={h.Periods} failures={h.Failures}");
        if (verbose) foreach (var f in h.FailureTexts) Console.WriteLine("  " + f);
    }

    private static Scenario At(string prepay, string dflt, double severity, int lag) => new()
    {
        Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(severity), RecoveryLag = lag,
        Indices = Libor,
    };

    private static Scenario RandomScenario(Random rnd) => new()
    {
        Prepay = Speed.Prepay(string.Create(CultureInfo.InvariantCulture, $"{rnd.NextDouble() * 60:0.###} CPR")),
        Default = Speed.Default(string.Create(CultureInfo.InvariantCulture, $"{rnd.NextDouble() * 10:0.###} CDR")),
        Severity = MonthlyVector.Flat(Math.Round(rnd.NextDouble() * 0.8, 3)),
        RecoveryLag = rnd.Next(0, 13),
        Indices = Libor,
    };

    /// <summary>The trustee's way: one <c>Distribute&lt;decimal&gt;</c> per date over the projection's months in whole cents.</summary>
    private static void Decimal(Hasher h, Deal deal, Scenario s)
    {
        try
        {
            deal = PacSchedules.Resolve(deal);
            var collateral = DealRunner.ProjectCollateral(deal, s);
            var months = DealRunner.RunWaterfall(deal, collateral, s.Indices).Periods.Count;
            var coll = BenchmarkDeal.DecimalCollections(deal, collateral, months);
            var state = DealState<decimal>.AtClosing(deal);
            for (var m = 0; m < months; m++)
            {
                var market = DealRunner.Market(deal, m + 1, s.Indices);
                PeriodResult<decimal> r;
                if (m < 3)
                {
                    r = Waterfall.Distribute(deal, state, coll[m], market, out var trace);
                    h.Text(TraceJson.Serialize(trace, indented: false));
                }
                else r = Waterfall.Distribute(deal, state, coll[m], market);
                h.Result(r);
                state = r.Next;
            }
        }
        catch (Exception e) when (e is ConservationException or RemicInputException or ArgumentException or InvalidOperationException)
        {
            h.Failure(e);
        }
    }

    /// <summary>SHA-256 over figures' bits, by reflection over the public properties (name order) of results and states.</summary>
    private sealed class Hasher
    {
        private readonly IncrementalHash _h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buf = new byte[16];
        public int Periods, Failures;
        public readonly List<string> FailureTexts = [];

        public byte[] Finish() => _h.GetHashAndReset();

        /// <summary>The repository's root, replaced in any text (a trace names its deal file): two worktrees hash alike.</summary>
        public static readonly string Root = GridBenchmarks.Repo();

        public void Text(string s) => _h.AppendData(Encoding.UTF8.GetBytes(s.Replace(Root, "<repo>") + "\n"));

        public void Failure(Exception e)
        {
            Failures++;
            FailureTexts.Add($"{e.GetType().Name}: {e.Message}");
            Text($"!{e.GetType().Name}: {e.Message}");
        }

        public void Projection(Func<DealProjection> run)
        {
            try
            {
                var p = run();
                Text($"periods={p.Periods.Count} called={p.CalledAt}");
                foreach (var r in p.Periods) Result(r);
            }
            catch (Exception e) when (e is ConservationException or RemicInputException or ArgumentException or InvalidOperationException)
            {
                Failure(e);
            }
        }

        public void Result<T>(PeriodResult<T> r) where T : unmanaged, System.Numerics.IFloatingPoint<T>
        {
            Periods++;
            foreach (var p in Props<PeriodResult<T>>.All)
            {
                if (p.Name == nameof(PeriodResult<T>.Next)) continue;
                Value(p.Name, p.GetValue(r));
            }
            foreach (var p in Props<DealState<T>>.All) Value("Next." + p.Name, p.GetValue(r.Next));
        }

        private void Value(string name, object? v)
        {
            Text(name);
            switch (v)
            {
                case null: Text("null"); break;
                case double[] a: _h.AppendData(MemoryMarshal.AsBytes(a.AsSpan())); Text(a.Length.ToString(CultureInfo.InvariantCulture)); break;
                case decimal[] a: _h.AppendData(MemoryMarshal.AsBytes(a.AsSpan())); Text(a.Length.ToString(CultureInfo.InvariantCulture)); break;
                case bool[] a: _h.AppendData(MemoryMarshal.AsBytes(a.AsSpan())); Text(a.Length.ToString(CultureInfo.InvariantCulture)); break;
                case double d: BitConverter.TryWriteBytes(_buf, BitConverter.DoubleToInt64Bits(d)); _h.AppendData(_buf, 0, 8); break;
                // decimal's bits (scale included: 1.0m and 1.00m differ, as a trustee's printed figure would).
                case decimal m: Text(string.Join(",", decimal.GetBits(m))); break;
                case int i: Text(i.ToString(CultureInfo.InvariantCulture)); break;
                case bool b: Text(b ? "T" : "F"); break;
                case DateOnly d: Text(d.ToString("O", CultureInfo.InvariantCulture)); break;
                default: throw new InvalidOperationException($"hash harness: no rule for {name} of type {v.GetType()}");
            }
        }
    }

    private static class Props<TObj>
    {
        public static readonly PropertyInfo[] All = typeof(TObj).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
    }
}
