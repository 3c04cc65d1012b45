// A hall-year as columns (format kaoping-columns/1, KP_COLUMNS; issue 22 "lean results"): the
// numbers of a scores-only hall-year in tables of equal-length columns, subjects and texts listed
// once and referred to by index, decimals as exact strings. Read here token by token from the same
// JsonReaderWriterFactory reader as the other results, straight into arrays: no tree is built.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.Serialization.Json;
using System.Xml;

namespace Kaoping
{
    /// <summary>
    /// A hall's whole year as columns (<see cref="Engine.EvaluateHallYearColumns(Dataset)"/>): each
    /// subject-month's base, bonus, total, grade and categories, each period's scores, ranks and grades,
    /// each award's standings, with subjects and texts (grades, category codes, award ids) listed once.
    /// The same numbers as <c>EvaluateHallYear(ds, HallYearOptions.ScoresOnly)</c>, without the texts
    /// that explain them. Immutable: every column is an <see cref="IReadOnlyList{T}"/>.
    /// </summary>
    public sealed class HallYearColumns
    {
        /// <summary>The format this class reads: "kaoping-columns/1".</summary>
        public const string FormatName = "kaoping-columns/1";

        private HallYearColumns() { }

        /// <summary>"kaoping-columns/1".</summary>
        public string Format { get { return FormatName; } }
        public string Policy { get; private set; }
        public string Hall { get; private set; }
        public int Year { get; private set; }
        /// <summary>The windows and staff, each once, in the order the results first name them.</summary>
        public ColumnSubjects Subjects { get; private set; }
        /// <summary>Grades, category codes and award ids, each once; the text columns index this list.</summary>
        public IReadOnlyList<string> Texts { get; private set; }
        /// <summary>One row per subject evaluated in a month.</summary>
        public MonthColumns Months { get; private set; }
        /// <summary>One row per category (bonus categories too) of a subject-month.</summary>
        public CategoryColumns Categories { get; private set; }
        /// <summary>One row per subject of each period (the quarters and the year; each month too when the policy awards monthly).</summary>
        public PeriodColumns Periods { get; private set; }
        /// <summary>One row per participant of each award of each period.</summary>
        public StandingColumns Standings { get; private set; }

        /// <summary>A window or staff member by id, or null.</summary>
        public ColumnSubject FindSubject(string id)
        {
            int i = Subjects.IndexOf(id);
            return i < 0 ? null : Subjects[i];
        }

        public override string ToString()
        {
            return string.Format(CultureInfo.InvariantCulture, "HallYearColumns({0} {1}: {2} subjects, {3} subject-months, {4} categories, {5} period rows, {6} standings)",
                Hall, Year, Subjects.Count, Months.Count, Categories.Count, Periods.Count, Standings.Count);
        }

        /// <summary>Reads the columns JSON (UTF-8, as <see cref="Engine.EvaluateHallYearUtf8"/> returns it with
        /// <see cref="HallYearOptions.Columns"/>). Throws <see cref="FormatException"/> for another format or shape.</summary>
        public static HallYearColumns Parse(byte[] utf8Json)
        {
            if (utf8Json == null) throw new ArgumentNullException("utf8Json");
            var r = new ColumnsReader();
            using (XmlDictionaryReader x = JsonReaderWriterFactory.CreateJsonReader(utf8Json, 0, utf8Json.Length, XmlDictionaryReaderQuotas.Max))
            {
                r.Read(x);
            }
            return r.Build();
        }

        // ------------------------------------------------------------------ reading

        private sealed class ColumnsReader
        {
            private string format, policy, hall;
            private int? year;
            private string[] subjectId, subjectKind, subjectName, subjectDepartment, texts;
            private int[] mMonth, mSubject, mGrade, cMonth, cSubject, cCategory;
            private decimal[] mBase, mBonus, mTotal, cPoints, cScore;
            private string[] pPeriod, sPeriod, sStatus;
            private int[] pSubject, pGrade, pRank, pDepartmentRank, pMonthsEvaluated, pComplaints, sAward, sSubject, sRank;
            private decimal[] pScore, pDeductions, pBonus, sScore;
            private readonly Dictionary<string, string> labels = new Dictionary<string, string>(StringComparer.Ordinal);

