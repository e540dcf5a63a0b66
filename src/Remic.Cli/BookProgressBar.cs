using Remic.Reports.Book;
using Spectre.Console;

namespace Remic.Cli;

/// <summary>
/// Draws a book run's progress as a Spectre.Console bar on stderr when it is a terminal and the command writes
/// to the real console; otherwise (tests, pipes) the work runs silently.
/// </summary>
internal static class BookProgressBar
{
    public static T Run<T>(TextWriter stdout, Func<IBookProgress, T> work)
    {
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsErrorRedirected) return work(IBookProgress.Silent);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var result = default(T)!;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("book", maxValue: 0);
            result = work(new Adapter(task));
        });
        return result;
    }

    private sealed class Adapter(ProgressTask task) : IBookProgress
    {
        public void Expect(int steps) => task.MaxValue += steps;
        public void Done(string step)
        {
            task.Description = Markup.Escape(step.Length > 40 ? step[..40] : step);
            task.Increment(1);
        }
    }
}
