// (a) Small halls built by hand; every expected figure is computed from rules.md (the
// arithmetic is beside each assertion), none copied from the program's output.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Kaoping.Tests
{
    internal static class HandBuiltTests
    {
        // JSON written with single quotes for readability.
        internal static string J(string s) { return s.Replace('\'', '"'); }

        internal static string Rec(string id, string rule, string subject, string date, string extra = "")
        {
            return J("{'id': '" + id + "', 'rule': '" + rule + "', 'subject': '" + subject + "', 'date': '" + date + "'" +
                (extra.Length > 0 ? ", " + extra : "") + "}");
        }

        /// <summary>One window W (head P all year) and one staff member P on W all year; no metrics.</summary>
        internal static Dataset OneWindow(params string[] records)
        {
            return Dataset.FromJson(J(
                "{'hall': {'id': 'H', 'name': '县政务服务大厅'}, 'year': 2026," +
                " 'departments': [{'id': 'D', 'name': '某局'}]," +
                " 'windows': [{'id': 'W', 'name': '窗口', 'department': 'D', 'heads': [{'staff': 'P'}]}]," +
                " 'staff': [{'id': 'P', 'name': '甲', 'assignments': [{'window': 'W'}]}]," +
                " 'metrics': [], 'targets': {}, 'records': [") + string.Join(", ", records) + "]}");
        }

        /// <summary>n windows W01… (department D1 or D2), each with staff S01… as its head all year.</summary>
        internal static Dataset Hall(int n, params string[] records)
        {
            var w = new List<string>();
            var s = new List<string>();
            for (int i = 1; i <= n; i++)
            {
                string k = i.ToString("D2");
                w.Add(J("{'id': 'W" + k + "', 'name': '窗口" + i + "', 'department': '" + (i % 2 == 0 ? "D2" : "D1") + "', 'heads': [{'staff': 'S" + k + "'}]}"));
                s.Add(J("{'id': 'S" + k + "', 'name': '员工" + i + "', 'assignments': [{'window': 'W" + k + "'}]}"));
            }
            return Dataset.FromJson(J("{'hall': {'id': 'H', 'name': '测试大厅'}, 'year': 2026," +
                " 'departments': [{'id': 'D1', 'name': '一局'}, {'id': 'D2', 'name': '二局'}], 'windows': [") +
                string.Join(", ", w) + "], \"staff\": [" + string.Join(", ", s) + "], \"records\": [" + string.Join(", ", records) + "]}");
        }

        internal static void Run()
        {
            using (Engine e = Engine.Builtin())
            {
                Runner.Check("C1: no records, everyone 100", () =>
                {
                    MonthResult r = e.EvaluateMonth(OneWindow(), "2026-10");
                    // staff: 20 + 20 + 30 + 10 + 20 = 100; window: 15 + 15 + 15 + 25 + 10 + 20 = 100
                    T.Eq(100m, r.Subject("P").Total, "P total");
                    T.Eq(100m, r.Subject("P").Categories.Sum(c => c.Max), "P category maxima");
                    T.Eq(100m, r.Subject("W").Total, "W total");
                    T.Eq(0m, r.Subject("W").Bonus, "W bonus");
                    T.Eq(SubjectKind.Staff, r.Subject("P").Kind, "P kind");
                    T.Eq("甲", r.Subject("P").Name, "P name");
                });

                Runner.Check("S1.1: 10 min −1, 45 min −2; W2 derived", () =>
                {
                    MonthResult r = e.EvaluateMonth(OneWindow(
                        Rec("r1", "S1.1", "P", "2026-10-05", "'minutes': 10"),
                        Rec("r2", "S1.1", "P", "2026-10-06", "'minutes': 45")), "2026-10");
                    // S1.1 10 min → −1 (C6: not more than 30); 45 min → −2; S1 = 20 − 1 − 2 = 17
                    T.Eq(17m, r.Subject("P").Category("S1").Score, "P S1");
                    // 100 − 3 = 97
                    T.Eq(97m, r.Subject("P").Total, "P total");
                    T.Eq(1m, r.Record("r1").Points, "r1 points");
                    T.Eq(2m, r.Record("r2").Points, "r2 points");
                    T.Eq(new DateTime(2026, 10, 6), r.Record("r2").Date, "r2 date");
                    T.Eq(OutcomeKind.Counted, r.Record("r2").Outcome, "r2 outcome");
                    // W2 = 17 / 20 × 15 = 12.75; window total 100 − (15 − 12.75) = 97.75
                    T.Eq(12.75m, r.Subject("W").Category("W2").Score, "W W2");
                    T.Eq(97.75m, r.Subject("W").Total, "W total");
                });

                Runner.Check("S2.3 3.5 points (E11) and W3 rounded half away from zero (C11)", () =>
                {
                    MonthResult r = e.EvaluateMonth(OneWindow(Rec("q", "S2.3", "P", "2026-10-05", "'points': '3.5'")), "2026-10");
                    // S2 = 20 − 3.5 = 16.5; P total 100 − 3.5 = 96.5
                    T.Eq(16.5m, r.Subject("P").Category("S2").Score, "P S2");
                    T.Eq(96.5m, r.Subject("P").Total, "P total");
                    // W3 = 16.5 / 20 × 15 = 12.375 → 12.38; window total 100 − 15 + 12.38 = 97.38
                    T.Eq(12.38m, r.Subject("W").Category("W3").Score, "W W3");
                    T.Eq(97.38m, r.Subject("W").Total, "W total");
                });

                Runner.Check("SB.1 yearly cap of +2: 4 of 5 counted", () =>
                {
                    MonthResult r = e.EvaluateMonth(OneWindow(Rec("b", "SB.1", "P", "2026-03-05", "'count': 5")), "2026-03");
                    // SB.1 +0.5 each, at most +2 a year: 0.5 × 4 = 2 (E6: occurrences one by one, 4 of 5 count)
                    T.Eq(2m, r.Subject("P").Bonus, "P bonus");
                    // 100 + 2 = 102
                    T.Eq(102m, r.Subject("P").Total, "P total");
                    RecordOutcome o = r.Record("b");
                    T.Eq(5, o.Occurrences, "occurrences");
                    T.Eq(4, o.CountedOccurrences, "counted occurrences");
                    T.Eq(OutcomeKind.PartlyCounted, o.Outcome, "outcome");
                    T.Eq((Reason?)Reason.YearCap, o.Reason, "reason");
                });

                Runner.Check("rules.md worked example 1: W2 with a mover", () =>
                {
                    var ds = Dataset.FromJson(J(
                        "{'hall': {'id': 'H', 'name': '县政务服务大厅'}, 'year': 2026, 'departments': [{'id': 'D', 'name': '某局'}]," +
                        " 'windows': [{'id': 'K', 'name': '窗口K', 'department': 'D', 'heads': [{'staff': 'X'}]}," +
                        "             {'id': 'L', 'name': '窗口L', 'department': 'D', 'heads': [{'staff': 'Z'}]}]," +
                        " 'staff': [{'id': 'X', 'name': 'X', 'assignments': [{'window': 'K'}]}," +
                        "           {'id': 'Y', 'name': 'Y', 'assignments': [{'window': 'L', 'to': '2026-09-10'}, {'window': 'K', 'from': '2026-09-11'}]}," +
                        "           {'id': 'Z', 'name': 'Z', 'assignments': [{'window': 'L'}]}], 'records': [") +
                        Rec("y1", "S1.1", "Y", "2026-09-15", "'minutes': 10") + "," +
                        Rec("y2", "S1.1", "Y", "2026-09-15", "'minutes': 10") + "," +
                        Rec("y3", "S1.1", "Y", "2026-09-15", "'minutes': 10") + "]}");
                    MonthResult r = e.EvaluateMonth(ds, "2026-09");
                    // Y: S1 = 20 − 3 × 1 = 17, total 97
                    T.Eq(17m, r.Subject("Y").Category("S1").Score, "Y S1");
                    T.Eq(97m, r.Subject("Y").Total, "Y total");
                    // K: (30·20 + 20·17) / 50 / 20 · 15 = 18.8 / 20 · 15 = 14.10; total 100 − 0.90 = 99.10
                    T.Eq(14.10m, r.Subject("K").Category("W2").Score, "K W2");
                    T.Eq(99.10m, r.Subject("K").Total, "K total");
                    // L: (30·20 + 10·17) / 40 / 20 · 15 = 14.4375 → 14.44; total 100 − 0.56 = 99.44
                    T.Eq(14.44m, r.Subject("L").Category("W2").Score, "L W2");
                    T.Eq(99.44m, r.Subject("L").Total, "L total");
                    // Y's days: 10 at L (1–10 Sep), 20 at K (11–30 Sep)
                    var links = r.Subject("Y").Links;
                    T.True(links.Any(l => l.Id == "K" && l.Days == 20) && links.Any(l => l.Id == "L" && l.Days == 10), "Y links");
                });

                Runner.Check("rules.md worked example 2: S5.2 and W6.1 over a year, quarters and the year", () =>
                {
                    var ds = Dataset.FromJson(J(
                        "{'hall': {'id': 'H', 'name': '县政务服务大厅'}, 'year': 2026, 'departments': [{'id': 'D', 'name': '某局'}]," +
                        " 'windows': [{'id': 'M', 'name': '窗口M', 'department': 'D', 'heads': [{'staff': 'P'}]}]," +
                        " 'staff': [{'id': 'P', 'name': 'P', 'assignments': [{'window': 'M'}]}, {'id': 'Q', 'name': 'Q', 'assignments': [{'window': 'M'}]}]," +
                        " 'records': [") +
                        Rec("p1", "S5.1", "P", "2026-01-08", "'points': 2") + "," +
                        Rec("q1", "S5.1", "Q", "2026-01-20", "'points': 3") + "," +
                        Rec("p2", "S5.1", "P", "2026-04-02", "'points': 2") + "," +
                        Rec("q2", "S5.1", "Q", "2026-06-03", "'points': 2") + "," +
                        Rec("p3", "S5.1", "P", "2026-06-09", "'points': 4") + "]}");
                    YearResult y = e.EvaluateYear(ds);
                    T.Eq(12, y.Months.Count, "months");
                    // January: W6 = 20 − 2 − 3 = 15, total 95
                    T.Eq(15m, y.Month(1).Subject("M").Category("W6").Score, "Jan W6");
                    T.Eq(95m, y.Month(1).Subject("M").Total, "Jan total");
                    // April: W6 = 20 − 2 = 18, total 98
                    T.Eq(98m, y.Month(4).Subject("M").Total, "Apr total");
                    // June: the year count reaches 2 + 1 + 2 = 5 → W6 = 0 from June on: total 80
                    for (int m = 6; m <= 12; m++) T.Eq(80m, y.Month(m).Subject("M").Total, "total in month " + m);
                    // June: P's third complaint of the year → S5 = 0, flag; Q's second → S5 = 20 − 2 = 18
                    T.Eq(0m, y.Month(6).Subject("P").Category("S5").Score, "P June S5");
                    T.True(y.Month(6).Subject("P").HasFlag("recommend_reassignment"), "P June flag");
                    T.Eq(18m, y.Month(6).Subject("Q").Category("S5").Score, "Q June S5");

                    PeriodResult q1 = e.EvaluatePeriod(ds, "2026-Q1");
                    // Q1 = (95 + 100 + 100) / 3 = 98.333… → 98.33
                    T.Eq(98.33m, q1.Subject("M").Score, "Q1 score");
                    // E8 deductions: Σ (100 − base) = 5 + 0 + 0 = 5; complaints charged to M: p1, q1 = 2
                    T.Eq(5m, q1.Subject("M").Deductions, "Q1 deductions");
                    T.Eq(2, q1.Subject("M").Complaints, "Q1 complaints");
                    T.Eq(PeriodKind.Quarter, q1.Kind, "Q1 kind");
                    T.Eq(3, q1.Subject("M").MonthsEvaluated, "Q1 months evaluated");
                    // Q2 = (98 + 100 + 80) / 3 = 92.666… → 92.67
                    T.Eq(92.67m, e.EvaluatePeriod(ds, "2026-Q2").Subject("M").Score, "Q2 score");
                    // the year counts W6 as 0 in every month: each month total − W6 = 80 → annual 80
                    T.Eq(80m, e.EvaluatePeriod(ds, "2026").Subject("M").Score, "annual score");
                });

                Runner.Check("P2: quarterly mean 298 / 3 = 99.33", () =>
                {
                    PeriodResult r = e.EvaluatePeriod(Hall(1, Rec("r1", "W1.3", "W01", "2026-09-05")), "2026-Q3");
                    // W1.3 −2 in September: (100 + 100 + 98) / 3 = 99.333… → 99.33; E8 deductions 2
                    T.Eq(99.33m, r.Subject("W01").Score, "W01 Q3");
                    T.Eq(2m, r.Subject("W01").Deductions, "W01 deductions");
                    T.Eq(99.33m, r.Departments.Single(d => d.Department == "D1").Indicator.Value, "D1 indicator (P12: its one window)");
                    T.True(r.Departments.Single(d => d.Department == "D2").Indicator == null, "D2 has no windows: no indicator");
                });

                Runner.Check("P4/P5/P8: quotas of 10, ranks, winners with names", () =>
                {
                    var recs = new List<string>();
                    // W02…W10: W1.3 −2 in January → (98 + 100 + 100) / 3 = 99.33; W01 stays 100
                    for (int i = 2; i <= 10; i++) recs.Add(Rec("w" + i, "W1.3", "W" + i.ToString("D2"), "2026-01-05"));
                    // S01: SB.4 +2 in February → (100 + 102 + 100) / 3 = 100.666… → 100.67; the others 100
                    recs.Add(Rec("s1", "SB.4", "S01", "2026-02-10"));
                    Dataset ds = Hall(10, recs.ToArray());
                    PeriodResult r = e.EvaluatePeriod(ds, "2026-Q1");
                    AwardResult mw = r.Award("model_window");
                    // P4: 10% of 10 windows = 1
                    T.Eq(10, mw.Participants, "windows participating");
                    T.Eq(1, mw.Quota, "model window quota");
                    T.Eq("W01", mw.Winners.Single().Subject, "model window");
                    T.Eq("窗口1", mw.Winners.Single().Name, "model window's name");
                    T.Eq(100m, mw.Winners.Single().Score, "model window's score");
                    // P8: the nine others share rank 2
                    T.True(r.Windows.Skip(1).All(w => w.Rank == 2 && w.Score == 99.33m), "W02…W10 at rank 2 with 99.33");
                    AwardResult star = r.Award("service_star");
                    T.Eq(1, star.Quota, "service star quota");
                    T.Eq("S01", star.Winners.Single().Subject, "service star");
                    T.Eq("员工1", star.Winners.Single().Name, "service star's name");
                    T.Eq(100.67m, star.Winners.Single().Score, "service star's score");
                    T.Eq(AwardStatus.Awarded, star.Standings[0].Status, "S01 status");
                    // the award lists alone: names from the dataset's roster
                    IReadOnlyList<AwardResult> lists = e.Awards(ds, "2026-Q1");
                    T.Eq("员工1", lists.Single(a => a.Award == "service_star").Winners.Single().Name, "Awards(): service star's name");
                    T.True(lists.All(a => a.Standings.All(s => s.Name != null)), "every standing has a name");
                });
            }
        }
    }
}