            internal void Read(XmlDictionaryReader r)
            {
                r.MoveToContent();
                if (r.GetAttribute("type") != "object") throw Bad("the columns are not a JSON object");
                if (r.IsEmptyElement) return;
                r.Read();
                while (Next(r))
                {
                    string field = Key(r);
                    switch (field)
                    {
                        case "format":
                            format = Str(r, field);
                            if (format != FormatName) throw Bad("format \"" + format + "\", not " + FormatName);
                            break;
                        case "policy": policy = Str(r, field); break;
                        case "hall": hall = Str(r, field); break;
                        case "year": year = Int(r, field); break;
                        case "texts": texts = Strings(r, field, false); break;
                        case "subjects": Table(r, field, ReadSubjects); break;
                        case "months": Table(r, field, ReadMonths); break;
                        case "categories": Table(r, field, ReadCategories); break;
                        case "periods": Table(r, field, ReadPeriods); break;
                        case "standings": Table(r, field, ReadStandings); break;
                        default: r.Skip(); break; // a field this library does not know
                    }
                }
            }

            private delegate bool Column(XmlDictionaryReader r, string name);

            // Positions on the next element; false at the end of the enclosing object or array (consumed).
            private static bool Next(XmlDictionaryReader r)
            {
                r.MoveToContent();
                if (r.NodeType == XmlNodeType.EndElement) { r.Read(); return false; }
                if (r.NodeType != XmlNodeType.Element) throw Bad("unexpected " + r.NodeType + " in JSON");
                return true;
            }

            // A key that is not an XML name comes as <item item="key">.
            private static string Key(XmlDictionaryReader r)
            {
                return r.LocalName == "item" ? (r.GetAttribute("item") ?? "item") : r.LocalName;
            }

            private static void Table(XmlDictionaryReader r, string table, Column c)
            {
                if (r.GetAttribute("type") != "object") throw Bad("\"" + table + "\" is not an object");
                if (r.IsEmptyElement) { r.Read(); return; }
                r.Read();
                while (Next(r))
                {
                    string name = table + "." + Key(r);
                    if (!c(r, name)) r.Skip();
                }
            }

            private bool ReadSubjects(XmlDictionaryReader r, string name)
            {
                switch (name)
                {
                    case "subjects.id": subjectId = Strings(r, name, false); return true;
                    case "subjects.kind": subjectKind = Strings(r, name, true); return true;
                    case "subjects.name": subjectName = Strings(r, name, false); return true;
                    case "subjects.department": subjectDepartment = Strings(r, name, true); return true;
                    default: return false;
                }
            }

            private bool ReadMonths(XmlDictionaryReader r, string name)
            {
                switch (name)
                {
                    case "months.month": mMonth = Ints(r, name); return true;
                    case "months.subject": mSubject = Ints(r, name); return true;
                    case "months.base": mBase = Decimals(r, name); return true;
                    case "months.bonus": mBonus = Decimals(r, name); return true;
                    case "months.total": mTotal = Decimals(r, name); return true;
                    case "months.grade": mGrade = Ints(r, name); return true;
                    default: return false;
                }
            }

            private bool ReadCategories(XmlDictionaryReader r, string name)
            {
                switch (name)
                {
                    case "categories.month": cMonth = Ints(r, name); return true;
                    case "categories.subject": cSubject = Ints(r, name); return true;
                    case "categories.category": cCategory = Ints(r, name); return true;
                    case "categories.points": cPoints = Decimals(r, name); return true;
                    case "categories.score": cScore = Decimals(r, name); return true;
                    default: return false;
                }
            }

