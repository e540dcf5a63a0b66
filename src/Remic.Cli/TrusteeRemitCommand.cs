using System.CommandLine;
using Remic.Core;
using Remic.Trustee.Remittance;

namespace Remic.Cli;

/// <summary>`remic trustee remit DEAL-ID --period 2004-05 --file remittance.csv [--replace]`: validates and imports a servicer remittance.</summary>
public static class TrusteeRemitCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var period = TrusteeCommand.PeriodOption();
        var file = new Option<string>("--file") { Description = "Servicer remittance CSV (one line per loan)", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Restate the open (remitted, not closed) period's remittance" };
        var db = TrusteeCommand.DbOption();
        var actor = TrusteeCommand.ActorOption();
        var cmd = new Command("remit", "Import a master servicer's loan-level remittance for a period") { deal, period, file, replace, db, actor };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var path = p.GetValue(file)!;
            var per = TrusteeCommand.ParsePeriod(p.GetValue(period)!);
            if (FileKinds.Of(path) == FileKind.Missing) throw new RemicInputException("--file", 0, "", path, "an existing remittance CSV file");
            var r = RemittanceImporter.Import(TrusteeCommand.Open(p, db), p.GetValue(deal)!, per, Path.GetFileName(path), UserFile.ReadText(path, FileLimits.Remittance),
                TrusteeCommand.Actor(p, actor), p.GetValue(replace));
            stdout.WriteLine($"{r.DealId} {r.Period}: {(r.Replaced ? "restated" : "imported")} {r.Rows} loan rows (sha256 {r.Sha256})");
            return 0;
        }));
        return cmd;
    }
}
