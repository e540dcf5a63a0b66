namespace Remic.Reports.Book;

/// <summary>Runs each distinct scenario once (the loss grid and the breakeven searches revisit the same points) and checks it conserves.</summary>
internal sealed class ScenarioCache(Func<ScenarioRequest, ScenarioResult> run, IReadOnlyList<BookClass> classes, IBookProgress progress)
{
    private readonly Dictionary<string, ScenarioResult> _done = new(StringComparer.Ordinal);

    public int Runs => _done.Count;

    public ScenarioResult Get(ScenarioRequest request)
    {
        if (_done.TryGetValue(request.Key, out var r)) return r;
        r = run(request) ?? throw new InvalidOperationException($"the scenario runner returned nothing for {request}");
        ScenarioCheck.Conserves(request, r, classes);
        _done[request.Key] = r;
        return r;
    }

    /// <summary>Runs a scenario as one announced step of the progress bar.</summary>
    public ScenarioResult Step(ScenarioRequest request)
    {
        var r = Get(request);
        progress.Done($"scenario {request}");
        return r;
    }
}
