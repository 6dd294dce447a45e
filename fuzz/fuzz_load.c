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
#include "tree.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    tree_init("fuzz_load");
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
