using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Kaoping
{
    /// <summary>The boundary: arguments to UTF-8, library strings back (copied, then freed), failures to exceptions.</summary>
    internal static class Native
    {
        /// <summary>A NUL-terminated UTF-8 identifier (a period, a subject id, a language, a schema name).</summary>
        internal static byte[] CString(string s, string name)
        {
            if (s == null) throw new ArgumentNullException(name);
            if (s.IndexOf('\0') >= 0) throw new ArgumentException(name + " contains a NUL character", name);
            byte[] bytes = new byte[Utf8.Strict.GetByteCount(s) + 1]; // the last byte stays 0
            Utf8.Strict.GetBytes(s, 0, s.Length, bytes, 0);
            return bytes;
        }

        /// <summary>The bytes to pass for a (pointer, length) input: never a zero-length array, whose pointer could be NULL.</summary>
        internal static byte[] Buffer(byte[] bytes, out UIntPtr len)
        {
            len = new UIntPtr((ulong)bytes.Length);
            return bytes.Length == 0 ? new byte[1] : bytes;
        }

        /// <summary>Copies `len` bytes the library returned, frees them with kp_string_free, or throws for a failing status.</summary>
        internal static byte[] Take(KpStatus st, IntPtr s, UIntPtr len)
        {
            if (st != KpStatus.Ok) throw Failure(st); // nothing was written on failure
            try
            {
                ulong n = len.ToUInt64();
                if (n > int.MaxValue) throw new OverflowException("kaoping returned " + n + " bytes");
                var bytes = new byte[(int)n];
                if (n > 0) Marshal.Copy(s, bytes, 0, (int)n);
                return bytes;
            }
            finally
            {
                NativeMethods.kp_string_free(s);
            }
        }

        internal static string TakeString(KpStatus st, IntPtr s, UIntPtr len)
        {
            return Utf8.Strict.GetString(Take(st, s, len));
        }

        internal static JNode TakeJson(KpStatus st, IntPtr s, UIntPtr len)
        {
            return JNode.Parse(Take(st, s, len));
        }

        /// <summary>A NUL-terminated UTF-8 string the library owns (not freed).</summary>
        internal static string ReadStatic(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0) n++;
            var bytes = new byte[n];
            Marshal.Copy(p, bytes, 0, n);
            return Utf8.Strict.GetString(bytes);
        }

        internal static void Check(KpStatus st)
        {
            if (st != KpStatus.Ok) throw Failure(st);
        }

        /// <summary>The exception for a failing call. Must run right after the call on the same thread:
        /// the library keeps the last error per thread, and the next kp_ call replaces it.</summary>
        internal static KaopingException Failure(KpStatus st)
        {
            // The message first: it stays valid only until the next kp_ call.
            string message = ReadStatic(NativeMethods.kp_last_error_message());
            string json = null;
            IntPtr s;
            UIntPtr n;
            if (NativeMethods.kp_last_error_json(out s, out n) == KpStatus.Ok)
            {
                try { json = TakeString(KpStatus.Ok, s, n); }
                catch (ArgumentException) { json = null; } // not UTF-8: keep the message only
            }
            string document = null;
            var problems = new List<Problem>();
            if (json != null)
            {
                try
                {
                    JNode root = JNode.Parse(Utf8.Strict.GetBytes(json));
                    document = root.OptStr("document");
                    foreach (JNode p in root.OptArr("problems"))
                        problems.Add(new Problem(p.OptStr("kind"), p.OptStr("path") ?? "", p.OptStr("record"),
                            p.OptStr("rule"), p.OptStr("message") ?? ""));
                }
                catch (Exception e) when (e is FormatException || e is System.Xml.XmlException)
                {
                    // ErrorJson keeps the text as it came; Problems stays empty.
                }
            }
            return new KaopingException(st, message, json, document, problems);
        }
    }
}
