using System.Diagnostics;
using System.Globalization;

namespace Remic.Reports;

/// <summary>
/// The hidden folders output is staged in beside its target: <c>.NAME.partial-PID</c> (being written) and
/// <c>.NAME.old-PID</c> (the previous output, set aside while the new one is moved in). A process killed mid-write
/// leaves them behind; the next write to the same target removes those whose process is gone, and puts back an
/// earlier output that was set aside but never replaced.
/// </summary>
internal static class StagingFolder
{
    public static string Partial(string target) => Sibling(target, "partial", Environment.ProcessId);
    public static string Old(string target) => Sibling(target, "old", Environment.ProcessId);

    private static string Sibling(string target, string kind, int pid) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.{kind}-{pid}"));

    /// <summary>Removes stale staging of dead processes; restores a set-aside output when the target is missing.</summary>
    public static void CleanStale(string target)
    {
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) return;
        var name = Path.GetFileName(target);
        foreach (var kind in new[] { "old", "partial" })
            foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.{kind}-*"))
            {
                if (!int.TryParse(Path.GetFileName(dir)[$".{name}.{kind}-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                if (pid == Environment.ProcessId || Alive(pid)) continue;
                try
                {
                    if (kind == "old" && !Directory.Exists(target) && !File.Exists(target)) Directory.Move(dir, target);
                    else Directory.Delete(dir, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another process's; left alone */ }
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
