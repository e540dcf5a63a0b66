using System.CommandLine;
using System.Globalization;
using Remic.Collateral.Tape;
using Remic.Deals.Loading;

namespace Remic.Cli;

/// <summary>
/// <c>remic synth-tape deal.yaml --seed 1 --out strats-tape.csv</c>: a SYNTHETIC loan-level tape expanded from the deal's
/// rep lines (<see cref="RepLineTape"/>) to a stated credit profile, for the deal file's <c>strats_tape</c>. The same deal,
/// options and seed always write the same file.
/// </summary>
internal static class SynthTapeCommand
{
    public static Command Build()
    {
        var deal = new Argument<string>("deal") { Description = "Deal file whose rep lines are expanded" };
        var seed = new Option<string>("--seed") { Description = "Random seed (a whole number)", DefaultValueFactory = _ => "1" };
        var fico = new Option<string?>("--fico") { Description = "Weighted average FICO to draw to (default 710)" };
        var ltv = new Option<string?>("--ltv") { Description = "Weighted average original LTV, percent (default 76)" };
        var doc = new Option<string?>("--reduced-doc") { Description = "Reduced or no documentation, percent of the pool (default 46)" };
        var size = new Option<string?>("--average-balance") { Description = "Average loan balance in dollars (default 180000)" };
        var maxSize = new Option<string?>("--max-balance") { Description = "Largest loan balance in dollars (e.g. 333700, the 2004 conforming limit); default none" };
        var outFile = new Option<string?>("--out") { Description = "File to write (default: print)" };
        var cmd = new Command("synth-tape", "Write a SYNTHETIC loan-level tape expanded from a deal's rep lines, for its strats_tape (strats only)")
        {
            deal, seed, fico, ltv, doc, size, maxSize, outFile,
        };
        cmd.SetAction(p => CliRun.Guard(p, stdout =>
        {
            var d0 = new StratProfile();
            var profile = new StratProfile
            {
                WaFico = CliValues.Number(p.GetValue(fico), "--fico", 300, 850, "a FICO score from 300 to 850", d0.WaFico),
                WaLtvPercent = CliValues.Number(p.GetValue(ltv), "--ltv", 20, 95, "a weighted average LTV in percent from 20 to 95", d0.WaLtvPercent),
                ReducedDocPercent = CliValues.Number(p.GetValue(doc), "--reduced-doc", 0, 100, "a percent from 0 to 100", d0.ReducedDocPercent),
                AverageLoanBalance = CliValues.Number(p.GetValue(size), "--average-balance", 1_000, 10_000_000, "a balance in dollars from 1,000 to 10,000,000", d0.AverageLoanBalance),
                MaxLoanBalance = p.GetValue(maxSize) is { } m ? CliValues.Number(m, "--max-balance", 1_000, 100_000_000, "a balance in dollars") : null,
            };
            if (profile.MaxLoanBalance < profile.AverageLoanBalance)
                throw new Remic.Core.RemicInputException("--max-balance", 0, "", p.GetValue(maxSize), "a largest balance at or above --average-balance");
            var s = CliValues.Whole(p.GetValue(seed), "--seed", 0, int.MaxValue, "a whole number ≥ 0");
            var path = p.GetValue(deal)!;
            var d = DealLoader.Load(path);
            var loans = RepLineTape.Synthesize(d.Groups.SelectMany(g => g.Loans).ToList(), profile, s);
            var inv = CultureInfo.InvariantCulture;
            var text = TapeWriter.ToCsv(loans,
            [
                $"SYNTHETIC loan-level tape for the strats of {d.Metadata.TrustName}: {loans.Count} made-up loans, no loan or borrower is real.",
                $"Expanded from the deal file's rep lines by `remic synth-tape {Path.GetFileName(path)} --seed {s} --fico {profile.WaFico.ToString(inv)} --ltv {profile.WaLtvPercent.ToString(inv)} --reduced-doc {profile.ReducedDocPercent.ToString(inv)} --average-balance {profile.AverageLoanBalance.ToString(inv)}{(profile.MaxLoanBalance is { } mx ? $" --max-balance {mx.ToString(inv)}" : "")}`.",
                "Each rep line's balance, weighted average rate, remaining term and age are kept; FICO, LTV and documentation drawn to the stated averages; state, property, occupancy and purpose mixes assumed.",
            ]);
            CliRun.Emit(stdout, p.GetValue(outFile), text);
            return 0;
        }));
        return cmd;
    }
}
