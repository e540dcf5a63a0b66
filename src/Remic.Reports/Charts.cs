namespace Remic.Reports;

/// <summary>One line of a chart: a name for the legend and its points.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Charts rendered to PNG by ScottPlot (headless, no display needed).</summary>
public static class Charts
{
    public static void Line(string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> series,
        int width = 800, int height = 480)
    {
        var plot = new ScottPlot.Plot();
        foreach (var s in series)
        {
            var line = plot.Add.Scatter(s.X.ToArray(), s.Y.ToArray());
            line.LegendText = s.Name;
            line.MarkerSize = s.X.Count > 40 ? 0 : 5;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Count > 1) plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
