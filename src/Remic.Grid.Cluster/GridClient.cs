using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Remic.Core;

namespace Remic.Grid.Cluster;

/// <summary>
/// Connects to the grid cluster as an Orleans client (gateways read from the same PostgreSQL membership table). Gives up
/// after <paramref name="wait"/> with an input error naming <c>--cluster</c> when no silo answers.
/// </summary>
public static class GridClient
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    public static async Task<IHost> ConnectAsync(ClusterConnection cluster, TimeSpan wait, CancellationToken ct = default, ClusterTls? tls = null)
    {
        await CheckTablesAsync(cluster, ct);
        var deadline = DateTime.UtcNow + wait;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Logging.ClearProviders();
        // The client lives inside a command (remic grid), which owns Ctrl-C and SIGTERM: the default console lifetime would
        // also take them (and mark every later signal handled, so a second Ctrl-C could not end a run that does not stop).
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = ClusterNames.ClusterId; o.ServiceId = ClusterNames.ServiceId; });
            client.UseAdoNetClustering(o => { o.Invariant = ClusterConnection.Invariant; o.ConnectionString = cluster.ConnectionString; });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.AddGridClient();
            if (tls is not null) client.UseTls(tls.Certificate, tls.Configure);
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(TimeSpan.FromMilliseconds(500), token);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            host.Dispose();
            throw NoSilo(cluster, wait, e.GetBaseException().Message);
        }
    }

    public static RemicInputException NoSilo(ClusterConnection cluster, TimeSpan wait, string why) =>
        new(ClusterConnection.Option, 0, "", cluster.Display,
            $"a running cluster: no silo answered within {wait.TotalSeconds:0} s ({why}); start one with `remic silo --cluster \"…\"` on the same database");

    /// <summary>The membership table must exist (a silo creates it): otherwise no silo has ever run against this database.</summary>
    private static async Task CheckTablesAsync(ClusterConnection cluster, CancellationToken ct)
    {
        await using var c = await cluster.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT to_regclass('orleansmembershiptable') IS NOT NULL", c);
        if (!(bool)(await cmd.ExecuteScalarAsync(ct))!)
            throw new RemicInputException(ClusterConnection.Option, 0, "", cluster.Display,
                "a database a silo has joined: it has no Orleans membership table; start `remic silo --cluster \"…\"` on it first");
    }
}

/// <summary>A host lifetime that leaves the process's signals alone: the command that starts the host stops it.</summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
