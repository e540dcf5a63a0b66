using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;

namespace Remic.Server;

/// <summary>A deal the server knows: an example it ships or a file uploaded to it.</summary>
public sealed record StoredDeal(string Id, bool Example, string Text, Deal Deal, DateTimeOffset Added);

/// <summary>
/// The server's deal store: one folder per deal (<c>STORE/ID/deal.yaml</c>, with the strats tape an example names).
/// A deal file is loaded from its own folder, so the tapes it names resolve there and nowhere else: the loader refuses
/// absolute paths and <c>../</c> out of the deal file's folder, and an uploaded deal's folder holds only its YAML.
/// Error messages name the file <c>deal.yaml</c>, never the server's paths.
/// </summary>
public sealed class DealStore
{
    public const string DealFileName = "deal.yaml";
    private readonly string root;
    private readonly int max;
    private readonly ConcurrentDictionary<string, StoredDeal> deals = new(StringComparer.Ordinal);
    private readonly object writing = new();

    public DealStore(string root, int maxDeals)
    {
        this.root = Path.GetFullPath(root);
        max = maxDeals;
        Directory.CreateDirectory(this.root);
    }

    public string Root => root;

    /// <summary>Every deal, examples first, then uploads in the order they came.</summary>
    public IReadOnlyList<StoredDeal> All => deals.Values.OrderByDescending(d => d.Example).ThenBy(d => d.Added).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

    public StoredDeal Get(string id) => deals.TryGetValue(id, out var d) ? d : throw ProblemException.NotFound("deal", id);

    /// <summary>Writes the example deals this build embeds into the store and loads them; then loads the uploads kept from earlier runs.</summary>
    public void Start()
    {
        var asm = typeof(DealStore).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("examples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var parts = name.Split('/');
            if (parts.Length != 3) continue;
            var id = parts[2] == "structures.yaml" ? parts[1] + "-structures" : parts[1];
            var file = parts[2] is "deal.yaml" or "structures.yaml" ? DealFileName : parts[2];
            var dir = Path.Combine(root, id);
            Directory.CreateDirectory(dir);
            using var s = asm.GetManifestResourceStream(name)!;
            using var f = File.Create(Path.Combine(dir, file));
            s.CopyTo(f);
        }
        var examples = asm.GetManifestResourceNames().Where(n => n.StartsWith("examples/", StringComparison.Ordinal) && (n.EndsWith("/deal.yaml") || n.EndsWith("/structures.yaml")))
            .Select(n => n.Split('/')).Select(p => p[2] == "structures.yaml" ? p[1] + "-structures" : p[1]).ToHashSet();
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(dir);
            var path = Path.Combine(dir, DealFileName);
            if (id.StartsWith('.') || !File.Exists(path)) continue;
            var text = File.ReadAllText(path);
            try { deals[id] = new StoredDeal(id, examples.Contains(id), text, Load(text, path), File.GetLastWriteTimeUtc(path)); }
            catch (RemicInputException) when (!examples.Contains(id)) { } // an upload a newer Remic no longer accepts: left on disk, not served
        }
    }

    /// <summary>Checks a deal file as an upload would be checked, without keeping it.</summary>
    public Deal Validate(string text)
    {
        var dir = Path.Combine(root, ".validate", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try { return Load(text, Path.Combine(dir, DealFileName)); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>Validates and keeps an uploaded deal file; the same text uploaded twice is the same deal.</summary>
    public (StoredDeal Deal, bool Created) Add(string text)
    {
        var deal = Validate(text);
        var id = IdOf(deal, text);
        lock (writing)
        {
            if (deals.TryGetValue(id, out var known)) return (known, false);
            if (deals.Values.Count(d => !d.Example) >= max)
                throw ProblemException.Limit("deals", $"the store holds at most {max} uploaded deals");
            var dir = Path.Combine(root, id);
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, DealFileName);
            File.WriteAllText(path, text);
            var stored = new StoredDeal(id, false, text, Load(text, path), DateTimeOffset.UtcNow);
            deals[id] = stored;
            return (stored, true);
        }
    }

    /// <summary>"cwalt-2004-j4-3f2a9c1b": the deal's series (else trust name) as a slug, and the first 8 hex digits of the file's SHA-256.</summary>
    public static string IdOf(Deal deal, string text)
    {
        var name = string.IsNullOrWhiteSpace(deal.Metadata.Series) ? deal.Metadata.TrustName : deal.Metadata.Series;
        var slug = new StringBuilder();
        foreach (var ch in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) slug.Append(ch);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
        var s = slug.ToString().Trim('-');
        return s.Length == 0 ? "deal-" + hash : s + "-" + hash;
    }

    /// <summary>Loads the file from its folder in the store; errors name "deal.yaml" and no folder of the server.</summary>
    private static Deal Load(string text, string path)
    {
        try { return DealLoader.LoadText(text, path); }
        catch (RemicInputException e)
        {
            var folder = Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar;
            string Clean(string s) => s.Replace(path, DealFileName, StringComparison.Ordinal).Replace(folder, "", StringComparison.Ordinal);
            throw new RemicInputException(e.Errors.Select(x => x with { Source = Clean(x.Source), Expected = Clean(x.Expected), Value = x.Value is null ? null : Clean(x.Value) }).ToList());
        }
    }
}
