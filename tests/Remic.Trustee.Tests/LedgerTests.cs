using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Registry;
using Remic.Trustee.Tests.Support;
using static Remic.Trustee.Tests.Support.TestDeal;

namespace Remic.Trustee.Tests;

public sealed class LedgerTests
{
    [Fact]
    public void Connection_choice_host_means_postgres_anything_else_a_sqlite_file()
    {
        Assert.Equal(Dialect.Postgres, LedgerTarget.Parse("Host=db;Database=remic;").Dialect);
        Assert.Equal(Dialect.Postgres, LedgerTarget.Resolve(null, "Host=x;Database=y").Dialect);
        var file = LedgerTarget.Resolve(null, "/tmp/x.db");
        Assert.Equal((Dialect.Sqlite, "Data Source=/tmp/x.db;Default Timeout=30;Pooling=False"), (file.Dialect, file.ConnectionString));
        Assert.Equal("/tmp/opt.db", LedgerTarget.Resolve("/tmp/opt.db", "Host=env").ConnectionString.Split(';')[0]["Data Source=".Length..]);
    }

    [Fact]
    public void Default_is_remic_db_when_nothing_is_given()
    {
        var old = Environment.GetEnvironmentVariable(LedgerTarget.EnvironmentVariable);
        Environment.SetEnvironmentVariable(LedgerTarget.EnvironmentVariable, null);
        try { Assert.StartsWith("Data Source=remic.db;", LedgerTarget.Resolve(null).ConnectionString); }
        finally { Environment.SetEnvironmentVariable(LedgerTarget.EnvironmentVariable, old); }
    }

    [Fact]
    public void Cents_convert_exactly_and_refuse_fractions_of_a_cent()
    {
        Assert.Equal(9_990_045L, Cents.FromMoney(99_900.45m));
        Assert.Equal(99_900.45m, Cents.ToMoney(9_990_045L));
        Assert.Equal(-1L, Cents.FromMoney(-0.01m));
        Assert.Throws<ArgumentException>(() => Cents.FromMoney(0.005m));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Migrations_apply_once_in_order_and_upgrade_is_idempotent(string kind)
    {
        using var ledger = new TestLedger(kind);
        using var c = ledger.Db.Connect();
        // Every migration of this build, in order (1, 2, 3, then each one added since: 4 deal tapes, ...).
        var all = Migrations.All.Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, all.Count), all);
        Assert.Equal(all, MigrationRunner.AppliedVersions(c));
        Assert.Empty(MigrationRunner.Upgrade(c, ledger.Db.Dialect));
        LedgerDb.Open(ledger.Target); // a second process opening the ledger changes nothing
        Assert.Equal(all, MigrationRunner.AppliedVersions(c));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Audit_log_is_append_only_in_the_database(string kind)
    {
        using var ledger = new TestLedger(kind);
        DealRegistry.Register(ledger.Db, Small(), "tester");
        using var c = ledger.Db.Connect();
        var update = Assert.ThrowsAny<Exception>(() => c.Execute("UPDATE audit_log SET actor = 'someone else'"));
        Assert.Contains("audit_log is append-only", update.Message);
        var delete = Assert.ThrowsAny<Exception>(() => c.Execute("DELETE FROM audit_log"));
        Assert.Contains("audit_log is append-only", delete.Message);
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public void Sqlite_stores_money_as_integers_and_rates_as_exact_text()
    {
        using var ledger = new TestLedger("sqlite");
        DealRegistry.Register(ledger.Db, Small(), "tester");
        using var c = ledger.Db.Connect();
        Assert.Equal(("integer", "text", "0.0625"),
            c.QuerySingle<(string, string, string)>("SELECT typeof(cutoff_balance_cents), typeof(gross_rate), gross_rate FROM loans WHERE loan_id = 'L3'"));
        Assert.Empty(c.Query<string>("SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.type = 'REAL'"));
    }

    [Theory]
    [MemberData(nameof(TestLedger.Kinds), MemberType = typeof(TestLedger))]
    public void Register_keeps_the_deal_file_verbatim_with_its_sha256(string kind)
    {
        using var ledger = new TestLedger(kind);
        var reg = Small() with { DealFileContent = "abc" };
        var deal = DealRegistry.Register(ledger.Db, reg, "tester");
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", deal.Sha256);
        Assert.Equal((3, 230_000.00m), (deal.LoanCount, deal.CutoffBalance));
        using var c = ledger.Db.Connect();
        Assert.Equal("abc", c.QuerySingle<string>("SELECT content FROM deals"));
        var audit = AuditLog.Read(c).Single();
        Assert.Equal(("init", "tester", deal.Sha256), (audit.Action, audit.Actor, audit.InputSha256));

        var again = Assert.Throws<RemicInputException>(() => DealRegistry.Register(ledger.Db, reg, "tester"));
        Assert.Equal("test.yaml deal: got 'TEST-2004-1'; a deal not yet registered; this deal is already registered (same file)", again.Message);
        var other = Assert.Throws<RemicInputException>(() => DealRegistry.Register(ledger.Db, reg with { DealFileContent = "abd" }, "tester"));
        Assert.Equal("test.yaml deal: got 'TEST-2004-1'; a deal not yet registered; a deal with this id is already registered from a different file", other.Message);
    }

    [Fact]
    public void Register_rejects_a_bad_tape_listing_every_problem()
    {
        using var ledger = new TestLedger("sqlite");
        var reg = Small();
        var bad = reg with { Loans = [reg.Loans[0], reg.Loans[0], reg.Loans[1] with { Balance = 0 }], Classes = [] };
        var e = Assert.Throws<RemicInputException>(() => DealRegistry.Register(ledger.Db, bad, "tester"));
        Assert.Equal(
        [
            "test.yaml classes: got '0'; at least one certificate class",
            "test.yaml loan id: got 'L1'; each loan id once in the cut-off tape",
            "test.yaml balance: got 'L2: 0'; a positive cut-off balance",
        ], e.Errors.Select(x => x.ToString()));
        Assert.Equal(0L, LedgerDump.Count(ledger.Db, "SELECT COUNT(*) FROM deals"));
    }
}