            private bool ReadPeriods(XmlDictionaryReader r, string name)
            {
                switch (name)
                {
                    case "periods.period": pPeriod = Strings(r, name, true); return true;
                    case "periods.subject": pSubject = Ints(r, name); return true;
                    case "periods.score": pScore = Decimals(r, name); return true;
                    case "periods.grade": pGrade = Ints(r, name); return true;
                    case "periods.rank": pRank = Ints(r, name); return true;
                    case "periods.department_rank": pDepartmentRank = Ints(r, name); return true;
                    case "periods.months_evaluated": pMonthsEvaluated = Ints(r, name); return true;
                    case "periods.deductions": pDeductions = Decimals(r, name); return true;
                    case "periods.bonus": pBonus = Decimals(r, name); return true;
                    case "periods.complaints": pComplaints = Ints(r, name); return true;
                    default: return false;
                }
            }

            private bool ReadStandings(XmlDictionaryReader r, string name)
            {
                switch (name)
                {
                    case "standings.period": sPeriod = Strings(r, name, true); return true;
                    case "standings.award": sAward = Ints(r, name); return true;
                    case "standings.subject": sSubject = Ints(r, name); return true;
                    case "standings.rank": sRank = Ints(r, name); return true;
                    case "standings.score": sScore = Decimals(r, name); return true;
                    case "standings.status": sStatus = Strings(r, name, true); return true;
                    default: return false;
                }
            }

            private static string Str(XmlDictionaryReader r, string name)
            {
                if ((r.GetAttribute("type") ?? "string") != "string") throw Bad("\"" + name + "\" is not a string");
                return r.ReadElementContentAsString();
            }

            private static int Int(XmlDictionaryReader r, string name)
            {
                if (r.GetAttribute("type") != "number") throw Bad("\"" + name + "\" is not an integer");
                string s = r.ReadElementContentAsString();
                int v;
                if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v)) throw Bad("\"" + name + "\" holds " + s + ", not an integer");
                return v;
            }

            private static void Open(XmlDictionaryReader r, string name)
            {
                if (r.GetAttribute("type") != "array") throw Bad("\"" + name + "\" is not an array");
            }

            private static int[] Ints(XmlDictionaryReader r, string name)
            {
                Open(r, name);
                var a = new List<int>(256);
                if (r.IsEmptyElement) { r.Read(); return a.ToArray(); }
                r.Read();
                while (Next(r)) a.Add(Int(r, name));
                return a.ToArray();
            }

