/* One engine, 8 threads at once: every thread scores the same quarter; all results must be equal
 * to each other and to the core's bytes.   threads DATASET EXPECTED_Q3_JSON */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kaoping.h"

#define THREADS 8

static const KpEngine *engine;
static char *ds;
static size_t ds_len;
static char *results[THREADS];
static size_t lens[THREADS];
static KpStatus statuses[THREADS];

static void *work(void *arg) {
    long i = (long)arg;
    statuses[i] = kp_evaluate_period(engine, (const uint8_t *)ds, ds_len, "2026-Q3", &results[i], &lens[i]);
    return NULL;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s DATASET EXPECTED_Q3_JSON\n", argv[0]); return 2; }
    size_t want_len;
    ds = read_file(argv[1], &ds_len);
    char *want = read_file(argv[2], &want_len);
    if (want_len && want[want_len - 1] == '\n') want_len--;
    KpEngine *e = NULL;
    if (kp_engine_new_builtin(&e) != KP_OK) return 1;
    engine = e;
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    int failures = 0;
    for (int i = 0; i < THREADS; i++) {
        if (statuses[i] != KP_OK) { fprintf(stderr, "thread %d: status %d\n", i, statuses[i]); failures++; continue; }
        if (lens[i] != want_len || memcmp(results[i], want, want_len) != 0) { fprintf(stderr, "thread %d: result differs\n", i); failures++; }
        kp_string_free(results[i]);
    }
    kp_engine_free(e);
    free(ds);
    free(want);
    printf("%d threads, one engine: %s\n", THREADS, failures ? "FAILED" : "all results equal the core's");
    return failures ? 1 : 0;
}
