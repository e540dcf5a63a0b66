using System.Globalization;
using System.Text.RegularExpressions;

namespace Remic.Cli;

/// <summary>
/// The top-level handler: an exception no command expected becomes one line on stderr, "internal error: … (please report;
/// details in FILE)", and exit code 70, with the stack trace and command line kept in a log file for the report.
/// No user input should ever reach it: every bad input has its own message.
/// </summary>
internal static partial class InternalError
{
    /// <summary>A password in a --db connection string is never written to the log.</summary>
    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*[^;\s""]*")]
    private static partial Regex Password();

    /// <summary>Environment variable naming the folder for internal-error logs (default: remic/ under the temp folder).</summary>
    public const string LogFolderVariable = "REMIC_LOG_DIR";

    public static int Report(TextWriter err, Exception e)
    {
        var summary = $"{e.GetType().Name}: {Password().Replace(FirstLine(e.Message), "$1=***")}";
        string where;
        try
        {
            var dir = Environment.GetEnvironmentVariable(LogFolderVariable) is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "remic");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture,
                $"internal-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.log"));
            File.WriteAllText(file, Password().Replace(string.Join('\n',
                $"time: {DateTime.UtcNow:O}",
                $"remic: {typeof(InternalError).Assembly.GetName().Version}",
                $"runtime: {Environment.Version} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
                $"command line: {string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ') ? $"\"{a}\"" : a))}",
                "", e.ToString(), ""), "$1=***"));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            where = $"details in {file}";
        }
        catch (Exception logFailure) when (logFailure is IOException or UnauthorizedAccessException)
        {
            where = $"no log written: {FirstLine(logFailure.Message)}";
        }
        err.WriteLine($"internal error: {summary} (please report; {where})");
        return CliRun.InternalErrorExit;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..197] + "...";
    }
}
