using System.CommandLine;
using Remic.Trustee.Registry;

namespace Remic.Cli;

/// <summary>`remic trustee init deal.yaml [--deal-id ID]`: registers the deal file (text + SHA-256), its classes and loans.</summary>
public static class TrusteeInitCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("deal") { Description = "Deal file (YAML)" };
        var id = new Option<string?>("--deal-id") { Description = "Deal id (default: the deal file's series)" };
        var db = TrusteeCommand.DbOption();
        var actor = TrusteeCommand.ActorOption();
        var cmd = new Command("init", "Register a deal with the trustee ledger; prints the deal id") { file, id, db, actor };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var reg = DealFile.Registration(p.GetValue(file)!, p.GetValue(id));
            var who = TrusteeCommand.Actor(p, actor); // checked before the ledger is opened (and perhaps created)
            var done = DealRegistry.Register(TrusteeCommand.Open(p, db, create: true), reg, who);
            stdout.WriteLine(done.DealId);
            return 0;
        }));
        return cmd;
    }
}
