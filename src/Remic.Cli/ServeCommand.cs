using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Remic.Server;

namespace Remic.Cli;

/// <summary>
/// <c>remic serve [--port 5080] [--db …] [--store remic-deals]</c>: the HTTP API and the web application (Remic.Server, the
/// other adapter over the same libraries) on 127.0.0.1, with the example deals registered.
/// </summary>
public static class ServeCommand
{
    public static Command Build()
    {
        var port = new Option<string?>("--port") { Description = $"Port on 127.0.0.1 (default {ServerOptions.DefaultPort})" };
        var db = TrusteeCommand.DbOption();
        var store = new Option<string>("--store") { Description = "Folder of the deal store (the example deals are written there at start; uploads are kept there)", DefaultValueFactory = _ => "remic-deals" };
        var cors = new Option<string[]>("--cors") { Description = "An origin allowed to call the API from a browser page of another origin (repeatable; default none: CORS off)" };
        var otlp = new Option<string?>("--otlp") { Description = $"Push the server's metrics to an OpenTelemetry collector at this OTLP/HTTP address, e.g. http://127.0.0.1:4318 (default the {ServerTelemetry.EndpointVariable} variable; none: no export)" };
        var cmd = new Command("serve", $"Serve the HTTP API and the web application on 127.0.0.1 (writes need {ServerOptions.ApiKeyVariable})") { port, db, store, cors, otlp };
        cmd.SetAction(p => CliRun.Guard(p, stdout =>
        {
            var options = new ServerOptions
            {
                Port = CliValues.Whole(p.GetValue(port), "--port", 0, 65535, "a TCP port from 0 (any free port) to 65535", ServerOptions.DefaultPort),
                Db = p.GetValue(db),
                Store = p.GetValue(store)!,
                CorsOrigins = p.GetValue(cors) ?? [],
                OtlpEndpoint = p.GetValue(otlp) is { } o ? Collector(o) : null,
            };
            var app = RemicServer.Build(options);
            app.Start();
            var url = app.Urls.FirstOrDefault() ?? $"http://127.0.0.1:{options.Port}";
            stdout.WriteLine($"Remic is serving {url}/app/ (web app), {url}/api/reference (API reference), {url}/openapi/v1.json");
            stdout.WriteLine(Environment.GetEnvironmentVariable(ServerOptions.ApiKeyVariable) is { Length: > 0 }
                ? "writes (uploads, trustee remit/close/reopen) need the key in REMIC_API_KEY, sent as the X-Api-Key header"
                : $"writes are off: set {ServerOptions.ApiKeyVariable} before starting to allow uploads and trustee actions");
            stdout.WriteLine("Ctrl+C stops it.");
            stdout.Flush();
            app.WaitForShutdown();
            return 0;
        }));
        return cmd;
    }

    private static Uri Collector(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? u : throw new Remic.Core.RemicInputException("--otlp", 0, "", text, "an http:// or https:// address of an OpenTelemetry collector, e.g. http://127.0.0.1:4318");
}
