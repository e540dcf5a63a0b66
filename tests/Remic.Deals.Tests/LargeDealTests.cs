using Remic.Core;
using Remic.Deals.Loading;

namespace Remic.Deals.Tests;

/// <summary>
/// Issue 18 item 15: the YAML is read in one pass of parser events that builds the JSON tokens directly, and a list
/// longer than any a deal file may hold (10,000 rep lines) is refused at its 10,001st item, before the rest of the
/// file is read. Measured by the bytes this thread allocates: the old two passes and YAML node tree allocated
/// gigabytes for the 160,000-line file below.
/// </summary>
public sealed class LargeDealTests
{
    private static string RepLines(int n) => string.Concat(Enumerable.Range(0, n).Select(i =>
        $"      - {{ id: p{i}, balance: 250.00, gross_rate: 6.50, remaining_term: 357, age: 3, loan_count: 1 }}\n"));

    [Fact]
    public void A_list_longer_than_any_deal_file_holds_is_refused_at_its_item_without_reading_the_rest()
    {
        var text = MalformedDealTests.Valid.Replace(
            "      - { balance: 1000000, gross_rate: 6.25, remaining_term: 360 }\n", RepLines(160_000));
        Assert.True(text.Length > 13_000_000, $"a large file: {text.Length:N0} characters");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(text, "big.yaml"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("big.yaml:10:7 groups[0].rep_lines: expected at most 10000 items", e.Message);
        Assert.True(allocated < 200_000_000, $"allocated {allocated:N0} bytes reading the first 10,001 of 160,000 rep lines");
    }

    [Fact]
    public void Any_other_list_past_that_length_is_refused_too()
    {
        var text = MalformedDealTests.Valid + "\nassumptions:\n  indices:\n    LIBOR_1MO: [" + string.Join(", ", Enumerable.Repeat("1.1", 10_001)) + "]\n";
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(text, "big.yaml"));
        Assert.Equal("big.yaml:19:16 assumptions.indices.LIBOR_1MO: expected at most 10000 items (no list in a deal file is longer)", e.Message);
    }
}
