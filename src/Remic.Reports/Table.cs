namespace Remic.Reports;

public enum Align { Left, Right }

/// <summary>
/// A titled table of already-formatted cells: the one shape every report (price/yield, decrement,
/// cash flows, strats) is built as, then rendered to aligned text, CSV or HTML.
/// </summary>
public sealed record Table(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Per-column alignment; by default the first column is left-aligned and the rest right-aligned (figures).</summary>
    public IReadOnlyList<Align>? Alignment { get; init; }

    /// <summary>Lines printed under the table (assumptions, footnotes such as "* indicates less than 0.5%").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Lines printed between the title and the table (an exhibit's header block: balance, coupon, dates...).</summary>
    public IReadOnlyList<string> Preamble { get; init; } = [];

    /// <summary>
    /// The table as data (<see cref="TidyData"/>): what the CSV, xlsx and Parquet outputs carry. Null: the display
    /// cells, tidied (<see cref="TidyData.FromDisplay"/>).
    /// </summary>
    public TidyData? Data { get; init; }

    /// <summary>The data behind the table: <see cref="Data"/>, else the display cells tidied.</summary>
    public TidyData Tidy() => Data ?? TidyData.FromDisplay(this);

    /// <summary>Per row, a link its cells lead to in HTML (e.g. a class's explanation); null or a null entry: none.</summary>
    public IReadOnlyList<string?>? RowLinks { get; init; }

    public Align AlignOf(int column) =>
        Alignment is { } a && column < a.Count ? a[column] : column == 0 ? Align.Left : Align.Right;

    public int Columns => Header.Count;
}
