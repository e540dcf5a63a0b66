using System.Globalization;
using Remic.Collateral;
using Remic.Deals.Model;
using Remic.Reports.Book;
using Remic.Reports.Inputs;
using Remic.Trustee.Registry;

namespace Remic.Server;

/// <summary>Deals: the store's list, one deal's structure, collateral and priority of payments, upload and validation of deal files.</summary>
public static class DealEndpoints
{
    public static void Map(WebApplication app)
    {
        var g = app.MapGroup("/api/deals").WithTags("Deals");
        g.MapGet("", (DealStore s) => Results.Json(s.All.Select(Summary).ToList(), ServerJson.Options))
            .WithName("ListDeals").WithSummary("Every deal in the store: the examples this build ships, then uploads")
            .Produces<List<DealSummary>>();
        g.MapGet("/{id}", (string id, DealStore s) => Results.Json(Detail(s.Get(id)), ServerJson.Options))
            .WithName("GetDeal").WithSummary("A deal's structure (classes), collateral summary by group and priority of payments")
            .Produces<DealDetail>().ProducesProblem(404);
        g.MapGet("/{id}/yaml", (string id, DealStore s) => Results.Text(s.Get(id).Text, "application/yaml; charset=utf-8"))
            .WithName("GetDealFile").WithSummary("The deal file as stored (YAML)").ProducesProblem(404);
        g.MapPost("", async (HttpRequest req, DealStore s, ServerOptions o) =>
        {
            var text = await Bodies.ReadText(req, o.MaxDealBytes);
            var (d, created) = s.Add(text);
            return Results.Json(Summary(d), ServerJson.Options, statusCode: created ? 201 : 200);
        }).AddEndpointFilter<RequireApiKey>().Accepts<string>("application/yaml")
            .WithName("UploadDeal").WithSummary("Upload a deal file (YAML body): validated like `remic run` validates it, then kept in the store. 201 new, 200 already there")
            .Produces<DealSummary>(201).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(422);
        g.MapPost("/validate", async (HttpRequest req, DealStore s, ServerOptions o) =>
        {
            var text = await Bodies.ReadText(req, o.MaxDealBytes);
            var d = s.Validate(text);
            return Results.Json(new Validation(true, d.Metadata.TrustName, d.Classes.Count, d.Groups.Count), ServerJson.Options);
        }).Accepts<string>("application/yaml")
            .WithName("ValidateDeal").WithSummary("Check a deal file without keeping it (the editor's validation as you type): 200 valid, 422 with every error at its line")
            .Produces<Validation>().ProducesProblem(413).ProducesProblem(422);
        g.MapGet("/{id}/remittance/{period}", (string id, string period, DealStore s, string? prepay, string? @default, string? severity, int? seed) =>
        {
            var d = s.Get(id);
            var per = Remic.Core.Period.Parse(period, "period");
            var reg = DealFile.Registration(d.Deal, DealStore.DealFileName, d.Text);
            if (per < reg.FirstPeriod) throw new Remic.Core.RemicInputException("period", 0, "", period, $"a period from the deal's first distribution {reg.FirstPeriod} on");
            var months = per.MonthsSince(reg.FirstPeriod) + 1;
            if (months > 120) throw ProblemException.Limit("period", "at most 120 months after the first distribution");
            var options = new Remic.Trustee.Simulation.SimulationOptions(months, Speed.Prepay(prepay ?? "100 PPC", DealBook.Ramp(d.Deal), "prepay"),
                Speed.Default(@default ?? "0 CDR", "default"), CliValues.Number(severity, "severity", 0, 100, "a loss severity percent from 0 to 100", 0) is var sev ? (decimal)sev / 100m : 0,
                0, 0, seed ?? 1);
            options.Validate();
            var csv = new Remic.Trustee.Simulation.RemittanceSimulator(reg.Loans, reg.FirstPeriod, options).Run().Last().Csv;
            return Results.Text(csv, "text/csv; charset=utf-8");
        }).WithName("SimulateRemittance")
            .WithSummary("A SYNTHETIC servicer remittance for one period (as `remic trustee simulate` writes it, from the deal's first period up to this one; the same seed gives the same file)")
            .ProducesProblem(404).ProducesProblem(422);
    }

    public sealed record DealSummary(string Id, bool Example, string TrustName, string Series, string Collateral, int Classes, int Groups, decimal Balance, DateOnly ClosingDate);
    public sealed record Validation(bool Valid, string TrustName, int Classes, int Groups);
    public sealed record ClassLine(string Name, string Type, IReadOnlyList<string> Groups, decimal OriginalBalance, bool Notional, string Coupon, bool Offered);
    public sealed record GroupLine(string Name, int RepLines, long Loans, decimal Balance, double WacPercent, double WamMonths, decimal ServicingFee, decimal TrusteeFee);
    public sealed record WaterfallStep(string Id, string Kind, string Label, IReadOnlyList<string> Groups, IReadOnlyList<string> Classes, string? Parent, string? Branch);
    public sealed record DealDetail(DealSummary Deal, string Depositor, string Trustee, DateOnly CutoffDate, DateOnly FirstDistributionDate, string PricingSpeed,
        IReadOnlyList<string> Indices, bool CleanUpCall, IReadOnlyList<ClassLine> Classes, IReadOnlyList<GroupLine> CollateralGroups, IReadOnlyList<WaterfallStep> Waterfall);

