// Typed results mirroring the published schemas (schemas/result.schema.json, year_result,
// period_result). Every score, points and indicator is a decimal parsed from the JSON text;
// counts and ranks are ints; dates are DateTime (midnight, Kind Unspecified). The objects are
// immutable and hold nothing native.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace Kaoping
{
    /// <summary>A window or a staff member.</summary>
    public enum SubjectKind { Window, Staff }

    /// <summary>A month, a quarter or a year.</summary>
    public enum PeriodKind { Month, Quarter, Year }

    /// <summary>How a record fared.</summary>
    public enum OutcomeKind { Counted, PartlyCounted, NotCounted }

    /// <summary>The status of a record (C10): only confirmed records count.</summary>
    public enum RecordStatus { Confirmed, Revoked, Pending }

    /// <summary>Why a record, or part of it, did not count.</summary>
    public enum Reason
    {
        Pending, Revoked, CategoryExhausted, MonthCap, YearCap, BonusCap, NotHighestOfKey,
        AlreadyCounted, NoEvidence, DerivedItem, NoTarget, CategoryZeroed,
    }

    /// <summary>A participant's place in an award list.</summary>
    public enum AwardStatus { Awarded, NotEligible, QuotaFull, TieAtQuotaLine }

    internal static class Codes
    {
        internal static readonly Dictionary<string, SubjectKind> Subject = new Dictionary<string, SubjectKind>
        { { "window", SubjectKind.Window }, { "staff", SubjectKind.Staff } };

        internal static readonly Dictionary<string, PeriodKind> Period = new Dictionary<string, PeriodKind>
        { { "month", PeriodKind.Month }, { "quarter", PeriodKind.Quarter }, { "year", PeriodKind.Year } };

        internal static readonly Dictionary<string, OutcomeKind> Outcome = new Dictionary<string, OutcomeKind>
        { { "counted", OutcomeKind.Counted }, { "partly_counted", OutcomeKind.PartlyCounted }, { "not_counted", OutcomeKind.NotCounted } };

        internal static readonly Dictionary<string, RecordStatus> Status = new Dictionary<string, RecordStatus>
        { { "confirmed", RecordStatus.Confirmed }, { "revoked", RecordStatus.Revoked }, { "pending", RecordStatus.Pending } };

        internal static readonly Dictionary<string, Reason> Reasons = new Dictionary<string, Reason>
        {
            { "pending", Reason.Pending }, { "revoked", Reason.Revoked }, { "category_exhausted", Reason.CategoryExhausted },
            { "month_cap", Reason.MonthCap }, { "year_cap", Reason.YearCap }, { "bonus_cap", Reason.BonusCap },
            { "not_highest_of_key", Reason.NotHighestOfKey }, { "already_counted", Reason.AlreadyCounted },
            { "no_evidence", Reason.NoEvidence }, { "derived_item", Reason.DerivedItem }, { "no_target", Reason.NoTarget },
            { "category_zeroed", Reason.CategoryZeroed },
        };

        internal static readonly Dictionary<string, AwardStatus> Award = new Dictionary<string, AwardStatus>
        {
            { "awarded", AwardStatus.Awarded }, { "not_eligible", AwardStatus.NotEligible },
            { "quota_full", AwardStatus.QuotaFull }, { "tie_at_quota_line", AwardStatus.TieAtQuotaLine },
        };

        internal static IReadOnlyList<T> List<T>(List<JNode> items, Func<JNode, T> make)
        {
            var list = new List<T>(items.Count);
            foreach (JNode n in items) list.Add(make(n));
            return new ReadOnlyCollection<T>(list);
        }
    }

    /// <summary>A calendar month (YYYY-MM).</summary>
    public struct YearMonth : IEquatable<YearMonth>, IComparable<YearMonth>
    {
        public YearMonth(int year, int month)
        {
            if (year < 1 || year > 9999) throw new ArgumentOutOfRangeException("year");
            if (month < 1 || month > 12) throw new ArgumentOutOfRangeException("month");
            Year = year;
            Month = month;
        }

        public int Year { get; private set; }
        public int Month { get; private set; }

        /// <summary>The first day of the month.</summary>
        public DateTime FirstDay { get { return new DateTime(Year, Month, 1); } }

        /// <summary>Parses "2026-10".</summary>
        public static YearMonth Parse(string s)
        {
            DateTime d;
            if (s == null || s.Length != 7 || !DateTime.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
                throw new FormatException("not a month YYYY-MM: " + s);
            return new YearMonth(d.Year, d.Month);
        }

        internal static YearMonth From(JNode n)
        {
            try { return Parse(n.String()); }
            catch (FormatException e) { throw new FormatException("kaoping result: " + n.Path + ": " + e.Message); }
        }

        public override string ToString() { return Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture); }
        public bool Equals(YearMonth other) { return Year == other.Year && Month == other.Month; }
        public override bool Equals(object obj) { return obj is YearMonth && Equals((YearMonth)obj); }
        public override int GetHashCode() { return Year * 16 + Month; }
        public int CompareTo(YearMonth other) { return (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month); }
        public static bool operator ==(YearMonth a, YearMonth b) { return a.Equals(b); }
        public static bool operator !=(YearMonth a, YearMonth b) { return !a.Equals(b); }
    }

    // ------------------------------------------------------------------ a month

    /// <summary>The result of one month: every window and staff member, and every record's outcome.</summary>
    public sealed class MonthResult
    {
        internal MonthResult(JNode n)
        {
            Policy = n.Str("policy");
            Hall = n.Str("hall");
            Month = YearMonth.From(n.Get("month"));
            Windows = Codes.List(n.Arr("windows"), x => new SubjectMonth(x));
            Staff = Codes.List(n.Arr("staff"), x => new SubjectMonth(x));
            Records = Codes.List(n.Arr("records"), x => new RecordOutcome(x));
            Warnings = Codes.List(n.OptArr("warnings"), x => new Warning(x));
        }

        public string Policy { get; private set; }
        public string Hall { get; private set; }
        public YearMonth Month { get; private set; }
        public IReadOnlyList<SubjectMonth> Windows { get; private set; }
        public IReadOnlyList<SubjectMonth> Staff { get; private set; }
        /// <summary>One outcome per record dated in the month, in date then id order.</summary>
        public IReadOnlyList<RecordOutcome> Records { get; private set; }
        /// <summary>Problems that did not stop the evaluation.</summary>
        public IReadOnlyList<Warning> Warnings { get; private set; }

        /// <summary>A window's or staff member's result by id, or null.</summary>
        public SubjectMonth Subject(string id)
        {
            return Windows.Concat(Staff).FirstOrDefault(s => s.Subject == id);
        }

        /// <summary>A record's outcome by id, or null.</summary>
        public RecordOutcome Record(string id)
        {
            return Records.FirstOrDefault(r => r.Record == id);
        }
    }

    /// <summary>One subject's score for one month.</summary>
    public sealed class SubjectMonth
    {
        internal SubjectMonth(JNode n)
        {
            Subject = n.Str("subject");
            Kind = n.Enum("kind", Codes.Subject);
            Name = n.Str("name");
            Department = n.Str("department");
            Links = Codes.List(n.OptArr("links"), x => new DaysLink(x));
            Categories = Codes.List(n.OptArr("categories"), x => new CategoryResult(x));
            Bonuses = Codes.List(n.OptArr("bonuses"), x => new CategoryResult(x));
            Base = n.Dec("base");
            Bonus = n.Dec("bonus");
            Total = n.Dec("total");
            Grade = n.Str("grade");
            GradeForcedBy = n.OptStr("grade_forced_by");
            Flags = Codes.List(n.OptArr("flags"), x => new Flag(x));
            Warnings = Codes.List(n.OptArr("warnings"), x => x.String());
        }

        public string Subject { get; private set; }
        public SubjectKind Kind { get; private set; }
        public string Name { get; private set; }
        public string Department { get; private set; }
        /// <summary>For staff: the windows served with days; for windows: the staff on duty with days.</summary>
        public IReadOnlyList<DaysLink> Links { get; private set; }
        /// <summary>Deduction categories.</summary>
        public IReadOnlyList<CategoryResult> Categories { get; private set; }
        /// <summary>Bonus categories.</summary>
        public IReadOnlyList<CategoryResult> Bonuses { get; private set; }
        /// <summary>The sum of the deduction categories' scores.</summary>
        public decimal Base { get; private set; }
        /// <summary>Bonus points after every cap.</summary>
        public decimal Bonus { get; private set; }
        /// <summary>Base + bonus, within the policy's bounds.</summary>
        public decimal Total { get; private set; }
        public string Grade { get; private set; }
        public string GradeForcedBy { get; private set; }
        public IReadOnlyList<Flag> Flags { get; private set; }
        public IReadOnlyList<string> Warnings { get; private set; }

        /// <summary>A deduction or bonus category by code (like "S1" or "W2"), or null.</summary>
        public CategoryResult Category(string code)
        {
            return Categories.Concat(Bonuses).FirstOrDefault(c => c.Code == code);
        }

        public bool HasFlag(string code) { return Flags.Any(f => f.Code == code); }
    }

    /// <summary>A window (in a staff result) or a staff member (in a window result) with days.</summary>
    public sealed class DaysLink
    {
        internal DaysLink(JNode n) { Id = n.Str("id"); Days = n.Int("days"); }
        public string Id { get; private set; }
        public int Days { get; private set; }
    }

    /// <summary>One category of a subject's month.</summary>
    public sealed class CategoryResult
    {
        internal CategoryResult(JNode n)
        {
            Code = n.Str("code");
            Name = n.Str("name");
            Max = n.Dec("max");
            Points = n.Dec("points");
            Score = n.Dec("score");
            Lines = Codes.List(n.OptArr("lines"), x => new Line(x));
            ZeroedBy = n.OptStr("zeroed_by");
        }

        public string Code { get; private set; }
        public string Name { get; private set; }
        public decimal Max { get; private set; }
        /// <summary>Points taken (deduction) or added (bonus), after caps.</summary>
        public decimal Points { get; private set; }
        /// <summary>Max − points for a deduction category; points for a bonus category.</summary>
        public decimal Score { get; private set; }
        public IReadOnlyList<Line> Lines { get; private set; }
        public string ZeroedBy { get; private set; }
    }

    /// <summary>One contribution to a category.</summary>
    public sealed class Line
    {
        internal Line(JNode n)
        {
            Rule = n.Str("rule");
            Record = n.OptStr("record");
            Raw = n.Dec("raw");
            Points = n.Dec("points");
            Detail = n.Str("detail");
            Occurrences = n.OptInt("occurrences", 1);
            Cut = n.OptEnum("cut", Codes.Reasons);
        }

        public string Rule { get; private set; }
        public string Record { get; private set; }
        /// <summary>Points before caps.</summary>
        public decimal Raw { get; private set; }
        /// <summary>Points that counted.</summary>
        public decimal Points { get; private set; }
        public string Detail { get; private set; }
        public int Occurrences { get; private set; }
        /// <summary>Why fewer points counted than raw, or null.</summary>
        public Reason? Cut { get; private set; }
    }

    /// <summary>A flag on a subject (recommend_reassignment, disqualified, category_zeroed_for_year, forced_grade, …).</summary>
    public sealed class Flag
    {
        internal Flag(JNode n)
        {
            Code = n.Str("code");
            Period = n.OptEnum("period", Codes.Period);
            Rule = n.OptStr("rule");
            Record = n.OptStr("record");
            Category = n.OptStr("category");
            Detail = n.Str("detail");
        }

        public string Code { get; private set; }
        /// <summary>For disqualified: the period lost.</summary>
        public PeriodKind? Period { get; private set; }
        public string Rule { get; private set; }
        public string Record { get; private set; }
        public string Category { get; private set; }
        public string Detail { get; private set; }
    }

    /// <summary>How a record fared.</summary>
    public sealed class RecordOutcome
    {
        internal RecordOutcome(JNode n)
        {
            Record = n.Str("record");
            Rule = n.Str("rule");
            Subject = n.Str("subject");
            Date = n.Get("date").Date();
            Status = n.Enum("status", Codes.Status);
            Outcome = n.Enum("outcome", Codes.Outcome);
            Occurrences = n.Int("occurrences");
            CountedOccurrences = n.Int("counted_occurrences");
            Points = n.Dec("points");
            Reason = n.OptEnum("reason", Codes.Reasons);
            Detail = n.Str("detail");
            Charges = Codes.List(n.OptArr("charges"), x => new Charge(x));
        }

        public string Record { get; private set; }
        public string Rule { get; private set; }
        public string Subject { get; private set; }
        public DateTime Date { get; private set; }
        public RecordStatus Status { get; private set; }
        public OutcomeKind Outcome { get; private set; }
        public int Occurrences { get; private set; }
        public int CountedOccurrences { get; private set; }
        /// <summary>Points that counted on the record's own item.</summary>
        public decimal Points { get; private set; }
        public Reason? Reason { get; private set; }
        public string Detail { get; private set; }
        /// <summary>Every subject and item the record was charged to (its own item first).</summary>
        public IReadOnlyList<Charge> Charges { get; private set; }
    }

    /// <summary>One subject and item a record was charged to.</summary>
    public sealed class Charge
    {
        internal Charge(JNode n)
        {
            Subject = n.Str("subject");
            Rule = n.Str("rule");
            Occurrences = n.Int("occurrences");
            CountedOccurrences = n.Int("counted_occurrences");
            Raw = n.Dec("raw");
            Points = n.Dec("points");
            Reason = n.OptEnum("reason", Codes.Reasons);
        }

        public string Subject { get; private set; }
        public string Rule { get; private set; }
        public int Occurrences { get; private set; }
        public int CountedOccurrences { get; private set; }
        public decimal Raw { get; private set; }
        public decimal Points { get; private set; }
        public Reason? Reason { get; private set; }
    }

    /// <summary>A problem that did not stop the evaluation.</summary>
    public sealed class Warning
    {
        internal Warning(JNode n) { Subject = n.OptStr("subject"); Rule = n.OptStr("rule"); Message = n.Str("message"); }
        public string Subject { get; private set; }
        public string Rule { get; private set; }
        public string Message { get; private set; }
    }

    // ------------------------------------------------------------------ a year

    /// <summary>Every month of the dataset's year.</summary>
    public sealed class YearResult
    {
        internal YearResult(JNode n)
        {
            Policy = n.Str("policy");
            Hall = n.Str("hall");
            Year = n.Int("year");
            Months = Codes.List(n.Arr("months"), x => new MonthResult(x));
        }

        public string Policy { get; private set; }
        public string Hall { get; private set; }
        public int Year { get; private set; }
        public IReadOnlyList<MonthResult> Months { get; private set; }

        /// <summary>The result of a month by number (1–12), or null.</summary>
        public MonthResult Month(int month)
        {
            return Months.FirstOrDefault(m => m.Month.Month == month);
        }
    }

    /// <summary>What <see cref="Engine.EvaluateHallYear(Dataset, HallYearOptions)"/> writes.</summary>
    [Flags]
    public enum HallYearOptions
    {
        None = 0,
        /// <summary>KP_SCORES_ONLY: no category lines or explanatory text; every number the same.</summary>
        ScoresOnly = 1,
        /// <summary>KP_COMPACT: JSON without indentation.</summary>
        Compact = 2,
        /// <summary>KP_COLUMNS: the scores as columns (format kaoping-columns/1), read by
        /// <see cref="Engine.EvaluateHallYearColumns(Dataset)"/> into <see cref="HallYearColumns"/>; implies
        /// ScoresOnly and Compact. Only the JSON methods take it.</summary>
        Columns = 4,
    }

    /// <summary>A hall's whole year: twelve months, four quarters and the year.</summary>
    public sealed class HallYearResult
    {
        internal HallYearResult(JNode n)
        {
            Year = new YearResult(n.Get("year"));
            Quarters = Codes.List(n.Arr("quarters"), x => new PeriodResult(x));
            Annual = new PeriodResult(n.Get("annual"));
        }

        public YearResult Year { get; private set; }
        public IReadOnlyList<PeriodResult> Quarters { get; private set; }
        public PeriodResult Annual { get; private set; }

        /// <summary>Reads a hall-year's JSON (UTF-8, as <see cref="Engine.EvaluateHallYearUtf8"/> returns it):
        /// {"year": …, "quarters": […], "annual": …}. Throws <see cref="FormatException"/> for another shape.</summary>
        public static HallYearResult Parse(byte[] utf8Json)
        {
            if (utf8Json == null) throw new ArgumentNullException("utf8Json");
            return new HallYearResult(JNode.Parse(utf8Json));
        }
    }

    // ------------------------------------------------------------------ periods and awards

    /// <summary>The period result of a month, a quarter or a year: scores, ranks, awards, department feedback.</summary>
    public sealed class PeriodResult
    {
        internal PeriodResult(JNode n)
        {
            Policy = n.Str("policy");
            Hall = n.Str("hall");
            Period = n.Str("period");
            Kind = n.Enum("kind", Codes.Period);
            Months = Codes.List(n.Arr("months"), YearMonth.From);
            MonthsWithoutData = Codes.List(n.OptArr("months_without_data"), YearMonth.From);
            Windows = Codes.List(n.Arr("windows"), x => new SubjectPeriod(x));
            Staff = Codes.List(n.Arr("staff"), x => new SubjectPeriod(x));
            var names = new Dictionary<string, string>[] { Names(Windows), Names(Staff) };
            Awards = Codes.List(n.Arr("awards"), x => new AwardResult(x, (kind, id) =>
            {
                string name;
                return names[kind == SubjectKind.Window ? 0 : 1].TryGetValue(id, out name) ? name : null;
            }));
            Departments = Codes.List(n.Arr("departments"), x => new DepartmentFeedback(x));
        }

        private static Dictionary<string, string> Names(IEnumerable<SubjectPeriod> subjects)
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (SubjectPeriod s in subjects) d[s.Subject] = s.Name;
            return d;
        }

        public string Policy { get; private set; }
        public string Hall { get; private set; }
        /// <summary>"2026-10", "2026-Q3" or "2026".</summary>
        public string Period { get; private set; }
        public PeriodKind Kind { get; private set; }
        public IReadOnlyList<YearMonth> Months { get; private set; }
        public IReadOnlyList<YearMonth> MonthsWithoutData { get; private set; }
        /// <summary>Windows in rank order.</summary>
        public IReadOnlyList<SubjectPeriod> Windows { get; private set; }
        /// <summary>Staff in rank order.</summary>
        public IReadOnlyList<SubjectPeriod> Staff { get; private set; }
        public IReadOnlyList<AwardResult> Awards { get; private set; }
        public IReadOnlyList<DepartmentFeedback> Departments { get; private set; }

        /// <summary>A window's or staff member's period result by id, or null.</summary>
        public SubjectPeriod Subject(string id)
        {
            return Windows.Concat(Staff).FirstOrDefault(s => s.Subject == id);
        }

        /// <summary>An award list by code ("model_window", "service_star"), or null.</summary>
        public AwardResult Award(string code)
        {
            return Awards.FirstOrDefault(a => a.Award == code);
        }
    }

    /// <summary>One subject's result for a period.</summary>
    public sealed class SubjectPeriod
    {
        internal SubjectPeriod(JNode n)
        {
            Subject = n.Str("subject");
            Kind = n.Enum("kind", Codes.Subject);
            Name = n.Str("name");
            Department = n.Str("department");
            Monthly = Codes.List(n.OptArr("monthly"), x => new MonthTotal(x));
            MonthsEvaluated = n.Int("months_evaluated");
            Score = n.Dec("score");
            Grade = n.Str("grade");
            GradeForcedBy = n.OptStr("grade_forced_by");
            ScoreDetail = n.OptStr("score_detail");
            GradeDetail = n.OptStr("grade_detail");
            Deductions = n.Dec("deductions");
            Bonus = n.Dec("bonus");
            Complaints = n.Int("complaints");
            Rank = n.Int("rank");
            DepartmentRank = n.Int("department_rank");
            Disqualifications = Codes.List(n.OptArr("disqualifications"), x => new Flag(x));
        }

        public string Subject { get; private set; }
        public SubjectKind Kind { get; private set; }
        public string Name { get; private set; }
        public string Department { get; private set; }
        public IReadOnlyList<MonthTotal> Monthly { get; private set; }
        public int MonthsEvaluated { get; private set; }
        /// <summary>The period score: the mean of the monthly totals (rounded per C11).</summary>
        public decimal Score { get; private set; }
        public string Grade { get; private set; }
        public string GradeForcedBy { get; private set; }
        /// <summary>How the score was composed when the policy rolls it up (weights, outside inputs) or pro-rates it; null otherwise.</summary>
        public string ScoreDetail { get; private set; }
        /// <summary>Why the grade is not the score's band (a grade quota's demotion, no grade: 不定等次); null otherwise.</summary>
        public string GradeDetail { get; private set; }
        /// <summary>Deduction points of the period (tie-breaker E8).</summary>
        public decimal Deductions { get; private set; }
        /// <summary>Bonus points of the period (tie-breaker E8).</summary>
        public decimal Bonus { get; private set; }
        /// <summary>Counted complaints (tie-breaker E8).</summary>
        public int Complaints { get; private set; }
        /// <summary>Rank in the hall (equal scores share a rank).</summary>
        public int Rank { get; private set; }
        public int DepartmentRank { get; private set; }
        public IReadOnlyList<Flag> Disqualifications { get; private set; }
    }

    /// <summary>A month's total within a period.</summary>
    public sealed class MonthTotal
    {
        internal MonthTotal(JNode n)
        {
            Month = YearMonth.From(n.Get("month"));
            Total = n.Dec("total");
            Adjusted = n.OptStr("adjusted");
        }

        public YearMonth Month { get; private set; }
        public decimal Total { get; private set; }
        /// <summary>Why the total counts differently in this period (a yearly zeroing), or null.</summary>
        public string Adjusted { get; private set; }
    }

    /// <summary>One award list of a period: quota, who is awarded, and every participant's standing.</summary>
    public sealed class AwardResult
    {
        internal AwardResult(JNode n, Func<SubjectKind, string, string> nameOf)
        {
            Award = n.Str("award");
            Name = n.Str("name");
            Subject = n.Enum("subject", Codes.Subject);
            Participants = n.Int("participants");
            Base = n.Int("base");
            Quota = n.Int("quota");
            QuotaDetail = n.Str("quota_detail");
            Awarded = Codes.List(n.Arr("awarded"), x => x.String());
            TiedAtLine = Codes.List(n.OptArr("tied_at_line"), x => x.String());
            if (n.Has("to_decide")) ToDecide = n.OptInt("to_decide", 0);
            SubjectKind kind = Subject;
            Standings = Codes.List(n.Arr("standings"), x => new Standing(x, nameOf(kind, x.Str("subject"))));
            var byId = new Dictionary<string, Standing>(StringComparer.Ordinal);
            foreach (Standing s in Standings) if (!byId.ContainsKey(s.Subject)) byId[s.Subject] = s;
            Winners = new ReadOnlyCollection<Standing>(Awarded.Select(id =>
            {
                Standing s;
                if (!byId.TryGetValue(id, out s)) throw new FormatException("kaoping result: " + n.Path + ": awarded " + id + " has no standing");
                return s;
            }).ToList());
        }

        /// <summary>The award's code: model_window (示范窗口) or service_star (政务之星).</summary>
        public string Award { get; private set; }
        /// <summary>The award's name (in the engine's language).</summary>
        public string Name { get; private set; }
        /// <summary>Who takes part: windows or staff.</summary>
        public SubjectKind Subject { get; private set; }
        public int Participants { get; private set; }
        /// <summary>The count the quota is a share of.</summary>
        public int Base { get; private set; }
        public int Quota { get; private set; }
        /// <summary>Like "0.15 × 30 = 4.5 → 4 (down)".</summary>
        public string QuotaDetail { get; private set; }
        /// <summary>The ids awarded, in order.</summary>
        public IReadOnlyList<string> Awarded { get; private set; }
        /// <summary>The ids tied at the quota line (for the centre to decide).</summary>
        public IReadOnlyList<string> TiedAtLine { get; private set; }
        /// <summary>With the policy's <c>awards.tie_at_line: centre</c>: the places left open at the line for the centre to fill from <see cref="TiedAtLine"/>; null otherwise.</summary>
        public int? ToDecide { get; private set; }
        /// <summary>Every participant, in rank order, with name.</summary>
        public IReadOnlyList<Standing> Standings { get; private set; }
        /// <summary>The standings of <see cref="Awarded"/>, in the same order.</summary>
        public IReadOnlyList<Standing> Winners { get; private set; }
    }

    /// <summary>A participant's standing in an award list.</summary>
    public sealed class Standing
    {
        internal Standing(JNode n, string name)
        {
            Subject = n.Str("subject");
            Name = name;
            Rank = n.Int("rank");
            Score = n.Dec("score");
            Status = n.Enum("status", Codes.Award);
            Detail = n.Str("detail");
        }

        public string Subject { get; private set; }
        /// <summary>The window's or staff member's name (from the period result's lists or the dataset's roster).</summary>
        public string Name { get; private set; }
        public int Rank { get; private set; }
        public decimal Score { get; private set; }
        public AwardStatus Status { get; private set; }
        public string Detail { get; private set; }
    }

    /// <summary>Feedback to one department (P11) and its indicator (P12).</summary>
    public sealed class DepartmentFeedback
    {
        internal DepartmentFeedback(JNode n)
        {
            Department = n.Str("department");
            Name = n.Str("name");
            Windows = Codes.List(n.Arr("windows"), x => new DepartmentEntry(x));
            Staff = Codes.List(n.Arr("staff"), x => new DepartmentEntry(x));
            Indicator = n.OptDec("indicator");
        }

        public string Department { get; private set; }
        public string Name { get; private set; }
        public IReadOnlyList<DepartmentEntry> Windows { get; private set; }
        public IReadOnlyList<DepartmentEntry> Staff { get; private set; }
        /// <summary>The mean of the department's windows' period scores (rounded per C11); null without windows.</summary>
        public decimal? Indicator { get; private set; }
    }

    /// <summary>A window or staff member in a department's feedback.</summary>
    public sealed class DepartmentEntry
    {
        internal DepartmentEntry(JNode n)
        {
            Subject = n.Str("subject");
            Name = n.Str("name");
            Score = n.Dec("score");
            Rank = n.Int("rank");
            DepartmentRank = n.Int("department_rank");
        }

        public string Subject { get; private set; }
        public string Name { get; private set; }
        public decimal Score { get; private set; }
        public int Rank { get; private set; }
        public int DepartmentRank { get; private set; }
    }
}
