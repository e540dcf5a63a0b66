using System.CommandLine;

namespace Remic.Cli;

public static class Program
{
    /// <summary>Every command runs inside <see cref="CliRun.Guard"/>; this catch is the last net for anything outside one (exit 70).</summary>
    public static int Main(string[] args)
    {
        try
        {
            return Invoke(args, Console.Out, Console.Error);
        }
        catch (Exception e)
        {
            return InternalError.Report(Console.Error, e);
        }
    }

    /// <summary>Parses and runs one command line: a line that does not parse is reported as bad input (<see cref="CliUsage"/>, exit 2).</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = BuildRoot().Parse(args);
        if (CliUsage.Failed(parsed)) return CliUsage.Report(parsed, error);
        // No ProcessTerminationTimeout: System.CommandLine installs no signal handler; `remic grid`, the one command that stops
        // cleanly on Ctrl-C, installs its own (CliInterrupt), and every other command keeps the signals' own action.
        return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = error });
    }

    /// <summary>The `remic` command tree; each command lives in its own file.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Remic: private-label mortgage pass-through securitization engine");
        root.Subcommands.Add(CmCommand.Build());
        root.Subcommands.Add(CollateralCommand.Build());
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(ExplainCommand.Build());
        root.Subcommands.Add(GridCommand.Build());
        root.Subcommands.Add(Item1115Command.Build());
        root.Subcommands.Add(OasCommand.Build());
        root.Subcommands.Add(PriceCommand.Build());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(SiloCommand.Build());
        root.Subcommands.Add(SynthTapeCommand.Build());
        root.Subcommands.Add(TrusteeCommand.Build());
        CliHelp.AddExamples(root);
        return root;
    }
}
