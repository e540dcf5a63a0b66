using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Remic.Server.Tests;

/// <summary>
/// One server (WebApplicationFactory over Remic.Server's Program) for the API tests: a fresh deal store and SQLite
/// ledger in a temporary folder, the API key set. Program reads them from REMIC_STORE, REMIC_DB and REMIC_API_KEY.
/// </summary>
public sealed class ServerFixture : IDisposable
{
    public const string Key = "test-key-7f3a9c";
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "remic-server-tests-" + Guid.NewGuid().ToString("N")[..8]);
    public WebApplicationFactory<Program> Factory { get; }
    public List<string> Logs { get; } = [];

    public ServerFixture()
    {
        Directory.CreateDirectory(Folder);
        Environment.SetEnvironmentVariable("REMIC_STORE", Path.Combine(Folder, "store"));
        Environment.SetEnvironmentVariable("REMIC_DB", Path.Combine(Folder, "ledger.db"));
        Environment.SetEnvironmentVariable(ServerOptions.ApiKeyVariable, Key);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new ListLogger(Logs))));
        Factory.CreateClient().Dispose(); // start it now, while the variables are set
    }

    public HttpClient Client(bool key = false)
    {
        var c = Factory.CreateClient();
        if (key) c.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return c;
    }

    public void Dispose()
    {
        Factory.Dispose();
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }

    public static string RepoFile(string relative)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Remic.sln"))) dir = Path.GetDirectoryName(dir);
        return Path.Combine(dir ?? throw new InvalidOperationException("Remic.sln not found above the test binaries"), relative);
    }

    /// <summary>Runs the CLI in-process (the same command tree `remic` runs) and returns its exit code and stdout.</summary>
    public static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Remic.Cli.Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private sealed class ListLogger(List<string> sink) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (sink) sink.Add(formatter(state, exception) + exception);
        }
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;

/// <summary>Helpers for reading answers.</summary>
public static class Http
{
    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    public static StringContent JsonText(string body) => new(body, Encoding.UTF8, "application/json");
    public static StringContent Yaml(string body) => new(body, Encoding.UTF8, "application/yaml");

    public static async Task<JsonNode> Node(this HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    /// <summary>Asserts the status and, for an error, the RFC 9457 problem type and media type; returns the body.</summary>
    public static async Task<JsonNode> Expect(this HttpResponseMessage r, int status, string? problemType = null)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True((int)r.StatusCode == status, $"expected {status}, got {(int)r.StatusCode}: {text}");
        if (problemType is null) return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = JsonNode.Parse(text)!;
        Assert.Equal(problemType, (string?)p["type"]);
        Assert.Equal(status, (int)p["status"]!);
        return p;
    }
}
