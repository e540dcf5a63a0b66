using System.Diagnostics;
using System.Globalization;

namespace Remic.Reports;

/// <summary>
/// The hidden entries output is staged in beside its target: <c>.NAME.partial-PID</c> (being written), <c>.NAME.old-PID</c>
/// (the previous output, set aside while the new one is moved in) and <c>.NAME.commit-PID</c> (files written in full,
/// being moved into a directory that holds other things). A process killed mid-write leaves them behind; the next write
/// to the same target removes those whose process is gone, puts back an earlier output that was set aside but never
/// replaced, and finishes moving in a set of files whose move had begun.
/// </summary>
internal static class StagingFolder
{
    public static string Partial(string target) => Sibling(target, "partial", Environment.ProcessId);
    public static string Old(string target) => Sibling(target, "old", Environment.ProcessId);
    public static string Commit(string target) => Sibling(target, "commit", Environment.ProcessId);

    private static string Sibling(string target, string kind, int pid) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.{kind}-{pid}"));

    /// <summary>Removes stale staging of dead processes; restores a set-aside output when the target is missing; completes a begun move.</summary>
    public static void CleanStale(string target)
    {
        foreach (var (kind, entry) in Stale(target))
        {
            try
            {
                if (File.Exists(entry)) File.Delete(entry); // a single file's staging (see OutputFiles.WriteFile)
                else if (kind == "old" && !Directory.Exists(target) && !File.Exists(target)) Directory.Move(entry, target);
                else if (kind == "commit" && Directory.Exists(target))
                {
                    foreach (var f in Directory.EnumerateFiles(entry))
                        File.Move(f, Path.Combine(target, Path.GetFileName(f)), overwrite: true);
                    Directory.Delete(entry, recursive: true);
                }
                else Directory.Delete(entry, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another process's; left alone */ }
        }
    }

    /// <summary>The staging entries beside <paramref name="target"/> whose process has ended, "commit" ones first.</summary>
    private static IEnumerable<(string Kind, string Entry)> Stale(string target)
    {
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) yield break;
        var name = Path.GetFileName(target);
        foreach (var kind in new[] { "commit", "old", "partial" })
            foreach (var entry in Directory.EnumerateFileSystemEntries(parent, $".{name}.{kind}-*").ToList())
            {
                if (!int.TryParse(Path.GetFileName(entry)[$".{name}.{kind}-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                if (pid == Environment.ProcessId || Alive(pid)) continue;
                yield return (kind, entry);
            }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
