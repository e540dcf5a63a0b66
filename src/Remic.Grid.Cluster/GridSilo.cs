using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Remic.Grid.Cluster;

/// <summary>What <c>remic silo</c> was given: the cluster's database, the address other silos and clients reach it at, its ports (0: a free one).</summary>
public sealed record SiloSettings(ClusterConnection Cluster, IPAddress Address, int SiloPort = 0, int GatewayPort = 0, ClusterTls? Tls = null)
{
    /// <summary>This machine's first up, non-loopback IPv4 address (what other machines reach it at), else 127.0.0.1.</summary>
    public static IPAddress DefaultAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}

/// <summary>A silo of the grid cluster: ADO.NET clustering on PostgreSQL (tables created if missing) and the grid worker grain.</summary>
public static class GridSilo
{
    /// <summary>Creates the membership tables if needed, then starts the silo; returns the running host and the ports it took.</summary>
    public static async Task<(IHost Host, int SiloPort, int GatewayPort)> StartAsync(SiloSettings s, CancellationToken ct = default)
    {
        await OrleansSchema.EnsureAsync(s.Cluster, ct);
        var siloPort = s.SiloPort != 0 ? s.SiloPort : FreePort(s.Address);
        var gatewayPort = s.GatewayPort != 0 ? s.GatewayPort : FreePort(s.Address);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => { o.ClusterId = ClusterNames.ClusterId; o.ServiceId = ClusterNames.ServiceId; });
            silo.UseAdoNetClustering(o => { o.Invariant = ClusterConnection.Invariant; o.ConnectionString = s.Cluster.ConnectionString; });
            silo.ConfigureEndpoints(s.Address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.AddGridWorker();
            if (s.Tls is { } tls) silo.UseTls(tls.Certificate, tls.Configure);
        });
        var host = builder.Build();
        try { await host.StartAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new Remic.Core.RemicInputException(ClusterConnection.Option, 0, "", s.Cluster.Display,
                $"a cluster this silo can join at {s.Address}:{siloPort} (gateway {gatewayPort}): {e.GetBaseException().Message}");
        }
        return (host, siloPort, gatewayPort);
    }

    /// <summary>Registers what the grid worker grain needs in a silo (used by <c>remic silo</c> and by tests' in-process silos).</summary>
    public static ISiloBuilder AddGridWorker(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<GridWorkerService>();
        return silo;
    }

    private static int FreePort(IPAddress address)
    {
        var l = new TcpListener(address, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
