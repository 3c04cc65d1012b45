// The hall-year as columns (HallYearOptions.Columns, HallYearColumns) holds the same numbers as the
// typed scores-only hall-year of the sample hall: every subject-month's base, bonus, total, grade
// and categories, every period row's score, grade, ranks, deductions, bonus and complaints, every
// award standing — row for row, in the same order, decimals compared by their invariant text (the
// same digits and scale, not only the same value).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Kaoping.Tests
{
    internal static class ColumnsTests
    {
        private static string Row(params object[] values)
        {
            return string.Join(" ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        }

        private static void Lists(List<string> want, List<string> got, string what)
        {
            T.Eq(want.Count, got.Count, what + ": rows");
            for (int i = 0; i < want.Count; i++)
                if (want[i] != got[i]) throw new TestFailed(what + ": row " + i + ": expected " + want[i] + ", got " + got[i]);
        }

        internal static void Run()
        {
            Dataset sample = Dataset.FromFile(Runner.Sample);
            using (Engine e = Engine.Builtin())
            {
                HallYearResult lean = null;
                HallYearColumns cols = null;
                Runner.Check("columns: the hall-year as columns reads", () =>
                {
                    lean = e.EvaluateHallYear(sample, HallYearOptions.ScoresOnly | HallYearOptions.Compact);
                    cols = e.EvaluateHallYearColumns(sample);
                    Console.WriteLine("     " + cols);
                });
                if (cols == null) return;
                var periods = lean.Quarters.Concat(new[] { lean.Annual }).ToList();

                Runner.Check("columns: header and subjects equal the typed hall-year's", () =>
                {
                    T.Eq(HallYearColumns.FormatName, cols.Format, "format");
                    T.Eq(lean.Year.Policy, cols.Policy, "policy");
                    T.Eq(lean.Year.Hall, cols.Hall, "hall");
                    T.Eq(lean.Year.Year, cols.Year, "year");
                    var want = new List<string>();
                    foreach (MonthResult m in lean.Year.Months)
                        foreach (SubjectMonth s in m.Windows.Concat(m.Staff))
                        {
                            string r = Row(s.Subject, s.Kind, s.Name, s.Department);
                            if (!want.Contains(r)) want.Add(r);
                        }
                    Lists(want, cols.Subjects.All.Select(s => Row(s.Id, s.Kind, s.Name, s.Department)).ToList(), "subjects");
                    T.Eq(150, cols.Subjects.Count, "subjects");
                    foreach (ColumnSubject s in cols.Subjects.All) T.Eq(s.Index, cols.Subjects.IndexOf(s.Id), "index of " + s.Id);
                    T.Eq(-1, cols.Subjects.IndexOf("nobody"), "index of an unknown id");
                    T.True(cols.FindSubject("nobody") == null && cols.FindSubject("W01").Id == "W01", "FindSubject");
                });

                Runner.Check("columns: every subject-month and category equals the typed hall-year's", () =>
                {
                    var want = new List<string>();
                    var wantCategories = new List<string>();
                    foreach (MonthResult m in lean.Year.Months)
                        foreach (SubjectMonth s in m.Windows.Concat(m.Staff))
                        {
                            want.Add(Row(m.Month, s.Subject, s.Base, s.Bonus, s.Total, s.Grade));
                            foreach (CategoryResult c in s.Categories.Concat(s.Bonuses))
                                wantCategories.Add(Row(m.Month, s.Subject, c.Code, c.Points, c.Score));
                        }
                    MonthColumns ms = cols.Months;
                    var got = new List<string>();
                    for (int r = 0; r < ms.Count; r++)
                        got.Add(Row(ms.YearMonthOf(r), ms.SubjectOf(r).Id, ms.Base[r], ms.Bonus[r], ms.Total[r], ms.GradeOf(r)));
                    Lists(want, got, "months");
                    CategoryColumns cs = cols.Categories;
                    var gotCategories = new List<string>();
                    for (int r = 0; r < cs.Count; r++)
                        gotCategories.Add(Row(new YearMonth(cols.Year, cs.Month[r]), cs.SubjectOf(r).Id, cs.CategoryOf(r), cs.Points[r], cs.Score[r]));
                    Lists(wantCategories, gotCategories, "categories");
                    T.Eq(1720, ms.Count, "subject-months");
                    T.True(cs.Count > 6 * 1720, cs.Count + " category rows");
                });

                Runner.Check("columns: every period row equals the typed hall-year's", () =>
                {
                    var want = new List<string>();
                    foreach (PeriodResult p in periods)
                        foreach (SubjectPeriod s in p.Windows.Concat(p.Staff))
                            want.Add(Row(p.Period, s.Subject, s.Score, s.Grade, s.Rank, s.DepartmentRank, s.MonthsEvaluated, s.Deductions, s.Bonus, s.Complaints));
                    PeriodColumns ps = cols.Periods;
                    var got = new List<string>();
                    for (int r = 0; r < ps.Count; r++)
                        got.Add(Row(ps.Period[r], ps.SubjectOf(r).Id, ps.Score[r], ps.GradeOf(r), ps.Rank[r], ps.DepartmentRank[r],
                            ps.MonthsEvaluated[r], ps.Deductions[r], ps.Bonus[r], ps.Complaints[r]));
                    // the sample's policy awards no month: the periods are the four quarters and the year
                    Lists(want, got, "periods");
                    T.Eq("2026-Q1 2026-Q2 2026-Q3 2026-Q4 2026", string.Join(" ", ps.Period.Distinct()), "periods");
                });

                Runner.Check("columns: every standing equals the typed hall-year's", () =>
                {
                    var want = new List<string>();
                    foreach (PeriodResult p in periods)
                        foreach (AwardResult a in p.Awards)
                            foreach (Standing s in a.Standings)
                                want.Add(Row(p.Period, a.Award, s.Subject, s.Rank, s.Score, s.Status));
                    StandingColumns st = cols.Standings;
                    var got = new List<string>();
                    for (int r = 0; r < st.Count; r++)
                        got.Add(Row(st.Period[r], st.AwardOf(r), st.SubjectOf(r).Id, st.Rank[r], st.Score[r], st.Status[r]));
                    Lists(want, got, "standings");
                    T.True(got.Count > 700, got.Count + " standings");
                    var awarded = Enumerable.Range(0, st.Count)
                        .Where(r => st.Period[r] == "2026" && st.AwardOf(r) == "model_window" && st.Status[r] == AwardStatus.Awarded)
                        .Select(r => st.SubjectOf(r).Id);
                    T.Eq(string.Join(",", lean.Annual.Award("model_window").Awarded), string.Join(",", awarded), "the year's model windows");
                });

                Runner.Check("columns: every input form, the JSON methods and Parse agree; the columns are smaller", () =>
                {
                    string want = Digest(cols);
                    T.Eq(want, Digest(e.EvaluateHallYearColumns(Runner.Sample)), "from a path");
                    using (var s = new MemoryStream(File.ReadAllBytes(Runner.Sample)))
                        T.Eq(want, Digest(e.EvaluateHallYearColumns(s)), "from a stream");
                    T.Eq(want, Digest(e.EvaluateHallYearColumns(File.ReadAllBytes(Runner.Sample))), "from bytes");
                    byte[] json = e.EvaluateHallYearUtf8(sample, HallYearOptions.Columns);
                    T.True(Encoding.UTF8.GetString(json).StartsWith("{\"format\":\"kaoping-columns/1\"", StringComparison.Ordinal), "the format comes first");
                    T.Eq(want, Digest(HallYearColumns.Parse(json)), "Parse");
                    T.Eq(Encoding.UTF8.GetString(json), e.EvaluateHallYearJson(sample, HallYearOptions.Columns), "EvaluateHallYearJson(Columns)");
                    byte[] leanJson = e.EvaluateHallYearUtf8(sample, HallYearOptions.ScoresOnly | HallYearOptions.Compact);
                    T.Eq(lean.Annual.Windows[0].Score, HallYearResult.Parse(leanJson).Annual.Windows[0].Score, "HallYearResult.Parse");
                    T.True(json.Length * 6 < leanJson.Length, json.Length + " bytes of columns vs " + leanJson.Length);
                    T.Throws<ArgumentException>(() => e.EvaluateHallYear(sample, HallYearOptions.Columns), "EvaluateHallYear(Columns)");
                });

                Runner.Check("columns: read-only; other JSON is refused", () =>
                {
                    var total = (IList<decimal>)cols.Months.Total;
                    T.Throws<NotSupportedException>(() => total[0] = 0m, "setting a column");
                    var texts = (IList<string>)cols.Texts;
                    T.Throws<NotSupportedException>(() => texts.Add("x"), "adding a text");
                    foreach (string bad in new[] { "{\"year\": {}, \"quarters\": [], \"annual\": {}}", "{\"format\": \"kaoping-columns/2\"}", "[1, 2]" })
                        T.Throws<FormatException>(() => HallYearColumns.Parse(Encoding.UTF8.GetBytes(bad)), bad);
                    string good = e.EvaluateHallYearJson(sample, HallYearOptions.Columns);
                    foreach (string bad in new[] { good.Replace("\"total\":[\"", "\"total\":[\"1\",\""), good.Replace("\"grade\":[0,", "\"grade\":[99,") })
                    {
                        T.True(bad != good, "the JSON was broken");
                        FormatException x = T.Throws<FormatException>(() => HallYearColumns.Parse(Encoding.UTF8.GetBytes(bad)), "a broken table");
                        T.True(x.Message.Contains("months"), x.Message);
                    }
                });
            }
        }

        private static string Digest(HallYearColumns c)
        {
            return c + string.Join(",", c.Months.Total.Select(d => d.ToString(CultureInfo.InvariantCulture)))
                + string.Join(",", c.Categories.Points.Select(d => d.ToString(CultureInfo.InvariantCulture)))
                + string.Join(",", c.Periods.Score.Select(d => d.ToString(CultureInfo.InvariantCulture)))
                + string.Join(",", c.Standings.Status) + string.Join(",", c.Texts);
        }
    }
}
