using System.CommandLine;
using System.Globalization;
using Remic.Reports;
using Remic.Trustee.Operations;

namespace Remic.Cli;

/// <summary>`remic trustee status [DEAL-ID]`: every deal on the ledger, where its periods stand and what to do next.</summary>
public static class TrusteeStatusCommand
{
    public static Command Build()
    {
        var deal = new Argument<string?>("deal-id") { Description = "Only this deal (default: every deal on the ledger)", Arity = ArgumentArity.ZeroOrOne };
        var format = TrusteeViews.FormatOption();
        var db = TrusteeCommand.DbOption();
        var cmd = new Command("status", "Deals on the ledger: loans, balances, periods closed, the open period and the next step") { deal, format, db };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var rows = DealStatusView.Status(TrusteeCommand.Open(p, db), p.GetValue(deal));
            var i = CultureInfo.InvariantCulture;
            var table = new Table("Deals on the ledger",
                ["deal", "first period", "loans", "outstanding", "cut-off balance", "current balance", "periods closed", "last closed", "open (remitted)", "next"],
                rows.Select(s => (IReadOnlyList<string>)[s.DealId, s.FirstPeriod.ToString(), s.Loans.ToString("N0", i), s.LoansOutstanding.ToString("N0", i),
                    TrusteeViews.M(s.CutoffBalance), TrusteeViews.M(s.CurrentBalance), s.PeriodsClosed.ToString(i), s.LastClosed?.ToString() ?? "",
                    s.OpenPeriod?.ToString() ?? "", s.Next]).ToArray())
            {
                Alignment = [Align.Left, Align.Left, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Left, Align.Left, Align.Left],
                Notes = rows.Count == 0 ? ["No deal is registered: `remic trustee init deal.yaml` registers one."] : [],
            };
            TrusteeViews.Write(stdout, p.GetValue(format)!, rows, table);
            return 0;
        }));
        return cmd;
    }
}
