namespace Remic.Reports;

/// <summary>
/// Writes a set of report files all-or-nothing: everything goes to a hidden staging folder beside the target, which
/// replaces the target only when every file is written: the old target is renamed aside, the new one renamed in, then
/// the old one deleted — a failure or a kill at any point leaves either the old output or the new one, and the next
/// write tidies what a killed one left (<see cref="StagingFolder"/>).
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private readonly string _target;
    private bool _committed;

    public string Staging { get; }

    public OutputDirectory(string target)
    {
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(_target) ?? ".";
        Directory.CreateDirectory(parent);
        StagingFolder.CleanStale(_target);
        Staging = StagingFolder.Partial(_target);
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        Directory.CreateDirectory(Staging);
    }

    public string PathOf(string relative)
    {
        var p = Path.Combine(Staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        return p;
    }

    public void Write(string relative, string content) => File.WriteAllText(PathOf(relative), content);

    public void Commit()
    {
        var old = StagingFolder.Old(_target);
        var aside = Directory.Exists(_target);
        if (aside)
        {
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            Directory.Move(_target, old);
        }
        try
        {
            Directory.Move(Staging, _target);
        }
        catch
        {
            if (aside) Directory.Move(old, _target);
            throw;
        }
        _committed = true;
        if (aside)
        {
            try { Directory.Delete(old, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* removed by the next write (CleanStale) */ }
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
