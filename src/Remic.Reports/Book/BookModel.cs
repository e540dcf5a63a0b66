namespace Remic.Reports.Book;

/// <summary>A table of the book and the file stem it is written under (<c>Stem</c>.txt, <c>Stem</c>.csv).</summary>
/// <param name="Collapsed">Folded under its title on the HTML page (long tables: monthly cash flows, strats).</param>
public sealed record BookTable(string Stem, Table Table, bool Collapsed = false);

/// <summary>
/// A chart of the book, written to charts/<c>Stem</c>.png: lines, or grouped bars when <paramref name="Categories"/>
/// is given (then each series has one Y value per category).
/// </summary>
public sealed record BookChart(string Stem, string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series,
    IReadOnlyList<string>? Categories = null);

public sealed record BookSection(string Heading, IReadOnlyList<BookTable> Tables, IReadOnlyList<BookChart> Charts);

/// <summary>One class's headline figures at the pricing speed (WAL from settlement, years).</summary>
public sealed record ClassHeadline(string Class, double Wal, string Window);

/// <summary>The book, built and not yet written: sections of tables and charts, plus headlines for a summary.</summary>
public sealed record CmBook(string Title, IReadOnlyList<BookSection> Sections, string PricingSpeed, IReadOnlyList<ClassHeadline> Headlines)
{
    public IEnumerable<BookTable> Tables => Sections.SelectMany(s => s.Tables);
    public IEnumerable<BookChart> Charts => Sections.SelectMany(s => s.Charts);
}
