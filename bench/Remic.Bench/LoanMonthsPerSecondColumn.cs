using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Remic.Bench;

/// <summary>
/// Throughput in the peer's unit: loans × months per second of median time per operation (the median,
/// because the machines here are shared and a neighbour's build lands in some iterations).
/// BenchmarkDotNet itself reports only time per operation.
/// </summary>
public sealed class LoanMonthsPerSecondColumn(double loanMonthsPerOperation) : IColumn
{
    public string Id => nameof(LoanMonthsPerSecondColumn);
    public string ColumnName => "Loan-months/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{loanMonthsPerOperation:N0} loan-months per operation ÷ median seconds per operation";
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { Median: > 0 } s
            ? (loanMonthsPerOperation / (s.Median * 1e-9)).ToString("0.000e+00", CultureInfo.InvariantCulture)
            : "NA";
}
