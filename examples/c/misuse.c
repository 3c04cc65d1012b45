/* Misuse of the C ABI that kaoping.h and SECURITY.md document as detected: each call must return
 * the documented status, leave its outputs unwritten, and leave a last error whose message names
 * what was wrong (and whose JSON names the argument). Prints "ok <case>" per case; exits 1 at the
 * first mismatch.   misuse DATASET
 *
 * Inputs are heap copies of exactly the length passed (no trailing NUL), so that valgrind reports
 * a read past a given length (ASan only when the read goes through libc: the Rust code is not
 * instrumented).
 *
 * Not exercised, because they are not detected (SECURITY.md):
 * - a length longer than the caller's buffer (only lengths > PTRDIFF_MAX are refused);
 * - a stale handle whose address the allocator has given to a new handle: the library cannot tell
 *   it from the new one. The stale-handle cases below run before any handle of the same kind is
 *   created after the free. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kaoping.h"

static int cases;

static void fail(const char *c, const char *why, KpStatus st) {
    const char *msg = kp_last_error_message();
    fprintf(stderr, "FAIL %s: %s (status %d, message %s)\n", c, why, (int)st, msg ? msg : "(none)");
    exit(1);
}

static void ok(const char *c) {
    printf("ok %s\n", c);
    cases++;
}

/* The call returned `want`; the last error's message holds `needle` (and the argument's name,
 * shown as the problem's path); its JSON holds "path":"<path>"; freeing that JSON leaves the
 * message as it was. */
static void expect_error(const char *c, KpStatus st, KpStatus want, const char *path, const char *needle) {
    if (st != want) fail(c, "unexpected status", st);
    const char *msg = kp_last_error_message();
    if (!msg || !*msg) fail(c, "no error message", st);
    if (!strstr(msg, needle)) fail(c, "the message does not name what was wrong", st);
    char want_path[96], in_msg[96];
    snprintf(want_path, sizeof want_path, "\"path\":\"%s\"", path);
    snprintf(in_msg, sizeof in_msg, "\n  - %s: ", *path ? path : "(document)");
    if (!strstr(msg, in_msg)) fail(c, "the message does not name the argument", st);
    char *json = NULL;
    size_t json_len = 0;
    if (kp_last_error_json(&json, &json_len) != KP_OK || !json) fail(c, "kp_last_error_json failed", st);
    if (strlen(json) != json_len || !strstr(json, want_path) || !strstr(json, "\"document\":\"")) {
        fprintf(stderr, "%s\n", json);
        fail(c, "the error JSON does not name the argument", st);
    }
    if (kp_string_free(json) != KP_OK) fail(c, "freeing the error JSON failed", st);
    if (kp_last_error_message() != msg) fail(c, "freeing the error JSON changed the last error", st);
    ok(c);
}

/* Outputs are written only on success. */
static char out_marker;
#define OUT_UNSET ((char *)&out_marker)
#define LEN_UNSET ((size_t)0x5eed)

static void expect_unwritten(const char *c, const char *out, size_t out_len) {
    if (out != OUT_UNSET || out_len != LEN_UNSET) fail(c, "an output was written on failure", KP_OK);
}

/* malloc(0) where it returns a pointer: valgrind reports a read of any byte of it (ASan gives 1 byte) */
static uint8_t *copy(const void *bytes, size_t n) {
    uint8_t *p = malloc(n);
    if (!p && n == 0) p = malloc(1);
    if (!p) { perror("malloc"); exit(2); }
    memcpy(p, bytes, n);
    return p;
}

static uint8_t *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* The entry points that take an engine and a dataset, called with valid other arguments. */
enum entry { E_VALIDATE, E_EVALUATE, E_EVALUATE_PERIOD, E_EVALUATE_YEAR, E_HALL_YEAR, E_AWARDS, E_EXPLAIN, E_COUNT };
static const char *entry_names[E_COUNT] = {
    "kp_validate", "kp_evaluate", "kp_evaluate_period", "kp_evaluate_year", "kp_evaluate_hall_year", "kp_awards", "kp_explain",
};

