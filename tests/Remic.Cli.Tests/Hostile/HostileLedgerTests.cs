using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Remic.Reports;
using Remic.Trustee.Ledger;

namespace Remic.Cli.Tests.Hostile;

/// <summary>
/// Issue 18, High items 7 (ledger failures: one sentence naming the ledger, exit 69), 8 (all-or-nothing outputs) and the
/// top-level handler (exit 70). Every refused case leaves the folder and the ledger's rows exactly as they were.
/// </summary>
[Trait("Category", "Hostile")]
public sealed class HostileLedgerTests
{
    // ---- 7. Ledger failures --------------------------------------------------------------------------------------

    private const string CannotOpen = "cannot be opened: its folder does not exist or cannot be entered, or the path is a directory; give --db a file in a writable folder";
    private const string NotSqlite = "is not a readable SQLite database (damaged, truncated or another kind of file); restore it from a backup or give --db another file";

    /// <summary>A bad ledger of each kind, made in the kit's folder; returns the --db text and the expected sentence after "ledger {name} ".</summary>
    private static (string Db, string Sentence) BadLedger(string kind, HostileKit kit)
    {
        switch (kind)
        {
            case "directory":
                Directory.CreateDirectory(kit.Path("ledger-dir"));
                return (kit.Path("ledger-dir"), CannotOpen);
            case "missing folder":
                return (kit.Path("no/such/folder/remic.db"), CannotOpen);
            case "text file":
                return (kit.Write("notes.ledger", "this is not a database\n"), NotSqlite);
            case "truncated":
            {
                var (db, _) = kit.Ledger();
                var cut = kit.Path("cut.ledger");
                File.WriteAllBytes(cut, File.ReadAllBytes(db)[..3000]);
                return (cut, NotSqlite);
            }
            case "other application":
            {
                var other = kit.Path("app.db");
                Exec(other, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada')");
                return (other, "is an SQLite database of something else (it has tables but no Remic schema); give --db a new file or a Remic ledger");
            }
            case "newer":
            {
                var (db, _) = kit.Ledger();
                Exec(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')");
                return (db, $"was written by a newer Remic (schema version 999; this build knows up to {Migrations.All.Max(m => m.Version)}); use that newer Remic with it");
            }
            case "missing table":
            {
                var (db, _) = kit.Ledger();
                Exec(db, "DROP TABLE statements");
                return (db, "is missing the table statements; it is damaged or not a Remic ledger: restore it from a backup");
            }
            default: throw new ArgumentException(kind);
        }
    }

    private static void Exec(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string[] Command(string command, string db, HostileKit kit) => command switch
    {
        "init" => ["trustee", "init", kit.Sample(), "--db", db],
        "remit" => ["trustee", "remit", HostileKit.DealId, "--period", HostileKit.Period, "--file", kit.Write("r.csv", "loan_id\n"), "--db", db],
        "close" => ["trustee", "close", HostileKit.DealId, "--period", HostileKit.Period, "--db", db],
        "reopen" => ["trustee", "reopen", HostileKit.DealId, "--period", HostileKit.Period, "--reason", "x", "--db", db],
        _ => ["trustee", "statement", HostileKit.DealId, "--period", HostileKit.Period, "--db", db],
    };

    public static TheoryData<string, string> LedgerCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "directory", "missing folder", "text file", "truncated", "other application", "newer", "missing table" })
            foreach (var command in new[] { "init", "remit", "close", "reopen", "statement" })
                data.Add(kind, command);
        return data;
    }

    [Theory]
    [MemberData(nameof(LedgerCases))]
    public void An_unusable_ledger_is_one_sentence_and_exit_69(string kind, string command)
    {
        using var kit = new HostileKit();
        var (db, sentence) = BadLedger(kind, kit);
        var args = Command(command, db, kit);
        var rows = File.Exists(db) && !db.EndsWith(".ledger", StringComparison.Ordinal) ? HostileKit.LedgerRows(db) : null;
        if (kind == "missing folder" && command != "init")
        {
            // Only `init` creates a ledger: any other command names the file that is not there (bad input, issue 12 item 10).
            var missing = Cli.Run(args);
            Assert.Equal(2, missing.Code);
            Assert.StartsWith($"error: --db: got '{db}'; an existing ledger; there is no file {db}", missing.Err);
            Assert.False(Directory.Exists(kit.Path("no")), "no folder created for a ledger that does not exist");
            return;
        }
        var r = kit.Refused(CliRun.LedgerUnavailableExit, $"error: ledger {db} {sentence}", args);
        Assert.Equal(1, r.Err.Trim().Split('\n').Length);
        if (rows is not null) Assert.Equal(rows, HostileKit.LedgerRows(db));
        Assert.False(Directory.Exists(kit.Path("no")), "no folder created for a ledger that cannot be opened");
    }

