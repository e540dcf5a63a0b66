using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remic.Grid.Cluster;

/// <summary>
/// How a job is cut for the wire: its JSON (<see cref="GridJob.ToJson"/>) without the deals (axes, price, settlement and
/// whatever else a job carries), and each deal's JSON apart, so a silo caches a deal once by its content hash however
/// many jobs and batches use it. <see cref="OneDealJob"/> puts one deal back at its place: the job a silo runs a batch of.
/// </summary>
public static class JobWire
{
    private const string DealsProperty = "Deals";

    /// <summary>The job's JSON with an empty deal list, and each deal's JSON in order.</summary>
    public static (string Spec, string[] Deals) Split(GridJob job)
    {
        var node = JsonNode.Parse(job.ToJson())!.AsObject();
        var key = DealsKey(node);
        var deals = node[key]!.AsArray().Select(d => d!.ToJsonString()).ToArray();
        node[key] = new JsonArray();
        return (node.ToJsonString(), deals);
    }

    /// <summary>
    /// The job of <paramref name="spec"/> with <paramref name="deal"/> at position <paramref name="index"/> and an empty
    /// deal (never loaded) before it, so <see cref="BatchRunner.Run"/> numbers the batch's result as the client's job does.
    /// </summary>
    public static GridJob OneDealJob(string spec, string deal, int index)
    {
        var node = JsonNode.Parse(spec)!.AsObject();
        var list = new JsonArray();
        for (var i = 0; i < index; i++) list.Add(JsonSerializer.SerializeToNode(new GridDeal("", "", null)));
        list.Add(JsonNode.Parse(deal));
        node[DealsKey(node)] = list;
        return GridJob.FromJson(node.ToJsonString());
    }

    private static string DealsKey(JsonObject node) =>
        node.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, DealsProperty, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException("a grid job's JSON without its deal list");
}
