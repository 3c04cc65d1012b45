// Issue 23's city measure (examples/policies/city.json): the fields only other measures write
// decode into the typed results.
using System;
using System.IO;
using System.Linq;

namespace Kaoping.Tests
{
    internal static class OtherMeasuresTests
    {
        internal static void Run()
        {
            Runner.Check("other measures: a roll-up's score detail and 不定等次 decode", () =>
            {
                // S01 and S02 all year, S03 from September (4 months); S01's year-end appraisal 80
                string ds = "{\"hall\": {\"id\": \"ZZ\", \"name\": \"ZZ市政务服务中心\"}, \"year\": 2026,"
                    + " \"departments\": [{\"id\": \"D1\", \"name\": \"市场监管局\"}],"
                    + " \"windows\": [{\"id\": \"W01\", \"name\": \"W01\", \"department\": \"D1\"}],"
                    + " \"staff\": [{\"id\": \"S01\", \"name\": \"S01\", \"assignments\": [{\"window\": \"W01\"}]},"
                    + " {\"id\": \"S02\", \"name\": \"S02\", \"assignments\": [{\"window\": \"W01\"}]},"
                    + " {\"id\": \"S03\", \"name\": \"S03\", \"assignments\": [{\"window\": \"W01\", \"from\": \"2026-09-01\"}]}],"
                    + " \"records\": [], \"inputs\": [{\"subject\": \"S01\", \"period\": \"2026\", \"name\": \"annual_appraisal\", \"value\": \"80\"}]}";
                string city = Path.Combine(Runner.Repo, "examples", "policies", "city.json");
                using (Engine e = Engine.FromPolicyFile(city))
                {
                    PeriodResult year = e.EvaluatePeriod(Dataset.FromJson(ds), "2026");
                    SubjectPeriod s01 = year.Staff.First(s => s.Subject == "S01");
                    // V9: 0.8 × 1200/12 + 0.2 × 80 = 80 + 16 = 96, and how it was composed
                    T.Eq(96m, s01.Score, "S01 score");
                    T.True(!string.IsNullOrEmpty(s01.ScoreDetail), "S01 score detail");
                    SubjectPeriod s03 = year.Staff.First(s => s.Subject == "S03");
                    // V16: 4 months in post, fewer than the measure's 6: no grade, and why
                    T.Eq("不定等次", s03.Grade, "S03 grade");
                    T.True(!string.IsNullOrEmpty(s03.GradeDetail), "S03 grade detail");
                }
            });
        }
    }
}
