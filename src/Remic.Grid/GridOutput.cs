using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using Remic.Core;

namespace Remic.Grid;

/// <summary>The file a grid writes: Parquet (columnar; pandas, Arrow, DuckDB read it) or CSV.</summary>
public enum GridFormat { Parquet, Csv }

/// <summary>
/// A grid's output file, written as results arrive in scenario order (<see cref="GridOrderedSink"/> feeds it). Rows are
/// one per deal × scenario × class. Every <see cref="RowGroupScenarios"/> scenarios form one row group (Parquet) or
/// one block of lines (CSV), appended to a resumable partial file beside the target and recorded in a small state file;
/// the rows of an unfinished group stay in memory only, so memory is bounded by one group whatever the grid's size.
/// <list type="bullet">
/// <item><c>.NAME.grid-partial</c>: the output so far, complete row groups only (a valid Parquet file after each group:
/// every group is appended by re-opening the file, so an interrupted and a continued run write the same bytes);</item>
/// <item><c>.NAME.grid-partial.json</c>: the job's hash, the scenarios, the bytes of the known-good prefix and (Parquet)
/// its footer, replaced atomically after each group (<see cref="GridPartialState"/>), so a run killed at any moment
/// (SIGKILL included) resumes from its last whole group;</item>
/// <item><c>.NAME.grid-lock</c>: held while a run writes, so two runs cannot write the same output.</item>
/// </list>
/// <see cref="CompleteAsync"/> renames the partial onto NAME (one step) and removes the state file; an interrupted run
/// leaves both, and a run with <c>resume</c> continues from them.
/// </summary>
public sealed class GridOutput : IAsyncDisposable
{
    /// <summary>Scenarios per row group: fixed, so the file is the same whatever the thread count, batch size or machines.</summary>
    public const int DefaultRowGroupScenarios = 1024;

    public string Target { get; }
    public string PartialPath { get; }
    public string StatePath { get; }
    public GridFormat Format { get; }
    public int RowGroupScenarios { get; }
    /// <summary>Scenarios (deal × scenario, counted over the whole job) already in the partial file when this run began.</summary>
    public long ResumedFrom { get; }
    /// <summary>Scenarios in the partial file (complete groups).</summary>
    public long ScenariosWritten { get; private set; }
    /// <summary>Scenarios handed to <see cref="WriteAsync"/> (in the file or waiting in the current group).</summary>
    public long ScenariosReceived { get; private set; }
    public long RowsWritten { get; private set; }

    private readonly GridJob job;
    private readonly FileStream lockFile;
    private readonly string[][] classNames;
    private readonly Columns buffer = new();
    private int buffered;
    private long bytes;
    private string? footer;

    private GridOutput(string target, GridJob job, GridFormat format, int rowGroupScenarios, FileStream lockFile, long resumedFrom, long bytes)
    {
        Target = target;
        PartialPath = Sibling(target, "grid-partial");
        StatePath = PartialPath + ".json";
        this.job = job;
        Format = format;
        RowGroupScenarios = rowGroupScenarios;
        this.lockFile = lockFile;
        ResumedFrom = ScenariosWritten = ScenariosReceived = resumedFrom;
        this.bytes = bytes;
        classNames = new string[job.Deals.Count][];
    }

