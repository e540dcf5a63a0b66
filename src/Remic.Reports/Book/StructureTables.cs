namespace Remic.Reports.Book;

/// <summary>The deal's particulars and the structure summary (one row per class, with WAL and window at the pricing speed).</summary>
internal static class StructureTables
{
    public static Table Deal(BookInput input) =>
        new("Transaction Overview", ["Item", "Value"], input.Metadata.Select(m => (IReadOnlyList<string>)[m.Label, m.Value]).ToList())
        {
            Alignment = [Align.Left, Align.Left],
        };

    public static Table Structure(BookInput input, IReadOnlyDictionary<string, ClassHeadline> atPricing)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in input.Classes)
        {
            var f = atPricing.GetValueOrDefault(c.Name);
            rows.Add([
                c.Name, c.Type, Fmt.Money(c.OriginalBalance) + (c.Notional ? " (N)" : ""), c.Coupon, c.Group,
                c.Offered ? "Yes" : "No", Fmt.DayCountText(c.DayCount), Fmt.Num(c.Delay, "0"),
                f is null ? "" : Fmt.Num(f.Wal, "0.00"), f?.Window ?? "",
            ]);
        }
        return new Table("Structure Summary", ["Class", "Type", "Original Balance", "Coupon", "Group", "Offered", "Day Count", "Delay", "WAL (yr)", "Principal Window"], rows)
        {
            Alignment = [Align.Left, Align.Left, Align.Right, Align.Right, Align.Left, Align.Left, Align.Left, Align.Right, Align.Right, Align.Left],
            Notes = [$"WAL and principal window at {input.Pricing.Text}, 0 CDR, from settlement {Fmt.Date(input.Settlement)} (30/360). (N) = notional amount."],
        };
    }
}
