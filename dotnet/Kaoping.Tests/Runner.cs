// A plain test runner (NUnit/xUnit cannot be fetched offline): each test is a method run by Check;
// the last line is "N passed, M failed" and the exit code is 1 on any failure.
//
//   mono Kaoping.Tests.exe [--repo DIR] [--fixtures DIR]
//
// DIR defaults: the repository is found upwards from the current directory; the fixtures (the kaoping
// command's JSON output, see dotnet/test.sh) are in target/dotnet/fixtures.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Kaoping.Tests
{
    internal sealed class TestFailed : Exception
    {
        public TestFailed(string message) : base(message) { }
    }

    internal static class T
    {
        internal static void True(bool ok, string why)
        {
            if (!ok) throw new TestFailed(why);
        }

        internal static void Eq(decimal want, decimal got, string what)
        {
            // decimal == compares values: 99.10 equals 99.1
            if (want != got) throw new TestFailed(what + ": expected " + want + ", got " + got);
        }

        internal static void Eq<TV>(TV want, TV got, string what)
        {
            if (!EqualityComparer<TV>.Default.Equals(want, got)) throw new TestFailed(what + ": expected " + want + ", got " + got);
        }

        internal static TE Throws<TE>(Action call, string what) where TE : Exception
        {
            try
            {
                call();
            }
            catch (TE e)
            {
                return e;
            }
            catch (Exception e)
            {
                throw new TestFailed(what + ": expected " + typeof(TE).Name + ", got " + e.GetType().Name + ": " + e.Message);
            }
            throw new TestFailed(what + ": no " + typeof(TE).Name);
        }
    }

    internal static class Runner
    {
        private static int passed;
        private static int failed;

        internal static string Repo;
        internal static string Fixtures;

        internal static void Check(string name, Action body)
        {
            try
            {
                body();
                passed++;
                Console.WriteLine("ok   " + name);
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine("FAIL " + name + ": " + (e is TestFailed ? e.Message : e.ToString()));
            }
        }

        private static int Main(string[] args)
        {
            // UTF-8 without a BOM (setting Console.OutputEncoding would write one).
            Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true });
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                if (args[i] == "--repo") Repo = args[i + 1];
                else if (args[i] == "--fixtures") Fixtures = args[i + 1];
                else { Console.Error.WriteLine("usage: Kaoping.Tests.exe [--repo DIR] [--fixtures DIR]"); return 2; }
            }
            if (Repo == null) Repo = FindRepo();
            if (Fixtures == null) Fixtures = Path.Combine(Repo, "target", "dotnet", "fixtures");
            Console.WriteLine("kaoping {0} (ABI {1}); repository {2}", Engine.Version, Engine.AbiVersion, Repo);

            HandBuiltTests.Run();
            SampleTests.Run();
            ColumnsTests.Run();
            OtherMeasuresTests.Run();
            ErrorTests.Run();

            Console.WriteLine("{0} passed, {1} failed", passed, failed);
            return failed == 0 && passed > 0 ? 0 : 1;
        }

        private static string FindRepo()
        {
            for (string d = Directory.GetCurrentDirectory(); d != null; d = Path.GetDirectoryName(d))
                if (File.Exists(Path.Combine(d, "examples", "data", "county-2026.json"))) return d;
            throw new InvalidOperationException("run from inside the repository, or pass --repo DIR");
        }

        internal static string Sample { get { return Path.Combine(Repo, "examples", "data", "county-2026.json"); } }

        internal static string Fixture(string name)
        {
            string p = Path.Combine(Fixtures, name);
            if (!File.Exists(p)) throw new TestFailed("missing fixture " + p + " (dotnet/test.sh writes it with the kaoping command)");
            return p;
        }
    }
}
