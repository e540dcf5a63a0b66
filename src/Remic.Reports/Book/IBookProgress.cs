namespace Remic.Reports.Book;

/// <summary>
/// Progress of a book run: work is announced as it becomes known (<see cref="Expect"/>) and ticked off
/// step by step, so a front end can draw a bar; <see cref="Silent"/> ignores both (tests, scripts).
/// </summary>
public interface IBookProgress
{
    void Expect(int steps);
    void Done(string step);

    public static readonly IBookProgress Silent = new SilentProgress();

    private sealed class SilentProgress : IBookProgress
    {
        public void Expect(int steps) { }
        public void Done(string step) { }
    }
}
