// Reading the library's JSON into a small tree.
//
// The reader is the one netstandard2.0 and Mono both ship: JsonReaderWriterFactory (in
// System.Runtime.Serialization), which maps JSON to an XML infoset and keeps every number's text
// exactly as written (no double in between). Scores and points are strings in kaoping's JSON
// ("13.53"), but both forms are read, and every decimal is made with decimal.Parse on that text
// (InvariantCulture) — see JNode.Decimal. DataContractJsonSerializer was not used: it would need
// a contract class per schema type and offers nothing for optional or open fields.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

namespace Kaoping
{
    internal enum JKind { Object, Array, String, Number, Boolean, Null }

    /// <summary>One JSON value. Objects keep their fields by name; the parent link gives error paths.</summary>
    internal sealed class JNode
    {
        private static readonly List<JNode> NoItems = new List<JNode>();

        internal JKind Kind;
        internal string Text; // string, number and boolean values: the text as written
        internal Dictionary<string, JNode> Fields;
        internal List<JNode> Items;
        private JNode parent;
        private string key;
        private int index = -1;

        internal static JNode Parse(byte[] utf8)
        {
            var quotas = XmlDictionaryReaderQuotas.Max;
            using (XmlDictionaryReader r = JsonReaderWriterFactory.CreateJsonReader(utf8, 0, utf8.Length, quotas))
            {
                r.MoveToContent();
                JNode root = Read(r, null, null, -1);
                return root;
            }
        }

        private static JNode Read(XmlReader r, JNode parent, string key, int index)
        {
            var n = new JNode { parent = parent, key = key, index = index };
            string type = r.GetAttribute("type") ?? "string";
            switch (type)
            {
                case "object":
                case "array":
                    bool isObject = type == "object";
                    n.Kind = isObject ? JKind.Object : JKind.Array;
                    if (isObject) n.Fields = new Dictionary<string, JNode>(StringComparer.Ordinal);
                    else n.Items = new List<JNode>();
                    if (r.IsEmptyElement) { r.Read(); return n; }
                    r.Read();
                    while (true)
                    {
                        r.MoveToContent();
                        if (r.NodeType == XmlNodeType.EndElement) { r.Read(); return n; }
                        if (r.NodeType != XmlNodeType.Element) throw new FormatException("unexpected " + r.NodeType + " in JSON");
                        if (isObject)
                        {
                            // A key that is not an XML name comes as <item item="key">.
                            string k = r.LocalName == "item" ? (r.GetAttribute("item") ?? "item") : r.LocalName;
                            n.Fields[k] = Read(r, n, k, -1);
                        }
                        else
                        {
                            n.Items.Add(Read(r, n, null, n.Items.Count));
                        }
                    }
                case "null":
                    n.Kind = JKind.Null;
                    r.Skip();
                    return n;
                case "number":
                    n.Kind = JKind.Number;
                    break;
                case "boolean":
                    n.Kind = JKind.Boolean;
                    break;
                default:
                    n.Kind = JKind.String;
                    break;
            }
            n.Text = r.ReadElementContentAsString();
            return n;
        }

        /// <summary>Where this value is, like windows[3].score (for error messages).</summary>
        internal string Path
        {
            get
            {
                var parts = new List<string>();
                for (JNode n = this; n != null && n.parent != null; n = n.parent)
                    parts.Add(n.key != null ? "." + n.key : "[" + n.index.ToString(CultureInfo.InvariantCulture) + "]");
                parts.Reverse();
                string p = string.Concat(parts);
                return p.StartsWith(".", StringComparison.Ordinal) ? p.Substring(1) : (p.Length == 0 ? "(root)" : p);
            }
        }

        private FormatException Bad(string what)
        {
            return new FormatException("kaoping result: " + Path + ": " + what);
        }

        internal JNode Get(string name)
        {
            JNode v = Find(name);
            if (v == null) throw Bad("missing field " + name);
            return v;
        }

        /// <summary>The field, or null when absent or JSON null.</summary>
        internal JNode Find(string name)
        {
            if (Kind != JKind.Object) throw Bad("expected an object");
            JNode v;
            return Fields.TryGetValue(name, out v) && v.Kind != JKind.Null ? v : null;
        }

        internal bool Has(string name)
        {
            return Kind == JKind.Object && Fields.ContainsKey(name);
        }

        internal string String()
        {
            if (Kind != JKind.String) throw Bad("expected a string");
            return Text;
        }

        internal string Str(string name) { return Get(name).String(); }

        internal string OptStr(string name)
        {
            JNode v = Find(name);
            return v == null ? null : v.String();
        }

        /// <summary>An exact decimal from the JSON text ("13.53" or 13.53): never through double.</summary>
        internal decimal Decimal()
        {
            if (Kind != JKind.String && Kind != JKind.Number) throw Bad("expected a decimal");
            decimal d;
            if (!decimal.TryParse(Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out d))
                throw Bad("not a decimal: " + Text);
            return d;
        }

        internal decimal Dec(string name) { return Get(name).Decimal(); }

        internal decimal? OptDec(string name)
        {
            JNode v = Find(name);
            return v == null ? (decimal?)null : v.Decimal();
        }

        internal long Long()
        {
            if (Kind != JKind.Number) throw Bad("expected an integer");
            long n;
            if (!long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n))
                throw Bad("not an integer: " + Text);
            return n;
        }

        internal int Int()
        {
            long n = Long();
            if (n < int.MinValue || n > int.MaxValue) throw Bad("integer out of range: " + Text);
            return (int)n;
        }

        internal int Int(string name) { return Get(name).Int(); }

        internal int OptInt(string name, int absent)
        {
            JNode v = Find(name);
            return v == null ? absent : v.Int();
        }

        internal bool Bool()
        {
            if (Kind != JKind.Boolean) throw Bad("expected true or false");
            return Text == "true";
        }

        /// <summary>A date, YYYY-MM-DD, as a DateTime at midnight (Kind Unspecified).</summary>
        internal DateTime Date()
        {
            DateTime d;
            if (!DateTime.TryParseExact(String(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
                throw Bad("not a date: " + Text);
            return d;
        }

        internal List<JNode> Array()
        {
            if (Kind != JKind.Array) throw Bad("expected an array");
            return Items;
        }

        internal List<JNode> Arr(string name) { return Get(name).Array(); }

        /// <summary>The array, or an empty one when the field is absent (a schema default of []).</summary>
        internal List<JNode> OptArr(string name)
        {
            JNode v = Find(name);
            return v == null ? NoItems : v.Array();
        }

        internal T Enum<T>(string name, IDictionary<string, T> codes)
        {
            JNode v = Get(name);
            return v.EnumValue(codes);
        }

        internal T EnumValue<T>(IDictionary<string, T> codes)
        {
            string s = String();
            T value;
            if (!codes.TryGetValue(s, out value)) throw Bad("unknown value " + s);
            return value;
        }

        internal T? OptEnum<T>(string name, IDictionary<string, T> codes) where T : struct
        {
            JNode v = Find(name);
            return v == null ? (T?)null : v.EnumValue(codes);
        }
    }

    /// <summary>Strict UTF-8 (invalid bytes throw, no BOM) for everything that crosses the boundary.</summary>
    internal static class Utf8
    {
        internal static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        internal static byte[] ReadAll(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }
    }
}
