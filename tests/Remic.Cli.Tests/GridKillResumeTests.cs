using System.Diagnostics;
using System.Text.Json;
using Remic.Cli.Tests.Faults;
using Xunit.Abstractions;

namespace Remic.Cli.Tests;

/// <summary>
/// `remic grid` as a child process, killed with SIGKILL (no chance to clean up) at several moments of a run — before its
/// first row group, while a row group is being appended to the partial file, just after a group's state was written —
/// and resumed each time with --resume (each run a <see cref="RemicProcess"/>): the completed file equals an uninterrupted run's byte for byte, for Parquet and
/// CSV, and only the completed file is left.
/// </summary>
public sealed class GridKillResumeTests(ITestOutputHelper log)
{
    /// <summary>2,100 scenarios of the sample deal: two whole row groups of 1,024 and a last one of 52.</summary>
    private static string[] Args(string outPath) =>
        ["grid", CwaltExampleDeals.PathOf("sample"), "--prepay", "0..200 PPC step 10", "--default", "0..9 CDR step 1",
         "--severity", "20..60 step 10", "--lag", "0,6", "--threads", "2", "--out", outPath];

    private enum KillAt { Early, MidAppend, AfterState }

    [Theory]
    [InlineData("grid.parquet")]
    [InlineData("grid.csv")]
    public void A_run_killed_with_SIGKILL_at_any_moment_resumes_to_the_uninterrupted_runs_bytes(string name)
    {
        using var tmp = new Cli.TempDir();
        var whole = Path.Combine(tmp.Path, "whole-" + name);
        var (code, err) = RunToEnd(tmp.Path, Args(whole));
        Assert.True(code == 0, err);

        var target = Path.Combine(tmp.Path, name);
        var partial = Path.Combine(tmp.Path, "." + name + ".grid-partial");
        var midAppendKills = 0;
        foreach (var at in new[] { KillAt.Early, KillAt.MidAppend, KillAt.AfterState, KillAt.MidAppend })
        {
            var args = File.Exists(partial + ".json") ? [.. Args(target), "--resume"] : Args(target);
            var (killed, seen) = RunAndKill(tmp.Path, args, partial, at);
            log.WriteLine($"{at}: {(killed ? "killed" : "ended first")} — {seen}");
            if (killed && at == KillAt.MidAppend && seen.StartsWith("partial ", StringComparison.Ordinal)) midAppendKills++;
            if (!killed) break;
            Assert.False(File.Exists(target), "the target appears only complete");
        }
        Assert.True(midAppendKills > 0, "at least one kill landed while a row group was being appended");

        var (done, doneErr) = RunToEnd(tmp.Path, File.Exists(partial + ".json") ? [.. Args(target), "--resume"] : Args(target));
        Assert.True(done == 0, doneErr);
        Assert.True(File.ReadAllBytes(whole).AsSpan().SequenceEqual(File.ReadAllBytes(target)), "the resumed file equals the uninterrupted run's");
        Assert.Equal(new[] { name, "whole-" + name }.Order(), Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).Order());
    }

    /// <summary>The run to its end (five minutes at most: the whole grid on a loaded machine); its exit code and stderr.</summary>
    private static (int Code, string Err) RunToEnd(string workDir, string[] args)
    {
        using var p = new RemicProcess(workDir, args);
        var (code, _, err, _) = p.Finish(TimeSpan.FromMinutes(5));
        return (code, err);
    }

    /// <summary>Starts the grid and SIGKILLs it at the moment asked for; false when it ended before that moment came.</summary>
    private static (bool Killed, string Seen) RunAndKill(string workDir, string[] args, string partial, KillAt at)
    {
        using var p = new RemicProcess(workDir, args);
        var startBytes = StateBytes(partial);
        var clock = Stopwatch.StartNew();
        string? seen = null;
        while (seen is null && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var state = StateBytes(partial);
            var length = File.Exists(partial) ? new FileInfo(partial).Length : -1;
            seen = at switch
            {
                KillAt.Early when clock.Elapsed > TimeSpan.FromSeconds(0.8) => $"at {clock.Elapsed.TotalSeconds:0.0} s, partial {length} bytes, state {state}",
                // The partial file differs from what its state describes: a group is being appended.
                KillAt.MidAppend when state > 0 && length >= 0 && length != state => $"partial {length} bytes, state {state} bytes",
                KillAt.AfterState when state > startBytes => $"state just written: {state} bytes",
                _ => null,
            };
            if (seen is null) Thread.Sleep(1);
        }
        if (p.HasExited) return (false, "the run had ended");
        p.Kill(); // SIGKILL, and waits for the exit
        return (true, seen ?? "timed out");
    }

    /// <summary>The bytes the state file says are good (0 without a state file).</summary>
    private static long StateBytes(string partial)
    {
        try { return JsonDocument.Parse(File.ReadAllText(partial + ".json")).RootElement.GetProperty("Bytes").GetInt64(); }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException) { return 0; }
    }
}
