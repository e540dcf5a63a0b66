using Remic.Core;

namespace Remic.Trustee.Distribution;

/// <summary>Cash in = cash out for a period, line by line, to the cent.</summary>
public sealed record Reconciliation(
    decimal CollectionsRemitted,
    decimal CorridorReceipts,
    decimal ClassInterest,
    decimal ClassPrincipal,
    decimal Fees,
    decimal Retained,
    decimal Residual)
{
    public decimal CashIn => CollectionsRemitted + CorridorReceipts;
    public decimal CashOut => ClassInterest + ClassPrincipal + Fees + Retained + Residual;
    public bool Balances => CashIn == CashOut;

    public static Reconciliation Of(PeriodCollections collections, PeriodDistribution d) => new(
        collections.Remitted,
        d.CorridorReceipts.Sum(x => x.Amount),
        d.Classes.Sum(x => x.InterestPaid),
        d.Classes.Sum(x => x.PrincipalPaid),
        d.Fees.Sum(x => x.Amount),
        d.Retained.Sum(x => x.Amount),
        d.Residual);
}

/// <summary>
/// Checks a waterfall's answer before it touches the ledger. A failure is a bug in the waterfall,
/// so it throws <see cref="ConservationException"/> and the close writes nothing.
/// </summary>
public static class DistributionCheck
{
    public static Reconciliation Verify(DistributionRequest request, PeriodDistribution d)
    {
        var problems = new List<string>();
        var expected = request.Classes.Select(k => k.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var got = d.Classes.Select(k => k.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        if (!expected.SequenceEqual(got))
            problems.Add($"classes distributed [{string.Join(", ", got)}] ≠ registered classes [{string.Join(", ", expected)}]");
        var positions = request.Classes.ToDictionary(k => k.Name, StringComparer.Ordinal);
        foreach (var k in d.Classes)
        {
            if (positions.TryGetValue(k.Name, out var pos) && pos.Balance != k.BeginningBalance)
                problems.Add($"class {k.Name}: beginning balance {k.BeginningBalance:0.00} ≠ ledger balance {pos.Balance:0.00}");
            if (k.Notional && (k.PrincipalPaid != 0 || k.RealizedLoss != 0 || k.Accretion != 0))
                problems.Add($"notional class {k.Name}: principal {k.PrincipalPaid:0.00}, loss {k.RealizedLoss:0.00} and accretion {k.Accretion:0.00} must be 0 (its notional amount only changes)");
            else if (!k.Notional && k.BeginningBalance - k.PrincipalPaid - k.RealizedLoss + k.Accretion + k.WriteUp != k.EndingBalance)
                problems.Add(k.WriteUp != 0
                    ? $"class {k.Name}: {k.BeginningBalance:0.00} − principal {k.PrincipalPaid:0.00} − loss {k.RealizedLoss:0.00} + accretion {k.Accretion:0.00} + write-up {k.WriteUp:0.00} ≠ ending {k.EndingBalance:0.00}"
                    : k.Accretion == 0
                    ? $"class {k.Name}: {k.BeginningBalance:0.00} − principal {k.PrincipalPaid:0.00} − loss {k.RealizedLoss:0.00} ≠ ending {k.EndingBalance:0.00}"
                    : $"class {k.Name}: {k.BeginningBalance:0.00} − principal {k.PrincipalPaid:0.00} − loss {k.RealizedLoss:0.00} + accretion {k.Accretion:0.00} ≠ ending {k.EndingBalance:0.00}");
            foreach (var (name, v) in new[] { ("interest due", k.InterestDue), ("interest paid", k.InterestPaid), ("interest shortfall", k.InterestShortfall),
                         ("unpaid interest", k.UnpaidInterest), ("principal", k.PrincipalPaid), ("loss", k.RealizedLoss), ("accretion", k.Accretion), ("ending balance", k.EndingBalance),
                         ("corridor paid", k.CorridorPaid), ("write-up", k.WriteUp), ("PO deferred paid", k.PoDeferredPaid) })
                if (v < 0 || v != Money.Round(v)) problems.Add($"class {k.Name}: {name} {v} is not a non-negative amount in whole cents");
        }
        foreach (var x in d.Fees.Concat(d.Retained).Append(new NamedAmount("residual", d.Residual)).Concat(d.CorridorReceipts.Select(c => new NamedAmount(c.Contract, c.Amount)))
                     .Concat(d.CarryForwards.Select(c => new NamedAmount($"{c.Name} {c.Item}", c.Amount))))
            if (x.Amount < 0 || x.Amount != Money.Round(x.Amount)) problems.Add($"{x.Name}: {x.Amount} is not a non-negative amount in whole cents");
        var recon = Reconciliation.Of(request.Collections, d);
        if (!recon.Balances)
            problems.Add($"cash in {recon.CashIn:0.00} ≠ cash out {recon.CashOut:0.00} (difference {recon.CashIn - recon.CashOut:0.00})");
        if (problems.Count > 0)
            throw new ConservationException($"distribution for {request.DealId} {request.Period} rejected: " + string.Join("; ", problems));
        return recon;
    }
}
