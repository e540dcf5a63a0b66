using System.Globalization;
using Newtonsoft.Json.Linq;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>
/// Builds the immutable <see cref="Deal"/> from a schema-valid JSON tree. Shapes are already checked by the
/// schema; what is left here are values the schema cannot judge (calendar dates), reported with position.
/// </summary>
internal sealed class DealBuilder(SourceMap map)
{
    private readonly List<InputError> _errors = [];

    public IReadOnlyList<InputError> Errors => _errors;

    public Deal Build(JObject root) => new()
    {
        Metadata = Metadata((JObject)root["deal"]!),
        Groups = ((JArray)root["groups"]!).Select(g => Group((JObject)g)).ToList(),
        Classes = ((JArray)root["classes"]!).Select(c => Class((JObject)c)).ToList(),
        Waterfall = Steps((JArray)root["waterfall"]!),
        ShiftingInterest = root["shifting_interest"] is JObject si ? Shifting(si) : null,
        Losses = root["losses"] is JObject lo ? Losses(lo) : new LossAllocationSpec(),
        Corridors = root["corridors"] is JArray cs ? cs.Select(c => Corridor((JObject)c)).ToList() : [],
        CleanUpCall = root["clean_up_call"] is JObject cc ? new CleanUpCallSpec(Dec(cc["percent"])) : null,
        CrossCollateral = root["cross_collateral"] is JObject x ? new CrossCollateralSpec(Names(x["groups"])) : null,
        Assumptions = root["assumptions"] is JObject a ? Assumptions(a) : new PricingAssumptions(),
        StratsTapePath = root["strats_tape"] is { } st ? Str(st) : null,
        Sources = Sources(root),
        SourceFile = map.File,
    };

    /// <summary>Where each class, group and section is written (the line of its mapping) with its psa:/note:.</summary>
    private DealSources Sources(JObject root) => new()
    {
        Classes = ((JArray)root["classes"]!).Select(Ref).ToList(),
        Groups = ((JArray)root["groups"]!).Select(Ref).ToList(),
        Corridors = root["corridors"] is JArray cs ? cs.Select(Ref).ToList() : [],
        ShiftingInterest = root["shifting_interest"] is { } si ? Ref(si) : SourceRef.None,
        Losses = root["losses"] is { } lo ? Ref(lo) : SourceRef.None,
        CrossCollateral = root["cross_collateral"] is { } x ? Ref(x) : SourceRef.None,
    };

    private SourceRef Ref(JToken t) => new(map.Of(t).Line,
        t is JObject o && o["psa"] is { } p ? Str(p) : null, t is JObject o2 && o2["note"] is { } n ? Str(n) : null);

    private DealMetadata Metadata(JObject o) => new()
    {
        TrustName = Str(o["trust_name"]),
        Series = Str(o["series"]),
        Depositor = Str(o["depositor"]),
        Sellers = o["sellers"] is JArray s ? s.Select(Str).ToList() : [],
        MasterServicer = Str(o["master_servicer"]),
        Trustee = Str(o["trustee"]),
        Underwriter = Str(o["underwriter"]),
        CutoffDate = Date(o["cutoff_date"]!),
        ClosingDate = Date(o["closing_date"]!),
        FirstDistributionDate = Date(o["first_distribution_date"]!),
        DistributionDay = o["distribution_day"]?.Value<int>() ?? 25,
        RecordDateRule = o["record_date_rule"] is { } r ? Str(r) : "last_business_day_of_prior_month",
        SettlementDate = o["settlement_date"] is { } sd ? Date(sd) : null,
        Advancing = o["advancing"] is { } adv ? AdvancingConventions.Parse(Str(adv), map.File) : null,
        PrepaymentAssumption = o["prepayment_assumption"] is JObject pa
            ? new PpcRamp((double)Dec(pa["start_cpr"]), (double)Dec(pa["plateau_cpr"]), pa["months_to_plateau"]!.Value<int>())
            : null,
    };

