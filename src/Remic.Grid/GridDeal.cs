using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;

namespace Remic.Grid;

/// <summary>
/// A deal as it travels between processes: its file name, its YAML text, and the files it reads (its groups' tapes,
/// its strats tape) keyed by the path as the deal file writes it. <see cref="Load"/> builds the <see cref="Deal"/>
/// from these alone, never from the disk, so a deal loads the same on every machine.
/// </summary>
public sealed class GridDeal
{
    /// <summary>The deal file's name as given (used in messages and to resolve the tapes' paths).</summary>
    public string File { get; }
    public string Text { get; }
    /// <summary>Each file the deal reads, keyed as the deal file names it ("tape.csv", "../tapes/g1.csv").</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    [JsonConstructor]
    public GridDeal(string file, string text, IReadOnlyDictionary<string, byte[]>? files)
    {
        File = file;
        Text = text;
        Files = new SortedDictionary<string, byte[]>(files?.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) ?? [], StringComparer.Ordinal);
        Hash = ComputeHash();
    }

    /// <summary>SHA-256 (lower-case hex) over the name, the text and every file (name and bytes, in ordinal order of name).</summary>
    [JsonIgnore]
    public string Hash { get; }

    /// <summary>Reads a deal file and the files it names; the deal is loaded once here so a bad deal is reported
    /// (file, line, field) before any work.</summary>
    public static GridDeal Read(string path)
    {
        var text = DealLoader.ReadText(path);
        var deal = DealLoader.LoadText(text, path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in Named(deal))
        {
            var full = DealLoader.ResolvePath(path, name);
            if (System.IO.File.Exists(full)) files[name] = UserFile.ReadBytes(full, FileLimits.Tape); // a strats tape may be absent
        }
        return new GridDeal(path, text, files) { classNames = deal.Classes.Select(c => c.Name).ToArray() };
    }

    private string[]? classNames;
    /// <summary>The deal's classes in file order (the rows of each scenario); loads the deal the first time when it was not read from disk.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ClassNames => classNames ??= Load().Classes.Select(c => c.Name).ToArray();

    /// <summary>The deal, from <see cref="Text"/> and <see cref="Files"/> only.</summary>
    public Deal Load()
    {
        var byPath = Files.ToDictionary(kv => DealLoader.ResolvePath(File, kv.Key), kv => kv.Value, StringComparer.Ordinal);
        return DealLoader.LoadText(Text, File, p => byPath.TryGetValue(p, out var bytes) ? bytes
            : throw new FileNotFoundException($"the grid's copy of deal {File} has no file {p}", p));
    }

    private static IEnumerable<string> Named(Deal deal) =>
        deal.Groups.Where(g => g.TapePath is not null).Select(g => g.TapePath!)
            .Concat(deal.StratsTapePath is { } s ? [s] : []).Distinct(StringComparer.Ordinal);

    private string ComputeHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(byte[] bytes) { sha.AppendData(BitConverter.GetBytes((long)bytes.Length)); sha.AppendData(bytes); }
        Add(Encoding.UTF8.GetBytes(File));
        Add(Encoding.UTF8.GetBytes(Text));
        foreach (var (name, bytes) in Files) { Add(Encoding.UTF8.GetBytes(name)); Add(bytes); }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
