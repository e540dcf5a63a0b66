using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Disclosure;

/// <summary>How the index is stressed to estimate a corridor's maximum probable exposure.</summary>
public enum Item1115Stress
{
    /// <summary>The index at each contract's ceiling (Cap Rate II) from the first period: the largest payment the contract can make every period.</summary>
    Ceiling,
    /// <summary>A flat index path: a base index plus a shock in basis points.</summary>
    Shock,
}

/// <summary>What the significance percentage is measured against.</summary>
public enum Item1115Base { Class, Pool }

public sealed record Item1115Options
{
    public Item1115Stress Stress { get; init; } = Item1115Stress.Ceiling;
    /// <summary>Base index, annual percent (Shock only).</summary>
    public double BaseIndexPercent { get; init; }
    public double ShockBasisPoints { get; init; }
    public Item1115Base Base { get; init; } = Item1115Base.Class;
}

public sealed record CorridorExposure(string Name, string Beneficiary, int Periods, double StressedIndexPercent,
    double UndiscountedPayments, double PresentValue, double Denominator, double SignificancePercent);

public sealed record Item1115Result(IReadOnlyList<CorridorExposure> Corridors, double PresentValue, double Denominator,
    double SignificancePercent, string Method, string Requirement);

/// <summary>
/// Regulation AB Item 1115 significance percentage of a deal's corridor contracts: the maximum probable
/// exposure, estimated as the present value of the contract payments under a stressed index path
/// (discounted at that same index, compounding over each calculation period on the contract's day count),
/// as a percent of the beneficiary classes' original balance (or of the pool's cut-off balance).
/// All contracts of the deal are taken as one counterparty's (Item 1115 aggregates by affiliated group).
/// </summary>
public static class Item1115
{
    public const double SummaryDataThreshold = 10, FinancialStatementsThreshold = 20;

    /// <summary>Largest shock accepted, in basis points either way (100 percentage points).</summary>
    public const double MaxShockBasisPoints = 10_000;

    /// <summary>Highest stressed index accepted, annual percent.</summary>
    public const double MaxIndexPercent = 100;

    public static Item1115Result Compute(Deal deal, Item1115Options? options = null)
    {
        options ??= new Item1115Options();
        CheckOptions(deal.SourceFile, options);
        if (deal.Corridors.Count == 0)
            throw new RemicInputException(deal.SourceFile, 0, "corridors", null,
                "a deal with at least one corridor contract (the deal file has no `corridors` section)");
        var pool = (double)deal.Groups.Sum(g => g.CutoffBalance);
        var exposures = deal.Corridors.Select(k => Exposure(deal, k, options, pool)).ToList();
        var pv = exposures.Sum(e => e.PresentValue);
        var denominator = options.Base == Item1115Base.Pool
            ? pool
            : exposures.Select(e => e.Beneficiary).Distinct()
                .Sum(b => (double)deal.Classes[deal.ClassIndex(b)].OriginalBalance);
        if (!(denominator > 0))
            throw new RemicInputException(deal.SourceFile, 0, "corridors", null,
                "a beneficiary class (or pool) with a positive original balance: the significance percentage divides by it");
        var pct = 100 * pv / denominator;
        return new Item1115Result(exposures, pv, denominator, pct, Method(options), Requirement(pct));
    }

    /// <summary>The stress must be finite and plausible: a regulatory conclusion fails closed, never open.</summary>
    private static void CheckOptions(string file, Item1115Options o)
    {
        if (o.Stress != Item1115Stress.Shock) return;
        var stressed = o.BaseIndexPercent + o.ShockBasisPoints / 100;
        if (!double.IsFinite(o.BaseIndexPercent) || !double.IsFinite(o.ShockBasisPoints) || Math.Abs(o.ShockBasisPoints) > MaxShockBasisPoints
            || o.BaseIndexPercent < 0 || stressed < 0 || stressed > MaxIndexPercent)
            throw new RemicInputException(file, 0, "item 1115 stress", $"{o.BaseIndexPercent}% + {o.ShockBasisPoints} bp",
                $"a finite base index and shock giving a stressed index from 0% to {MaxIndexPercent:0}%");
    }

    private static CorridorExposure Exposure(Deal deal, CorridorSpec k, Item1115Options o, double pool)
    {
        var strike = (double)k.Strike / 100;
        var ceiling = (double)k.Ceiling / 100;
        var index = o.Stress == Item1115Stress.Ceiling ? ceiling : (o.BaseIndexPercent + o.ShockBasisPoints / 100) / 100;
        var rate = Math.Max(0, Math.Min(index, ceiling) - strike);
        double pv = 0, paid = 0, discount = 1;
        var prior = deal.Metadata.ClosingDate;
        for (var n = 1; n <= k.NotionalSchedule.Count; n++)
        {
            var date = deal.Metadata.DistributionDate(n);
            var fraction = DayCounts.YearFraction(k.DayCount, prior, date);
            discount /= 1 + index * fraction;
            var payment = (double)k.NotionalSchedule[n - 1] * rate * fraction;
            paid += payment;
            pv += payment * discount;
            prior = date;
        }
        var denominator = o.Base == Item1115Base.Pool ? pool : (double)deal.Classes[deal.ClassIndex(k.Beneficiary)].OriginalBalance;
        return new CorridorExposure(k.Name, k.Beneficiary, k.NotionalSchedule.Count, index * 100, paid, pv, denominator, 100 * pv / denominator);
    }

    private static string Method(Item1115Options o)
    {
        var path = o.Stress == Item1115Stress.Ceiling
            ? "the index at each contract's ceiling from the first period (the most each contract can pay)"
            : $"a flat index of {o.BaseIndexPercent:0.####}% + {o.ShockBasisPoints:0.#} bp";
        var of = o.Base == Item1115Base.Pool ? "the pool's cut-off balance" : "the original balance of the beneficiary class(es)";
        return $"maximum probable exposure = present value of the corridor payments (notional schedule × (min(index, ceiling) − strike) × day fraction) " +
               $"under {path}, discounted at that index over each calculation period; significance percentage = exposure / {of}";
    }

    /// <summary>Item 1115(b): below 10% no financial information; 10% to under 20% summary data (b)(1); 20% or more full statements (b)(2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is NaN, infinite or negative: no tier applies, and the most permissive one must never be the default.</exception>
    public static string Requirement(double percent) => percent switch
    {
        _ when !double.IsFinite(percent) || percent < 0 =>
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a significance percentage must be finite and not negative to be classified"),
        >= FinancialStatementsThreshold => "20% or more: Item 1115(b)(2) — the counterparty's full financial statements are required",
        >= SummaryDataThreshold => "10% or more but under 20%: Item 1115(b)(1) — the counterparty's summary financial data (Item 301 of Regulation S-K) is required",
        _ => "under 10%: no counterparty financial information is required (Item 1115(b) does not apply)",
    };
}
