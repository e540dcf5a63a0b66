using System.Globalization;

namespace Remic.Trustee.Ledger;

/// <summary>Timestamps are stored as ISO-8601 UTC text on both databases (sortable, no time-zone ambiguity).</summary>
public static class Clock
{
    public static string NowText() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
