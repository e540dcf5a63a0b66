using Npgsql;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Tests.Support;

/// <summary>
/// A fresh, empty ledger per test: a SQLite file in a temp folder, or (when REMIC_TEST_PG is set) a
/// PostgreSQL schema of its own. If REMIC_TEST_PG is set but the server cannot be reached the test fails:
/// CI must never pass by silently skipping PostgreSQL.
/// </summary>
public sealed class TestLedger : IDisposable
{
    public const string PgVariable = "REMIC_TEST_PG";
    public LedgerTarget Target { get; }
    public LedgerDb Db { get; }
    public string Kind { get; }
    private readonly string? _dir;
    private readonly string? _schema;

    public static IEnumerable<object[]> Kinds()
    {
        yield return ["sqlite"];
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PgVariable))) yield return ["postgres"];
    }

    public TestLedger(string kind)
    {
        Kind = kind;
        if (kind == "sqlite")
        {
            _dir = Directory.CreateTempSubdirectory("remic-ledger-").FullName;
            Target = LedgerTarget.Parse(Path.Combine(_dir, "remic.db"));
        }
        else
        {
            var baseConn = Environment.GetEnvironmentVariable(PgVariable)
                ?? throw new InvalidOperationException($"{PgVariable} is not set");
            _schema = "t_" + Guid.NewGuid().ToString("N")[..16];
            using (var c = new NpgsqlConnection(baseConn))
            {
                c.Open();
                using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", c);
                cmd.ExecuteNonQuery();
            }
            Target = LedgerTarget.Parse($"{baseConn.TrimEnd(';')};Search Path={_schema}");
        }
        Db = LedgerDb.Open(Target);
    }

    /// <summary>The connection text a child process is given (a file path or a Host=... string).</summary>
    public string ConnectionArgument => Kind == "sqlite" ? Path.Combine(_dir!, "remic.db") : Target.ConnectionString;

    public void Dispose()
    {
        if (_dir is not null)
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }
        if (_schema is not null)
        {
            using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable(PgVariable));
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", c);
            cmd.ExecuteNonQuery();
        }
    }
}
