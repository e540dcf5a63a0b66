using System.Runtime.InteropServices;

namespace Remic.Core;

/// <summary>What a path names on disk, asked before opening it: opening a FIFO blocks and a device never ends.</summary>
public enum FileKind { Missing, Regular, Directory, Special }

/// <summary>
/// Looks up a path's kind with stat(2) (symbolic links followed). .NET's managed file APIs do not tell a device,
/// FIFO or socket from a regular file, so on Unix this asks the runtime's own native shim (System.Native, the library
/// every FileStream call goes through); where that is unavailable (Windows) it falls back to the managed answer.
/// </summary>
public static partial class FileKinds
{
    private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsWindows() && TryStatMode(path, out var mode) is { } found)
        {
            if (!found) return FileKind.Missing;
            return (mode & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Special,
            };
        }
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <returns>true with the st_mode when the path exists, false when it does not, null when stat could not be asked.</returns>
    private static unsafe bool? TryStatMode(string path, out int mode)
    {
        mode = 0;
        // System.Native's FileStatus begins { int32 Flags; int32 Mode; ... }; the buffer is larger than the whole struct.
        var buffer = stackalloc byte[512];
        try
        {
            if (Stat(path, buffer) == 0)
            {
                mode = *(int*)(buffer + 4);
                return true;
            }
            return File.Exists(path) || Directory.Exists(path) ? null : false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* output);
}
