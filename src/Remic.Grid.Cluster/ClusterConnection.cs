using System.Net.Sockets;
using Npgsql;
using Remic.Core;

namespace Remic.Grid.Cluster;

/// <summary>
/// The <c>--cluster</c> value: an Npgsql connection string to the PostgreSQL server whose tables hold the cluster's membership
/// (the same server the trustee ledger can use). Checked here so a typo or an unreachable server is a clear input error
/// naming <c>--cluster</c>, never an Orleans stack trace; the password is never echoed.
/// </summary>
public sealed class ClusterConnection
{
    public const string Option = "--cluster";
    /// <summary>The ADO.NET invariant Orleans loads Npgsql by.</summary>
    public const string Invariant = "Npgsql";
    private const string Expected = "a PostgreSQL connection string such as \"Host=localhost;Database=remic;Username=remic;Password=…\"";

    public string ConnectionString { get; }
    /// <summary>Host, port and database only: what messages show.</summary>
    public string Display { get; }

    private ClusterConnection(string connectionString, string display)
    {
        ConnectionString = connectionString;
        Display = display;
    }

    public static ClusterConnection Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RemicInputException(Option, 0, "", text, Expected);
        NpgsqlConnectionStringBuilder b;
        try { b = new NpgsqlConnectionStringBuilder(text); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new RemicInputException(Option, 0, "", Masked(text), $"{Expected} ({e.Message})");
        }
        if (string.IsNullOrWhiteSpace(b.Host)) throw new RemicInputException(Option, 0, "Host", Masked(text), $"{Expected}: Host= is missing");
        var db = string.IsNullOrEmpty(b.Database) ? b.Username : b.Database; // PostgreSQL's default database is the user's name
        var display = string.IsNullOrEmpty(db) ? $"{b.Host}:{b.Port}" : $"{b.Host}:{b.Port}/{db}";
        return new ClusterConnection(b.ConnectionString, display);
    }

    /// <summary>Opens a connection once, turning "cannot reach / cannot log in" into an input error naming --cluster.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct = default)
    {
        var c = new NpgsqlConnection(ConnectionString);
        try
        {
            await c.OpenAsync(ct);
            return c;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            await c.DisposeAsync();
            throw Unreachable(e);
        }
    }

    public RemicInputException Unreachable(Exception e) =>
        new(Option, 0, "", Display, $"a PostgreSQL server this machine can reach and log in to ({Root(e).Message})");

    private static Exception Root(Exception e)
    {
        while (e.InnerException is not null && e is not PostgresException) e = e.InnerException;
        return e;
    }

    /// <summary>The text with any password replaced, for messages.</summary>
    private static string Masked(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?i)(password|pwd)\s*=[^;]*", "$1=***");
}
