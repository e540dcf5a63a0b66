using Microsoft.Data.Sqlite;
using Npgsql;
using Remic.Core;

namespace Remic.Trustee.Ledger;

public enum Dialect { Sqlite, Postgres }

/// <summary>
/// Which database the ledger lives in. A connection string starting with "Host=" is PostgreSQL
/// (Npgsql syntax); anything else is a SQLite file path. Default: remic.db in the working directory.
/// </summary>
public sealed record LedgerTarget(Dialect Dialect, string ConnectionString)
{
    public const string EnvironmentVariable = "REMIC_DB";
    public const string DefaultSqliteFile = "remic.db";

    /// <summary>Seconds a SQLite command waits for another process's write lock before the ledger is reported locked.</summary>
    public const int BusyTimeoutSeconds = 30;

    /// <summary>--db wins over REMIC_DB, which wins over the default file.</summary>
    public static LedgerTarget Resolve(string? dbOption, string? environmentValue = null)
    {
        var text = !string.IsNullOrWhiteSpace(dbOption) ? dbOption
            : !string.IsNullOrWhiteSpace(environmentValue) ? environmentValue
            : Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Parse(string.IsNullOrWhiteSpace(text) ? DefaultSqliteFile : text!.Trim());
    }

    /// <summary>
    /// The text is a file path (or "Data Source=path"), never spliced into a connection string: "a.db;Data Source=b.db"
    /// names one odd file, not b.db. In-memory databases are refused (the ledger would vanish with the command).
    /// A malformed PostgreSQL string is bad input; its text is never echoed (it may hold a password).
    /// </summary>
    public static LedgerTarget Parse(string text)
    {
        if (text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try { _ = new NpgsqlConnectionStringBuilder(text); }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new RemicInputException("--db", 0, "", null,
                    $"a PostgreSQL connection string such as Host=server;Database=remic;Username=trustee ({e.Message.TrimEnd('.')})");
            }
            return new LedgerTarget(Dialect.Postgres, text);
        }
        var path = text;
        if (text.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            try { path = new SqliteConnectionStringBuilder(text).DataSource; }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new RemicInputException("--db", 0, "", text, $"a ledger file path ({e.Message.TrimEnd('.')})");
            }
        }
        // A NUL cannot be in a file name (and the SQLite builder throws on one): no path on the command line holds one,
        // a server's request might.
        if (path.Contains('\0', StringComparison.Ordinal))
            throw new RemicInputException("--db", 0, "", InputText.Visible(text), "a ledger file path; a file name holds no NUL character");
        if (string.IsNullOrWhiteSpace(path) || path.Equals(":memory:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase))
            throw new RemicInputException("--db", 0, "", text, "a ledger file path; an in-memory database would be lost when the command ends");
        // Pooling off: a closed connection releases the file, so tests and the CLI never hold stale locks.
        // Default Timeout is the busy wait (seconds) when another process holds the write lock.
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path, Pooling = false, DefaultTimeout = BusyTimeoutSeconds,
        };
        // The connection string must name exactly this file (the builder drops a path's trailing spaces and line breaks).
        if (new SqliteConnectionStringBuilder(builder.ToString()).DataSource != path)
            throw new RemicInputException("--db", 0, "", InputText.Visible(text), "a ledger file path without trailing spaces or line breaks");
        return new LedgerTarget(Dialect.Sqlite, builder.ToString());
    }

    /// <summary>How messages name the ledger: the SQLite file, or the PostgreSQL database and server (never the password).</summary>
    public string Name
    {
        get
        {
            if (Dialect == Dialect.Sqlite) return new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL database {b.Database ?? b.Username ?? "(default)"} on {b.Host}:{b.Port}";
        }
    }

    /// <summary>What the user gave, for messages: the path or "PostgreSQL" (a connection string may hold a password).</summary>
    public string Shown => Dialect == Dialect.Postgres ? "PostgreSQL" : ConnectionString.Split(';')[0].Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Dialect == Dialect.Postgres ? "PostgreSQL" : ConnectionString;
}
