using CsCheck;
using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>Identities that hold for any loan and speed (the projector also checks conservation itself and throws).</summary>
public class PropertyTests
{
    private static readonly Gen<Loan> GenLoan =
        Gen.Select(Gen.Double[1_000, 2_000_000], Gen.Int[0, 1200], Gen.Int[1, 360], Gen.Int[0, 120], Gen.Int[0, 2], Gen.Int[0, 60],
            (balance, rateBp, rem, age, kind, ioOrBalloon) => new Loan
            {
                Balance = Math.Round(balance, 2), GrossRate = rateBp / 10_000.0, ServicingFee = Math.Min(0.0025, rateBp / 10_000.0),
                OriginalTerm = rem + age, RemainingTerm = rem, Age = age,
                IoTerm = kind == 1 ? age + Math.Min(ioOrBalloon, rem - 1) : 0,
                BalloonTerm = kind == 2 ? age + Math.Max(1, Math.Min(ioOrBalloon, rem)) : 0,
            });

    private static readonly Gen<string> GenPrepay = Gen.OneOf<string>("0 CPR", "6 CPR", "25 CPR", "100 PSA", "400 PSA", "150 PPC", "3 SMM", "5 CPR for 12, then 30 CPR");
    private static readonly Gen<string> GenDefault = Gen.OneOf<string>("0 CDR", "1 CDR", "100 SDA", "500 SDA", "0.5 MDR");

    private static CollateralProjection Run(Loan loan, string prepay, string dflt = "0 CDR", double severity = 0, int lag = 0) =>
        Projector.Project(new LoanPool([loan]), new Scenario
        {
            Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(severity), RecoveryLag = lag,
        });

    [Fact]
    public void Balances_never_go_negative_and_cash_is_conserved()
    {
        Gen.Select(GenLoan, GenPrepay, GenDefault, Gen.Double[0, 1], Gen.Int[0, 24]).Sample((loan, prepay, dflt, severity, lag) =>
        {
            var g = Run(loan, prepay, dflt, severity, lag).Total;
            var tol = Conservation.Tolerance(loan.Balance);
            for (var m = 1; m <= g.Months; m++)
            {
                Assert.True(g.EndBalance[m] >= -tol, $"month {m} balance {g.EndBalance[m]}");
                Assert.True(g.ScheduledPrincipal[m] >= -tol && g.Prepayment[m] >= -tol && g.Defaults[m] >= -tol);
                Assert.Equal(g.BeginBalance[m], g.Principal(m) + g.RealizedLoss[m] + g.EndBalance[m], 1e-6 * Math.Max(1, loan.Balance));
            }
            // Over the life: cut-off balance = all principal paid + all losses; nothing left.
            Assert.Equal(loan.Balance, g.TotalPrincipal + g.TotalRealizedLoss, 1e-6 * loan.Balance);
            Assert.Equal(g.TotalDefaults, g.LiquidationProceeds.Sum() + g.TotalRealizedLoss, 1e-6 * loan.Balance);
            Assert.True(Math.Abs(g.EndBalance[g.Months]) <= tol);
        }, iter: 300);
    }

    [Fact]
    public void A_faster_speed_never_lengthens_a_fixed_rate_loans_wal()
    {
        Gen.Select(GenLoan, Gen.Double[0, 60], Gen.Double[0, 40]).Sample((loan, cpr, extra) =>
        {
            var slow = Run(loan, $"{cpr:0.###} CPR").Total.WalYears();
            var fast = Run(loan, $"{Math.Min(cpr + extra, 100):0.###} CPR").Total.WalYears();
            Assert.True(fast <= slow + 1e-12, $"WAL {fast} at the faster speed > {slow}");
        }, iter: 300);
    }

    [Fact]
    public void A_faster_psa_never_lengthens_the_synthetic_pools_wal()
    {
        var pool = new LoanPool(Remic.Collateral.Tape.SyntheticTape.Generate(40));
        Gen.Select(Gen.Int[0, 600], Gen.Int[1, 300]).Sample((psa, extra) =>
        {
            double Wal(int p) => Projector.Project(pool, new Scenario { Prepay = Speed.Prepay($"{p} PSA") }).Total.WalYears();
            Assert.True(Wal(psa + extra) <= Wal(psa) + 1e-12);
        }, iter: 40);
    }
}
