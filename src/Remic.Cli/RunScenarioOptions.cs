using System.CommandLine;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;
using Remic.Reports.Book;

namespace Remic.Cli;

/// <summary>The scenario options of `remic run` (same names, defaults and parsing), for commands that re-run a scenario.</summary>
internal sealed class RunScenarioOptions
{
    public readonly Option<string> Prepay = new("--prepay") { Description = "Prepayment speed: '100 PPC', '300 PSA', '20 CPR', '5 CPR for 12, then 20 CPR'", DefaultValueFactory = _ => "100 PPC" };
    public readonly Option<string> Default = new("--default") { Description = "Default speed: '0 CDR', '100 SDA', '0.1 MDR'", DefaultValueFactory = _ => "0 CDR" };
    public readonly Option<string> Severity = new("--severity") { Description = "Loss severity in percent, or a monthly vector '30,35,40'", DefaultValueFactory = _ => "0" };
    public readonly Option<string?> Lag = new("--lag") { Description = "Months from default to liquidation, 0 to 120 (default 0)" };
    public readonly Option<string[]> Index = new("--index") { Description = "Index path: NAME=5.32 (percent), NAME=5.32,5.40,... (monthly vector, last holds), or a CSV file with a column per index (default the deal file's assumptions.indices)", AllowMultipleArgumentsPerToken = false };
    public readonly Option<string?> Ramp = new("--ppc-ramp") { Description = "The deal's 100% PPC ramp: 'start CPR, plateau CPR, months to plateau' (default the deal file's prepayment_assumption, else 8,20,12)" };
    public readonly Option<string?> Advance = new("--advance") { Description = "What the servicer advances on delinquent loans until liquidation: pi, interest or none (default the deal file's advancing, else interest)" };
    public readonly Option<bool> Call = new("--call") { Description = "Exercise the clean-up call when the pool falls below the deal's percentage of the cut-off balance" };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { Prepay, Default, Severity, Lag, Index, Ramp, Advance, Call }) cmd.Options.Add(o);
    }

    /// <summary>The scenario as `remic run` builds it from the same options.</summary>
    public Scenario Build(ParseResult p, Deal d) => Remic.Reports.Inputs.ScenarioOptions.Build(d, p.GetValue(Prepay)!, p.GetValue(Default)!,
        p.GetValue(Severity)!, p.GetValue(Lag), p.GetValue(Ramp), p.GetValue(Advance), p.GetValue(Index) ?? []);
}
