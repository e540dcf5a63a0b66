using System.Diagnostics;

namespace Remic.Trustee.Tests.Support;

/// <summary>Runs the close helper (tests/Remic.Trustee.CloseHelper) as a separate OS process.</summary>
public sealed class Child : IDisposable
{
    public Process Process { get; }
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<string> _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Child(Process p) => Process = p;

    public static Child StartClose(TestLedger ledger, string dealId, string period, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Remic.Trustee.CloseHelper.dll"));
        psi.ArgumentList.Add(ledger.ConnectionArgument);
        psi.ArgumentList.Add(dealId);
        psi.ArgumentList.Add(period);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var p = new Process { StartInfo = psi };
        var child = new Child(p);
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._lines) child._lines.Add(e.Data);
            if (e.Data.StartsWith("PAUSED", StringComparison.Ordinal)) child._paused.TrySetResult(e.Data);
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (child._lines) child._lines.Add("stderr: " + e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return child;
    }

    public string WaitPaused(TimeSpan timeout)
    {
        if (!_paused.Task.Wait(timeout)) throw new TimeoutException("close helper did not reach its pause point: " + Output);
        return _paused.Task.Result;
    }

    /// <summary>SIGKILL on Unix: no finally blocks, no disposal, no rollback by the process itself.</summary>
    public void Kill()
    {
        try { Process.Kill(); } catch (InvalidOperationException) { }
        Process.WaitForExit();
    }

    public int Wait(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout)) { Kill(); throw new TimeoutException("close helper did not finish: " + Output); }
        Process.WaitForExit();
        return Process.ExitCode;
    }

    public string Output { get { lock (_lines) return string.Join("\n", _lines); } }

    public void Dispose()
    {
        if (!Process.HasExited) Kill();
        Process.Dispose();
    }
}
