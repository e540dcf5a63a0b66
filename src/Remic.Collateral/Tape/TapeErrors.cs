using Remic.Core;

namespace Remic.Collateral.Tape;

/// <summary>
/// Collects every problem in a tape so the user can fix them in one pass, up to a cap: past
/// <see cref="Cap"/> errors the rest are usually the same mistake repeated, and the list stops helping.
/// </summary>
internal sealed class TapeErrors(string source)
{
    public const int Cap = 100;
    private readonly List<InputError> _errors = [];

    public string Source { get; } = source;
    public bool Any => _errors.Count > 0;
    public bool Full => _errors.Count >= Cap;

    public void Add(int line, string field, string? value, string expected)
    {
        if (_errors.Count < Cap) _errors.Add(new InputError(Source, line, field, value, expected));
    }

    /// <summary>Throws when anything was collected; a capped list says that it was cut short.</summary>
    public void ThrowIfAny()
    {
        if (!Any) return;
        var list = new List<InputError>(_errors);
        if (Full) list.Add(new InputError(Source, 0, "", null, $"stopped after {Cap} errors; fix these and run again to see the rest"));
        throw new RemicInputException(list);
    }

    /// <summary>A problem that makes the rest of the file unreadable: report it alone, at once.</summary>
    public RemicInputException Fatal(int line, string field, string? value, string expected) =>
        new(Source, line, field, value, expected);
}
