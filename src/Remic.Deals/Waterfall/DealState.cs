using System.Numerics;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Everything the waterfall carries from one distribution date to the next. Immutable: a distribution
/// returns the next state. <see cref="Period"/> is the number of the distribution about to be made.
/// </summary>
public sealed record DealState<T> where T : unmanaged, IFloatingPoint<T>
{
    // Backing fields: a run reuses its states from one scenario to the next (Reuse); to everyone else the record is immutable.
    private int _period;
    private T _undercollateralisation;
    private T _seniorPrepaymentShift = T.One;

    public required int Period { get => _period; init => _period = value; }
    /// <summary>Class certificate balances (notional classes: notional amounts), by deal class order.</summary>
    public required T[] Balances { get; init; }
    /// <summary>Interest accrued but not paid on earlier dates, by class.</summary>
    public required T[] UnpaidInterest { get; init; }
    /// <summary>Net-rate-cap shortfalls not yet covered by a corridor, by class.</summary>
    public required T[] CapShortfall { get; init; }
    /// <summary>Class PO Deferred Amount outstanding, by group.</summary>
    public required T[] PoDeferred { get; init; }
    /// <summary>
    /// How far the classes exceed the pool because principal collections paid interest and no subordinate
    /// was left to write down, less principal later paid out of interest, plus principal no class could take
    /// (zero in a healthy deal; negative when the pool exceeds the classes).
    /// </summary>
    public T Undercollateralisation { get => _undercollateralisation; init => _undercollateralisation = value; }
    /// <summary>
    /// The share of the Subordinate Percentage the seniors keep in the Senior Prepayment Percentage, as in effect on
    /// this date (1 = 100%, never stepped down). A failed step-down test keeps it: "no decrease ... unless" the tests pass.
    /// </summary>
    public T SeniorPrepaymentShift { get => _seniorPrepaymentShift; init => _seniorPrepaymentShift = value; }
    /// <summary>
    /// Serious delinquencies (60+ days incl. foreclosure, REO, bankruptcy) of the whole pool on the five distribution
    /// dates before this one, the most recent first (missing entries are zero); the step-down tests average them with
    /// this date's figure.
    /// </summary>
    public T[] SeriousDelinquencyHistory { get; init; } = [];

    /// <summary>A state with zeroed arrays for <paramref name="classes"/> classes and <paramref name="groups"/> groups (five dates of history), to be filled.</summary>
    internal static DealState<T> Blank(int classes, int groups) => new()
    {
        Period = 0, Balances = new T[classes], UnpaidInterest = new T[classes], CapShortfall = new T[classes],
        PoDeferred = new T[groups], SeriousDelinquencyHistory = new T[5],
    };

    /// <summary>Sets the scalars of a state a run owns and fills again (its arrays are filled in place).</summary>
    internal void Reuse(int period, T undercollateralisation, T seniorPrepaymentShift)
    {
        _period = period;
        _undercollateralisation = undercollateralisation;
        _seniorPrepaymentShift = seniorPrepaymentShift;
    }

    /// <summary>The state at closing: original balances, nothing unpaid, before the first distribution.</summary>
    public static DealState<T> AtClosing(Deal deal)
    {
        var n = deal.Classes.Count;
        return new DealState<T>
        {
            Period = 1,
            Balances = deal.Classes.Select(c => T.CreateChecked(c.OriginalBalance)).ToArray(),
            UnpaidInterest = new T[n],
            CapShortfall = new T[n],
            PoDeferred = new T[deal.Groups.Count],
        };
    }
}
