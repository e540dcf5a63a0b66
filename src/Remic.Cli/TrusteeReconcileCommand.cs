using System.CommandLine;
using Remic.Core;
using Remic.Trustee.Registry;
using Remic.Trustee.Statements;
using Remic.Trustee.Statements.Bny;

namespace Remic.Cli;

/// <summary>
/// `remic trustee reconcile --filed statement.txt [DEAL-ID --period 2004-05]`: reads a statement filed in the Bank of New York's
/// layout, checks its own identities and interest, and with a deal id compares every class with the ledger's close of that period.
/// Exit 0 when everything agrees, <see cref="CliRun.BreaksFoundExit"/> when something does not (the breaks are listed).
/// </summary>
public static class TrusteeReconcileCommand
{
    public static Command Build()
    {
        var deal = new Argument<string?>("deal-id") { Description = "Deal id on the ledger to compare with (optional)", Arity = ArgumentArity.ZeroOrOne };
        var filed = new Option<string>("--filed") { Description = "The filed statement: plain text in the Bank of New York layout (e.g. an Exhibit 99.1 to Form 10-D)", Required = true };
        var period = new Option<string?>("--period") { Description = "Distribution period YYYY-MM of the ledger close to compare with (with a deal id)" };
        var db = TrusteeCommand.DbOption();
        var cmd = new Command("reconcile", "Check a filed trustee statement's own figures and compare it with a ledger close, listing each break and its likely convention")
            { deal, filed, period, db };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var path = p.GetValue(filed)!;
            if (FileKinds.Of(path) == FileKind.Missing) throw new RemicInputException("--filed", 0, "", path, "an existing filed statement (text)");
            var statement = BnyStatementParser.Parse(Path.GetFileName(path), UserFile.ReadText(path, FileLimits.Remittance));
            Statement? ledger = null;
            Remic.Deals.Model.Deal? dealFile = null;
            if (p.GetValue(deal) is { Length: > 0 } id)
            {
                if (p.GetValue(period) is not { } per) throw new RemicInputException("--period", 0, "--period", null, "the period of the ledger close to compare with, e.g. --period 2004-05");
                var open = TrusteeCommand.Open(p, db);
                dealFile = DealFile.FromLedger(open, id);
                ledger = StatementBuilder.Build(open, dealFile, id, TrusteeCommand.ParsePeriod(per));
            }
            else if (p.GetValue(period) is not null)
                throw new RemicInputException("deal-id", 0, "deal-id", null, "the deal id whose ledger close --period names");
            var report = FiledReconciliation.Reconcile(statement, ledger, dealFile);
            stdout.Write(FiledReconciliation.Render(report));
            return FiledReconciliation.HasBreaks(report) ? CliRun.BreaksFoundExit : 0;
        }));
        return cmd;
    }
}
