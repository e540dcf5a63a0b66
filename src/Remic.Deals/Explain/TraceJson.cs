using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remic.Deals.Explain;

/// <summary>
/// Traces as JSON (snake_case names and enum values, ISO dates), the form `remic explain --format json` prints and the
/// trustee ledger stores with a close, read back exactly as written.
/// </summary>
public static class TraceJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static string Serialize(PeriodTrace trace, bool indented = true) => JsonSerializer.Serialize(trace, indented ? Options : Compact);

    public static string Serialize(ClassExplanation explanation) => JsonSerializer.Serialize(explanation, Options);

    public static PeriodTrace Deserialize(string json) =>
        JsonSerializer.Deserialize<PeriodTrace>(json, Options) ?? throw new JsonException("empty trace");
}
