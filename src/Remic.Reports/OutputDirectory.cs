namespace Remic.Reports;

/// <summary>
/// Writes a set of report files all-or-nothing: everything goes to a hidden staging folder beside
/// the target, which replaces the target only when every file is written.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private readonly string _target;
    private bool _committed;

    public string Staging { get; }

    public OutputDirectory(string target)
    {
        _target = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(_target) ?? ".";
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{Path.GetFileName(_target)}.partial-{Environment.ProcessId}");
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
        if (Directory.Exists(_target)) Directory.Delete(_target, recursive: true);
        Directory.Move(Staging, _target);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
