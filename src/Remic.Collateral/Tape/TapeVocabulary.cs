namespace Remic.Collateral.Tape;

/// <summary>The codes a tape's categorical columns may hold (matched ignoring case, stored upper case).</summary>
public static class TapeVocabulary
{
    /// <summary>USPS codes of the states, DC and the territories where US mortgages are originated.</summary>
    public static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AL","AK","AZ","AR","CA","CO","CT","DE","DC","FL","GA","HI","ID","IL","IN","IA","KS","KY","LA","ME",
        "MD","MA","MI","MN","MS","MO","MT","NE","NV","NH","NJ","NM","NY","NC","ND","OH","OK","OR","PA","RI",
        "SC","SD","TN","TX","UT","VT","VA","WA","WV","WI","WY","PR","VI","GU",
    };

    public static readonly IReadOnlyList<string> PropertyTypes = ["SFR", "PUD", "CONDO", "2-4UNIT", "TOWNHOUSE", "COOP", "MANUFACTURED"];
    public static readonly IReadOnlyList<string> Occupancies = ["PRIMARY", "SECOND_HOME", "INVESTOR"];
    public static readonly IReadOnlyList<string> Purposes = ["PURCHASE", "RATE_TERM_REFI", "CASHOUT_REFI"];
    /// <summary>Alt-A documentation programs, fullest first.</summary>
    public static readonly IReadOnlyList<string> Documentation = ["FULL", "ALT", "REDUCED", "STATED", "NO_RATIO", "NINA", "NO_DOC"];
    /// <summary>ARM indices a scenario can give a path for (<c>--index NAME=rate</c>).</summary>
    public static readonly IReadOnlyList<string> ArmIndices = ["LIBOR_1MO", "LIBOR_6MO", "LIBOR_1YR", "CMT_1YR", "MTA", "COFI"];
}
