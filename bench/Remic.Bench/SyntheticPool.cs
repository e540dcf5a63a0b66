using Remic.Collateral;

namespace Remic.Bench;

/// <summary>
/// The peer's pool (collateral_loop.c): srand(42); per loan balance 50,000 + rand()%950,000,
/// gross rate 5.00% + (rand()%300)/100 %, servicing 0.25%, remaining term 360 − rand()%24,
/// age = 360 − remaining. Fixed-rate level-pay loans, one group.
/// </summary>
public static class SyntheticPool
{
    public static LoanPool Build(int loans, int seed = 42)
    {
        var rand = new GlibcRand(seed);
        var list = new Loan[loans];
        for (var i = 0; i < loans; i++)
        {
            double balance = 50_000 + rand.Next() % 950_000;
            var gross = (5.0 + rand.Next() % 300 / 100.0) / 100;
            var remaining = 360 - rand.Next() % 24;
            list[i] = new Loan
            {
                Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Balance = balance, GrossRate = gross, ServicingFee = 0.0025,
                OriginalTerm = 360, RemainingTerm = remaining, Age = 360 - remaining,
            };
        }
        return new LoanPool(list);
    }
}
