using System.CommandLine;
using System.Globalization;
using Remic.Core;
using Remic.Reports;
using Remic.Trustee.Ledger;

namespace Remic.Cli;

/// <summary>`remic trustee audit [DEAL-ID] [--period] [--action] [--actor] [--since] [--last N]`: the append-only audit log, filtered.</summary>
public static class TrusteeAuditCommand
{
    private static readonly string[] Actions = ["init", "remit", "remit-replace", "close", "reopen", "statement", "store-tapes"];

    public static Command Build()
    {
        var deal = new Argument<string?>("deal-id") { Description = "Only this deal's entries", Arity = ArgumentArity.ZeroOrOne };
        var period = new Option<string?>("--period") { Description = "Only this period's entries (YYYY-MM)" };
        var action = new Option<string?>("--action") { Description = "Only this action: " + string.Join(", ", Actions) };
        action.AcceptOnlyFromAmong(Actions);
        var actor = new Option<string?>("--actor") { Description = "Only this actor's entries" };
        var since = new Option<string?>("--since") { Description = "Only entries at or after this UTC date (YYYY-MM-DD)" };
        var last = new Option<string?>("--last") { Description = "Only the N newest entries" };
        var format = TrusteeViews.FormatOption();
        var db = TrusteeCommand.DbOption();
        var cmd = new Command("audit", "The ledger's audit log (who did what, when, from which input), filtered") { deal, period, action, actor, since, last, format, db };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var per = p.GetValue(period) is { } text ? TrusteeCommand.ParsePeriod(text).ToString() : null;
            var from = p.GetValue(since) is { } s ? CliValues.Date(s, "--since", default).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var n = p.GetValue(last) is { } l ? CliValues.Whole(l, "--last", 1, int.MaxValue, "a number of entries, 1 or more") : (int?)null;
            var filter = new AuditFilter(p.GetValue(deal), per, p.GetValue(action), p.GetValue(actor), from, n);
            var ledger = TrusteeCommand.Open(p, db);
            using var c = ledger.Connect();
            var rows = AuditLog.Read(c, filter);
            var table = new Table("Audit log",
                ["#", "at (UTC)", "actor", "action", "deal", "period", "details", "input sha256"],
                rows.Select(e => (IReadOnlyList<string>)[e.AuditId.ToString(CultureInfo.InvariantCulture), e.At, e.Actor, e.Action, e.DealId ?? "", e.Period ?? "",
                    e.Details, e.InputSha256 is { } h ? h[..12] : ""]).ToArray())
            {
                Alignment = [Align.Right, Align.Left, Align.Left, Align.Left, Align.Left, Align.Left, Align.Left, Align.Left],
                Notes = rows.Count == 0 ? ["No entry matches."] : [$"{rows.Count} entries; sha256 shortened to 12 characters here (csv and json carry it whole)."],
            };
            if (p.GetValue(format) != "txt")
                table = table with { Rows = rows.Select(e => (IReadOnlyList<string>)[e.AuditId.ToString(CultureInfo.InvariantCulture), e.At, e.Actor, e.Action,
                    e.DealId ?? "", e.Period ?? "", e.Details, e.InputSha256 ?? ""]).ToArray() };
            TrusteeViews.Write(stdout, p.GetValue(format)!, rows, table);
            return 0;
        }));
        return cmd;
    }
}
