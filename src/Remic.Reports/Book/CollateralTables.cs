using Remic.Analytics.Strats;
using Remic.Collateral;

namespace Remic.Reports.Book;

/// <summary>The collateral summary (per group and in total) and the strat tables (per group, and for the whole pool when there are several).</summary>
public static class CollateralTables
{
    public static IReadOnlyList<BookTable> Build(BookInput input)
    {
        if (input.Loans.Count == 0)
            return input.GroupSummaries.Count == 0 ? [] : [new BookTable("collateral-summary", FromGroupSummaries(input.GroupSummaries))];
        var groups = input.Loans.GroupBy(l => l.Group)
            .OrderBy(g => int.TryParse(g.Key, out var n) ? n : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: "Group " + g.Key, Stem: "group-" + Stems.Of(g.Key), Loans: (IReadOnlyList<Loan>)g.ToList()))
            .ToList();
        if (groups.Count > 1) groups.Add(("All Loans", "all", input.Loans));
        var summary = Summary(groups.Select(g => (g.Name, Stratification.Summary(g.Loans))).ToList());
        if (input.StratsSource is { } source) summary = summary with { Notes = [.. summary.Notes, source] };
        var tables = new List<BookTable> { new("collateral-summary", summary) };
        // Rep lines report no borrower attribute: every strat would be one "Not Available" row. One page of rep lines instead.
        if (!input.Loans.Any(HasStratAttribute))
        {
            tables.Add(new BookTable("collateral-rep-lines", RepLines(input.Loans)));
            return tables;
        }
        foreach (var g in groups)
        {
            var strats = Stratification.Build(g.Loans);
            foreach (var t in strats.Tables)
                tables.Add(new BookTable($"strats-{g.Stem}-{Stems.Of(t.Title.Split('(')[0])}", Strat(g.Name, t), Collapsed: groups.Count > 1 && g.Stem != "all"));
        }
        return tables;
    }

    private static bool HasStratAttribute(Loan l) =>
        l.Fico is not null || l.OriginalLtv is not null || !string.IsNullOrWhiteSpace(l.State) || !string.IsNullOrWhiteSpace(l.PropertyType)
        || !string.IsNullOrWhiteSpace(l.Occupancy) || !string.IsNullOrWhiteSpace(l.Purpose) || !string.IsNullOrWhiteSpace(l.Documentation);

    /// <summary>The rep lines as the deal file gives them: one row each, by group, with the group and pool totals.</summary>
    private static Table RepLines(IReadOnlyList<Loan> loans)
    {
        static IReadOnlyList<string> Row(string group, string id, IReadOnlyList<Loan> ls)
        {
            var bal = ls.Sum(l => l.Balance);
            double Wa(Func<Loan, double> f) => bal == 0 ? 0 : ls.Sum(l => l.Balance * f(l)) / bal;
            var count = ls.Sum(l => l.LoanCount);
            return [group, id, Fmt.Money(bal), Fmt.Num(count, "#,##0.##"), Fmt.Money(count > 0 ? bal / count : 0),
                Fmt.Pct(Wa(l => l.GrossRate * 100)), Fmt.Pct(Wa(l => l.NetRate * 100)), Fmt.Num(Wa(l => l.OriginalTerm > 0 ? l.OriginalTerm : l.RemainingTerm + l.Age), "0"),
                Fmt.Num(Wa(l => l.RemainingTerm), "0"), Fmt.Num(Wa(l => l.Age), "0"), Fmt.Num(Wa(l => l.IoTerm), "0"), Fmt.Num(Wa(l => l.BalloonTerm), "0")];
        }
        var rows = new List<IReadOnlyList<string>>();
        foreach (var g in loans.GroupBy(l => l.Group))
        {
            rows.AddRange(g.Select(l => Row(g.Key, l.Id, [l])));
            rows.Add(Row(g.Key, "Group total", g.ToList()));
        }
        rows.Add(Row("All", "Total", loans));
        return new Table("Collateral: Rep Lines",
            ["Group", "Rep Line", "Balance ($)", "Loans", "Average Balance ($)", "Gross Rate (%)", "Net Rate (%)", "Original Term", "Remaining Term", "Age", "IO Term", "Balloon"], rows)
        {
            Alignment = [Align.Left, Align.Left, .. Enumerable.Repeat(Align.Right, 10)],
            Notes =
            [
                "The deal file describes its collateral as rep lines (aggregate loans), which carry no FICO, LTV, state, property, occupancy, purpose or documentation: strat tables would be empty.",
                "Give the deal a loan tape (groups[].tape for projection, or strats_tape for strats only) to get strats. Terms and ages in months; totals are balance-weighted.",
            ],
        };
    }

    private static Table Summary(IReadOnlyList<(string Name, PoolSummary S)> cols)
    {
        string R(ValueRange? r, string fmt) => r is null ? "n/a" : $"{Fmt.Num(r.Min, fmt)} - {Fmt.Num(r.Max, fmt)}";
        string O(double? x, string fmt) => x is { } v ? Fmt.Num(v, fmt) : "n/a";
        (string, Func<PoolSummary, string>)[] rows =
        [
            ("Number of Mortgage Loans", s => Fmt.Num(s.Count, "#,##0.##")),
            ("Aggregate Principal Balance ($)", s => Fmt.Money(s.Balance)),
            ("Average Principal Balance ($)", s => Fmt.Money(s.AverageBalance)),
            ("Range of Principal Balances ($)", s => $"{Fmt.Money(s.LoanBalance.Min)} - {Fmt.Money(s.LoanBalance.Max)}"),
            ("Weighted Average Mortgage Rate (%)", s => Fmt.Pct(s.Wac)),
            ("Range of Mortgage Rates (%)", s => R(s.Rate, "0.000")),
            ("Weighted Average Net Rate (%)", s => Fmt.Pct(s.NetWac)),
            ("Weighted Average Remaining Term (months)", s => Fmt.Num(s.Wam, "0")),
            ("Range of Remaining Terms (months)", s => R(s.RemainingTerm, "0")),
            ("Weighted Average Original Term (months)", s => Fmt.Num(s.WaOriginalTerm, "0")),
            ("Weighted Average Loan Age (months)", s => Fmt.Num(s.Wala, "0")),
            ("Weighted Average FICO", s => O(s.WaFico, "0")),
            ("Range of FICO", s => R(s.Fico, "0")),
            ("Weighted Average Original LTV (%)", s => O(s.WaLtv, "0.00")),
            ("Range of Original LTV (%)", s => R(s.Ltv, "0.00")),
        ];
        return new Table("Collateral Summary", ["", .. cols.Select(c => c.Name)],
            rows.Select(r => (IReadOnlyList<string>)[r.Item1, .. cols.Select(c => r.Item2(c.S))]).ToList())
        {
            Notes = ["Balance-weighted averages at the cut-off date; FICO and LTV over loans that report them."],
        };
    }

    private static Table FromGroupSummaries(IReadOnlyList<BookGroupSummary> groups)
    {
        (string, Func<BookGroupSummary, string>)[] rows =
        [
            ("Number of Mortgage Loans", s => Fmt.Num(s.Loans, "#,##0.##")),
            ("Aggregate Principal Balance ($)", s => Fmt.Money(s.Balance)),
            ("Weighted Average Mortgage Rate (%)", s => Fmt.Pct(s.GrossWac)),
            ("Weighted Average Net Rate (%)", s => Fmt.Pct(s.NetWac)),
            ("Weighted Average Remaining Term (months)", s => Fmt.Num(s.Wam, "0")),
            ("Weighted Average Loan Age (months)", s => Fmt.Num(s.Wala, "0")),
        ];
        return new Table("Collateral Summary", ["", .. groups.Select(g => "Group " + g.Group)],
            rows.Select(r => (IReadOnlyList<string>)[r.Item1, .. groups.Select(g => r.Item2(g))]).ToList());
    }

    private static Table Strat(string group, StratTable t)
    {
        static IReadOnlyList<string> Row(StratRow r) =>
        [
            r.Label, Fmt.Num(r.Count, "#,##0.##"), Fmt.Money(r.Balance), Fmt.Pct(r.PercentOfPool, 2), Fmt.Pct(r.WaRate),
            Fmt.Num(r.WaRemainingTerm, "0"), r.WaFico is { } f ? Fmt.Num(f, "0") : "n/a", r.WaLtv is { } l ? Fmt.Num(l, "0.00") : "n/a",
        ];
        return new Table($"{group}: {t.Title}",
            [t.Title, "Number of Loans", "Aggregate Balance ($)", "% of Pool", "WA Rate (%)", "WA Rem Term", "WA FICO", "WA LTV (%)"],
            [.. t.Rows.Select(Row), Row(t.Total)]);
    }
}
