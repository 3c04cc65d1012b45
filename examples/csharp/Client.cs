// A client of the Kaoping .NET library (dotnet/Kaoping): scores the sample hall, checks the JSON
// bytes and the typed results against the kaoping command's output, prints October's top windows,
// and exercises the error path, 8 threads, the library's double-free detection and a disposed engine.
//
//   mono KaopingClient.exe DATASET FIXTURES_DIR BAD_DATASET
//
// FIXTURES_DIR holds month-2026-10.json, period-2026-10.json, period-2026-Q3.json and awards-2026.json
// (`kaoping … --format json --lang en`, as scripts/test_ffi.sh and dotnet/test.sh write them). Exit 0
// only when every check holds; the last line is "N passed, M failed".
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Kaoping;

internal static class Client
{
    private static int passed;
    private static int failed;

    private sealed class CheckFailed : Exception
    {
        public CheckFailed(string message) : base(message) { }
    }

    // Two entry points declared here only to show that the library detects a double free.
    [DllImport("kaoping", CallingConvention = CallingConvention.Cdecl)]
    private static extern KpStatus kp_schema(byte[] name, out IntPtr output, out UIntPtr outputLen);

    [DllImport("kaoping", CallingConvention = CallingConvention.Cdecl)]
    private static extern KpStatus kp_string_free(IntPtr s);

    private static void Require(bool ok, string why)
    {
        if (!ok) throw new CheckFailed(why);
    }

    private static void Check(string what, Func<string> body)
    {
        try
        {
            string detail = body();
            passed++;
            Console.WriteLine("ok: " + what + (string.IsNullOrEmpty(detail) ? "" : " (" + detail + ")"));
        }
        catch (Exception e)
        {
            failed++;
            Console.WriteLine("FAIL: " + what + ": " + (e is CheckFailed ? e.Message : e.GetType().Name + ": " + e.Message));
        }
    }

    private static KaopingException Throws(Action call)
    {
        try { call(); }
        catch (KaopingException e) { return e; }
        throw new CheckFailed("no KaopingException");
    }

    // The command prints one final newline; the library returns the JSON without it.
    private static string SameBytes(string got, string fixture)
    {
        byte[] want = File.ReadAllBytes(fixture);
        int n = want.Length > 0 && want[want.Length - 1] == (byte)'\n' ? want.Length - 1 : want.Length;
        byte[] g = new UTF8Encoding(false).GetBytes(got);
        Require(g.Length == n, g.Length + " bytes, the core's has " + n);
        for (int i = 0; i < n; i++) Require(g[i] == want[i], "first difference at byte " + i);
        return n + " bytes equal the core's";
    }

