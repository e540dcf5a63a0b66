using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Remic.Grid.Cluster.Tests;

/// <summary>
/// Orleans' TestingHost: three silos in this process (the test cluster's own membership, hosted by the primary silo),
/// the grid worker in each. A 2,000-scenario grid runs on them through the grid's runner and Parquet writer; a secondary
/// silo that has been answering is killed mid-run; the file equals the local engine's byte for byte.
/// </summary>
public sealed class TestingHostTests(ITestOutputHelper output)
{
    private sealed class SiloConfig : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddGridWorker();
    }

    private sealed class ClientConfig : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) => client.AddGridClient();
    }

    [Fact]
    public async Task Three_silos_one_killed_mid_run_give_the_local_engines_bytes()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        var job = ClusterTestFiles.Job2000();
        Assert.Equal(2_000, job.TotalScenarios);
        var local = ClusterTestFiles.LocalReference;

        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfig>();
        builder.AddClientBuilderConfigurator<ClientConfig>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        Phase("three silos deployed");

        // GridRunner lets a non-local executor run 4 × workers + 4 batches ahead of the writer: 12 with 2 workers.
        var executor = new ClusterExecutor(cluster.Client, new ClusterExecutorOptions { MaxInFlight = 6, Window = 12 });
        SiloHandle? victim = null;
        Task? kill = null;
        var beforeKill = 0;
        var watched = new Watched(executor, arrived =>
        {
            // After 8 of 32 batches: kill a secondary silo (the primary hosts the test membership) that has answered some.
            if (arrived == 8)
            {
                victim = cluster.SecondarySilos.FirstOrDefault(s => executor.BySilo.ContainsKey(s.SiloAddress.ToString())) ?? cluster.SecondarySilos[0];
                beforeKill = executor.BySilo.GetValueOrDefault(victim.SiloAddress.ToString());
                Phase($"8 batches in: killing {victim.SiloAddress}");
                kill = Task.Run(() => cluster.KillSiloAsync(victim));
            }
            return ValueTask.CompletedTask;
        });
        var remote = await ClusterTestFiles.Parquet(job, watched);
        Phase("grid done on the cluster");
        await kill!;
        Phase("kill done");

        foreach (var (silo, n) in executor.BySilo) output.WriteLine($"{silo}: {n} batches");
        output.WriteLine($"killed {victim!.SiloAddress} after it answered {beforeKill}; tries sent again: {executor.Retries}");
        Assert.True(beforeKill > 0, "the killed silo had answered batches before the kill");
        Assert.True(executor.BySilo.Count >= 2, "batches ran on more than one silo");
        Assert.Equal(32, executor.BySilo.Values.Sum());
        // Backpressure, through the kill and its re-sends: never more than 6 batches out, never one started more than 12 ahead
        // of the first not yet written; and the run did use its room (a bound never approached would prove nothing).
        output.WriteLine($"peak batches out {executor.Stats.PeakBatchesOut}, peak ahead {executor.Stats.PeakAhead}");
        Assert.InRange(executor.Stats.PeakBatchesOut, 2, 6);
        Assert.InRange(executor.Stats.PeakAhead, 6, 12);
        Assert.Matches(@"^\d silo\(s\) of the cluster \(\d+( \+ \d+)+ batches, \d+ sent again, \d+ duplicate\(s\) dropped\)$", executor.Describe());
        Assert.Equal($"{executor.BySilo.Count} silo(s)", executor.Describe(brief: true));
        output.WriteLine(executor.Describe());
        var expected = await local;
        Phase("local reference ready");
        Assert.Equal(expected.Length, remote.Length);
        Assert.True(expected.AsSpan().SequenceEqual(remote), "the cluster's Parquet file equals the local engine's byte for byte");
    }
}
