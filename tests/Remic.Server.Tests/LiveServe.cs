using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Remic.Server.Tests;

/// <summary>
/// A live `remic serve --port 0` process (the CLI's apphost from this build), with its own deal store and SQLite ledger,
/// for the Python client and the browser tests. Its URL is read from the line `remic serve` prints.
/// </summary>
public sealed partial class LiveServe : IDisposable
{
    public const string Key = "live-key-31c9";
    public string Folder { get; } = Directory.CreateTempSubdirectory("remic-live-").FullName;
    public string Url { get; }
    public string Db => Path.Combine(Folder, "ledger.db");
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    public LiveServe()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "remic.exe" : "remic");
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var a in new[] { "serve", "--port", "0", "--store", Path.Combine(Folder, "store"), "--db", Db }) psi.ArgumentList.Add(a);
        psi.Environment["REMIC_API_KEY"] = Key;
        process = Process.Start(psi)!;
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (Serving().Match(e.Data) is { Success: true } m) ready.TrySetResult(m.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!ready.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            Dispose();
            throw new InvalidOperationException("remic serve did not start: " + Output);
        }
        Url = ready.Task.Result;
    }

    public string Output { get { lock (output) return output.ToString(); } }

    [GeneratedRegex(@"Remic is serving (http://127\.0\.0\.1:\d+)/app/")]
    private static partial Regex Serving();

    public void Dispose()
    {
        if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(10_000); }
        process.Dispose();
        try { Directory.Delete(Folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition("live")]
public sealed class LiveCollection : ICollectionFixture<LiveServe>;
