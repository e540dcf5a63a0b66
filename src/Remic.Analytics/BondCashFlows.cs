using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// A certificate's cash flows, one entry per distribution date, from any source (a projection,
/// trustee actuals, a CSV). Amounts are currency in double (projection precision); rates are annual
/// fractions (0.05 = 5%). The record knows nothing of price or yield: analytics take it as input.
/// <para>Per entry k: <see cref="EndBalance"/>[k] = <see cref="BeginBalance"/>[k] − <see cref="Principal"/>[k]
/// − <see cref="Loss"/>[k] (checked on construction; a violation throws <see cref="ConservationException"/>).</para>
/// </summary>
public sealed record BondCashFlows
{
    public IReadOnlyList<DateOnly> Dates { get; }
    public IReadOnlyList<double> BeginBalance { get; }
    public IReadOnlyList<double> Interest { get; }
    public IReadOnlyList<double> Principal { get; }
    /// <summary>Principal written down (realized losses allocated to the class): reduces the balance, pays nothing.</summary>
    public IReadOnlyList<double> Loss { get; }
    public IReadOnlyList<double> EndBalance { get; }
    /// <summary>Pass-through rate of the accrual period that ends with each distribution (annual fraction).</summary>
    public IReadOnlyList<double> Coupon { get; }
    /// <summary>Class balance at issuance (the base of factors, decrement tables and writedown percentages).</summary>
    public double OriginalBalance { get; }
    public DayCount DayCount { get; }
    /// <summary>Days between the end of the accrual period and the distribution (24 for CWALT fixed classes, 0 for floaters).</summary>
    public int PaymentDelay { get; }
    /// <summary>The date interest starts to accrue from (the cut-off date for a new issue).</summary>
    public DateOnly DatedDate { get; }

    /// <summary>
    /// An interest-only class on a notional amount (Class X, an inverse floater IO): balances are the notional,
    /// principal and loss are zero, and the notional may fall by any amount each period (it follows its
    /// reference). Prices are percent of the notional bought; WAL and window measure the notional's reduction.
    /// </summary>
    public bool IsNotional { get; }

    /// <summary>
    /// What WAL and the principal window weigh: principal paid per distribution, or for a notional class the
    /// reduction of its notional (begin − end), as Intex prints an IO's average life.
    /// </summary>
    public IReadOnlyList<double> Reduction { get; }

    public int Count => Dates.Count;

    public BondCashFlows(
        IReadOnlyList<DateOnly> dates, IReadOnlyList<double> beginBalance, IReadOnlyList<double> interest,
        IReadOnlyList<double> principal, IReadOnlyList<double> loss, IReadOnlyList<double> endBalance,
        IReadOnlyList<double> coupon, double originalBalance, DayCount dayCount, int paymentDelay, DateOnly datedDate,
        bool notional = false)
    {
        var n = dates.Count;
        void Len(IReadOnlyList<double> a, string name)
        {
            if (a.Count != n)
                throw new ArgumentException($"{name} has {a.Count} entries but there are {n} distribution dates", name);
        }
        Len(beginBalance, nameof(beginBalance)); Len(interest, nameof(interest)); Len(principal, nameof(principal));
        Len(loss, nameof(loss)); Len(endBalance, nameof(endBalance)); Len(coupon, nameof(coupon));
        if (originalBalance <= 0) throw new ArgumentOutOfRangeException(nameof(originalBalance), originalBalance, "the original balance must be positive");
        if (paymentDelay < 0) throw new ArgumentOutOfRangeException(nameof(paymentDelay), paymentDelay, "a payment delay cannot be negative");
        for (var k = 1; k < n; k++)
            if (dates[k] <= dates[k - 1])
                throw new ArgumentException($"distribution dates must increase: {dates[k - 1]:yyyy-MM-dd} then {dates[k]:yyyy-MM-dd}", nameof(dates));

        // Same tolerance idea as collateral conservation: double sums over many loans, reported to the cent.
        var tol = 1e-9 * originalBalance + 1e-4;
        for (var k = 0; k < n; k++)
        {
            if (notional && (principal[k] != 0 || loss[k] != 0))
                throw new ConservationException(
                    $"cash flow {k + 1} ({dates[k]:yyyy-MM-dd}): a notional class pays no principal and takes no writedown (got principal {principal[k]:F2}, loss {loss[k]:F2})");
            var gap = notional ? 0 : beginBalance[k] - principal[k] - loss[k] - endBalance[k];
            if (Math.Abs(gap) > tol)
                throw new ConservationException(
                    $"cash flow {k + 1} ({dates[k]:yyyy-MM-dd}): beginning balance {beginBalance[k]:F2} ≠ principal {principal[k]:F2} + loss {loss[k]:F2} + ending {endBalance[k]:F2} (off by {gap:G6})");
            if (k > 0 && Math.Abs(beginBalance[k] - endBalance[k - 1]) > tol)
                throw new ConservationException(
                    $"cash flow {k + 1} ({dates[k]:yyyy-MM-dd}): beginning balance {beginBalance[k]:F2} ≠ prior ending balance {endBalance[k - 1]:F2}");
        }

        Dates = dates.ToArray(); BeginBalance = beginBalance.ToArray(); Interest = interest.ToArray();
        Principal = principal.ToArray(); Loss = loss.ToArray(); EndBalance = endBalance.ToArray(); Coupon = coupon.ToArray();
        OriginalBalance = originalBalance; DayCount = dayCount; PaymentDelay = paymentDelay; DatedDate = datedDate;
        IsNotional = notional;
        if (notional)
        {
            var red = new double[n];
            for (var k = 0; k < n; k++) red[k] = Math.Max(0, beginBalance[k] - endBalance[k]);
            Reduction = red;
        }
        else Reduction = Principal;
    }

