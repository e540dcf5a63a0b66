using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Remic.Server.Tests;

/// <summary>
/// The server's metrics reach an OpenTelemetry collector over OTLP/HTTP: a stand-in collector (an HttpListener on
/// loopback) receives protobuf posts on /v1/metrics whose payload names the server's instruments and service. OTLP
/// protobuf carries names as plain UTF-8 strings, so finding them in the bytes proves what was exported.
/// </summary>
public sealed class TelemetryExportTests
{
    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [Fact]
    public async Task Metrics_are_pushed_to_the_collector_named_by_otlp()
    {
        var folder = Path.Combine(Path.GetTempPath(), "remic-otlp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var collectorPort = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{collectorPort}/");
        collector.Start();
        var received = new List<(string Path, string? Type, byte[] Body)>();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await collector.GetContextAsync(); } catch (Exception) { return; }
                using var ms = new MemoryStream();
                await ctx.Request.InputStream.CopyToAsync(ms);
                lock (received) received.Add((ctx.Request.Url!.AbsolutePath, ctx.Request.ContentType, ms.ToArray()));
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/x-protobuf";
                ctx.Response.Close();
            }
        });
        var app = RemicServer.Build(new ServerOptions
        {
            Port = 0, Store = Path.Combine(folder, "store"), Db = Path.Combine(folder, "ledger.db"),
            OtlpEndpoint = new Uri($"http://127.0.0.1:{collectorPort}"), OtlpIntervalMs = 200,
        });
        try
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var run = await client.PostAsync("/api/deals/sample/run", new StringContent("{\"monthly\": false}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            bool Has(string text) { lock (received) return received.Any(r => Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal)); }
            for (var i = 0; i < 150 && !(Has("remic.server.runs") && Has("/api/deals/{id}/run")); i++) await Task.Delay(100);
            lock (received)
            {
                Assert.NotEmpty(received);
                Assert.All(received, r => Assert.Equal("/v1/metrics", r.Path));
                Assert.All(received, r => Assert.Equal("application/x-protobuf", r.Type));
            }
            Assert.True(Has("remic.server.runs"), "no export named remic.server.runs");
            Assert.True(Has("remic.server.request.duration"), "no export named remic.server.request.duration");
            Assert.True(Has("/api/deals/{id}/run"), "the latency histogram's http.route attribute was not exported");
            Assert.True(Has("remic"), "service name");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            collector.Stop();
            await listening;
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Without_a_collector_nothing_is_exported()
    {
        var saved = Environment.GetEnvironmentVariable(ServerTelemetry.EndpointVariable);
        try
        {
            Environment.SetEnvironmentVariable(ServerTelemetry.EndpointVariable, null);
            Assert.Null(ServerTelemetry.Endpoint(new ServerOptions()));
            Environment.SetEnvironmentVariable(ServerTelemetry.EndpointVariable, "http://collector.example:4318");
            Assert.Equal(new Uri("http://collector.example:4318"), ServerTelemetry.Endpoint(new ServerOptions()));
        }
        finally { Environment.SetEnvironmentVariable(ServerTelemetry.EndpointVariable, saved); }
    }
}
