/*
 * fuzz_load.c: a libFuzzer harness for the loader. The first byte of an input chooses which file
 * of a copy of tests/data/mini the rest replaces (catalogue, method, regime, country profile or
 * scenario); the tree is then loaded with ilo_model_load() and freed. Whatever the bytes, loading
 * must return (ILO_OK or an error recorded in the context) without a crash, a leak or undefined
 * behaviour. The file is restored after each run, so every input is judged on its own.
 *
 * Build and run: make fuzz FUZZ_SECONDS=N (clang, -fsanitize=fuzzer,address,undefined). The tree
 * copied is $ILO_FUZZ_TREE, or tests/data/mini from the current folder.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iloscore.h"

static const char *const files[] = {"criteria/cat.cfg", "criteria/methods/ev.cfg", "criteria/regimes/r.cfg",
                                    "countries/XAA.cfg", "scenarios/s.cfg"};
#define N_FILES (sizeof files / sizeof files[0])

static char dir[64];
static ilo_ctx *ctx; /* one context, cleared before each run: it is large to allocate */
static char *orig[N_FILES];
static size_t orig_len[N_FILES];

static void path_of(char *out, size_t size, size_t k) { snprintf(out, size, "%s/%s", dir, files[k]); }

static int write_file(size_t k, const uint8_t *data, size_t n)
{
    char path[256];
    path_of(path, sizeof path, k);
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t w = fwrite(data, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "fuzz_load: could not remove %s\n", dir);
    for (size_t k = 0; k < N_FILES; k++) free(orig[k]);
    ilo_ctx_free(ctx);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tree = getenv("ILO_FUZZ_TREE");
    char cmd[512];
    if (!tree || !*tree) tree = "tests/data/mini";
    snprintf(dir, sizeof dir, "/tmp/ilo-fuzz-XXXXXX");
    if (!mkdtemp(dir)) abort();
    snprintf(cmd, sizeof cmd, "cp -R '%s/.' '%s'", tree, dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "fuzz_load: cannot copy %s (run from the repository root or set ILO_FUZZ_TREE)\n", tree);
        abort();
    }
    for (size_t k = 0; k < N_FILES; k++) {
        char path[256];
        path_of(path, sizeof path, k);
        FILE *f = fopen(path, "rb");
        if (!f) abort();
        orig[k] = malloc(1 << 16);
        if (!orig[k]) abort();
        orig_len[k] = fread(orig[k], 1, 1 << 16, f);
        fclose(f);
    }
    if (!(ctx = ilo_ctx_new())) abort();
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    size_t k = data[0] % N_FILES;
    if (write_file(k, data + 1, size - 1) != 0) abort();
    ilo_ctx_clear(ctx);
    ilo_model *m = NULL;
    ilo_status st = ilo_model_load(dir, NULL, 0, &m, ctx);
    /* The contract: success gives a model and no error; failure gives no model and errors. */
    if ((st == ILO_OK) != (m != NULL) || (st == ILO_OK) != (ilo_ctx_count(ctx) == 0)) abort();
    for (size_t i = 0; i < ilo_ctx_kept(ctx); i++) {
        const ilo_error *e = ilo_ctx_error(ctx, i);
        /* Every message is one line: values from the data are escaped. */
        if (!e->msg[0] || strchr(e->msg, '\n')) abort();
    }
    ilo_model_free(m);
    if (write_file(k, (const uint8_t *)orig[k], orig_len[k]) != 0) abort();
    return 0;
}
