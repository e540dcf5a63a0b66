using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Remic.Server;

/// <summary>
/// The server's metrics as System.Diagnostics.Metrics instruments (meter "Remic.Server", which OpenTelemetry or
/// dotnet-counters collect by name): request latency by route, runs, books, closes. <c>GET /metrics</c> shows a
/// snapshot (count, p50, p99 by route) kept here from the last 10,000 requests of each route.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "Remic.Server";
    private readonly Meter meter = new(MeterName, "1.0");
    private readonly Histogram<double> latency;
    private readonly Counter<long> runs, books, closes;
    private readonly ConcurrentDictionary<string, Window> windows = new();
    private long runCount, bookCount, closeCount;

    public ServerMetrics()
    {
        latency = meter.CreateHistogram<double>("remic.server.request.duration", "ms", "Time to answer a request");
        runs = meter.CreateCounter<long>("remic.server.runs", "{run}", "Deal waterfall runs (run, price and decrement scenarios)");
        books = meter.CreateCounter<long>("remic.server.books", "{book}", "Computational Materials books built");
        closes = meter.CreateCounter<long>("remic.server.closes", "{close}", "Trustee periods closed");
    }

    public void Request(string method, string route, int status, double ms)
    {
        latency.Record(ms, new KeyValuePair<string, object?>("http.route", route), new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("http.response.status_code", status));
        windows.GetOrAdd($"{method} {route}", _ => new Window()).Add(ms);
    }

    public void Run(int n = 1) { runs.Add(n); Interlocked.Add(ref runCount, n); }
    public void Book() { books.Add(1); Interlocked.Increment(ref bookCount); }
    public void Close() { closes.Add(1); Interlocked.Increment(ref closeCount); }

    public MetricsSnapshot Snapshot() => new(Interlocked.Read(ref runCount), Interlocked.Read(ref bookCount), Interlocked.Read(ref closeCount),
        windows.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value.Summary(w.Key)).ToList());

    public void Dispose() => meter.Dispose();

    private sealed class Window
    {
        private readonly double[] ring = new double[10_000];
        private long count;

        public void Add(double ms)
        {
            lock (ring) { ring[count % ring.Length] = ms; count++; }
        }

        public RouteLatency Summary(string route)
        {
            double[] xs;
            long n;
            lock (ring) { n = count; xs = ring.Take((int)Math.Min(n, ring.Length)).ToArray(); }
            Array.Sort(xs);
            double Q(double q) => xs.Length == 0 ? 0 : xs[Math.Min(xs.Length - 1, (int)Math.Ceiling(q * xs.Length) - 1)];
            return new RouteLatency(route, n, Math.Round(Q(0.5), 3), Math.Round(Q(0.99), 3));
        }
    }
}

public sealed record MetricsSnapshot(long Runs, long Books, long Closes, IReadOnlyList<RouteLatency> Requests);
public sealed record RouteLatency(string Route, long Count, double P50Ms, double P99Ms);
