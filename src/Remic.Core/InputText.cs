using System.Globalization;
using System.Text;

namespace Remic.Core;

/// <summary>
/// Names and ids a user supplies (deal, class, group and loan names, deal ids, the audit actor) end up on
/// terminals, statements and the audit log. Control characters (Unicode category Cc: ANSI escapes, NUL,
/// newlines) and format characters (Cf: bidi overrides, zero-width joiners) could clear a screen or forge a
/// line there, so they are refused; and any text echoed in an error shows them escaped, never raw.
/// </summary>
public static class InputText
{
    public static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;

    /// <summary>Index of the first control or format character, or -1.</summary>
    public static int FirstHidden(string s)
    {
        for (var i = 0; i < s.Length; i++) if (IsHidden(s[i])) return i;
        return -1;
    }

    /// <summary>The text with every control or format character written as \uXXXX (safe to print anywhere).</summary>
    public static string Visible(string s)
    {
        if (FirstHidden(s) < 0) return s;
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
            if (IsHidden(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        return sb.ToString();
    }

    /// <summary>What a name with a hidden character is told, e.g. "a name without control or format characters (U+001B at character 1)".</summary>
    public static string HiddenExpected(string s)
    {
        var i = FirstHidden(s);
        return $"a name without control or format characters (U+{(int)s[i]:X4} at character {i + 1})";
    }

    /// <summary>The name unchanged, or an input error for <paramref name="option"/> when it holds a control or format character.</summary>
    public static string Name(string name, string option) =>
        FirstHidden(name) < 0 ? name : throw new RemicInputException(option, 0, "", name, HiddenExpected(name));
}
