namespace Remic.Reports;

/// <summary>
/// Writes several files into a directory that may hold other things (<c>run --out</c>, <c>trustee simulate --out</c>):
/// every file is first written to a staging folder beside the directory, and the directory shows the new set only when
/// all were written. A failure while writing (disk full, permissions) or a kill leaves the directory untouched.
/// The switch is one step where the system allows it: a new or empty directory is the staging folder renamed into
/// place; an existing directory of plain files is swapped whole (Linux RENAME_EXCHANGE) for a staging folder that also
/// holds a hard link to each of its other files. Otherwise (a directory holding folders or links, another system) the
/// staged files are moved in one by one from a <c>.NAME.commit-PID</c> folder, and a move a kill interrupted is finished
/// by the next write to the directory (<see cref="StagingFolder"/>).
/// </summary>
public sealed class OutputFiles : IDisposable
{
    /// <summary>Above this many entries a directory is not mirrored with hard links; its files are moved in one by one.</summary>
    private const int MaxMirrored = 10_000;

    private readonly string _target;
    private readonly List<string> _names = [];
    private bool _committed;

    public string Staging { get; }

    public OutputFiles(string directory)
    {
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(_target) ?? ".";
        if (!Directory.Exists(parent))
            throw new DirectoryNotFoundException($"the folder {parent} does not exist");
        StagingFolder.CleanStale(_target);
        Staging = StagingFolder.Partial(_target);
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        Directory.CreateDirectory(Staging);
    }

    public void Write(string name, string content)
    {
        File.WriteAllText(Path.Combine(Staging, name), content);
        _names.Add(name);
    }

    /// <summary>Stages a binary file (Parquet, xlsx) written by <paramref name="write"/>.</summary>
    public void Write(string name, Action<Stream> write)
    {
        using (var stream = File.Create(Path.Combine(Staging, name))) write(stream);
        _names.Add(name);
    }

    public IReadOnlyList<string> Names => _names;

    /// <summary>Puts every staged file into the directory (created if missing), replacing files of the same name.</summary>
    public void Commit()
    {
        if (!Directory.Exists(_target) && !File.Exists(_target))
        {
            try
            {
                Directory.Move(Staging, _target);
                _committed = true;
                return;
            }
            catch (IOException) when (Directory.Exists(_target)) { /* created meanwhile: replaced below */ }
        }
        if (TrySwap()) return;
        var commit = StagingFolder.Commit(_target);
        Directory.Move(Staging, commit);
        Directory.CreateDirectory(_target);
        foreach (var name in _names) File.Move(Path.Combine(commit, name), Path.Combine(_target, name), overwrite: true);
        _committed = true;
        Directory.Delete(commit, recursive: true);
    }

    /// <summary>The one-step replacement of an existing directory of plain files; false (nothing changed) where it cannot be done.</summary>
    private bool TrySwap()
    {
        if (new DirectoryInfo(_target).LinkTarget is not null) return false;
        var others = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(_target))
        {
            if (others.Count >= MaxMirrored || Core.FileKinds.Of(entry) != Core.FileKind.Regular || new FileInfo(entry).LinkTarget is not null) return false;
            if (!_names.Contains(Path.GetFileName(entry), StringComparer.Ordinal)) others.Add(entry);
        }
        var linked = new List<string>();
        foreach (var entry in others)
        {
            var link = Path.Combine(Staging, Path.GetFileName(entry));
            if (!AtomicRename.TryHardLink(entry, link)) { Unlink(linked); return false; }
            linked.Add(link);
        }
        AtomicRename.CopyMode(_target, Staging);
        if (AtomicRename.TryExchange(Staging, _target) || (others.Count == 0 && AtomicRename.TryReplaceEmpty(Staging, _target)))
        {
            _committed = true;
            // After an exchange the staging name holds the old directory (its other files are links to the same files).
            try { if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* removed by the next write (CleanStale) */ }
            return true;
        }
        Unlink(linked);
        return false;
    }

    private static void Unlink(List<string> links)
    {
        foreach (var l in links) File.Delete(l);
    }

    /// <summary>
    /// Writes one file whole or not at all: to <c>.NAME.partial-PID</c> beside it, then renamed over it. Staging a killed
    /// process left beside the same file is removed first.
    /// </summary>
    public static void WriteFile(string path, string content)
    {
        var full = Path.GetFullPath(path);
        StagingFolder.CleanStale(full);
        var tmp = StagingFolder.Partial(full);
        try
        {
            File.WriteAllText(tmp, content);
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
