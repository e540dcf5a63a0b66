using System.Globalization;
using System.Text;
using Remic.Deals.Model;
using Remic.Trustee.Statements;
using Remic.Trustee.Statements.Bny;

namespace Remic.Reports.Statements;

/// <summary>
/// Form 10-D (17 CFR 249.312, the asset-backed issuer's distribution report) for one closed period: the cover and Parts I
/// and II as the form lays them out, and the period's statement to certificateholders as Exhibit 99.1 in the Bank of New
/// York's layout. The text version is what EDGAR takes: plain ASCII, at most <see cref="Width"/> columns, a <c>&lt;PAGE&gt;</c>
/// line between the cover and the exhibit and between the exhibit's pages. What the ledger and the deal file do not know
/// (Commission file numbers, CIKs, addresses, Part II's items, the signature) is printed as
/// <see cref="ToBeCompleted"/>; nothing is invented.
/// </summary>
public static class Form10D
{
    public const int Width = 80;
    public const string PageBreak = "<PAGE>";
    public const string ToBeCompleted = "[to be completed by the filer]";
    public const string NotGiven = "not given in the deal file";
    private static readonly CultureInfo F = CultureInfo.InvariantCulture;

    /// <summary>The reporting period the cover states: the day after the prior distribution date (the closing date for the first distribution) to this distribution date.</summary>
    public static (DateOnly From, DateOnly To) DistributionPeriod(Statement s, Deal deal)
    {
        var first = deal.Metadata.FirstDistributionDate;
        var isFirst = s.DistributionDate.Year == first.Year && s.DistributionDate.Month == first.Month;
        var prior = StatementCalendar.Of(deal, s.DistributionDate).FloaterAccrualStart; // the prior distribution date (the closing date for the first)
        return (isFirst ? prior : prior.AddDays(1), s.DistributionDate);
    }

