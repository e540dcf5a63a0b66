using System.CommandLine;
using System.Data.Common;
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
        var cmd = new Command("trustee", "Trustee ledger: register a deal, import remittances, close periods, statements, simulated remittances; status, periods, audit log, a loan's history");
        cmd.Subcommands.Add(TrusteeInitCommand.Build());
        cmd.Subcommands.Add(TrusteeRemitCommand.Build());
        cmd.Subcommands.Add(TrusteeCloseCommand.Build());
        cmd.Subcommands.Add(TrusteeReopenCommand.Build());
        cmd.Subcommands.Add(TrusteeStatementCommand.Build());
        cmd.Subcommands.Add(TrusteeTenDCommand.Build());
        cmd.Subcommands.Add(TrusteeExplainCommand.Build());
        cmd.Subcommands.Add(TrusteeSimulateCommand.Build());
        cmd.Subcommands.Add(TrusteeStatusCommand.Build());
        cmd.Subcommands.Add(TrusteePeriodsCommand.Build());
        cmd.Subcommands.Add(TrusteeAuditCommand.Build());
        cmd.Subcommands.Add(TrusteeLoanCommand.Build());
        cmd.Subcommands.Add(TrusteeReconcileCommand.Build());
        return cmd;
    }

    public static Option<string?> DbOption() => new("--db") { Description = "Ledger: a SQLite file path or a PostgreSQL connection string (Host=...); default REMIC_DB, then remic.db" };
    public static Option<string?> ActorOption() => new("--actor") { Description = "Who is acting, for the audit log (default: the OS user)" };
    public static Option<string> PeriodOption() => new("--period") { Description = "Distribution period YYYY-MM", Required = true };

    /// <summary>The existing ledger (a mistyped --db is refused); only `init` passes <paramref name="create"/>.</summary>
    public static LedgerDb Open(ParseResult p, Option<string?> db, bool create = false)
    {
        var target = LedgerTarget.Resolve(p.GetValue(db));
        return create ? LedgerDb.Open(target) : LedgerDb.OpenExisting(target);
    }

    public static string Actor(ParseResult p, Option<string?> actor) => p.GetValue(actor) is { Length: > 0 } a ? InputText.Name(a, "--actor") : Environment.UserName;

    public static Period ParsePeriod(string text) => Period.Parse(text, "--period");

    /// <summary>
    /// CliRun's guard plus the ledger's refusals: a period state that does not allow the action is bad input (exit 2);
    /// a ledger that cannot be used (locked, read-only, damaged, newer, unreachable, disk full) is one sentence naming it
    /// and what to do, exit <see cref="CliRun.LedgerUnavailableExit"/>.
    /// </summary>
    public static int Guard(ParseResult parse, Func<TextWriter, int> body) => CliRun.Guard(parse, stdout =>
    {
        var err = parse.InvocationConfiguration.Error;
        try { return body(stdout); }
        catch (Exception e) when (e is PeriodStateException or ConcurrentCloseException)
        {
            err.WriteLine($"error: {e.Message}");
            return CliRun.InputErrorExit;
        }
        catch (LedgerUnavailableException e)
        {
            err.WriteLine($"error: {e.Message}");
            return CliRun.LedgerUnavailableExit;
        }
        catch (DbException e) when (parse.CommandResult.Command.Options.Any(o => o.Name == "--db"))
        {
            err.WriteLine($"error: {LedgerUnavailableException.From(LedgerTarget.Resolve(parse.GetValue<string?>("--db")), e).Message}");
            return CliRun.LedgerUnavailableExit;
        }
    });
}
