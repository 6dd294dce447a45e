/*
 * validation.c: writes docs/validation.md, the computed SDG 8.8.2 scores set against the published
 * ones, for `make validation` (and `make check`, which fails when the committed file is stale).
 *
 * For every country of the data tree DIR with a published SDG 8.8.2 value, and every year with
 * one, it evaluates the baseline profile under each method named on the command line (one per
 * reading of the year window) and prints the computed score, its error against the published
 * value, and the ILO texts that coded the year; then, per country, reading and over all
 * countries, the mean absolute error, the mean signed error and the agreement in direction of
 * the year-to-year changes. Nothing here feeds a score: the comparison finds missing texts and
 * misread rules; it is not a target to tune the data to.
 *
 * Usage: validation DIR METHOD... > docs/validation.md
 * Output is plain ASCII Markdown, the same bytes for the same data (no dates, no locale).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iloscore.h"

#define MAX_READINGS 4

/* Totals of one reading, over one country or all. */
typedef struct tally {
    int64_t abs_c, signed_c; /* sums of |error| and error, in hundredths */
    size_t n;                /* country-years compared */
    size_t agree, changes;   /* year-to-year changes with the published direction, of all */
} tally;

/* A published SDG 8.8.2 value as hundredths; false when it is not a plain number. */
static bool published_c(const char *v, int64_t *out)
{
    char *end;
    double x = strtod(v, &end);
    if (end == v || *end) return false;
    *out = (int64_t)(x * 100.0 + (x < 0 ? -0.5 : 0.5));
    return true;
}

static int sign(int64_t x) { return (x > 0) - (x < 0); }

static void put_c(int64_t c) { printf("%s%lld.%02lld", c < 0 ? "-" : "", (long long)(llabs(c) / 100), (long long)(llabs(c) % 100)); }

static void put_signed_c(int64_t c)
{
    putchar(c > 0 ? '+' : c < 0 ? '-' : ' ');
    put_c(llabs(c));
}

/* The mean of sum over n, in hundredths rounded half away from zero. */
static int64_t mean_c(int64_t sum, size_t n)
{
    if (!n) return 0;
    int64_t q = (2 * sum + (sum < 0 ? -(int64_t)n : (int64_t)n)) / (2 * (int64_t)n);
    return q;
}

static int cmp_source(const void *a, const void *b, const ilo_model *m)
{
    const ilo_source *x = &m->sources[*(const size_t *)a], *y = &m->sources[*(const size_t *)b];
    if (x->date.first != y->date.first) return x->date.first < y->date.first ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* The distinct sources behind the findings of r, by date then id, as "id, id". */
static void put_texts(const ilo_model *m, const ilo_result *r)
{
    size_t n = 0, cap = 0;
    size_t *ids = NULL;
    for (size_t f = 0; f < r->n_findings; f++)
        for (size_t j = 0; j < r->findings[f].n_sources; j++) {
            size_t s = r->findings[f].sources[j];
            bool seen = false;
            for (size_t k = 0; k < n && !seen; k++) seen = ids[k] == s;
            if (seen) continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 16;
                size_t *t = realloc(ids, cap * sizeof *t);
                if (!t) {
                    free(ids);
                    fputs("validation: out of memory\n", stderr);
                    exit(70);
                }
                ids = t;
            }
            ids[n++] = s;
        }
    /* Insertion sort: a handful of texts. */
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && cmp_source(&ids[k - 1], &ids[k], m) > 0; k--) {
            size_t t = ids[k];
            ids[k] = ids[k - 1];
            ids[k - 1] = t;
        }
    if (!n) fputs("none", stdout);
    for (size_t i = 0; i < n; i++) printf("%s`%s`", i ? ", " : "", m->sources[ids[i]].id);
    free(ids);
}

static void put_tally(const char *what, const tally *t)
{
    printf("| %s | %zu | ", what, t->n);
    put_c(mean_c(t->abs_c, t->n));
    fputs(" | ", stdout);
    put_signed_c(mean_c(t->signed_c, t->n));
    printf(" | %zu of %zu |\n", t->agree, t->changes);
}

static void add_tally(tally *to, const tally *t)
{
    to->abs_c += t->abs_c;
    to->signed_c += t->signed_c;
    to->n += t->n;
    to->agree += t->agree;
    to->changes += t->changes;
}

