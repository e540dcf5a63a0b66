using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Trustee.Ledger;
using Dapper;

namespace Remic.Trustee.Registry;

/// <summary>
/// `remic trustee init`: a deal file (parsed and validated by <see cref="DealLoader"/>) as the ledger registers it.
/// The trustee tracks single loans, so an inline rep line standing for n loans (its <c>loan_count</c>; without one,
/// its balance / <see cref="TypicalLoanBalance"/>) becomes n loans of equal balance (ids "LINE-001".., the odd cents
/// on the first ones); a tape's loans are taken as they are. `init` and `simulate` expand alike, so the simulated
/// remittances name the registered loans.
/// </summary>
public static class DealFile
{
    public static DealRegistration Registration(string path, string? dealId = null)
    {
        // Read once: the text registered is exactly the text validated, and so are the tapes (loaded again from the
        // bytes the ledger will store; DealTapes).
        var text = DealLoader.ReadText(path);
        var deal = DealLoader.LoadText(text, path);
        var tapes = DealTapes.ReadFromDisk(deal, path);
        if (tapes.Count > 0) deal = DealTapes.Load(text, path, tapes);
        // The full path is kept: the stored tapes are known by their path resolved against it.
        return Registration(deal, Path.GetFullPath(path), text, dealId) with { Tapes = tapes };
    }

    /// <summary>
    /// A rep line without <c>loan_count</c> stands for its balance / this many dollars of loans: about the average
    /// loan of a 2004 CWALT fixed-rate Alt-A pool (conforming-balance "CB" pools run lower, pools with jumbo loans
    /// higher). An assumption, stated wherever it is used; give <c>loan_count</c> to override it.
    /// </summary>
    public const decimal TypicalLoanBalance = 200_000m;

    public static DealRegistration Registration(Deal deal, string fileName, string content, string? dealId = null)
    {
        var id = string.IsNullOrWhiteSpace(dealId) ? DefaultId(deal) : InputText.Name(dealId.Trim(), "--deal-id");
        var expansions = new List<RepLineExpansion>();
        var loans = deal.Groups.SelectMany(g => g.TapePath is null ? g.Loans.SelectMany(l => Expand(l, expansions)) : g.Loans.Select(l => l with { Group = g.Name })).ToList();
        var classes = deal.Classes.Select(k => new ClassDefinition(k.Name, k.OriginalBalance)).ToList();
        var reg = new DealRegistration(id, fileName, content, Period.Of(deal.Metadata.FirstDistributionDate), loans, classes, expansions);
        BalanceCheck.Verify(deal, reg);
        return reg;
    }

    /// <summary>One line per expanded rep line, for the user: "group 1 rep line 1-a: 120,000,000.00 as 600 loans (loan_count)".</summary>
    public static IEnumerable<string> Describe(IEnumerable<RepLineExpansion> expansions) => expansions.Select(e =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"group {e.Group} rep line {e.RepLine}: {e.Balance:N2} as {e.Loans:N0} loans of equal balance ") +
        (e.Stated ? "(its loan_count)" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"(no loan_count: balance / {TypicalLoanBalance:N0}, a typical Alt-A loan)")));

    /// <summary>How many loans a rep line stands for: its loan_count, else balance / <see cref="TypicalLoanBalance"/> (at least 1).</summary>
    public static int LoansOf(Loan line) => line.LoanCountStated
        ? Math.Max(1, (int)Math.Round(line.LoanCount))
        : Math.Max(1, (int)Math.Round(Money.ToCents(line.Balance) / TypicalLoanBalance, MidpointRounding.AwayFromZero));

    /// <summary>The deal file's series (e.g. "2004-S1"), else its trust name without spaces.</summary>
    public static string DefaultId(Deal deal) =>
        !string.IsNullOrWhiteSpace(deal.Metadata.Series) ? deal.Metadata.Series.Trim() : deal.Metadata.TrustName.Replace(' ', '-');

    /// <summary>The deal as registered: parsed again from the deal file text and the tapes the ledger keeps (<see cref="DealTapes"/>).</summary>
    public static Deal FromLedger(LedgerDb db, string dealId) => DealTapes.FromLedger(db, dealId);

    private static IEnumerable<Loan> Expand(Loan line, List<RepLineExpansion> expansions)
    {
        var n = LoansOf(line);
        expansions.Add(new RepLineExpansion(line.Group, line.Id, Money.ToCents(line.Balance), n, line.LoanCountStated));
        if (n == 1) { yield return line with { LoanCount = 1 }; yield break; }
        var total = (long)Math.Round(Money.ToCents(line.Balance) * 100m);
        var each = total / n;
        var odd = total - each * n;
        var width = Math.Max(3, n.ToString().Length);
        for (var i = 0; i < n; i++)
        {
            var cents = each + (i < odd ? 1 : 0);
            yield return line with { Id = $"{line.Id}-{(i + 1).ToString().PadLeft(width, '0')}", Balance = (double)(cents / 100m), LoanCount = 1 };
        }
    }
}
