using System;
using System.Collections.Generic;
using System.IO;

namespace Kaoping
{
    /// <summary>
    /// A dataset as the bytes of its JSON document (UTF-8). The bytes go to the library unchanged, so its
    /// own UTF-8 check runs on them: a GBK file is refused (<see cref="KpStatus.InvalidUtf8"/>) instead of
    /// being read with every name turned into U+FFFD. Immutable and safe to share between threads.
    /// A byte[] converts to a Dataset implicitly.
    /// </summary>
    public sealed class Dataset
    {
        private readonly byte[] bytes;
        private readonly Lazy<Roster> roster;

        private Dataset(byte[] bytes)
        {
            this.bytes = bytes;
            roster = new Lazy<Roster>(() => Roster.Read(this.bytes));
        }

        /// <summary>The dataset in these bytes (copied).</summary>
        public static Dataset FromBytes(byte[] utf8Json)
        {
            if (utf8Json == null) throw new ArgumentNullException("utf8Json");
            return new Dataset((byte[])utf8Json.Clone());
        }

        /// <summary>The dataset read from the stream's current position to its end (the stream is left open).</summary>
        public static Dataset FromStream(Stream stream)
        {
            return new Dataset(Utf8.ReadAll(stream));
        }

        /// <summary>The dataset in a file, read as bytes (never decoded here).</summary>
        public static Dataset FromFile(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            return new Dataset(File.ReadAllBytes(path));
        }

        /// <summary>The dataset from JSON text already in memory; encoded as UTF-8 (a lone surrogate throws).</summary>
        public static Dataset FromJson(string json)
        {
            if (json == null) throw new ArgumentNullException("json");
            return new Dataset(Utf8.Strict.GetBytes(json));
        }

        /// <summary>Same as <see cref="FromBytes"/>.</summary>
        public static implicit operator Dataset(byte[] utf8Json)
        {
            return utf8Json == null ? null : FromBytes(utf8Json);
        }

        /// <summary>The length of the document in bytes.</summary>
        public int Length { get { return bytes.Length; } }

        internal byte[] Bytes { get { return bytes; } }

        /// <summary>The name of a window or staff member in the dataset's roster, or null. Reads the roster
        /// once (the first call); the dataset must be valid JSON, as any dataset the library accepted is.</summary>
        public string NameOf(SubjectKind kind, string id)
        {
            string name;
            return (kind == SubjectKind.Window ? roster.Value.Windows : roster.Value.Staff).TryGetValue(id, out name) ? name : null;
        }

        private sealed class Roster
        {
            internal readonly Dictionary<string, string> Windows = new Dictionary<string, string>(StringComparer.Ordinal);
            internal readonly Dictionary<string, string> Staff = new Dictionary<string, string>(StringComparer.Ordinal);

            internal static Roster Read(byte[] bytes)
            {
                var r = new Roster();
                JNode root = JNode.Parse(bytes);
                foreach (JNode w in root.OptArr("windows")) r.Windows[w.Str("id")] = w.Str("name");
                foreach (JNode s in root.OptArr("staff")) r.Staff[s.Str("id")] = s.Str("name");
                return r;
            }
        }
    }
}
