using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remic.Server;

/// <summary>The JSON naming of every Remic output: snake_case names and enum values.</summary>
public static class ServerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new PeriodText() },
        // A misspelt field is an error, not a default silently used.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

/// <summary>Reads a JSON string or number as text ("severity": 50 and "severity": "30,35,40" both work).</summary>
public sealed class TextOrNumber : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException("expected text or a number"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A period as users write it, "2004-05".</summary>
public sealed class PeriodText : JsonConverter<Remic.Core.Period>
{
    public override Remic.Core.Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Remic.Core.Period.Parse(reader.GetString()!);
    public override void Write(Utf8JsonWriter writer, Remic.Core.Period value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
