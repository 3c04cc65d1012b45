package org.kaoping;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.ByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C ABI of ffi/include/kaoping.h, one method per {@code kp_} function. Internal: use
 * {@link Engine} and {@link Kaoping}.
 *
 * <p>Every input crosses as UTF-8 bytes (documents with their byte length, short identifiers
 * NUL-terminated), never as a Java {@code String}: JNA would encode a String with the platform
 * charset (ASCII under {@code LC_ALL=C}). Returned strings come back as a {@link Pointer} and a
 * length so they can be copied and then freed with {@code kp_string_free}. Engines are plain
 * {@link Pointer}s. Lengths are {@code size_t} ({@link SizeT}).
 */
interface KpNative extends Library {
    int kp_abi_version();

    /** Static, owned by the library: never freed. */
    Pointer kp_version();

    int kp_engine_new_builtin(PointerByReference out);

    int kp_engine_new(byte[] policyJson, SizeT policyLen, PointerByReference out);

    int kp_engine_with_lang(Pointer engine, byte[] lang, PointerByReference out);

    int kp_engine_free(Pointer engine);

    int kp_string_free(Pointer s);

    int kp_validate(Pointer engine, byte[] datasetJson, SizeT datasetLen);

    int kp_evaluate(Pointer engine, byte[] datasetJson, SizeT datasetLen, byte[] period,
                    PointerByReference out, SizeTByReference outLen);

    int kp_evaluate_period(Pointer engine, byte[] datasetJson, SizeT datasetLen, byte[] period,
                           PointerByReference out, SizeTByReference outLen);

    int kp_evaluate_year(Pointer engine, byte[] datasetJson, SizeT datasetLen,
                         PointerByReference out, SizeTByReference outLen);

    int kp_evaluate_hall_year(Pointer engine, byte[] datasetJson, SizeT datasetLen, int flags,
                              PointerByReference out, SizeTByReference outLen);

    int kp_awards(Pointer engine, byte[] datasetJson, SizeT datasetLen, byte[] period,
                  PointerByReference out, SizeTByReference outLen);

    int kp_explain(Pointer engine, byte[] datasetJson, SizeT datasetLen, byte[] subject, byte[] month,
                   PointerByReference out, SizeTByReference outLen);

    int kp_schema(byte[] name, PointerByReference out, SizeTByReference outLen);

    /** Owned by the library, valid until the next kp_ call on this thread: never freed. */
    Pointer kp_last_error_message();

    int kp_last_error_json(PointerByReference out, SizeTByReference outLen);

    /** {@code KP_SCORES_ONLY} of kaoping.h. */
    int KP_SCORES_ONLY = 1;
    /** {@code KP_COMPACT} of kaoping.h. */
    int KP_COMPACT = 2;
    /** {@code KP_COLUMNS} of kaoping.h: the scores as columns ({@code kaoping-columns/1}); implies the other two. */
    int KP_COLUMNS = 4;

    /**
     * {@code size_t}: {@link Native#SIZE_T_SIZE} bytes wide (8 on x86_64 Linux). An {@code int}
     * would be too narrow, and {@code NativeLong} is C's {@code long}, not {@code size_t}, on
     * 64-bit Windows.
     */
    final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** A {@code size_t *} the library writes. */
    final class SizeTByReference extends ByReference {
        public SizeTByReference() {
            super(Native.SIZE_T_SIZE);
            getPointer().clear(Native.SIZE_T_SIZE);
        }

        long getValue() {
            return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xFFFFFFFFL;
        }
    }
}
