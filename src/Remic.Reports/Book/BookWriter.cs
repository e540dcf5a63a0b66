using System.Text;

namespace Remic.Reports.Book;

/// <summary>
/// Writes a <see cref="CmBook"/> into a directory, all or nothing (<see cref="OutputDirectory"/>): per table
/// <c>stem</c>.txt (aligned, like the EDGAR exhibits) and <c>stem</c>.csv (tidy data); charts/<c>stem</c>.png; book.txt (every
/// table in order); book.xlsx (every table's data, one sheet a table, named by its stem); index.html (every table and chart).
/// </summary>
public static class BookWriter
{
    /// <summary>
    /// The file every book carries (hidden, beside index.html): the only sign by which an existing directory is taken for
    /// an earlier book and replaced. A website or a deal folder with an index.html is never taken for one.
    /// </summary>
    public const string MarkerFile = ".remic-book";

    public const string MarkerText = "This directory is a Computational Materials book written by Remic; `remic cm --out` replaces it whole.\n";

    /// <returns>The files written, relative to <paramref name="directory"/>.</returns>
    public static IReadOnlyList<string> Write(CmBook book, string directory, IBookProgress? progress = null)
    {
        progress ??= IBookProgress.Silent;
        CheckTarget(directory);
        var charts = book.Charts.ToList();
        progress.Expect(charts.Count + 1);
        var files = new List<string>();
        var pending = new List<(BookChart Chart, string Path)>();
        using var output = new OutputDirectory(directory);
        void Put(string rel, string content) { output.Write(rel, content); files.Add(rel); }

        var page = new HtmlPage(book.Title);
        var all = new StringBuilder().AppendLine(book.Title).AppendLine();
        foreach (var section in book.Sections)
        {
            page.Section(section.Heading);
            foreach (var t in section.Tables)
            {
                var text = TextRenderer.Render(t.Table);
                Put(t.Stem + ".txt", text);
                Put(t.Stem + ".csv", CsvRenderer.Render(t.Table));
                all.Append(text).AppendLine();
                page.Add(t.Table, t.Collapsed).Links([(t.Stem + ".txt", "text"), (t.Stem + ".csv", "CSV")]);
            }
            foreach (var c in section.Charts)
            {
                var rel = $"charts/{c.Stem}.png";
                pending.Add((c, output.PathOf(rel)));
                files.Add(rel);
                page.Image(rel, c.Title);
            }
        }
        // Charts are most of the writing time and independent of each other: render them on every core.
        var gate = new object();
        try
        {
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, x =>
            {
                var c = x.Chart;
                if (c.Categories is { } cats) Charts.Bars(x.Path, c.Title, c.XLabel, c.YLabel, cats, c.Series);
                else Charts.Line(x.Path, c.Title, c.XLabel, c.YLabel, c.Series);
                lock (gate) progress.Done($"chart {c.Stem}");
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        Put("book.txt", all.ToString());
        DataFiles.WriteXlsx(output.PathOf("book.xlsx"), book.Tables.Select(t => (t.Stem, t.Table.Tidy())));
        files.Add("book.xlsx");
        Put("index.html", page.Render());
        output.Write(MarkerFile, MarkerText);
        output.Commit();
        progress.Done("index.html");
        return files;
    }

    /// <summary>
    /// The target is replaced whole, so it must be new, empty or an earlier book (it holds <see cref="MarkerFile"/>):
    /// never a file or a device, and never a folder of other things (a mistyped "--out ." must not wipe the current
    /// directory; a website's or a deal's folder with an index.html is not a book).
    /// </summary>
    public static void CheckTarget(string directory, string source = "--out")
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        switch (Remic.Core.FileKinds.Of(full))
        {
            case Remic.Core.FileKind.Special:
                throw new Remic.Core.RemicInputException(source, 0, "", directory,
                    "a directory for the book; this is a device, FIFO or socket, which Remic never writes over");
            case Remic.Core.FileKind.Regular:
                throw new Remic.Core.RemicInputException(source, 0, "", directory, "a directory for the book, not an existing file");
            case Remic.Core.FileKind.Directory when Directory.EnumerateFileSystemEntries(full).Any() && !IsBook(full):
                throw new Remic.Core.RemicInputException(source, 0, "", directory,
                    $"a new or empty directory, or a book Remic wrote earlier (one holding {MarkerFile}): the book replaces the whole directory");
        }
    }

    /// <summary>Whether the directory is a book this writer created (its marker is a regular file).</summary>
    public static bool IsBook(string directory) =>
        Remic.Core.FileKinds.Of(Path.Combine(directory, MarkerFile)) == Remic.Core.FileKind.Regular;

    /// <summary>Builds and writes in one go.</summary>
    public static (CmBook Book, IReadOnlyList<string> Files) BuildAndWrite(BookInput input, string directory, IBookProgress? progress = null)
    {
        CheckTarget(directory);
        var book = BookBuilder.Build(input, progress);
        return (book, Write(book, directory, progress));
    }
}
