using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Remic.Cli.Tests.Faults;

/// <summary>
/// Each command that changes a ledger or writes output runs as a child process (the built remic) and is SIGKILLed at
/// seeded random points: once when its staging appears (output commands) or late in its run (ledger commands), twice at
/// a random instant between a quarter of and just past the time an unkilled run took. After each kill every top-level
/// entry of the working folder (the ledger as its rows, each output file or folder as its bytes) must be exactly as
/// before or exactly as after an unkilled run; then the command is run again and must finish, leaving exactly the
/// unkilled run's result and no staging entry (a killed writer's <c>.NAME.partial-PID</c> is removed by that rerun).
/// </summary>
[Trait("Category", "Fault")]
public sealed class SigkillTests(ITestOutputHelper log)
{
    private const string Deal = "2004-S1";
    private const int Kills = 3;

    /// <summary>The before-state, the arguments, the staging prefix that shows the write has begun, and what a repeat of a finished command answers.</summary>
    private sealed record Scenario(string Name, Action<string> Prepare, string[] Args, string? Staging = null, int RepeatExit = 0)
    {
        /// <summary>statement --out: the ledger records the statement as issued, then the file is delivered.</summary>
        public bool RecordThenDeliver { get; init; }
    }

    private static void Ok((int Code, string Out, string Err) r)
    {
        if (r.Code != 0) throw new InvalidOperationException("fixture step failed: " + r.Err);
    }

    /// <summary>The sample deal registered on ledger.db, its first month simulated as may.csv.</summary>
    private static void Registered(string w)
    {
        File.WriteAllText(Path.Combine(w, "deal.yaml"), Hostile.HostileScene.SampleText);
        Ok(Cli.Run("trustee", "init", Path.Combine(w, "deal.yaml"), "--db", Path.Combine(w, "ledger.db"), "--actor", "fault"));
        Ok(Cli.Run("trustee", "simulate", Path.Combine(w, "deal.yaml"), "--months", "1", "--seed", "3", "--out", Path.Combine(w, "m")));
        File.Move(Path.Combine(w, "m", "remittance-2004-04.csv"), Path.Combine(w, "may.csv"));
        Directory.Delete(Path.Combine(w, "m"));
    }

    private static void Remitted(string w)
    {
        Registered(w);
        Ok(Cli.Run("trustee", "remit", Deal, "--period", "2004-04", "--file", Path.Combine(w, "may.csv"), "--db", Path.Combine(w, "ledger.db"), "--actor", "fault"));
    }

    private static void Closed(string w)
    {
        Remitted(w);
        Ok(Cli.Run("trustee", "close", Deal, "--period", "2004-04", "--libor", "1.1", "--db", Path.Combine(w, "ledger.db"), "--actor", "fault"));
    }

    /// <summary>A one-group, two-class deal: its whole book is written in a few seconds.</summary>
    private const string TinyDeal = """
        deal:
          trust_name: Tiny Trust
          series: 2004-T1
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            rep_lines:
              - { balance: 1000000, gross_rate: 6.0, remaining_term: 360, loan_count: 5 }
        classes:
          - { name: A, group: "1", balance: 900000, type: senior, coupon: 5.75 }
          - { name: B, group: "1", balance: 100000, type: subordinate, coupon: 5.75 }
        waterfall:
          - pay_interest: { from: "1", classes: [A, B] }
          - pay_principal: { from: "1", amount: remaining, to: { sequential: [A, B] } }
        """;

    private static readonly Dictionary<string, Scenario> Scenarios = new Scenario[]
    {
        new("remit", Registered, ["trustee", "remit", Deal, "--period", "2004-04", "--file", "may.csv", "--db", "ledger.db"], RepeatExit: 2),
        new("close", Remitted, ["trustee", "close", Deal, "--period", "2004-04", "--libor", "1.1", "--db", "ledger.db"]),
        new("reopen", Closed, ["trustee", "reopen", Deal, "--period", "2004-04", "--reason", "fault test", "--db", "ledger.db"], RepeatExit: 2),
        new("statement", w => { Closed(w); File.WriteAllText(Path.Combine(w, "st.txt"), "an earlier file\n"); },
            ["trustee", "statement", Deal, "--period", "2004-04", "--out", "st.txt", "--db", "ledger.db"], ".st.txt.partial-") { RecordThenDeliver = true },
        // An existing folder holding an earlier simulation (another seed, fewer months) and a file of the user's.
        new("simulate", w =>
        {
            File.WriteAllText(Path.Combine(w, "deal.yaml"), Hostile.HostileScene.SampleText);
            Ok(Cli.Run("trustee", "simulate", Path.Combine(w, "deal.yaml"), "--months", "3", "--seed", "7", "--out", Path.Combine(w, "sim")));
            File.WriteAllText(Path.Combine(w, "sim", "notes.txt"), "the user's own file\n");
        }, ["trustee", "simulate", "deal.yaml", "--months", "6", "--seed", "1", "--out", "sim/"], ".sim.partial-"),
        // A new folder.
        new("run", w => File.WriteAllText(Path.Combine(w, "deal.yaml"), Hostile.HostileScene.SampleText),
            ["run", "deal.yaml", "--prepay", "200 PPC", "--out", "run/"], ".run.partial-"),
        // An earlier book (other speeds) replaced whole.
        new("cm", w =>
        {
            File.WriteAllText(Path.Combine(w, "tiny.yaml"), TinyDeal);
            Ok(Cli.Run("cm", Path.Combine(w, "tiny.yaml"), "--speeds", "0,200 PPC", "--out", Path.Combine(w, "book")));
        }, ["cm", "tiny.yaml", "--speeds", "0,100 PPC", "--out", "book/"], ".book.partial-"),
    }.ToDictionary(s => s.Name);

