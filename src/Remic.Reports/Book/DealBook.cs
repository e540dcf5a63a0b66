using System.Globalization;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Reports.Book;

/// <summary>Options of a deal's book: speeds, settlement, index levels and prices (all optional).</summary>
public sealed record DealBookTerms
{
    /// <summary>Default: 0, 50, 75, 100, 125, 150, 200 PPC on <see cref="Ramp"/>.</summary>
    public IReadOnlyList<Speed>? Speeds { get; init; }
    public Speed? PricingSpeed { get; init; }
    /// <summary>The 100% PPC; null: the deal file's prepayment_assumption, else 8 → 20 CPR over 12 months (<see cref="DealBook.Ramp"/>).</summary>
    public PpcRamp? Ramp { get; init; }
    /// <summary>Default: the deal file's settlement_date, else its closing date.</summary>
    public DateOnly? Settlement { get; init; }
    /// <summary>Flat (or vector) index paths by name, annual fractions; any index the deal uses and this omits is flat at the
    /// deal file's assumed level (assumptions.indices), else at <see cref="DealBook.DefaultIndexRate"/>.</summary>
    public IReadOnlyDictionary<string, MonthlyVector> Indices { get; init; } = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<Price32>? Prices { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<Price32>>? ClassPrices { get; init; }
    public LossGrid Loss { get; init; } = LossGrid.Default;
}

/// <summary>
/// A loaded <see cref="Deal"/> as a <see cref="BookInput"/>: its classes, loans, particulars and a runner that
/// projects the waterfall (<see cref="DealRunner"/>) for each scenario the book asks for.
/// <para>Offered: the deal file's offered flag; a class without one: every class except the residual and the subordinates below the three most senior ones (CWALT
/// books the junior B classes as privately placed). Prices: par-centred for coupon classes; a Class PO or a
/// notional class gets nine prices around the 32nd nearest the price that yields <see cref="ReferenceYield"/>
/// at the pricing speed (steps of 16/32 for a PO, 4/32 for an IO).</para>
/// </summary>
public static class DealBook
{
    /// <summary>Index level used for every index the deal references when neither --index nor the deal file's
    /// assumptions.indices sets it: 1-month LIBOR around the 2004 CWALT pricings (1.10%).</summary>
    public const double DefaultIndexRate = 0.011;
    /// <summary>Bond-equivalent yield that centres the price grid of PO and IO classes.</summary>
    public const double ReferenceYield = 0.06;

    public static IReadOnlyList<Speed> DefaultSpeeds(PpcRamp ramp) =>
        new[] { 0, 50, 75, 100, 125, 150, 200 }.Select(p => Speed.Prepay($"{p} PPC", ramp)).ToArray();

    /// <summary>The deal's pricing speed: 100% of its Prepayment Assumption (the PPC ramp), as CWALT prospectuses price.</summary>
    public static Speed PricingSpeed(PpcRamp ramp) => Speed.Prepay("100 PPC", ramp);

    /// <summary>The speeds with the pricing speed among them: kept where it is, else put in order of its number when every
    /// speed has the same unit ("0, 50, 100, 150 PPC"), else last.</summary>
    public static IReadOnlyList<Speed> WithPricingSpeed(IReadOnlyList<Speed> speeds, Speed pricing)
    {
        if (speeds.Any(s => string.Equals(s.Text, pricing.Text, StringComparison.OrdinalIgnoreCase))) return speeds;
        static (double N, string Unit)? Split(Speed s)
        {
            var parts = s.Text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (n, parts[1].ToUpperInvariant()) : null;
        }
        var p = Split(pricing);
        var all = speeds.Select(Split).ToList();
        var list = speeds.ToList();
        if (p is { } pv && all.All(a => a is { } av && av.Unit == pv.Unit))
        {
            var at = all.FindIndex(a => a!.Value.N > pv.N);
            list.Insert(at < 0 ? list.Count : at, pricing);
        }
        else list.Add(pricing);
        return list;
    }

