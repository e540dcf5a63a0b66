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

    public Align AlignOf(int column) =>
        Alignment is { } a && column < a.Count ? a[column] : column == 0 ? Align.Left : Align.Right;

    public int Columns => Header.Count;
}
