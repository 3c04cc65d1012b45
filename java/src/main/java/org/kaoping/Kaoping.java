package org.kaoping;

import java.nio.charset.StandardCharsets;

/**
 * The library as a whole: its version, its published JSON Schemas, and where the native library
 * was loaded from. Scoring is done by an {@link Engine}.
 */
public final class Kaoping {
    private Kaoping() {}

    /** The C ABI version this jar was written for ({@code KP_ABI_VERSION} in kaoping.h). */
    public static final int ABI_VERSION = 1;

    /** The names {@link #schema(String)} knows. */
    public static final String[] SCHEMAS = {"policy", "dataset", "result", "year_result", "period_result", "errors"};

    /** The native library's version, like {@code 0.1.0}. */
    public static String version() {
        return Lib.n().kp_version().getString(0, "UTF-8");
    }

    /** The native library's ABI version (equal to {@link #ABI_VERSION}: loading checks it). */
    public static int abiVersion() {
        return Lib.n().kp_abi_version();
    }

    /** The file the native library was loaded from (a temporary copy when it came from this jar). */
    public static String libraryFile() {
        return Lib.file();
    }

    /**
     * A published JSON Schema by name: {@code policy}, {@code dataset}, {@code result},
     * {@code year_result}, {@code period_result} or {@code errors}.
     *
     * @throws KaopingException {@link Status#INVALID_ARGUMENT} for another name
     */
    public static String schema(String name) {
        byte[] n = Lib.cstr("name", name);
        return new String(Lib.bytes("kp_schema", (out, len) -> Lib.n().kp_schema(n, out, len)), StandardCharsets.UTF_8);
    }
}
