using System.Runtime.InteropServices;

namespace Remic.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for a command that stops cleanly (<c>remic grid</c>), while it runs:
/// <list type="bullet">
/// <item>the first signal cancels <see cref="Token"/> and keeps the process alive, so the command can finish what it writes and
/// say how to resume;</item>
/// <item>another within <see cref="Grace"/> of the first changes nothing: a second Ctrl-C pressed while it stops, or
/// <c>timeout</c>, which signals the child and then its whole process group;</item>
/// <item>a later one stops the process at once, by the signal's own action (exit 130 or 143), for a run that does not stop.</item>
/// </list>
/// Every other command keeps the signals' own action. System.CommandLine's handler is off (<see cref="Program.Invoke"/>): under
/// two signals it completed one task twice and the process died with a stack trace (exit 134, System.CommandLine 3.0.0).
/// Nothing here throws: a handler runs on a thread of its own, where an exception would end the process.
/// </summary>
internal sealed class CliInterrupt : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    // Never disposed: a handler already started when the registrations are disposed may still cancel it.
    private readonly CancellationTokenSource cts = new();
    private readonly PosixSignalRegistration[] registrations;
    private readonly TextWriter err;
    private readonly string command;
    private long firstAt = -1;
    private int signal;

    public CliInterrupt(TextWriter err, string command)
    {
        this.err = err;
        this.command = command;
        registrations = [.. Register(PosixSignal.SIGINT), .. Register(PosixSignal.SIGTERM)];
    }

    /// <summary>A signal the platform cannot report is left to its own action.</summary>
    private PosixSignalRegistration[] Register(PosixSignal s)
    {
        try { return [PosixSignalRegistration.Create(s, On)]; }
        catch (PlatformNotSupportedException) { return []; }
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => cts.Token;

    /// <summary>The exit code of a run the first signal stopped: 130 for SIGINT, 143 for SIGTERM (128 + the signal's number).</summary>
    public int ExitCode => Volatile.Read(ref signal) == (int)PosixSignal.SIGTERM ? 143 : 130;

    private void On(PosixSignalContext context)
    {
        var now = Environment.TickCount64;
        var first = Interlocked.CompareExchange(ref firstAt, now, -1);
        if (first == -1)
        {
            Volatile.Write(ref signal, (int)context.Signal);
            context.Cancel = true;
            try { cts.Cancel(); }
            catch (Exception) { /* a callback's error: the command sees the token cancelled all the same */ }
            return;
        }
        if (now - first < (long)Grace.TotalMilliseconds)
        {
            context.Cancel = true;
            return;
        }
        try { err.WriteLine($"\n{command}: stopped at once by a second signal; what was written before it is kept (run the same command with --resume)"); }
        catch (Exception) { /* the process ends next whatever the terminal does */ }
    }

    public void Dispose()
    {
        foreach (var r in registrations) r.Dispose();
    }
}
