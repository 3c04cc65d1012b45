// Issue 22, lean results: how long .NET takes to read a hall-year in each form the library offers.
// For each dataset, and for each form — the scores-only compact hall-year JSON (KP_SCORES_ONLY |
// KP_COMPACT, read into HallYearResult) and the columns (KP_COLUMNS, read into HallYearColumns) —
// it times, separately, (a) the native call (Engine.EvaluateHallYearUtf8: libkaoping evaluates and
// writes the JSON, the library copies the bytes) and (b) reading those bytes into the library's
// typed result (HallYearResult.Parse / HallYearColumns.Parse), in rounds that read every form of
// every hall once (warm-up rounds first, for the JIT); it prints the medians (and the parse minima)
// in milliseconds and the JSON's size in bytes.
//
//   mono ParseTime.exe [--native-runs N] [--parse-runs N] [--warmup N] DATASET...
//
// The native time is that of whichever libkaoping.so is loaded (a debug build in CI); the parse
// time does not depend on it.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Kaoping;

static class ParseTime
{
    // Keeps the results alive, so the JIT cannot drop the work.
    static long sink;

    sealed class Timing
    {
        public bool Columns;
        public byte[] Json;
        public double[] NativeMs;
        public double[] ParseMs;
    }

    static int Main(string[] args)
    {
        int nativeRuns = 7, parseRuns = 21, warmup = 20;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--native-runs") nativeRuns = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--parse-runs") parseRuns = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--warmup") warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else files.Add(args[i]);
        }
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: mono ParseTime.exe [--native-runs N] [--parse-runs N] [--warmup N] DATASET...");
            return 2;
        }
        CultureInfo inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "# {0} on {1}, {2} processors; libkaoping {3}", RuntimeName(), Environment.OSVersion,
            Environment.ProcessorCount, Engine.Version));
        Console.WriteLine(string.Format(inv, "# native: median of {0} calls after 2; parse: median of {1} rounds after {2} warm-up rounds, the forms and halls interleaved",
            nativeRuns, parseRuns, warmup));
        Console.WriteLine(string.Format(inv, "{0,-24} {1,-12} {2,10} {3,12} {4,12} {5,12}", "dataset", "form", "bytes", "native ms", "parse ms", "parse min"));
        var names = new List<string>();
        var lean = new List<Timing>();
        var cols = new List<Timing>();
        using (Engine engine = Engine.Builtin())
        {
            // (a) the native calls, each form of each hall: 2 calls, then the timed ones
            foreach (string f in files)
            {
                Dataset ds = Dataset.FromFile(f);
                names.Add(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(f))) + "/" + Path.GetFileName(f));
                lean.Add(Call(nativeRuns, false, () => engine.EvaluateHallYearUtf8(ds, HallYearOptions.ScoresOnly | HallYearOptions.Compact)));
                cols.Add(Call(nativeRuns, true, () => engine.EvaluateHallYearUtf8(ds, HallYearOptions.Columns)));
            }
        }
        // (b) reading the JSON into the typed results: warm-up rounds over every form of every hall,
        // then timed rounds, interleaved so that a slow spell of the machine falls on all of them
        var all = new List<Timing>();
        for (int i = 0; i < names.Count; i++) { all.Add(lean[i]); all.Add(cols[i]); }
        foreach (Timing t in all) t.ParseMs = new double[parseRuns];
        for (int round = -warmup; round < parseRuns; round++)
            foreach (Timing t in all)
            {
                var w = Stopwatch.StartNew();
                sink += t.Columns ? ReadColumns(t.Json) : ReadLean(t.Json);
                double ms = w.Elapsed.TotalMilliseconds;
                if (round >= 0) t.ParseMs[round] = ms;
            }
        for (int i = 0; i < names.Count; i++)
        {
            Print(names[i], "scores-only", lean[i]);
            Print(names[i], "columns", cols[i]);
            Console.WriteLine(string.Format(inv, "{0,-24} {1,-12} {2,9:0.0}% {3,11:0.00}x {4,11:0.00}x", names[i], "columns/lean",
                100.0 * cols[i].Json.Length / lean[i].Json.Length, Median(lean[i].NativeMs) / Median(cols[i].NativeMs),
                Median(lean[i].ParseMs) / Median(cols[i].ParseMs)));
        }
        Console.WriteLine("# checksum " + sink.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    // The scores-only compact JSON into the typed hall-year.
    static long ReadLean(byte[] json)
    {
        HallYearResult h = HallYearResult.Parse(json);
        return h.Annual.Windows.Count + h.Year.Months.Count;
    }

    // The columns into HallYearColumns.
    static long ReadColumns(byte[] json)
    {
        HallYearColumns c = HallYearColumns.Parse(json);
        return c.Months.Count + c.Standings.Count;
    }

    static Timing Call(int nativeRuns, bool columns, Func<byte[]> call)
    {
        var t = new Timing { Columns = columns, NativeMs = new double[nativeRuns] };
        for (int i = 0; i < 2; i++) t.Json = call();
        for (int i = 0; i < nativeRuns; i++)
        {
            var w = Stopwatch.StartNew();
            t.Json = call();
            t.NativeMs[i] = w.Elapsed.TotalMilliseconds;
        }
        return t;
    }

    static void Print(string name, string form, Timing t)
    {
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-24} {1,-12} {2,10} {3,12:0.0} {4,12:0.00} {5,12:0.00}",
            name, form, t.Json.Length, Median(t.NativeMs), Median(t.ParseMs), t.ParseMs.Min()));
    }

    static double Median(double[] a)
    {
        double[] s = (double[])a.Clone();
        Array.Sort(s);
        int n = s.Length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static string RuntimeName()
    {
        Type mono = Type.GetType("Mono.Runtime");
        if (mono != null)
        {
            var display = mono.GetMethod("GetDisplayName", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
            if (display != null) return "Mono " + display.Invoke(null, null);
        }
        return ".NET " + Environment.Version;
    }
}
