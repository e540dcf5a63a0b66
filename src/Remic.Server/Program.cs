namespace Remic.Server;

/// <summary>
/// Runs the server alone (`dotnet run --project src/Remic.Server -- --port 5080 --db remic.db --store remic-deals`);
/// `remic serve` is the same with the CLI's option parsing.
/// </summary>
public sealed class Program
{
    private Program() { }

    public static void Main(string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var options = new ServerOptions
        {
            Port = Arg("--port") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : ServerOptions.DefaultPort,
            Db = Arg("--db"),
            Store = Arg("--store") ?? Environment.GetEnvironmentVariable("REMIC_STORE") ?? "remic-deals",
        };
        RemicServer.Build(options).Run();
    }
}
