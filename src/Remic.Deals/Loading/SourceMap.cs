using Newtonsoft.Json.Linq;

namespace Remic.Deals.Loading;

/// <summary>Where each node of the deal file is: its path (classes[3].coupon) and its line and column.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<JToken, (string Path, int Line, int Column)> _byToken = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (int Line, int Column)> _byPath = new(StringComparer.Ordinal);

    public SourceMap(string file) => File = file;

    public string File { get; }

    internal void Add(JToken token, string path, int line, int column)
    {
        _byToken[token] = (path, line, column);
        _byPath.TryAdd(path, (line, column));
    }

    private readonly Dictionary<string, (int Line, int Column)> _keys = new(StringComparer.Ordinal);

    internal void AddKey(string path, int line, int column) => _keys.TryAdd(path, (line, column));

    /// <summary>Where a mapping key is written (for "unknown field" errors), else where its value is.</summary>
    public (int Line, int Column) KeyOf(string path) => _keys.TryGetValue(path, out var v) ? v : Of(path);

    public (string Path, int Line, int Column) Of(JToken token) =>
        _byToken.TryGetValue(token, out var v) ? v : ("", 0, 0);

    /// <summary>Line and column of a path, or of its nearest ancestor that exists (for missing fields).</summary>
    public (int Line, int Column) Of(string path)
    {
        var p = path;
        while (true)
        {
            if (_byPath.TryGetValue(p, out var v)) return v;
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0) return _byPath.TryGetValue("", out var root) ? root : (1, 1);
            p = p[..cut];
        }
    }
}
