using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Remic.Cli.Tests.Faults;

/// <summary>
/// The built `remic` run as a child process (<c>dotnet remic.dll</c> from the test's output folder, where the project
/// reference puts it), in a working folder, with its output collected; <see cref="Kill"/> is SIGKILL on Unix (no finally
/// block, no disposal, no rollback by the process itself).
/// </summary>
internal sealed partial class RemicProcess : IDisposable
{
    private readonly Process _p;
    private readonly StringBuilder _out = new(), _err = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public RemicProcess(string workDir, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "remic.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("REMIC_DB");
        _p = new Process { StartInfo = psi };
        _p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.Append(e.Data).Append('\n'); };
        _p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_err) _err.Append(e.Data).Append('\n'); };
        _p.Start();
        _p.BeginOutputReadLine();
        _p.BeginErrorReadLine();
    }

    public bool HasExited => _p.HasExited;

    /// <summary>Sends a POSIX signal (2 SIGINT, 15 SIGTERM) to the process, as a terminal or <c>kill</c> would (Unix only).</summary>
    public void Signal(int signal)
    {
        if (SysKill(_p.Id, signal) != 0)
            throw new InvalidOperationException($"kill({_p.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int sig);

    public void Kill()
    {
        try { _p.Kill(); } catch (InvalidOperationException) { /* already gone */ }
        _p.WaitForExit();
    }

    /// <summary>Waits for the end (at most <paramref name="within"/>, two minutes unless given: a hang is a failure) and returns the
    /// exit code, output and time taken.</summary>
    public (int Code, string Out, string Err, TimeSpan Took) Finish(TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromMinutes(2);
        if (!_p.WaitForExit(limit)) { Kill(); throw new TimeoutException($"remic did not finish within {limit.TotalMinutes:0.#} minutes: " + Err); }
        _p.WaitForExit();
        return (_p.ExitCode, Out, Err, _clock.Elapsed);
    }

    public string Out { get { lock (_out) return _out.ToString(); } }
    public string Err { get { lock (_err) return _err.ToString(); } }

    public void Dispose()
    {
        if (!_p.HasExited) Kill();
        _p.Dispose();
    }

    /// <summary>stdout with what differs between two runs of the same command blanked: close ids, durations.</summary>
    public static string Comparable(string stdout) => Volatile().Replace(stdout, "*");

    [GeneratedRegex(@"\b[0-9a-f]{32}\b|\bin \d+(\.\d+)? s\b")]
    private static partial Regex Volatile();
}

/// <summary>
/// A working folder's state, as the fault tests compare it: every entry (hidden ones too) with its kind and content —
/// a SQLite ledger as its rows (timestamps and generated close ids blanked, so two runs of one command compare equal),
/// an .xlsx as its sheets (the workbook's package ids are random) — and apart from it, the staging entries a killed
/// writer leaves beside its target (<c>.NAME.partial-PID</c>, <c>.old-PID</c>, <c>.commit-PID</c>).
/// </summary>
internal static partial class FolderState
{
    /// <summary>Each top-level entry of the folder (a file, or a folder with everything in it) with its content, and the staging entries apart.</summary>
    public static (SortedDictionary<string, string> Entries, string[] Strays) Take(string dir)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var strays = new List<string>();
        foreach (var e in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(dir, e);
            if (rel.EndsWith("-wal", StringComparison.Ordinal) || rel.EndsWith("-shm", StringComparison.Ordinal) || rel.EndsWith("-journal", StringComparison.Ordinal)) continue;
            var top = rel.Split(Path.DirectorySeparatorChar)[0];
            if (Staging().IsMatch(top))
            {
                if (top == rel) strays.Add(rel);
                continue;
            }
            var sb = new StringBuilder(entries.GetValueOrDefault(top, ""));
            sb.Append(rel).Append(' ');
            if (Directory.Exists(e)) sb.Append("dir\n");
            else if (rel.EndsWith(".db", StringComparison.Ordinal)) sb.Append("ledger\n").Append(LedgerRows(e));
            else if (rel.EndsWith(".xlsx", StringComparison.Ordinal)) sb.Append(Sheets(e)).Append('\n');
            else sb.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(e)))).Append('\n');
            entries[top] = sb.ToString();
        }
        return (entries, strays.ToArray());
    }

    public static string Text(SortedDictionary<string, string> entries) => string.Concat(entries.Values);

    /// <summary>A ledger's rows without the audit log (a repeated statement is audited again, and rightly so).</summary>
    public static string WithoutAudit(string text) => AuditSection().Replace(text, "");

    [GeneratedRegex(@"  \[audit_log\][^\n]*\n(  [^\[][^\n]*\n)*")]
    private static partial Regex AuditSection();

    [GeneratedRegex(@"^\..+\.(partial|old|commit)-\d+$")]
    private static partial Regex Staging();

    private static readonly HashSet<string> Timestamps = ["registered_at", "imported_at", "closed_at", "created_at", "at", "applied_at", "stored_at"];

    /// <summary>Every row of every table, sorted; opening it read-write recovers what a killed writer left in the WAL, as the next remic would.</summary>
    public static string LedgerRows(string db)
    {
        var sb = new StringBuilder();
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        c.Open();
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        foreach (var t in tables)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{t}\"";
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read())
                rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i =>
                    Timestamps.Contains(r.GetName(i)) ? "*" : r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            sb.Append("  [").Append(t).Append("] ").Append(rows.Count).Append('\n');
            foreach (var row in rows) sb.Append("  ").Append(RemicProcess.Comparable(row)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Sheets(string xlsx)
    {
        using var zip = ZipFile.OpenRead(xlsx);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in zip.Entries.Where(x => x.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || x.FullName == "xl/sharedStrings.xml")
                     .OrderBy(x => x.FullName, StringComparer.Ordinal))
        {
            using var s = entry.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            hash.AppendData(Encoding.UTF8.GetBytes(entry.FullName + "\n"));
            hash.AppendData(m.ToArray());
        }
        return "sheets " + Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Replaces the folder's whole content with a copy of <paramref name="template"/>'s.</summary>
    public static void Reset(string dir, string template)
    {
        foreach (var d in Directory.EnumerateDirectories(dir)) Directory.Delete(d, recursive: true);
        foreach (var f in Directory.EnumerateFiles(dir)) File.Delete(f);
        Copy(template, dir);
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
