using System.Runtime.InteropServices;

namespace Remic.Reports;

/// <summary>
/// The renames that make a directory's replacement one step, where the system has them: Linux's renameat2
/// RENAME_EXCHANGE swaps two directories atomically, and POSIX rename(2) replaces an empty directory atomically.
/// Each answers false when unavailable (another system, a file system without exchange, a mount point), and the
/// caller falls back to a replacement that is not one step but is completed or undone by the next write.
/// </summary>
internal static partial class AtomicRename
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    /// <summary>Swaps two existing directories (or files) in one step.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0; }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    /// <summary>Moves <paramref name="from"/> onto <paramref name="to"/>, which may be an empty directory, in one step.</summary>
    public static bool TryReplaceEmpty(string from, string to)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return Rename(from, to) == 0; }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    /// <summary>A second name for an existing file (same file system); false where links are not available.</summary>
    public static bool TryHardLink(string existing, string name)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return Link(existing, name) == 0; }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    /// <summary>The new directory takes the permissions of the one it replaces (a user's folder stays as private as it was).</summary>
    public static void CopyMode(string from, string to)
    {
        if (OperatingSystem.IsWindows()) return;
        try { File.SetUnixFileMode(to, File.GetUnixFileMode(from)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the default mode stays */ }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string name);
}