    /// <summary>Every index a formula coupon, a corridor or an ARM loan of the deal resets off.</summary>
    public static IReadOnlyList<string> IndexNames(Deal deal) =>
        deal.Classes.Select(c => c.Coupon).OfType<FormulaCoupon>().Select(f => f.Index)
            .Concat(deal.Corridors.Select(k => k.Index))
            .Concat(deal.Groups.SelectMany(g => g.Loans).Where(l => l.Arm is not null).Select(l => l.Arm!.Index))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The deal's 100% PPC: the one given, else the deal file's prepayment_assumption, else 8 → 20 CPR over 12 months.</summary>
    public static PpcRamp Ramp(Deal deal, PpcRamp? given = null) => given ?? deal.Metadata.PrepaymentAssumption ?? PpcRamp.CwaltFixed;

    /// <summary>The given index paths, then the deal file's assumed levels for the rest, then <see cref="DefaultIndexRate"/>.</summary>
    public static IReadOnlyDictionary<string, MonthlyVector> Indices(Deal deal, IReadOnlyDictionary<string, MonthlyVector> given)
    {
        var all = AssumedIndices(deal, given);
        foreach (var name in IndexNames(deal)) all.TryAdd(name, MonthlyVector.Flat(DefaultIndexRate));
        return all;
    }

    /// <summary>The given index paths plus, for any index not given, the deal file's assumed level (flat, as a fraction).</summary>
    public static Dictionary<string, MonthlyVector> AssumedIndices(Deal deal, IReadOnlyDictionary<string, MonthlyVector> given)
    {
        var all = new Dictionary<string, MonthlyVector>(given, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, level) in deal.Assumptions.Indices) all.TryAdd(name, MonthlyVector.Flat((double)level / 100));
        return all;
    }

    /// <summary>The settlement date: the terms', else the deal file's, else its closing date; never before closing.</summary>
    public static DateOnly Settlement(Deal deal, DateOnly? settle)
    {
        var md = deal.Metadata;
        var s = settle ?? md.SettlementDate ?? md.ClosingDate;
        if (s < md.ClosingDate)
            throw new RemicInputException("--settle", 0, "", s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"the settlement date must be on or after the closing date {md.ClosingDate:yyyy-MM-dd}");
        return s;
    }

    /// <summary>Runs one scenario: the deal's waterfall over its projected collateral, every class's flows and the groups' collateral.</summary>
    /// <remarks>With <see cref="ScenarioRequest.Call"/> the deal's clean-up call is exercised and each group's collateral
    /// ends with the purchase of its remaining loans at par (<see cref="CalledCollateral"/>); with
    /// <see cref="ScenarioRequest.IndexShiftBp"/> every index path is moved (<see cref="ShiftedIndices"/>) and the whole deal re-projected.</remarks>
    public static ScenarioResult Run(Deal deal, ScenarioRequest r, IReadOnlyDictionary<string, MonthlyVector> indices)
    {
        var run = DealRunner.Run(deal, new Scenario
        {
            Prepay = r.Prepay, Default = r.Default, Severity = MonthlyVector.Flat(r.Severity), RecoveryLag = r.Lag,
            Indices = r.IndexShiftBp == 0 ? indices : ShiftedIndices(indices, r.IndexShiftBp),
        }, r.Call && deal.CleanUpCall is not null);
        var flows = new Dictionary<string, BondCashFlows>(deal.Classes.Count);
        for (var c = 0; c < deal.Classes.Count; c++) flows[deal.Classes[c].Name] = DealClassFlows.Of(run, c);
        var groups = run.CalledAt is { } m ? run.Collateral.Groups.Select(g => CalledCollateral.At(g, m)).ToList() : run.Collateral.Groups;
        return new ScenarioResult(flows, groups);
    }

    /// <summary>Each index path moved by <paramref name="bp"/> basis points, month by month, floored at 0%.</summary>
    public static IReadOnlyDictionary<string, MonthlyVector> ShiftedIndices(IReadOnlyDictionary<string, MonthlyVector> indices, int bp) =>
        indices.ToDictionary(kv => kv.Key, kv => new MonthlyVector(kv.Value.Values.Select(v => Math.Max(0, v + bp / 10_000.0)).ToArray()),
            StringComparer.OrdinalIgnoreCase);

