using System.CommandLine;
using Remic.Core;
using Remic.Trustee.Periods;

namespace Remic.Cli;

/// <summary>`remic trustee reopen DEAL-ID --period 2004-05 --reason "..."`: undoes the latest close (audited).</summary>
public static class TrusteeReopenCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var period = TrusteeCommand.PeriodOption();
        var reason = new Option<string>("--reason") { Description = "Why the close is undone (kept in the audit log)", Required = true };
        var db = TrusteeCommand.DbOption();
        var actor = TrusteeCommand.ActorOption();
        var cmd = new Command("reopen", "Reopen the latest closed period (its close is undone; the remittance stays)") { deal, period, reason, db, actor };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var why = p.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why)) throw new RemicInputException("--reason", 0, "", why, "a reason for the audit log");
            stdout.WriteLine(PeriodReopener.Reopen(TrusteeCommand.Open(p, db), p.GetValue(deal)!, TrusteeCommand.ParsePeriod(p.GetValue(period)!),
                TrusteeCommand.Actor(p, actor), why));
            return 0;
        }));
        return cmd;
    }
}