            // Exact decimals from the JSON strings (numbers too), with the invariant culture; never through double.
            private static decimal[] Decimals(XmlDictionaryReader r, string name)
            {
                Open(r, name);
                var a = new List<decimal>(256);
                if (r.IsEmptyElement) { r.Read(); return a.ToArray(); }
                r.Read();
                while (Next(r))
                {
                    string t = r.GetAttribute("type") ?? "string";
                    if (t != "string" && t != "number") throw Bad("\"" + name + "\" holds a " + t + ", not a decimal");
                    string s = r.ReadElementContentAsString();
                    decimal d;
                    if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                            CultureInfo.InvariantCulture, out d))
                        throw Bad("\"" + name + "\" holds " + s + ", not a decimal");
                    a.Add(d);
                }
                return a.ToArray();
            }

            // once: repeated values (period labels, codes) kept as one string each.
            private string[] Strings(XmlDictionaryReader r, string name, bool once)
            {
                Open(r, name);
                var a = new List<string>(256);
                if (r.IsEmptyElement) { r.Read(); return a.ToArray(); }
                r.Read();
                while (Next(r))
                {
                    string s = Str(r, name);
                    if (once)
                    {
                        string kept;
                        if (labels.TryGetValue(s, out kept)) s = kept; else labels[s] = s;
                    }
                    a.Add(s);
                }
                return a.ToArray();
            }

            // ------------------------------------------------------------ checks and the result

            internal HallYearColumns Build()
            {
                if (format == null) throw Bad("no \"format\": not " + FormatName);
                Need(policy, "policy");
                Need(hall, "hall");
                if (year == null) throw Bad("no \"year\" in the columns");
                Need(texts, "texts");
                int subjects = Same("subjects", Need(subjectId, "subjects.id"), Need(subjectKind, "subjects.kind"),
                    Need(subjectName, "subjects.name"), Need(subjectDepartment, "subjects.department"));
                Same("months", Need(mMonth, "months.month"), Need(mSubject, "months.subject"), Need(mBase, "months.base"),
                    Need(mBonus, "months.bonus"), Need(mTotal, "months.total"), Need(mGrade, "months.grade"));
                Same("categories", Need(cMonth, "categories.month"), Need(cSubject, "categories.subject"),
                    Need(cCategory, "categories.category"), Need(cPoints, "categories.points"), Need(cScore, "categories.score"));
                Same("periods", Need(pPeriod, "periods.period"), Need(pSubject, "periods.subject"), Need(pScore, "periods.score"),
                    Need(pGrade, "periods.grade"), Need(pRank, "periods.rank"), Need(pDepartmentRank, "periods.department_rank"),
                    Need(pMonthsEvaluated, "periods.months_evaluated"), Need(pDeductions, "periods.deductions"),
                    Need(pBonus, "periods.bonus"), Need(pComplaints, "periods.complaints"));
                Same("standings", Need(sPeriod, "standings.period"), Need(sAward, "standings.award"), Need(sSubject, "standings.subject"),
                    Need(sRank, "standings.rank"), Need(sScore, "standings.score"), Need(sStatus, "standings.status"));
                Below(mSubject, subjects, "months.subject");
                Below(cSubject, subjects, "categories.subject");
                Below(pSubject, subjects, "periods.subject");
                Below(sSubject, subjects, "standings.subject");
                Below(mGrade, texts.Length, "months.grade");
                Below(cCategory, texts.Length, "categories.category");
                Below(pGrade, texts.Length, "periods.grade");
                Below(sAward, texts.Length, "standings.award");
                foreach (int m in mMonth) if (m < 1 || m > 12) throw Bad("months.month holds " + m);
                foreach (int m in cMonth) if (m < 1 || m > 12) throw Bad("categories.month holds " + m);

                var kinds = new SubjectKind[subjects];
                for (int i = 0; i < subjects; i++)
                {
                    SubjectKind k;
                    if (!Codes.Subject.TryGetValue(subjectKind[i], out k)) throw Bad("subjects.kind holds unknown " + subjectKind[i]);
                    kinds[i] = k;
                }
                var status = new AwardStatus[sStatus.Length];
                for (int i = 0; i < sStatus.Length; i++)
                {
                    AwardStatus s;
                    if (!Codes.Award.TryGetValue(sStatus[i], out s)) throw Bad("standings.status holds unknown " + sStatus[i]);
                    status[i] = s;
                }

                var c = new HallYearColumns { Policy = policy, Hall = hall, Year = year.Value, Texts = View(texts) };
                c.Subjects = new ColumnSubjects(subjectId, kinds, subjectName, subjectDepartment);
                c.Months = new MonthColumns(c, mMonth, mSubject, mBase, mBonus, mTotal, mGrade);
                c.Categories = new CategoryColumns(c, cMonth, cSubject, cCategory, cPoints, cScore);
                c.Periods = new PeriodColumns(c, pPeriod, pSubject, pScore, pGrade, pRank, pDepartmentRank, pMonthsEvaluated,
                    pDeductions, pBonus, pComplaints);
                c.Standings = new StandingColumns(c, sPeriod, sAward, sSubject, sRank, sScore, status);
                return c;
            }

            private static T Need<T>(T column, string name) where T : class
            {
                if (column == null) throw Bad("no \"" + name + "\" in the columns");
                return column;
            }

            private static int Same(string table, params Array[] columns)
            {
                int n = columns[0].Length;
                foreach (Array c in columns)
                    if (c.Length != n) throw Bad("the columns of \"" + table + "\" differ in length");
                return n;
            }

            private static void Below(int[] column, int limit, string name)
            {
                foreach (int v in column)
                    if (v >= limit) throw Bad(name + " holds " + v + ", beyond its table of " + limit);
            }

            private static FormatException Bad(string what)
            {
                return new FormatException("kaoping columns: " + what);
            }
        }

        internal static IReadOnlyList<T> View<T>(T[] a)
        {
            return new ReadOnlyCollection<T>(a);
        }
    }

    /// <summary>A window or staff member of <see cref="HallYearColumns.Subjects"/>.</summary>
    public sealed class ColumnSubject
    {
        internal ColumnSubject(int index, string id, SubjectKind kind, string name, string department)
        {
            Index = index;
            Id = id;
            Kind = kind;
            Name = name;
            Department = department;
        }

        /// <summary>Its index in the subjects table, as the tables' Subject columns hold it.</summary>
        public int Index { get; private set; }
        public string Id { get; private set; }
        public SubjectKind Kind { get; private set; }
        /// <summary>The name from the dataset's roster.</summary>
        public string Name { get; private set; }
        public string Department { get; private set; }

        public override string ToString() { return Id + " " + Name; }
    }

    /// <summary>The subjects table: each window and staff member once.</summary>
    public sealed class ColumnSubjects
    {
        private readonly ColumnSubject[] rows;
        private readonly Dictionary<string, int> at;

        internal ColumnSubjects(string[] id, SubjectKind[] kind, string[] name, string[] department)
        {
            rows = new ColumnSubject[id.Length];
            at = new Dictionary<string, int>(id.Length, StringComparer.Ordinal);
            for (int i = 0; i < id.Length; i++)
            {
                rows[i] = new ColumnSubject(i, id[i], kind[i], name[i], department[i]);
                at[id[i]] = i;
            }
            Id = HallYearColumns.View(id);
            Kind = HallYearColumns.View(kind);
            Name = HallYearColumns.View(name);
            Department = HallYearColumns.View(department);
            All = HallYearColumns.View(rows);
        }

        public int Count { get { return rows.Length; } }
        /// <summary>The subject at an index of a Subject column.</summary>
        public ColumnSubject this[int index] { get { return rows[index]; } }
        public IReadOnlyList<string> Id { get; private set; }
        public IReadOnlyList<SubjectKind> Kind { get; private set; }
        public IReadOnlyList<string> Name { get; private set; }
        public IReadOnlyList<string> Department { get; private set; }
        /// <summary>Every subject, in table order.</summary>
        public IReadOnlyList<ColumnSubject> All { get; private set; }

        /// <summary>The index of a subject's id, or -1.</summary>
        public int IndexOf(string id)
        {
            int i;
            return id != null && at.TryGetValue(id, out i) ? i : -1;
        }
    }

    /// <summary>What every table of <see cref="HallYearColumns"/> has: a row count and a subject per row.</summary>
    public abstract class ColumnTable
    {
        internal readonly HallYearColumns Owner;
        private readonly int[] subject;

        internal ColumnTable(HallYearColumns owner, int[] subject)
        {
            Owner = owner;
            this.subject = subject;
            Subject = HallYearColumns.View(subject);
        }

        /// <summary>The number of rows.</summary>
        public int Count { get { return subject.Length; } }
        /// <summary>Each row's subject, as an index into <see cref="HallYearColumns.Subjects"/>.</summary>
        public IReadOnlyList<int> Subject { get; private set; }

        /// <summary>The row's subject.</summary>
        public ColumnSubject SubjectOf(int row) { return Owner.Subjects[subject[row]]; }
    }

    /// <summary>One row per subject evaluated in a month: base, bonus, total and grade.</summary>
    public sealed class MonthColumns : ColumnTable
    {
        internal MonthColumns(HallYearColumns owner, int[] month, int[] subject, decimal[] bas, decimal[] bonus, decimal[] total, int[] grade)
            : base(owner, subject)
        {
            Month = HallYearColumns.View(month);
            Base = HallYearColumns.View(bas);
            Bonus = HallYearColumns.View(bonus);
            Total = HallYearColumns.View(total);
            Grade = HallYearColumns.View(grade);
        }

        /// <summary>The month, 1 to 12.</summary>
        public IReadOnlyList<int> Month { get; private set; }
        public IReadOnlyList<decimal> Base { get; private set; }
        public IReadOnlyList<decimal> Bonus { get; private set; }
        /// <summary>Base + bonus.</summary>
        public IReadOnlyList<decimal> Total { get; private set; }
        /// <summary>The grade, as an index into <see cref="HallYearColumns.Texts"/>.</summary>
        public IReadOnlyList<int> Grade { get; private set; }

        /// <summary>The row's month with the year, like 2026-10.</summary>
        public YearMonth YearMonthOf(int row) { return new YearMonth(Owner.Year, Month[row]); }
        /// <summary>The row's grade, like 优秀.</summary>
        public string GradeOf(int row) { return Owner.Texts[Grade[row]]; }
    }

    /// <summary>One row per category (bonus categories too) of a subject-month: points lost or won, and the score.</summary>
    public sealed class CategoryColumns : ColumnTable
    {
        internal CategoryColumns(HallYearColumns owner, int[] month, int[] subject, int[] category, decimal[] points, decimal[] score)
            : base(owner, subject)
        {
            Month = HallYearColumns.View(month);
            Category = HallYearColumns.View(category);
            Points = HallYearColumns.View(points);
            Score = HallYearColumns.View(score);
        }

        public IReadOnlyList<int> Month { get; private set; }
        /// <summary>The category's code, as an index into <see cref="HallYearColumns.Texts"/>.</summary>
        public IReadOnlyList<int> Category { get; private set; }
        public IReadOnlyList<decimal> Points { get; private set; }
        public IReadOnlyList<decimal> Score { get; private set; }

        /// <summary>The row's category code, like W2 or WB.</summary>
        public string CategoryOf(int row) { return Owner.Texts[Category[row]]; }
    }

    /// <summary>One row per subject of each period: score, grade, ranks, deductions, bonus and complaints.</summary>
    public sealed class PeriodColumns : ColumnTable
    {
        internal PeriodColumns(HallYearColumns owner, string[] period, int[] subject, decimal[] score, int[] grade, int[] rank,
            int[] departmentRank, int[] monthsEvaluated, decimal[] deductions, decimal[] bonus, int[] complaints)
            : base(owner, subject)
        {
            Period = HallYearColumns.View(period);
            Score = HallYearColumns.View(score);
            Grade = HallYearColumns.View(grade);
            Rank = HallYearColumns.View(rank);
            DepartmentRank = HallYearColumns.View(departmentRank);
            MonthsEvaluated = HallYearColumns.View(monthsEvaluated);
            Deductions = HallYearColumns.View(deductions);
            Bonus = HallYearColumns.View(bonus);
            Complaints = HallYearColumns.View(complaints);
        }

        /// <summary>The period, like 2026-Q3 or 2026.</summary>
        public IReadOnlyList<string> Period { get; private set; }
        public IReadOnlyList<decimal> Score { get; private set; }
        public IReadOnlyList<int> Grade { get; private set; }
        public IReadOnlyList<int> Rank { get; private set; }
        public IReadOnlyList<int> DepartmentRank { get; private set; }
        public IReadOnlyList<int> MonthsEvaluated { get; private set; }
        public IReadOnlyList<decimal> Deductions { get; private set; }
        public IReadOnlyList<decimal> Bonus { get; private set; }
        public IReadOnlyList<int> Complaints { get; private set; }

        public string GradeOf(int row) { return Owner.Texts[Grade[row]]; }
    }

    /// <summary>One row per participant of each award of each period: rank, score and status.</summary>
    public sealed class StandingColumns : ColumnTable
    {
        internal StandingColumns(HallYearColumns owner, string[] period, int[] award, int[] subject, int[] rank, decimal[] score, AwardStatus[] status)
            : base(owner, subject)
        {
            Period = HallYearColumns.View(period);
            Award = HallYearColumns.View(award);
            Rank = HallYearColumns.View(rank);
            Score = HallYearColumns.View(score);
            Status = HallYearColumns.View(status);
        }

        public IReadOnlyList<string> Period { get; private set; }
        /// <summary>The award's id, as an index into <see cref="HallYearColumns.Texts"/>.</summary>
        public IReadOnlyList<int> Award { get; private set; }
        public IReadOnlyList<int> Rank { get; private set; }
        public IReadOnlyList<decimal> Score { get; private set; }
        public IReadOnlyList<AwardStatus> Status { get; private set; }

        /// <summary>The row's award id, like model_window.</summary>
        public string AwardOf(int row) { return Owner.Texts[Award[row]]; }
    }
}
