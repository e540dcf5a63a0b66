namespace Remic.Core;

/// <summary>
/// A name a user typed (a class, a group) matched to the names a file defines: exactly, else ignoring case when
/// that picks one name, else an input error that lists the closest names ("did you mean 1-A-1?") and then all of them.
/// </summary>
public static class NameMatch
{
    /// <summary>The defined name <paramref name="typed"/> stands for.</summary>
    /// <param name="source">Where the name was typed (e.g. "--class").</param>
    /// <param name="what">What the name should be, e.g. "a class of the deal".</param>
    public static string Resolve(string typed, IReadOnlyList<string> names, string source, string what) =>
        TryResolve(typed, names, out var name) ? name : throw new RemicInputException(Error(typed, names, source, what));

    public static bool TryResolve(string typed, IReadOnlyList<string> names, out string name)
    {
        var t = typed.Trim();
        name = names.FirstOrDefault(n => n == t) ?? "";
        if (name.Length > 0) return true;
        var folded = names.Where(n => string.Equals(n, t, StringComparison.OrdinalIgnoreCase)).ToList();
        if (folded.Count == 1) { name = folded[0]; return true; }
        return false;
    }

    public static InputError Error(string typed, IReadOnlyList<string> names, string source, string what)
    {
        var close = Suggestions(typed, names);
        var hint = close.Count > 0 ? $"; did you mean {string.Join(" or ", close)}?" : "";
        return new InputError(source, 0, "", typed, $"{what}{hint} (one of {string.Join(", ", names)})");
    }

    /// <summary>The closest names (up to three, in the file's order), compared ignoring case, spaces, dashes and
    /// underscores ("1a1" → 1-A-1), within an edit distance of a third of the typed length (at least 1); none when
    /// nothing is that close.</summary>
    public static IReadOnlyList<string> Suggestions(string typed, IReadOnlyList<string> names)
    {
        static string Key(string s) => new(s.Where(ch => ch is not (' ' or '-' or '_')).Select(char.ToUpperInvariant).ToArray());
        var t = Key(typed);
        var limit = Math.Max(1, t.Length / 3);
        var near = names.Select(n => (Name: n, D: Distance(t, Key(n)))).Where(x => x.D <= limit).ToList();
        if (near.Count == 0) return [];
        var best = near.Min(x => x.D);
        return near.Where(x => x.D == best).Take(3).Select(x => x.Name).ToList();
    }

    /// <summary>Levenshtein distance (insert, delete, substitute, each 1).</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
