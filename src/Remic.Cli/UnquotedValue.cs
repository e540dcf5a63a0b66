using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Remic.Collateral;

namespace Remic.Cli;

/// <summary>
/// An option's value that the shell split at its spaces because it was not quoted: <c>--prepay 0..500 PPC step 25</c> reaches
/// the command as <c>--prepay 0..500</c> followed by the words <c>PPC</c>, <c>step</c> and <c>25</c>. Where a command's
/// argument takes any number of words (<c>remic grid</c>'s deals), those words would be read as arguments ("PPC: an existing
/// deal file or folder"), three misleading errors for one missing pair of quotes. This finds such words — speed units,
/// <c>step</c>, <c>for</c>, <c>then</c>, numbers, ranges, list separators, none of them an existing file — right after an
/// option's value, so the command reports the quotes and reads the value as the user meant it.
/// </summary>
internal static partial class UnquotedValue
{
    /// <summary>One split value: the option, its words as the shell passed them, and the value they make once quoted.</summary>
    public sealed record Split(string Option, IReadOnlyList<string> Words)
    {
        public string Joined => string.Join(' ', Words);

        /// <summary>The error: the words as received, and the option with its value in quotes.</summary>
        public Remic.Core.InputError Error => new(Option, 0, "", null,
            $"got {string.Join(' ', Words)} as {Words.Count} separate words (the shell splits a value at unquoted spaces); "
            + $"put the value in quotes: {Option} \"{Joined}\"");
    }

    /// <summary>The values of <paramref name="options"/> that continue into the words after them, in command-line order.</summary>
    public static IReadOnlyList<Split> Find(ParseResult parse, IEnumerable<Option> options)
    {
        var names = options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var tokens = parse.Tokens;
        var found = new List<Split>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Type != TokenType.Option || !names.Contains(tokens[i].Value) || tokens[i + 1].Type != TokenType.Argument) continue;
            var words = new List<string> { tokens[i + 1].Value };
            // An option of these takes one word: the argument words after it belong to the command's argument, unless they continue it.
            for (var j = i + 2; j < tokens.Count && tokens[j].Type == TokenType.Argument && Continues(tokens[j].Value); j++) words.Add(tokens[j].Value);
            if (words.Count > 1) found.Add(new Split(tokens[i].Value, words));
        }
        return found;
    }

    /// <summary>The command's argument words without those <paramref name="splits"/> took (each word once, as often as it was taken).</summary>
    public static string[] Without(IEnumerable<string> arguments, IReadOnlyList<Split> splits)
    {
        var taken = splits.SelectMany(s => s.Words.Skip(1)).ToList();
        var kept = new List<string>();
        foreach (var a in arguments)
            if (!taken.Remove(a)) kept.Add(a);
        return [.. kept];
    }

    /// <summary>A word of a speed, range or list, and not a file or folder that exists (a deal is never such a word).</summary>
    private static bool Continues(string word)
    {
        if (File.Exists(word) || Directory.Exists(word)) return false;
        var w = word.Trim(',', ';').ToUpperInvariant(); // a list's separator may cling to a word: "PPC;", "12,"
        return w.Length == 0 || Speed.PrepayUnits.Contains(w) || Speed.DefaultUnits.Contains(w) || w is "STEP" or "FOR" or "THEN"
            || ValueWord().IsMatch(w);
    }

    /// <summary>A number or a range (<c>5</c>, <c>1.5</c>, <c>0..20</c>, <c>5,10</c>): digits, dots, commas and semicolons.</summary>
    [GeneratedRegex(@"^[0-9.,;+-]+$")]
    private static partial Regex ValueWord();
}
