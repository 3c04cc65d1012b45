using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Kaoping
{
    /// <summary>One problem of a failing call (a record of schemas/errors.schema.json).</summary>
    public sealed class Problem
    {
        internal Problem(string kind, string path, string record, string rule, string message)
        {
            Kind = kind; Path = path; Record = record; Rule = rule; Message = message;
        }

        /// <summary>syntax, invalid, unknown_reference, duplicate, unknown_kind or unsupported.</summary>
        public string Kind { get; private set; }
        /// <summary>The JSON path of the offending value, like records[0].points ("" for the whole document).</summary>
        public string Path { get; private set; }
        /// <summary>The record id, or null.</summary>
        public string Record { get; private set; }
        /// <summary>The rule code, or null.</summary>
        public string Rule { get; private set; }
        /// <summary>What is wrong and what was expected.</summary>
        public string Message { get; private set; }

        /// <summary>Like <c>records[0].points [BAD-0001] (S2.3): points 6 outside 3–5 for S2.3</c>.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder(Path.Length == 0 ? "(document)" : Path);
            if (Record != null) sb.Append(" [").Append(Record).Append(']');
            if (Rule != null) sb.Append(" (").Append(Rule).Append(')');
            return sb.Append(": ").Append(Message).ToString();
        }
    }

    /// <summary>A kaoping call returned a status other than <see cref="KpStatus.Ok"/>.</summary>
    [Serializable]
    public sealed class KaopingException : Exception
    {
        internal KaopingException(KpStatus status, string nativeMessage, string errorJson, string document, IList<Problem> problems)
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
        /// <summary>kp_last_error_json as it came ({"document": …, "problems": […]}), or null.</summary>
        public string ErrorJson { get; private set; }
        /// <summary>Which input was at fault: dataset, policy or request.</summary>
        public string Document { get; private set; }
        /// <summary>Every problem the library reported.</summary>
        public ReadOnlyCollection<Problem> Problems { get; private set; }
    }
}
