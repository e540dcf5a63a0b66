using System.Text;
using CsCheck;
using Remic.Collateral.Tape;
using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>Whatever the bytes, the tape reader either returns loans or throws RemicInputException with located errors; never anything else.</summary>
public class TapeFuzzTests
{
    private static void ReadsOrRejectsCleanly(byte[] content)
    {
        try
        {
            var loans = TapeReader.Read(content, "fuzz.csv");
            Assert.All(loans, l => Assert.True(l.Balance > 0 && l.RemainingTerm <= l.OriginalTerm));
        }
        catch (RemicInputException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Errors, x => Assert.Equal("fuzz.csv", x.Source));
            Assert.True(e.Errors.Count <= TapeReader.MaxErrors + 1);
        }
    }

    [Fact]
    public void Random_bytes_are_rejected_cleanly() =>
        Gen.Byte.Array[0, 400].Sample(ReadsOrRejectsCleanly, iter: 500);

    [Fact]
    public void Single_character_edits_of_a_good_tape_are_read_or_rejected_cleanly()
    {
        var good = SyntheticTape.Csv(5);
        Gen.Select(Gen.Int[0, good.Length - 1], Gen.Char["0123456789,;.-\"# \nxA\t"], Gen.Int[0, 2]).Sample((pos, c, op) =>
        {
            var edited = op switch
            {
                0 => good.Remove(pos, 1).Insert(pos, c.ToString()),
                1 => good.Insert(pos, c.ToString()),
                _ => good.Remove(pos, 1),
            };
            ReadsOrRejectsCleanly(Encoding.UTF8.GetBytes(edited));
        }, iter: 1000);
    }
}
