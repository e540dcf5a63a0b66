using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Hosting;
using Remic.Core;
using Remic.Grid.Cluster;
using Remic.Reports.Inputs;

namespace Remic.Cli;

/// <summary>
/// <c>remic silo --cluster "Host=…;Database=…;Username=…;Password=…" [--address A] [--port N] [--gateway-port N]</c>: a silo
/// of the grid cluster (Remic.Grid.Cluster), running until Ctrl+C or SIGTERM. <c>remic grid … --cluster …</c> is its client.
/// </summary>
public static class SiloCommand
{
    public static Command Build()
    {
        var cluster = new Option<string>(ClusterConnection.Option) { Description = "The PostgreSQL database holding the cluster's membership (an Npgsql connection string; its tables are created if missing)", Required = true };
        var address = new Option<string?>("--address") { Description = "The IP address other silos and clients reach this silo at (default: this machine's first non-loopback IPv4 address)" };
        var port = new Option<string?>("--port") { Description = "Port for silo-to-silo traffic (default: a free port)" };
        var gateway = new Option<string?>("--gateway-port") { Description = "Port clients (remic grid --cluster) connect to (default: a free port)" };
        var tls = new Option<string?>(ClusterTls.Option) { Description = "Encrypt and authenticate the cluster's traffic with TLS: a PKCS#12 (.pfx) certificate with its private key, the same for every silo and client (docs/cluster.md)" };
        var tlsPassword = new Option<string?>(ClusterTls.PasswordOption) { Description = "The environment variable holding the .pfx file's password" };
        var cmd = new Command("silo", "Run a silo of the grid cluster: it joins the others on the same PostgreSQL database and runs the batches `remic grid --cluster` sends") { cluster, address, port, gateway, tls, tlsPassword };
        cmd.SetAction(p => CliRun.Guard(p, stdout =>
        {
            var settings = new SiloSettings(
                ClusterConnection.Parse(p.GetValue(cluster)),
                Address(p.GetValue(address)),
                CliValues.Whole(p.GetValue(port), "--port", 0, 65535, "a TCP port from 0 (any free port) to 65535", 0),
                CliValues.Whole(p.GetValue(gateway), "--gateway-port", 0, 65535, "a TCP port from 0 (any free port) to 65535", 0),
                Tls(p.GetValue(tls), p.GetValue(tlsPassword)));
            var (host, siloPort, gatewayPort) = GridSilo.StartAsync(settings).GetAwaiter().GetResult();
            using (host)
            {
                stdout.WriteLine($"silo {settings.Address}:{siloPort} (clients: {settings.Address}:{gatewayPort}) joined cluster {ClusterNames.ClusterId} on {settings.Cluster.Display}{(settings.Tls is { } t ? $" over TLS (certificate {t.Certificate.Subject})" : "")}");
                stdout.WriteLine("Ctrl+C stops it.");
                stdout.Flush();
                host.WaitForShutdown();
            }
            return 0;
        }));
        return cmd;
    }

    /// <summary>The --tls certificate, or null; --tls-password-env alone is refused.</summary>
    internal static ClusterTls? Tls(string? path, string? passwordVariable) =>
        path is not null ? ClusterTls.Load(path, passwordVariable)
        : passwordVariable is not null ? throw new RemicInputException(ClusterTls.PasswordOption, 0, "", passwordVariable, "--tls cert.pfx beside it (the password opens that file)")
        : null;

    private static IPAddress Address(string? text)
    {
        if (text is null) return SiloSettings.DefaultAddress();
        return IPAddress.TryParse(text.Trim(), out var a) ? a
            : throw new RemicInputException("--address", 0, "", text, "an IP address of this machine, such as 127.0.0.1 or 10.0.0.5");
    }
}
