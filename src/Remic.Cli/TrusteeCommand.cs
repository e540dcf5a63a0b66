using System.CommandLine;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;

namespace Remic.Cli;

/// <summary>
/// `remic trustee ...`: the monthly distribution on a real ledger. One file per subcommand; this one builds
/// the group and holds what they share (the --db and --actor options, period parsing, error handling).
/// </summary>
public static class TrusteeCommand
{
    public static Command Build()
    {
        var cmd = new Command("trustee", "Trustee ledger: register a deal, import remittances, close periods, statements, simulated remittances");
        cmd.Subcommands.Add(TrusteeInitCommand.Build());
        cmd.Subcommands.Add(TrusteeRemitCommand.Build());
        cmd.Subcommands.Add(TrusteeCloseCommand.Build());
        cmd.Subcommands.Add(TrusteeReopenCommand.Build());
        cmd.Subcommands.Add(TrusteeStatementCommand.Build());
        cmd.Subcommands.Add(TrusteeSimulateCommand.Build());
        return cmd;
    }

    public static Option<string?> DbOption() => new("--db") { Description = "Ledger: a SQLite file path or a PostgreSQL connection string (Host=...); default REMIC_DB, then remic.db" };
    public static Option<string?> ActorOption() => new("--actor") { Description = "Who is acting, for the audit log (default: the OS user)" };
    public static Option<string> PeriodOption() => new("--period") { Description = "Distribution period YYYY-MM", Required = true };

    public static LedgerDb Open(ParseResult p, Option<string?> db) => LedgerDb.Open(LedgerTarget.Resolve(p.GetValue(db)));

    public static string Actor(ParseResult p, Option<string?> actor) => p.GetValue(actor) is { Length: > 0 } a ? InputText.Name(a, "--actor") : Environment.UserName;

    public static Period ParsePeriod(string text) => Period.Parse(text, "--period");

    /// <summary>CliRun's guard plus the ledger's refusals: a period state that does not allow the action is bad input (exit 2).</summary>
    public static int Guard(ParseResult parse, Func<TextWriter, int> body) => CliRun.Guard(parse, stdout =>
    {
        try { return body(stdout); }
        catch (Exception e) when (e is PeriodStateException or ConcurrentCloseException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return CliRun.InputErrorExit;
        }
    });
}