/* One country's table and totals; adds them to all[]. Returns false on an evaluation error. */
static bool country(const ilo_model *m, size_t c, const size_t *meth, size_t n_meth, ilo_result *r, ilo_ctx *ctx,
                    tally *all)
{
    const ilo_country *co = &m->countries[c];
    tally t[MAX_READINGS] = {{0}};
    int64_t prev_pub = 0, prev_comp[MAX_READINGS] = {0};
    int prev_year = 0;
    printf("\n## %s (%s)\n\n| year | published |", co->name, co->code);
    for (size_t k = 0; k < n_meth; k++) printf(" `%s` | error |", m->methods[meth[k]].id);
    for (size_t k = 0; k < n_meth; k++) printf(" ILO texts coded, `%s` |", m->methods[meth[k]].id);
    fputs("\n|---:|---:|", stdout);
    for (size_t k = 0; k < n_meth; k++) fputs("---:|---:|", stdout);
    for (size_t k = 0; k < n_meth; k++) fputs("---|", stdout);
    putchar('\n');
    ilo_profile p = ilo_profile_baseline(m, c);
    /* Published rows in year order (the data lists them in any order). */
    for (int y = ILO_YEAR_MIN; y <= ILO_YEAR_MAX; y++) {
        const ilo_published *pub = NULL;
        int64_t pc = 0;
        for (size_t i = 0; i < co->n_published && !pub; i++)
            if (co->published[i].year == y && strcmp(co->published[i].measure, "sdg-8.8.2") == 0 &&
                published_c(co->published[i].value, &pc))
                pub = &co->published[i];
        if (!pub) continue;
        printf("| %d | %s |", y, pub->value);
        int64_t comp[MAX_READINGS];
        for (size_t k = 0; k < n_meth; k++) {
            if (ilo_eval(m, &p, meth[k], y, r, ctx) != ILO_OK) return false;
            comp[k] = ilo_round2(r->score);
            int64_t e = comp[k] - pc;
            t[k].abs_c += llabs(e);
            t[k].signed_c += e;
            t[k].n++;
            if (prev_year == y - 1) {
                t[k].changes++;
                t[k].agree += sign(comp[k] - prev_comp[k]) == sign(pc - prev_pub);
            }
            fputs(" ", stdout);
            put_c(comp[k]);
            fputs(" | ", stdout);
            put_signed_c(e);
            fputs(" |", stdout);
        }
        for (size_t k = 0; k < n_meth; k++) {
            if (ilo_eval(m, &p, meth[k], y, r, ctx) != ILO_OK) return false;
            fputs(" ", stdout);
            put_texts(m, r);
            fputs(" |", stdout);
            prev_comp[k] = comp[k];
        }
        putchar('\n');
        prev_pub = pc;
        prev_year = y;
    }
    puts("\n| reading | years | mean absolute error | mean error | direction of changes agrees |\n|---|---:|---:|---:|---:|");
    for (size_t k = 0; k < n_meth; k++) {
        char what[128];
        snprintf(what, sizeof what, "`%s`", m->methods[meth[k]].id);
        put_tally(what, &t[k]);
        add_tally(&all[k], &t[k]);
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc - 2 > MAX_READINGS) {
        fputs("usage: validation DIR METHOD... (1 to 4 methods)\n", stderr);
        return 2;
    }
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    if (!ctx || ilo_model_load(argv[1], NULL, 0, &m, ctx) != ILO_OK) {
        for (size_t i = 0; ctx && i < ilo_ctx_kept(ctx); i++) {
            const ilo_error *e = ilo_ctx_error(ctx, i);
            fprintf(stderr, "validation: %s:%d: %s\n", e->file, e->line, e->msg);
        }
        ilo_ctx_free(ctx);
        return 3;
    }
    size_t meth[MAX_READINGS], n_meth = (size_t)argc - 2;
    for (size_t k = 0; k < n_meth; k++) {
        meth[k] = ilo_model_find_method(m, argv[k + 2]);
        if (meth[k] == SIZE_MAX) {
            fprintf(stderr, "validation: unknown method \"%s\"\n", argv[k + 2]);
            ilo_model_free(m);
            ilo_ctx_free(ctx);
            return 5;
        }
    }
    puts("# Validation: computed SDG 8.8.2 scores against the published series\n");
    puts("Generated from the data by `make validation` (tools/validation.c); do not edit by hand.");
    puts("`make check` fails when this file differs from what the data gives.\n");
    puts("For every country-year with a published SDG 8.8.2 value in the data (`published`, measure");
    puts("`sdg-8.8.2`), the score computed under each reading of the year window beside the published");
    puts("value, the error (computed minus published, on the two-decimal values), and the ILO texts whose");
    puts("findings count that year (for a carried finding, the texts of the year it was last reported).");
    puts("The readings are methods that differ only in their `window` (docs/data-format.md, \"Year");
    fputs("windows\"): ", stdout);
    for (size_t k = 0; k < n_meth; k++) {
        const ilo_method *me = &m->methods[meth[k]];
        const char *w = me->window == ILO_WINDOW_CARRY_FORWARD ? "carry-forward"
                        : me->window == ILO_WINDOW_OCCURRENCE  ? "occurrence"
                                                               : "evidence";
        printf("%s`%s` (%s)", k ? (k + 1 == n_meth ? " and " : ", ") : "", me->id, w);
    }
    puts(".\n");
    puts("Direction of changes: for each pair of consecutive years with published values, whether the");
    puts("computed score moves the same way as the published one (up, down or unchanged).");
    puts("The comparison is there to find missing texts and misread rules; nothing is coded to move a");
    puts("score toward the published one. Published values are those of the vintage the profile cites.");
    tally all[MAX_READINGS] = {{0}};
    size_t n_countries = 0;
    ilo_result *r = ilo_result_new(m);
    if (!r) return 70;
    for (size_t c = 0; c < m->n_countries; c++) {
        const ilo_country *co = &m->countries[c];
        bool any = false;
        int64_t pc;
        for (size_t i = 0; i < co->n_published && !any; i++)
            any = strcmp(co->published[i].measure, "sdg-8.8.2") == 0 && published_c(co->published[i].value, &pc);
        if (!any || co->synthetic) continue;
        if (!country(m, c, meth, n_meth, r, ctx, all)) {
            fprintf(stderr, "validation: %s\n", ilo_ctx_error(ctx, 0) ? ilo_ctx_error(ctx, 0)->msg : "evaluation failed");
            return 1;
        }
        n_countries++;
    }
    printf("\n## All countries (%zu)\n\n", n_countries);
    puts("| reading | country-years | mean absolute error | mean error | direction of changes agrees |\n|---|---:|---:|---:|---:|");
    for (size_t k = 0; k < n_meth; k++) {
        char what[128];
        snprintf(what, sizeof what, "`%s`", m->methods[meth[k]].id);
        put_tally(what, &all[k]);
    }
    /* Which reading comes closest, by each measure; ties are named together. */
    size_t best_mae = 0, best_dir = 0;
    for (size_t k = 1; k < n_meth; k++) {
        if (all[k].n && all[k].abs_c * (int64_t)all[best_mae].n < all[best_mae].abs_c * (int64_t)all[k].n) best_mae = k;
        if (all[k].changes && all[k].agree * all[best_dir].changes > all[best_dir].agree * all[k].changes) best_dir = k;
    }
    fputs("\nClosest by mean absolute error:", stdout);
    for (size_t k = 0; k < n_meth; k++)
        if (all[k].abs_c * (int64_t)all[best_mae].n == all[best_mae].abs_c * (int64_t)all[k].n)
            printf(" `%s`", m->methods[meth[k]].id);
    fputs(". Closest by direction of changes:", stdout);
    for (size_t k = 0; k < n_meth; k++)
        if (all[k].agree * all[best_dir].changes == all[best_dir].agree * all[k].changes)
            printf(" `%s`", m->methods[meth[k]].id);
    puts(".");
    puts("\n## Back-testing against trade decisions\n");
    puts("<!-- Reserved: the back-testing table (computed scores against trade-preference decisions) is");
    puts("     produced by its own generator and goes here; this generator writes only the heading. -->");
    puts("Not generated yet.");
    ilo_result_free(r);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
    return 0;
}
