// (b) The sample hall: every value of the typed results equals the kaoping command's JSON
// (target/dotnet/fixtures, written by dotnet/test.sh with `kaoping … --format json`), compared
// value by value after parsing — decimals as decimals, not text.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

namespace Kaoping.Tests
{
    /// <summary>The expected side: the fixture read into a tree (the same shipped reader, test-side).</summary>
    internal sealed class TJ
    {
        internal string Type; // object, array, string, number, boolean, null
        internal string Text;
        internal List<KeyValuePair<string, TJ>> Fields;
        internal List<TJ> Items;

        internal static TJ Load(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            using (XmlDictionaryReader r = JsonReaderWriterFactory.CreateJsonReader(b, XmlDictionaryReaderQuotas.Max))
            {
                r.MoveToContent();
                return Read(r);
            }
        }

        private static TJ Read(XmlReader r)
        {
            var n = new TJ { Type = r.GetAttribute("type") ?? "string" };
            if (n.Type == "object" || n.Type == "array")
            {
                if (n.Type == "object") n.Fields = new List<KeyValuePair<string, TJ>>(); else n.Items = new List<TJ>();
                if (r.IsEmptyElement) { r.Read(); return n; }
                r.Read();
                while (true)
                {
                    r.MoveToContent();
                    if (r.NodeType == XmlNodeType.EndElement) { r.Read(); return n; }
                    string key = r.LocalName == "item" ? (r.GetAttribute("item") ?? "item") : r.LocalName;
                    TJ v = Read(r);
                    if (n.Fields != null) n.Fields.Add(new KeyValuePair<string, TJ>(key, v)); else n.Items.Add(v);
                }
            }
            if (n.Type == "null") { r.Skip(); return n; }
            n.Text = r.ReadElementContentAsString();
            return n;
        }
    }

    /// <summary>Walks a fixture and the typed object side by side: every field of the fixture must be a
    /// property of the typed object (snake_case → PascalCase) with an equal value.</summary>
    internal sealed class Compare
    {
        internal int Decimals;
        internal int Values;
        private readonly bool numbersOnly;

        internal Compare(bool numbersOnly) { this.numbersOnly = numbersOnly; }

        internal static string Pascal(string snake)
        {
            return string.Concat(snake.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p.Substring(1)));
        }

        internal static string Snake(string pascal)
        {
            var sb = new StringBuilder();
            foreach (char c in pascal)
            {
                if (char.IsUpper(c) && sb.Length > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }

        internal void Value(TJ want, object got, Type type, string path)
        {
            Type under = Nullable.GetUnderlyingType(type) ?? type;
            if (want.Type == "null")
            {
                T.True(got == null, path + ": expected null, got " + got);
                return;
            }
            T.True(got != null, path + ": expected " + (want.Text ?? want.Type) + ", got null");
            Values++;
            if (under == typeof(decimal))
            {
                decimal w = decimal.Parse(want.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                T.True(w == (decimal)got, path + ": expected " + want.Text + ", got " + got);
                Decimals++;
            }
            else if (under == typeof(int))
            {
                T.True(want.Type == "number" && int.Parse(want.Text, CultureInfo.InvariantCulture) == (int)got, path + ": expected " + want.Text + ", got " + got);
            }
            else if (under == typeof(string))
            {
                T.True(want.Type == "string", path + ": a string in the typed result, " + want.Type + " in the fixture");
                if (!numbersOnly) T.True(want.Text == (string)got, path + ": expected \"" + want.Text + "\", got \"" + got + "\"");
            }
            else if (under.IsEnum)
            {
                T.True(Snake(got.ToString()) == want.Text, path + ": expected " + want.Text + ", got " + got);
            }
            else if (under == typeof(YearMonth) || under == typeof(DateTime))
            {
                string g = got is DateTime ? ((DateTime)got).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : got.ToString();
                T.True(g == want.Text, path + ": expected " + want.Text + ", got " + g);
            }
            else if (want.Type == "array")
            {
                var list = ((IEnumerable)got).Cast<object>().ToList();
                T.True(list.Count == want.Items.Count, path + ": " + list.Count + " items, the fixture has " + want.Items.Count);
                Type item = type.GetInterfaces().Concat(new[] { type })
                    .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)).GetGenericArguments()[0];
                for (int i = 0; i < list.Count; i++) Value(want.Items[i], list[i], item, path + "[" + i + "]");
            }
            else if (want.Type == "object")
            {
                foreach (KeyValuePair<string, TJ> f in want.Fields)
                {
                    PropertyInfo p = got.GetType().GetProperty(Pascal(f.Key), BindingFlags.Public | BindingFlags.Instance);
                    T.True(p != null, path + ": the typed " + got.GetType().Name + " has no property for field " + f.Key);
                    Value(f.Value, p.GetValue(got, null), p.PropertyType, path + "." + f.Key);
                }
            }
            else
            {
                throw new TestFailed(path + ": cannot compare " + want.Type + " with " + type.Name);
            }
        }

        internal static string Same(string fixture, object typed, bool numbersOnly = false)
        {
            var c = new Compare(numbersOnly);
            c.Value(TJ.Load(Runner.Fixture(fixture)), typed, typed.GetType(), fixture);
            T.True(c.Decimals > 0, "no decimal compared");
            return c.Values + " values, " + c.Decimals + " decimals";
        }
    }

