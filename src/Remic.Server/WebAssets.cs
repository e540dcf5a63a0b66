using Microsoft.AspNetCore.StaticFiles;

namespace Remic.Server;

/// <summary>
/// The web application: static files embedded in this assembly (wwwroot/), served under /app/. No Node toolchain and
/// no network: the chart library (uPlot, MIT) is vendored in wwwroot/vendor. A content security policy allows only
/// this origin's scripts, so a name from a deal file can never run as script even if a page forgot to escape it.
/// </summary>
public static class WebAssets
{
    private static readonly FileExtensionContentTypeProvider Types = new();
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/app/")).ExcludeFromDescription();
        app.MapGet("/app/{**path}", (string? path, HttpContext http) =>
        {
            var name = string.IsNullOrEmpty(path) ? "index.html" : path;
            if (name.Contains("..", StringComparison.Ordinal) || name.Contains('\\')) return Results.NotFound();
            var stream = typeof(WebAssets).Assembly.GetManifestResourceStream("web/" + name);
            if (stream is null) return Problems.Result(Problems.Of(Problems.NotFound, 404, "Not found", $"no file {name} in the web app"));
            if (!Types.TryGetContentType(name, out var type)) type = "application/octet-stream";
            http.Response.Headers.ContentSecurityPolicy = Csp;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Stream(stream, type);
        }).ExcludeFromDescription();
    }
}