    public static BookClass Class(Deal deal, ClassSpec c, IReadOnlyDictionary<string, MonthlyVector> indices)
    {
        var juniors = deal.ShiftingInterest?.Subordinates.Skip(3).ToHashSet() ?? [];
        var offered = c.Offered ?? (!c.Is(ClassType.Residual) && !juniors.Contains(c.Name));
        MonthlyVector? dmIndex = c.Coupon is FormulaCoupon f && !c.IsNotional && f.Multiplier > 0 ? indices[f.Index] : null;
        var balance = (double)c.OriginalBalance;
        if (balance == 0 && c.Notional is ClassNotional cn) // the file may leave a notional's initial amount out
            balance = (double)cn.Factor * cn.Classes.Sum(n => (double)deal.Classes[deal.ClassIndex(n)].OriginalBalance);
        return new BookClass(c.Name, TypeText(c.Type), balance, CouponText(c.Coupon), string.Join(", ", c.Groups),
            offered, c.IsNotional, c.DayCount, c.DelayDays, dmIndex, (c.Coupon as FormulaCoupon)?.Index);
    }

    public static BookInput Input(Deal deal, DealBookTerms terms)
    {
        var md = deal.Metadata;
        var settle = Settlement(deal, terms.Settlement);
        var indices = Indices(deal, terms.Indices);
        var ramp = Ramp(deal, terms.Ramp);
        var speeds = terms.Speeds ?? DefaultSpeeds(ramp);
        var classes = deal.Classes.Select(c => Class(deal, c, indices)).ToList();
        ScenarioResult Run(ScenarioRequest r) => DealBook.Run(deal, r, indices);
        var pricing = terms.PricingSpeed ?? PricingSpeed(ramp);
        speeds = WithPricingSpeed(speeds, pricing);
        var classPrices = new Dictionary<string, IReadOnlyList<Price32>>(terms.ClassPrices ?? new Dictionary<string, IReadOnlyList<Price32>>());
        if (terms.Prices is null)
        {
            // PO and IO classes trade far from par: centre their grid on a price they can reach.
            var strips = deal.Classes.Where(c => c.IsNotional || c.Is(ClassType.Po)).Where(c => !classPrices.ContainsKey(c.Name)).ToList();
            if (strips.Count > 0)
            {
                var atPricing = Run(ScenarioRequest.At(pricing));
                foreach (var c in strips)
                {
                    var f = atPricing.Class(c.Name, ScenarioRequest.At(pricing));
                    if (!Accrual.Receivable(f, settle)) continue;
                    var centre = BondAnalytics.Price(new SettledFlows(f, settle), ReferenceYield);
                    classPrices[c.Name] = Grid(centre, c.IsNotional ? 4 : 16);
                }
            }
        }
        var indexLines = IndexNames(deal).Select(n => new BookLine($"Index {n}",
            indices[n].IsFlat ? $"{Fmt.Pct(indices[n].At(1) * 100)}% flat" : $"{indices[n].Count}-month vector from {Fmt.Pct(indices[n].At(1) * 100)}%"));
        return new BookInput
        {
            Title = $"{md.TrustName}: Computational Materials",
            Metadata =
            [
                new("Trust", md.TrustName),
                .. Line("Series", md.Series),
                .. Line("Depositor", md.Depositor),
                .. Line("Sellers", string.Join("; ", md.Sellers)),
                .. Line("Master Servicer", md.MasterServicer),
                .. Line("Trustee", md.Trustee),
                .. Line("Underwriter", md.Underwriter),
                new("Cut-off Date", Fmt.Date(md.CutoffDate)),
                new("Closing Date", Fmt.Date(md.ClosingDate)),
                new("Settlement Date", Fmt.Date(settle)),
                new("First Distribution Date", Fmt.Date(md.FirstDistributionDate)),
                new("Distribution Day", $"{md.DistributionDay}th of each month"),
                new("Prepayment Assumption", $"100% PPC = {ramp}"),
                .. indexLines,
                .. Line("Deal File", Path.GetFileName(deal.SourceFile)),
            ],
            Classes = classes,
            Loans = deal.StratsLoans.Count > 0 ? deal.StratsLoans : deal.Groups.SelectMany(g => g.Loans).ToList(),
            StratsSource = deal.StratsLoans.Count > 0
                ? $"Strats from {deal.StratsTapePath}, a loan-level tape for strats only (the deal file's strats_tape; a synthetic tape in the examples, see their SOURCES.md); cash flows are projected from the deal's {(deal.Groups.Any(g => g.TapePath is null) ? "rep lines" : "tapes")}."
                : deal.StratsTapePath is { } missing ? $"The deal file's strats_tape {missing} was not found next to it: the collateral shown is the projected loans." : null,
            Speeds = speeds,
            PricingSpeed = pricing,
            RunToCall = deal.CleanUpCall is null ? null : r => DealBook.Run(deal, r with { Call = true }, indices),
            ClassHeaders = deal.Classes.ToDictionary(c => c.Name, c => PriceHeader.Of(deal, c, settle, indices, pricing)),
            Prices = terms.Prices ?? BookInput.DefaultPrices,
            ClassPrices = classPrices,
            Settlement = settle,
            Run = Run,
            Loss = terms.Loss,
            CleanUpCall = deal.CleanUpCall is not null,
            Indices = indices,
        };
    }

