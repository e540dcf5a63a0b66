using System.Text.RegularExpressions;
using Remic.Core;
using Remic.Deals.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Remic.Grid;

/// <summary>A YAML file of a folder that is not a deal file, and why (the grid says so on stderr and goes on).</summary>
public sealed record SkippedFile(string File, string Why);

/// <summary>
/// The deal files a grid's arguments name. A file named on the command line is a deal, whatever it holds (a file that
/// is not one is refused by the deal loader, located). A folder stands for the deal files under it: every
/// <c>.yaml</c>/<c>.yml</c> file (sub-folders included, hidden files and folders left out, ordinal order of path) whose
/// top level is a mapping with one of the deal format's own sections, <c>deal:</c>, <c>classes:</c> or
/// <c>waterfall:</c> (<c>groups:</c> alone is not enough: other tools' files use it). Any other YAML file is skipped
/// with its reason. A file whose text is not valid YAML is a deal when one of its lines starts, at the first column,
/// with one of those keys: a deal broken by a typo is then loaded and its error reported, never skipped.
/// </summary>
public static partial class GridDealFiles
{
    /// <summary>The top-level keys that make a YAML file a deal file.</summary>
    public static readonly IReadOnlyList<string> DealKeys = ["deal", "classes", "waterfall"];

    /// <summary>The deal files of <paramref name="args"/> (files as given, folders expanded); each folder's file that is not
    /// a deal goes to <paramref name="skipped"/> as it is found. A missing path, or a folder without any deal file, is an
    /// input error naming it.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> args, Action<SkippedFile> skipped)
    {
        var files = new List<string>();
        var errors = new List<InputError>();
        foreach (var a in args)
        {
            if (Directory.Exists(a))
            {
                var yaml = YamlFilesUnder(a);
                var deals = new List<string>();
                foreach (var f in yaml)
                {
                    if (WhyNotADeal(f) is { } why) skipped(new SkippedFile(f, why));
                    else deals.Add(f);
                }
                if (deals.Count == 0)
                    errors.Add(new InputError(a, 0, "", null, yaml.Count == 0
                        ? "a folder holding deal files (.yaml or .yml); it has none"
                        : $"a folder holding deal files (YAML with a top-level deal:, classes: or waterfall: section); none of its {yaml.Count} YAML file(s) is one"));
                files.AddRange(deals);
            }
            else if (File.Exists(a)) files.Add(a);
            else errors.Add(new InputError(a, 0, "", null, "an existing deal file or folder"));
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The .yaml/.yml files under a folder, hidden files and anything under a hidden folder left out, in ordinal order.</summary>
    private static List<string> YamlFilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml")
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p.StartsWith('.') && p is not ("." or "..")))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>Null when the file is a deal file (see the class); otherwise why it is not one, for the skip line.</summary>
    public static string? WhyNotADeal(string path)
    {
        var text = DealLoader.ReadText(path); // too large, not a regular file: an input error naming the file
        try
        {
            var keys = TopLevelKeys(text);
            if (keys is null) return "its top level is not a mapping of sections (not a deal file)";
            return keys.Any(k => DealKeys.Contains(k, StringComparer.Ordinal)) ? null
                : $"no top-level deal:, classes: or waterfall: section (it has {Listed(keys)}): not a deal file";
        }
        // YamlDotNet's own exceptions on broken text (an unclosed bracket or quote), as the deal loader catches them.
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            return DealKeyLine().IsMatch(text) ? null // a deal with broken YAML: loaded, so its error is reported
                : $"not valid YAML{(e is YamlException y ? $" (line {y.Start.Line}: {y.Message.Trim()})" : "")} and no line starting with deal:, classes: or waterfall:";
        }
    }

    /// <summary>The keys of the first document's top-level mapping; null when the top level is not a mapping (or the file is empty).</summary>
    private static List<string>? TopLevelKeys(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _)) return null;
        if (!parser.TryConsume<MappingStart>(out _)) return null;
        var keys = new List<string>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (parser.Current is Scalar s) keys.Add(s.Value);
            parser.SkipThisAndNestedEvents(); // the key
            parser.SkipThisAndNestedEvents(); // its value
        }
        return keys;
    }

    private static string Listed(List<string> keys) =>
        keys.Count == 0 ? "no keys" : string.Join(", ", keys.Take(5).Select(k => k + ":")) + (keys.Count > 5 ? ", …" : "");

    [GeneratedRegex(@"^[""']?(deal|classes|waterfall)[""']?[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex DealKeyLine();
}
