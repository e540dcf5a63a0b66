using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Remic.Collateral;

namespace Remic.Cli;

/// <summary>
/// A command line that does not parse (an unknown option, a missing deal file argument, a value of the wrong type, a speed
/// whose space was not quoted) is bad input like any other: one line per error on stderr, naming the command, a hint where
/// the mistake is a usual one, and exit code 2 (README, "Commands"). System.CommandLine's own reply printed the whole help
/// first, the error last, and exited 1.
/// </summary>
internal static class CliUsage
{
    /// <summary>True when <paramref name="parsed"/> has errors that would be reported instead of running (not <c>--help</c>, which wins over them).</summary>
    public static bool Failed(ParseResult parsed) => parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction;

    /// <summary>Writes the parse errors of <paramref name="parsed"/> to <paramref name="error"/>; returns the exit code for bad input.</summary>
    public static int Report(ParseResult parsed, TextWriter error)
    {
        var command = CommandPath(parsed.CommandResult);
        foreach (var e in parsed.Errors) error.WriteLine($"{command}: {e.Message}");
        // A token that is a speed unit was the second half of an unquoted speed.
        var unit = parsed.UnmatchedTokens.Select(t => t.ToUpperInvariant()).FirstOrDefault(t => Speed.PrepayUnits.Contains(t) || Speed.DefaultUnits.Contains(t));
        if (unit is not null)
        {
            // The example in the unit the user wrote, beside one of the other kind.
            var isDefault = Speed.DefaultUnits.Contains(unit);
            error.WriteLine($"{command}: a speed with a space needs quotes, e.g. --prepay \"300 {(isDefault ? "PPC" : unit)}\" or --default \"5 {(isDefault ? unit : "CDR")}\"");
        }
        error.WriteLine(parsed.CommandResult.Command is RootCommand
            ? "Run 'remic --help' for the commands."
            : $"Run '{command} --help' for its options and an example.");
        return CliRun.InputErrorExit;
    }

    /// <summary>"remic run", "remic trustee close": the command's names from the root down (the root is always "remic",
    /// whatever the host process is called).</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
            if (c.Command is not RootCommand) names.Add(c.Command.Name);
        names.Add("remic");
        names.Reverse();
        return string.Join(' ', names);
    }
}
