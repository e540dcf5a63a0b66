using System.Globalization;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Trustee.Registry;

/// <summary>
/// At registration, the amounts the ledger will hold must agree as exactly as the close's checks demand: the loans
/// as registered (each to the cent) add up to the classes' original balances, and each Class PO is within $1.00 of the PO
/// portion of its loans as the close computes it (per group, summed unrounded and rounded once; the close folds the remainder
/// into the first month's scheduled PO principal). The loader checks the deal
/// file to the cent; a rep line with fractions of a cent can still make the ledger's sum differ, and that is the
/// user's input, refused here (exit 2) rather than by a failed check at the first close.
/// </summary>
internal static class BalanceCheck
{
    public static void Verify(Deal deal, DealRegistration reg)
    {
        var f = CultureInfo.InvariantCulture;
        var errors = new List<InputError>();
        var pool = reg.Loans.Sum(l => Money.ToCents(l.Balance));
        var classes = deal.Classes.Where(c => c.HasPrincipal).Sum(c => c.OriginalBalance);
        if (pool != classes)
            errors.Add(new(reg.DealFileName, 0, "classes", classes.ToString("N2", f), string.Create(f,
                $"the loans registered to the cent add up to {pool:N2}; the classes' original balances must add up to the same (give loan balances in whole cents)")));
        foreach (var c in deal.Classes.Where(c => c.Is(ClassType.Po)))
        {
            var po = c.Groups.Select(deal.GroupIndex).Where(g => g >= 0).Sum(g => PoPortion(deal.Groups[g], reg.Loans));
            // Within $1.00 the close folds the remainder into the PO pool's scheduled principal (ActualCollections.PoRemainderLimit).
            if (Math.Abs(po - c.OriginalBalance) > Waterfall.ActualCollections.PoRemainderLimit)
                errors.Add(new(reg.DealFileName, 0, $"class {c.Name} balance", c.OriginalBalance.ToString("0.00", f), string.Create(f,
                    $"the PO portion of its loans as the trustee computes it from the loans registered to the cent, {po:0.00} (within 1.00)")));
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
    }

    /// <summary>Σ balance × (strip − net) / strip over the group's discount loans, rounded once, as <c>ActualCollections</c> does.</summary>
    private static decimal PoPortion(LoanGroupSpec g, IReadOnlyList<Collateral.Loan> loans)
    {
        if (g.StripRate is not { } stripPercent) return 0m;
        var strip = stripPercent / 100m;
        var sum = 0m;
        foreach (var l in loans)
        {
            if (l.Group != g.Name) continue;
            var net = DealRegistry.Rate(l.GrossRate) - DealRegistry.Rate(l.ServicingFee) - DealRegistry.Rate(l.OtherFees);
            if (net < strip) sum += Money.ToCents(l.Balance) * (strip - net) / strip;
        }
        return Money.Round(sum);
    }
}
