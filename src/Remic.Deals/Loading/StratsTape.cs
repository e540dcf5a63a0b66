using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>
/// Reads the deal file's <c>strats_tape</c> (a loan-level tape, path relative to the deal file) into
/// <see cref="Deal.StratsLoans"/>. It is for the collateral strats only: the projection keeps the groups' rep lines
/// or tapes. So that the strats describe the pool that is projected, every tape loan must belong to a group of the
/// deal and each group's tape balance must equal its cut-off balance to the dollar. A strats tape that is not there
/// leaves <see cref="Deal.StratsLoans"/> empty (the book says so); one that is there and wrong is bad input.
/// </summary>
internal static class StratsTape
{
    public static Deal Attach(Deal deal, string dealFile, (int Line, int Column) at, Func<string, byte[]>? readFile)
    {
        if (deal.StratsTapePath is not { } rel) return deal;
        InputError Err(string? got, string expected) => new(dealFile, at.Line, "strats_tape", got, expected, at.Column);
        if (TapeGroups.NotAPath(rel) is { } bad) throw new RemicInputException(Err(rel, bad));
        var path = TapeGroups.Resolve(dealFile, rel);
        byte[] bytes;
        // Strats only: a deal file copied without its strats tape still runs, prices and books (the book says the tape
        // was not found and shows the rep lines); a tape that is there must be right.
        if (readFile is null)
        {
            // The same confinement as a group's tape: inside the deal file's folder, a regular file, never quoted.
            if (!File.Exists(path) && !Directory.Exists(path)) return deal;
            if (TapeGroups.WhyNotAllowed(dealFile, rel, path) is { } why) throw new RemicInputException(Err(rel, why));
        }
        try { bytes = readFile is not null ? readFile(path) : UserFile.ReadBytes(path, FileLimits.Tape); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return deal; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RemicInputException(Err(rel, $"a readable loan tape at {path} ({e.Message})"));
        }
        var loans = TapeReader.Read(bytes, path);
        var errors = new List<InputError>();
        foreach (var g in loans.Select(l => l.Group).Distinct().Where(g => deal.GroupIndex(g) < 0))
            errors.Add(Err(rel, $"tape loans of the deal's groups only; group '{g}' is not one ({string.Join(", ", deal.Groups.Select(x => x.Name))})"));
        foreach (var g in deal.Groups)
        {
            var tape = loans.Where(l => l.Group == g.Name).Sum(l => (decimal)l.Balance);
            var cutoff = g.Loans.Sum(l => (decimal)l.Balance);
            if (Math.Abs(tape - cutoff) > 1m)
                errors.Add(Err(rel, $"the tape's group '{g.Name}' balance {tape:N2} to equal the group's cut-off balance {cutoff:N2} (within $1), so the strats describe the projected pool"));
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        return deal with { StratsLoans = loans };
    }
}
