using Remic.Core;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Deals.Waterfall;

namespace Remic.Analytics;

/// <summary>
/// A class's flows from settlement and the figures a scenario grid prints for them (WAL, principal window, writedowns,
/// yield at a price), computed in buffers this object owns and reuses, class after class and scenario after scenario:
/// nothing is allocated once the buffers have grown to the deal's longest projection. The figures are those of
/// <see cref="DealClassFlows.Of"/> + <see cref="SettledFlows"/> + <see cref="BondAnalytics.Wal"/>, <see cref="PrincipalWindow.Of"/>
/// and <see cref="BondAnalytics.Yield"/>, bit for bit: the same arithmetic in the same order, the yield solved by the same
/// solver (<see cref="YieldMath"/>). Not thread-safe: one per worker.
/// <para>Use: <see cref="Begin"/> once per projection, then <see cref="Load"/> per class, then read the class's figures.
/// <see cref="Load"/> answers false where the existing path would refuse the flows (a settlement date before the dated date
/// or after the class has paid off, a broken balance identity): the caller then goes through the existing API, which throws
/// its usual error.</para>
/// </summary>
public sealed class DealClassFigures
{
    // Per projection (Begin): the distribution dates, their 30/360 days from settlement, monthly spacing, first flows.
    private DealProjection? _run;
    private PeriodResult<double>[] _periods = [];
    private DateOnly[] _dates = [];
    private int[] _days = [];
    private bool[] _spacedFrom = []; // flows k.. are 30 days apart
    private double[] _months = [];
    private int _n;
    private DateOnly _settle;
    private int _firstDelayed, _firstPlain; // the first flow received by a class with / without a payment delay
    private bool _increasing; // the dates increase (BondCashFlows refuses flows whose dates do not)

    // Per class (Load): DealClassFlows.Of's arrays and SettledFlows' from the first flow received.
    private double[] _begin = [], _end = [], _interest = [], _principal = [], _loss = [], _coupon = [];
    private double[] _cash = [], _paid = [];

    /// <summary>Flows of the loaded class (the projection's distribution dates).</summary>
    public int Count => _n;
    /// <summary>Index of the first flow a buyer settling on the settlement date receives (as <see cref="SettledFlows.First"/>).</summary>
    public int First { get; private set; }
    /// <summary>The loaded class is a notional (interest-only) class.</summary>
    public bool IsNotional { get; private set; }
    /// <summary>Σ writedowns of the loaded class (<see cref="BondCashFlows.TotalLoss"/>).</summary>
    public double TotalLoss { get; private set; }
    /// <summary>Class PO Deferred Amounts paid to the loaded class (<see cref="BondCashFlows.LossReimbursed"/>).</summary>
    public double LossReimbursed { get; private set; }
    /// <summary>Σ cash received from settlement (<see cref="SettledFlows.TotalCash"/>).</summary>
    public double TotalCash { get; private set; }
    /// <summary>The balance bought (<see cref="SettledFlows.Balance"/>).</summary>
    public double Balance { get; private set; }
    private double _cashMonths, _accrued;
    private bool _spaced;

    /// <summary>Reads <paramref name="run"/>'s distribution dates for a buyer settling on <paramref name="settle"/>; the
    /// projection must stay as it is while its classes are read (a reused run's view: until its next run).</summary>
    public void Begin(DealProjection run, DateOnly settle)
    {
        var periods = run.Periods;
        var n = periods.Count;
        Grow(n);
        var known = _settle == settle && _run is not null;
        _run = run;
        _settle = settle;
        _n = n;
        var sp = Period.Of(settle);
        _firstDelayed = _firstPlain = n;
        for (var k = 0; k < n; k++)
        {
            var p = _periods[k] = periods[k];
            var date = p.DistributionDate;
            if (!known || _dates[k] != date)
            {
                _dates[k] = date;
                _days[k] = DayCounts.Days(DayCount.Thirty360, settle, date);
                _months[k] = _days[k] / 30.0;
            }
            if (_firstDelayed == n && Period.Of(date) > sp) _firstDelayed = k;
            if (_firstPlain == n && date > settle) _firstPlain = k;
        }
        // Compare whole 30/360 days, as SettledFlows does: 57/30 − 27/30 need not be exactly 1.0 in binary.
        if (n > 0) _spacedFrom[n - 1] = true;
        for (var k = n - 2; k >= 0; k--) _spacedFrom[k] = _spacedFrom[k + 1] && _days[k + 1] - _days[k] == 30;
        // The dates themselves must increase, as BondCashFlows checks.
        _increasing = true;
        for (var k = 1; k < n; k++) if (_dates[k] <= _dates[k - 1]) { _increasing = false; break; }
    }

