using System.CommandLine;
using System.Globalization;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Reports.Book;
using Remic.Trustee.Registry;
using Remic.Trustee.Simulation;

namespace Remic.Cli;

/// <summary>`remic trustee simulate deal.yaml --months 24 --prepay "100 PPC" --default "2 CDR" ... --out dir/`: synthetic remittance files.</summary>
public static class TrusteeSimulateCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("deal") { Description = "Deal file (YAML)" };
        var months = new Option<int>("--months") { Description = "Number of periods to simulate", DefaultValueFactory = _ => 24 };
        var prepay = new Option<string>("--prepay") { Description = "Prepayment speed the pool follows in expectation", DefaultValueFactory = _ => "100 PPC" };
        var dflt = new Option<string>("--default") { Description = "Default speed", DefaultValueFactory = _ => "0 CDR" };
        var severity = new Option<string>("--severity") { Description = "Loss severity percent", DefaultValueFactory = _ => "0" };
        var lag = new Option<int>("--lag") { Description = "Months from default to liquidation", DefaultValueFactory = _ => 0 };
        var delinquency = new Option<string>("--delinquency") { Description = "Monthly percent chance a performing loan misses a payment", DefaultValueFactory = _ => "0" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var ramp = new Option<string?>("--ppc-ramp") { Description = "The deal's 100% PPC ramp (default the deal file's prepayment_assumption, else 8,20,12)" };
        var output = new Option<string>("--out") { Description = "Directory for remittance-YYYY-MM.csv files", Required = true };
        var cmd = new Command("simulate", "Write synthetic loan-level servicer remittance files for a deal") { file, months, prepay, dflt, severity, lag, delinquency, seed, ramp, output };
        cmd.SetAction(p => TrusteeCommand.Guard(p, stdout =>
        {
            var dealPath = p.GetValue(file)!;
            var dealText = DealLoader.ReadText(dealPath);
            var deal = DealLoader.LoadText(dealText, dealPath);
            var options = new SimulationOptions(p.GetValue(months), Speed.Prepay(p.GetValue(prepay)!, p.GetValue(ramp) is { } r ? PpcRamp.Parse(r) : DealBook.Ramp(deal)),
                Speed.Default(p.GetValue(dflt)!), Percent(p.GetValue(severity)!, "--severity"), p.GetValue(lag),
                Percent(p.GetValue(delinquency)!, "--delinquency"), p.GetValue(seed));
            options.Validate();
            var reg = DealFile.Registration(deal, Path.GetFullPath(dealPath), dealText);
            var dir = p.GetValue(output)!;
            // All months or none: a partial set would look like a shorter simulation.
            var n = CliRun.WriteFiles(dir, new RemittanceSimulator(reg.Loans, reg.FirstPeriod, options).Run()
                .Select(x => ($"remittance-{x.Period}.csv", x.Csv))).Count;
            stdout.WriteLine($"wrote {n} remittance files for {reg.DealId} ({reg.Loans.Count} loans, {reg.FirstPeriod} on) to {dir}");
            foreach (var line in DealFile.Describe(reg.Expansions ?? [])) stdout.WriteLine("  " + line);
            stdout.WriteLine($"  each loan's payoffs, curtailments, defaults and delinquencies are drawn from --seed {options.Seed}: the same seed writes the same files");
            return 0;
        }));
        return cmd;
    }

    private static decimal Percent(string text, string option) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v / 100m
            : throw new RemicInputException(option, 0, "", text, "a percent, e.g. 40");
}
