using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>
/// Gives each loan group declared with `tape:` its loans: the rows of that tape (path relative to the deal
/// file) whose `group` column names the group. Tape loans keep their own servicing fee and other fees; the
/// group's trustee and LPMI fees are added on top, as they are for inline rep lines.
/// A deal file may name only a tape inside its own folder (or under <see cref="DataRootVariable"/>), a regular file:
/// a deal file from elsewhere must not make Remic read, or quote, any other file on the machine.
/// </summary>
internal static class TapeGroups
{
    /// <summary>Environment variable naming one more folder tapes may be read from (e.g. a shared data folder).</summary>
    public const string DataRootVariable = "REMIC_DATA_ROOT";

    /// <param name="readFile">Reads a tape by its resolved path instead of the file system (the trustee's stored copy); the
    /// caller answers for where it came from, so the folder and file-kind checks are not made again.</param>
    public static Deal Attach(Deal deal, string dealFile, SourceMap map, Func<string, byte[]>? readFile = null)
    {
        if (deal.Groups.All(g => g.TapePath is null)) return deal;
        var tapes = new Dictionary<string, IReadOnlyList<Loan>>(StringComparer.Ordinal);
        var groups = deal.Groups.Select((g, i) =>
        {
            if (g.TapePath is null) return g;
            if (NotAPath(g.TapePath) is { } bad)
            {
                var (l, c) = map.Of($"groups[{i}].tape");
                throw new RemicInputException(new InputError(map.File, l, $"groups[{i}].tape", g.TapePath, bad, c));
            }
            var path = Resolve(dealFile, g.TapePath);
            if (readFile is null && WhyNotAllowed(dealFile, g.TapePath, path) is { } why)
            {
                var field = $"groups[{i}].tape";
                var (line, col) = map.Of(field);
                throw new RemicInputException(new InputError(map.File, line, field, g.TapePath, why, col));
            }
            if (!tapes.TryGetValue(path, out var loans))
            {
                byte[] bytes;
                if (readFile is null)
                {
                    if (!File.Exists(path)) return g; // reported by semantic validation at the tape line
                    bytes = UserFile.ReadBytes(path, FileLimits.Tape);
                }
                else
                {
                    try { bytes = readFile(path); }
                    catch (FileNotFoundException) { return g; }
                }
                tapes[path] = loans = TapeReader.Read(bytes, path);
            }
            var groupFees = (double)((g.TrusteeFee + g.LpmiFee) / 100);
            return g with
            {
                Loans = loans.Where(l => l.Group == g.Name).Select(l => l with { OtherFees = l.OtherFees + groupFees }).ToList(),
            };
        }).ToList();
        return deal with { Groups = groups };
    }

    /// <summary>Null when <paramref name="written"/> can name a file at all; else what was expected (no file system takes a NUL).</summary>
    internal static string? NotAPath(string written) =>
        written.Contains('\0') ? "a file path without a NUL character" : written.Length == 0 ? "a file path" : null;

    /// <summary>A tape path as written in the deal file, relative to the deal file's folder.</summary>
    public static string Resolve(string dealFile, string tapePath) =>
        Path.GetFullPath(Path.Combine(Folder(dealFile), tapePath));

    private static string Folder(string dealFile) => Path.GetDirectoryName(Path.GetFullPath(dealFile)) ?? ".";

    /// <summary>Null when the tape may be read; else what was expected. Symbolic links are followed to their final target.</summary>
    internal static string? WhyNotAllowed(string dealFile, string written, string full)
    {
        var roots = new List<string> { Folder(dealFile) };
        if (Environment.GetEnvironmentVariable(DataRootVariable) is { Length: > 0 } extra) roots.Add(Path.GetFullPath(extra));
        var where = roots.Count == 1 ? "the deal file's folder" : $"the deal file's folder or {DataRootVariable}";
        if (Path.IsPathRooted(written) && !Inside(full, roots))
            return $"a tape path relative to the deal file, inside {where}; absolute paths elsewhere are not read";
        if (!Inside(full, roots))
            return $"a tape inside {where}; this path leads out of it";
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Missing) return null; // reported by semantic validation at the tape line
        string target;
        if (new FileInfo(full).LinkTarget is null) target = full; // not a link (a missing tape is reported at its line later)
        else
        {
            try { target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full; }
            catch (IOException) { return $"a tape inside {where}; this symbolic link cannot be followed"; }
        }
        if (!Inside(target, roots))
            return $"a tape inside {where}; this is a symbolic link to a file outside it";
        return kind switch
        {
            FileKind.Directory => "a tape file; this path is a directory",
            FileKind.Special => "a regular file as the tape; this path is a device, FIFO or socket, which Remic does not read",
            _ => null,
        };
    }

    private static bool Inside(string path, IEnumerable<string> roots) => roots.Any(root =>
    {
        var r = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return path.StartsWith(r, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    });
}
