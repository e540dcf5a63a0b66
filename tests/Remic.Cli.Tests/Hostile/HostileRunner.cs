using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Remic.Cli.Tests.Hostile;

/// <summary>
/// One crafted input: the files it needs in a scratch folder, the command line, and what must come back —
/// the exit code and the exact first line of stderr (with {dir} standing for the scratch folder). Unless the case
/// expects output, no file in the folder and no ledger row may change.
/// </summary>
public sealed record HostileCase(string Id, int Item, Action<HostileScene> Setup, string[] Args, int Exit, string FirstLine)
{
    /// <summary>Files the command is expected to write (relative to the scratch folder); everything else must stay as it was.</summary>
    public string[] Writes { get; init; } = [];

    /// <summary>A further check on stdout, stderr and the folder after the command (e.g. a CSV cell neutralised).</summary>
    public Action<HostileScene, string, string>? Then { get; init; }

    public override string ToString() => Id;
}

/// <summary>The scratch folder of one case: example files copied in, deals mutated by text replacement, a ledger made ready.</summary>
public sealed class HostileScene(string dir)
{
    public string Dir { get; } = dir;

    public string P(string name) => Path.Combine(Dir, name);

    public static string Repo { get; } = FindRepo();

    private static string FindRepo()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Remic.sln"))) d = d.Parent;
        return d!.FullName;
    }

    public static string SampleText { get; } = File.ReadAllText(Path.Combine(Repo, "examples", "sample", "deal.yaml"));
    public static string StructuresText { get; } = File.ReadAllText(Path.Combine(Repo, "examples", "sample", "structures.yaml"));
    public static string TapeText { get; } = File.ReadAllText(Path.Combine(Repo, "examples", "collateral", "tape.csv"));

    /// <summary>Writes deal.yaml: the sample deal with each (old, new) replacement applied; a replacement that matches nothing fails the case.</summary>
    public void Sample(params (string Old, string New)[] edits) => Write("deal.yaml", Edit(SampleText, edits));

    public void Structures(params (string Old, string New)[] edits) => Write("deal.yaml", Edit(StructuresText, edits));

    public static string Edit(string text, params (string Old, string New)[] edits)
    {
        foreach (var (o, n) in edits)
        {
            if (!text.Contains(o, StringComparison.Ordinal)) throw new InvalidOperationException($"the fixture text has no '{o}'");
            text = text.Replace(o, n, StringComparison.Ordinal);
        }
        return text;
    }

    public void Write(string name, string text) => File.WriteAllText(P(name), text);

    public void Bytes(string name, byte[] bytes) => File.WriteAllBytes(P(name), bytes);

    /// <summary>ledger.db: the sample deal registered, 2004-04 remitted and closed with LIBOR 1.1, 2004-05 remitted (a copy of one prepared ledger).</summary>
    public void Ledger()
    {
        File.Copy(HostileLedger.Template, P("ledger.db"));
        File.Copy(HostileLedger.May, P("remittance-2004-05.csv"));
    }
}

/// <summary>Prepares, once per test run, a ledger the trustee cases copy.</summary>
internal static class HostileLedger
{
    private static readonly Lazy<(string Db, string May)> Made = new(Make);

    public static string Template => Made.Value.Db;
    public static string May => Made.Value.May;

    private static (string, string) Make()
    {
        var dir = Directory.CreateTempSubdirectory("remic-hostile-ledger-").FullName;
        var deal = Path.Combine(dir, "deal.yaml");
        File.WriteAllText(deal, HostileScene.SampleText);
        var db = Path.Combine(dir, "ledger.db");
        Check(Cli.Run("trustee", "init", deal, "--db", db, "--actor", "fixture"));
        Check(Cli.Run("trustee", "simulate", deal, "--months", "2", "--seed", "7", "--out", Path.Combine(dir, "sim")));
        Check(Cli.Run("trustee", "remit", "2004-S1", "--period", "2004-04", "--file", Path.Combine(dir, "sim", "remittance-2004-04.csv"), "--db", db, "--actor", "fixture"));
        Check(Cli.Run("trustee", "close", "2004-S1", "--period", "2004-04", "--libor", "1.1", "--db", db, "--actor", "fixture"));
        Check(Cli.Run("trustee", "remit", "2004-S1", "--period", "2004-05", "--file", Path.Combine(dir, "sim", "remittance-2004-05.csv"), "--db", db, "--actor", "fixture"));
        SqliteConnection.ClearAllPools();
        return (db, Path.Combine(dir, "sim", "remittance-2004-05.csv"));
    }

    private static void Check((int Code, string Out, string Err) r)
    {
        if (r.Code != 0) throw new InvalidOperationException($"ledger fixture failed: {r.Err}");
    }
}

/// <summary>Runs a case in-process (or, with REMIC_HOSTILE_CLI set to a `remic` executable, as a process) and snapshots the folder around it.</summary>
internal static class HostileRunner
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    public static (int Code, string Out, string Err, TimeSpan Took) Run(string[] args)
    {
        var sw = Stopwatch.StartNew();
        var exe = Environment.GetEnvironmentVariable("REMIC_HOSTILE_CLI");
        if (string.IsNullOrEmpty(exe))
        {
            var task = Task.Run(() => Cli.Run(args));
            if (!task.Wait(TimeLimit)) return (-2, "", "hang: no answer within the time limit", sw.Elapsed);
            var r = task.Result;
            return (r.Code, r.Out, r.Err, sw.Elapsed);
        }
        var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeLimit)) { p.Kill(true); return (-2, "", "hang: no answer within the time limit", sw.Elapsed); }
        return (p.ExitCode, stdout.Result, stderr.Result, sw.Elapsed);
    }

    /// <summary>Every file (bytes hashed) and, for SQLite ledgers, every table's rows.</summary>
    public static Dictionary<string, string> Snapshot(string dir)
    {
        var snap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(dir, f);
            if (rel.EndsWith(".db", StringComparison.Ordinal)) snap[rel] = Rows(f);
            else if (rel.EndsWith("-wal", StringComparison.Ordinal) || rel.EndsWith("-shm", StringComparison.Ordinal) || rel.EndsWith("-journal", StringComparison.Ordinal)) continue;
            else snap[rel] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)));
        }
        return snap;
    }

    private static string Rows(string db)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        var tables = new List<string>();
        using (var q = c.CreateCommand())
        {
            q.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var r = q.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var t in tables)
        {
            using var q = c.CreateCommand();
            q.CommandText = $"SELECT * FROM \"{t}\" ORDER BY 1, 2";
            using var r = q.ExecuteReader();
            var n = 0;
            while (r.Read())
            {
                n++;
                for (var i = 0; i < r.FieldCount; i++) hash.AppendData(System.Text.Encoding.UTF8.GetBytes((r.IsDBNull(i) ? "∅" : r.GetValue(i).ToString()) + "\u001f"));
            }
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{t}:{n}\n"));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