    public static TheoryData<string, string> BadTargets => new()
    {
        { ":memory:", "error: --db: got ':memory:'; a ledger file path; an in-memory database would be lost when the command ends" },
        { "Data Source=:memory:", "error: --db: got 'Data Source=:memory:'; a ledger file path; an in-memory database would be lost when the command ends" },
        { "file::memory:?cache=shared", "error: --db: got 'file::memory:?cache=shared'; a ledger file path; an in-memory database would be lost when the command ends" },
        { "Data Source=", "error: --db: got 'Data Source='; a ledger file path; an in-memory database would be lost when the command ends" },
        { "Host=;;=bad;Password=hunter2", "error: --db: a PostgreSQL connection string such as Host=server;Database=remic;Username=trustee (Format of the initialization string does not conform to specification starting at index 7)" },
        { "Host=db;Bogus=1;Password=hunter2", "error: --db: a PostgreSQL connection string such as Host=server;Database=remic;Username=trustee (Couldn't set bogus (Parameter 'bogus'))" },
        { "Host=db;Port=many;Password=hunter2", "error: --db: a PostgreSQL connection string such as Host=server;Database=remic;Username=trustee (Couldn't set port (Parameter 'port'))" },
        { "Host=127.0.0.1;Port=1;Database=remic;Username=u;Password=hunter2;Timeout=2",
            "error: ledger PostgreSQL database remic on 127.0.0.1:1 cannot be reached (Connection refused); check that the server is running and the Host and Port in --db" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public void A_bad_ledger_target_is_refused_without_echoing_a_password(string db, string firstLine)
    {
        using var kit = new HostileKit();
        var code = firstLine.StartsWith("error: ledger ", StringComparison.Ordinal) ? CliRun.LedgerUnavailableExit : 2;
        var r = kit.Refused(code, firstLine, ["trustee", "init", kit.Sample(), "--db", db]);
        Assert.DoesNotContain("hunter2", r.Err);
    }

    [Fact]
    public void A_db_option_is_one_file_name_never_spliced_into_a_connection_string()
    {
        using var kit = new HostileKit();
        var odd = kit.Path("a.db;Data Source=b.db");
        var r = Cli.Run("trustee", "init", kit.Sample(), "--db", odd);
        Assert.Equal((0, "2004-S1\n", ""), r);
        Assert.True(File.Exists(odd));
        Assert.False(File.Exists(kit.Path("b.db")));
        Assert.False(File.Exists("b.db"));
    }

    [Fact]
    public void An_empty_file_is_a_new_ledger()
    {
        using var kit = new HostileKit();
        var empty = kit.Write("empty.db", "");
        Assert.Equal((0, "2004-S1\n", ""), Cli.Run("trustee", "init", kit.Sample(), "--db", empty));
    }

    [Theory]
    [InlineData(5, "is locked by another process (waited 30 s); run the command again when that process has finished")]
    [InlineData(6, "is locked by another process (waited 30 s); run the command again when that process has finished")]
    [InlineData(8, "is read-only; make the file and the folder holding it writable by this user (SQLite writes a -wal file beside it)")]
    [InlineData(13, "the disk is full and nothing was recorded; free some space and run the command again")]
    [InlineData(10 | (3 << 8), "disk I/O error (SQLite Error 778: 'disk I/O error'); check the disk and run the command again")]
    public void A_failure_mid_command_is_one_sentence_naming_the_ledger(int code, string sentence)
    {
        var target = LedgerTarget.Parse("/srv/trustee/remic.db");
        var text = (code & 0xFF) == 10 ? "disk I/O error" : "x";
        var e = LedgerUnavailableException.From(target, new SqliteException($"SQLite Error {code}: '{text}'.", code));
        Assert.Equal(sentence.StartsWith("the disk", StringComparison.Ordinal) || sentence.StartsWith("disk", StringComparison.Ordinal)
            ? $"ledger /srv/trustee/remic.db: {sentence}" : $"ledger /srv/trustee/remic.db {sentence}", e.Message);
    }

    // ---- 8. All or nothing -------------------------------------------------------------------------------------------

    private static IEnumerable<string> Siblings(string target) =>
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.*");

    [Fact]
    public void Replacing_a_book_renames_aside_then_in_and_leaves_no_staging()
    {
        using var kit = new HostileKit();
        var book = kit.Path("book");
        kit.Write("book/index.html", "old");
        kit.Write("book/.remic-book", "marker");
        using (var o = new OutputDirectory(book))
        {
            o.Write("index.html", "new");
            o.Commit();
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(book, "index.html")));
        Assert.Empty(Siblings(book));
    }

    [Fact]
    public void Stale_staging_of_a_killed_writer_is_cleaned_on_the_next_write()
    {
        using var kit = new HostileKit();
        var book = kit.Path("book");
        kit.Write("book/index.html", "current");
        kit.Write(".book.partial-999999999/index.html", "half written by a killed process");
        kit.Write(".book.old-999999998/index.html", "set aside by a killed process after its new book was moved in");
        using (var o = new OutputDirectory(book)) { /* abandoned: nothing committed */ }
        Assert.Equal("current", File.ReadAllText(Path.Combine(book, "index.html")));
        Assert.Empty(Siblings(book));
    }

    [Fact]
    public void A_book_set_aside_by_a_writer_killed_before_moving_in_is_put_back()
    {
        using var kit = new HostileKit();
        var book = kit.Path("book");
        kit.Write(".book.old-999999997/index.html", "the earlier book");
        kit.Write(".book.partial-999999997/index.html", "the new book, complete but never moved in");
        using (var o = new OutputDirectory(book)) { }
        Assert.Equal("the earlier book", File.ReadAllText(Path.Combine(book, "index.html")));
        Assert.Empty(Siblings(book));
    }

    [Fact]
    public void Simulate_out_writes_every_month_or_none()
    {
        using var kit = new HostileKit();
        var deal = kit.Sample();
        Directory.CreateDirectory(kit.Path("sim/remittance-2004-06.csv"));
        kit.Refused(2, $"error: --out: got '{kit.Path("sim/remittance-2004-06.csv")}'; a file path for the output; this is a directory",
            ["trustee", "simulate", deal, "--months", "4", "--out", kit.Path("sim")]);
        Directory.Delete(kit.Path("sim/remittance-2004-06.csv"));
        var ok = Cli.Run("trustee", "simulate", deal, "--months", "4", "--out", kit.Path("sim"));
        Assert.Equal(0, ok.Code);
        Assert.Equal(["remittance-2004-04.csv", "remittance-2004-05.csv", "remittance-2004-06.csv", "remittance-2004-07.csv"],
            Directory.GetFiles(kit.Path("sim")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Siblings(kit.Path("sim")));
    }

    [Fact]
    public void Run_out_leaves_no_staging_and_writes_the_three_files()
    {
        using var kit = new HostileKit();
        kit.Write("out/mine.txt", "kept");
        var r = Cli.Run("run", kit.Sample(), "--out", kit.Path("out"));
        Assert.Equal((0, ""), (r.Code, r.Err));
        Assert.Equal(["checks.txt", "classes.csv", "classes.parquet", "collateral.csv", "collateral.parquet", "mine.txt"], Directory.GetFiles(kit.Path("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Siblings(kit.Path("out")));
    }

    [Fact]
    public void Statement_out_is_recorded_in_the_ledger_then_delivered_identically()
    {
        using var kit = new HostileKit();
        var db = kit.ClosedLedger();
        var file = kit.Path("statement.txt");
        var r = Cli.Run("trustee", "statement", HostileKit.DealId, "--period", HostileKit.Period, "--db", db, "--out", file);
        Assert.Equal((0, $"wrote {file}\n", ""), r);
        var issued = Remic.Trustee.Statements.StatementArchive.Read(LedgerDb.Open(LedgerTarget.Parse(db)), HostileKit.DealId, new Remic.Core.Period(2004, 4), "txt");
        Assert.Equal(issued, File.ReadAllText(file));
    }

    // ---- The top-level handler ---------------------------------------------------------------------------------------------

    [Fact]
    public void An_unexpected_exception_is_one_line_exit_70_with_the_details_in_a_log()
    {
        var root = new RootCommand();
        root.SetAction(p => CliRun.Guard(p, _ => throw new InvalidOperationException("boom at Host=db;Password=hunter2\nsecond line")));
        var err = new StringWriter();
        var code = root.Parse([]).Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = err });
        Assert.Equal(CliRun.InternalErrorExit, code);
        var lines = err.ToString().Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        var m = Regex.Match(Assert.Single(lines), @"^internal error: InvalidOperationException: boom at Host=db;Password=\*\*\* \(please report; details in (.+\.log)\)$");
        Assert.True(m.Success, lines[0]);
        var log = File.ReadAllText(m.Groups[1].Value);
        Assert.Contains("System.InvalidOperationException: boom at Host=db;Password=***", log);
        Assert.DoesNotContain("hunter2", log);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(m.Groups[1].Value));
        Assert.Contains("at ", log);
        File.Delete(m.Groups[1].Value);
    }
}