    private static PricingAssumptions Assumptions(JObject a)
    {
        var indices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        if (a["indices"] is JObject ix)
            foreach (var p in ix.Properties()) indices[p.Name] = Dec(p.Value);
        return new PricingAssumptions { Indices = indices };
    }

    private LoanGroupSpec Group(JObject o)
    {
        var name = Str(o["name"]);
        var svc = Dec(o["servicing_fee"]);
        var trustee = Dec(o["trustee_fee"]);
        var lpmi = Dec(o["lpmi_fee"]);
        var loans = new List<Loan>();
        if (o["rep_lines"] is JArray lines)
        {
            var i = 0;
            foreach (JObject l in lines)
            {
                i++;
                var rem = l["remaining_term"]!.Value<int>();
                var age = l["age"]?.Value<int>() ?? 0;
                loans.Add(new Loan
                {
                    Id = l["id"] is { } id ? Str(id) : $"{name}-{i}",
                    Group = name,
                    Balance = (double)Dec(l["balance"]),
                    GrossRate = (double)(Dec(l["gross_rate"]) / 100),
                    ServicingFee = (double)((l["servicing_fee"] is { } s ? Dec(s) : svc) / 100),
                    OtherFees = (double)((trustee + lpmi) / 100),
                    OriginalTerm = l["original_term"]?.Value<int>() ?? rem + age,
                    RemainingTerm = rem,
                    Age = age,
                    IoTerm = l["io_term"]?.Value<int>() ?? 0,
                    BalloonTerm = l["balloon_term"]?.Value<int>() ?? 0,
                    LoanCount = (double)(l["loan_count"] is { } n ? Dec(n) : 1),
                    LoanCountStated = l["loan_count"] is not null,
                });
            }
        }
        return new LoanGroupSpec
        {
            Name = name,
            Loans = loans,
            TapePath = o["tape"] is { } t ? Str(t) : null,
            ServicingFee = svc,
            TrusteeFee = trustee,
            LpmiFee = lpmi,
            StripRate = o["strip_rate"] is { } sr ? Dec(sr) : null,
            CompensatingInterestShare = o["compensating_interest_share"] is { } ci ? Dec(ci) / 100 : 0.5m,
        };
    }

    private ClassSpec Class(JObject o)
    {
        var groups = o["groups"] is JArray ga ? ga.Select(Str).ToList() : o["group"] is { } g ? [Str(g)] : new List<string>();
        var type = ClassType.None;
        foreach (var t in o["type"] is JArray ta ? ta.Select(Str) : [Str(o["type"])]) type |= ParseType(t);
        NotionalSpec? notional = o["notional"] switch
        {
            JValue { Type: JTokenType.String } => new PremiumLoanNotional(),
            JObject n => new ClassNotional(Names(n["classes"]), n["factor"] is { } f ? Dec(f) : 1m),
            _ => null,
        };
        return new ClassSpec
        {
            Name = Str(o["name"]),
            Groups = groups,
            OriginalBalance = Dec(o["balance"]),
            Type = type,
            Coupon = o["coupon"] is { } c ? Coupon(c) : new NoCoupon(),
            Notional = notional,
            DayCount = o["day_count"] is { } dc ? DayCounts.Parse(Str(dc)) : (type.HasFlag(ClassType.Floater) || type.HasFlag(ClassType.InverseFloater) ? DayCount.Actual360 : DayCount.Thirty360),
            DelayDays = o["delay"]?.Value<int>() ?? (type.HasFlag(ClassType.Floater) || type.HasFlag(ClassType.InverseFloater) ? 0 : 24),
            Schedule = o["schedule"] is JObject s ? Schedule(s) : null,
            Offered = o["offered"]?.Value<bool>(),
            Cusip = o["cusip"] is { } cusip ? Str(cusip) : null,
            Description = o["description"] is { } description ? Str(description) : null,
        };
    }

    private static ScheduleSpec Schedule(JObject s) => s["balances"] is JArray b
        ? new ScheduleSpec(b.Select(Dec).ToList(), null, null)
        : new ScheduleSpec(null, Str(s["band"]![0]), Str(s["band"]![1]), s["share"] is { } sh ? Dec(sh) : 100);

