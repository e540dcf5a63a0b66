using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>
/// Gives each loan group declared with `tape:` its loans: the rows of that tape (path relative to the deal
/// file) whose `group` column names the group. Tape loans keep their own servicing fee and other fees; the
/// group's trustee and LPMI fees are added on top, as they are for inline rep lines.
/// </summary>
internal static class TapeGroups
{
    public static Deal Attach(Deal deal, string dealFile)
    {
        if (deal.Groups.All(g => g.TapePath is null)) return deal;
        var tapes = new Dictionary<string, IReadOnlyList<Loan>>(StringComparer.Ordinal);
        var groups = deal.Groups.Select(g =>
        {
            if (g.TapePath is null) return g;
            var path = Resolve(dealFile, g.TapePath);
            if (!File.Exists(path)) return g; // reported by semantic validation at the tape line
            if (!tapes.TryGetValue(path, out var loans)) tapes[path] = loans = TapeReader.ReadFile(path);
            var groupFees = (double)((g.TrusteeFee + g.LpmiFee) / 100);
            return g with
            {
                Loans = loans.Where(l => l.Group == g.Name).Select(l => l with { OtherFees = l.OtherFees + groupFees }).ToList(),
            };
        }).ToList();
        return deal with { Groups = groups };
    }

    /// <summary>A tape path as written in the deal file, relative to the deal file's folder.</summary>
    public static string Resolve(string dealFile, string tapePath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dealFile)) ?? ".", tapePath));
}
