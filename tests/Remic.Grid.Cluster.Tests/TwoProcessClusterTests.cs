using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace Remic.Grid.Cluster.Tests;

/// <summary>Runs only when REMIC_TEST_PG names a PostgreSQL server (.ci/run sets it with .ci/postgres.sh), as the ledger's PostgreSQL tests.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "REMIC_TEST_PG";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))) Skip = $"{Variable} is not set (.ci/run sets it)";
    }
}

/// <summary>
/// A real cluster on loopback: two `remic silo` processes (the built CLI) on a fresh PostgreSQL schema, started at the
/// same moment (so both race to create Orleans' tables), and `remic grid … --cluster …` as a third process. The silo
/// that is busy first is killed with SIGKILL while the grid runs; the grid still completes, and its Parquet file equals
/// the local engine's byte for byte. Every process is killed and the schema dropped whatever happens.
/// </summary>
public sealed class TwoProcessClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly List<Child> processes = [];
    private string? schema;

    [PostgresFact]
    public async Task Two_silo_processes_one_killed_with_SIGKILL_give_the_local_engines_bytes()
    {
        var pg = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        schema = "grid_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(pg))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var cluster = $"{pg.TrimEnd(';')};Search Path={schema}";
        var local = ClusterTestFiles.LocalReference;

        var phases = Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{phases.Elapsed.TotalSeconds,6:0.0} s  {what}");
        var silos = new[] { Start("silo", "--cluster", cluster, "--address", "127.0.0.1"), Start("silo", "--cluster", cluster, "--address", "127.0.0.1") };
        foreach (var s in silos) await s.Said("joined cluster", TimeSpan.FromSeconds(90));
        Phase("two silos joined");

        var dir = ClusterTestFiles.TempDir();
        var outPath = Path.Combine(dir, "grid.parquet");
        var grid = Start("grid", ClusterTestFiles.J4, ClusterTestFiles.Sample, "--prepay", ClusterTestFiles.Prepay, "--default", ClusterTestFiles.Default,
            "--severity", ClusterTestFiles.Severity, "--lag", ClusterTestFiles.Lag, "--price", ClusterTestFiles.Price, "--threads", "2",
            "--out", outPath, "--cluster", cluster);

        // The first silo to spend 1.5 s of CPU after the grid started is working on batches: SIGKILL it.
        var idle = silos.Select(s => s.P.TotalProcessorTime).ToArray();
        Child? victim = null;
        var clock = Stopwatch.StartNew();
        while (victim is null && !grid.P.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100);
            for (var i = 0; i < silos.Length && victim is null; i++)
            {
                silos[i].P.Refresh();
                if (silos[i].P.TotalProcessorTime - idle[i] > TimeSpan.FromSeconds(1.5)) victim = silos[i];
            }
        }
        Assert.NotNull(victim);
        Assert.False(grid.P.HasExited, $"the grid was still running when the silo was killed: {grid.Text}");
        victim.P.Kill(); // SIGKILL on Unix
        Phase("silo killed");
        output.WriteLine($"killed silo pid {victim.P.Id} at {clock.Elapsed.TotalSeconds:0.0} s into the grid");

        Assert.True(grid.P.WaitForExit(TimeSpan.FromSeconds(180)), $"the grid finished: {grid.Text}\nsilos:\n{string.Join("\n", silos.Select(s => s.Text))}");
        grid.P.WaitForExit(); // the output pipes drained
        Phase("grid exited");
        output.WriteLine(grid.Text);
        Assert.Equal(0, grid.P.ExitCode);
        // The summary says what ran the grid: the silos that answered, the batches each, what was sent again or dropped.
        Assert.Matches(@"scenarios/s on [12] silo\(s\) of the cluster \(\d+( \+ \d+)? batches, \d+ sent again, \d+ duplicate\(s\) dropped\)\)", grid.Text);
        Assert.DoesNotContain("thread(s)", grid.Text);
        Assert.Equal(await local, await File.ReadAllBytesAsync(outPath));
        Phase("compared with the local engine");
    }

    private Child Start(params string[] args)
    {
        var c = new Child(args);
        processes.Add(c);
        return c;
    }

    /// <summary>A `remic` process whose stdout and stderr are drained as they come (a full pipe would block it).</summary>
    private sealed class Child
    {
        public Process P { get; }
        private readonly System.Text.StringBuilder text = new();
        private readonly List<(string Text, TaskCompletionSource Seen)> waits = [];

        public Child(string[] args)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "remic.dll"));
            foreach (var a in args) psi.ArgumentList.Add(a);
            P = new Process { StartInfo = psi };
            P.OutputDataReceived += (_, e) => Add(e.Data);
            P.ErrorDataReceived += (_, e) => Add(e.Data);
            P.Start();
            P.BeginOutputReadLine();
            P.BeginErrorReadLine();
        }

        public string Text { get { lock (text) return text.ToString(); } }

        private void Add(string? line)
        {
            if (line is null) return;
            lock (text)
            {
                text.AppendLine(line);
                foreach (var (t, seen) in waits) if (line.Contains(t, StringComparison.Ordinal)) seen.TrySetResult();
            }
        }

        /// <summary>Waits for a line containing <paramref name="what"/>; fails with what the process said if it ends or time runs out.</summary>
        public async Task Said(string what, TimeSpan wait)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (text)
            {
                if (text.ToString().Contains(what, StringComparison.Ordinal)) return;
                waits.Add((what, seen));
            }
            var done = await Task.WhenAny(seen.Task, P.WaitForExitAsync(), Task.Delay(wait));
            if (done != seen.Task) Assert.Fail($"the process {(P.HasExited ? $"ended ({P.ExitCode})" : "was silent")} before printing '{what}':\n{Text}");
        }
    }

    public void Dispose()
    {
        foreach (var child in processes)
        {
            try { if (!child.P.HasExited) child.P.Kill(entireProcessTree: true); child.P.WaitForExit(5000); } catch (InvalidOperationException) { }
            child.P.Dispose();
        }
        if (schema is null) return;
        using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable));
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }
}