    [Theory]
    [InlineData("remit", 1801)]
    [InlineData("close", 1802)]
    [InlineData("reopen", 1803)]
    [InlineData("statement", 1804)]
    [InlineData("simulate", 1805)]
    [InlineData("run", 1806)]
    [InlineData("cm", 1807)]
    public void Sigkill_leaves_before_or_after_and_a_rerun_finishes_the_same(string name, int seed)
    {
        var s = Scenarios[name];
        var work = Directory.CreateTempSubdirectory($"remic-fault-{name}-").FullName;
        var template = Directory.CreateTempSubdirectory($"remic-fault-{name}-template-").FullName;
        try
        {
            s.Prepare(work);
            SqliteConnection.ClearAllPools();
            FolderState.Copy(work, template);
            var before = FolderState.Take(work);
            Assert.Empty(before.Strays);

            using var clean = new RemicProcess(work, s.Args);
            var done = clean.Finish();
            Assert.True(done.Code == 0, $"{name}: the unkilled run failed: {done.Err}");
            var after = FolderState.Take(work);
            Assert.Empty(after.Strays);
            Assert.NotEqual(FolderState.Text(before.Entries), FolderState.Text(after.Entries));
            var took = done.Took.TotalMilliseconds;

            var rng = new Random(seed);
            for (var k = 0; k < Kills; k++)
            {
                FolderState.Reset(work, template);
                var how = KillOnce(s, work, k, took, rng);
                var now = FolderState.Take(work);
                var landed = Landed(s, before.Entries, after.Entries, now.Entries, how);
                log.WriteLine($"{name} kill {k + 1} ({how}): {landed}; staging left: {(now.Strays.Length == 0 ? "none" : string.Join(", ", now.Strays))}");

                using var rerun = new RemicProcess(work, s.Args);
                var again = rerun.Finish();
                var final = FolderState.Take(work);
                Assert.True(final.Strays.Length == 0, $"{name} kill {k + 1}: the rerun left {string.Join(", ", final.Strays)}");
                if (landed == "before")
                {
                    Assert.True(again.Code == 0, $"{name} kill {k + 1}: the rerun failed: {again.Err}");
                    Assert.Equal(RemicProcess.Comparable(done.Out), RemicProcess.Comparable(again.Out));
                    Assert.Equal(FolderState.Text(after.Entries), FolderState.Text(final.Entries));
                }
                else
                {
                    // The action had taken effect: a repeat answers as it does for any finished action, and changes nothing
                    // (a statement issued again is audited again).
                    Assert.True(again.Code == s.RepeatExit, $"{name} kill {k + 1}: the repeat exited {again.Code}: {again.Err}");
                    var expected = FolderState.Text(after.Entries);
                    var got = FolderState.Text(final.Entries);
                    if (s.RecordThenDeliver) { expected = FolderState.WithoutAudit(expected); got = FolderState.WithoutAudit(got); }
                    Assert.Equal(expected, got);
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
            Directory.Delete(template, recursive: true);
        }
    }

    /// <summary>Starts the command and SIGKILLs it: kill 1 as soon as its staging appears (or, without staging, late in its run), the others at random.</summary>
    private static string KillOnce(Scenario s, string work, int k, double took, Random rng)
    {
        using var p = new RemicProcess(work, s.Args);
        if (k == 0 && s.Staging is { } prefix)
        {
            var extra = rng.Next(0, 20);
            while (!p.HasExited && !Directory.EnumerateFileSystemEntries(work, prefix + "*").Any()) Thread.Sleep(1);
            Thread.Sleep(extra);
            p.Kill();
            return $"staging seen, +{extra} ms";
        }
        var at = k == 0 ? (int)(took * (0.6 + 0.4 * rng.NextDouble())) : (int)(took * (0.25 + 0.8 * rng.NextDouble()));
        Thread.Sleep(at);
        var exited = p.HasExited;
        p.Kill();
        return exited ? $"{at} ms, had finished" : $"{at} ms";
    }

    /// <summary>"before" or "after": every top-level entry must be one or the other; a statement file is delivered only once recorded.</summary>
    private static string Landed(Scenario s, SortedDictionary<string, string> before, SortedDictionary<string, string> after,
        SortedDictionary<string, string> now, string how)
    {
        var names = before.Keys.Union(after.Keys).Union(now.Keys).ToList();
        var states = new Dictionary<string, string>();
        foreach (var n in names)
        {
            var got = now.GetValueOrDefault(n);
            var was = before.GetValueOrDefault(n);
            var will = after.GetValueOrDefault(n);
            states[n] = got == was ? "before" : got == will ? "after" : "";
            Assert.True(states[n] != "", $"{s.Name} killed at {how}: {n} is neither as before nor as after:\n{got ?? "(missing)"}\nbefore:\n{was ?? "(missing)"}\nafter:\n{will ?? "(missing)"}");
        }
        var changed = names.Where(n => before.GetValueOrDefault(n) != after.GetValueOrDefault(n)).ToList();
        if (s.RecordThenDeliver)
        {
            Assert.False(states["st.txt"] == "after" && states["ledger.db"] == "before", $"{s.Name} killed at {how}: the file was delivered before the ledger recorded it");
            return states["ledger.db"] == "after" ? (states["st.txt"] == "after" ? "after" : "after (recorded, not yet delivered)") : "before";
        }
        var distinct = changed.Select(n => states[n]).Distinct().ToList();
        Assert.True(distinct.Count == 1, $"{s.Name} killed at {how}: some entries as before, others as after: {string.Join(", ", changed.Select(n => n + "=" + states[n]))}");
        return distinct[0];
    }
}
