namespace Remic.Reports;

/// <summary>
/// Writes several files into a directory that may hold other things (<c>run --out</c>, <c>trustee simulate --out</c>):
/// every file is first written to a staging folder beside the directory, and moved in (one rename each, no disk space
/// needed) only when all were written. A failure while writing (disk full, permissions) leaves the directory untouched.
/// </summary>
public sealed class OutputFiles : IDisposable
{
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

    /// <summary>Moves every staged file into the directory (created if missing), replacing files of the same name.</summary>
    public void Commit()
    {
        Directory.CreateDirectory(_target);
        foreach (var name in _names) File.Move(Path.Combine(Staging, name), Path.Combine(_target, name), overwrite: true);
        _committed = true;
        Directory.Delete(Staging, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
