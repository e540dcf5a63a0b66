using System.CommandLine;
using Remic.Core;

namespace Remic.Cli;

/// <summary>What every command does around its work: input errors to stderr with exit code 2, conservation failures with 3, and output files written whole or not at all.</summary>
internal static class CliRun
{
    public const int InputErrorExit = 2, ConservationExit = 3;

    /// <summary>At most this many input errors are printed, then "… and N more" (the first ones are the root causes).</summary>
    public const int MaxErrorsShown = 20;

    public static int Guard(ParseResult parse, Func<TextWriter, int> body)
    {
        var err = parse.InvocationConfiguration.Error;
        try { return body(parse.InvocationConfiguration.Output); }
        catch (RemicInputException e)
        {
            foreach (var x in e.Errors.Take(MaxErrorsShown)) err.WriteLine($"error: {x}");
            if (e.Errors.Count > MaxErrorsShown) err.WriteLine($"error: … and {e.Errors.Count - MaxErrorsShown} more");
            return InputErrorExit;
        }
        catch (ConservationException e)
        {
            err.WriteLine($"conservation check failed (a bug, please report it): {e.Message}");
            return ConservationExit;
        }
    }

    /// <summary>Writes the text to stdout, or to <paramref name="path"/> via a temporary file moved into place.</summary>
    public static void Emit(TextWriter stdout, string? path, string text)
    {
        if (string.IsNullOrEmpty(path)) { stdout.Write(text); return; }
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new RemicInputException("--out", 0, "", path, "a file in an existing directory");
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(tmp, text);
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(tmp);
            throw new RemicInputException("--out", 0, "", path, $"a writable file ({e.Message})");
        }
        stdout.WriteLine($"wrote {path}");
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