    private static ClassType ParseType(string t) => t switch
    {
        "senior" => ClassType.Senior,
        "super_senior" => ClassType.SuperSenior | ClassType.Senior,
        "senior_support" => ClassType.SeniorSupport | ClassType.Senior,
        "subordinate" => ClassType.Subordinate,
        "po" => ClassType.Po,
        "notional_io" => ClassType.NotionalIo,
        "floater" => ClassType.Floater,
        "inverse_floater" => ClassType.InverseFloater,
        "accrual" => ClassType.Accrual,
        "pac" => ClassType.Pac,
        "tac" => ClassType.Tac,
        "support" => ClassType.Support,
        "nas" => ClassType.Nas,
        "residual" => ClassType.Residual,
        _ => ClassType.None,
    };

    private CouponSpec Coupon(JToken c) => c switch
    {
        JValue { Type: JTokenType.Integer or JTokenType.Float } => new FixedCoupon(Dec(c)),
        JValue v when Str(v) == "strip_excess" => new StripExcessCoupon(),
        JValue => new NoCoupon(),
        JObject o when o["index"] is { } idx => new FormulaCoupon(Str(idx),
            o["multiplier"] is { } m ? Dec(m) : 1m, o["margin"] is { } mg ? Dec(mg) : 0m,
            o["cap"] is { } cap ? Dec(cap) : null, o["floor"] is { } fl ? Dec(fl) : null,
            o["net_wac_cap"] is { } nw ? Names(nw) : null),
        JObject o => new NetWacCoupon(Names(o["net_wac"]), o["minus"] is { } mi ? Dec(mi) : 0m),
        _ => new NoCoupon(),
    };

    private IReadOnlyList<Step> Steps(JArray a) => a.Select(s => Step((JObject)s)).ToList();

    private Step Step(JObject s)
    {
        var (kind, body) = (s.Properties().First().Name, (JObject)s.Properties().First().Value);
        var source = new SourceRef(map.Of(s).Line, body["psa"] is { } psa ? Str(psa) : null, body["note"] is { } note ? Str(note) : null);
        return StepOf(kind, body) with { Source = source };
    }

    private Step StepOf(string kind, JObject body)
    {
        return kind switch
        {
            "pay_po" => new PayPoPrincipal(Str(body["group"]), Str(body["class"])),
            "pay_interest" => new PayInterest(Names(body["from"]), Names(body["classes"])),
            "pay_principal" => new PayPrincipal(Names(body["from"]), Str(body["amount"]) switch
            {
                "senior_principal" => PrincipalAmount.SeniorPrincipal,
                "non_po_principal" => PrincipalAmount.NonPoPrincipal,
                _ => PrincipalAmount.Remaining,
            }, Alloc(body["to"]!)) { AfterDepletion = body["after_depletion"] is { } ad ? Alloc(ad) : null },
            "accrete" => new Accrete(Str(body["class"]), Names(body["from"]), Alloc(body["to"]!)),
            "pay_po_deferred" => new PayPoDeferred(Names(body["from"])),
            "pay_subordinates" => new PaySubordinates(Names(body["from"]), Names(body["classes"])),
            "pay_residual" => new PayResidual(Names(body["from"]), Str(body["class"])),
            _ => new When(Cond(body["if"]!), Steps((JArray)body["then"]!), body["else"] is JArray e ? Steps(e) : []),
        };
    }

    private static Condition Cond(JToken c) => c switch
    {
        JObject o when o["classes_outstanding"] is { } co => new ClassesOutstanding(Names(co)),
        JObject o when o["periods"] is JArray p => new PeriodBetween(p[0].Value<int>(), p[1].Value<int>()),
        _ => new StepDownPassed(),
    };

