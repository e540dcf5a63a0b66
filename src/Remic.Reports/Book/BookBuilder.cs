using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>
/// Builds the Computational Materials book from a <see cref="BookInput"/>: runs the scenarios it needs
/// (each once) and lays out the tables and chart data. Writing is <see cref="BookWriter"/>'s job.
/// </summary>
public static class BookBuilder
{
    public static CmBook Build(BookInput input, IBookProgress? progress = null)
    {
        progress ??= IBookProgress.Silent;
        Validate(input);
        var grid = input.Loss;
        var offered = input.Classes.Where(c => c.Offered).ToList();
        var pricing = input.Pricing;
        progress.Expect(input.Speeds.Count + 1 + IndexSensitivity.Scenarios(input) + grid.Cdrs.Count * grid.Severities.Count + LossSection.Classes(input).Count * grid.Severities.Count + 1);
        var cache = new ScenarioCache(input.Run, input.Classes, progress);

        // Prepayment speeds at 0 CDR: price/yield, decrement tables, paydown and WAL charts.
        var bySpeed = input.Speeds.Select(s => (Speed: s.Text, Req: ScenarioRequest.At(s))).Select(x => (x.Speed, x.Req, Result: cache.Step(x.Req))).ToList();
        var pricingReq = ScenarioRequest.At(pricing);
        var atPricing = cache.Step(pricingReq);
        IReadOnlyList<(string Speed, BondCashFlows Flows)> Columns(BookClass c) =>
            bySpeed.Select(x => (x.Speed, x.Result.Class(c.Name, x.Req))).ToList();

        // A class with nothing to receive at the pricing speed (a Class X without premium loans, a residual without a
        // balance) has no WAL, window or price/yield table: the structure table leaves those cells blank.
        bool Receivable(BookClass c) => Accrual.Receivable(atPricing.Class(c.Name, pricingReq), input.Settlement);
        var headlines = input.Classes.Where(Receivable).Select(c =>
        {
            var s = new SettledFlows(atPricing.Class(c.Name, pricingReq), input.Settlement);
            return new ClassHeadline(c.Name, BondAnalytics.Wal(s), PrincipalWindow.Of(s.Flows, s.First).Label);
        }).ToList();

        var structure = new List<BookTable>();
        if (input.Metadata.Count > 0) structure.Add(new BookTable("deal", StructureTables.Deal(input)));
        structure.Add(new BookTable("structure", StructureTables.Structure(input, headlines.ToDictionary(h => h.Class))));

        var priceTables = new List<BookTable>();
        var priceCharts = new List<BookChart>();
        var rateInputs = new List<(string, Price32, SettledFlows)>();
        var indexInputs = new List<(BookClass, Price32)>();
        var calls = input.RunToCall is { } runToCall
            ? input.Speeds.Select(s => runToCall(ScenarioRequest.At(s))).ToList()
            : null;
        foreach (var c in offered.Where(Receivable))
        {
            var scenarios = new List<ExhibitScenario>();
            for (var k = 0; k < bySpeed.Count; k++)
            {
                scenarios.Add(new ExhibitScenario(bySpeed[k].Speed, bySpeed[k].Result.Class(c.Name, bySpeed[k].Req)));
                if (calls is not null) scenarios.Add(new ExhibitScenario(bySpeed[k].Speed + " Call", calls[k].Class(c.Name, bySpeed[k].Req), ToCall: true));
            }
            var x = PriceExhibit.Build(scenarios, new ExhibitRequest
            {
                Settle = input.Settlement, Prices = input.PricesFor(c.Name), DiscountIndex = c.DiscountMarginIndex,
            });
            var header = input.ClassHeaders.TryGetValue(c.Name, out var h) ? h : [];
            priceTables.Add(new BookTable($"price-yield-{Stems.Of(c.Name)}", PriceExhibitTables.Render($"Class {c.Name}: Price/Yield", header, x, c.Name)));
            priceCharts.Add(BookCharts.YieldVsPrice(c.Name, x.ToPriceYieldTable()));
            if (c.RateIndex is not null) indexInputs.Add((c, x.ReferencePrice)); // its flows move with the index: re-projected
            else rateInputs.Add((c.Name, x.ReferencePrice, new SettledFlows(atPricing.Class(c.Name, pricingReq), input.Settlement)));
        }

        var decrementTables = new List<BookTable>();
        var decrementCharts = new List<BookChart>();
        var walRows = new List<(string, IReadOnlyList<double>)>();
        foreach (var c in input.Classes)
        {
            var cols = Columns(c);
            var d = DecrementTable.Build(cols, input.Settlement);
            decrementTables.Add(new BookTable($"decrement-{Stems.Of(c.Name)}", ClassTables.Decrement($"Class {c.Name}: Percent of Original Balance Outstanding", d, input.Settlement)));
            decrementCharts.Add(BookCharts.Paydown(c.Name, cols));
            if (!c.Notional) walRows.Add((c.Name, d.Wal));
        }
        if (walRows.Count > 0) decrementCharts.Insert(0, BookCharts.WalVsSpeed(input.Speeds, walRows));

        var cashFlowTables = input.Classes.Select(c => new BookTable($"cashflows-{Stems.Of(c.Name)}",
            ClassTables.CashFlows($"Class {c.Name}: Cash Flows at {pricing.Text}", atPricing.Class(c.Name, pricingReq), pricing.Text), Collapsed: true)).ToList();
        cashFlowTables.AddRange(atPricing.Groups.Select(g => new BookTable($"collateral-cashflows-group-{Stems.Of(g.Group)}",
            ClassTables.CollateralFlows($"Group {g.Group} Collateral: Cash Flows at {pricing.Text}", g, pricing.Text), Collapsed: true)));

        var (lossTables, lossCharts) = LossSection.Build(input, cache, progress);

        var sections = new List<BookSection>
        {
            new("Structure", structure, []),
            new("Collateral", CollateralTables.Build(input), []),
            new("Price/Yield Tables", priceTables, priceCharts),
            new("Decrement Tables", decrementTables, decrementCharts),
            new($"Cash Flows at {pricing.Text}", cashFlowTables, []),
        };
        var rateTables = new List<BookTable>();
        if (rateInputs.Count > 0) rateTables.Add(new BookTable("rate-sensitivity", RateTables.Build(rateInputs, pricing.Text)));
        rateTables.AddRange(IndexSensitivity.Build(input, cache, indexInputs));
        if (rateTables.Count > 0) sections.Add(new("Rate Sensitivity", rateTables, []));
        sections.Add(new("Loss Sensitivity", lossTables, lossCharts));
        progress.Done("tables");
        return new CmBook(input.Title, sections.Where(s => s.Tables.Count + s.Charts.Count > 0).ToList(), pricing.Text, headlines);
    }

    private static void Validate(BookInput input)
    {
        if (input.Classes.Count == 0) throw new ArgumentException("the book needs at least one class", nameof(input));
        if (input.Speeds.Count == 0) throw new ArgumentException("the book needs at least one prepayment speed", nameof(input));
        var dup = input.Classes.GroupBy(c => Stems.Of(c.Name)).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"class names {string.Join(" and ", dup.Select(c => c.Name))} would share a file name", nameof(input));
        foreach (var name in input.ClassPrices.Keys.Where(n => input.Classes.All(c => c.Name != n)))
            throw new ArgumentException($"prices are given for class {name}, which is not one of the book's classes", nameof(input));
        foreach (var c in input.Classes.Where(c => c.Offered))
            if (input.PricesFor(c.Name).Count == 0) throw new ArgumentException($"no prices for class {c.Name}", nameof(input));
        if (input.Speeds.Any(s => s.Kind != SpeedKind.Prepayment)) throw new ArgumentException("book speeds must be prepayment speeds", nameof(input));
        if (input.Loss.Cdrs.Count == 0 || input.Loss.Severities.Count == 0) throw new ArgumentException("the loss grid needs at least one CDR and one severity", nameof(input));
    }
}
