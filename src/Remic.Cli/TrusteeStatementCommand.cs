using System.CommandLine;
using System.Text;
using System.Text.Json;
using Remic.Reports;
using Remic.Trustee.Registry;
using Remic.Trustee.Statements;

namespace Remic.Cli;

/// <summary>`remic trustee statement DEAL-ID --period 2004-05 --format txt|csv|html|json [--out file]`.</summary>
public static class TrusteeStatementCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var period = TrusteeCommand.PeriodOption();
        var format = new Option<string>("--format") { Description = "txt, csv, html or json", DefaultValueFactory = _ => "txt" };
        format.AcceptOnlyFromAmong("txt", "csv", "html", "json");
        var output = new Option<string?>("--out") { Description = "Write the statement to this file instead of printing it" };
        var layout = new Option<string>("--layout")
        {
            Description = "remic (Remic's tables and the Item 1121 report) or bny (the Bank of New York's CWALT layout, plain text)",
            DefaultValueFactory = _ => "remic",
        };
        layout.AcceptOnlyFromAmong("remic", "bny");
        var db = TrusteeCommand.DbOption();
        var actor = TrusteeCommand.ActorOption();
        var cmd = new Command("statement", "The monthly statement to certificateholders for a closed period (kept in the ledger as issued)")
            { deal, period, format, layout, output, db, actor };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var ledger = TrusteeCommand.Open(p, db);
            var id = p.GetValue(deal)!;
            var per = TrusteeCommand.ParsePeriod(p.GetValue(period)!);
            var dealSpec = DealFile.FromLedger(ledger, id);
            var s = StatementBuilder.Build(ledger, dealSpec, id, per);
            var bny = p.GetValue(layout) == "bny";
            if (bny && p.GetValue(format) != "txt")
                throw new Remic.Core.RemicInputException("--layout", 0, "--layout", "bny", $"--format txt with --layout bny (the Bank of New York layout is plain text; got --format {p.GetValue(format)})");
            var text = bny ? Remic.Trustee.Statements.Bny.BnyLayout.Render(s, dealSpec)
                : Render(s, p.GetValue(format)!, p.GetValue(format) == "html" ? Remic.Trustee.Periods.CloseTraces.Find(ledger, id, per) : null);
            // Record, then deliver: a statement handed out is always one the ledger holds as issued.
            CliRun.CheckOutFile(p.GetValue(output));
            StatementArchive.Save(ledger, id, per, bny ? "bny" : p.GetValue(format)!, text, TrusteeCommand.Actor(p, actor));
            CliRun.Emit(stdout, p.GetValue(output), text);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The JSON naming every Remic command uses (<see cref="StatementRender.JsonOptions"/>).</summary>
    public static readonly JsonSerializerOptions JsonOptions = StatementRender.JsonOptions;

    /// <param name="trace">The close's trace: the HTML statement links each class's figures to its explanation, written below the tables.</param>
    public static string Render(Statement s, string format, Remic.Deals.Explain.PeriodTrace? trace = null) => StatementRender.Render(s, format, trace);
}
