namespace Remic.Reports;

/// <summary>
/// Writes a set of report files all-or-nothing: everything goes to a hidden staging folder beside the target, which
/// replaces the target only when every file is written, in one step: a new target is the staging folder renamed into
/// place, an existing one is swapped with it (Linux RENAME_EXCHANGE) and the old one deleted. Where a swap is not
/// available the old target is renamed aside, the new one renamed in, then the old one deleted; a kill between the
/// two renames leaves the old output aside, and the next write puts it back before anything else
/// (<see cref="StagingFolder"/>). A failure or a kill leaves the old output or the new one.
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
        if (Directory.Exists(_target) && new DirectoryInfo(_target).LinkTarget is null)
        {
            AtomicRename.CopyMode(_target, Staging);
            if (AtomicRename.TryExchange(Staging, _target))
            {
                _committed = true;
                // The staging name now holds the old output.
                try { Directory.Delete(Staging, recursive: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* removed by the next write (CleanStale) */ }
                return;
            }
        }
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
