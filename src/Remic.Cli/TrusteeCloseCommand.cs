using System.CommandLine;
using System.Globalization;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Trustee.Distribution;
using Remic.Trustee.Periods;
using Remic.Trustee.Registry;
using Remic.Trustee.Waterfall;

namespace Remic.Cli;

/// <summary>`remic trustee close DEAL-ID --period 2004-05 [--libor 5.32 | --index NAME=rate]`: runs the deal's waterfall on the actual collections.</summary>
public static class TrusteeCloseCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal-id") { Description = "Deal id given by `remic trustee init`" };
        var period = TrusteeCommand.PeriodOption();
        var libor = new Option<string?>("--libor") { Description = "One-month LIBOR fixing in percent (same as --index LIBOR_1MO=rate)" };
        var index = new Option<string[]>("--index") { Description = "Index fixing NAME=rate in percent (repeatable)" };
        var db = TrusteeCommand.DbOption();
        var actor = TrusteeCommand.ActorOption();
        var cmd = new Command("close", "Close a remitted period: distribute it through the deal's waterfall and record it") { deal, period, libor, index, db, actor };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var per = TrusteeCommand.ParsePeriod(p.GetValue(period)!);
            var market = Market(p.GetValue(libor), p.GetValue(index) ?? []);
            var ledger = TrusteeCommand.Open(p, db);
            var id = p.GetValue(deal)!;
            var d = DealFile.FromLedger(ledger, id);
            DealIndices.CheckFixings(d, (p.GetValue(index) ?? []).Select(x => x.IndexOf('=') is > 0 and var eq ? x[..eq].Trim() : x), "--index");
            var r = new PeriodCloser(ledger, new WaterfallCalculator(d)).Close(id, per, market, TrusteeCommand.Actor(p, actor));
            stdout.WriteLine(r.Message);
            return 0;
        }));
        return cmd;
    }

    public static PeriodMarket Market(string? libor, IEnumerable<string> indices) => CloseOptions.Market(libor, indices);
}
