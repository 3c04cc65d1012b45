// (c) Errors: every problem of a bad dataset, bytes that are not UTF-8, bad arguments, a disposed
// engine; and one engine shared by threads (results and per-thread errors).
using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace Kaoping.Tests
{
    internal static class ErrorTests
    {
        internal static void Run()
        {
            string badPath = Path.Combine(Runner.Repo, "tests", "fixtures", "bad-dataset.json");
            Dataset sample = Dataset.FromFile(Runner.Sample);
            using (Engine e = Engine.Builtin())
            {
                Runner.Check("bad dataset: KaopingException with every problem", () =>
                {
                    var x = T.Throws<KaopingException>(() => e.Validate(badPath), "Validate");
                    T.Eq(KpStatus.InvalidInput, x.Status, "status");
                    T.Eq("dataset", x.Document, "document");
                    // tests/fixtures/README.md: three bad records, each reported
                    T.Eq(3, x.Problems.Count, "problems");
                    Problem p0 = x.Problems.Single(p => p.Record == "BAD-0001");
                    T.Eq("records[0].points", p0.Path, "BAD-0001 path");
                    T.Eq("S2.3", p0.Rule, "BAD-0001 rule");
                    T.Eq("records[1].rule", x.Problems.Single(p => p.Record == "BAD-0002").Path, "BAD-0002 path");
                    T.Eq("records[2].subject", x.Problems.Single(p => p.Record == "BAD-0003").Path, "BAD-0003 path");
                    T.True(x.Problems.All(p => p.Kind != null && p.Message.Length > 0), "kinds and messages");
                    T.True(x.Message.Contains("BAD-0001") && x.ErrorJson.Contains("BAD-0003"), "message and JSON");
                    // the same problems from an evaluation, and from a Stream
                    var y = T.Throws<KaopingException>(() => e.EvaluatePeriod(badPath, "2026-Q3"), "EvaluatePeriod");
                    T.True(y.Problems.Select(p => p.ToString()).SequenceEqual(x.Problems.Select(p => p.ToString())), "same problems");
                    using (var fs = File.OpenRead(badPath))
                        T.Eq(3, T.Throws<KaopingException>(() => e.EvaluateMonth(fs, "2026-10"), "Stream").Problems.Count, "Stream problems");
                });

                Runner.Check("GBK bytes are refused (InvalidUtf8), the same text in UTF-8 is accepted", () =>
                {
                    // The one-window hall with its names in GBK: 窗口 = B4 B0 BF DA, 甲 = BC D7.
                    string utf8 = "{\"hall\": {\"id\": \"H\", \"name\": \"窗口\"}, \"year\": 2026, \"departments\": [{\"id\": \"D\", \"name\": \"窗口\"}]," +
                        " \"windows\": [{\"id\": \"W\", \"name\": \"窗口\", \"department\": \"D\", \"heads\": [{\"staff\": \"P\"}]}]," +
                        " \"staff\": [{\"id\": \"P\", \"name\": \"甲\", \"assignments\": [{\"window\": \"W\"}]}]}";
                    byte[] gbk = Gbk(utf8);
                    T.True(gbk.Length < Encoding.UTF8.GetByteCount(utf8), "GBK is shorter than UTF-8");
                    var x = T.Throws<KaopingException>(() => e.Validate(gbk), "Validate(byte[])");
                    T.Eq(KpStatus.InvalidUtf8, x.Status, "status");
                    string tmp = Path.GetTempFileName();
                    try
                    {
                        File.WriteAllBytes(tmp, gbk);
                        T.Eq(KpStatus.InvalidUtf8, T.Throws<KaopingException>(() => e.EvaluateMonth(tmp, "2026-10"), "path").Status, "status from a file");
                    }
                    finally { File.Delete(tmp); }
                    using (var ms = new MemoryStream(gbk))
                        T.Eq(KpStatus.InvalidUtf8, T.Throws<KaopingException>(() => e.Awards(ms, "2026-Q3"), "Stream").Status, "status from a stream");
                    MonthResult r = e.EvaluateMonth(Encoding.UTF8.GetBytes(utf8), "2026-10");
                    T.Eq("甲", r.Subject("P").Name, "the UTF-8 dataset's name");
                });

                Runner.Check("bad arguments: InvalidArgument with the problem", () =>
                {
                    var x = T.Throws<KaopingException>(() => e.EvaluatePeriod(sample, "2026-Q5"), "2026-Q5");
                    T.Eq(KpStatus.InvalidArgument, x.Status, "2026-Q5 status");
                    T.True(x.Problems.Count == 1 && x.Problems[0].Path == "period", "2026-Q5 problem");
                    T.Eq(KpStatus.InvalidArgument, T.Throws<KaopingException>(() => e.EvaluateMonth(sample, "2026-13"), "2026-13").Status, "2026-13");
                    T.Eq(KpStatus.InvalidArgument, T.Throws<KaopingException>(() => e.Explain(sample, "W999", "2026-10"), "W999").Status, "unknown subject");
                    T.Eq(KpStatus.InvalidArgument, T.Throws<KaopingException>(() => Engine.Schema("nope"), "schema").Status, "unknown schema");
                    T.Eq(KpStatus.InvalidArgument, T.Throws<KaopingException>(() => e.WithLanguage("fr"), "fr").Status, "unknown language");
                    T.Eq(KpStatus.InvalidArgument, T.Throws<KaopingException>(() => e.EvaluateHallYear(sample, (HallYearOptions)8), "flag 8").Status, "unknown flag");
                });

                Runner.Check("a period outside the dataset's year: a KaopingException naming the period", () =>
                {
                    var x = T.Throws<KaopingException>(() => e.EvaluatePeriod(sample, "2025-Q3"), "2025-Q3");
                    T.True(x.Problems.Count == 1 && x.Problems[0].Path == "period" && x.Document == "request", "problem " + x.Message);
                    // kaoping.h: InvalidArgument (4) for a month or period outside the dataset's year
                    T.Eq(KpStatus.InvalidArgument, x.Status, "status");
                });

                Runner.Check("bad policy: InvalidInput, document policy", () =>
                {
                    var x = T.Throws<KaopingException>(() => Engine.FromPolicyJson("{\"id\": 1"), "policy");
                    T.Eq(KpStatus.InvalidInput, x.Status, "status");
                    T.Eq("policy", x.Document, "document");
                    T.True(x.Problems.Count > 0, "problems");
                });

                Runner.Check("a policy document (examples/policies/other-county.json) from a file, bytes and text", () =>
                {
                    string policy = Path.Combine(Runner.Repo, "examples", "policies", "other-county.json");
                    using (Engine p = Engine.FromPolicyFile(policy))
                    using (Engine q = Engine.FromPolicy(File.ReadAllBytes(policy), Languages.Chinese))
                    using (Engine t = Engine.FromPolicyJson(File.ReadAllText(policy, Encoding.UTF8)))
                    {
                        MonthResult r = p.EvaluateMonth(HandBuiltTests.OneWindow(), "2026-10");
                        T.Eq("yy-county-2026", r.Policy, "policy id");
                        // V1: staff categories 30 + 25 + 25 + 20 = 100; no records → 100
                        T.Eq(100m, r.Subject("P").Categories.Sum(c => c.Max), "staff maxima");
                        T.Eq(100m, r.Subject("P").Total, "staff total");
                        T.Eq("yy-county-2026", q.EvaluateMonth(HandBuiltTests.OneWindow(), "2026-10").Policy, "from bytes");
                        T.Eq("zh-CN", q.Language, "language");
                        T.Eq("yy-county-2026", t.EvaluateMonth(HandBuiltTests.OneWindow(), "2026-10").Policy, "from text");
                    }
                });

                Runner.Check("8 threads on one engine: equal results", () =>
                {
                    decimal[] got = new decimal[8];
                    Parallel(8, k => { got[k] = e.EvaluatePeriod(sample, "2026-Q3").Staff.Sum(s => s.Score); });
                    T.True(got.All(g => g == got[0]), "sums differ: " + string.Join(", ", got));
                });

                Runner.Check("errors are per thread", () =>
                {
                    var got = new KaopingException[8];
                    Parallel(8, k =>
                    {
                        try
                        {
                            if (k % 2 == 0) e.Validate(badPath); else e.EvaluatePeriod(sample, "2026-Q5");
                        }
                        catch (KaopingException x) { got[k] = x; }
                    });
                    for (int k = 0; k < 8; k++)
                    {
                        T.True(got[k] != null, "thread " + k + ": no exception");
                        if (k % 2 == 0) T.True(got[k].Status == KpStatus.InvalidInput && got[k].Problems.Count == 3, "thread " + k + ": " + got[k].Message);
                        else T.True(got[k].Status == KpStatus.InvalidArgument && got[k].Problems.All(p => p.Path == "period"), "thread " + k + ": " + got[k].Message);
                    }
                });

                Runner.Check("a disposed engine is refused cleanly; Dispose twice is a no-op", () =>
                {
                    Engine d = Engine.Builtin();
                    d.Dispose();
                    d.Dispose();
                    T.Throws<ObjectDisposedException>(() => d.Validate(sample), "Validate");
                    T.Throws<ObjectDisposedException>(() => d.EvaluateMonth(sample, "2026-10"), "EvaluateMonth");
                    T.Throws<ObjectDisposedException>(() => d.EvaluatePeriod(sample, "2026-Q3"), "EvaluatePeriod");
                    T.Throws<ObjectDisposedException>(() => d.Awards(sample, "2026"), "Awards");
                    T.Throws<ObjectDisposedException>(() => d.Explain(sample, "W26", "2026-10"), "Explain");
                    T.Throws<ObjectDisposedException>(() => d.WithLanguage("zh-CN"), "WithLanguage");
                    // the engine it was made from is not affected by a derived engine's Dispose
                    Engine zh = e.WithLanguage("zh-CN");
                    zh.Dispose();
                    e.Validate(sample);
                });

                Runner.Check("Dispose while other threads evaluate: they finish, later calls are refused", () =>
                {
                    Engine d = Engine.Builtin();
                    int done = 0, refused = 0;
                    var start = new ManualResetEventSlim(false);
                    var threads = Enumerable.Range(0, 4).Select(k => new Thread(() =>
                    {
                        start.Wait();
                        try { d.EvaluatePeriod(sample, "2026-Q3"); Interlocked.Increment(ref done); }
                        catch (ObjectDisposedException) { Interlocked.Increment(ref refused); }
                    })).ToList();
                    threads.ForEach(t => t.Start());
                    start.Set();
                    Thread.Sleep(50);
                    d.Dispose();
                    threads.ForEach(t => t.Join());
                    T.Eq(4, done + refused, "every thread finished or was refused");
                });
            }
        }

        private static void Parallel(int n, Action<int> body)
        {
            var errors = new Exception[n];
            var barrier = new Barrier(n);
            var threads = new Thread[n];
            for (int i = 0; i < n; i++)
            {
                int k = i;
                threads[k] = new Thread(() =>
                {
                    try { barrier.SignalAndWait(); body(k); }
                    catch (Exception x) { errors[k] = x; }
                });
                threads[k].Start();
            }
            foreach (Thread t in threads) t.Join();
            foreach (Exception x in errors) if (x != null) throw x;
        }

        // Hand-made GBK for the two names used above (Mono's GBK encoder is in an assembly not installed here).
        private static byte[] Gbk(string s)
        {
            var o = new MemoryStream();
            foreach (char c in s)
            {
                switch (c)
                {
                    case '窗': o.WriteByte(0xB4); o.WriteByte(0xB0); break;
                    case '口': o.WriteByte(0xBF); o.WriteByte(0xDA); break;
                    case '甲': o.WriteByte(0xBC); o.WriteByte(0xD7); break;
                    default:
                        if (c > 0x7F) throw new ArgumentException("no GBK code here for " + c);
                        o.WriteByte((byte)c);
                        break;
                }
            }
            return o.ToArray();
        }
    }
}
