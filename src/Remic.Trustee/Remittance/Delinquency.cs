namespace Remic.Trustee.Remittance;

/// <summary>A loan's delinquency status as the master servicer reports it (MBA method buckets).</summary>
public enum Delinquency { Current, Days30, Days60, Days90Plus, Foreclosure, Reo, Bankruptcy }

public static class DelinquencyCodes
{
    /// <summary>Codes as written in the remittance file, in statement order.</summary>
    public static readonly IReadOnlyList<(Delinquency Status, string Code)> All =
    [
        (Delinquency.Current, "current"), (Delinquency.Days30, "30"), (Delinquency.Days60, "60"),
        (Delinquency.Days90Plus, "90+"), (Delinquency.Foreclosure, "FC"), (Delinquency.Reo, "REO"), (Delinquency.Bankruptcy, "BK"),
    ];

    public const string Expected = "one of current, 30, 60, 90+, FC, REO, BK";

    public static bool TryParse(string text, out Delinquency status)
    {
        foreach (var (s, code) in All)
            if (string.Equals(code, text, StringComparison.OrdinalIgnoreCase)) { status = s; return true; }
        status = default;
        return false;
    }

    public static string Code(Delinquency s) => All.First(x => x.Status == s).Code;
}
