using System.CommandLine;
using Remic.Core;

namespace Remic.Cli;

/// <summary>
/// What every command does around its work: input errors to stderr with exit code 2, conservation failures with 3,
/// an unusable ledger with 69, anything unexpected as one line with 70 (details in a log file), and output files
/// written whole or not at all.
/// </summary>
internal static class CliRun
{
    /// <summary>Bad input: a file, option or value the user can fix (sysexits EX_DATAERR is 65; Remic has always used 2).</summary>
    public const int InputErrorExit = 2;
    /// <summary>`remic trustee reconcile`: the filed statement and the ledger (or the filing's own figures) disagree somewhere.</summary>
    public const int BreaksFoundExit = 1;
    /// <summary>A conservation check failed: a bug in Remic or its figures.</summary>
    public const int ConservationExit = 3;
    /// <summary>The ledger cannot be used now (locked, read-only, damaged, newer, unreachable): sysexits EX_UNAVAILABLE.</summary>
    public const int LedgerUnavailableExit = 69;
    /// <summary>An unexpected exception: sysexits EX_SOFTWARE.</summary>
    public const int InternalErrorExit = 70;

    public static int Guard(ParseResult parse, Func<TextWriter, int> body)
    {
        var err = parse.InvocationConfiguration.Error;
        try { return body(parse.InvocationConfiguration.Output); }
        catch (RemicInputException e)
        {
            // RemicInputException keeps at most RemicInputException.MaxShown errors (root causes first) and a line counting the rest.
            foreach (var x in e.Errors) err.WriteLine($"error: {x}");
            return InputErrorExit;
        }
        catch (ConservationException e)
        {
            err.WriteLine($"conservation check failed (a bug, please report it): {e.Message}");
            return ConservationExit;
        }
        catch (Exception e)
        {
            return InternalError.Report(err, e);
        }
    }

    /// <summary>Refuses an --out file path before any work is recorded: its folder must exist, and it must be new or a regular file (never a device, FIFO or directory).</summary>
    public static void CheckOutFile(string? path)
    {
        if (string.IsNullOrEmpty(path)) return;
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(Path.GetDirectoryName(full))) throw new RemicInputException("--out", 0, "", path, "a file in an existing directory");
        UserFile.CheckOutputTarget(path, "--out", directory: false);
    }

    /// <summary>
    /// Writes the text to stdout, or to <paramref name="path"/> via a hidden file beside it renamed into place
    /// (<see cref="Remic.Reports.OutputFiles.WriteFile"/>: one a killed run left is removed by the next write).
    /// </summary>
    public static void Emit(TextWriter stdout, string? path, string text)
    {
        if (string.IsNullOrEmpty(path)) { stdout.Write(text); return; }
        CheckOutFile(path);
        try { Remic.Reports.OutputFiles.WriteFile(path, text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RemicInputException("--out", 0, "", path, $"a writable file ({e.Message})");
        }
        stdout.WriteLine($"wrote {path}");
    }

    /// <summary>
    /// Writes files into an --out directory all together (<see cref="Remic.Reports.OutputFiles"/>): each is staged beside
    /// the directory and moved in only when all are written. Returns the names written.
    /// </summary>
    public static IReadOnlyList<string> WriteFiles(string dir, IEnumerable<(string Name, string Text)> files,
        IEnumerable<(string Name, Action<Stream> Write)>? binaries = null)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        UserFile.CheckOutputTarget(dir, "--out", directory: true);
        if (!Directory.Exists(Path.GetDirectoryName(full))) throw new RemicInputException("--out", 0, "", dir, "a directory in an existing folder");
        return Writing(dir, () =>
        {
            using var output = new Remic.Reports.OutputFiles(full);
            foreach (var (name, text) in files)
            {
                UserFile.CheckOutputTarget(Path.Combine(dir, name), "--out", directory: false);
                output.Write(name, text);
            }
            foreach (var (name, write) in binaries ?? [])
            {
                UserFile.CheckOutputTarget(Path.Combine(dir, name), "--out", directory: false);
                output.Write(name, write);
            }
            output.Commit();
            return output.Names;
        });
    }

    /// <summary>Runs a write to <paramref name="path"/>, reporting a file-system failure as bad --out input.</summary>
    public static T Writing<T>(string path, Func<T> write)
    {
        try { return write(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RemicInputException("--out", 0, "", path, $"a writable directory ({e.Message})");
        }
    }
}
