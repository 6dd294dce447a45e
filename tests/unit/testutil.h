/* testutil.h: what the cmocka unit tests share: cmocka's includes, the fixture folder, and
 * loading a fixture data tree. */
#ifndef ILO_TESTUTIL_H
#define ILO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "iloscore.h"

/* The folder holding the fixtures: $ILO_TESTDATA, or tests/data. */
static inline const char *test_data_dir(void)
{
    const char *d = getenv("ILO_TESTDATA");
    return d && *d ? d : "tests/data";
}

/* Loads the fixture tree tests/data/NAME; fails the test if it does not load. Caller frees. */
static inline ilo_model *test_load(const char *name)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", test_data_dir(), name);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    ilo_status st = ilo_model_load(dir, NULL, 0, &m, ctx);
    if (st != ILO_OK) {
        for (size_t i = 0; i < ilo_ctx_kept(ctx); i++) {
            const ilo_error *e = ilo_ctx_error(ctx, i);
            fprintf(stderr, "%s:%d: %s\n", e->file, e->line, e->msg);
        }
    }
    ilo_ctx_free(ctx);
    assert_int_equal(st, ILO_OK);
    assert_non_null(m);
    return m;
}

#ifdef TEST_SHIPPED_DATA
/* The shipped data tree (the repository root), loaded once by the group setup of the tests that
 * check the real profiles; M is theirs to read and shipped_teardown() frees it. */
static ilo_model *M;

static int shipped_setup(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_model_load(".", NULL, 0, &M, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return 0;
}

static int shipped_teardown(void **state)
{
    (void)state;
    ilo_model_free(M);
    return 0;
}

static inline const ilo_country *shipped_country(const char *code)
{
    size_t c = ilo_model_find_country(M, code);
    assert_true(c != SIZE_MAX);
    return &M->countries[c];
}

/* The baseline evaluation of a shipped country in one year; the caller frees the result. */
static inline ilo_result *shipped_eval(const char *code, const char *method, int year)
{
    ilo_profile p = ilo_profile_baseline(M, (size_t)(shipped_country(code) - M->countries));
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(M, &p, ilo_model_find_method(M, method), year, r, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return r;
}

/* Every item of co cites a source, every source it cites is dated, and one has a web address. */
static inline void shipped_items_sourced(const ilo_country *co)
{
    for (size_t i = 0; i < co->n_items; i++) {
        const ilo_item *it = &M->items[co->item_first + i];
        bool url = false;
        assert_true(it->n_sources > 0);
        for (size_t j = 0; j < it->n_sources; j++) {
            const ilo_source *s = &M->sources[it->sources[j]];
            assert_true(s->date.prec != ILO_DATE_NONE);
            url |= s->url != NULL && strncmp(s->url, "http", 4) == 0;
        }
        if (!url) fprintf(stderr, "%s has no source with a URL\n", it->id);
        assert_true(url);
    }
}
#endif

#endif
