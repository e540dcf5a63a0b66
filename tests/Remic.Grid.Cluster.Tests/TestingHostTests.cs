using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Remic.Grid.Cluster.Tests;

/// <summary>
/// Orleans' TestingHost: three silos in this process (the test cluster's own membership, hosted by the primary silo),
/// the grid worker in each. A 2,000-scenario grid runs on them; a secondary silo that has been answering is killed mid-run;
/// every batch still arrives once, and the bytes equal the local engine's.
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
        var job = ClusterTestFiles.Job2000();
        Assert.Equal(2_000, job.TotalScenarios);
        var batches = job.Batches(25);
        var local = await ClusterTestFiles.RunAll(new LocalExecutor(2), job, batches);

        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfig>();
        builder.AddClientBuilderConfigurator<ClientConfig>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var executor = new ClusterExecutor(cluster.Client, new ClusterExecutorOptions { MaxInFlight = 6 });
        SiloHandle? victim = null;
        Task? kill = null;
        var beforeKill = 0;
        var remote = await ClusterTestFiles.RunAll(executor, job, batches, arrived =>
        {
            // After 12 of 80 batches: kill a secondary silo (the primary hosts the test membership) that has answered some.
            if (arrived == 12)
            {
                victim = cluster.SecondarySilos.FirstOrDefault(s => executor.BySilo.ContainsKey(s.SiloAddress.ToString())) ?? cluster.SecondarySilos[0];
                beforeKill = executor.BySilo.GetValueOrDefault(victim.SiloAddress.ToString());
                kill = Task.Run(() => cluster.KillSiloAsync(victim));
            }
            return ValueTask.CompletedTask;
        });
        await kill!;

        foreach (var (silo, n) in executor.BySilo) output.WriteLine($"{silo}: {n} batches");
        output.WriteLine($"killed {victim!.SiloAddress} after it answered {beforeKill}; tries sent again: {executor.Retries}");
        Assert.True(beforeKill > 0, "the killed silo had answered batches before the kill");
        Assert.True(executor.BySilo.Count >= 2, "batches ran on more than one silo");
        Assert.Equal(batches.Count, executor.BySilo.Values.Sum());
        Assert.Equal(local.Length, remote.Length);
        Assert.True(local.AsSpan().SequenceEqual(remote), "the cluster's bytes equal the local engine's");
    }
}
