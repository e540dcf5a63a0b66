using System.Buffers.Binary;
using System.Text.Json;
using Remic.Core;

namespace Remic.Grid;

/// <summary>
/// The state file of a partial grid output (<c>.NAME.grid-partial.json</c>): which job it belongs to, the scenarios in it,
/// the byte length of its known-good prefix and, for Parquet, that prefix's footer. It is replaced atomically (written
/// beside, flushed to disk, renamed over) after each row group has been flushed to disk, so whenever the process is
/// killed it describes a prefix of the partial file that is whole:
/// <list type="bullet">
/// <item>CSV: the first <see cref="Bytes"/> bytes end on a complete line; a block cut short after them is cut off on resume.</item>
/// <item>Parquet: adding a row group writes over the file's footer (the group's column chunks, then a new footer), so a
/// kill mid-append leaves the data of every earlier group intact but the footer damaged. <see cref="Footer"/> keeps the
/// last <c>footer + 8</c> bytes of the file as it was (the Thrift footer, its length and the closing <c>PAR1</c>): on
/// resume the file is cut to <c>Bytes − Footer.Length</c> and the footer written back, which gives the file exactly as it
/// was after the last complete group.</item>
/// </list>
/// </summary>
internal sealed record GridPartialState(string Job, string Format, int RowGroupScenarios, long Scenarios, long Bytes, string? Footer = null)
{
    public static GridPartialState Read(string path, string target)
    {
        try
        {
            return JsonSerializer.Deserialize<GridPartialState>(File.ReadAllText(path)) ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new RemicInputException("--resume", 0, "", path, $"the state of an interrupted grid run for {target}; it cannot be read: delete it and the partial output to start again");
        }
    }

    /// <summary>Replaces the state file in one step: written beside, flushed to disk, renamed over the old one.</summary>
    public void Write(string path)
    {
        var tmp = path + ".tmp";
        using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(f, this);
            f.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The last bytes of a Parquet file from its footer on (footer, footer length, <c>PAR1</c>), base64.</summary>
    public static string ParquetFooter(string partial)
    {
        using var f = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> end = stackalloc byte[8];
        f.Seek(-8, SeekOrigin.End);
        f.ReadExactly(end);
        var tail = new byte[BinaryPrimitives.ReadInt32LittleEndian(end) + 8];
        f.Seek(-tail.Length, SeekOrigin.End);
        f.ReadExactly(tail);
        return Convert.ToBase64String(tail);
    }

    /// <summary>
    /// Puts the partial file back to the <see cref="Bytes"/> this state describes: CSV cut to them, Parquet cut to its
    /// data and its footer written back. Refused (an input error) when the file is shorter than its known-good prefix.
    /// </summary>
    public void Restore(string partial, GridFormat format)
    {
        var footer = format == GridFormat.Parquet && Footer is not null ? Convert.FromBase64String(Footer) : [];
        var keep = Bytes - footer.Length;
        var length = File.Exists(partial) ? new FileInfo(partial).Length : -1;
        if (length < keep || keep < 0)
            throw new RemicInputException("--resume", 0, "", partial, $"the partial output of {Scenarios:N0} scenarios ({Bytes:N0} bytes); it is missing or cut short: delete it and its .json state to start again");
        if (format == GridFormat.Parquet && Footer is null && length != Bytes) // a state written before footers were kept
            throw new RemicInputException("--resume", 0, "", partial, $"a partial output of {Bytes:N0} bytes; it was damaged while a row group was being added (the run was killed mid-write): delete it and its .json state to start again");
        if (length == Bytes && footer.Length == 0) return;
        using var f = new FileStream(partial, FileMode.Open, FileAccess.Write, FileShare.None);
        f.SetLength(keep);
        f.Seek(keep, SeekOrigin.Begin);
        f.Write(footer);
        f.Flush(flushToDisk: true);
    }
}
