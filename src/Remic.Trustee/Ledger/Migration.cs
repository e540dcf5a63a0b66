namespace Remic.Trustee.Ledger;

/// <summary>
/// One numbered schema change. <see cref="Sql"/> is shared by both databases; the few type differences
/// are placeholders ({id}, {decimal}) that <see cref="ForDialect"/> expands. Statements are separated by
/// a line holding only "--;". A migration with genuinely different SQL per database sets
/// <see cref="PostgresSql"/> to override.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql, string? PostgresSql = null)
{
    public IReadOnlyList<string> ForDialect(Dialect d)
    {
        var text = d == Dialect.Postgres && PostgresSql is not null ? PostgresSql : Sql;
        text = d == Dialect.Postgres
            ? text.Replace("{id}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY").Replace("{decimal}", "NUMERIC(30,12)")
            : text.Replace("{id}", "INTEGER PRIMARY KEY AUTOINCREMENT").Replace("{decimal}", "TEXT");
        return text.Split("\n--;", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0).ToArray();
    }
}
