using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>
/// Dates and options of a pass-through book. CWALT 2004-J4 style defaults: cut-off 2004-04-01, first distribution
/// on the 25th of the next month, settlement at the end of the cut-off month, 24-day delay, 30/360.
/// </summary>
public sealed record PassThroughTerms
{
    public string Title { get; init; } = "Collateral Pass-Through Certificates: Computational Materials";
    public DateOnly CutoffDate { get; init; } = new(2004, 4, 1);
    /// <summary>Default: the 25th of the month after the cut-off.</summary>
    public DateOnly? FirstDistribution { get; init; }
    /// <summary>Default: the last day of the cut-off month.</summary>
    public DateOnly? Settlement { get; init; }
    public int Delay { get; init; } = 24;
    public IReadOnlyList<Speed> Speeds { get; init; } = DefaultSpeeds;
    public Speed? PricingSpeed { get; init; }
    public IReadOnlyList<Price32>? Prices { get; init; }
    public LossGrid Loss { get; init; } = LossGrid.Default;
    /// <summary>Only these loan groups become certificates (default all).</summary>
    public IReadOnlyList<string>? Groups { get; init; }
    /// <summary>Lines printed above the structure (the tape's origin, for example).</summary>
    public IReadOnlyList<BookLine> Metadata { get; init; } = [];

    public static readonly IReadOnlyList<Speed> DefaultSpeeds =
        new[] { 0, 50, 75, 100, 125, 150, 200 }.Select(p => Speed.Prepay($"{p} PPC")).ToArray();

    public DateOnly First => FirstDistribution ?? Period.Of(CutoffDate).AddMonths(1).Day(25);
    public DateOnly Settle => Settlement ?? Period.Of(CutoffDate).Day(31);
}

/// <summary>
/// A book on collateral alone, until the deal engine exists: each loan group is one pass-through certificate
/// paying the group's net interest (gross less servicing and other fees) and passing its principal and losses
/// through (<see cref="CollateralFlows.PassThrough"/>). Class names are "PT-" + the group name.
/// </summary>
public static class PassThroughBook
{
    public static string ClassName(string group) => "PT-" + group;

    public static BookInput Input(IReadOnlyList<Loan> loans, PassThroughTerms terms)
    {
        if (loans.Count == 0) throw new ArgumentException("no loans", nameof(loans));
        var picked = terms.Groups is { } gs ? loans.Where(l => gs.Contains(l.Group)).ToList() : loans.ToList();
        if (picked.Count == 0) throw new ArgumentException("none of the loans is in the chosen groups", nameof(terms));
        var groups = picked.GroupBy(l => l.Group)
            .OrderBy(g => int.TryParse(g.Key, out var n) ? n : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var classes = groups.Select(g =>
        {
            var bal = g.Sum(l => l.Balance);
            var netWac = g.Sum(l => l.Balance * l.NetRate) / bal;
            return new BookClass(ClassName(g.Key), "Pass-Through", bal, $"{Fmt.Pct(netWac * 100)}% (net WAC)", g.Key, Delay: terms.Delay);
        }).ToList();
        var pool = new LoanPool(picked);
        var first = terms.First;
        var dated = terms.CutoffDate;
        ScenarioResult Run(ScenarioRequest r)
        {
            var p = Projector.Project(pool, new Scenario
            {
                Prepay = r.Prepay, Default = r.Default, Severity = MonthlyVector.Flat(r.Severity), RecoveryLag = r.Lag,
            });
            var flows = p.Groups.ToDictionary(g => ClassName(g.Group), g => CollateralFlows.PassThrough(g, first, dated, terms.Delay));
            return new ScenarioResult(flows, p.Groups);
        }
        return new BookInput
        {
            Title = terms.Title,
            Metadata =
            [
                .. terms.Metadata,
                new("Structure", "One pass-through certificate per loan group (net interest, all principal and losses)"),
                new("Cut-off Date", Fmt.Date(dated)),
                new("Settlement Date", Fmt.Date(terms.Settle)),
                new("First Distribution Date", Fmt.Date(first)),
                new("Payment Delay", $"{terms.Delay} days (30/360)"),
                new("Prepayment Assumption", $"100% PPC = {PpcRamp.CwaltFixed}"),
            ],
            Classes = classes,
            Loans = picked,
            Speeds = terms.Speeds,
            PricingSpeed = terms.PricingSpeed,
            Prices = terms.Prices ?? BookInput.DefaultPrices,
            Settlement = terms.Settle,
            Run = Run,
            Loss = terms.Loss,
        };
    }
}
