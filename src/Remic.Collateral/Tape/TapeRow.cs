using System.Globalization;
using Remic.Core;
using static Remic.Collateral.Tape.TapeColumns;

namespace Remic.Collateral.Tape;

/// <summary>
/// Reads one tape record into a <see cref="Loan"/>, checking every field and then the fields
/// against each other. Every problem goes to the error list; the loan is returned only if there
/// were none. Percent columns become fractions here.
/// </summary>
internal sealed class TapeRow(TapeErrors errors, int line, Func<string, string?> field)
{
    /// <summary>age + remaining_term may fall this many months short of original_term (curtailments
    /// shorten the remaining term) or exceed it by one (tapes that count age from the first payment).</summary>
    public const int TermShortfallAllowed = 12, TermExcessAllowed = 1;

    private bool _ok = true;

    private const string BalanceExpected = "a current balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 250000.00)";
    private const string OriginalBalanceExpected = "an original balance in dollars, greater than 0 and at most 10,000,000,000,000 (e.g. 260000)";
    private const string GrossExpected = "a gross rate in percent from 0 to 25 (e.g. 6.5)";
    private const string ServicingExpected = "a servicing fee in percent from 0 to 5 (e.g. 0.25)";
    private const string OtherFeesExpected = "other fees in percent from 0 to 5 (e.g. 0.01), or blank for none";
    private const string OriginalTermExpected = "an original term in months, a whole number from 1 to 480";
    private const string RemainingTermExpected = "a remaining term in months, a whole number from 1 to 480";
    private const string AgeExpected = "a loan age in months, a whole number from 0 to 480";
    private const string IoExpected = "an interest-only term in months, a whole number from 0 (none) to 480";
    private const string BalloonExpected = "a balloon age in months, a whole number from 0 (none) to 480";
    private const string FicoExpected = "a FICO score, a whole number from 300 to 850";
    private const string LtvExpected = "an original LTV in percent, above 0 and at most 125 (e.g. 80)";

    public Loan? Read()
    {
        var id = Text(LoanId, "a loan id (text, at most 64 characters)", 64);
        var group = Text(Group, "a loan group name (e.g. 1 or 2, at most 32 characters)", 32);
        var balance = Number(Balance, 0, Domains.MaxBalance, BalanceExpected, minExclusive: true);
        var origBalance = Number(OriginalBalance, 0, Domains.MaxBalance, OriginalBalanceExpected, minExclusive: true);
        var gross = Number(GrossRate, 0, 25, GrossExpected);
        var servicing = Number(ServicingFee, 0, 5, ServicingExpected);
        var other = field(OtherFees) is { Length: > 0 } ? Number(OtherFees, 0, 5, OtherFeesExpected) : 0m;
        var origTerm = Whole(OriginalTerm, 1, 480, OriginalTermExpected);
        var remTerm = Whole(RemainingTerm, 1, 480, RemainingTermExpected);
        var age = Whole(Age, 0, 480, AgeExpected);
        var io = Whole(IoTerm, 0, 480, IoExpected);
        var balloon = Whole(BalloonTerm, 0, 480, BalloonExpected);
        var fico = Whole(Fico, 300, 850, FicoExpected);
        var ltv = Number(OriginalLtv, 0, 125, LtvExpected, minExclusive: true);
        var state = Code(State, TapeVocabulary.States, "a US state or territory code, two letters (e.g. CA)");
        var property = Code(PropertyType, TapeVocabulary.PropertyTypes, $"one of {string.Join(", ", TapeVocabulary.PropertyTypes)}");
        var occupancy = Code(Occupancy, TapeVocabulary.Occupancies, $"one of {string.Join(", ", TapeVocabulary.Occupancies)}");
        var purpose = Code(Purpose, TapeVocabulary.Purposes, $"one of {string.Join(", ", TapeVocabulary.Purposes)}");
        var doc = Code(Documentation, TapeVocabulary.Documentation, $"one of {string.Join(", ", TapeVocabulary.Documentation)}");

        // Fields against each other, only where both sides read cleanly.
        if (balance is { } b && origBalance is { } ob && b > ob)
            Fail(Balance, field(Balance), $"a current balance no larger than original_balance ({Fmt(ob)}); negative amortisation is not modelled");
        if (gross is { } g && servicing is { } s && other is { } o && s + o > g)
            Fail(ServicingFee, field(ServicingFee), $"servicing_fee + other_fees no larger than gross_rate ({Fmt(g)}); the net rate would be negative");
        if (origTerm is { } ot)
        {
            if (remTerm is { } rt && rt > ot)
                Fail(RemainingTerm, field(RemainingTerm), $"a remaining term no longer than original_term ({ot})");
            else if (remTerm is { } rt2 && age is { } a && (a + rt2 < ot - TermShortfallAllowed || a + rt2 > ot + TermExcessAllowed))
                Fail(Age, field(Age), $"age + remaining_term ({a + rt2}) between original_term − {TermShortfallAllowed} ({ot - TermShortfallAllowed}) and original_term + {TermExcessAllowed} ({ot + TermExcessAllowed})");
            if (age is { } a2 && a2 > ot)
                Fail(Age, field(Age), $"a loan age no greater than original_term ({ot})");
            if (io is { } i && i > ot)
                Fail(IoTerm, field(IoTerm), $"an interest-only term no longer than original_term ({ot})");
            if (balloon is { } bt && bt > ot)
                Fail(BalloonTerm, field(BalloonTerm), $"a balloon age no later than original_term ({ot}), or 0 for no balloon");
        }
        if (balloon is { } bl && bl > 0 && age is { } a3 && bl <= a3)
            Fail(BalloonTerm, field(BalloonTerm), $"a balloon age after the loan's current age ({a3}), or 0 for no balloon");

        var arm = ReadArm(gross);
        if (!_ok) return null;
        return new Loan
        {
            Id = id!, Group = group!, Balance = (double)balance!.Value, OriginalBalance = (double)origBalance!.Value,
            GrossRate = Pct(gross), ServicingFee = Pct(servicing), OtherFees = Pct(other),
            OriginalTerm = origTerm!.Value, RemainingTerm = remTerm!.Value, Age = age!.Value,
            IoTerm = io!.Value, BalloonTerm = balloon!.Value, Fico = fico, OriginalLtv = Pct(ltv),
            State = state, PropertyType = property, Occupancy = occupancy, Purpose = purpose, Documentation = doc,
            Arm = arm,
        };
    }

