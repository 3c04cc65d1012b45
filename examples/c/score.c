/* kaoping from C: score the sample hall, print October's top windows, check the bytes against the
 * core's (the kaoping command's output), and exercise the error path.
 *
 *   score DATASET EXPECTED_MONTH_JSON EXPECTED_PERIOD_JSON BAD_DATASET
 *
 * Exit 0 when every check holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kaoping.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return NULL; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf) { fclose(f); return NULL; }
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    *len = got;
    return buf;
}

/* The kaoping command prints one final newline; the library returns the JSON without it. */
static int same_bytes(const char *got, size_t got_len, const char *want, size_t want_len) {
    if (want_len > 0 && want[want_len - 1] == '\n') want_len--;
    return got_len == want_len && memcmp(got, want, got_len) == 0;
}

/* Copies the string value after `"key": "` starting at p into out; returns the position after it. */
static const char *string_after(const char *p, const char *key, char *out, size_t cap) {
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": \"", key);
    const char *s = strstr(p, pat);
    if (!s) return NULL;
    s += strlen(pat);
    const char *e = strchr(s, '"');
    if (!e) return NULL;
    size_t n = (size_t)(e - s) < cap - 1 ? (size_t)(e - s) : cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    return e + 1;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s DATASET EXPECTED_MONTH_JSON EXPECTED_PERIOD_JSON BAD_DATASET\n", argv[0]);
        return 2;
    }
    int failures = 0;
    size_t ds_len, want_month_len, want_period_len, bad_len;
    char *ds = read_file(argv[1], &ds_len);
    char *want_month = read_file(argv[2], &want_month_len);
    char *want_period = read_file(argv[3], &want_period_len);
    char *bad = read_file(argv[4], &bad_len);
    if (!ds || !want_month || !want_period || !bad) return 2;

    printf("kaoping %s (ABI %u)\n", kp_version(), kp_abi_version());
    if (kp_abi_version() != KP_ABI_VERSION) { fprintf(stderr, "ABI mismatch\n"); return 1; }

    KpEngine *engine = NULL;
    if (kp_engine_new_builtin(&engine) != KP_OK) { fprintf(stderr, "engine: %s\n", kp_last_error_message()); return 1; }

    /* the month: the full result, compared byte for byte with the core's */
    char *month = NULL;
    size_t month_len = 0;
    KpStatus st = kp_evaluate(engine, (const uint8_t *)ds, ds_len, "2026-10", &month, &month_len);
    if (st != KP_OK) { fprintf(stderr, "evaluate: %d %s\n", st, kp_last_error_message()); return 1; }
    if (!same_bytes(month, month_len, want_month, want_month_len)) { fprintf(stderr, "FAIL: month JSON differs from the core's\n"); failures++; }
    else printf("ok: 2026-10 result equals the core's (%zu bytes)\n", month_len);
    kp_string_free(month);

    /* the month's ranking: the period result lists windows in rank order */
    char *period = NULL;
    size_t period_len = 0;
    st = kp_evaluate_period(engine, (const uint8_t *)ds, ds_len, "2026-10", &period, &period_len);
    if (st != KP_OK) { fprintf(stderr, "evaluate_period: %d %s\n", st, kp_last_error_message()); return 1; }
    if (!same_bytes(period, period_len, want_period, want_period_len)) { fprintf(stderr, "FAIL: period JSON differs from the core's\n"); failures++; }
    else printf("ok: 2026-10 ranking equals the core's (%zu bytes)\n", period_len);
    printf("2026-10 top windows:\n");
    const char *p = strstr(period, "\"windows\": [");
    const char *staff = strstr(period, "\"staff\": [");
    for (int i = 0; p && i < 5; i++) {
        char id[64], name[256], score[32];
        p = string_after(p, "subject", id, sizeof id);
        if (!p || (staff && p > staff)) break;
        p = string_after(p, "name", name, sizeof name);
        if (!p) break;
        p = string_after(p, "score", score, sizeof score);
        if (!p) break;
        printf("  %d. %s %s %s\n", i + 1, id, name, score);
    }
    kp_string_free(period);

    /* the error path: the invalid-input status and a message naming the record */
    st = kp_validate(engine, (const uint8_t *)bad, bad_len);
    const char *msg = kp_last_error_message();
    if (st != KP_INVALID_INPUT || !msg || !strstr(msg, "BAD-0001") || !strstr(msg, "records[0].points")) {
        fprintf(stderr, "FAIL: the bad dataset gave status %d, message %s\n", st, msg ? msg : "(none)");
        failures++;
    } else {
        printf("ok: bad dataset rejected (status %d): %.80s...\n", st, msg);
    }
    char *err_json = NULL;
    if (kp_last_error_json(&err_json, NULL) != KP_OK || !strstr(err_json, "\"record\":\"BAD-0001\"")) { fprintf(stderr, "FAIL: error JSON\n"); failures++; }
    kp_string_free(err_json);

    /* misuse is reported, not undefined */
    if (kp_evaluate(engine, (const uint8_t *)ds, ds_len, "2026-13", &month, NULL) != KP_INVALID_ARGUMENT) { fprintf(stderr, "FAIL: bad period accepted\n"); failures++; }
    if (kp_evaluate(NULL, (const uint8_t *)ds, ds_len, "2026-10", &month, NULL) != KP_NULL_POINTER) { fprintf(stderr, "FAIL: NULL engine accepted\n"); failures++; }
    char *schema = NULL;
    if (kp_schema("dataset", &schema, NULL) != KP_OK) { fprintf(stderr, "FAIL: schema\n"); failures++; }
    kp_string_free(schema);
    if (kp_string_free(schema) != KP_INVALID_HANDLE) { fprintf(stderr, "FAIL: double free not detected\n"); failures++; }

    if (kp_engine_free(engine) != KP_OK) failures++;
    if (kp_engine_free(engine) != KP_INVALID_HANDLE) { fprintf(stderr, "FAIL: engine double free not detected\n"); failures++; }
    free(ds); free(want_month); free(want_period); free(bad);
    printf("%s\n", failures ? "FAILED" : "all C checks passed");
    return failures ? 1 : 0;
}