static KpStatus call(enum entry f, const KpEngine *e, const uint8_t *ds, size_t len, char **out, size_t *out_len) {
    switch (f) {
    case E_VALIDATE: return kp_validate(e, ds, len);
    case E_EVALUATE: return kp_evaluate(e, ds, len, "2026-10", out, out_len);
    case E_EVALUATE_PERIOD: return kp_evaluate_period(e, ds, len, "2026-Q3", out, out_len);
    case E_EVALUATE_YEAR: return kp_evaluate_year(e, ds, len, out, out_len);
    case E_HALL_YEAR: return kp_evaluate_hall_year(e, ds, len, KP_SCORES_ONLY, out, out_len);
    case E_AWARDS: return kp_awards(e, ds, len, "2026-Q3", out, out_len);
    case E_EXPLAIN: return kp_explain(e, ds, len, "W01", "2026-10", out, out_len);
    default: abort();
    }
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s DATASET\n", argv[0]); return 2; }
    size_t ds_len;
    uint8_t *ds = read_file(argv[1], &ds_len);
    static const char not_utf8[] = {'{', (char)0xff, (char)0xfe, '}'};
    uint8_t *bad_utf8 = copy(not_utf8, sizeof not_utf8);
    uint8_t *empty = copy("", 0);
    const size_t impossible[] = {SIZE_MAX, (size_t)PTRDIFF_MAX + 1};
    char name[160];
    char *out;
    size_t out_len;
    KpStatus st;

    /* no error yet on this thread: the accessors report none and leave *out alone */
    if (kp_last_error_message() != NULL) fail("no-error message", "a message before any failure", KP_OK);
    ok("no-error: kp_last_error_message is NULL");
    out = OUT_UNSET;
    out_len = LEN_UNSET;
    st = kp_last_error_json(&out, &out_len);
    if (st != KP_INVALID_ARGUMENT) fail("no-error json", "unexpected status", st);
    expect_unwritten("no-error json", out, out_len);
    ok("no-error: kp_last_error_json is KP_INVALID_ARGUMENT");

    /* engines */
    KpEngine *e = (KpEngine *)OUT_UNSET;
    expect_error("kp_engine_new_builtin: NULL out", kp_engine_new_builtin(NULL), KP_NULL_POINTER, "out", "out is NULL");
    expect_error("kp_engine_new: NULL out", kp_engine_new(ds, ds_len, NULL), KP_NULL_POINTER, "out", "out is NULL");
    expect_error("kp_engine_new: NULL policy", kp_engine_new(NULL, 10, &e), KP_NULL_POINTER, "policy_json", "policy_json is NULL");
    expect_error("kp_engine_new: non-UTF-8 policy", kp_engine_new(bad_utf8, sizeof not_utf8, &e), KP_INVALID_UTF8, "",
                 "the policy is not valid UTF-8 (at byte 1)");
    expect_error("kp_engine_new: zero length", kp_engine_new(empty, 0, &e), KP_INVALID_INPUT, "", "the policy is empty");
    for (size_t i = 0; i < 2; i++) {
        snprintf(name, sizeof name, "kp_engine_new: impossible length %zu", impossible[i]);
        expect_error(name, kp_engine_new(ds, impossible[i], &e), KP_INVALID_ARGUMENT, "policy_json", "is not a valid length");
    }
    if (e != (KpEngine *)OUT_UNSET) fail("kp_engine_new", "an engine was written on failure", KP_OK);

    /* freeing NULL: KP_OK; kp_engine_free clears the last error, kp_string_free leaves it */
    expect_error("kp_engine_new_builtin: NULL out, again", kp_engine_new_builtin(NULL), KP_NULL_POINTER, "out", "out is NULL");
    const char *before = kp_last_error_message();
    if (kp_string_free(NULL) != KP_OK) fail("kp_string_free(NULL)", "not KP_OK", KP_OK);
    if (kp_last_error_message() != before) fail("kp_string_free(NULL)", "changed the last error", KP_OK);
    ok("kp_string_free(NULL) is KP_OK and keeps the last error");
    /* kp_last_error_json with a NULL out: reported, and the last error stays */
    st = kp_last_error_json(NULL, NULL);
    if (st != KP_NULL_POINTER) fail("kp_last_error_json: NULL out", "unexpected status", st);
    if (kp_last_error_message() != before) fail("kp_last_error_json: NULL out", "changed the last error", st);
    ok("kp_last_error_json: NULL out is KP_NULL_POINTER and keeps the last error");
    if (kp_engine_free(NULL) != KP_OK) fail("kp_engine_free(NULL)", "not KP_OK", KP_OK);
    if (kp_last_error_message() != NULL) fail("kp_engine_free(NULL)", "the last error was not cleared", KP_OK);
    ok("kp_engine_free(NULL) is KP_OK and clears the last error");

    /* a foreign pointer as an engine: refused, not dereferenced (its bytes are left as they were) */
    uint8_t *foreign = copy("FOREIGN", 8);
    expect_error("kp_engine_free: foreign pointer", kp_engine_free((KpEngine *)foreign), KP_INVALID_HANDLE, "engine", "not a live engine");
    expect_error("kp_validate: foreign engine", kp_validate((const KpEngine *)foreign, ds, ds_len), KP_INVALID_HANDLE, "engine",
                 "not a live engine");
    /* a foreign pointer as a string (heap and stack): refused and left alone (the heap one is
     * freed below by free(), which ASan and valgrind would report if the library had freed it) */
    expect_error("kp_string_free: foreign heap pointer", kp_string_free((char *)foreign), KP_INVALID_HANDLE, "s", "not a live string");
    char local[8] = "LOCAL";
    expect_error("kp_string_free: stack pointer", kp_string_free(local), KP_INVALID_HANDLE, "s", "not a live string");
    if (memcmp(foreign, "FOREIGN", 8) != 0 || strcmp(local, "LOCAL") != 0) fail("foreign pointers", "their bytes changed", KP_OK);
    free(foreign);
    ok("foreign pointers left as they were");

    KpEngine *engine = NULL;
    st = kp_engine_new_builtin(&engine);
    if (st != KP_OK || !engine) fail("kp_engine_new_builtin", "no engine", st);
    /* a stale engine: freed, then freed again and used at once (before any new engine exists) */
    KpEngine *stale = NULL;
    st = kp_engine_new_builtin(&stale);
    if (st != KP_OK || !stale) fail("kp_engine_new_builtin", "no engine", st);
    if (kp_engine_free(stale) != KP_OK) fail("kp_engine_free", "not KP_OK", KP_OK);
    expect_error("kp_engine_free: freed twice", kp_engine_free(stale), KP_INVALID_HANDLE, "engine", "already freed");

    /* every entry point taking an engine and a dataset */
    for (int f = 0; f < E_COUNT; f++) {
        const char *fn = entry_names[f];
        int has_out = f != E_VALIDATE;
        struct {
            const char *what;
            const KpEngine *engine;
            const uint8_t *ds;
            size_t len;
            int null_out;
            KpStatus want;
            const char *path, *needle;
        } cs[] = {
            {"NULL engine", NULL, ds, ds_len, 0, KP_NULL_POINTER, "engine", "engine is NULL"},
            {"stale engine", stale, ds, ds_len, 0, KP_INVALID_HANDLE, "engine", "not a live engine of this library"},
            {"NULL dataset", engine, NULL, ds_len, 0, KP_NULL_POINTER, "dataset_json", "dataset_json is NULL"},
            {"non-UTF-8 dataset", engine, bad_utf8, sizeof not_utf8, 0, KP_INVALID_UTF8, "", "the dataset is not valid UTF-8 (at byte 1)"},
            {"zero length", engine, empty, 0, 0, KP_INVALID_INPUT, "", "the dataset is empty"},
            {"impossible length SIZE_MAX", engine, ds, impossible[0], 0, KP_INVALID_ARGUMENT, "dataset_json", "is not a valid length"},
            {"impossible length PTRDIFF_MAX+1", engine, ds, impossible[1], 0, KP_INVALID_ARGUMENT, "dataset_json", "is not a valid length"},
            {"NULL out", engine, ds, ds_len, 1, KP_NULL_POINTER, "out", "out is NULL"},
        };
        for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
            if (cs[i].null_out && !has_out) continue;
            snprintf(name, sizeof name, "%s: %s", fn, cs[i].what);
            out = OUT_UNSET;
            out_len = LEN_UNSET;
            st = call((enum entry)f, cs[i].engine, cs[i].ds, cs[i].len, cs[i].null_out ? NULL : &out, &out_len);
            expect_unwritten(name, out, out_len);
            expect_error(name, st, cs[i].want, cs[i].path, cs[i].needle);
        }
    }

    /* the NUL-terminated arguments: NULL, not UTF-8, malformed */
    static const char bad_cstr[] = {(char)0xff, (char)0xfe, 0};
    struct {
        const char *name;
        KpStatus want;
        const char *path, *needle;
    } args[] = {
        {"kp_evaluate: NULL period", KP_NULL_POINTER, "period", "period is NULL"},
        {"kp_evaluate: non-UTF-8 period", KP_INVALID_UTF8, "period", "period is not valid UTF-8"},
        {"kp_evaluate: malformed period 2026-13", KP_INVALID_ARGUMENT, "period", "expected a period"},
        {"kp_evaluate_period: NULL period", KP_NULL_POINTER, "period", "period is NULL"},
        {"kp_evaluate_period: malformed period 2026-Q5", KP_INVALID_ARGUMENT, "period", "expected a period"},
        {"kp_awards: NULL period", KP_NULL_POINTER, "period", "period is NULL"},
        {"kp_awards: non-UTF-8 period", KP_INVALID_UTF8, "period", "period is not valid UTF-8"},
        {"kp_explain: NULL subject", KP_NULL_POINTER, "subject", "subject is NULL"},
        {"kp_explain: non-UTF-8 subject", KP_INVALID_UTF8, "subject", "subject is not valid UTF-8"},
        {"kp_explain: NULL month", KP_NULL_POINTER, "month", "month is NULL"},
        {"kp_explain: a quarter as month", KP_INVALID_ARGUMENT, "month", "expected a month written YYYY-MM"},
        {"kp_explain: unknown subject", KP_INVALID_ARGUMENT, "subject", "\"NOBODY\" was not evaluated in 2026-10"},
        {"kp_evaluate_hall_year: unknown flag 8", KP_INVALID_ARGUMENT, "flags", "unknown flags 0x8"},
        {"kp_schema: NULL name", KP_NULL_POINTER, "name", "name is NULL"},
        {"kp_schema: non-UTF-8 name", KP_INVALID_UTF8, "name", "name is not valid UTF-8"},
        {"kp_schema: unknown name", KP_INVALID_ARGUMENT, "name", "unknown schema \"nope\""},
        {"kp_schema: NULL out", KP_NULL_POINTER, "out", "out is NULL"},
    };
    for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
        out = OUT_UNSET;
        out_len = LEN_UNSET;
        switch (i) {
        case 0: st = kp_evaluate(engine, ds, ds_len, NULL, &out, &out_len); break;
        case 1: st = kp_evaluate(engine, ds, ds_len, bad_cstr, &out, &out_len); break;
        case 2: st = kp_evaluate(engine, ds, ds_len, "2026-13", &out, &out_len); break;
        case 3: st = kp_evaluate_period(engine, ds, ds_len, NULL, &out, &out_len); break;
        case 4: st = kp_evaluate_period(engine, ds, ds_len, "2026-Q5", &out, &out_len); break;
        case 5: st = kp_awards(engine, ds, ds_len, NULL, &out, &out_len); break;
        case 6: st = kp_awards(engine, ds, ds_len, bad_cstr, &out, &out_len); break;
        case 7: st = kp_explain(engine, ds, ds_len, NULL, "2026-10", &out, &out_len); break;
        case 8: st = kp_explain(engine, ds, ds_len, bad_cstr, "2026-10", &out, &out_len); break;
        case 9: st = kp_explain(engine, ds, ds_len, "W01", NULL, &out, &out_len); break;
        case 10: st = kp_explain(engine, ds, ds_len, "W01", "2026-Q3", &out, &out_len); break;
        case 11: st = kp_explain(engine, ds, ds_len, "NOBODY", "2026-10", &out, &out_len); break;
        case 12: st = kp_evaluate_hall_year(engine, ds, ds_len, 8, &out, &out_len); break;
        case 13: st = kp_schema(NULL, &out, &out_len); break;
        case 14: st = kp_schema(bad_cstr, &out, &out_len); break;
        case 15: st = kp_schema("nope", &out, &out_len); break;
        case 16: st = kp_schema("dataset", NULL, &out_len); break;
        default: abort();
        }
        expect_unwritten(args[i].name, out, out_len);
        expect_error(args[i].name, st, args[i].want, args[i].path, args[i].needle);
    }

    /* out_len may be NULL; a success clears the last error; a string freed twice is detected at
     * once (before any other string is returned) */
    char *schema = NULL;
    st = kp_schema("dataset", &schema, NULL);
    if (st != KP_OK || !schema || !strstr(schema, "\"$schema\"")) fail("kp_schema: NULL out_len", "no schema", st);
    if (kp_last_error_message() != NULL) fail("kp_schema: NULL out_len", "the last error was not cleared", st);
    ok("kp_schema: NULL out_len accepted, last error cleared");
    if (kp_string_free(schema) != KP_OK) fail("kp_string_free", "not KP_OK", KP_OK);
    expect_error("kp_string_free: freed twice", kp_string_free(schema), KP_INVALID_HANDLE, "s", "already freed");

    if (kp_engine_free(engine) != KP_OK) fail("kp_engine_free", "not KP_OK", KP_OK);
    free(ds);
    free(bad_utf8);
    free(empty);
    printf("%d misuse cases reported as documented\n", cases);
    return 0;
}
