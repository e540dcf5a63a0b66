using System.Text;
using System.Text.Json;

namespace Remic.Server;

/// <summary>Request bodies read within a byte limit (413 past it), whatever Content-Length claims.</summary>
public static class Bodies
{
    public static async Task<byte[]> ReadBytes(HttpRequest request, long limit)
    {
        if (request.ContentLength is { } n && n > limit) throw ProblemException.TooLarge(limit);
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            if (ms.Length + read > limit) throw ProblemException.TooLarge(limit);
            ms.Write(buffer, 0, read);
        }
        return ms.ToArray();
    }

    /// <summary>A text body (UTF-8; bytes that are not UTF-8 become U+FFFD, which the deal loader reports at their line).</summary>
    public static async Task<string> ReadText(HttpRequest request, long limit) => Encoding.UTF8.GetString(await ReadBytes(request, limit));

    /// <summary>A JSON body; an empty body is the default request.</summary>
    public static async Task<T> ReadJson<T>(HttpRequest request, long limit) where T : new()
    {
        var bytes = await ReadBytes(request, limit);
        if (bytes.Length == 0) return new T();
        try { return JsonSerializer.Deserialize<T>(bytes, ServerJson.Options) ?? new T(); }
        catch (JsonException e)
        {
            throw new ProblemException(Problems.Of(Problems.MalformedRequest, 400, "The request body is not valid JSON for this endpoint",
                $"{e.Message.Split(" Path:")[0]} (at {e.Path ?? "$"}, line {e.LineNumber + 1})"));
        }
    }
}
