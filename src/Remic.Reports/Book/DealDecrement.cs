using Remic.Analytics;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Reports.Book;

/// <summary>
/// The decrement tables of a deal's classes across the book's speeds (0 CDR), as the book's Decrement Tables section
/// builds them: percent of original balance outstanding on each anniversary, WAL from settlement.
/// </summary>
public static class DealDecrement
{
    public static IReadOnlyList<(BookClass Class, DecrementTable Table, Table Rendered)> Tables(Deal deal, DealBookTerms terms, IReadOnlyList<string>? classes = null)
    {
        var input = DealBook.Input(deal, terms);
        var wanted = classes is { Count: > 0 }
            ? classes.Select(n => NameMatch.Resolve(n, input.Classes.Select(c => c.Name).ToList(), "class", "a class of the deal")).ToHashSet()
            : null;
        var runs = input.Speeds.Select(s => ScenarioRequest.At(s)).Select(r => (Req: r, Result: input.Run(r))).ToList();
        var list = new List<(BookClass, DecrementTable, Table)>();
        foreach (var c in input.Classes.Where(c => wanted is null || wanted.Contains(c.Name)))
        {
            var cols = input.Speeds.Select((s, k) => (s.Text, runs[k].Result.Class(c.Name, runs[k].Req))).ToList();
            var d = DecrementTable.Build(cols, input.Settlement);
            list.Add((c, d, ClassTables.Decrement($"Class {c.Name}: Percent of Original Balance Outstanding", d, input.Settlement)));
        }
        return list;
    }
}
