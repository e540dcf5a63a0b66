namespace Remic.Core;

/// <summary>One problem found in a user's input: where it is and what was expected there.</summary>
/// <param name="Source">File name (or "--option" for command-line input).</param>
/// <param name="Line">1-based line or row; 0 when the problem is not tied to a line.</param>
/// <param name="Field">Column, field or option name; empty when not tied to one.</param>
/// <param name="Value">The offending text as found (trimmed to a readable length).</param>
/// <param name="Expected">A plain sentence: what should have been there.</param>
/// <param name="Column">1-based column within the line; 0 when not known (CSV rows, options).</param>
public sealed record InputError(string Source, int Line, string Field, string? Value, string Expected, int Column = 0)
{
    public override string ToString()
    {
        var where = Line > 0 ? (Column > 0 ? $"{Source}:{Line}:{Column}" : $"{Source}:{Line}") : Source;
        var field = Field.Length > 0 ? $" {Field}:" : ":";
        var value = Value is null ? "" : $" got '{Clip(Value)}';";
        return $"{where}{field}{value} {Expected}";
    }

    private static string Clip(string v) => v.Length <= 60 ? v : v[..57] + "...";
}

/// <summary>Thrown when input is rejected; carries every problem found, not only the first.</summary>
public sealed class RemicInputException : Exception
{
    public IReadOnlyList<InputError> Errors { get; }

    public RemicInputException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString()))) => Errors = errors;

    public RemicInputException(InputError error) : this([error]) { }

    public RemicInputException(string source, int line, string field, string? value, string expected)
        : this(new InputError(source, line, field, value, expected)) { }
}