    /// <summary>Nine prices in steps of <paramref name="step32"/>/32 around the 32nd nearest <paramref name="centre"/>, all above 0.</summary>
    public static IReadOnlyList<Price32> Grid(double centre, int step32)
    {
        var mid = Math.Max(Math.Round(centre * 32) / 32, (4 * step32 + 1) / 32.0);
        return Enumerable.Range(-4, 9).Select(k => new Price32((decimal)(mid + k * step32 / 32.0))).ToArray();
    }

    private static IEnumerable<BookLine> Line(string label, string value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [new BookLine(label, value)];

    public static string TypeText(ClassType t)
    {
        (ClassType Flag, string Word)[] words =
        [
            (ClassType.SuperSenior, "Super Senior"), (ClassType.SeniorSupport, "Senior Support"), (ClassType.Senior, "Senior"),
            (ClassType.Subordinate, "Subordinate"), (ClassType.Pac, "PAC"), (ClassType.Tac, "TAC"), (ClassType.Support, "Support"),
            (ClassType.Nas, "NAS"), (ClassType.Accrual, "Accrual"), (ClassType.Floater, "Floater"), (ClassType.InverseFloater, "Inverse Floater"),
            (ClassType.Po, "Principal Only"), (ClassType.NotionalIo, "Notional IO"), (ClassType.Residual, "Residual"),
        ];
        var picked = words.Where(w => (t & w.Flag) != 0).Select(w => w.Word).ToList();
        if (picked.Contains("Super Senior") || picked.Contains("Senior Support")) picked.Remove("Senior");
        return picked.Count == 0 ? "Other" : string.Join("/", picked);
    }

    public static string CouponText(CouponSpec c) => c switch
    {
        FixedCoupon f => $"{Fmt.Pct((double)f.Rate)}%",
        FormulaCoupon f => FormulaText(f),
        NetWacCoupon w => w.Minus == 0 ? $"Net WAC ({string.Join(", ", w.Groups)})" : $"Net WAC ({string.Join(", ", w.Groups)}) - {Fmt.Pct((double)w.Minus)}%",
        StripExcessCoupon => "Variable (strip excess)",
        _ => "None",
    };

    private static string FormulaText(FormulaCoupon f)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = f.Multiplier;
        var idx = m == 1 ? f.Index : m == -1 ? f.Index : $"{Math.Abs(m).ToString("0.####", inv)} x {f.Index}";
        var s = m > 0 ? $"{idx} + {Fmt.Pct((double)f.Margin)}%" : $"{Fmt.Pct((double)f.Margin)}% - {idx}";
        var bounds = new List<string>();
        if (f.Floor is { } fl) bounds.Add($"floor {Fmt.Pct((double)fl)}%");
        if (f.Cap is { } cap) bounds.Add($"cap {Fmt.Pct((double)cap)}%");
        if (f.NetWacCapGroups is { Count: > 0 }) bounds.Add("net WAC cap");
        return bounds.Count == 0 ? s : $"{s} ({string.Join(", ", bounds)})";
    }
}
