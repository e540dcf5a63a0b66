using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Remic.Server;

/// <summary>
/// OpenTelemetry export of the server's metrics (meter <see cref="ServerMetrics.MeterName"/>: request latency by route, runs,
/// books, closes): pushed over OTLP to a collector when one is named (<c>remic serve --otlp URL</c>, or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable), with service name "remic". Without one nothing is exported; the figures stay
/// readable at <c>GET /metrics</c> and by <c>dotnet-counters</c>.
/// </summary>
public static class ServerTelemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The collector to push to: the option, else the environment variable; null when neither is set.</summary>
    public static Uri? Endpoint(ServerOptions options) =>
        options.OtlpEndpoint ?? (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } e && Uri.TryCreate(e, UriKind.Absolute, out var u) ? u : null);

    public static void Add(IServiceCollection services, ServerOptions options)
    {
        var endpoint = Endpoint(options);
        if (endpoint is null && options.ConfigureMetrics is null) return;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("remic", serviceVersion: typeof(ServerTelemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m =>
            {
                m.AddMeter(ServerMetrics.MeterName);
                if (endpoint is not null)
                    m.AddOtlpExporter((exporter, reader) =>
                    {
                        exporter.Protocol = options.OtlpGrpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                        // Over HTTP the signal's path is part of the URL; a bare collector address gets the standard one.
                        exporter.Endpoint = options.OtlpGrpc || endpoint.AbsolutePath.EndsWith("/v1/metrics", StringComparison.Ordinal)
                            ? endpoint : new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.OtlpIntervalMs;
                    });
                options.ConfigureMetrics?.Invoke(m);
            });
    }
}
