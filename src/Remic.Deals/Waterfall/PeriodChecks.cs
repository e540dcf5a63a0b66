using System.Numerics;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>
/// The identities every distribution must satisfy; a violation throws with the period and the numbers.
/// (1) collateral principal + realised losses = class principal + allocated losses − accretion (+ any new
/// undercollateralisation: principal that paid interest with no subordinate left to write down);
/// (2) cash paid ≤ Available Funds and no class paid more interest than due; (3) no negative balance;
/// (4) notional amounts follow their reference; (5) Class PO = the PO pool and all classes = the pool;
/// (6) undercollateralisation writedowns only of an excess the books explain (principal unpaid for lack of
/// funds or that no class could take, now or before).
/// Principal that no class can take (all the classes it could go to are retired) is reported as unpayable and
/// enters the undercollateralisation term (negative: the pool exceeds the classes).
/// </summary>
internal static class PeriodChecks
{
    public static void Verify<T>(Ledger<T> l, T undercollateralisation) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        var tol = d.Tolerance;
        var p = l.Period;
        string F(T x) => Num<T>.D(x).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
        void Fail(string what) => throw new ConservationException($"{d.Deal.Metadata.TrustName} distribution {p} ({r.DistributionDate:yyyy-MM-dd}): {what}");

        T collPrin = T.Zero, collLoss = T.Zero, af = T.Zero, poolEnd = T.Zero;
        for (var g = 0; g < d.NGroups; g++)
        {
            collPrin += r.CollateralPrincipal[g];
            collLoss += r.CollateralLoss[g];
            af += r.AvailableFunds[g];
            poolEnd += r.PoolEndBalance[g];
        }
        T clsPrin = T.Zero, clsLoss = T.Zero, accr = T.Zero, clsEnd = T.Zero;
        for (var c = 0; c < d.NClasses; c++)
        {
            if (d.Notional[c]) continue;
            clsPrin += r.Principal[c];
            clsLoss += r.Loss[c];
            accr += r.Accretion[c];
            clsEnd += r.EndBalance[c];
        }
        // Principal that paid interest and could not be written down stays as undercollateralisation.
        var under = undercollateralisation - l.State.Undercollateralisation;
        var gap = collPrin + collLoss - (clsPrin + clsLoss - accr + under);
        if (T.Abs(gap) > tol)
            Fail($"collateral principal {F(collPrin)} + realised losses {F(collLoss)} ≠ class principal {F(clsPrin)} + allocated losses {F(clsLoss)} − accretion {F(accr)} + change in undercollateralisation {F(under)} (off by {F(gap)})");

        var deferred = T.Zero;
        foreach (var x in l.PoDeferredPaid) deferred += x;
        var allowed = Num<T>.Pos(l.State.Undercollateralisation) + r.PrincipalShortfall + r.UnpayablePrincipal;
        if (r.Writedown - deferred > allowed + tol)
            Fail($"subordinate writedown {F(r.Writedown)} exceeds Class PO Deferred payments {F(deferred)} + the classes' excess over the pool it may remove {F(allowed)} (earlier undercollateralisation, principal unpaid for lack of funds, principal no class could take)");

        if (l.CashOut > af + tol)
            Fail($"paid {F(l.CashOut)} but Available Funds were {F(af)}");

        for (var c = 0; c < d.NClasses; c++)
        {
            var name = d.Classes[c].Name;
            if (r.InterestPaid[c] > r.InterestDue[c] + tol)
                Fail($"class {name} was paid interest {F(r.InterestPaid[c])} but was due {F(r.InterestDue[c])}");
            if (r.EndBalance[c] < -tol)
                Fail($"class {name} balance is negative: {F(r.EndBalance[c])}");
            if (d.Classes[c].Notional is ClassNotional)
            {
                var refs = T.Zero;
                foreach (var x in d.NotionalRefs[c]) refs += r.EndBalance[x];
                var expect = refs * d.NotionalFactor[c];
                if (T.Abs(expect - r.EndBalance[c]) > tol)
                    Fail($"notional class {name} is {F(r.EndBalance[c])} but {F(d.NotionalFactor[c])} × its reference balance {F(refs)} = {F(expect)}");
            }
            else if (d.Classes[c].Notional is PremiumLoanNotional)
            {
                var prem = T.Zero;
                foreach (var g in d.ClassGroups[c]) prem += l.Collections.Groups[g].PremiumLoanBalance;
                if (T.Abs(prem - r.BeginBalance[c]) > tol)
                    Fail($"Class X {name} notional {F(r.BeginBalance[c])} ≠ premium loan balance {F(prem)}");
            }
        }

        for (var c = 0; c < d.NClasses; c++)
        {
            if (!d.Classes[c].Is(ClassType.Po)) continue;
            var poPool = T.Zero;
            foreach (var g in d.ClassGroups[c]) poPool += r.PoPoolEndBalance[g];
            if (T.Abs(r.EndBalance[c] - poPool) > tol)
                Fail($"Class {d.Classes[c].Name} balance {F(r.EndBalance[c])} ≠ the PO portion of its loans {F(poPool)}");
        }
        if (T.Abs(clsEnd - poolEnd - undercollateralisation) > tol)
            Fail($"classes' balances {F(clsEnd)} ≠ pool balance {F(poolEnd)} + undercollateralisation {F(undercollateralisation)} (PO + non-PO must equal the pool; off by {Num<T>.D(clsEnd - poolEnd - undercollateralisation):G6})");
    }
}