    public static string Sibling(string target, string kind) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".", $".{Path.GetFileName(target)}.{kind}");

    /// <summary>The format an --out name asks for: .parquet or .csv.</summary>
    public static GridFormat FormatOf(string target) =>
        Path.GetExtension(target).ToLowerInvariant() switch
        {
            ".parquet" => GridFormat.Parquet,
            ".csv" => GridFormat.Csv,
            _ => throw new RemicInputException("--out", 0, "", target, "a file name ending in .parquet or .csv"),
        };

    /// <summary>True when an interrupted run left a partial output for <paramref name="target"/>.</summary>
    public static bool HasPartial(string target) => File.Exists(Sibling(target, "grid-partial") + ".json");

    /// <summary>
    /// Opens the output. Without <paramref name="resume"/> a partial output left by an interrupted run is refused (it
    /// would be lost); with it, the partial is checked to belong to the same job and continued (a missing one starts
    /// afresh).
    /// </summary>
    public static GridOutput Open(string target, GridJob job, bool resume, int rowGroupScenarios = DefaultRowGroupScenarios)
    {
        if (rowGroupScenarios < 1) throw new ArgumentOutOfRangeException(nameof(rowGroupScenarios));
        var format = FormatOf(target);
        var full = Path.GetFullPath(target);
        if (!Directory.Exists(Path.GetDirectoryName(full))) throw new RemicInputException("--out", 0, "", target, "a file in an existing directory");
        UserFile.CheckOutputTarget(target, "--out", directory: false);
        FileStream lockFile;
        try { lockFile = new FileStream(Sibling(full, "grid-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
        catch (IOException)
        {
            throw new RemicInputException("--out", 0, "", target, "an output no other `remic grid` is writing (another run holds " + Sibling(full, "grid-lock") + ")");
        }
        try
        {
            var partial = Sibling(full, "grid-partial");
            var statePath = partial + ".json";
            long from = 0, bytes = 0;
            string? footer = null;
            if (File.Exists(statePath))
            {
                if (!resume)
                    throw new RemicInputException("--out", 0, "", target,
                        $"--resume to continue the interrupted run whose partial output is {partial} (or delete it and {statePath} to start again)");
                var state = GridPartialState.Read(statePath, target);
                if (state.Job != job.Hash || state.RowGroupScenarios != rowGroupScenarios || state.Format != format.ToString())
                    throw new RemicInputException("--resume", 0, "", target,
                        $"the same deals, axes and options as the interrupted run: its partial output {partial} is of another grid (run the same command again with --resume, or delete the partial files to start again)");
                // Killed between the last group's rename onto the target and the state's removal: the target is the partial.
                if (!File.Exists(partial) && state.Scenarios == job.TotalScenarios && File.Exists(full) && new FileInfo(full).Length == state.Bytes)
                    File.Move(full, partial);
                state.Restore(partial, format); // back to the last whole row group, whenever the run was killed
                footer = state.Footer;
                from = state.Scenarios;
                bytes = state.Bytes;
            }
            else
            {
                if (File.Exists(partial)) File.Delete(partial); // a partial without its state never completed a group
            }
            return new GridOutput(full, job, format, rowGroupScenarios, lockFile, from, bytes) { footer = footer };
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    private void WriteState() =>
        new GridPartialState(job.Hash, Format.ToString(), RowGroupScenarios, ScenariosWritten, bytes, footer).Write(StatePath);

    /// <summary>The batches still to run: the job's, from the first scenario not in the partial file.</summary>
    public IReadOnlyList<GridBatch> RemainingBatches(int scenariosPerBatch) => job.Batches(scenariosPerBatch, ResumedFrom);

    /// <summary>Appends a batch's rows; batches must come in scenario order (through <see cref="GridOrderedSink"/>).</summary>
    public async ValueTask WriteAsync(GridBatch batch, GridBatchResult r)
    {
        var expected = job.Position(batch.Deal, batch.First);
        if (expected != ScenariosReceived) throw new InvalidOperationException($"batch {batch} arrived at scenario {ScenariosReceived}, not in order");
        var names = classNames[r.Deal] ??= job.Deals[r.Deal].ClassNames.ToArray();
        if (names.Length != r.Classes) throw new InvalidOperationException($"batch {batch} has {r.Classes} classes; the deal has {names.Length}");
        var space = job.Space;
        for (var i = 0; i < r.Count; i++)
        {
            var s = space.At(r.First + i);
            for (var c = 0; c < r.Classes; c++)
                buffer.Add(job, space, r.Deal, s, names[c], r, i * r.Classes + c);
            ScenariosReceived++;
            if (++buffered == RowGroupScenarios) await FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task FlushAsync()
    {
        if (buffered == 0) return;
        if (Format == GridFormat.Parquet) await buffer.AppendParquet(PartialPath, job.Hash).ConfigureAwait(false);
        else buffer.AppendCsv(PartialPath);
        RowsWritten += buffer.Count;
        ScenariosWritten += buffered;
        buffered = 0;
        buffer.Clear();
        bytes = new FileInfo(PartialPath).Length;
        if (Format == GridFormat.Parquet) footer = GridPartialState.ParquetFooter(PartialPath);
        WriteState();
    }

    /// <summary>Writes the last group and renames the partial onto the target (one step); removes the state file.</summary>
    public async Task CompleteAsync()
    {
        if (ScenariosReceived != job.TotalScenarios) throw new InvalidOperationException($"the output has {ScenariosReceived} of {job.TotalScenarios} scenarios");
        await FlushAsync().ConfigureAwait(false);
        if (!File.Exists(PartialPath)) // an empty grid cannot happen (each axis has a value); keep the header all the same
        {
            if (Format == GridFormat.Csv) buffer.AppendCsv(PartialPath);
            else await buffer.AppendParquet(PartialPath, job.Hash).ConfigureAwait(false);
        }
        File.Move(PartialPath, Target, overwrite: true);
        File.Delete(StatePath);
    }

    public ValueTask DisposeAsync()
    {
        lockFile.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The column names of the output, in order.</summary>
    public static readonly IReadOnlyList<string> ColumnNames =
    [
        "deal", "scenario", "index_path", "prepay", "default", "severity_pct", "lag_months", "call", "class",
        "wal_years", "window_first", "window_last", "writedown_pct", "first_loss", "yield_pct", "collateral_loss", "collateral_loss_pct",
    ];

    /// <summary>One row group's rows, column by column.</summary>
    private sealed class Columns
    {
        public readonly List<string> Deal = [], Path = [], Prepay = [], Default = [], Class = [];
        public readonly List<long> Scenario = [];
        public readonly List<double> Severity = [], Writedown = [], Loss = [], LossPct = [];
        public readonly List<int> Lag = [];
        public readonly List<bool> Call = [], FirstLoss = [];
        public readonly List<double?> Wal = [], Yield = [];
        public readonly List<DateOnly?> First = [], Last = [];
        public int Count => Class.Count;

        public void Add(GridJob job, ScenarioSpace space, int d, GridScenario s, string cls, GridBatchResult r, int row)
        {
            var a = job.Axes;
            Deal.Add(job.Deals[d].File);
            Scenario.Add(s.Index);
            Path.Add(space.PathName(s));
            Prepay.Add(a.Prepay[s.Prepay]);
            Default.Add(a.Default[s.Default]);
            Severity.Add(a.Severity[s.Severity]);
            Lag.Add(a.Lag[s.Lag]);
            Call.Add(a.Call[s.Call]);
            Class.Add(cls);
            Wal.Add(double.IsNaN(r.Wal[row]) ? null : r.Wal[row]);
            First.Add(r.WindowFirst[row] < 0 ? null : DateOnly.FromDayNumber(r.WindowFirst[row]));
            Last.Add(r.WindowLast[row] < 0 ? null : DateOnly.FromDayNumber(r.WindowLast[row]));
            Writedown.Add(r.WritedownPct[row]);
            FirstLoss.Add(r.FirstLoss[row]);
            Yield.Add(double.IsNaN(r.Yield[row]) ? null : r.Yield[row]);
            var i = row / r.Classes;
            Loss.Add(r.CollateralLoss[i]);
            LossPct.Add(r.CollateralLossPct[i]);
        }

        public void Clear()
        {
            foreach (var l in new System.Collections.IList[] { Deal, Path, Prepay, Default, Class, Scenario, Severity, Writedown, Loss, LossPct, Lag, Call, FirstLoss, Wal, Yield, First, Last })
                l.Clear();
        }

        private static readonly DataField[] Fields =
        [
            new DataField<string>("deal"), new DataField<long>("scenario"), new DataField<string>("index_path"),
            new DataField<string>("prepay"), new DataField<string>("default"), new DataField<double>("severity_pct"),
            new DataField<int>("lag_months"), new DataField<bool>("call"), new DataField<string>("class"),
            new DataField<double?>("wal_years"), new DataField<DateOnly?>("window_first"), new DataField<DateOnly?>("window_last"),
            new DataField<double>("writedown_pct"), new DataField<bool>("first_loss"), new DataField<double?>("yield_pct"),
            new DataField<double>("collateral_loss"), new DataField<double>("collateral_loss_pct"),
        ];

        private static readonly ParquetSchema Schema = new(Fields);

        /// <summary>Appends the rows as one row group: the file is opened, the group added and the footer rewritten, so
        /// the file is a complete Parquet file after every group.</summary>
        public async Task AppendParquet(string path, string jobHash)
        {
            await using var fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            await using (var w = await ParquetWriter.CreateAsync(Schema, fs, append: fs.Length > 0).ConfigureAwait(false))
            {
                w.CustomMetadata = new Dictionary<string, string> { ["remic.grid.job"] = jobHash };
                if (Count > 0)
                {
                    using var g = w.CreateRowGroup();
                    await g.WriteAsync(Fields[0], Deal.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<long>(Fields[1], Scenario.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync(Fields[2], Path.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync(Fields[3], Prepay.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync(Fields[4], Default.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<double>(Fields[5], Severity.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<int>(Fields[6], Lag.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<bool>(Fields[7], Call.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync(Fields[8], Class.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<double>(Fields[9], Wal.ToArray().AsMemory()).ConfigureAwait(false);
                    await g.WriteAsync<DateOnly>(Fields[10], First.ToArray().AsMemory()).ConfigureAwait(false);
                    await g.WriteAsync<DateOnly>(Fields[11], Last.ToArray().AsMemory()).ConfigureAwait(false);
                    await g.WriteAsync<double>(Fields[12], Writedown.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<bool>(Fields[13], FirstLoss.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<double>(Fields[14], Yield.ToArray().AsMemory()).ConfigureAwait(false);
                    await g.WriteAsync<double>(Fields[15], Loss.ToArray()).ConfigureAwait(false);
                    await g.WriteAsync<double>(Fields[16], LossPct.ToArray()).ConfigureAwait(false);
                }
            }
            fs.Flush(flushToDisk: true);
        }

        public void AppendCsv(string path)
        {
            using var fs = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
            using var w = new StreamWriter(fs, new UTF8Encoding(false)) { NewLine = "\n" };
            if (fs.Length == 0) w.WriteLine(string.Join(',', ColumnNames));
            var cells = new string?[ColumnNames.Count];
            for (var i = 0; i < Count; i++)
            {
                cells[0] = Deal[i]; cells[1] = Num(Scenario[i]); cells[2] = Path[i]; cells[3] = Prepay[i]; cells[4] = Default[i];
                cells[5] = Num(Severity[i]); cells[6] = Num(Lag[i]); cells[7] = Call[i] ? "true" : "false"; cells[8] = Class[i];
                cells[9] = Num(Wal[i]); cells[10] = Date(First[i]); cells[11] = Date(Last[i]); cells[12] = Num(Writedown[i]);
                cells[13] = FirstLoss[i] ? "true" : "false"; cells[14] = Num(Yield[i]); cells[15] = Num(Loss[i]); cells[16] = Num(LossPct[i]);
                w.WriteLine(CsvCell.Line(cells));
            }
            w.Flush();
            fs.Flush(flushToDisk: true);
        }

        private static string Num(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
        private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);
        private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    }
}
