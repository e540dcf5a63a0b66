using System.CommandLine;
using Remic.Cli;

namespace Remic.Cli.Tests;

/// <summary>Runs `remic` in-process with stdout and stderr captured (no Console redirection, so tests may run in parallel).</summary>
internal static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Invoke(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A scratch directory removed when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("remic-cli-").FullName;
        public string File(string name, string? content = null)
        {
            var p = System.IO.Path.Combine(Path, name);
            if (content is not null) System.IO.File.WriteAllText(p, content);
            return p;
        }
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
