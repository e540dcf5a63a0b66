using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Remic.Cli;

/// <summary>
/// `--help` of every command ends with one runnable example. The examples live here, by command path, so each
/// command's file keeps its one-line description (which the parent's command list shows).
/// </summary>
internal static class CliHelp
{
    public static readonly IReadOnlyDictionary<string, string> Examples = new Dictionary<string, string>
    {
        ["demo"] = "remic demo --out book",
        ["collateral"] = "remic collateral --tape examples/collateral/tape.csv --prepay \"100 PPC\" --default \"5 CDR\" --severity 50 --lag 6",
        ["run"] = "remic run examples/cwalt-2004-j4/deal.yaml --prepay \"300 PPC\" --default \"5 CDR\" --severity 50 --lag 6 --out run/",
        ["price"] = "remic price examples/cwalt-2004-j4/deal.yaml --class 1-A-1 --curve \"6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645\" --yields 2.5",
        ["cm"] = "remic cm examples/cwalt-2004-j4/deal.yaml --out book --pricing-speed \"100 PPC\"",
        ["explain"] = "remic explain examples/cwalt-2004-j4/deal.yaml --class 1-A-4 --period 12 --prepay \"300 PPC\" --default \"5 CDR\" --severity 50 --lag 6",
        ["grid"] = "remic grid examples/cwalt-2004-j4/deal.yaml --prepay \"0..300 PPC step 100\" --default \"0,5 CDR\" --severity 50 --lag 6 --price 100-00 --out grid.parquet",
        ["item1115"] = "remic item1115 examples/cwalt-2007-12t1/deal.yaml",
        ["oas"] = "remic oas examples/cwalt-2004-j4/deal.yaml --class 1-A-4 --price 99-16 --curve \"6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645\" --vol 100 --paths 100",
        ["trustee"] = "remic trustee init examples/sample/deal.yaml --db t.db",
        ["trustee init"] = "remic trustee init examples/sample/deal.yaml --db t.db",
        ["trustee simulate"] = "remic trustee simulate examples/sample/deal.yaml --months 24 --prepay \"100 PPC\" --out sim/",
        ["trustee remit"] = "remic trustee remit 2004-S1 --period 2004-04 --file sim/remittance-2004-04.csv --db t.db",
        ["trustee close"] = "remic trustee close 2004-S1 --period 2004-04 --libor 1.10 --db t.db",
        ["trustee explain"] = "remic trustee explain 2004-S1 --period 2004-04 --class 1-A-1 --db t.db",
        ["trustee reopen"] = "remic trustee reopen 2004-S1 --period 2004-04 --reason \"restated remittance\" --db t.db",
        ["trustee statement"] = "remic trustee statement 2004-S1 --period 2004-04 --format html --out statement.html --db t.db",
        ["trustee 10d"] = "remic trustee 10d 2004-S1 --period 2004-04 --out filing/ --db t.db",
        ["trustee reconcile"] = "remic trustee reconcile --filed examples/filed/cwalt-2008-2r-2008-04/statement.txt",
    };

    /// <summary>Wraps the root's help action so that a command's help ends with its example.</summary>
    public static void AddExamples(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (help?.Action is HelpAction inner) help.Action = new WithExample(inner);
    }

    private static string PathOf(Command c, ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            if (r.Command is not RootCommand) names.Insert(0, r.Command.Name);
        return string.Join(" ", names);
    }

    private sealed class WithExample(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parse)
        {
            var code = inner.Invoke(parse);
            if (Examples.TryGetValue(PathOf(parse.CommandResult.Command, parse), out var example))
            {
                var w = parse.InvocationConfiguration.Output;
                w.WriteLine("Example:");
                w.WriteLine("  " + example);
                w.WriteLine();
            }
            return code;
        }
    }
}
