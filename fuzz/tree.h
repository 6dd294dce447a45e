/*
 * tree.h: the scratch data tree both fuzz harnesses mutate (fuzz_load.c, fuzz_render.c; each is
 * one program, so these are static). A copy of $ILO_FUZZ_TREE (default tests/data/mini) in a
 * fresh /tmp folder; an input replaces one of `files` and the harness puts the original back
 * after the run, so every input is judged on its own. The tree and ctx live until exit.
 */
#ifndef ILO_FUZZ_TREE_H
#define ILO_FUZZ_TREE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "iloscore.h"

static const char *const files[] = {"criteria/cat.cfg", "criteria/methods/ev.cfg", "criteria/regimes/r.cfg",
                                    "countries/XAA.cfg", "scenarios/s.cfg"};
#define N_FILES (sizeof files / sizeof files[0])

static char dir[64];
static ilo_ctx *ctx; /* one context, cleared before each run: it is large to allocate */
static char *orig[N_FILES];
static size_t orig_len[N_FILES];
static const char *tree_who; /* the harness's name, for messages */

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
    if (system(cmd) != 0) fprintf(stderr, "%s: could not remove %s\n", tree_who, dir);
    for (size_t k = 0; k < N_FILES; k++) free(orig[k]);
    ilo_ctx_free(ctx);
}

/* Copies the tree, keeps the originals of `files`, makes ctx; aborts on any failure. */
static void tree_init(const char *who)
{
    const char *tree = getenv("ILO_FUZZ_TREE");
    char cmd[512];
    tree_who = who;
    if (!tree || !*tree) tree = "tests/data/mini";
    snprintf(dir, sizeof dir, "/tmp/ilo-fuzz-XXXXXX");
    if (!mkdtemp(dir)) abort();
    snprintf(cmd, sizeof cmd, "cp -R '%s/.' '%s'", tree, dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "%s: cannot copy %s (run from the repository root or set ILO_FUZZ_TREE)\n", who, tree);
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
}

#endif
