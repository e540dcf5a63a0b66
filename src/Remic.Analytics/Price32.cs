using System.Globalization;
using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// A price in percent of face, as traders write it: "99-16" = 99 16/32, "99-16+" = 99 16.5/32,
/// "99-162" = 99 16.25/32 (a third digit counts eighths of a 32nd, 0–7), or a decimal "99.5".
/// Held exactly as a decimal so that every 1/256 (and every decimal typed) round-trips.
/// </summary>
public readonly record struct Price32(decimal Value) : IComparable<Price32>
{
    private const string Expected =
        "expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')";

    private static readonly string OutOfRange = $"a price above {Domains.MaxPrice:0} is out of range";

    public double ToDouble() => (double)Value;

    public int CompareTo(Price32 other) => Value.CompareTo(other.Value);

    public static implicit operator double(Price32 p) => (double)p.Value;

    /// <summary>True when the price is a whole number of 256ths, so it prints in 32nds.</summary>
    public bool IsIn256ths => decimal.Truncate(Value * 256) == Value * 256;

    /// <summary>"99-16", "99-16+", "99-162"; prices off the 1/256 grid print as a decimal.</summary>
    public override string ToString() => IsIn256ths && Value >= 0 ? To32nds() : ToDecimalString();

    private string To32nds()
    {
        var ticks = (long)(Value * 256);
        long handle = ticks / 256, rest = ticks % 256, n32 = rest / 8, eighths = rest % 8;
        var tail = eighths switch { 0 => "", 4 => "+", _ => eighths.ToString(CultureInfo.InvariantCulture) };
        return $"{handle}-{n32:D2}{tail}";
    }

    /// <summary>Exact decimal form without trailing zeros, e.g. "99.515625" (a 256th needs at most 8 places).</summary>
    public string ToDecimalString() => Value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static Price32 FromDouble(double value) => new((decimal)value);

    public static Price32 Parse(string? text, string source = "--price")
    {
        if (TryParse(text, out var p, out var why)) return p;
        throw new RemicInputException(source, 0, "", text ?? "", why is null ? Expected : $"{why}; {Expected}");
    }

    public static bool TryParse(string? text, out Price32 price) => TryParse(text, out price, out _);

    private static bool TryParse(string? text, out Price32 price, out string? why)
    {
        price = default;
        why = null;
        if (string.IsNullOrWhiteSpace(text)) { why = "the price is empty"; return false; }
        var s = text.Trim();
        var dash = s.IndexOf('-');
        if (dash < 0)
        {
            if (s.Length > 40 || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return false;
            if (d > Domains.MaxPrice) { why = OutOfRange; return false; }
            price = new Price32(d);
            return true;
        }
        var head = s[..dash];
        var tail = s[(dash + 1)..];
        if (head.Length == 0 && dash == 0) { why = "a price cannot be negative"; return false; }
        if (!long.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var handle)) return false;
        if (handle >= Domains.MaxPrice) { why = OutOfRange; return false; }
        if (tail.Length < 2 || !char.IsAsciiDigit(tail[0]) || !char.IsAsciiDigit(tail[1])) { why = "the 32nds need two digits, 00 to 31"; return false; }
        var n32 = (tail[0] - '0') * 10 + (tail[1] - '0');
        if (n32 > 31) { why = $"{n32} is not a number of 32nds (00 to 31)"; return false; }
        var eighths = 0;
        if (tail.Length == 3)
        {
            var c = tail[2];
            if (c == '+') eighths = 4;
            else if (c is >= '0' and <= '7') eighths = c - '0';
            else { why = $"'{c}' after the 32nds must be '+' or a digit 0 to 7 (eighths of a 32nd)"; return false; }
        }
        else if (tail.Length > 3) { why = "too many characters after the 32nds"; return false; }
        price = new Price32(handle + (n32 * 8 + eighths) / 256m);
        return true;
    }
}
