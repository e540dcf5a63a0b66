using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Remic.Analytics;
using Remic.Core;

namespace Remic.Grid;

/// <summary>A range of consecutive scenarios of one deal of a job: the unit of work an executor runs.</summary>
/// <param name="Deal">The deal's position in <see cref="GridJob.Deals"/>.</param>
/// <param name="First">The first scenario's index in the job's <see cref="ScenarioSpace"/>.</param>
/// <param name="Count">Scenarios in the batch (≥ 1).</param>
public readonly record struct GridBatch(int Deal, long First, int Count);

/// <summary>
/// A grid to run: the deals, the axes, and the options of <c>remic price</c> that apply to every scenario (the price
/// the yields are solved at, the settlement date). Serialises to JSON (<see cref="ToJson"/>) so a cluster can ship it
/// as a string; <see cref="Hash"/> identifies it (a resumed output must belong to the same job).
/// </summary>
public sealed class GridJob
{
    public required IReadOnlyList<GridDeal> Deals { get; init; }
    public required GridAxes Axes { get; init; }
    /// <summary>The clean price (as written: "100-00", "99-16+", "101.25") each class's yield is solved at; null = no yields.</summary>
    public string? Price { get; init; }
    /// <summary>The settlement date; null = each deal file's settlement_date, else its closing date (as <c>remic price</c>).</summary>
    public DateOnly? Settle { get; init; }

    private ScenarioSpace? space;
    /// <summary>The scenarios of each deal (the same axes for every deal).</summary>
    [JsonIgnore]
    public ScenarioSpace Space => space ??= new ScenarioSpace(Axes);

    /// <summary>Scenario rows of the whole job: deals × scenarios per deal.</summary>
    [JsonIgnore]
    public long TotalScenarios => Deals.Count == 0 ? 0 : Space.Count > long.MaxValue / Deals.Count ? long.MaxValue : Space.Count * Deals.Count;

    /// <summary>The price as a number (percent of face), or null.</summary>
    [JsonIgnore]
    public double? CleanPrice => Price is null ? null : Price32.Parse(Price, "--price").ToDouble();

    /// <summary>
    /// Checks what can be checked before any work: at least one deal, a price above 0, a settlement date not before a
    /// deal's closing date, and the grid's size (above <see cref="GridAxes.ForceAbove"/> scenario rows only with
    /// <paramref name="force"/>; never above <see cref="GridAxes.Max"/>).
    /// </summary>
    public GridJob Validated(bool force)
    {
        var errors = new List<InputError>();
        if (Deals.Count == 0) errors.Add(new InputError("deal", 0, "", null, "at least one deal file (or a folder holding deal files)"));
        if (Price is not null)
        {
            if (!Price32.TryParse(Price, out var p)) errors.Add(new InputError("--price", 0, "", Price, "a price in 32nds or decimal, e.g. 100-00, 99-16+ or 101.25"));
            else if (p.Value <= 0) errors.Add(new InputError("--price", 0, "", Price, "a price above 0"));
        }
        var total = TotalScenarios;
        var size = string.Create(CultureInfo.InvariantCulture,
            $"{Deals.Count:N0} deal(s) × {Space.Count:N0} scenarios ({Math.Max(1, Axes.IndexPaths.Count):N0} index path(s) × {Axes.Prepay.Count:N0} prepay × {Axes.Default.Count:N0} default × {Axes.Severity.Count:N0} severity × {Axes.Lag.Count:N0} lag × {Axes.Call.Count:N0} call)");
        if (total > GridAxes.Max)
            errors.Add(new InputError("--prepay", 0, "", null, string.Create(CultureInfo.InvariantCulture, $"a grid of at most {GridAxes.Max:N0} scenario rows; this one has {size}")));
        else if (total > GridAxes.ForceAbove && !force)
            errors.Add(new InputError("--force", 0, "", null, string.Create(CultureInfo.InvariantCulture,
                $"--force to run more than {GridAxes.ForceAbove:N0} scenario rows; this grid has {total:N0}: {size}")));
        if (errors.Count > 0) throw new RemicInputException(errors);
        return this;
    }

    /// <summary>The job's scenarios cut into batches of at most <paramref name="scenariosPerBatch"/>, deal by deal, in scenario order.</summary>
    public IReadOnlyList<GridBatch> Batches(int scenariosPerBatch) => Batches(scenariosPerBatch, 0);

    /// <summary>The batches from the job's <paramref name="skip"/>-th scenario row on (<see cref="Position"/>): what a resumed run still has to do.</summary>
    public IReadOnlyList<GridBatch> Batches(int scenariosPerBatch, long skip)
    {
        if (scenariosPerBatch < 1) throw new ArgumentOutOfRangeException(nameof(scenariosPerBatch), scenariosPerBatch, "at least one scenario per batch");
        if (skip < 0 || skip > TotalScenarios) throw new ArgumentOutOfRangeException(nameof(skip), skip, $"from 0 to {TotalScenarios}");
        var list = new List<GridBatch>();
        var n = Space.Count;
        if (n == 0) return list;
        for (var d = (int)(skip / n); d < Deals.Count; d++)
            for (var first = d == skip / n ? skip % n : 0; first < n; first += scenariosPerBatch)
                list.Add(new GridBatch(d, first, (int)Math.Min(scenariosPerBatch, n - first)));
        return list;
    }

    /// <summary>A scenario's row position over the whole job: deals in order, each deal's scenarios in <see cref="ScenarioSpace"/> order.</summary>
    public long Position(int deal, long scenario) => deal * Space.Count + scenario;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GridJob FromJson(string json) =>
        JsonSerializer.Deserialize<GridJob>(json, Json) ?? throw new ArgumentException("the JSON holds no grid job", nameof(json));

    private string? hash;
    /// <summary>SHA-256 (lower-case hex) of <see cref="ToJson"/>.</summary>
    [JsonIgnore]
    public string Hash => hash ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));
}
