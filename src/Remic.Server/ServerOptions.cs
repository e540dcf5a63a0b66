namespace Remic.Server;

/// <summary>How `remic serve` starts the server: where it listens, its ledger, its deal store, its limits.</summary>
public sealed record ServerOptions
{
    public const int DefaultPort = 5080;
    public const string ApiKeyVariable = "REMIC_API_KEY";

    /// <summary>Port on 127.0.0.1 (0: any free port).</summary>
    public int Port { get; init; } = DefaultPort;
    /// <summary>The trustee ledger: a SQLite file or a PostgreSQL connection string (null: REMIC_DB, then remic.db).</summary>
    public string? Db { get; init; }
    /// <summary>The deal store: a folder holding each deal's file (examples are written there at start).</summary>
    public string Store { get; init; } = "remic-deals";
    /// <summary>The key writes need (null or empty: writes are refused).</summary>
    public string? ApiKey { get; init; }
    /// <summary>Origins allowed by CORS; empty: CORS off (no Access-Control-* header is ever sent).</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];
    /// <summary>An OpenTelemetry collector's OTLP endpoint the server's metrics are pushed to (null: the standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT variable if set, else no export).</summary>
    public Uri? OtlpEndpoint { get; init; }
    /// <summary>OTLP over HTTP/protobuf (default) or gRPC.</summary>
    public bool OtlpGrpc { get; init; }
    /// <summary>Milliseconds between metric exports (default 15,000).</summary>
    public int OtlpIntervalMs { get; init; } = 15_000;
    /// <summary>Other readers of the server's metrics (tests add an in-memory exporter here).</summary>
    public Action<OpenTelemetry.Metrics.MeterProviderBuilder>? ConfigureMetrics { get; init; }

    public long MaxDealBytes { get; init; } = 4 * 1024 * 1024;
    public long MaxRemittanceBytes { get; init; } = 64 * 1024 * 1024;
    public long MaxJsonBytes { get; init; } = 256 * 1024;
    public int MaxScenarios { get; init; } = 25;
    public int MaxSpeeds { get; init; } = 20;
    public int MaxPrices { get; init; } = 200;
    public int MaxQuotes { get; init; } = 50;
    public int MaxStoredDeals { get; init; } = 500;
    /// <summary>Books built at once (each runs the deal a few hundred times).</summary>
    public int MaxConcurrentBooks { get; init; } = 2;
}
