using System.CommandLine;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;
using Remic.Reports.Book;

namespace Remic.Cli;

/// <summary>The scenario options of `remic run` (same names, defaults and parsing), for commands that re-run a scenario.</summary>
internal sealed class ScenarioOptions
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
    public Scenario Build(ParseResult p, Deal d) => new()
    {
        Prepay = Speed.Prepay(p.GetValue(Prepay)!, p.GetValue(Ramp) is { } r ? PpcRamp.Parse(r) : DealBook.Ramp(d)),
        Default = Speed.Default(p.GetValue(Default)!),
        Severity = RunCommand.Percents(p.GetValue(Severity)!, "--severity"),
        RecoveryLag = CliValues.Whole(p.GetValue(Lag), "--lag", 0, Domains.MaxLagMonths, $"expected a whole number of months from 0 to {Domains.MaxLagMonths}", 0),
        Advance = p.GetValue(Advance) is { } a ? AdvancingConventions.Parse(a, "--advance") : null,
        Indices = DealBook.AssumedIndices(d, RunCommand.GivenIndices(d, p.GetValue(Index) ?? [])),
    };
}
