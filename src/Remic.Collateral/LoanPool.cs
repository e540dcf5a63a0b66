namespace Remic.Collateral;

/// <summary>
/// Loans as parallel arrays (struct-of-arrays) so the projection's hot loop walks memory in order
/// and allocates nothing per loan-month. Built once from loans or rep lines; immutable after.
/// Rates here are monthly (annual / 12).
/// </summary>
public sealed class LoanPool
{
    public int Count { get; }
    public string[] Ids { get; }
    public string[] GroupNames { get; }
    public int[] Group { get; }
    public double[] Balance { get; }
    public double[] GrossRate { get; }
    public double[] ServicingRate { get; }
    public double[] OtherFeeRate { get; }
    public int[] RemainingTerm { get; }
    public int[] Age { get; }
    public int[] IoTerm { get; }
    public int[] BalloonTerm { get; }
    public double[] LoanCount { get; }
    public ArmTerms?[] Arm { get; }
    public bool HasArms { get; }
    public IReadOnlyList<Loan> Loans { get; }

    public LoanPool(IReadOnlyList<Loan> loans)
    {
        Loans = loans;
        Count = loans.Count;
        GroupNames = loans.Select(l => l.Group).Distinct(StringComparer.Ordinal).ToArray();
        var groupIndex = GroupNames.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        Ids = new string[Count];
        Group = new int[Count];
        Balance = new double[Count];
        GrossRate = new double[Count];
        ServicingRate = new double[Count];
        OtherFeeRate = new double[Count];
        RemainingTerm = new int[Count];
        Age = new int[Count];
        IoTerm = new int[Count];
        BalloonTerm = new int[Count];
        LoanCount = new double[Count];
        Arm = new ArmTerms?[Count];
        for (var i = 0; i < Count; i++)
        {
            var l = loans[i];
            Ids[i] = l.Id;
            Group[i] = groupIndex[l.Group];
            Balance[i] = l.Balance;
            GrossRate[i] = l.GrossRate / 12;
            ServicingRate[i] = l.ServicingFee / 12;
            OtherFeeRate[i] = l.OtherFees / 12;
            RemainingTerm[i] = l.RemainingTerm;
            Age[i] = l.Age;
            IoTerm[i] = l.IoTerm;
            BalloonTerm[i] = l.BalloonTerm;
            LoanCount[i] = l.LoanCount;
            Arm[i] = l.Arm;
        }
        HasArms = Arm.Any(a => a is not null);
    }

    // Each lazy value is read before LazyInitializer is called: its lambda captures this, so calling it allocates a delegate.
    private LaneLayout? _lanes;

    /// <summary>This pool packed for the SIMD kernel and cut into parallel chunks; built on first use, then reused.</summary>
    internal LaneLayout Lanes => _lanes ?? LazyInitializer.EnsureInitialized(ref _lanes, () => LaneLayout.Build(this));

    private int[]? _ages;

    /// <summary>The loans' distinct cut-off ages (first seen first); computed on first use, then reused by every projection.</summary>
    internal int[] DistinctAges => _ages ?? LazyInitializer.EnsureInitialized(ref _ages, () => Age.Distinct().ToArray());

    private (double Balance, double LoanCount)[]? _cutOff;

    /// <summary>
    /// Each group's balance and loan count at cut-off, summed loan by loan in pool order (the same additions, in the
    /// same order, as summing them in the projection itself); computed on first use, then reused.
    /// </summary>
    internal (double Balance, double LoanCount)[] CutOff => _cutOff ?? LazyInitializer.EnsureInitialized(ref _cutOff, () =>
    {
        var sums = new (double Balance, double LoanCount)[GroupNames.Length];
        for (var i = 0; i < Count; i++)
        {
            sums[Group[i]].Balance += Balance[i];
            sums[Group[i]].LoanCount += LoanCount[i];
        }
        return sums;
    });

    /// <summary>Months until the last loan pays off (remaining term, or the balloon if sooner).</summary>
    public int MaxMonthsToPayoff()
    {
        var max = 0;
        for (var i = 0; i < Count; i++)
        {
            var m = RemainingTerm[i];
            if (BalloonTerm[i] > 0) m = Math.Min(m, Math.Max(BalloonTerm[i] - Age[i], 1));
            max = Math.Max(max, m);
        }
        return max;
    }
}