    private Allocation Alloc(JToken a) => a switch
    {
        JValue v => new ToClass(Str(v)),
        JObject o when o["sequential"] is JArray s => new Sequential(s.Select(Alloc).ToList()),
        JObject o when o["pro_rata"] is JArray p => new ProRata(p.Select(Alloc).ToList()),
        JObject o when o["split"] is JArray sp => new Split(sp.Select(x => (Dec(x["percent"]), Alloc(x["to"]!))).ToList()),
        JObject o when o["to_schedule"] is { } ts => new ToSchedule(Str(ts)),
        JObject o => new Lockout(Str(o["lockout"]), ((JArray)o["shift"]!).Select(Dec).ToList()),
        _ => throw new InvalidOperationException("schema admitted an unknown allocation"),
    };

    private ShiftingInterestSpec Shifting(JObject o)
    {
        var sd = o["step_down"] as JObject;
        var tt = o["two_times_test"] as JObject;
        var d = new ShiftingInterestSpec { Subordinates = Names(o["subordinates"]) };
        return d with
        {
            SubordinateShareToSeniorsByYear = o["senior_prepayment_shift"] is JArray sh ? sh.Select(Dec).ToList() : d.SubordinateShareToSeniorsByYear,
            StepDown = sd is null ? new StepDownSpec() : new StepDownSpec
            {
                DelinquencyPercentOfSubordinates = sd["delinquency_percent"] is { } dp ? Dec(dp) : 50,
                CumulativeLossPercentByYear = sd["cumulative_loss_percent"] is JArray cl ? cl.Select(Dec).ToList() : new StepDownSpec().CumulativeLossPercentByYear,
                FailedKeepsPriorYear = sd["when_failed"] is not { } wf || Str(wf) != "hundred_percent",
            },
            TwoTimesTest = tt is null ? null : new TwoTimesTestSpec
            {
                Month = tt["month"]?.Value<int>() ?? 36,
                DelinquencyPercentOfSubordinates = tt["delinquency_percent"] is { } a ? Dec(a) : 50,
                CumulativeLossPercentBefore = tt["cumulative_loss_percent_before"] is { } b ? Dec(b) : 20,
                CumulativeLossPercentAfter = tt["cumulative_loss_percent_after"] is { } c ? Dec(c) : 30,
            },
            ClassPrepaymentTriggers = o["class_prepayment_triggers"]?.Value<bool>() ?? true,
        };
    }

    private static LossAllocationSpec Losses(JObject o) => new()
    {
        Order = o["order"] is { } ord ? Names(ord) : [],
        SupportOf = o["senior_support"] is JObject s ? s.Properties().ToDictionary(p => p.Name, p => Str(p.Value)) : new Dictionary<string, string>(),
    };

    private static CorridorSpec Corridor(JObject o) => new()
    {
        Name = Str(o["name"]),
        Beneficiary = Str(o["beneficiary"]),
        Index = Str(o["index"]),
        Strike = Dec(o["strike"]),
        Ceiling = Dec(o["ceiling"]),
        DayCount = o["day_count"] is { } dc ? DayCounts.Parse(Str(dc)) : DayCount.Actual360,
        NotionalSchedule = ((JArray)o["notional"]!).Select(Dec).ToList(),
        ExcessTo = o["excess_to"] is { } e ? Str(e) : null,
    };

    private DateOnly Date(JToken t)
    {
        var s = Str(t);
        var ok = DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
        if (ok && Domains.InRange(d)) return d;
        var (path, line, col) = map.Of(t);
        _errors.Add(new InputError(map.File, line, path, s, ok ? $"expected {Domains.DateRange}" : "expected a calendar date as YYYY-MM-DD", col));
        return default;
    }

    internal static string Str(JToken? t) => t is null || t.Type == JTokenType.Null ? "" : System.Convert.ToString(((JValue)t).Value, CultureInfo.InvariantCulture) ?? "";

    internal static decimal Dec(JToken? t) => t is null || t.Type == JTokenType.Null ? 0m : t.Value<decimal>();

    internal static IReadOnlyList<string> Names(JToken? t) => t switch
    {
        JArray a => a.Select(Str).ToList(),
        null => [],
        _ => [Str(t)],
    };
}