    /// <summary>ARM columns: all blank for a fixed-rate loan; with an index, every term is required.</summary>
    private ArmTerms? ReadArm(decimal? gross)
    {
        var index = field(TapeColumns.Index);
        var filled = TapeColumns.Arm.Skip(1).Where(c => field(c) is { Length: > 0 }).ToList();
        if (index is not { Length: > 0 })
        {
            if (filled.Count > 0)
                Fail(TapeColumns.Index, index ?? "", $"an ARM index, because {string.Join(", ", filled)} {(filled.Count == 1 ? "is" : "are")} given; leave every ARM column blank for a fixed-rate loan");
            return null;
        }
        var name = TapeVocabulary.ArmIndices.FirstOrDefault(x => x.Equals(index, StringComparison.OrdinalIgnoreCase));
        if (name is null)
            Fail(TapeColumns.Index, index, $"a known ARM index ({string.Join(", ", TapeVocabulary.ArmIndices)}), or blank for a fixed-rate loan");
        const string arm = " (required because index is set)";
        var margin = Number(Margin, 0, 10, "a margin in percent from 0 to 10 (e.g. 2.75)" + arm);
        var firstReset = Whole(FirstResetAge, 1, 480, "the loan age of the first reset in months, a whole number from 1 to 480" + arm);
        var frequency = Whole(ResetFrequency, 1, 120, "months between resets, a whole number from 1 to 120" + arm);
        var initialCap = Number(InitialCap, 0, 25, "an initial cap in percent from 0 (no cap) to 25" + arm);
        var periodicCap = Number(PeriodicCap, 0, 25, "a periodic cap in percent from 0 (no cap) to 25" + arm);
        var lifeCap = Number(LifetimeCap, 0, 25, "a lifetime cap (maximum rate) in percent from 0 to 25" + arm, minExclusive: true);
        var lifeFloor = Number(LifetimeFloor, 0, 25, "a lifetime floor (minimum rate) in percent from 0 to 25" + arm);
        if (lifeCap is { } lc && gross is { } g && lc < g)
            Fail(LifetimeCap, field(LifetimeCap), $"a lifetime cap at or above the current gross_rate ({Fmt(g)})");
        if (lifeFloor is { } lf && gross is { } g2 && lf > g2)
            Fail(LifetimeFloor, field(LifetimeFloor), $"a lifetime floor at or below the current gross_rate ({Fmt(g2)})");
        if (!_ok || name is null) return null;
        return new ArmTerms(name, Pct(margin), firstReset!.Value, frequency!.Value, Pct(initialCap), Pct(periodicCap), Pct(lifeCap), Pct(lifeFloor));
    }

    private static double Pct(decimal? percent) => (double)(percent!.Value / 100m);
    private static string Fmt(decimal d) => d.ToString("0.########", CultureInfo.InvariantCulture);

    private void Fail(string column, string? value, string expected)
    {
        _ok = false;
        errors.Add(line, column, value, expected);
    }

    /// <summary>The field's text, or null (after reporting) when it is blank.</summary>
    private string? Required(string column, string expected)
    {
        var v = field(column);
        if (v is { Length: > 0 }) return v;
        Fail(column, v ?? "", $"the field is required: {expected}");
        return null;
    }

    private string? Text(string column, string expected, int maxLength)
    {
        var v = Required(column, expected);
        if (v is not null && v.Length > maxLength) { Fail(column, v, expected); return null; }
        if (v is not null && InputText.FirstHidden(v) >= 0) { Fail(column, v, InputText.HiddenExpected(v)); return null; }
        return v;
    }

    private decimal? Number(string column, decimal min, decimal max, string expected, bool minExclusive = false)
    {
        var v = Required(column, expected);
        if (v is null) return null;
        if (!decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            || (minExclusive ? d <= min : d < min) || d > max)
        {
            Fail(column, v, expected);
            return null;
        }
        return d;
    }

    private int? Whole(string column, int min, int max, string expected)
    {
        var v = Required(column, expected);
        if (v is null) return null;
        if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            Fail(column, v, expected);
            return null;
        }
        return n;
    }

    private string? Code(string column, IEnumerable<string> allowed, string expected)
    {
        var v = Required(column, expected);
        if (v is null) return null;
        var match = allowed.FirstOrDefault(a => a.Equals(v, StringComparison.OrdinalIgnoreCase));
        if (match is null) { Fail(column, v, expected); return null; }
        return match.ToUpperInvariant();
    }
}
