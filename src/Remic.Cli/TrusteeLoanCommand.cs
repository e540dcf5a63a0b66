using System.CommandLine;
using Remic.Reports;
using Remic.Trustee.Operations;
using static Remic.Cli.TrusteeViews;

namespace Remic.Cli;

/// <summary>`remic trustee loan DEAL-ID LOAN-ID`: one loan as registered and every month the servicer remitted for it.</summary>
public static class TrusteeLoanCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var loan = new Argument<string>("loan-id") { Description = "Loan id as registered (a rep line's loans are LINE-001, LINE-002, ...)" };
        var format = FormatOption();
        var db = TrusteeCommand.DbOption();
        var cmd = new Command("loan", "One loan's history: its registration and each month's remittance line") { deal, loan, format, db };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var h = LoanHistoryView.Read(TrusteeCommand.Open(p, db), p.GetValue(deal)!, p.GetValue(loan)!);
            var l = h.Loan;
            var info = new Table($"Loan {l.LoanId} of {l.DealId}", ["item", "value"],
            [
                ["group", l.Group], ["cut-off balance", M(l.CutoffBalance)], ["gross rate %", Pct(l.GrossRate)], ["servicing fee %", Pct(l.ServicingFeeRate)],
                ["other fees %", Pct(l.OtherFeeRate)], ["original / remaining term, age at cut-off", $"{l.OriginalTerm} / {l.RemainingTerm}, {l.Age}"],
                ["balance after the last closed period", l.BalancePeriod is { } bp ? $"{M(l.CurrentBalance)} ({bp})" : $"{M(l.CurrentBalance)} (no period closed)"],
            ]) { Alignment = [Align.Left, Align.Right] };
            var months = new Table("Remittance lines",
                ["period", "state", "prior balance", "scheduled principal", "curtailment", "payoff", "paid through", "interest collected", "servicing fee",
                 "principal advance", "interest advance", "liquidation proceeds", "realized loss", "ending balance", "status", "modified"],
                h.Months.Select(m => (IReadOnlyList<string>)[m.Period.ToString(), m.State, M(m.PriorBalance), M(m.ScheduledPrincipal), M(m.Curtailment),
                    M(m.Payoff), m.PaidThroughDate ?? "", M(m.InterestCollected), M(m.ServicingFee), M(m.PrincipalAdvance), M(m.InterestAdvance),
                    M(m.LiquidationProceeds), M(m.RealizedLoss), M(m.EndingBalance), m.Delinquency, m.Modified ? "Y" : "N"]).ToArray())
            { Notes = h.Months.Count == 0 ? ["No remittance holds this loan yet."] : [] };
            Write(stdout, p.GetValue(format)!, h, info, months);
            return 0;
        }));
        return cmd;
    }
}
