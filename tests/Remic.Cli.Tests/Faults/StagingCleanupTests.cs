using System.Diagnostics;

namespace Remic.Cli.Tests.Faults;

/// <summary>
/// What a killed writer leaves is dealt with by the next write to the same target: a single file's
/// <c>.NAME.partial-PID</c> is removed, a folder's begun move (<c>.NAME.commit-PID</c>) is finished, and a folder of the
/// user's that holds a sub-folder (no one-step swap) still gets the whole set, its own things untouched.
/// </summary>
[Trait("Category", "Fault")]
public sealed class StagingCleanupTests
{
    /// <summary>The id of a process that has ended.</summary>
    private static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void A_killed_single_file_write_is_removed_by_the_next_write()
    {
        using var dir = new Cli.TempDir();
        var stale = dir.File($".c.csv.partial-{DeadPid()}", "half a file");
        var (code, _, err) = Cli.Run("collateral", "--balance", "1000000", "--gross", "6", "--net", "5.5", "--wam", "360",
            "--prepay", "100 PSA", "--format", "csv", "--out", dir.File("c.csv"));
        Assert.True(code == 0, err);
        Assert.False(File.Exists(stale));
        Assert.Equal(["c.csv"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.StartsWith("group,month,", File.ReadAllText(dir.File("c.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_begun_move_into_a_folder_is_finished_by_the_next_write_to_it()
    {
        using var dir = new Cli.TempDir();
        var deal = dir.File("deal.yaml", Hostile.HostileScene.SampleText);
        Directory.CreateDirectory(dir.File("sim"));
        var commit = Directory.CreateDirectory(dir.File($".sim.commit-{DeadPid()}")).FullName;
        File.WriteAllText(Path.Combine(commit, "remittance-2099-01.csv"), "staged in full before the kill\n");
        var (code, _, err) = Cli.Run("trustee", "simulate", deal, "--months", "2", "--out", dir.File("sim"));
        Assert.True(code == 0, err);
        Assert.False(Directory.Exists(commit));
        Assert.Equal("staged in full before the kill\n", File.ReadAllText(dir.File("sim/remittance-2099-01.csv")));
        Assert.Equal(["remittance-2004-04.csv", "remittance-2004-05.csv", "remittance-2099-01.csv"],
            Directory.GetFiles(dir.File("sim")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["deal.yaml", "sim"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_folder_of_the_users_keeps_its_own_files_and_folders()
    {
        using var dir = new Cli.TempDir();
        var deal = dir.File("deal.yaml", Hostile.HostileScene.SampleText);
        Directory.CreateDirectory(dir.File("out/sub"));
        File.WriteAllText(dir.File("out/sub/kept.txt"), "mine\n");
        File.WriteAllText(dir.File("out/notes.txt"), "also mine\n");
        var (code, _, err) = Cli.Run("run", deal, "--out", dir.File("out"));
        Assert.True(code == 0, err);
        Assert.Equal("mine\n", File.ReadAllText(dir.File("out/sub/kept.txt")));
        Assert.Equal("also mine\n", File.ReadAllText(dir.File("out/notes.txt")));
        Assert.Equal(["checks.txt", "classes.csv", "classes.parquet", "collateral.csv", "collateral.parquet", "notes.txt", "sub"],
            Directory.GetFileSystemEntries(dir.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["deal.yaml", "out"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_folder_of_plain_files_is_swapped_whole_and_the_users_file_is_the_same_file()
    {
        using var dir = new Cli.TempDir();
        var deal = dir.File("deal.yaml", Hostile.HostileScene.SampleText);
        Directory.CreateDirectory(dir.File("sim"));
        File.WriteAllText(dir.File("sim/notes.txt"), "mine\n");
        File.WriteAllText(dir.File("sim/remittance-2004-04.csv"), "an earlier file\n");
        using (var held = new FileStream(dir.File("sim/notes.txt"), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            var (code, _, err) = Cli.Run("trustee", "simulate", deal, "--months", "1", "--out", dir.File("sim"));
            Assert.True(code == 0, err);
            // A write through a handle opened before the swap lands in the user's file as it now stands in the folder.
            held.Seek(0, SeekOrigin.End);
            held.Write("more\n"u8);
        }
        Assert.Equal("mine\nmore\n", File.ReadAllText(dir.File("sim/notes.txt")));
        Assert.StartsWith("loan_id,", File.ReadAllText(dir.File("sim/remittance-2004-04.csv")), StringComparison.Ordinal);
        Assert.Equal(["deal.yaml", "sim"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
