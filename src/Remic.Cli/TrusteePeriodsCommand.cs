using System.CommandLine;
using System.Globalization;
using Remic.Reports;
using Remic.Trustee.Operations;

namespace Remic.Cli;

/// <summary>`remic trustee periods DEAL-ID`: the deal's periods, their states, remittances and what each close distributed.</summary>
public static class TrusteePeriodsCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var format = TrusteeViews.FormatOption();
        var db = TrusteeCommand.DbOption();
        var cmd = new Command("periods", "A deal's periods: state, remittance file, when imported and closed, principal, interest and losses") { deal, format, db };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var id = p.GetValue(deal)!;
            var rows = DealStatusView.Periods(TrusteeCommand.Open(p, db), id);
            var table = new Table($"Periods of {id}",
                ["period", "state", "remittance", "loan rows", "imported (UTC)", "closed (UTC)", "pool ending balance", "class principal", "class interest", "realized losses"],
                rows.Select(r => (IReadOnlyList<string>)[r.Period.ToString(), r.State, r.RemittanceFile, r.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    r.ImportedAt, r.ClosedAt ?? "", TrusteeViews.M(r.RemittedEndingBalance), TrusteeViews.M(r.ClassPrincipal), TrusteeViews.M(r.ClassInterest),
                    TrusteeViews.M(r.RealizedLosses)]).ToArray())
            {
                Alignment = [Align.Left, Align.Left, Align.Left, Align.Right, Align.Left, Align.Left, Align.Right, Align.Right, Align.Right, Align.Right],
                Notes = rows.Count == 0 ? [$"No period of {id} is remitted yet."] : ["Principal, interest and losses are shown once a period is closed."],
            };
            TrusteeViews.Write(stdout, p.GetValue(format)!, rows, table);
            return 0;
        }));
        return cmd;
    }
}
