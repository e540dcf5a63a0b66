using CsCheck;
using Remic.Core;

namespace Remic.Cli.Tests.Hostile;

/// <summary>
/// The index grammars (issue 18, item 11): `run --index NAME=v[,v...]`, `collateral/cm/price --index` and `trustee close
/// --libor/--index` read any text as finite index levels or refuse it — NaN, ∞ and 1e400 never reach a floater.
/// </summary>
[Trait("Category", "Fuzz")]
public class IndexGrammarFuzzTests
{
    private static Gen<string> Any(params string[] xs) => Gen.Int[0, xs.Length - 1].Select(i => xs[i]);

    private static readonly Gen<string> IndexArg = Gen.Select(
        Any("LIBOR_1MO", "libor_1mo", "", " X ", "A=B"),
        Gen.OneOf(Gen.String[Gen.Char["0123456789.,eE+- %"], 0, 30], Any("NaN", "Infinity", "-Infinity", "1e400", "1.1,NaN", new string('9', 400), "5,", ",5")))
        .Select((name, value) => $"{name}={value}");

    [Fact]
    public void Run_index_levels_are_finite_percents_or_refused() => IndexArg.Sample(arg =>
    {
        try
        {
            foreach (var v in RunCommand.Indices([arg]).Values)
                Assert.All(v.Values, x => Assert.True(double.IsFinite(x) && x >= 0 && x <= 1, $"{arg}: {x}"));
        }
        catch (RemicInputException) { }
    }, iter: 2000);

    [Fact]
    public void Collateral_index_levels_are_finite_or_refused() => IndexArg.Sample(arg =>
    {
        try
        {
            foreach (var v in CollateralCommand.ReadIndices([arg]).Values)
                Assert.All(v.Values, x => Assert.True(double.IsFinite(x), $"{arg}: {x}"));
        }
        catch (RemicInputException) { }
    }, iter: 2000);

    [Fact]
    public void Close_fixings_are_percents_below_100_or_refused() => IndexArg.Sample(arg =>
    {
        try
        {
            foreach (var v in TrusteeCloseCommand.Market(arg.Split('=')[^1], [arg]).Indices.Values) Assert.InRange(v, 0m, 1m);
        }
        catch (RemicInputException) { }
    }, iter: 2000);
}
