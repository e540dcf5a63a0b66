using System.CommandLine;
using Remic.Trustee.Registry;
using Remic.Trustee.Statements;

namespace Remic.Cli;

/// <summary>
/// `remic trustee 10d DEAL-ID --period 2004-05 --out dir/`: Form 10-D for a closed period, its statement as Exhibit 99.1, as
/// EDGAR plain text (10d-PERIOD.txt) and HTML (10d-PERIOD.html), written together (<see cref="CliRun.WriteFiles"/>).
/// </summary>
public static class TrusteeTenDCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var period = TrusteeCommand.PeriodOption();
        var output = new Option<string>("--out") { Description = "Directory for 10d-PERIOD.txt (EDGAR plain text, 80 columns) and 10d-PERIOD.html", Required = true };
        var db = TrusteeCommand.DbOption();
        var actor = TrusteeCommand.ActorOption();
        var cmd = new Command("10d", "Form 10-D for a closed period with its statement as Exhibit 99.1: EDGAR plain text and HTML")
            { deal, period, output, db, actor };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var dir = p.GetValue(output)!;
            var ledger = TrusteeCommand.Open(p, db);
            var id = p.GetValue(deal)!;
            var per = TrusteeCommand.ParsePeriod(p.GetValue(period)!);
            var dealSpec = DealFile.FromLedger(ledger, id);
            var s = StatementBuilder.Build(ledger, dealSpec, id, per);
            var text = Form10D.Text(s, dealSpec);
            var html = Form10D.Html(s, dealSpec, Remic.Trustee.Periods.CloseTraces.Find(ledger, id, per));
            Remic.Core.UserFile.CheckOutputTarget(dir, "--out", directory: true);
            // Record, then deliver: a filing handed out is one the ledger holds as issued.
            StatementArchive.Save(ledger, id, per, "10d", text, TrusteeCommand.Actor(p, actor));
            var names = CliRun.WriteFiles(dir, [($"10d-{per}.txt", text), ($"10d-{per}.html", html)]);
            stdout.WriteLine($"wrote {string.Join(" and ", names)} to {dir}");
            return 0;
        }));
        return cmd;
    }
}