    /// <summary>
    /// An interest-only class: <paramref name="interest"/> paid on a notional that runs from
    /// <paramref name="notionalBegin"/>[k] to <paramref name="notionalEnd"/>[k] over distribution k, no principal.
    /// The coupon of each period is its interest over the beginning notional (annualised on the day count:
    /// × 12 for 30/360, × 360 / actual days otherwise), so accrued interest at settlement follows the flows.
    /// </summary>
    public static BondCashFlows NotionalIo(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> notionalBegin,
        IReadOnlyList<double> notionalEnd, IReadOnlyList<double> interest, IReadOnlyList<double>? coupon,
        double originalNotional, DayCount dayCount, int paymentDelay, DateOnly datedDate)
    {
        var n = dates.Count;
        var zero = new double[n];
        var rates = coupon?.ToArray() ?? new double[n];
        if (coupon is null)
            for (var k = 0; k < n; k++)
            {
                var days = dayCount == DayCount.Thirty360 ? 30.0
                    : (dates[k].DayNumber - (k > 0 ? dates[k - 1] : dates[k].AddMonths(-1)).DayNumber);
                rates[k] = notionalBegin[k] > 0 ? interest[k] / notionalBegin[k] * 360.0 / days : 0;
            }
        return new BondCashFlows(dates, notionalBegin, interest, zero, zero, notionalEnd, rates, originalNotional,
            dayCount, paymentDelay, datedDate, notional: true);
    }

    /// <summary>
    /// A fixed-rate class from its principal (and writedowns) per distribution: balances roll forward from
    /// <paramref name="originalBalance"/> and interest is the beginning balance × coupon / 12 (30/360, a
    /// whole month per period). Dates are the <paramref name="firstDistribution"/> and the same day each month after.
    /// </summary>
    public static BondCashFlows FixedRate(double originalBalance, double coupon, IReadOnlyList<double> principal,
        IReadOnlyList<double>? loss, DateOnly firstDistribution, DateOnly datedDate, int paymentDelay = 24)
    {
        var n = principal.Count;
        var dates = new DateOnly[n];
        var begin = new double[n];
        var interest = new double[n];
        var end = new double[n];
        var losses = loss?.ToArray() ?? new double[n];
        var coupons = new double[n];
        var b = originalBalance;
        for (var k = 0; k < n; k++)
        {
            dates[k] = firstDistribution.AddMonths(k);
            begin[k] = b;
            interest[k] = b * coupon / 12;
            b -= principal[k] + losses[k];
            if (Math.Abs(b) < 1e-9 * originalBalance) b = 0; // the last payment leaves rounding dust only
            end[k] = b;
            coupons[k] = coupon;
        }
        return new BondCashFlows(dates, begin, interest, principal, losses, end, coupons, originalBalance,
            DayCount.Thirty360, paymentDelay, datedDate);
    }

    public double TotalPrincipal => Principal.Sum();
    public double TotalInterest => Interest.Sum();
    public double TotalLoss => Loss.Sum();
    /// <summary>
    /// Writedowns later made good to the holder (a Class PO's Class PO Deferred Amounts), paid as cash inside
    /// <see cref="Interest"/>: the class's net principal loss is <see cref="TotalLoss"/> less this.
    /// </summary>
    public double LossReimbursed { get; init; }
    /// <summary>Everything paid to the holder: interest + principal (writedowns pay nothing).</summary>
    public double TotalCash => TotalPrincipal + TotalInterest;
}
