using System.Diagnostics;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;
using Scalar.AspNetCore;

namespace Remic.Server;

/// <summary>
/// The HTTP API and the web application over the engine the CLI uses (issue 13): request in, one library call,
/// result out. Listens on 127.0.0.1 only; the trustee ledger is the CLI's (SQLite file or PostgreSQL).
/// </summary>
public static class RemicServer
{
    /// <summary>Builds the application (routes, limits, error handling); <see cref="WebApplication.Run"/> starts it.</summary>
    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        // A deal file may name tapes in its own folder, or under REMIC_DATA_ROOT for the CLI; the server reads only its store.
        Environment.SetEnvironmentVariable("REMIC_DATA_ROOT", null);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(RemicServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxRemittanceBytes, options.MaxDealBytes) + 1024 * 1024;
            k.AddServerHeader = false;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        var ledger = LedgerTarget.Resolve(options.Db);
        var store = new DealStore(options.Store, options.MaxStoredDeals);
        store.Start();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new ApiKey(options.ApiKey ?? Environment.GetEnvironmentVariable(ServerOptions.ApiKeyVariable)));
        builder.Services.AddSingleton(new Ledger(ledger));
        builder.Services.AddSingleton<ServerMetrics>();
        ServerTelemetry.Add(builder.Services, options);
        builder.Services.AddSingleton(new BookGate(options.MaxConcurrentBooks));
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Remic API";
                doc.Info.Version = "v1";
                doc.Info.Description = "Deals, analytics (run, price, decrement, Computational Materials book) and the trustee ledger over HTTP. " +
                    "Writes need the server's API key in the X-Api-Key header. Errors are RFC 9457 problem details.";
                doc.Servers = [];
                return Task.CompletedTask;
            });
        });
        if (options.CorsOrigins.Count > 0)
            builder.Services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins([.. options.CorsOrigins]).AllowAnyHeader().AllowAnyMethod()));

        var app = builder.Build();
        app.Use(Guard);
        if (options.CorsOrigins.Count > 0) app.UseCors();
        app.MapOpenApi("/openapi/v1.json");
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Remic API").WithOpenApiRoutePattern("/openapi/v1.json"));
        app.MapGet("/healthz", (DealStore s, Ledger l) =>
        {
            l.Db.Connect().Dispose();
            return Results.Json(new Health("ok", s.All.Count, l.Db.Target.Shown), ServerJson.Options);
        }).WithName("Health").WithTags("Server");
        app.MapGet("/metrics", (ServerMetrics m) => Results.Json(m.Snapshot(), ServerJson.Options)).WithName("Metrics").WithTags("Server");
        DealEndpoints.Map(app);
        AnalyticsEndpoints.Map(app);
        TrusteeEndpoints.Map(app);
        WebAssets.Map(app);
        return app;
    }

    /// <summary>Every error as problem details (nothing else reaches the client: no stack trace, no server path); request latency measured.</summary>
    private static async Task Guard(HttpContext context, RequestDelegate next)
    {
        var clock = Stopwatch.StartNew();
        var metrics = context.RequestServices.GetRequiredService<ServerMetrics>();
        try { await next(context); }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var problem = e switch
            {
                ProblemException p => p.Problem,
                RemicInputException i => Problems.Input(i),
                Microsoft.AspNetCore.Http.BadHttpRequestException b when b.StatusCode == 413 => ProblemException.TooLarge(context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0).Problem,
                Microsoft.AspNetCore.Http.BadHttpRequestException b => Problems.Of(Problems.MalformedRequest, 400, "The request is malformed", b.Message),
                PeriodStateException or ConcurrentCloseException => Problems.Of(Problems.PeriodState, 409, "The period's state does not allow this", e.Message),
                LedgerUnavailableException => Problems.Of(Problems.LedgerUnavailable, 503, "The trustee ledger cannot be used now", e.Message),
                ConservationException => Problems.Of(Problems.ConservationFailed, 500, "A conservation check failed (a bug in Remic; please report it)", e.Message),
                _ => null,
            };
            if (problem is null)
            {
                var id = Guid.NewGuid().ToString("N")[..12];
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Remic.Server").LogError(e, "internal error {Id} on {Path}", id, context.Request.Path.Value);
                problem = Problems.Of(Problems.Internal, 500, "Internal error", $"an unexpected error (reference {id} in the server's log); please report it");
            }
            context.Response.Clear();
            context.Response.StatusCode = problem.Status;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(problem, ServerJson.Options));
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            metrics.Request(context.Request.Method, route, context.Response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }
    }

    public sealed record Health(string Status, int Deals, string Ledger);
}

/// <summary>The trustee ledger the server uses; created (migrated) at first use.</summary>
public sealed class Ledger(LedgerTarget target)
{
    private readonly Lazy<LedgerDb> db = new(() => LedgerDb.Open(target));
    public LedgerDb Db => db.Value;
}

/// <summary>At most N books built at once; the rest wait their turn.</summary>
public sealed class BookGate(int n)
{
    public SemaphoreSlim Slots { get; } = new(n, n);
}
