using System.Globalization;
using Remic.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Remic.Deals.Loading;

/// <summary>
/// Reads a YAML text's events once, before any tree is built, and refuses what a deal file never needs and an attacker
/// would use: aliases (a 1 KB "billion laughs" expands to gigabytes; a self-reference never ends), anchors, tags
/// (<c>!!python/object</c>, <c>!custom</c>), more than one document, and nesting deeper than <see cref="MaxDepth"/>
/// (the tree builder recurses once per level). The event parser itself keeps its own stack, so this pass is safe on any input.
/// </summary>
internal static class YamlGuard
{
    /// <summary>Deepest nesting of mappings and sequences accepted; a deal file needs about 8.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes accepted in one file; a large deal file of rep lines has a few hundred thousand.</summary>
    public const int MaxNodes = 5_000_000;

    /// <summary>The longest list a deal file may hold (the schema's largest maxItems: a group's rep_lines).</summary>
    public const int MaxListItems = 10_000;

    /// <summary>Counts and depth of the events seen so far; <see cref="See"/> refuses the first one out of bounds.</summary>
    public sealed class State
    {
        internal int Depth, Documents, Nodes;
    }

    /// <summary>Reads every event once and refuses what is out of bounds (no tree is built).</summary>
    public static void Check(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var state = new State();
        while (Next(parser, file)) See(parser.Current!, state, file);
    }

    /// <summary>One event's checks: a second document, an alias, an anchor, a tag, too many nodes, too deep.</summary>
    public static void See(ParsingEvent e, State state, string file)
    {
        var line = (int)e.Start.Line;
        var col = (int)e.Start.Column;
        switch (e)
        {
            case DocumentStart when ++state.Documents > 1:
                throw Refuse(file, line, col, "one YAML document; this file has a second one after '---' (split it into separate deal files)");
            case AnchorAlias alias:
                throw Refuse(file, line, col, $"no YAML aliases (*{alias.Value}); write the value out in full where it is used");
            case NodeEvent node when !node.Anchor.IsEmpty:
                throw Refuse(file, line, col, $"no YAML anchors (&{node.Anchor}); write each value out in full where it is used");
            case NodeEvent node when !node.Tag.IsEmpty && !node.Tag.IsNonSpecific:
                throw Refuse(file, line, col, $"no YAML tags ({node.Tag}); a deal file holds plain mappings, lists, numbers and text");
        }
        if (e is NodeEvent && ++state.Nodes > MaxNodes)
            throw Refuse(file, line, col, string.Create(CultureInfo.InvariantCulture, $"at most {MaxNodes:N0} YAML nodes in a deal file"));
        if (e is MappingStart or SequenceStart && ++state.Depth > MaxDepth)
            throw Refuse(file, line, col, $"mappings and lists nested at most {MaxDepth} deep");
        if (e is MappingEnd or SequenceEnd) state.Depth--;
    }

    /// <summary>One step of the parser; every exception it throws (not only YamlException) is the file's fault.</summary>
    public static bool Next(Parser parser, string file)
    {
        try { return parser.MoveNext(); }
        catch (YamlException e) { throw NotYaml(file, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw NotYaml(file, 0, 0, e.Message);
        }
    }

    /// <summary>The error for a file the YAML parser cannot read, without YamlDotNet's "(Line: 3, Col: 5, Idx: ...) - (...): " prefix.</summary>
    public static RemicInputException NotYaml(string file, long line, long column, string message)
    {
        var colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (colon >= 0) message = message[(colon + 3)..];
        return new RemicInputException(new InputError(file, (int)line, "", null, $"the file is not valid YAML: {message.TrimEnd('.')}", (int)column));
    }

    public static RemicInputException Refuse(string file, int line, int column, string expected) =>
        new(new InputError(file, line, "", null, expected, column));
}
