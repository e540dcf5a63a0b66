using System.Diagnostics;
using Remic.Cli.Tests.Faults;

namespace Remic.Cli.Tests;

/// <summary>
/// `remic grid` as a child process (<see cref="RemicProcess"/>), sent SIGINT once, SIGINT twice in quick succession (a second
/// Ctrl-C, or `timeout`, which signals the child and then its process group) and SIGTERM while it runs: each time it stops
/// cleanly — the one line saying what is kept and how to resume, exit 128 + the signal, no stack trace — and --resume completes
/// the grid. Before the fix, two signals made System.CommandLine's handler complete one task twice and the process died with
/// exit 134 and a trace.
/// </summary>
public sealed class GridInterruptTests
{
    private const int SIGINT = 2, SIGTERM = 15;

    private static string[] Args(string outPath) =>
        ["grid", CwaltExampleDeals.PathOf("sample"), "--prepay", "0..500 PPC step 25", "--default", "0..20 CDR step 1",
         "--severity", "20..60 step 10", "--lag", "0,6", "--threads", "2", "--out", outPath];

    [Theory]
    [InlineData(SIGINT, 1, 130)]
    [InlineData(SIGINT, 2, 130)]
    [InlineData(SIGTERM, 1, 143)]
    public void A_signalled_run_stops_cleanly_and_resumes(int signal, int times, int exit)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals
        using var tmp = new Cli.TempDir();
        var target = Path.Combine(tmp.Path, "grid.parquet");
        var partial = Path.Combine(tmp.Path, ".grid.parquet.grid-partial");
        using var p = new RemicProcess(tmp.Path, Args(target));
        // Under way: the first row group is in the partial file (the handler is installed before the output is opened).
        WaitFor(p, () => File.Exists(partial + ".json"));
        // Back to back, as `timeout` sends them: the process is still stopping when the second arrives.
        for (var i = 0; i < times; i++) p.Signal(signal);
        var (code, _, err, _) = p.Finish();
        Assert.True(code == exit, $"exit {code}: {err}");
        Assert.DoesNotContain("Unhandled exception", err);
        Assert.Contains("interrupted: ", err);
        Assert.Contains("run the same command with --resume to continue", err);
        Assert.False(File.Exists(target), "only a complete grid is written to the target");

        using var resumed = new RemicProcess(tmp.Path, [.. Args(target), "--resume"]);
        var (resumedCode, _, resumedErr, _) = resumed.Finish();
        Assert.True(resumedCode == 0, resumedErr);
        Assert.Contains("resuming: ", resumedErr);
        Assert.True(File.Exists(target));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public void A_run_signalled_before_its_first_row_group_says_nothing_is_kept()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var tmp = new Cli.TempDir();
        var target = Path.Combine(tmp.Path, "grid.parquet");
        using var p = new RemicProcess(tmp.Path, Args(target));
        // The lock file appears as the output is opened, after the handler is installed; the first group of 1,024 scenarios
        // takes seconds more.
        WaitFor(p, () => File.Exists(Path.Combine(tmp.Path, ".grid.parquet.grid-lock")));
        p.Signal(SIGINT);
        var (code, _, err, _) = p.Finish();
        Assert.True(code == 130, $"exit {code}: {err}");
        Assert.Contains("interrupted before the first row group was written: nothing of the 4,410 scenarios is kept; run the same command to start again", err);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    /// <summary>Polls until <paramref name="ready"/>; fails if the run ends (or two minutes pass) first.</summary>
    private static void WaitFor(RemicProcess p, Func<bool> ready)
    {
        var clock = Stopwatch.StartNew();
        while (!ready() && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(1);
        if (p.HasExited || !ready()) Assert.Fail("the grid ended (or never got there) before it could be signalled: " + p.Err);
    }
}