    /// <summary>
    /// Class <paramref name="c"/>'s flows from the projection of <see cref="Begin"/>, as <see cref="DealClassFlows.Of"/> labels
    /// them and <see cref="SettledFlows"/> lays them out. False (nothing to read) where <see cref="DealClassFlows.Of"/> or
    /// <see cref="SettledFlows"/> would throw: the caller goes through them to report it.
    /// </summary>
    public bool Load(int c)
    {
        var run = _run ?? throw new InvalidOperationException("Begin before Load");
        var deal = run.Deal;
        var spec = deal.Classes[c];
        var n = _n;
        if (!_increasing) return false;
        var periods = _periods;
        double[] begin = _begin, end = _end, interest = _interest, principal = _principal, loss = _loss, coupon = _coupon;
        var notional = spec.IsNotional;
        DealClassFlows.Read(periods, n, deal, c, begin, coupon, interest, principal, loss, end);
        var dated = spec.DelayDays > 0 ? deal.Metadata.CutoffDate : deal.Metadata.ClosingDate;
        var (original, reimbursed) = DealClassFlows.Label(periods, n, spec, c, begin, end, loss);
        if (notional)
        {
            // BondCashFlows.NotionalIo: no principal, no writedown; a derived (strip) coupon from the interest paid.
            Array.Clear(principal, 0, n);
            Array.Clear(loss, 0, n);
            if (spec.Coupon is StripExcessCoupon)
                for (var k = 0; k < n; k++)
                {
                    var days = spec.DayCount == DayCount.Thirty360 ? 30.0
                        : (_dates[k].DayNumber - (k > 0 ? _dates[k - 1] : _dates[k].AddMonths(-1)).DayNumber);
                    coupon[k] = begin[k] > 0 ? interest[k] / begin[k] * 360.0 / days : 0;
                }
        }
        // BondCashFlows' identities: begin = principal + loss + end, begin = the prior end.
        var tol = 1e-9 * original + 1e-4;
        for (var k = 0; k < n; k++)
        {
            var gap = notional ? 0 : begin[k] - principal[k] - loss[k] - end[k];
            if (Math.Abs(gap) > tol) return false;
            if (k > 0 && Math.Abs(begin[k] - end[k - 1]) > tol) return false;
        }
        double totalLoss = 0;
        for (var k = 0; k < n; k++) totalLoss += loss[k];
        TotalLoss = totalLoss;
        LossReimbursed = reimbursed;
        IsNotional = notional;

        // SettledFlows: the settlement date is checked (Accrual.Validate), then the flows received are laid out.
        var delay = spec.DelayDays;
        var first = delay > 0 ? _firstDelayed : _firstPlain;
        if (_settle < dated || first >= n || begin[first] <= 0) return false;
        First = first;
        var from = Accrual.AccrualStart(delay, _dates[first], first > 0 ? _dates[first - 1] : null, dated, _settle);
        Balance = begin[first];
        _accrued = Accrual.Amount(spec.DayCount, from, _settle, begin[first], coupon[first]);
        var m = n - first;
        double[] cash = _cash, paid = _paid;
        for (var j = 0; j < m; j++)
        {
            var k = first + j;
            cash[j] = interest[k] + principal[k];
            paid[j] = notional ? Math.Max(0, begin[k] - end[k]) : principal[k]; // BondCashFlows.Reduction
        }
        _spaced = _spacedFrom[first];
        double total = 0, weighted = 0;
        var months = _months.AsSpan(first, m);
        for (var j = 0; j < m; j++) { total += cash[j]; weighted += cash[j] * months[j]; }
        TotalCash = total;
        _cashMonths = weighted;
        return true;
    }

    /// <summary>WAL in years from settlement (<see cref="BondAnalytics.Wal"/>).</summary>
    public double Wal()
    {
        double num = 0, den = 0;
        var m = _n - First;
        var months = _months.AsSpan(First, m);
        for (var k = 0; k < m; k++) { num += months[k] * _paid[k]; den += _paid[k]; }
        return den == 0 ? 0 : num / den / 12;
    }

    /// <summary>The principal window from the first flow received (<see cref="PrincipalWindow.Of"/>), without the record.</summary>
    public void Window(out DateOnly? first, out DateOnly? last)
    {
        first = last = null;
        for (var j = 0; j < _n - First; j++)
        {
            if (_paid[j] <= PrincipalWindow.Dust) continue;
            first ??= _dates[First + j];
            last = _dates[First + j];
        }
    }

    /// <summary>Bond-equivalent yield for a clean price (<see cref="BondAnalytics.Yield"/>; throws as it does).</summary>
    public double Yield(double cleanPrice)
    {
        var m = _n - First;
        var dirty = cleanPrice / 100 * Balance + _accrued;
        return YieldMath.BondEquivalent(YieldMath.MonthlyRate(_cash.AsSpan(0, m), _months.AsSpan(First, m), _spaced,
            TotalCash, _cashMonths, dirty));
    }

    /// <summary>
    /// <see cref="Yield"/> answering false, without throwing or allocating, where no yield discounts the flows to the price
    /// (as <see cref="YieldMath"/>'s solver finds none); the yield otherwise, the same double.
    /// </summary>
    public bool TryYield(double cleanPrice, out double yield)
    {
        var m = _n - First;
        var dirty = cleanPrice / 100 * Balance + _accrued;
        var ok = YieldMath.TryMonthlyRate(_cash.AsSpan(0, m), _months.AsSpan(First, m), _spaced, TotalCash, _cashMonths, dirty, out var i);
        yield = ok ? YieldMath.BondEquivalent(i) : double.NaN;
        return ok;
    }

    private void Grow(int n)
    {
        if (_dates.Length >= n) return;
        var size = Math.Max(n, 2 * _dates.Length);
        Array.Resize(ref _periods, size);
        Array.Resize(ref _dates, size);
        Array.Resize(ref _days, size);
        Array.Resize(ref _spacedFrom, size);
        Array.Resize(ref _months, size);
        _begin = new double[size]; _end = new double[size]; _interest = new double[size]; _principal = new double[size];
        _loss = new double[size]; _coupon = new double[size]; _cash = new double[size]; _paid = new double[size];
    }
}
