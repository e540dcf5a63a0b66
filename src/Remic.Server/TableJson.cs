using Remic.Reports;

namespace Remic.Server;

/// <summary>A report table as JSON: its title, header, display rows and notes, and its data (tidy rows as objects).</summary>
public sealed record TableJson(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes,
    IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Data)
{
    public static TableJson Of(Table t)
    {
        var d = t.Tidy();
        return new TableJson(t.Title, t.Header, t.Rows, t.Notes, d.Columns,
            d.Rows.Select(r => (IReadOnlyList<object?>)r.Select(v => v is DateOnly x ? x.ToString("yyyy-MM-dd") : v).ToArray()).ToList());
    }
}
