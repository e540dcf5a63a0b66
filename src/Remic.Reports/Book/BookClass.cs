using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>
/// One certificate class as the book describes it. <paramref name="OriginalBalance"/> is the notional amount
/// when <paramref name="Notional"/> (interest-only classes). <paramref name="Coupon"/> is text as the prospectus
/// prints it ("6.000%", "Variable", "LIBOR + 0.35%").
/// </summary>
/// <param name="Delay">Payment delay in days (24 for CWALT fixed classes, 0 for floaters).</param>
/// <param name="DiscountMarginIndex">A floater's index path (annual fractions): its price/yield table gets a discount
/// margin row at the middle price (<see cref="Remic.Analytics.DiscountMargin"/>); null for other classes.</param>
/// <param name="RateIndex">The index the class's coupon resets off (floaters, inverse floaters, inverse IOs): its rate
/// sensitivity re-projects the deal per index scenario (<see cref="IndexSensitivity"/>); null for a class whose coupon does not.</param>
public sealed record BookClass(
    string Name,
    string Type,
    double OriginalBalance,
    string Coupon,
    string Group,
    bool Offered = true,
    bool Notional = false,
    DayCount DayCount = DayCount.Thirty360,
    int Delay = 24,
    MonthlyVector? DiscountMarginIndex = null,
    string? RateIndex = null);

/// <summary>A labelled line of the deal's particulars (trust, depositor, underwriter, cut-off date...).</summary>
public sealed record BookLine(string Label, string Value);

/// <summary>
/// A loan group's cut-off figures, for a book whose input has no loan tape (rates percent, terms months).
/// When loans are given the book computes these itself.
/// </summary>
public sealed record BookGroupSummary(string Group, double Loans, double Balance, double GrossWac, double NetWac, double Wam, double Wala);
