using Remic.Core;

namespace Remic.Deals.Model;

/// <summary>The kinds a certificate class can be; a class may be several (a senior PAC, a senior floater).</summary>
[Flags]
public enum ClassType
{
    None = 0,
    Senior = 1 << 0,
    SuperSenior = 1 << 1,
    SeniorSupport = 1 << 2,
    Subordinate = 1 << 3,
    Po = 1 << 4,
    NotionalIo = 1 << 5,
    Floater = 1 << 6,
    InverseFloater = 1 << 7,
    Accrual = 1 << 8,
    Pac = 1 << 9,
    Tac = 1 << 10,
    Support = 1 << 11,
    Nas = 1 << 12,
    Residual = 1 << 13,
}

/// <summary>
/// One class of certificates. <see cref="OriginalBalance"/> is the principal balance, or for a notional
/// class the initial notional amount. Rates in the deal file are annual percents.
/// </summary>
public sealed record ClassSpec
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Groups { get; init; }
    public decimal OriginalBalance { get; init; }
    public ClassType Type { get; init; }
    public CouponSpec Coupon { get; init; } = new NoCoupon();
    public NotionalSpec? Notional { get; init; }
    public DayCount DayCount { get; init; } = DayCount.Thirty360;
    /// <summary>Payment delay in days (24 for fixed-rate classes, 0 for LIBOR floaters).</summary>
    public int DelayDays { get; init; } = 24;
    /// <summary>PAC/TAC schedule: scheduled balances by distribution date, or bands to derive them from.</summary>
    public ScheduleSpec? Schedule { get; init; }
    /// <summary>Whether the prospectus offers the class (false: privately placed or the residual); null when the file does not say.</summary>
    public bool? Offered { get; init; }
    /// <summary>The class's CUSIP as filed (e.g. in the trustee's statements), when the deal file gives it.</summary>
    public string? Cusip { get; init; }
    /// <summary>The trustee statement's class description ("Senior", "Strip IO", "Subordinate", ...), when the deal file gives it.</summary>
    public string? Description { get; init; }

    public bool Is(ClassType t) => (Type & t) != 0;
    public bool IsNotional => Notional is not null || Is(ClassType.NotionalIo);
    /// <summary>A class that carries principal (not notional, not the residual placeholder).</summary>
    public bool HasPrincipal => !IsNotional;
}

/// <summary>How a class's pass-through rate is set each period.</summary>
public abstract record CouponSpec;

/// <summary>No interest (Class PO, residual).</summary>
public sealed record NoCoupon : CouponSpec;

/// <summary>A fixed pass-through rate (annual percent).</summary>
public sealed record FixedCoupon(decimal Rate) : CouponSpec;

/// <summary>
/// index × multiplier + margin, kept within [floor, cap] (floaters: multiplier 1; inverse floaters: a
/// negative multiplier and a margin that is the "constant"). With <see cref="NetWacCapGroups"/> the rate
/// is also capped at the net WAC of those groups, and the capped-off interest is the class's
/// net-rate-cap shortfall (what a corridor contract covers).
/// </summary>
public sealed record FormulaCoupon(string Index, decimal Multiplier, decimal Margin, decimal? Cap, decimal? Floor,
    IReadOnlyList<string>? NetWacCapGroups = null) : CouponSpec;

/// <summary>The weighted average net rate of the groups (non-PO at the strip rate when stripped), less a spread.</summary>
public sealed record NetWacCoupon(IReadOnlyList<string> Groups, decimal Minus) : CouponSpec;

/// <summary>Class X: the interest on premium loans above the strip rate, as collected.</summary>
public sealed record StripExcessCoupon : CouponSpec;

/// <summary>Notional amount of an interest-only class.</summary>
public abstract record NotionalSpec;

/// <summary>factor × the sum of the balances of the reference classes (e.g. an inverse IO on a floater).</summary>
public sealed record ClassNotional(IReadOnlyList<string> Classes, decimal Factor) : NotionalSpec;

/// <summary>Class X: the Stated Principal Balance of the premium loans of its groups.</summary>
public sealed record PremiumLoanNotional : NotionalSpec;

/// <summary>PAC/TAC schedule: explicit balances by period (1-based; the last holds), or a band of speeds.</summary>
public sealed record ScheduleSpec(IReadOnlyList<decimal>? Balances, string? LowSpeed, string? HighSpeed, decimal SharePercent = 100)
{
    public bool IsBand => Balances is null;
}
