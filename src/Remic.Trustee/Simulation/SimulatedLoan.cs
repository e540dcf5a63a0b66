using Remic.Collateral;
using Remic.Core;

namespace Remic.Trustee.Simulation;

/// <summary>Where a simulated loan stands after a month: balance in cents, status, months since default (−1 if performing).</summary>
internal sealed class SimulatedLoan(Loan loan)
{
    public Loan Loan { get; } = loan;
    public decimal Balance { get; set; } = Money.ToCents(loan.Balance);
    public int Age { get; set; } = loan.Age;
    public int Remaining { get; set; } = loan.RemainingTerm;
    public string Status { get; set; } = "current";
    public int MonthsInDefault { get; set; } = -1;
    public bool Closed => Balance == 0;

    /// <summary>Level-payment scheduled principal at the note rate, to the cent, never more than the balance.</summary>
    public decimal ScheduledPrincipal()
    {
        var r = (decimal)Loan.GrossRate / 12m;
        if (Remaining <= 1) return Balance;
        var interest = Money.Round(Balance * r);
        var payment = r == 0 ? Balance / Remaining : Balance * r / (1m - Pow(1m + r, -Remaining));
        return Math.Clamp(Money.Round(payment) - interest, 0m, Balance);
    }

    private static decimal Pow(decimal x, int n) => (decimal)Math.Pow((double)x, n);
}
