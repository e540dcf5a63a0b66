using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Remic.Cli.Tests;

/// <summary>
/// `remic grid` as a child process, sent SIGINT once, SIGINT twice in quick succession (a second Ctrl-C, or `timeout`, which
/// signals the child and then its process group) and SIGTERM while it runs: each time it stops cleanly — the one line saying
/// what is kept and how to resume, exit 128 + the signal, no stack trace — and --resume completes the grid. Before the fix,
/// two signals made System.CommandLine's handler complete one task twice and the process died with exit 134 and a trace.
/// </summary>
public sealed class GridInterruptTests
{
    private const int SIGINT = 2, SIGTERM = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);

    private static string[] Args(string outPath) =>
        ["grid", CwaltExampleDeals.PathOf("sample"), "--prepay", "0..500 PPC step 25", "--default", "0..20 CDR step 1",
         "--severity", "20..60 step 10", "--lag", "0,6", "--threads", "2", "--out", outPath];

    [Theory]
    [InlineData(SIGINT, 1, 130)]
    [InlineData(SIGINT, 2, 130)]
    [InlineData(SIGTERM, 1, 143)]
    public async Task A_signalled_run_stops_cleanly_and_resumes(int signal, int times, int exit)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals
        using var tmp = new Cli.TempDir();
        var target = Path.Combine(tmp.Path, "grid.parquet");
        var partial = Path.Combine(tmp.Path, ".grid.parquet.grid-partial");
        using var p = Start(Args(target));
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        // Under way: the first row group is in the partial file (the handler is installed before the output is opened).
        var clock = Stopwatch.StartNew();
        while (!File.Exists(partial + ".json") && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(5);
        if (p.HasExited) Assert.Fail("the grid ended before it could be signalled: " + await err);
        // Back to back, as `timeout` sends them: the process is still stopping when the second arrives.
        for (var i = 0; i < times; i++) Assert.True(Kill(p.Id, signal) == 0, $"kill({p.Id}, {signal}): errno {Marshal.GetLastPInvokeError()}");
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var text = await err;
        Assert.True(p.ExitCode == exit, $"exit {p.ExitCode}: {text}");
        Assert.DoesNotContain("Unhandled exception", text);
        Assert.Contains("interrupted: ", text);
        Assert.Contains("run the same command with --resume to continue", text);
        Assert.False(File.Exists(target), "only a complete grid is written to the target");

        using var resumed = Start([.. Args(target), "--resume"]);
        var resumedErr = resumed.StandardError.ReadToEndAsync();
        _ = resumed.StandardOutput.ReadToEndAsync();
        await resumed.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(resumed.ExitCode == 0, await resumedErr);
        Assert.Contains("resuming: ", await resumedErr);
        Assert.True(File.Exists(target));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task A_run_signalled_before_its_first_row_group_says_nothing_is_kept()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var tmp = new Cli.TempDir();
        var target = Path.Combine(tmp.Path, "grid.parquet");
        using var p = Start(Args(target));
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        // The lock file appears as the output is opened, after the handler is installed; the first group of 1,024 scenarios
        // takes seconds more.
        var clock = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(tmp.Path, ".grid.parquet.grid-lock")) && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(1);
        if (p.HasExited) Assert.Fail("the grid ended before it could be signalled: " + await err);
        Assert.True(Kill(p.Id, SIGINT) == 0, $"kill: errno {Marshal.GetLastPInvokeError()}");
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var text = await err;
        Assert.True(p.ExitCode == 130, $"exit {p.ExitCode}: {text}");
        Assert.Contains("interrupted before the first row group was written: nothing of the 4,410 scenarios is kept; run the same command to start again", text);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    private static Process Start(string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "remic.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }
}
