// kaoping from C#: a small wrapper over the C ABI (ffi/include/kaoping.h).
//
//   using (var engine = Kaoping.Engine.Builtin())
//   {
//       string json = engine.Evaluate(File.ReadAllText("county-2026.json"), "2026-10");
//   }
//
// Conventions (after microsoft/regorus's C# binding):
// - every native entry point is declared once, in NativeMethods;
// - the engine is an EngineHandle (a SafeHandle): freed exactly once, by Dispose or by the
//   finalizer, and never while a call on another thread is still using it;
// - inputs go to the library as UTF-8 byte arrays with their byte length (short identifiers as
//   NUL-terminated UTF-8 bytes), never as strings marshalled by the runtime;
// - strings the library returns come back as IntPtr plus length, are copied and decoded here, and
//   are freed with kp_string_free in a finally block;
// - every status other than KP_OK becomes a KaopingException carrying the status, the message and
//   the problems (kp_last_error_json).
//
// Mono 6.8 and .NET Framework 4.5+; no assemblies beyond mscorlib and System.Core.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Kaoping
{
    /// <summary>The status of every call (KpStatus in kaoping.h). Numbers are fixed and never reused.</summary>
    public enum KpStatus
    {
        /// <summary>Success: outputs were written.</summary>
        Ok = 0,
        /// <summary>The dataset or policy has problems (see KaopingException.Problems).</summary>
        InvalidInput = 1,
        /// <summary>A required pointer argument was NULL.</summary>
        NullPointer = 2,
        /// <summary>Input bytes are not valid UTF-8.</summary>
        InvalidUtf8 = 3,
        /// <summary>A malformed period, an unknown schema name, an unknown subject.</summary>
        InvalidArgument = 4,
        /// <summary>An engine or string pointer the library did not hand out, or already freed.</summary>
        InvalidHandle = 5,
        /// <summary>An internal error (a caught panic in the library).</summary>
        Panic = 6,
    }

    /// <summary>The native library's entry points, exactly as in kaoping.h.</summary>
    internal static class NativeMethods
    {
        private const string Lib = "kaoping";

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint kp_abi_version();

        // A static string owned by the library: never freed.
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr kp_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_engine_new_builtin(out EngineHandle engine);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_engine_new(byte[] policyJson, UIntPtr policyLen, out EngineHandle engine);

        // Called only by EngineHandle.ReleaseHandle.
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_engine_free(IntPtr engine);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_string_free(IntPtr s);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_validate(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_evaluate(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            byte[] period, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_evaluate_period(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            byte[] period, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_evaluate_year(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_awards(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            byte[] period, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_explain(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            byte[] subject, byte[] month, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_schema(byte[] name, out IntPtr output, out UIntPtr outputLen);

        // Owned by the library, valid until the next kp_ call on this thread: never freed.
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr kp_last_error_message();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_last_error_json(out IntPtr output, out UIntPtr outputLen);
    }

    /// <summary>An engine pointer (KpEngine*), freed once with kp_engine_free.</summary>
    internal sealed class EngineHandle : SafeHandle
    {
        // The marshaller creates the instance for `out EngineHandle`.
        private EngineHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            return NativeMethods.kp_engine_free(handle) == KpStatus.Ok;
        }
    }

    /// <summary>One problem of a failing call: a record of the errors schema.</summary>
    public sealed class Problem
    {
        internal Problem(string kind, string path, string record, string rule, string message)
        {
            Kind = kind; Path = path; Record = record; Rule = rule; Message = message;
        }

        /// <summary>syntax, invalid, unknown_reference, duplicate, …</summary>
        public string Kind { get; private set; }
        /// <summary>JSON path of the offending value, like records[0].points ("" for the whole document).</summary>
        public string Path { get; private set; }
        /// <summary>The record id, or null.</summary>
        public string Record { get; private set; }
        /// <summary>The rule code, or null.</summary>
        public string Rule { get; private set; }
        /// <summary>What is wrong and what was expected.</summary>
        public string Message { get; private set; }

        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append(Path.Length == 0 ? "(document)" : Path);
            if (Record != null) sb.Append(" [").Append(Record).Append(']');
            if (Rule != null) sb.Append(" (").Append(Rule).Append(')');
            return sb.Append(": ").Append(Message).ToString();
        }
    }

    /// <summary>A call into kaoping returned a status other than KP_OK.</summary>
    public sealed class KaopingException : Exception
    {
        internal KaopingException(KpStatus status, string nativeMessage, string errorJson,
            string document, IList<Problem> problems)
            : base(string.Format(CultureInfo.InvariantCulture, "kaoping: {0} ({1}): {2}",
                status, (int)status, nativeMessage ?? "(no message)"))
        {
            Status = status;
            NativeMessage = nativeMessage;
            ErrorJson = errorJson;
            Document = document;
            Problems = new ReadOnlyCollection<Problem>(problems);
        }

        /// <summary>The status the library returned.</summary>
        public KpStatus Status { get; private set; }
        /// <summary>kp_last_error_message: every problem, one per line.</summary>
        public string NativeMessage { get; private set; }
        /// <summary>kp_last_error_json: {"document": …, "problems": […]} (the errors schema), or null.</summary>
        public string ErrorJson { get; private set; }
        /// <summary>Which document was at fault: dataset, policy or request.</summary>
        public string Document { get; private set; }
        /// <summary>Every problem, parsed from ErrorJson.</summary>
        public ReadOnlyCollection<Problem> Problems { get; private set; }
    }

    /// <summary>A compiled policy. Thread-safe: one engine may be used from many threads at once.</summary>
    public sealed class Engine : IDisposable
    {
        /// <summary>The ABI version this wrapper was written against (KP_ABI_VERSION).</summary>
        public const uint ExpectedAbiVersion = 1;

        private readonly EngineHandle handle;

        private Engine(EngineHandle handle) { this.handle = handle; }

        /// <summary>The library's version, like "0.1.0".</summary>
        public static string Version { get { return Native.ReadNulTerminated(NativeMethods.kp_version()); } }

        /// <summary>The library's ABI version (kp_abi_version).</summary>
        public static uint AbiVersion { get { return NativeMethods.kp_abi_version(); } }

        /// <summary>An engine with the built-in policy (the county measure).</summary>
        public static Engine Builtin()
        {
            CheckAbi();
            EngineHandle h;
            KpStatus st = NativeMethods.kp_engine_new_builtin(out h);
            return Created(st, h);
        }

        /// <summary>An engine from a policy document (JSON). Throws KaopingException (InvalidInput) listing the policy's problems.</summary>
        public static Engine FromPolicyJson(string policyJson)
        {
            CheckAbi();
            UIntPtr len;
            byte[] bytes = Native.Utf8(policyJson, "policyJson", out len);
            EngineHandle h;
            KpStatus st = NativeMethods.kp_engine_new(bytes, len, out h);
            return Created(st, h);
        }

        /// <summary>Checks a dataset against the policy; throws KaopingException (InvalidInput) with every problem.</summary>
        public void Validate(string datasetJson)
        {
            UIntPtr len;
            byte[] ds = Native.Utf8(datasetJson, "datasetJson", out len);
            Native.Check(NativeMethods.kp_validate(handle, ds, len));
        }

        /// <summary>A month ("2026-10": the month's full result) or a period ("2026-Q3", "2026": the period result), as JSON.</summary>
        public string Evaluate(string datasetJson, string period)
        {
            UIntPtr len;
            byte[] ds = Native.Utf8(datasetJson, "datasetJson", out len);
            byte[] p = Native.CString(period, "period");
            IntPtr s; UIntPtr n;
            KpStatus st = NativeMethods.kp_evaluate(handle, ds, len, p, out s, out n);
            return Native.TakeString(st, s, n);
        }

        /// <summary>The period result of a month, a quarter or a year: scores, ranks, awards, as JSON.</summary>
        public string EvaluatePeriod(string datasetJson, string period)
        {
            UIntPtr len;
            byte[] ds = Native.Utf8(datasetJson, "datasetJson", out len);
            byte[] p = Native.CString(period, "period");
            IntPtr s; UIntPtr n;
            KpStatus st = NativeMethods.kp_evaluate_period(handle, ds, len, p, out s, out n);
            return Native.TakeString(st, s, n);
        }

        /// <summary>Every month of the dataset's year (the year result), as JSON.</summary>
        public string EvaluateYear(string datasetJson)
        {
            UIntPtr len;
            byte[] ds = Native.Utf8(datasetJson, "datasetJson", out len);
            IntPtr s; UIntPtr n;
            KpStatus st = NativeMethods.kp_evaluate_year(handle, ds, len, out s, out n);
            return Native.TakeString(st, s, n);
        }

        /// <summary>The award lists of a quarter or a year, as a JSON array.</summary>
        public string Awards(string datasetJson, string period)
        {
            UIntPtr len;
            byte[] ds = Native.Utf8(datasetJson, "datasetJson", out len);
            byte[] p = Native.CString(period, "period");
            IntPtr s; UIntPtr n;
            KpStatus st = NativeMethods.kp_awards(handle, ds, len, p, out s, out n);
            return Native.TakeString(st, s, n);
        }

        /// <summary>How one window or staff member's month was scored, as text.</summary>
        public string Explain(string datasetJson, string subject, string month)
        {
            UIntPtr len;
            byte[] ds = Native.Utf8(datasetJson, "datasetJson", out len);
            byte[] subj = Native.CString(subject, "subject");
            byte[] m = Native.CString(month, "month");
            IntPtr s; UIntPtr n;
            KpStatus st = NativeMethods.kp_explain(handle, ds, len, subj, m, out s, out n);
            return Native.TakeString(st, s, n);
        }

        /// <summary>A published JSON Schema: policy, dataset, result, year_result, period_result, errors.</summary>
        public static string Schema(string name)
        {
            byte[] nm = Native.CString(name, "name");
            IntPtr s; UIntPtr n;
            KpStatus st = NativeMethods.kp_schema(nm, out s, out n);
            return Native.TakeString(st, s, n);
        }

        /// <summary>Frees the engine. Calls still running on other threads finish first (the SafeHandle keeps it alive).</summary>
        public void Dispose() { handle.Dispose(); }

        private static void CheckAbi()
        {
            uint abi = NativeMethods.kp_abi_version();
            if (abi != ExpectedAbiVersion)
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "libkaoping has ABI version {0}; this wrapper needs {1}", abi, ExpectedAbiVersion));
        }

        private static Engine Created(KpStatus st, EngineHandle h)
        {
            if (st != KpStatus.Ok)
            {
                KaopingException e = Native.Failure(st);
                if (h != null) h.Dispose();
                throw e;
            }
            return new Engine(h);
        }
    }

    /// <summary>Conversions at the boundary: UTF-8 in, library strings out, failures to exceptions.</summary>
    internal static class Native
    {
        // Strict: invalid bytes throw instead of turning into U+FFFD; no BOM.
        private static readonly UTF8Encoding Utf8Strict = new UTF8Encoding(false, true);

        /// <summary>A string as UTF-8 bytes and their length. Never a zero-length array (the pointer must not be NULL).</summary>
        internal static byte[] Utf8(string s, string name, out UIntPtr len)
        {
            if (s == null) throw new ArgumentNullException(name);
            byte[] bytes = Utf8Strict.GetBytes(s);
            len = new UIntPtr((uint)bytes.Length);
            return bytes.Length == 0 ? new byte[1] : bytes;
        }

        /// <summary>A short identifier as NUL-terminated UTF-8.</summary>
        internal static byte[] CString(string s, string name)
        {
            if (s == null) throw new ArgumentNullException(name);
            if (s.IndexOf('\0') >= 0) throw new ArgumentException(name + " contains a NUL character", name);
            int n = Utf8Strict.GetByteCount(s);
            byte[] bytes = new byte[n + 1]; // the last byte stays 0
            Utf8Strict.GetBytes(s, 0, s.Length, bytes, 0);
            return bytes;
        }

        /// <summary>Copies `len` bytes at `p` and decodes them as UTF-8.</summary>
        internal static string Read(IntPtr p, ulong len)
        {
            if (len > int.MaxValue) throw new OverflowException("kaoping returned a string of " + len + " bytes");
            byte[] bytes = new byte[(int)len];
            if (bytes.Length > 0) Marshal.Copy(p, bytes, 0, bytes.Length);
            return Utf8Strict.GetString(bytes);
        }

        /// <summary>A NUL-terminated UTF-8 string the library owns (not freed).</summary>
        internal static string ReadNulTerminated(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0) n++;
            return Read(p, (ulong)n);
        }

        /// <summary>Reads and frees a string the library returned, or throws for a failing status.</summary>
        internal static string TakeString(KpStatus st, IntPtr s, UIntPtr len)
        {
            if (st != KpStatus.Ok) throw Failure(st); // on failure nothing was written
            try
            {
                return Read(s, len.ToUInt64());
            }
            finally
            {
                NativeMethods.kp_string_free(s);
            }
        }

        internal static void Check(KpStatus st)
        {
            if (st != KpStatus.Ok) throw Failure(st);
        }

        /// <summary>The exception for a failing call. Call it right after the call, on the same thread:
        /// the last error is thread-local and the next kp_ call replaces it.</summary>
        internal static KaopingException Failure(KpStatus st)
        {
            // The message first: it is valid only until the next kp_ call (kp_string_free below clears it).
            string message = ReadNulTerminated(NativeMethods.kp_last_error_message());
            string json = null;
            IntPtr s; UIntPtr n;
            if (NativeMethods.kp_last_error_json(out s, out n) == KpStatus.Ok)
            {
                try { json = Read(s, n.ToUInt64()); }
                finally { NativeMethods.kp_string_free(s); }
            }
            string document = null;
            var problems = new List<Problem>();
            if (json != null)
            {
                try
                {
                    var root = Json.Parse(json) as Dictionary<string, object>;
                    if (root != null)
                    {
                        document = Json.Str(root, "document");
                        object list;
                        if (root.TryGetValue("problems", out list) && list is List<object>)
                        {
                            foreach (object o in (List<object>)list)
                            {
                                var p = o as Dictionary<string, object>;
                                if (p == null) continue;
                                problems.Add(new Problem(Json.Str(p, "kind"), Json.Str(p, "path") ?? "",
                                    Json.Str(p, "record"), Json.Str(p, "rule"), Json.Str(p, "message") ?? ""));
                            }
                        }
                    }
                }
                catch (Exception e) when (e is FormatException || e is OverflowException)
                {
                    // Keep ErrorJson as it came; Problems stays empty.
                }
            }
            return new KaopingException(st, message, json, document, problems);
        }
    }

    /// <summary>Just enough JSON to read the errors document: objects, arrays, strings, numbers, literals.</summary>
    internal static class Json
    {
        internal static object Parse(string text)
        {
            int i = 0;
            object v = Value(text, ref i);
            Ws(text, ref i);
            if (i != text.Length) throw new FormatException("trailing characters at " + i);
            return v;
        }

        internal static string Str(Dictionary<string, object> o, string key)
        {
            object v;
            return o.TryGetValue(key, out v) ? v as string : null;
        }

        private static void Ws(string t, ref int i)
        {
            while (i < t.Length && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) i++;
        }

        private static object Value(string t, ref int i)
        {
            Ws(t, ref i);
            if (i >= t.Length) throw new FormatException("unexpected end");
            char c = t[i];
            if (c == '{')
            {
                var o = new Dictionary<string, object>();
                i++; Ws(t, ref i);
                if (i < t.Length && t[i] == '}') { i++; return o; }
                while (true)
                {
                    Ws(t, ref i);
                    string key = String(t, ref i);
                    Ws(t, ref i);
                    Expect(t, ref i, ':');
                    o[key] = Value(t, ref i);
                    Ws(t, ref i);
                    if (i < t.Length && t[i] == ',') { i++; continue; }
                    Expect(t, ref i, '}');
                    return o;
                }
            }
            if (c == '[')
            {
                var a = new List<object>();
                i++; Ws(t, ref i);
                if (i < t.Length && t[i] == ']') { i++; return a; }
                while (true)
                {
                    a.Add(Value(t, ref i));
                    Ws(t, ref i);
                    if (i < t.Length && t[i] == ',') { i++; continue; }
                    Expect(t, ref i, ']');
                    return a;
                }
            }
            if (c == '"') return String(t, ref i);
            if (Literal(t, ref i, "true")) return true;
            if (Literal(t, ref i, "false")) return false;
            if (Literal(t, ref i, "null")) return null;
            int start = i;
            while (i < t.Length && "+-0123456789.eE".IndexOf(t[i]) >= 0) i++;
            if (i == start) throw new FormatException("unexpected '" + c + "' at " + i);
            // Exact: decimal, never double.
            return decimal.Parse(t.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private static bool Literal(string t, ref int i, string word)
        {
            if (string.CompareOrdinal(t, i, word, 0, word.Length) != 0) return false;
            i += word.Length;
            return true;
        }

        private static void Expect(string t, ref int i, char c)
        {
            if (i >= t.Length || t[i] != c) throw new FormatException("expected '" + c + "' at " + i);
            i++;
        }

        private static string String(string t, ref int i)
        {
            Expect(t, ref i, '"');
            var sb = new StringBuilder();
            while (true)
            {
                if (i >= t.Length) throw new FormatException("unterminated string");
                char c = t[i++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                if (i >= t.Length) throw new FormatException("unterminated escape");
                char e = t[i++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (i + 4 > t.Length) throw new FormatException("short \\u escape");
                        sb.Append((char)int.Parse(t.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: throw new FormatException("bad escape \\" + e);
                }
            }
        }
    }
}
