using Remic.Core;
using Remic.Trustee.CloseHelper;
using Remic.Trustee.Distribution;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;

// Usage: Remic.Trustee.CloseHelper <connection> <deal-id> <period>
// REMIC_CLOSE_PAUSE_AT=<checkpoint>: print "PAUSED <checkpoint>" and hang there (the test SIGKILLs us).
// REMIC_CLOSE_DELAY_MS=<ms>: sleep after computing, before the transaction (to race two closers).
// Exit codes: 0 closed or already closed, 3 lost a concurrent close, 4 other failure.
var pauseAt = Environment.GetEnvironmentVariable("REMIC_CLOSE_PAUSE_AT");
var delay = int.TryParse(Environment.GetEnvironmentVariable("REMIC_CLOSE_DELAY_MS"), out var ms) ? ms : 0;
try
{
    var db = LedgerDb.Open(LedgerTarget.Parse(args[0]));
    var closer = new PeriodCloser(db, new SequentialPayDouble())
    {
        Checkpoint = step =>
        {
            if (step == "computed" && delay > 0) Thread.Sleep(delay);
            if (step == pauseAt)
            {
                Console.Out.WriteLine($"PAUSED {step}");
                Console.Out.Flush();
                Thread.Sleep(Timeout.Infinite);
            }
        },
    };
    var result = closer.Close(args[1], Period.Parse(args[2]), new PeriodMarket(), "close-helper");
    Console.Out.WriteLine($"{result.Outcome}: {result.Message}");
    return 0;
}
catch (ConcurrentCloseException e)
{
    Console.Out.WriteLine($"CONCURRENT: {e.Message}");
    return 3;
}
catch (Exception e)
{
    Console.Out.WriteLine($"FAILED: {e}");
    return 4;
}
