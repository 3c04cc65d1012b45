package org.kaoping;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Loads libkaoping once and makes the calls: statuses, copies and frees. Internal. */
final class Lib {
    private Lib() {}

    /** The system property naming a libkaoping file to load instead of the bundled one. */
    static final String LIBRARY_PROPERTY = "kaoping.library";

    /** Where the jar carries the library: JNA's resource prefix and the platform's file name. */
    static final String RESOURCE = Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("kaoping");

    private static final class Holder {
        static final KpNative N;
        static final String FILE;
        static final Throwable FAILURE;

        static {
            KpNative n = null;
            String file = null;
            Throwable failure = null;
            try {
                String name = locate();
                n = Native.load(name, KpNative.class);
                File f = NativeLibrary.getInstance(name).getFile();
                file = f == null ? name : f.getPath();
                int abi = n.kp_abi_version();
                if (abi != Kaoping.ABI_VERSION) {
                    throw new UnsatisfiedLinkError(file + " has ABI version " + abi + "; this jar needs "
                            + Kaoping.ABI_VERSION + " (a libkaoping from another release)");
                }
            } catch (Throwable t) {
                n = null;
                failure = t;
            }
            N = n;
            FILE = file;
            FAILURE = failure;
        }

        /**
         * The library to load: the file named by {@code -Dkaoping.library}, else the copy bundled
         * in this jar (extracted by JNA to a temporary file when it is inside a jar), else
         * "kaoping" found the usual JNA way (jna.library.path, LD_LIBRARY_PATH, system paths).
         */
        private static String locate() throws IOException {
            String explicit = System.getProperty(LIBRARY_PROPERTY);
            if (explicit != null && !explicit.isEmpty()) {
                return new File(explicit).getAbsolutePath();
            }
            ClassLoader loader = Lib.class.getClassLoader();
            URL bundled = loader == null ? null : loader.getResource(RESOURCE);
            if (bundled != null) {
                return Native.extractFromResourcePath("/" + RESOURCE, loader).getAbsolutePath();
            }
            return "kaoping";
        }
    }

    /** The library, loaded on first use; UnsatisfiedLinkError (every time) if it cannot be. */
    static KpNative n() {
        if (Holder.N != null) return Holder.N;
        UnsatisfiedLinkError e = new UnsatisfiedLinkError("libkaoping could not be loaded: the jar carries it as "
                + RESOURCE + " (is this jar built for this platform?), or name a file with -D"
                + LIBRARY_PROPERTY + "=/path/to/" + System.mapLibraryName("kaoping") + ": " + Holder.FAILURE);
        e.initCause(Holder.FAILURE);
        throw e;
    }

    /** The file the library was loaded from. */
    static String file() {
        n();
        return Holder.FILE;
    }

    // ------------------------------------------------------------------ inputs

    /** A NUL-terminated UTF-8 copy of a short argument (period, subject, language, schema name). */
    static byte[] cstr(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " contains a NUL character");
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    /** A document's bytes as passed to JNA: never a zero-length array (JNA cannot pass one). */
    static byte[] doc(String what, byte[] b) {
        Objects.requireNonNull(b, what);
        return b.length == 0 ? new byte[1] : b;
    }

    // ------------------------------------------------------------------ outputs and errors

    interface OutCall {
        int call(PointerByReference out, KpNative.SizeTByReference outLen);
    }

    /** Runs a call that returns a string: checks the status, copies the bytes, frees the string. */
    static byte[] bytes(String name, OutCall c) {
        PointerByReference out = new PointerByReference();
        KpNative.SizeTByReference len = new KpNative.SizeTByReference();
        int status = c.call(out, len);
        check(name, status); // on failure the library returned nothing to free
        return take(out.getValue(), len.getValue());
    }

    /** Copies a string the library returned ({@code len} bytes) and frees it, whatever happens. */
    static byte[] take(Pointer p, long len) {
        if (p == null) throw new IllegalStateException("libkaoping returned KP_OK without a string");
        try {
            if (len < 0 || len > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("libkaoping returned a string of " + len + " bytes: too long for a Java array");
            }
            return p.getByteArray(0, (int) len);
        } finally {
            n().kp_string_free(p); // a string of this library, freed once: cannot fail
        }
    }

    /**
     * Throws unless {@code status} is KP_OK. Reads the thread's last error, so it must run right
     * after the failing call on the same thread (JNA calls on the calling thread).
     */
    static void check(String call, int status) {
        if (status == Status.OK.code()) return;
        KpNative n = n();
        Pointer m = n.kp_last_error_message(); // valid until the next kp_ call: copied first
        String message = m == null ? null : m.getString(0, "UTF-8");
        byte[] json = null;
        PointerByReference out = new PointerByReference();
        KpNative.SizeTByReference len = new KpNative.SizeTByReference();
        if (n.kp_last_error_json(out, len) == Status.OK.code()) {
            json = take(out.getValue(), len.getValue());
        }
        throw KaopingException.of(call, status, message, json);
    }
}
