using Remic.Reports;

namespace Remic.Cli;

/// <summary>`run --out DIR`: the report's files written into the directory, all of them or none (<see cref="CliRun.WriteFiles"/>).</summary>
internal static class RunReportOutput
{
    public static void Write(this RunReport report, string format, string dir, TextWriter stdout)
    {
        var (texts, binaries) = report.Files(format);
        var names = CliRun.WriteFiles(dir, texts, binaries);
        stdout.WriteLine($"wrote {string.Join(", ", names)} to {dir}");
    }
}
