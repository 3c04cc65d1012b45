// The C ABI of libkaoping (ffi/include/kaoping.h), declared once. Inputs go out as UTF-8 byte
// arrays with their length (identifiers NUL-terminated); strings come back as IntPtr + length and
// are freed with kp_string_free by the caller of these declarations (Native.Take).
using System;
using System.Runtime.InteropServices;

namespace Kaoping
{
    /// <summary>The status of every call (KpStatus in kaoping.h). Numbers are fixed and never reused.</summary>
    public enum KpStatus
    {
        /// <summary>Success.</summary>
        Ok = 0,
        /// <summary>The dataset or policy has problems (see <see cref="KaopingException.Problems"/>).</summary>
        InvalidInput = 1,
        /// <summary>A required pointer argument was NULL.</summary>
        NullPointer = 2,
        /// <summary>The input bytes are not valid UTF-8.</summary>
        InvalidUtf8 = 3,
        /// <summary>A malformed period, an unknown schema name, an unknown subject, an unknown language.</summary>
        InvalidArgument = 4,
        /// <summary>An engine or string pointer the library did not hand out, or already freed.</summary>
        InvalidHandle = 5,
        /// <summary>An internal error (a caught panic in the library): please report it.</summary>
        Panic = 6,
    }

    internal static class NativeMethods
    {
        // Resolved as libkaoping.so (Linux): next to the application (.NET: also
        // runtimes/linux-x64/native of the package), or on LD_LIBRARY_PATH (Mono).
        internal const string Lib = "kaoping";

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint kp_abi_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr kp_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_engine_new_builtin(out EngineHandle engine);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_engine_new(byte[] policyJson, UIntPtr policyLen, out EngineHandle engine);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_engine_with_lang(EngineHandle engine, byte[] lang, out EngineHandle result);

        // Only EngineHandle.ReleaseHandle calls this.
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
        internal static extern KpStatus kp_evaluate_hall_year(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            uint flags, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_awards(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            byte[] period, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_explain(EngineHandle engine, byte[] datasetJson, UIntPtr datasetLen,
            byte[] subject, byte[] month, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_schema(byte[] name, out IntPtr output, out UIntPtr outputLen);

        // Owned by the library (valid until the next kp_ call on this thread): never freed.
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr kp_last_error_message();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern KpStatus kp_last_error_json(out IntPtr output, out UIntPtr outputLen);
    }

    /// <summary>A KpEngine*, freed exactly once with kp_engine_free (by Dispose or the finalizer),
    /// and only after every call that is using it on another thread has returned.</summary>
    internal sealed class EngineHandle : SafeHandle
    {
        // Created by the marshaller for `out EngineHandle`.
        private EngineHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            return NativeMethods.kp_engine_free(handle) == KpStatus.Ok;
        }
    }
}