    internal static class SampleTests
    {
        internal static void Run()
        {
            Dataset sample = null;
            Runner.Check("the sample hall reads as a Dataset", () => { sample = Dataset.FromFile(Runner.Sample); });
            if (sample == null) return;

            using (Engine e = Engine.Builtin())
            {
                Same("2026-10 month result = kaoping score --month 2026-10", "month-2026-10.json", () => e.EvaluateMonth(sample, "2026-10"));
                Same("2026-10 period result", "period-2026-10.json", () => e.EvaluatePeriod(sample, "2026-10"));
                Same("2026-Q3 period result", "period-2026-Q3.json", () => e.EvaluatePeriod(sample, "2026-Q3"));
                Same("2026 period result", "period-2026.json", () => e.EvaluatePeriod(sample, "2026"));
                Same("2026-Q3 awards = kaoping awards --period 2026-Q3", "awards-2026-Q3.json", () => e.Awards(sample, "2026-Q3"));
                Same("2026 awards", "awards-2026.json", () => e.Awards(sample, "2026"));
                Same("2026-10 of the year result", "month-2026-10.json", () => e.EvaluateYear(sample).Month(10));

                HallYearResult hy = null;
                Runner.Check("hall-year: month, Q3 and year equal the command's", () =>
                {
                    hy = e.EvaluateHallYear(sample);
                    Console.WriteLine("     " + Compare.Same("month-2026-10.json", hy.Year.Month(10)) + "; " +
                        Compare.Same("period-2026-Q3.json", hy.Quarters[2]) + "; " + Compare.Same("period-2026.json", hy.Annual));
                });
                Runner.Check("hall-year scores-only and compact: every number the same", () =>
                {
                    HallYearResult lean = e.EvaluateHallYear(sample, HallYearOptions.ScoresOnly | HallYearOptions.Compact);
                    Console.WriteLine("     " + Compare.Same("period-2026-Q3.json", lean.Quarters[2], true) + "; " +
                        Compare.Same("period-2026.json", lean.Annual, true));
                    for (int m = 1; m <= 12; m++)
                        foreach (SubjectMonth s in hy.Year.Month(m).Windows.Concat(hy.Year.Month(m).Staff))
                        {
                            SubjectMonth l = lean.Year.Month(m).Subject(s.Subject);
                            T.True(l != null && l.Total == s.Total && l.Base == s.Base && l.Bonus == s.Bonus, s.Subject + " in month " + m);
                        }
                });

                Runner.Check("names in standings equal the period result's names", () =>
                {
                    PeriodResult q3 = e.EvaluatePeriod(sample, "2026-Q3");
                    int n = 0;
                    foreach (AwardResult a in q3.Awards)
                        foreach (Standing s in a.Standings)
                        {
                            SubjectPeriod p = q3.Subject(s.Subject);
                            T.True(p != null && s.Name == p.Name && s.Score == p.Score, a.Award + " " + s.Subject);
                            n++;
                        }
                    foreach (AwardResult a in e.Awards(sample, "2026-Q3"))
                        foreach (Standing s in a.Standings)
                            T.True(s.Name == q3.Subject(s.Subject).Name, "Awards(): " + s.Subject + " named " + s.Name);
                    T.True(n > 100, n + " standings");
                });

                Runner.Check("zh-CN engine: same numbers, Chinese texts (= kaoping --lang zh-CN)", () =>
                {
                    using (Engine zh = e.WithLanguage(Languages.Chinese))
                    {
                        T.Eq("zh-CN", zh.Language, "language");
                        PeriodResult r = zh.EvaluatePeriod(sample, "2026-Q3");
                        Console.WriteLine("     " + Compare.Same("period-2026-Q3.zh-CN.json", r));
                        Console.WriteLine("     " + Compare.Same("period-2026-Q3.json", r, true));
                        T.True(r.Award("model_window").Name == "示范窗口", "award name " + r.Award("model_window").Name);
                    }
                    using (Engine zh2 = Engine.Builtin(Languages.Chinese))
                        T.True(zh2.EvaluatePeriod(sample, "2026-Q3").Award("service_star").Name == "政务之星", "Builtin(zh-CN)");
                });

                Runner.Check("inputs: byte[], Stream, path and JSON text give the same result", () =>
                {
                    byte[] bytes = File.ReadAllBytes(Runner.Sample);
                    decimal a = e.EvaluatePeriod(bytes, "2026-Q3").Windows[0].Score;
                    decimal b;
                    using (var fs = File.OpenRead(Runner.Sample)) b = e.EvaluatePeriod(fs, "2026-Q3").Windows[0].Score;
                    decimal c = e.EvaluatePeriod(Runner.Sample, "2026-Q3").Windows[0].Score;
                    decimal d = e.EvaluatePeriod(Dataset.FromJson(File.ReadAllText(Runner.Sample, Encoding.UTF8)), "2026-Q3").Windows[0].Score;
                    T.True(a == b && b == c && c == d, a + " " + b + " " + c + " " + d);
                    T.Throws<ArgumentException>(() => e.EvaluatePeriod("{\"hall\": 1}", "2026-Q3"), "JSON text given as a path");
                    T.Throws<ArgumentException>(() => e.EvaluateMonth(sample, "2026-Q3"), "EvaluateMonth with a quarter");
                });

                Runner.Check("raw JSON equals the command's bytes", () =>
                {
                    Bytes("month-2026-10.json", e.EvaluateJson(sample, "2026-10"));
                    Bytes("period-2026-Q3.json", e.EvaluatePeriodJson(sample, "2026-Q3"));
                    Bytes("awards-2026.json", e.AwardsJson(sample, "2026"));
                });

                Runner.Check("year result and explanation", () =>
                {
                    YearResult y = e.EvaluateYear(sample);
                    T.Eq(2026, y.Year, "year");
                    T.Eq(12, y.Months.Count, "months");
                    string text = e.Explain(sample, "W26", "2026-10");
                    T.True(text.Contains("W26"), "explanation names W26");
                    T.True(Engine.Schema("period_result").Contains("\"PeriodResult\""), "schema");
                });
            }
        }

        private static void Same(string name, string fixture, Func<object> typed)
        {
            Runner.Check(name, () => Console.WriteLine("     " + Compare.Same(fixture, typed())));
        }

        // The command writes one final newline; the library returns the JSON without it.
        private static void Bytes(string fixture, string got)
        {
            byte[] want = File.ReadAllBytes(Runner.Fixture(fixture));
            int n = want.Length > 0 && want[want.Length - 1] == (byte)'\n' ? want.Length - 1 : want.Length;
            byte[] g = new UTF8Encoding(false).GetBytes(got);
            T.True(g.Length == n && g.SequenceEqual(want.Take(n)), fixture + ": " + g.Length + " bytes, the command's " + n);
        }
    }
}
