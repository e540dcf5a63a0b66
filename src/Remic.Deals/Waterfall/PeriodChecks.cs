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
    /// <summary>The sums over the classes (non-notional) the identities use, and whether any class breaks a per-class rule.</summary>
    internal struct ClassSums<T> where T : unmanaged, IFloatingPoint<T>
    {
        public T Principal, Loss, Accretion, End;
        public bool Broken;

        /// <summary>Adds class c (in class order): what <see cref="Waterfall"/> does in its last pass over the classes.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(bool notional, T principal, T loss, T accretion, T end, T paid, T due, T tol)
        {
            Broken |= Breaks(end, paid, due, tol);
            if (notional) return;
            Principal += principal;
            Loss += loss;
            Accretion += accretion;
            End += end;
        }

        /// <summary>A class's own rules: no more interest paid than due, no negative balance (each within the tolerance).</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static bool Breaks(T end, T paid, T due, T tol) => paid > due + tol || end < -tol;

        /// <summary>
        /// The sums over <paramref name="classes"/> (the deal's classes that are not notional, in class order), each a chain of
        /// additions in class order as <see cref="Add"/> makes them; the accretions only where the deal <paramref name="accretes"/>
        /// (else each is zero, and so is their sum). <see cref="Broken"/> is left to the caller. The one loop of the losses' pass and
        /// the last pass (<see cref="LossAllocation"/>, <see cref="Waterfall"/>), inlined into each: independent chains, so four take
        /// no longer than one.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static ClassSums<T> Over(int[] classes, bool accretes, ref T principal, ref T loss, ref T accretion, ref T end)
        {
            T p = T.Zero, l = T.Zero, a = T.Zero, e = T.Zero;
            foreach (var k in classes)
            {
                var i = (nuint)(uint)k; // a class of the deal: below the arrays' length, which the callers checked
                p += System.Runtime.CompilerServices.Unsafe.Add(ref principal, i);
                l += System.Runtime.CompilerServices.Unsafe.Add(ref loss, i);
                if (accretes) a += System.Runtime.CompilerServices.Unsafe.Add(ref accretion, i);
                e += System.Runtime.CompilerServices.Unsafe.Add(ref end, i);
            }
            return new ClassSums<T> { Principal = p, Loss = l, Accretion = a, End = e };
        }
    }

    /// <summary>The identities, the class sums taken from the result (a test breaks a figure of the result and calls this).</summary>
    public static void Verify<T>(Ledger<T> l, T undercollateralisation) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        var sums = new ClassSums<T>();
        var notional = d.Notional;
        T[] principal = r.Principal, loss = r.Loss, accretion = r.Accretion, end = r.EndBalance, paid = r.InterestPaid, due = r.InterestDue;
        for (var c = 0; c < notional.Length; c++) sums.Add(notional[c], principal[c], loss[c], accretion[c], end[c], paid[c], due[c], d.Tolerance);
        Verify(l, undercollateralisation, sums);
    }

    /// <summary>
    /// The identities, with the class sums accumulated by the distribution's last pass over the classes (the same additions in
    /// the same order as <see cref="Verify{T}(Ledger{T}, T)"/>'s own pass, over the date's final figures). By value: a sum passed by
    /// reference would keep the caller's running sums in memory instead of registers.
    /// </summary>
    public static void Verify<T>(Ledger<T> l, T undercollateralisation, ClassSums<T> sums) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        var tol = d.Tolerance;

        T collPrin = T.Zero, collLoss = T.Zero, af = T.Zero, poolEnd = T.Zero;
        T[] collateralPrincipal = r.CollateralPrincipal, collateralLoss = r.CollateralLoss, available = r.AvailableFunds, poolEndBalance = r.PoolEndBalance;
        for (var g = 0; g < collateralPrincipal.Length; g++)
        {
            collPrin += collateralPrincipal[g];
            collLoss += collateralLoss[g];
            af += available[g];
            poolEnd += poolEndBalance[g];
        }
        T clsPrin = sums.Principal, clsLoss = sums.Loss, accr = sums.Accretion, clsEnd = sums.End;
        var classBroken = sums.Broken;
        // Principal that paid interest and could not be written down stays as undercollateralisation.
        var under = undercollateralisation - l.State.Undercollateralisation;
        var gap = collPrin + collLoss - (clsPrin + clsLoss - accr + under);
        if (T.Abs(gap) > tol)
            Fail(l, $"collateral principal {F<T>(collPrin)} + realised losses {F<T>(collLoss)} ≠ class principal {F<T>(clsPrin)} + allocated losses {F<T>(clsLoss)} − accretion {F<T>(accr)} + change in undercollateralisation {F<T>(under)} (off by {F<T>(gap)})");

        var deferred = T.Zero;
        foreach (var x in l.PoDeferredPaid) deferred += x;
        var allowed = Num<T>.Pos(l.State.Undercollateralisation) + r.PrincipalShortfall + r.UnpayablePrincipal;
        if (r.Writedown - deferred > allowed + tol)
            Fail(l, $"subordinate writedown {F<T>(r.Writedown)} exceeds Class PO Deferred payments {F<T>(deferred)} + the classes' excess over the pool it may remove {F<T>(allowed)} (earlier undercollateralisation, principal unpaid for lack of funds, principal no class could take)");

        if (l.CashOut > af + tol)
            Fail(l, $"paid {F<T>(l.CashOut)} but Available Funds were {F<T>(af)}");

        // Every class when one broke a rule (in class order, as the reader expects the first failure), else the notional classes.
        foreach (var c in classBroken ? d.AllClasses : d.NotionalChecked)
        {
            var name = d.Classes[c].Name;
            if (r.InterestPaid[c] > r.InterestDue[c] + tol)
                Fail(l, $"class {name} was paid interest {F<T>(r.InterestPaid[c])} but was due {F<T>(r.InterestDue[c])}");
            if (r.EndBalance[c] < -tol)
                Fail(l, $"class {name} balance is negative: {F<T>(r.EndBalance[c])}");
            if (d.ClassNotionalKind[c])
            {
                var refs = T.Zero;
                foreach (var x in d.NotionalRefs[c]) refs += r.EndBalance[x];
                // The notional amount is stated to the cent (Waterfall.NotionalAmount): compare with the product rounded the same way.
                var expect = Num<T>.Cents(refs * d.NotionalFactor[c]);
                if (T.Abs(expect - r.EndBalance[c]) > tol)
                    Fail(l, $"notional class {name} is {F<T>(r.EndBalance[c])} but {Num<T>.D(d.NotionalFactor[c]):G} × its reference balance {F<T>(refs)} = {F<T>(expect)}");
            }
            else if (d.PremiumNotionalKind[c])
            {
                var prem = T.Zero;
                foreach (var g in d.ClassGroups[c]) prem += l.Groups[g].PremiumLoanBalance;
                if (T.Abs(prem - r.BeginBalance[c]) > tol)
                    Fail(l, $"Class X {name} notional {F<T>(r.BeginBalance[c])} ≠ premium loan balance {F<T>(prem)}");
            }
        }

        foreach (var c in d.PoClasses)
        {
            var poPool = T.Zero;
            foreach (var g in d.ClassGroups[c]) poPool += r.PoPoolEndBalance[g];
            if (T.Abs(r.EndBalance[c] - poPool) > tol)
                Fail(l, $"Class {d.Classes[c].Name} balance {F<T>(r.EndBalance[c])} ≠ the PO portion of its loans {F<T>(poPool)}");
        }
        if (T.Abs(clsEnd - poolEnd - undercollateralisation) > tol)
            Fail(l, $"classes' balances {F<T>(clsEnd)} ≠ pool balance {F<T>(poolEnd)} + undercollateralisation {F<T>(undercollateralisation)} (PO + non-PO must equal the pool; off by {Num<T>.D(clsEnd - poolEnd - undercollateralisation):G6})");
    }

    // Static rather than local functions: a local function capturing d, r and p would move them into a
    // closure struct on the stack, and every read of them in the checks above would go through memory.
    private static string F<T>(T x) where T : unmanaged, IFloatingPoint<T> =>
        Num<T>.D(x).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    private static void Fail<T>(Ledger<T> l, string what) where T : unmanaged, IFloatingPoint<T> =>
        throw new ConservationException($"{l.Deal.Deal.Metadata.TrustName} distribution {l.Period} ({l.R.DistributionDate:yyyy-MM-dd}): {what}");
}