    /// <summary>The EDGAR text: cover and Parts I–II, then Exhibit 99.1, pages separated by <c>&lt;PAGE&gt;</c>.</summary>
    public static string Text(Statement s, Deal deal)
    {
        var pages = new List<string> { Cover(s, deal) };
        var exhibit = BnyLayout.Pages(s, deal, Width);
        for (var i = 0; i < exhibit.Count; i++)
            pages.Add((i == 0 ? "EXHIBIT 99.1\n\nMonthly Statement to Certificateholders\n\n" : "Exhibit 99.1 (continued)\n") + exhibit[i]);
        var sb = new StringBuilder();
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0) sb.Append('\n').Append(PageBreak).Append("\n\n");
            sb.Append(pages[i].TrimEnd('\n')).Append('\n');
        }
        return Fit(sb.ToString());
    }

    /// <summary>The same filing as one HTML page: the cover text, then Exhibit 99.1 as the statement's tables.</summary>
    public static string Html(Statement s, Deal deal, Remic.Deals.Explain.PeriodTrace? trace = null)
    {
        var page = new HtmlPage($"Form 10-D: {s.TrustName}, distribution of {Long(s.DistributionDate)}");
        page.Section("Form 10-D");
        page.Pre("cover", "Cover, Part I and Part II", Fit(Cover(s, deal)));
        page.Section("Exhibit 99.1: Monthly Statement to Certificateholders");
        page.Paragraph(StatementTables.Heading(s));
        foreach (var t in StatementTables.All(s)) page.Add(ExplanationLinks.Link(t, trace));
        ExplanationLinks.Write(page, trace);
        return page.Render();
    }

    private static string Cover(Statement s, Deal deal)
    {
        var md = deal.Metadata;
        var (from, to) = DistributionPeriod(s, deal);
        var sb = new StringBuilder();
        void Center(string line) => sb.Append(line.Length >= Width ? line : new string(' ', (Width - line.Length) / 2) + line).Append('\n');
        void Line(string line = "") => sb.Append(line).Append('\n');
        void Field(string value, string caption) { Center(value); Center("(" + caption + ")"); Line(); }

        Center("UNITED STATES");
        Center("SECURITIES AND EXCHANGE COMMISSION");
        Center("Washington, D.C. 20549");
        Line();
        Center("FORM 10-D");
        Line();
        Center("ASSET-BACKED ISSUER DISTRIBUTION REPORT");
        Center("PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934");
        Line();
        Center($"For the monthly distribution period from: {Long(from)} to {Long(to)}");
        Center($"Distribution date: {Long(s.DistributionDate)}");
        Line();
        Line($"Commission File Number of issuing entity: {ToBeCompleted}");
        Line($"Central Index Key Number of issuing entity: {ToBeCompleted}");
        Line();
        Field(s.TrustName, "Exact name of issuing entity as specified in its charter");
        Line($"Commission File Number of depositor: {ToBeCompleted}");
        Line($"Central Index Key Number of depositor: {ToBeCompleted}");
        Line();
        Field(md.Depositor is { Length: > 0 } d ? d : NotGiven, "Exact name of depositor as specified in its charter");
        Line($"Central Index Key Number of sponsor: {ToBeCompleted}");
        Line();
        Field(NotGiven, "Exact name of sponsor as specified in its charter");
        if (md.Sellers.Count > 0) Line($"The deal file names the seller(s): {string.Join("; ", md.Sellers)}.");
        if (md.Sellers.Count > 0) Line();
        Line($"State or other jurisdiction of incorporation or organization of the issuing entity: {ToBeCompleted}");
        Line($"I.R.S. Employer Identification No.: {ToBeCompleted}");
        Line($"Address of principal executive offices of the issuing entity: {ToBeCompleted}");
        Line($"Telephone number, including area code: {ToBeCompleted}");
        Line($"Former name, former address, if changed since last report: {ToBeCompleted}");
        Line();
        Line("Registered/reporting pursuant to (check one): title of each class, Section 12(b), "
             + $"Section 12(g), Section 15(d), name of exchange: {ToBeCompleted}");
        Line();
        Line("Indicate by check mark whether the registrant (1) has filed all reports required to be filed by "
             + "Section 13 or 15(d) of the Securities Exchange Act of 1934 during the preceding 12 months (or for such "
             + "shorter period that the registrant was required to file such reports), and (2) has been subject to such "
             + $"filing requirements for the past 90 days. Yes [ ] No [ ] {ToBeCompleted}");
        Line();
        Line(PageBreak);
        Line();
        Center("PART I - DISTRIBUTION INFORMATION");
        Line();
        Line("Item 1. Distribution and Pool Performance Information.");
        Line();
        Line($"The distribution and pool performance information for the distribution made on {Long(s.DistributionDate)} "
             + $"(period {s.Period}) is set forth in the Monthly Statement to Certificateholders filed as Exhibit 99.1 to "
             + $"this report: the figures the trustee's ledger recorded when it closed the period (close {s.CloseId}).");
        Line();
        Center("PART II - OTHER INFORMATION");
        Line();
        foreach (var item in new[]
                 {
                     "Item 2. Legal Proceedings.", "Item 3. Sales of Securities and Use of Proceeds.", "Item 4. Defaults Upon Senior Securities.",
                     "Item 5. Submission of Matters to a Vote of Security Holders.", "Item 6. Significant Obligors of Pool Assets.",
                     "Item 7. Significant Enhancement Provider Information.", "Item 8. Other Information.",
                 })
        {
            Line(item);
            Line(ToBeCompleted);
            Line();
        }
        Line("Item 9. Exhibits.");
        Line();
        Line($"Exhibit 99.1  Monthly Statement to Certificateholders for the distribution made on {Long(s.DistributionDate)}.");
        Line();
        Line(PageBreak);
        Line();
        Center("SIGNATURES");
        Line();
        Line("Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this "
             + "report to be signed on its behalf by the undersigned hereunto duly authorized.");
        Line();
        Line(s.TrustName);
        Line("(Issuing entity)");
        Line();
        Line($"By: {ToBeCompleted}");
        Line($"Name and title: {ToBeCompleted}");
        Line($"Date: {ToBeCompleted}");
        Line();
        Center("EXHIBIT INDEX");
        Line();
        Line("Exhibit Number  Description");
        Line("--------------  -----------");
        Line($"99.1            Monthly Statement to Certificateholders, {Long(s.DistributionDate)}");
        return sb.ToString();
    }

    private static string Long(DateOnly d) => d.ToString("MMMM d, yyyy", F);

    /// <summary>
    /// Makes text EDGAR-ready: letters with accents lose them, typographic punctuation becomes its ASCII form (anything else
    /// not ASCII becomes '?'), and a line longer than <see cref="Width"/> is wrapped at spaces (cut where it has none),
    /// continuation lines keeping its indentation.
    /// </summary>
    public static string Fit(string text)
    {
        var sb = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = Ascii(raw).TrimEnd();
            var indent = line.Length - line.TrimStart().Length;
            var prefix = new string(' ', Math.Min(indent, Width / 2));
            while (line.Length > Width)
            {
                var cut = line.LastIndexOf(' ', Width);
                if (cut <= prefix.Length) cut = Width;
                sb.Append(line[..cut].TrimEnd()).Append('\n');
                line = prefix + line[cut..].TrimStart();
            }
            sb.Append(line).Append('\n');
        }
        sb.Length--; // the split's last (empty or final) piece added one newline too many
        return sb.ToString();
    }

    // Latin-1's accented letters and their plain forms (table-driven: the runtime may have no Unicode normalization data).
    private const string AccentedLetters = "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00C7\u00E7\u00C8\u00C9\u00CA\u00CB\u00E8\u00E9\u00EA\u00EB"
        + "\u00CC\u00CD\u00CE\u00CF\u00EC\u00ED\u00EE\u00EF\u00D1\u00F1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D8\u00F2\u00F3\u00F4\u00F5\u00F6\u00F8"
        + "\u00D9\u00DA\u00DB\u00DC\u00F9\u00FA\u00FB\u00FC\u00DD\u00FD\u00FF";
    private const string PlainLetters = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy";

    private static string Ascii(string line)
    {
        if (line.All(c => c < 128)) return line;
        var sb = new StringBuilder();
        foreach (var c in line)
        {
            if (c < 128) { sb.Append(c); continue; }
            if (AccentedLetters.IndexOf(c) is var k and >= 0) { sb.Append(PlainLetters[k]); continue; }
            sb.Append(c switch
            {
                '\u00DF' => "ss",
                '\u00C6' => "AE",
                '\u00E6' => "ae",
                '\u2013' or '\u2012' or '\u2212' => "-",
                '\u2014' => "--",
                '\u2018' or '\u2019' => "'",
                '\u201C' or '\u201D' => "\"",
                '\u2026' => "...",
                '\u00A0' => " ",
                '\u00A7' => "Sec.",
                _ => "?",
            });
        }
        return sb.ToString();
    }
}
