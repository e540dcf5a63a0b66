using System.Text;

namespace Remic.Reports.Book;

/// <summary>File-name stems from class and table names: lower case letters, digits and dashes ("1-A-1" → "1-a-1").</summary>
internal static class Stems
{
    public static string Of(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var s = sb.ToString().Trim('-');
        return s.Length == 0 ? "x" : s;
    }
}
