using System.Security.Cryptography;
using System.Text;

namespace Remic.Server;

/// <summary>
/// Writes (deal upload, trustee register/remit/close/reopen) need the server's API key in the <c>X-Api-Key</c> header
/// (or <c>Authorization: Bearer KEY</c>). Compared in constant time; the key is never logged or echoed.
/// </summary>
public sealed class ApiKey(string? key)
{
    public const string Header = "X-Api-Key";
    private readonly byte[]? expected = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Configured => expected is not null;

    /// <summary>Null when the request may write; else the problem to answer with.</summary>
    public ProblemBody? Check(HttpRequest request)
    {
        if (expected is null)
            return Problems.Of(Problems.WritesDisabled, 403, "Writes are disabled",
                $"this server was started without {ServerOptions.ApiKeyVariable}; set it to allow uploads and trustee actions");
        var given = request.Headers[Header].FirstOrDefault();
        if (given is null && request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            given = auth["Bearer ".Length..].Trim();
        if (string.IsNullOrEmpty(given))
            return Problems.Of(Problems.ApiKeyMissing, 401, "An API key is required", $"send the server's API key in the {Header} header");
        // Hashing both sides gives equal lengths, so the comparison's time says nothing about the key.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return CryptographicOperations.FixedTimeEquals(hash, expected)
            ? null
            : Problems.Of(Problems.ApiKeyWrong, 403, "The API key is not valid", $"the {Header} header does not hold this server's API key");
    }
}

/// <summary>The endpoint filter that puts <see cref="ApiKey"/> in front of a write.</summary>
public sealed class RequireApiKey(ApiKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        key.Check(context.HttpContext.Request) is { } problem ? Problems.Result(problem) : await next(context);
}
