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
        var source = InputText.Visible(Source);
        var where = Line > 0 ? (Column > 0 ? $"{source}:{Line}:{Column}" : $"{source}:{Line}") : source;
        var field = Field.Length > 0 ? $" {InputText.Visible(Field)}:" : ":";
        var value = Value is null ? "" : $" got '{Clip(Value)}';";
        // Expected may quote names from the file (a list of the deal's groups): shown as visibly as the value, line
        // breaks kept for the few multi-line explanations.
        return $"{where}{field}{value} {string.Join('\n', Expected.Split('\n').Select(InputText.Visible))}";
    }

    /// <summary>Readable length, and control or format characters escaped so an echoed value cannot drive a terminal.</summary>
    private static string Clip(string v) => InputText.Visible(v.Length <= 60 ? v : v[..57] + "...");
}

/// <summary>Thrown when input is rejected; carries every problem found, not only the first.</summary>
public sealed class RemicInputException : Exception
{
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>Errors kept at most (plus one line counting the rest): past this they are the same mistake repeated, e.g. a wrong file.</summary>
    public const int MaxShown = 100;

    public RemicInputException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, Capped(errors).Select(e => e.ToString()))) => Errors = Capped(errors);

    private static IReadOnlyList<InputError> Capped(IReadOnlyList<InputError> errors)
    {
        if (errors.Count <= MaxShown + 1) return errors;
        var shown = errors.Take(MaxShown).ToList();
        shown.Add(new InputError(errors[MaxShown].Source, 0, "", null,
            $"{errors.Count - MaxShown} more errors not shown ({errors.Count} in all); is this the right file?"));
        return shown;
    }

    public RemicInputException(InputError error) : this([error]) { }

    public RemicInputException(string source, int line, string field, string? value, string expected)
        : this(new InputError(source, line, field, value, expected)) { }
}
