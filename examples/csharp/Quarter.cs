// Scores the sample hall for 2026-Q3 and prints the award lists with names and exact decimals.
// Written from docs/readme-csharp.md alone.
//
//   mcs -r:Kaoping.dll Quarter.cs && LD_LIBRARY_PATH=target/debug mono Quarter.exe examples/data/county-2026.json
using System;
using System.Globalization;
using System.IO;
using System.Text;
using Kaoping;

internal static class Quarter
{
    private static int Main(string[] args)
    {
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true });
        string path = args.Length > 0 ? args[0] : "examples/data/county-2026.json";
        try
        {
            using (Engine engine = Engine.Builtin(Languages.Chinese))
            {
                PeriodResult q3 = engine.EvaluatePeriod(Dataset.FromFile(path), "2026-Q3");
                foreach (AwardResult award in q3.Awards)
                {
                    Console.WriteLine("{0} ({1}): {2} of {3} participants", award.Name, award.Award, award.Quota, award.Participants);
                    foreach (Standing s in award.Winners)
                        Console.WriteLine("  {0,2}. {1} {2} {3}", s.Rank, s.Subject, s.Name, s.Score.ToString(CultureInfo.InvariantCulture));
                }
            }
            return 0;
        }
        catch (KaopingException e)
        {
            foreach (Problem p in e.Problems) Console.Error.WriteLine(p);
            return 1;
        }
    }
}
