// kaoping from C#: score the sample hall, check the bytes against the core's (the kaoping
// command's output), print October's top windows, exercise the error path and 8 threads.
//
//   mono KaopingClient.exe DATASET FIXTURES_DIR BAD_DATASET
//
// FIXTURES_DIR holds month-2026-10.json, period-2026-10.json, period-2026-Q3.json and
// awards-2026.json as written by scripts/test_ffi.sh. Exit 0 only when every check holds; the last
// line is "N passed, M failed".
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
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

    private static void Require(bool ok, string why)
    {
        if (!ok) throw new CheckFailed(why);
    }

    // Runs one check: it passes when the body returns (its result is printed), fails on any exception.
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
            string why = e is CheckFailed ? e.Message : e.GetType().Name + ": " + e.Message;
            Console.WriteLine("FAIL: " + what + ": " + why);
        }
    }

    // The kaoping command prints one final newline; the library returns the JSON without it.
    private static byte[] Expected(string fixtures, string name)
    {
        byte[] want = File.ReadAllBytes(Path.Combine(fixtures, name));
        int n = want.Length > 0 && want[want.Length - 1] == (byte)'\n' ? want.Length - 1 : want.Length;
        Array.Resize(ref want, n);
        return want;
    }

    private static string SameBytes(string got, byte[] want)
    {
        byte[] g = Encoding.UTF8.GetBytes(got);
        Require(g.Length == want.Length, string.Format("{0} bytes, the core's has {1}", g.Length, want.Length));
        for (int i = 0; i < g.Length; i++)
            Require(g[i] == want[i], "first difference at byte " + i);
        return g.Length + " bytes equal the core's";
    }

    private static KaopingException Throws(Action call)
    {
        try
        {
            call();
        }
        catch (KaopingException e)
        {
            return e;
        }
        throw new CheckFailed("no KaopingException");
    }

    private static int Main(string[] args)
    {
        // UTF-8 without a BOM (setting Console.OutputEncoding would write one).
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true });
        Console.SetError(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true });
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: mono KaopingClient.exe DATASET FIXTURES_DIR BAD_DATASET");
            return 2;
        }
        string dataset = File.ReadAllText(args[0], Encoding.UTF8);
        string fixtures = args[1];
        string bad = File.ReadAllText(args[2], Encoding.UTF8);

        try
        {
            Run(dataset, fixtures, bad);
        }
        catch (Exception e)
        {
            // A failure outside any check (the library not found, an engine not created).
            failed++;
            Console.WriteLine("FAIL: " + e.GetType().Name + ": " + e.Message);
        }
        Console.WriteLine("{0} passed, {1} failed", passed, failed);
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static void Run(string dataset, string fixtures, string bad)
    {
        Console.WriteLine("kaoping {0} (ABI {1})", Engine.Version, Engine.AbiVersion);
        Check("ABI version", () =>
        {
            Require(Engine.AbiVersion == Engine.ExpectedAbiVersion, "library ABI " + Engine.AbiVersion);
            Require(!string.IsNullOrEmpty(Engine.Version), "no version");
            return "ABI " + Engine.AbiVersion;
        });

        using (Engine engine = Engine.Builtin())
        {
            // The results, byte for byte against the core's.
            Check("2026-10 month result", () => SameBytes(engine.Evaluate(dataset, "2026-10"), Expected(fixtures, "month-2026-10.json")));

            string october = null;
            Check("2026-10 period result", () =>
            {
                october = engine.EvaluatePeriod(dataset, "2026-10");
                return SameBytes(october, Expected(fixtures, "period-2026-10.json"));
            });
            if (october != null) PrintTopWindows(october, 5);

            Check("2026-Q3 period result", () => SameBytes(engine.EvaluatePeriod(dataset, "2026-Q3"), Expected(fixtures, "period-2026-Q3.json")));
            Check("2026 awards", () => SameBytes(engine.Awards(dataset, "2026"), Expected(fixtures, "awards-2026.json")));

            Check("the year result and an explanation", () =>
            {
                string year = engine.EvaluateYear(dataset);
                Require(year.StartsWith("{") && year.Contains("\"2026-12\""), "year result lacks 2026-12");
                string text = engine.Explain(dataset, "W26", "2026-10");
                Require(text.Contains("W26"), "explanation does not name W26");
                return string.Format("{0} and {1} bytes", Encoding.UTF8.GetByteCount(year), Encoding.UTF8.GetByteCount(text));
            });

            // The error path.
            Check("bad dataset rejected with KP_INVALID_INPUT", () =>
            {
                KaopingException e = Throws(() => engine.Validate(bad));
                Require(e.Status == KpStatus.InvalidInput, "status " + (int)e.Status);
                Require(e.Message.Contains("BAD-0001") && e.Message.Contains("records[0].points"), "message: " + e.Message);
                Require(e.ErrorJson != null && e.ErrorJson.Contains("\"record\":\"BAD-0001\""), "error JSON: " + e.ErrorJson);
                Problem first = e.Problems.FirstOrDefault(p => p.Record == "BAD-0001");
                Require(first != null && first.Path == "records[0].points", "problems: " + string.Join("; ", e.Problems));
                Require(e.Problems.Any(p => p.Record == "BAD-0002") && e.Problems.Any(p => p.Record == "BAD-0003"), "not every bad record reported");
                return string.Format("status {0}, {1} problems, first: {2}", (int)e.Status, e.Problems.Count, first);
            });
            Check("invalid period gives KP_INVALID_ARGUMENT", () =>
            {
                KaopingException e = Throws(() => engine.Evaluate(dataset, "2026-13"));
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
            Check("8 threads on one engine agree", () => Threads(engine, dataset, Expected(fixtures, "month-2026-10.json")));
            Check("errors are per thread", () => ThreadErrors(engine, dataset, bad));

            // Ownership: the library detects a double free of its strings.
            Check("double free of a string is detected", () =>
            {
                IntPtr s; UIntPtr n;
                Require(NativeMethods.kp_schema(Encoding.UTF8.GetBytes("errors\0"), out s, out n) == KpStatus.Ok, "schema");
                Require(NativeMethods.kp_string_free(s) == KpStatus.Ok, "first free");
                KpStatus again = NativeMethods.kp_string_free(s);
                Require(again == KpStatus.InvalidHandle, "second free gave " + again);
                return "status " + (int)again;
            });

            engine.Dispose();
            Check("a disposed engine is refused", () =>
            {
                try { engine.Evaluate(dataset, "2026-10"); }
                catch (ObjectDisposedException) { return null; }
                throw new CheckFailed("no ObjectDisposedException");
            });
        } // Dispose again: a no-op
    }

    private static string Threads(Engine engine, string dataset, byte[] want)
    {
        const int N = 8;
        var results = new string[N];
        var errors = new Exception[N];
        var start = new Barrier(N);
        var threads = new Thread[N];
        for (int i = 0; i < N; i++)
        {
            int k = i;
            threads[k] = new Thread(() =>
            {
                try { start.SignalAndWait(); results[k] = engine.Evaluate(dataset, "2026-10"); }
                catch (Exception e) { errors[k] = e; }
            });
            threads[k].Start();
        }
        foreach (Thread t in threads) t.Join();
        for (int i = 0; i < N; i++)
            Require(errors[i] == null, "thread " + i + ": " + errors[i]);
        for (int i = 1; i < N; i++)
            Require(results[i] == results[0], "thread " + i + " differs from thread 0");
        SameBytes(results[0], want);
        return N + " equal results, equal to the core's";
    }

    // Four threads make one failing call each, four another, at once: each sees its own error.
    private static string ThreadErrors(Engine engine, string dataset, string bad)
    {
        const int N = 8;
        var got = new KaopingException[N];
        var errors = new Exception[N];
        var start = new Barrier(N);
        var threads = new Thread[N];
        for (int i = 0; i < N; i++)
        {
            int k = i;
            threads[k] = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    if (k % 2 == 0) engine.Validate(bad);
                    else engine.EvaluatePeriod(dataset, "2026-Q5");
                }
                catch (KaopingException e) { got[k] = e; }
                catch (Exception e) { errors[k] = e; }
            });
            threads[k].Start();
        }
        foreach (Thread t in threads) t.Join();
        for (int i = 0; i < N; i++)
        {
            Require(errors[i] == null, "thread " + i + ": " + errors[i]);
            Require(got[i] != null, "thread " + i + ": no exception");
            if (i % 2 == 0)
                Require(got[i].Status == KpStatus.InvalidInput && got[i].Problems.Any(p => p.Record == "BAD-0001"), "thread " + i + ": " + got[i].Message);
            else
                Require(got[i].Status == KpStatus.InvalidArgument && got[i].Problems.All(p => p.Path == "period"), "thread " + i + ": " + got[i].Message);
        }
        return null;
    }

    // Display only: the period result lists windows in rank order before the staff.
    private static void PrintTopWindows(string periodJson, int top)
    {
        int from = periodJson.IndexOf("\"windows\": [", StringComparison.Ordinal);
        int to = periodJson.IndexOf("\n  \"staff\": [", StringComparison.Ordinal);
        if (from < 0 || to < from) return;
        var row = new Regex("\"subject\": \"([^\"]*)\",\\s*\"kind\": \"window\",\\s*\"name\": \"([^\"]*)\"[\\s\\S]*?\"score\": \"([^\"]*)\"");
        Console.WriteLine("2026-10 top windows:");
        int n = 0;
        foreach (Match m in row.Matches(periodJson.Substring(from, to - from)))
        {
            if (++n > top) break;
            Console.WriteLine("  {0}. {1} {2} {3}", n, m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        }
    }
}
