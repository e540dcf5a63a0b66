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

    /// <summary>--db wins over REMIC_DB, which wins over the default file.</summary>
    public static LedgerTarget Resolve(string? dbOption, string? environmentValue = null)
    {
        var text = !string.IsNullOrWhiteSpace(dbOption) ? dbOption
            : !string.IsNullOrWhiteSpace(environmentValue) ? environmentValue
            : Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Parse(string.IsNullOrWhiteSpace(text) ? DefaultSqliteFile : text!.Trim());
    }

    public static LedgerTarget Parse(string text)
    {
        if (text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
            return new LedgerTarget(Dialect.Postgres, text);
        // Pooling off: a closed connection releases the file, so tests and the CLI never hold stale locks.
        // Default Timeout is the busy wait (seconds) when another process holds the write lock.
        var path = text.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? text : $"Data Source={text}";
        return new LedgerTarget(Dialect.Sqlite, $"{path};Pooling=False;Default Timeout=30");
    }

    /// <summary>What the user gave, for messages: the path or "PostgreSQL" (a connection string may hold a password).</summary>
    public string Shown => Dialect == Dialect.Postgres ? "PostgreSQL" : ConnectionString.Split(';')[0].Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Dialect == Dialect.Postgres ? "PostgreSQL" : ConnectionString;
}
