using System.Text.Json.Serialization;
using Remic.Core;

namespace Remic.Server;

/// <summary>
/// RFC 9457 problem details: every error the API returns is one of these types (relative URIs, documented in
/// docs/server.md), with the input errors listed as the CLI prints them (file, line, column, field, value, expected).
/// </summary>
public static class Problems
{
    public const string InvalidInput = "/problems/invalid-input";
    public const string MalformedRequest = "/problems/malformed-request";
    public const string InputLimit = "/problems/input-limit";
    public const string PayloadTooLarge = "/problems/payload-too-large";
    public const string NotFound = "/problems/not-found";
    public const string ApiKeyMissing = "/problems/api-key-missing";
    public const string ApiKeyWrong = "/problems/api-key-wrong";
    public const string WritesDisabled = "/problems/writes-disabled";
    public const string PeriodState = "/problems/period-state";
    public const string LedgerUnavailable = "/problems/ledger-unavailable";
    public const string ConservationFailed = "/problems/conservation-check-failed";
    public const string Internal = "/problems/internal-error";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";

    public static IResult Result(ProblemBody p) =>
        Results.Json(p, ServerJson.Options, "application/problem+json", p.Status);

    public static ProblemBody Of(string type, int status, string title, string detail, IReadOnlyList<ProblemError>? errors = null) =>
        new(type, title, status, detail, errors);

    public static ProblemBody Input(RemicInputException e) =>
        new(InvalidInput, "The input is not valid", 422,
            e.Errors.Count == 1 ? ProblemError.Of(e.Errors[0]).Message : $"{e.Errors.Count} problems; each is listed in errors",
            e.Errors.Select(ProblemError.Of).ToList());
}

/// <summary>The problem document (RFC 9457 members, plus <c>errors</c> for input problems).</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ProblemError>? Errors);

/// <summary>One input error: where (file or option, line, column, field) and what was expected there.</summary>
public sealed record ProblemError(string Source, int Line, int Column, string Field, string? Value, string Expected, string Message)
{
    /// <summary>The error as the CLI words it, with an option name ("--ppc-ramp") given as the request's field ("ppc_ramp").</summary>
    public static ProblemError Of(InputError e)
    {
        if (e.Source.StartsWith("--", StringComparison.Ordinal))
            e = e with { Source = e.Source[2..].Replace('-', '_') };
        return new(e.Source, e.Line, e.Column, e.Field, e.Value, e.Expected, e.ToString());
    }
}

/// <summary>Thrown by handlers for an answer that is not a success; the middleware writes it as problem details.</summary>
public sealed class ProblemException(ProblemBody problem) : Exception(problem.Detail)
{
    public ProblemBody Problem { get; } = problem;

    public static ProblemException NotFound(string what, string id) =>
        new(Problems.Of(Problems.NotFound, 404, "Not found", $"no {what} '{InputText.Visible(id)}'"));

    public static ProblemException Limit(string field, string detail) =>
        new(Problems.Of(Problems.InputLimit, 422, "An input limit is exceeded", $"{field}: {detail}",
            [new ProblemError("request", 0, 0, field, null, detail, $"request {field}: {detail}")]));

    public static ProblemException TooLarge(long limit) =>
        new(Problems.Of(Problems.PayloadTooLarge, 413, "The request body is too large", $"at most {limit:N0} bytes are accepted here"));
}