    private static int Main(string[] args)
    {
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true });
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: mono KaopingClient.exe DATASET FIXTURES_DIR BAD_DATASET");
            return 2;
        }
        try
        {
            Run(Dataset.FromFile(args[0]), args[1], args[2]);
        }
        catch (Exception e)
        {
            // Outside any check: the library not found, an engine not created.
            failed++;
            Console.WriteLine("FAIL: " + e.GetType().Name + ": " + e.Message);
        }
        Console.WriteLine("{0} passed, {1} failed", passed, failed);
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static void Run(Dataset dataset, string fixtures, string bad)
    {
        Console.WriteLine("kaoping {0} (ABI {1})", Engine.Version, Engine.AbiVersion);
        Check("ABI version", () =>
        {
            Require(Engine.AbiVersion == Engine.ExpectedAbiVersion, "library ABI " + Engine.AbiVersion);
            return "ABI " + Engine.AbiVersion;
        });

        Engine engine = Engine.Builtin();
        using (engine)
        {
            // The JSON, byte for byte against the core's.
            Check("2026-10 month result", () => SameBytes(engine.EvaluateJson(dataset, "2026-10"), Path.Combine(fixtures, "month-2026-10.json")));
            Check("2026-10 period result", () => SameBytes(engine.EvaluatePeriodJson(dataset, "2026-10"), Path.Combine(fixtures, "period-2026-10.json")));
            Check("2026-Q3 period result", () => SameBytes(engine.EvaluatePeriodJson(dataset, "2026-Q3"), Path.Combine(fixtures, "period-2026-Q3.json")));
            Check("2026 awards", () => SameBytes(engine.AwardsJson(dataset, "2026"), Path.Combine(fixtures, "awards-2026.json")));

            // The typed results agree with each other.
            Check("2026-10: month totals are the period's monthly totals", () =>
            {
                MonthResult month = engine.EvaluateMonth(dataset, "2026-10");
                PeriodResult october = engine.EvaluatePeriod(dataset, "2026-10");
                foreach (SubjectPeriod s in october.Windows.Concat(october.Staff))
                    Require(s.Monthly.Single().Total == month.Subject(s.Subject).Total, s.Subject);
                Console.WriteLine("2026-10 top windows:");
                foreach (SubjectPeriod w in october.Windows.Take(5))
                    Console.WriteLine("  {0}. {1} {2} {3}", w.Rank, w.Subject, w.Name, w.Score.ToString(CultureInfo.InvariantCulture));
                return (october.Windows.Count + october.Staff.Count) + " subjects";
            });
            Check("2026 award winners have names and scores", () =>
            {
                IReadOnlyList<AwardResult> awards = engine.Awards(dataset, "2026");
                Require(awards.Count == 2, awards.Count + " award lists");
                foreach (AwardResult a in awards)
                    Require(a.Winners.Count == a.Awarded.Count && a.Winners.All(w => !string.IsNullOrEmpty(w.Name) && w.Status == AwardStatus.Awarded), a.Award);
                return string.Join("; ", awards.Select(a => a.Award + ": " + string.Join(", ", a.Winners.Select(w => w.Name))));
            });
            Check("the year result and an explanation", () =>
            {
                YearResult year = engine.EvaluateYear(dataset);
                Require(year.Months.Count == 12 && year.Month(12) != null, "year result lacks 2026-12");
                string text = engine.Explain(dataset, "W26", "2026-10");
                Require(text.Contains("W26"), "explanation does not name W26");
                return year.Months.Sum(m => m.Records.Count) + " records, " + Encoding.UTF8.GetByteCount(text) + " bytes of explanation";
            });

            // The error path.
            Check("bad dataset rejected with KP_INVALID_INPUT", () =>
            {
                KaopingException e = Throws(() => engine.Validate(bad));
                Require(e.Status == KpStatus.InvalidInput, "status " + (int)e.Status);
                Problem first = e.Problems.FirstOrDefault(p => p.Record == "BAD-0001");
                Require(first != null && first.Path == "records[0].points", "problems: " + string.Join("; ", e.Problems));
                Require(e.Problems.Any(p => p.Record == "BAD-0002") && e.Problems.Any(p => p.Record == "BAD-0003"), "not every bad record reported");
                return string.Format("status {0}, {1} problems, first: {2}", (int)e.Status, e.Problems.Count, first);
            });
            Check("invalid period gives KP_INVALID_ARGUMENT", () =>
            {
                KaopingException e = Throws(() => engine.EvaluateMonth(dataset, "2026-13"));
                Require(e.Status == KpStatus.InvalidArgument, "status " + (int)e.Status);
                Require(e.Problems.Count == 1 && e.Problems[0].Path == "period", "problems: " + string.Join("; ", e.Problems));
                return "status " + (int)e.Status + ": " + e.Problems[0].Message;
            });
            Check("unknown subject and schema give KP_INVALID_ARGUMENT", () =>
            {
                Require(Throws(() => engine.Explain(dataset, "W999", "2026-10")).Status == KpStatus.InvalidArgument, "explain W999");
                Require(Throws(() => Engine.Schema("nope")).Status == KpStatus.InvalidArgument, "schema nope");
                Require(Engine.Schema("dataset").StartsWith("{"), "dataset schema");
                return null;
            });
            Check("bad policy rejected with KP_INVALID_INPUT", () =>
            {
                KaopingException e = Throws(() => Engine.FromPolicyJson("{\"id\": 1"));
                Require(e.Status == KpStatus.InvalidInput && e.Document == "policy", "status " + (int)e.Status + ", document " + e.Document);
                return e.Problems.Count > 0 ? e.Problems[0].ToString() : null;
            });

            // One engine, 8 threads at once.
            Check("8 threads on one engine agree", () =>
            {
                string want = engine.EvaluateJson(dataset, "2026-10");
                var got = new string[8];
                Parallel(8, k => got[k] = engine.EvaluateJson(dataset, "2026-10"));
                Require(got.All(g => g == want), "a thread's result differs");
                return "8 equal results";
            });
            Check("errors are per thread", () =>
            {
                var got = new KaopingException[8];
                Parallel(8, k => got[k] = Throws(() => { if (k % 2 == 0) engine.Validate(bad); else engine.EvaluatePeriod(dataset, "2026-Q5"); }));
                for (int k = 0; k < 8; k++)
                    Require(k % 2 == 0
                        ? got[k].Status == KpStatus.InvalidInput && got[k].Problems.Any(p => p.Record == "BAD-0001")
                        : got[k].Status == KpStatus.InvalidArgument && got[k].Problems.All(p => p.Path == "period"), "thread " + k + ": " + got[k].Message);
                return null;
            });

            // Ownership: the library detects a double free of its strings.
            Check("double free of a string is detected", () =>
            {
                IntPtr s;
                UIntPtr n;
                Require(kp_schema(Encoding.UTF8.GetBytes("errors\0"), out s, out n) == KpStatus.Ok, "schema");
                Require(kp_string_free(s) == KpStatus.Ok, "first free");
                KpStatus again = kp_string_free(s);
                Require(again == KpStatus.InvalidHandle, "second free gave " + again);
                return "status " + (int)again;
            });
        } // Dispose
        Check("a disposed engine is refused", () =>
        {
            try { engine.EvaluateMonth(dataset, "2026-10"); }
            catch (ObjectDisposedException) { return null; }
            throw new CheckFailed("no ObjectDisposedException");
        });
    }

    private static void Parallel(int n, Action<int> body)
    {
        var errors = new Exception[n];
        var start = new Barrier(n);
        var threads = Enumerable.Range(0, n).Select(k => new Thread(() =>
        {
            try { start.SignalAndWait(); body(k); }
            catch (Exception e) { errors[k] = e; }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        foreach (Exception e in errors) if (e != null) throw e;
    }
}
