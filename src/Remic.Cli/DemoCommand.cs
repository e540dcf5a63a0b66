using System.CommandLine;
using Remic.Collateral;
using Remic.Collateral.Tape;
using Spectre.Console;

namespace Remic.Cli;

/// <summary>
/// <c>remic demo</c>: the embedded SYNTHETIC example tape (examples/collateral/tape.csv) projected at
/// 100% PPC (8 → 20 CPR over 12 months), 0 CDR; prints the summary per loan group.
/// </summary>
public static class DemoCommand
{
    public const string TapeResource = "Remic.Cli.examples.collateral.tape.csv";

    public static Command Build()
    {
        var cmd = new Command("demo", "Project the embedded synthetic example tape at 100 PPC, 0 CDR and print a summary per group");
        cmd.SetAction(parse => CliRun.Guard(parse, stdout =>
        {
            var loans = TapeReader.Read(ExampleTape(), "examples/collateral/tape.csv (embedded)");
            var scenario = new Scenario { Prepay = Speed.Prepay("100 PPC", PpcRamp.CwaltFixed), Default = Speed.Default("0 CDR") };
            var projection = Projector.Project(new LoanPool(loans), scenario);
            var (console, text) = CollateralReport.Console();
            console.WriteLine($"Synthetic example tape: {loans.Count} loans; prepay 100 PPC ({PpcRamp.CwaltFixed}), 0 CDR");
            console.Write(CollateralReport.SummaryTable(CollateralSummary.All(projection, loans)));
            stdout.Write(text.ToString());
            return 0;
        }));
        return cmd;
    }

    public static byte[] ExampleTape()
    {
        using var s = typeof(DemoCommand).Assembly.GetManifestResourceStream(TapeResource)
            ?? throw new InvalidOperationException($"resource {TapeResource} is missing from the build");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
