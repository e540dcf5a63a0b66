using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Remic.Cli.Tests.Hostile;

/// <summary>
/// What every hostile case needs: a scratch folder with the sample deal, its first-period remittance and a registered
/// ledger; special files (FIFO, socket); and "nothing changed" snapshots of a folder (every entry's kind and content
/// hash) and of a ledger (every row of every table).
/// </summary>
internal sealed class HostileKit : IDisposable
{
    public const string DealId = "2004-S1";
    public const string Period = "2004-04";

    public string Dir { get; } = Directory.CreateTempSubdirectory("remic-hostile-").FullName;

    public string Path(string name) => System.IO.Path.Combine(Dir, name);

    public string Write(string name, string text)
    {
        var p = Path(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
        return p;
    }

    public static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    public static string SampleText => File.ReadAllText(System.IO.Path.Combine(Repo(), "examples", "sample", "deal.yaml"));
    public static string StructuresText => File.ReadAllText(System.IO.Path.Combine(Repo(), "examples", "sample", "structures.yaml"));

    /// <summary>The sample deal copied into the scratch folder.</summary>
    public string Sample() => File.Exists(Path("deal.yaml")) ? Path("deal.yaml") : Write("deal.yaml", SampleText);

    /// <summary>A registered ledger of the sample deal (ledger.db) and the simulated first-period remittance (may.csv).</summary>
    public (string Db, string Remittance) Ledger()
    {
        var db = Path("ledger.db");
        if (!File.Exists(db))
        {
            Assert.Equal(0, Cli.Run("trustee", "init", Sample(), "--db", db).Code);
            Assert.Equal(0, Cli.Run("trustee", "simulate", Sample(), "--months", "1", "--out", Path("sim")).Code);
            File.Move(Path($"sim/remittance-{Period}.csv"), Path("may.csv"));
            Directory.Delete(Path("sim"));
        }
        return (db, Path("may.csv"));
    }

    /// <summary>The ledger with the first period remitted and closed (for statements).</summary>
    public string ClosedLedger()
    {
        var (db, may) = Ledger();
        Assert.Equal(0, Cli.Run("trustee", "remit", DealId, "--period", Period, "--file", may, "--db", db).Code);
        Assert.Equal(0, Cli.Run("trustee", "close", DealId, "--period", Period, "--libor", "1.1", "--db", db).Code);
        return db;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    public string Fifo(string name = "fifo")
    {
        var p = Path(name);
        Assert.Equal(0, MkFifo(p, 0x1B6)); // 0666
        return p;
    }

    private readonly List<Socket> _sockets = [];

    /// <summary>A Unix domain socket file, bound and listening until the kit is disposed (.NET removes the file on close).</summary>
    public string Socket(string name = "sock")
    {
        var p = Path(name);
        var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        s.Bind(new UnixDomainSocketEndPoint(p));
        s.Listen();
        _sockets.Add(s);
        return p;
    }

    /// <summary>Every entry under the folder (and hidden siblings beside it are part of it: staging must not linger) with its kind and content hash.</summary>
    public string Snapshot()
    {
        var sb = new StringBuilder();
        foreach (var e in Directory.EnumerateFileSystemEntries(Dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = System.IO.Path.GetRelativePath(Dir, e);
            if (rel.EndsWith("-wal", StringComparison.Ordinal) || rel.EndsWith("-shm", StringComparison.Ordinal)) continue;
            var kind = Remic.Core.FileKinds.Of(e);
            sb.Append(rel).Append(' ').Append(kind);
            if (kind == Remic.Core.FileKind.Regular && !rel.EndsWith(".db", StringComparison.Ordinal))
                sb.Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(e))));
            sb.Append('\n');
        }
        foreach (var stray in Directory.EnumerateFileSystemEntries(System.IO.Path.GetDirectoryName(Dir)!, $".{System.IO.Path.GetFileName(Dir)}*"))
            sb.Append("stray ").Append(stray).Append('\n');
        return sb.ToString();
    }

    /// <summary>Every row of every table of a SQLite ledger, as text (read-only; never creates the file).</summary>
    public static string LedgerRows(string db)
    {
        if (!File.Exists(db)) return "(no file)";
        var sb = new StringBuilder();
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        c.Open();
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        foreach (var t in tables)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{t}\"";
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read()) rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            sb.Append('[').Append(t).Append("] ").Append(rows.Count).Append('\n');
            foreach (var row in rows) sb.Append(row).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Runs remic, and asserts the exit code, the exact first line of stderr, and that the folder (and the ledger, when given) did not change.</summary>
    public (int Code, string Out, string Err) Refused(int code, string firstLine, string[] args, string? db = null)
    {
        var before = Snapshot();
        var rows = db is null ? null : LedgerRows(db);
        var r = Cli.Run(args);
        var first = r.Err.Replace("\r\n", "\n").Split('\n')[0];
        Assert.Equal((code, firstLine), (r.Code, first));
        Assert.Equal(before, Snapshot());
        if (db is not null) Assert.Equal(rows, LedgerRows(db));
        return r;
    }

    public void Dispose()
    {
        foreach (var s in _sockets) s.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
