using System.Globalization;
using System.Text;

namespace Remic.Core;

/// <summary>How much of a user's file Remic will read: a size cap and a line-length cap, with the file's name for messages.</summary>
/// <param name="What">What the file should be, for messages: "deal file", "loan tape", "remittance file".</param>
public sealed record FileLimits(string What, long MaxBytes, int MaxLineLength)
{
    public const long MiB = 1024 * 1024;

    /// <summary>"a deal file", "an index file".</summary>
    public string A => ("aeiou".Contains(What[0]) ? "an " : "a ") + What;

    /// <summary>A deal file: a real one is tens of kilobytes; a line may hold a whole flow-style mapping.</summary>
    public static readonly FileLimits DealFile = new("deal file", 16 * MiB, 1 << 20);
    /// <summary>A loan tape: a million loans of a few hundred characters each.</summary>
    public static readonly FileLimits Tape = new("loan tape", 512 * MiB, 65_536);
    /// <summary>A servicer remittance: one line per loan.</summary>
    public static readonly FileLimits Remittance = new("remittance file", 512 * MiB, 65_536);
    /// <summary>An index file for --index: one row per month.</summary>
    public static readonly FileLimits IndexFile = new("index file", 16 * MiB, 65_536);
}

/// <summary>
/// Reads a file a user named, safely: regular files only (a FIFO would block forever and /dev/zero never ends),
/// at most <see cref="FileLimits.MaxBytes"/> bytes and <see cref="FileLimits.MaxLineLength"/> characters a line.
/// Every refusal is a <see cref="RemicInputException"/> naming the file and never quoting its content.
/// Also checks an output target before anything is written over it.
/// </summary>
public static class UserFile
{
    /// <summary>The file's bytes (at most the size cap), after checking it is a regular file.</summary>
    public static byte[] ReadBytes(string path, FileLimits limits, string? source = null)
    {
        source ??= path;
        var length = CheckReadable(path, limits, source);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new MemoryStream((int)Math.Min(length, limits.MaxBytes));
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > limits.MaxBytes) throw TooBig(limits, source, "more than that");
                buffer.Write(chunk, 0, n);
            }
            return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RemicInputException(source, 0, "", null, $"a readable {limits.What} ({e.Message})");
        }
    }

    /// <summary>The file as UTF-8 text (a byte-order mark dropped), after the size check and the line-length check.</summary>
    public static string ReadText(string path, FileLimits limits, string? source = null)
    {
        source ??= path;
        var bytes = ReadBytes(path, limits, source);
        var text = new UTF8Encoding(false, false).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        CheckLines(text, limits, source);
        return text;
    }

    /// <summary>Refuses a line longer than the cap, naming its number (the content is not quoted).</summary>
    public static void CheckLines(string text, FileLimits limits, string source)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            if (i - start > limits.MaxLineLength)
                throw new RemicInputException(source, line, "", null, string.Create(CultureInfo.InvariantCulture,
                    $"a line of at most {limits.MaxLineLength:N0} characters; this line of the {limits.What} is {i - start:N0} characters long"));
            line++;
            start = i + 1;
        }
    }

    /// <returns>The file's length as the file system reports it.</returns>
    private static long CheckReadable(string path, FileLimits limits, string source)
    {
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing:
                throw new RemicInputException(source, 0, "", null, $"the {limits.What} does not exist");
            case FileKind.Directory:
                throw new RemicInputException(source, 0, "", null, $"{limits.A}; this path is a directory");
            case FileKind.Special:
                throw new RemicInputException(source, 0, "", null,
                    $"a regular file as the {limits.What}; this path is a device, FIFO or socket, which Remic does not read");
        }
        long length;
        try { length = new FileInfo(path).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { length = 0; }
        if (length > limits.MaxBytes) throw TooBig(limits, source, string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes"));
        return length;
    }

    private static RemicInputException TooBig(FileLimits limits, string source, string size) =>
        new(source, 0, "", null, string.Create(CultureInfo.InvariantCulture,
            $"{limits.A} of at most {limits.MaxBytes:N0} bytes; this file is {size}"));

    /// <summary>
    /// Checks a path output is about to replace: it may be missing, a regular file, or (when
    /// <paramref name="directory"/>) a directory — never a device, FIFO or socket (as root, replacing /dev/null
    /// would turn the device into a file), and never the wrong one of file and directory.
    /// </summary>
    public static void CheckOutputTarget(string path, string option, bool directory)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Special)
            throw new RemicInputException(option, 0, "", path,
                $"{(directory ? "a new or existing directory" : "a new or existing regular file")}; this is a device, FIFO or socket, which Remic never writes over");
        if (directory && kind == FileKind.Regular)
            throw new RemicInputException(option, 0, "", path, "a directory for the output, not an existing file");
        if (!directory && kind == FileKind.Directory)
            throw new RemicInputException(option, 0, "", path, "a file path for the output; this is a directory");
    }
}
