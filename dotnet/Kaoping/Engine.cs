using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Kaoping
{
    /// <summary>The languages an engine writes the texts of results in.</summary>
    public static class Languages
    {
        /// <summary>Simplified Chinese, "zh-CN".</summary>
        public const string Chinese = "zh-CN";
        /// <summary>English, "en": the language of an engine made without one.</summary>
        public const string English = "en";
    }

    /// <summary>
    /// A compiled policy (KpEngine). Thread-safe: one engine may be used from many threads at once.
    /// Dispose frees it; a call still running on another thread finishes first, and later calls throw
    /// <see cref="ObjectDisposedException"/>. Every failing call throws <see cref="KaopingException"/>.
    /// <para>Datasets are given as a <see cref="Dataset"/> (or a byte[], which converts to one), a
    /// <see cref="Stream"/>, or a file path; JSON text in a string goes through <see cref="Dataset.FromJson"/>.</para>
    /// </summary>
    public sealed class Engine : IDisposable
    {
        /// <summary>The ABI version this library was written against (KP_ABI_VERSION).</summary>
        public const uint ExpectedAbiVersion = 1;

        private readonly EngineHandle handle;

        private Engine(EngineHandle handle, string language)
        {
            this.handle = handle;
            Language = language;
        }

        /// <summary>The native library's version, like "0.1.0".</summary>
        public static string Version { get { return Native.ReadStatic(NativeMethods.kp_version()); } }

        /// <summary>The native library's ABI version.</summary>
        public static uint AbiVersion { get { return NativeMethods.kp_abi_version(); } }

        /// <summary>The language of the texts of results: "en" or "zh-CN".</summary>
        public string Language { get; private set; }

        /// <summary>An engine with the built-in policy (the county measure), writing texts in
        /// <paramref name="language"/> ("en" when null, or "zh-CN").</summary>
        public static Engine Builtin(string language = null)
        {
            CheckAbi();
            EngineHandle h;
            KpStatus st = NativeMethods.kp_engine_new_builtin(out h);
            return Made(st, h, Languages.English).InLanguage(language);
        }

        /// <summary>An engine from a policy document (UTF-8 JSON bytes).</summary>
        public static Engine FromPolicy(byte[] policyJson, string language = null)
        {
            if (policyJson == null) throw new ArgumentNullException("policyJson");
            CheckAbi();
            UIntPtr len;
            byte[] buf = Native.Buffer(policyJson, out len);
            EngineHandle h;
            KpStatus st = NativeMethods.kp_engine_new(buf, len, out h);
            return Made(st, h, Languages.English).InLanguage(language);
        }

        /// <summary>An engine from a policy document read from a stream.</summary>
        public static Engine FromPolicy(Stream policyJson, string language = null)
        {
            return FromPolicy(Utf8.ReadAll(policyJson), language);
        }

        /// <summary>An engine from a policy document in a file (read as bytes).</summary>
        public static Engine FromPolicyFile(string path, string language = null)
        {
            if (path == null) throw new ArgumentNullException("path");
            return FromPolicy(File.ReadAllBytes(path), language);
        }

        /// <summary>An engine from a policy document given as JSON text.</summary>
        public static Engine FromPolicyJson(string json, string language = null)
        {
            if (json == null) throw new ArgumentNullException("json");
            return FromPolicy(Utf8.Strict.GetBytes(json), language);
        }

        /// <summary>A new engine with this engine's policy writing texts in <paramref name="language"/>
        /// ("zh-CN" or "en"). This engine is left as it was; dispose both.</summary>
        public Engine WithLanguage(string language)
        {
            byte[] lang = Native.CString(language, "language");
            EngineHandle h;
            KpStatus st = NativeMethods.kp_engine_with_lang(Live(), lang, out h);
            return Made(st, h, language);
        }

        // Replaces this new engine by one in `language` (null: keep English).
        private Engine InLanguage(string language)
        {
            if (language == null || language == Languages.English) return this;
            try { return WithLanguage(language); }
            finally { Dispose(); }
        }

        // ------------------------------------------------------------------ validate

        /// <summary>Checks a dataset against the policy; throws <see cref="KaopingException"/>
        /// (<see cref="KpStatus.InvalidInput"/>) with every problem.</summary>
        public void Validate(Dataset dataset)
        {
            UIntPtr len;
            byte[] ds = Bytes(dataset, out len);
            Native.Check(NativeMethods.kp_validate(Live(), ds, len));
        }

        public void Validate(Stream dataset) { Validate(Dataset.FromStream(dataset)); }
        public void Validate(string datasetPath) { Validate(FromPath(datasetPath)); }

        // ------------------------------------------------------------------ a month

        /// <summary>A month's full result ("2026-10"): every category line and every record's outcome.</summary>
        public MonthResult EvaluateMonth(Dataset dataset, string month)
        {
            JNode n = JNode.Parse(EvaluateBytes(dataset, month));
            if (!n.Has("month"))
                throw new ArgumentException("EvaluateMonth needs a month like 2026-10 (got " + month + "); use EvaluatePeriod for a quarter or a year", "month");
            return new MonthResult(n);
        }

        public MonthResult EvaluateMonth(Stream dataset, string month) { return EvaluateMonth(Dataset.FromStream(dataset), month); }
        public MonthResult EvaluateMonth(string datasetPath, string month) { return EvaluateMonth(FromPath(datasetPath), month); }

        /// <summary>kp_evaluate as JSON text: a month's full result ("2026-10"), or the period result of
        /// a quarter or a year ("2026-Q3", "2026"); the bytes of <c>kaoping score --format json</c> without the final newline.</summary>
        public string EvaluateJson(Dataset dataset, string period)
        {
            return Utf8.Strict.GetString(EvaluateBytes(dataset, period));
        }

        private byte[] EvaluateBytes(Dataset dataset, string period)
        {
            UIntPtr len;
            byte[] ds = Bytes(dataset, out len);
            byte[] p = Native.CString(period, "period");
            IntPtr s;
            UIntPtr n;
            KpStatus st = NativeMethods.kp_evaluate(Live(), ds, len, p, out s, out n);
            return Native.Take(st, s, n);
        }

        // ------------------------------------------------------------------ periods

        /// <summary>The period result of a month ("2026-10"), a quarter ("2026-Q3") or a year ("2026"):
        /// scores, ranks, award lists (with names) and department feedback.</summary>
        public PeriodResult EvaluatePeriod(Dataset dataset, string period)
        {
            return new PeriodResult(JNode.Parse(EvaluatePeriodBytes(dataset, period)));
        }

        public PeriodResult EvaluatePeriod(Stream dataset, string period) { return EvaluatePeriod(Dataset.FromStream(dataset), period); }
        public PeriodResult EvaluatePeriod(string datasetPath, string period) { return EvaluatePeriod(FromPath(datasetPath), period); }

        /// <summary>The period result as JSON text (the bytes of <c>kaoping score --period P --format json</c>).</summary>
        public string EvaluatePeriodJson(Dataset dataset, string period)
        {
            return Utf8.Strict.GetString(EvaluatePeriodBytes(dataset, period));
        }

        private byte[] EvaluatePeriodBytes(Dataset dataset, string period)
        {
            UIntPtr len;
            byte[] ds = Bytes(dataset, out len);
            byte[] p = Native.CString(period, "period");
            IntPtr s;
            UIntPtr n;
            KpStatus st = NativeMethods.kp_evaluate_period(Live(), ds, len, p, out s, out n);
            return Native.Take(st, s, n);
        }

        // ------------------------------------------------------------------ years

        /// <summary>Every month of the dataset's year.</summary>
        public YearResult EvaluateYear(Dataset dataset)
        {
            return new YearResult(JNode.Parse(EvaluateYearBytes(dataset)));
        }

        public YearResult EvaluateYear(Stream dataset) { return EvaluateYear(Dataset.FromStream(dataset)); }
        public YearResult EvaluateYear(string datasetPath) { return EvaluateYear(FromPath(datasetPath)); }

        /// <summary>The year result as JSON text.</summary>
        public string EvaluateYearJson(Dataset dataset)
        {
            return Utf8.Strict.GetString(EvaluateYearBytes(dataset));
        }

        private byte[] EvaluateYearBytes(Dataset dataset)
        {
            UIntPtr len;
            byte[] ds = Bytes(dataset, out len);
            IntPtr s;
            UIntPtr n;
            KpStatus st = NativeMethods.kp_evaluate_year(Live(), ds, len, out s, out n);
            return Native.Take(st, s, n);
        }

        /// <summary>A hall's whole year: the twelve months, the four quarters and the year, each month evaluated once.
        /// (For <see cref="HallYearOptions.Columns"/> use <see cref="EvaluateHallYearColumns(Dataset)"/>.)</summary>
        public HallYearResult EvaluateHallYear(Dataset dataset, HallYearOptions options = HallYearOptions.None)
        {
            if ((options & HallYearOptions.Columns) != 0)
                throw new ArgumentException("HallYearOptions.Columns gives another result: use EvaluateHallYearColumns", "options");
            return HallYearResult.Parse(EvaluateHallYearBytes(dataset, options));
        }

        public HallYearResult EvaluateHallYear(Stream dataset, HallYearOptions options = HallYearOptions.None) { return EvaluateHallYear(Dataset.FromStream(dataset), options); }
        public HallYearResult EvaluateHallYear(string datasetPath, HallYearOptions options = HallYearOptions.None) { return EvaluateHallYear(FromPath(datasetPath), options); }

        /// <summary>The hall-year result as JSON text: {"year": …, "quarters": […], "annual": …}.</summary>
        public string EvaluateHallYearJson(Dataset dataset, HallYearOptions options = HallYearOptions.None)
        {
            return Utf8.Strict.GetString(EvaluateHallYearBytes(dataset, options));
        }

        /// <summary>The hall-year's JSON as UTF-8 bytes, unread: for passing on, or for timing the call apart from
        /// the reading (<see cref="HallYearResult.Parse"/>, or <see cref="HallYearColumns.Parse"/> with
        /// <see cref="HallYearOptions.Columns"/>).</summary>
        public byte[] EvaluateHallYearUtf8(Dataset dataset, HallYearOptions options = HallYearOptions.None)
        {
            return EvaluateHallYearBytes(dataset, options);
        }

        /// <summary>A hall's whole year as columns (KP_COLUMNS, format kaoping-columns/1): the numbers of
        /// <c>EvaluateHallYear(ds, HallYearOptions.ScoresOnly)</c> — each subject-month's total and categories, each
        /// period's scores, ranks and grades, each award's standings — in tables of columns with subjects and texts
        /// listed once. A fraction of the scores-only JSON and much faster to read; the texts that explain the numbers
        /// are left out.</summary>
        public HallYearColumns EvaluateHallYearColumns(Dataset dataset)
        {
            return HallYearColumns.Parse(EvaluateHallYearBytes(dataset, HallYearOptions.Columns));
        }

        public HallYearColumns EvaluateHallYearColumns(Stream dataset) { return EvaluateHallYearColumns(Dataset.FromStream(dataset)); }
        public HallYearColumns EvaluateHallYearColumns(string datasetPath) { return EvaluateHallYearColumns(FromPath(datasetPath)); }

        private byte[] EvaluateHallYearBytes(Dataset dataset, HallYearOptions options)
        {
            UIntPtr len;
            byte[] ds = Bytes(dataset, out len);
            IntPtr s;
            UIntPtr n;
            KpStatus st = NativeMethods.kp_evaluate_hall_year(Live(), ds, len, (uint)options, out s, out n);
            return Native.Take(st, s, n);
        }

        // ------------------------------------------------------------------ awards

        /// <summary>The award lists of a period ("2026-Q3", "2026"), each standing with the subject's name
        /// from the dataset's roster.</summary>
        public IReadOnlyList<AwardResult> Awards(Dataset dataset, string period)
        {
            JNode root = JNode.Parse(AwardsBytes(dataset, period));
            return Codes.List(root.Array(), x => new AwardResult(x, dataset.NameOf));
        }

        public IReadOnlyList<AwardResult> Awards(Stream dataset, string period) { return Awards(Dataset.FromStream(dataset), period); }
        public IReadOnlyList<AwardResult> Awards(string datasetPath, string period) { return Awards(FromPath(datasetPath), period); }

        /// <summary>The award lists as JSON text (the bytes of <c>kaoping awards --period P --format json</c>).</summary>
        public string AwardsJson(Dataset dataset, string period)
        {
            return Utf8.Strict.GetString(AwardsBytes(dataset, period));
        }

        private byte[] AwardsBytes(Dataset dataset, string period)
        {
            UIntPtr len;
            byte[] ds = Bytes(dataset, out len);
            byte[] p = Native.CString(period, "period");
            IntPtr s;
            UIntPtr n;
            KpStatus st = NativeMethods.kp_awards(Live(), ds, len, p, out s, out n);
            return Native.Take(st, s, n);
        }

        // ------------------------------------------------------------------ explain, schemas

        /// <summary>How one window or staff member's month ("2026-10") was scored, as text.</summary>
        public string Explain(Dataset dataset, string subject, string month)
        {
            UIntPtr len;
            byte[] ds = Bytes(dataset, out len);
            byte[] subj = Native.CString(subject, "subject");
            byte[] m = Native.CString(month, "month");
            IntPtr s;
            UIntPtr n;
            KpStatus st = NativeMethods.kp_explain(Live(), ds, len, subj, m, out s, out n);
            return Native.TakeString(st, s, n);
        }

        public string Explain(Stream dataset, string subject, string month) { return Explain(Dataset.FromStream(dataset), subject, month); }
        public string Explain(string datasetPath, string subject, string month) { return Explain(FromPath(datasetPath), subject, month); }

        /// <summary>A published JSON Schema by name: policy, dataset, result, year_result, period_result, errors.</summary>
        public static string Schema(string name)
        {
            byte[] nm = Native.CString(name, "name");
            IntPtr s;
            UIntPtr n;
            KpStatus st = NativeMethods.kp_schema(nm, out s, out n);
            return Native.TakeString(st, s, n);
        }

        /// <summary>Frees the engine (once; later calls are no-ops). Calls running on other threads finish first.</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        // ------------------------------------------------------------------ helpers

        private EngineHandle Live()
        {
            // The marshaller also refuses a closed handle (and holds a reference during the call, so a
            // Dispose on another thread waits for it); this check only gives the clearer message.
            if (handle.IsClosed) throw new ObjectDisposedException("Kaoping.Engine", "the engine was disposed");
            return handle;
        }

        private static byte[] Encoding(byte[] b) { return b; }

        private static byte[] Bytes(Dataset dataset, out UIntPtr len)
        {
            if (dataset == null) throw new ArgumentNullException("dataset");
            return Native.Buffer(dataset.Bytes, out len);
        }

        private static Dataset FromPath(string path)
        {
            if (path == null) throw new ArgumentNullException("datasetPath");
            string t = path.TrimStart();
            if (t.StartsWith("{", StringComparison.Ordinal))
                throw new ArgumentException("a string argument is a file path; pass JSON text as Dataset.FromJson(text)", "datasetPath");
            return Dataset.FromFile(path);
        }

        private static void CheckAbi()
        {
            uint abi = NativeMethods.kp_abi_version();
            if (abi != ExpectedAbiVersion)
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "libkaoping has ABI version {0}; this Kaoping.dll needs {1}", abi, ExpectedAbiVersion));
        }

        private static Engine Made(KpStatus st, EngineHandle h, string language)
        {
            if (st != KpStatus.Ok)
            {
                KaopingException e = Native.Failure(st);
                if (h != null) h.Dispose();
                throw e;
            }
            return new Engine(h, language);
        }
    }
}
