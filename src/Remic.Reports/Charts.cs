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

    /// <summary>
    /// Grouped bars: one group per category along the x axis, one bar per series in each group (series[s].Y[c] is
    /// the value of series s in category c; X is ignored).
    /// </summary>
    public static void Bars(string path, string title, string xLabel, string yLabel, IReadOnlyList<string> categories,
        IReadOnlyList<Series> series, int width = 800, int height = 480)
    {
        var plot = new ScottPlot.Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var groupWidth = series.Count + 1;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = categories.Select((_, c) => new ScottPlot.Bar
            {
                Position = c * groupWidth + s, Value = series[s].Y[c], FillColor = palette.GetColor(s),
            }).ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
        }
        var centre = (series.Count - 1) / 2.0;
        plot.Axes.Bottom.SetTicks(categories.Select((_, c) => c * groupWidth + centre).ToArray(), categories.ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Count > 1) plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
