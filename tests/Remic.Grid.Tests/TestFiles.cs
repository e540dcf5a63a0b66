namespace Remic.Grid.Tests;

internal static class TestFiles
{
    public static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public static string J4 => Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml");
    public static string Sample => Path.Combine(Repo(), "examples", "sample", "deal.yaml");

    private static readonly Lazy<GridDeal> j4 = new(() => GridDeal.Read(J4));
    public static GridDeal J4Deal => j4.Value;

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-grid-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
