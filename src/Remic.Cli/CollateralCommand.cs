using System.CommandLine;
using System.Globalization;
using Remic.Collateral;
using Remic.Collateral.Tape;
using Remic.Core;

namespace Remic.Cli;

/// <summary>
/// <c>remic collateral</c>: projects a rep line given by options, or a loan-level tape, under one
/// prepayment/default scenario, and prints monthly cash flows and a summary per loan group.
/// Rates on the command line are in percent, as on a tape.
/// </summary>
internal sealed class CollateralCommand
{
    private readonly Option<string?> Balance = new("--balance") { Description = "Rep line: current balance in dollars" };
    private readonly Option<string?> Gross = new("--gross") { Description = "Rep line: gross coupon, percent (e.g. 6.5)" };
    private readonly Option<string?> Net = new("--net") { Description = "Rep line: net (pass-through) rate, percent; or give --servicing" };
    private readonly Option<string?> Servicing = new("--servicing") { Description = "Rep line: servicing fee, percent (net = gross − servicing)" };
    private readonly Option<string?> Wam = new("--wam") { Description = "Rep line: remaining term, months" };
    private readonly Option<string?> Wala = new("--wala") { Description = "Rep line: loan age, months (default 0)" };
    private readonly Option<string?> OrigTerm = new("--orig-term") { Description = "Rep line: original term, months (default wam + wala)" };
    private readonly Option<string?> Io = new("--io") { Description = "Rep line: interest-only term, months of loan age (default 0)" };
    private readonly Option<string?> Balloon = new("--balloon") { Description = "Rep line: balloon at this loan age, months (default 0 = none)" };
    private readonly Option<string?> Loans = new("--loans") { Description = "Rep line: number of loans it stands for (default 1)" };
    private readonly Option<string?> TapeFile = new("--tape") { Description = "Loan-level tape (CSV) instead of a rep line" };
    private readonly Option<string?> Group = new("--group") { Description = "Project only this loan group of the tape" };
    private readonly Option<string> Prepay = new("--prepay") { Description = "Prepayment speed, e.g. '100 PSA', '25 CPR', '150 PPC', '5 CPR for 12, then 20 CPR'", DefaultValueFactory = _ => "0 CPR" };
    private readonly Option<string> Ramp = new("--ppc-ramp") { Description = "100% PPC ramp: start CPR, plateau CPR, months to plateau", DefaultValueFactory = _ => "8,20,12" };
    private readonly Option<string> Default = new("--default") { Description = "Default speed, e.g. '100 SDA', '2 CDR'", DefaultValueFactory = _ => "0 CDR" };
    private readonly Option<string?> Severity = new("--severity") { Description = "Loss severity, percent of the defaulted balance (default 0)" };
    private readonly Option<string?> Lag = new("--lag") { Description = "Months from default to liquidation (default 0)" };
    private readonly Option<string?> Advance = new("--advance")
    {
        Description = "What the servicer advances on defaulted loans until liquidation: pi (scheduled principal and interest, CWALT PSAs), interest (the default; loans stop amortising at default) or none",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private readonly Option<bool> NoAdvance = new("--no-advance") { Description = "No advancing on defaulted loans (= --advance none)" };
    private readonly Option<string[]> Index = new("--index") { Description = "ARM index path NAME=rate (percent), or NAME=r1,r2,... by month; repeatable", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> Months = new("--months") { Description = "Months to project (default: until every loan has paid off)" };
    private readonly Option<string> Format = new("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
    private readonly Option<string?> Out = new("--out") { Description = "Write to this file instead of stdout (only when the run succeeds)" };

    private Option[] RepLineOptions => [Balance, Gross, Net, Servicing, Wam, Wala, OrigTerm, Io, Balloon, Loans];

    /// <summary>A fresh command with its own options (an option belongs to one command tree).</summary>
    public static Command Build() => new CollateralCommand().Create();

    private Command Create()
    {
        var cmd = new Command("collateral", "Project collateral cash flows for a rep line or a loan-level tape");
        foreach (var o in RepLineOptions) cmd.Options.Add(o);
        foreach (Option o in new Option[] { TapeFile, Group, Prepay, Ramp, Default, Severity, Lag, Advance, NoAdvance, Index, Months, Format, Out })
            cmd.Options.Add(o);
        cmd.SetAction(parse => CliRun.Guard(parse, stdout =>
        {
            // Report problems with the format, the loans and the scenario together, not one run at a time.
            var errors = new List<InputError>();
            void Try(Action read)
            {
                try { read(); }
                catch (RemicInputException e) { errors.AddRange(e.Errors); }
            }
            var format = ReportFormat.Table;
            IReadOnlyList<Loan> loans = [];
            Scenario? scenario = null;
            Try(() => format = CollateralReport.ParseFormat(parse.GetValue(Format)!));
            Try(() => loans = ReadLoans(parse));
            Try(() => scenario = ReadScenario(parse));
            // Every index an ARM uses needs a path, even if it would not reset within --months.
            foreach (var name in loans.Where(l => l.Arm is not null).Select(l => l.Arm!.Index).Distinct(StringComparer.OrdinalIgnoreCase))
                if (scenario is not null && !scenario.Indices.ContainsKey(name))
                    errors.Add(new InputError("--index", 0, name, null, $"an ARM resets off index '{name}' but no value was given for it (e.g. --index \"{name}=5.32\")"));
            if (errors.Count > 0) throw new RemicInputException(errors);
            var projection = Projector.Project(new LoanPool(loans), scenario!);
            CliRun.Emit(stdout, parse.GetValue(Out), CollateralReport.Render(format, projection, loans));
            return 0;
        }));
        return cmd;
    }

    private IReadOnlyList<Loan> ReadLoans(ParseResult parse)
    {
        var tape = parse.GetValue(TapeFile);
        var given = RepLineOptions.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (tape is null)
        {
            if (parse.GetValue(Group) is not null)
                throw new RemicInputException("--group", 0, "", parse.GetValue(Group), "--group only with --tape (a rep line is one group)");
            return [RepLine(parse)];
        }
        if (given.Count > 0)
            throw new RemicInputException(given[0], 0, "", null, $"either --tape or rep-line options ({string.Join(", ", given)}), not both");
        var loans = TapeReader.ReadFile(tape);
        if (parse.GetValue(Group) is not { } group) return loans;
        var picked = loans.Where(l => l.Group == group).ToList();
        if (picked.Count == 0)
            throw new RemicInputException("--group", 0, "", group,
                $"a loan group on the tape ({string.Join(", ", loans.Select(l => l.Group).Distinct())})");
        return picked;
    }

    private Loan RepLine(ParseResult parse)
    {
        var balance = CliValues.Number(parse.GetValue(Balance), "--balance", 0.01, 1e13, "a balance in dollars greater than 0, e.g. 100000000");
        var gross = CliValues.Number(parse.GetValue(Gross), "--gross", 0, 25, "a gross rate in percent from 0 to 25, e.g. 6.5");
        var (net, svc) = (parse.GetValue(Net), parse.GetValue(Servicing));
        if (net is not null && svc is not null)
            throw new RemicInputException("--net", 0, "", net, "either --net or --servicing, not both");
        double servicing = net is not null
            ? gross - CliValues.Number(net, "--net", 0, gross, $"a net rate in percent from 0 to the gross rate ({gross})")
            : CliValues.Number(svc, "--servicing", 0, gross, $"a servicing fee in percent from 0 to the gross rate ({gross}); or give --net", fallback: null);
        var wam = CliValues.Whole(parse.GetValue(Wam), "--wam", 1, 480, "a remaining term in months from 1 to 480");
        var wala = CliValues.Whole(parse.GetValue(Wala), "--wala", 0, 480, "a loan age in months from 0 to 480", 0);
        var orig = CliValues.Whole(parse.GetValue(OrigTerm), "--orig-term", wam, 480 + wala, $"an original term in months, at least --wam ({wam})", wam + wala);
        var io = CliValues.Whole(parse.GetValue(Io), "--io", 0, orig, $"an interest-only term in months from 0 to the original term ({orig})", 0);
        var balloon = CliValues.Whole(parse.GetValue(Balloon), "--balloon", 0, orig, $"a balloon age in months from 0 (none) to the original term ({orig})", 0);
        if (balloon > 0 && balloon <= wala)
            throw new RemicInputException("--balloon", 0, "", balloon.ToString(CultureInfo.InvariantCulture), $"a balloon age after the loan age --wala ({wala}), or 0 for none");
        var count = CliValues.Number(parse.GetValue(Loans), "--loans", 1, 1e7, "a number of loans, at least 1", 1);
        // Through decimal so "6.5" becomes exactly the double 0.065, as a tape's percent does.
        static double Pct(double p) => (double)((decimal)p / 100m);
        return new Loan
        {
            Id = "rep", Group = "1", Balance = balance, OriginalBalance = balance, GrossRate = Pct(gross), ServicingFee = Pct(servicing),
            OriginalTerm = orig, RemainingTerm = wam, Age = wala, IoTerm = io, BalloonTerm = balloon, LoanCount = count,
        };
    }

    private Scenario ReadScenario(ParseResult parse)
    {
        var ramp = PpcRamp.Parse(parse.GetValue(Ramp)!);
        var advanceGiven = parse.GetResult(Advance) is not null;
        if (advanceGiven && parse.GetValue(NoAdvance))
            throw new RemicInputException("--advance", 0, "", null, "either --advance or --no-advance, not both");
        var advance = parse.GetValue(NoAdvance) ? AdvancingConvention.None
            : parse.GetValue(Advance) is { } a ? AdvancingConventions.Parse(a, "--advance") : AdvancingConvention.Interest;
        return new Scenario
        {
            Prepay = Speed.Prepay(parse.GetValue(Prepay)!, ramp),
            Default = Speed.Default(parse.GetValue(Default)!),
            Severity = MonthlyVector.Flat(CliValues.Number(parse.GetValue(Severity), "--severity", 0, 100, "a loss severity in percent from 0 to 100", 0) / 100),
            RecoveryLag = CliValues.Whole(parse.GetValue(Lag), "--lag", 0, 120, "a recovery lag in months from 0 to 120", 0),
            Advance = advance,
            Indices = ReadIndices(parse.GetValue(Index) ?? []),
            Months = CliValues.Whole(parse.GetValue(Months), "--months", 1, 1200, "a number of months from 1 to 1200", 0),
        };
    }

    internal static Dictionary<string, MonthlyVector> ReadIndices(string[] specs) => IndexOptions.Read(specs);
}
