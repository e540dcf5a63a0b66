namespace Remic.Grid;

/// <summary>
/// The figures of one batch: per scenario the collateral's cumulative loss, and per scenario and class (row
/// <c>scenario·Classes + class</c>, the deal's classes in file order) the class's figures. NaN where a figure does not
/// exist (no yield without a price; no WAL for a class that receives nothing after settlement).
/// </summary>
public sealed class GridBatchResult
{
    public int Deal { get; }
    public long First { get; }
    public int Count { get; }
    /// <summary>Classes of the deal (the row stride).</summary>
    public int Classes { get; }

    /// <summary>Weighted average life from settlement, years (30/360), as <c>remic run</c> and <c>remic price</c> print it.</summary>
    public double[] Wal { get; }
    /// <summary>The principal window's first and last distribution dates as <see cref="DateOnly.DayNumber"/>; −1 = none.</summary>
    public int[] WindowFirst { get; }
    public int[] WindowLast { get; }
    /// <summary>Writedowns over the life (net of Class PO Deferred Amounts made good), percent of the class's original balance.</summary>
    public double[] WritedownPct { get; }
    /// <summary>The class is written down (more than half a cent).</summary>
    public bool[] FirstLoss { get; }
    /// <summary>Bond-equivalent yield at the job's price, percent; NaN without a price or when no yield discounts the flows to it.</summary>
    public double[] Yield { get; }
    /// <summary>Per scenario: the collateral's realised losses, currency, and percent of the cut-off balance.</summary>
    public double[] CollateralLoss { get; }
    public double[] CollateralLossPct { get; }

    public GridBatchResult(int deal, long first, int count, int classes)
    {
        if (count < 0 || classes < 0) throw new ArgumentOutOfRangeException(nameof(count));
        Deal = deal; First = first; Count = count; Classes = classes;
        var rows = count * classes;
        Wal = new double[rows]; WindowFirst = new int[rows]; WindowLast = new int[rows];
        WritedownPct = new double[rows]; FirstLoss = new bool[rows]; Yield = new double[rows];
        CollateralLoss = new double[count]; CollateralLossPct = new double[count];
    }

    public GridBatch Batch => new(Deal, First, Count);

    private const uint Magic = 0x31424752; // "RGB1" little-endian

    /// <summary>A compact, deterministic binary form (little-endian; doubles as their IEEE bits).</summary>
    public byte[] Encode()
    {
        var rows = Count * Classes;
        var ms = new MemoryStream(28 + rows * 33 + Count * 16);
        using (var w = new BinaryWriter(ms))
        {
            w.Write(Magic); w.Write(Deal); w.Write(First); w.Write(Count); w.Write(Classes);
            foreach (var v in Wal) w.Write(v);
            foreach (var v in WindowFirst) w.Write(v);
            foreach (var v in WindowLast) w.Write(v);
            foreach (var v in WritedownPct) w.Write(v);
            foreach (var v in FirstLoss) w.Write(v);
            foreach (var v in Yield) w.Write(v);
            foreach (var v in CollateralLoss) w.Write(v);
            foreach (var v in CollateralLossPct) w.Write(v);
        }
        return ms.ToArray();
    }

    public static GridBatchResult Decode(byte[] bytes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (r.ReadUInt32() != Magic) throw new FormatException("not a grid batch result");
            var deal = r.ReadInt32(); var first = r.ReadInt64(); var count = r.ReadInt32(); var classes = r.ReadInt32();
            if (count < 0 || classes < 0 || (long)count * classes * 33 + count * 16L != bytes.Length - 24L)
                throw new FormatException("a grid batch result of the wrong length");
            var g = new GridBatchResult(deal, first, count, classes);
            for (var i = 0; i < g.Wal.Length; i++) g.Wal[i] = r.ReadDouble();
            for (var i = 0; i < g.WindowFirst.Length; i++) g.WindowFirst[i] = r.ReadInt32();
            for (var i = 0; i < g.WindowLast.Length; i++) g.WindowLast[i] = r.ReadInt32();
            for (var i = 0; i < g.WritedownPct.Length; i++) g.WritedownPct[i] = r.ReadDouble();
            for (var i = 0; i < g.FirstLoss.Length; i++) g.FirstLoss[i] = r.ReadBoolean();
            for (var i = 0; i < g.Yield.Length; i++) g.Yield[i] = r.ReadDouble();
            for (var i = 0; i < g.CollateralLoss.Length; i++) g.CollateralLoss[i] = r.ReadDouble();
            for (var i = 0; i < g.CollateralLossPct.Length; i++) g.CollateralLossPct[i] = r.ReadDouble();
            return g;
        }
        catch (EndOfStreamException) { throw new FormatException("a grid batch result cut short"); }
    }
}