    public static DealSummary Summary(StoredDeal s)
    {
        var d = s.Deal;
        return new DealSummary(s.Id, s.Example, d.Metadata.TrustName, d.Metadata.Series, DealOptions.LoanText(d), d.Classes.Count, d.Groups.Count,
            d.Classes.Where(c => !c.IsNotional).Sum(c => c.OriginalBalance), d.Metadata.ClosingDate);
    }

    public static DealDetail Detail(StoredDeal s)
    {
        var d = s.Deal;
        var indices = DealBook.AssumedIndices(d, new Dictionary<string, Remic.Core.MonthlyVector>());
        var classes = d.Classes.Select(c => DealBook.Class(d, c, indices))
            .Select((b, i) => new ClassLine(b.Name, b.Type, d.Classes[i].Groups, Math.Round((decimal)b.OriginalBalance, 2), b.Notional, b.Coupon, b.Offered)).ToList();
        var groups = d.Groups.Select(g =>
        {
            var bal = g.Loans.Sum(l => l.Balance);
            return new GroupLine(g.Name, g.TapePath is null ? g.Loans.Count : 0,
                g.TapePath is null ? g.Loans.Sum(l => (long)DealFile.LoansOf(l)) : g.Loans.Count, Math.Round((decimal)bal, 2),
                bal == 0 ? 0 : Math.Round(g.Loans.Sum(l => l.Balance * l.GrossRate) / bal * 100, 4),
                bal == 0 ? 0 : Math.Round(g.Loans.Sum(l => l.Balance * l.RemainingTerm) / bal, 1), g.ServicingFee, g.TrusteeFee);
        }).ToList();
        var steps = new List<WaterfallStep>();
        var n = 0;
        void Walk(IReadOnlyList<Step> list, string? parent, string? branch)
        {
            foreach (var step in list)
            {
                var id = $"s{++n}";
                switch (step)
                {
                    case When w:
                        steps.Add(new WaterfallStep(id, "when", ConditionText(w.If), [], [], parent, branch));
                        Walk(w.Then, id, "then");
                        Walk(w.Else, id, "else");
                        break;
                    default:
                        var (kind, label, from, to) = Describe(step);
                        steps.Add(new WaterfallStep(id, kind, label, from, to, parent, branch));
                        break;
                }
            }
        }
        Walk(d.Waterfall, null, null);
        return new DealDetail(Summary(s), d.Metadata.Depositor, d.Metadata.Trustee, d.Metadata.CutoffDate, d.Metadata.FirstDistributionDate,
            DealBook.PricingSpeed(DealBook.Ramp(d)).Text, DealBook.IndexNames(d), d.CleanUpCall is not null, classes, groups, steps);
    }

    private static (string Kind, string Label, IReadOnlyList<string> From, IReadOnlyList<string> To) Describe(Step s) => s switch
    {
        PayPoPrincipal p => ("pay_po_principal", "PO principal", [p.Group], [p.Class]),
        PayInterest p => ("pay_interest", "Interest", p.From, p.Classes),
        PayPrincipal p => ("pay_principal", $"Principal ({AmountText(p.Amount)}) {AllocationText(p.To)}", p.From, Classes(p.To).Concat(p.AfterDepletion is { } a ? Classes(a) : []).Distinct().ToList()),
        Accrete a => ("accrete", $"Accrual distribution of {a.Class} {AllocationText(a.To)}", a.From, Classes(a.To)),
        PayPoDeferred p => ("pay_po_deferred", "Class PO Deferred Amounts", p.From, []),
        PaySubordinates p => ("pay_subordinates", "Subordinates in order: interest, then Allocable Share", p.From, p.Classes),
        PayResidual p => ("pay_residual", "Remaining Available Funds", p.From, [p.Class]),
        _ => (s.GetType().Name, s.GetType().Name, [], []),
    };

    private static string AmountText(PrincipalAmount a) => a switch
    {
        PrincipalAmount.SeniorPrincipal => "Senior Principal Distribution Amount",
        PrincipalAmount.NonPoPrincipal => "non-PO principal",
        _ => "remaining funds",
    };

    private static string AllocationText(Allocation a) => a switch
    {
        ToClass c => c.Class,
        Sequential q => "sequentially: " + string.Join(", then ", q.Parts.Select(AllocationText)),
        ProRata p => "pro rata: " + string.Join(" / ", p.Parts.Select(AllocationText)),
        Split s => "split: " + string.Join(" / ", s.Parts.Select(x => $"{x.Percent.ToString("0.####", CultureInfo.InvariantCulture)}% {AllocationText(x.To)}")),
        ToSchedule t => $"{t.Class} to its scheduled balance",
        Lockout l => $"{l.Class} (lockout share)",
        _ => a.GetType().Name,
    };

    private static IReadOnlyList<string> Classes(Allocation a) => a switch
    {
        ToClass c => [c.Class],
        Sequential q => q.Parts.SelectMany(Classes).ToList(),
        ProRata p => p.Parts.SelectMany(Classes).ToList(),
        Split s => s.Parts.SelectMany(x => Classes(x.To)).ToList(),
        ToSchedule t => [t.Class],
        Lockout l => [l.Class],
        _ => [],
    };

    private static string ConditionText(Condition c) => c switch
    {
        ClassesOutstanding o => $"while {string.Join(", ", o.Classes)} outstanding",
        PeriodBetween p => $"periods {p.From} to {p.To}",
        StepDownPassed => "step-down test passed",
        _ => c.GetType().Name,
    };
}
