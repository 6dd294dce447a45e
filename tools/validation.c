/*
 * validation.c: writes docs/validation.md, the computed scores set against the published ones,
 * for `make validation` (and `make check`, which fails when the committed file is stale).
 *
 * For every country profile of the data tree DIR, and every year with a published SDG 8.8.2
 * value in any vintage of published/ (each vintage apart, named, never merged), it evaluates the
 * baseline profile under each reading named on the command line (methods that differ only in
 * their year window) and prints the computed score, its error against the published value, and
 * the ILO texts that coded the year; then, per country, per vintage and per reading, and over all
 * countries per vintage and reading, the mean absolute error, the mean signed error and the
 * agreement in direction of the year-to-year changes. A second part sets the score of one more
 * method (--ituc, the all-sources method) against the ITUC ratings of the same countries, as
 * plain counts of agreement between the method's own bands and the rating (nothing fitted). The
 * back-test section (tools/backtest.sh, --backtest FILE) is copied in at the end.
 * Nothing here feeds a score: the comparison finds missing texts and misread rules; it is not a
 * target to tune the data to.
 *
 * Usage: validation DIR [--ituc METHOD] [--backtest FILE] READING... > docs/validation.md
 * Output is plain ASCII Markdown, the same bytes for the same data (no dates, no locale).
 * Exit codes: 2 usage, 3 the data does not load, 4 FILE cannot be read, 5 unknown method,
 * 1 an evaluation failed, 70 out of memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iloscore.h"

#define MAX_READINGS 4

/* Totals of one reading, over one country or all, within one vintage. */
typedef struct tally {
    int64_t abs_hundredths, signed_hundredths; /* sums of |error| and error, in hundredths */
    size_t n;                /* country-years compared */
    size_t agree, changes;   /* year-to-year changes with the published direction, of all */
} tally;

/* What every table needs. tallies[(c * n_vint + v) * n_meth + k]: country c, vintage v, reading k
 * (v indexes m->vintages; vintages that are not SDG 8.8.2 stay empty). Owned by main(). */
typedef struct run {
    const ilo_model *m;
    size_t meth[MAX_READINGS], n_meth;
    ilo_result *r;
    ilo_ctx *ctx;
    tally *tallies;
} run;

static void out_of_memory(void)
{
    fputs("validation: out of memory\n", stderr);
    exit(70);
}

/* A published SDG 8.8.2 figure as hundredths (the loader parsed it into score, 0-10, and keeps
 * the words after it in value); false when it has no value. */
static bool published_hundredths(const ilo_figure *f, int64_t *out)
{
    if (!f->value || f->score != f->score) return false;
    *out = (int64_t)(f->score * 100.0 + 0.5);
    return true;
}

static int sign(int64_t x) { return (x > 0) - (x < 0); }

static void put_hundredths(int64_t c) { printf("%s%lld.%02lld", c < 0 ? "-" : "", (long long)(llabs(c) / 100), (long long)(llabs(c) % 100)); }

static void put_signed_hundredths(int64_t c)
{
    putchar(c > 0 ? '+' : c < 0 ? '-' : ' ');
    put_hundredths(llabs(c));
}

/* The mean of sum over n, in hundredths rounded half away from zero. */
static int64_t mean_hundredths(int64_t sum, size_t n)
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
                    out_of_memory();
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

/* "| years | mean absolute error | mean error | agrees |" cells of t. */
static void put_tally_cells(const tally *t)
{
    printf(" %zu | ", t->n);
    put_hundredths(mean_hundredths(t->abs_hundredths, t->n));
    fputs(" | ", stdout);
    put_signed_hundredths(mean_hundredths(t->signed_hundredths, t->n));
    printf(" | %zu of %zu |\n", t->agree, t->changes);
}

static void add_tally(tally *to, const tally *t)
{
    to->abs_hundredths += t->abs_hundredths;
    to->signed_hundredths += t->signed_hundredths;
    to->n += t->n;
    to->agree += t->agree;
    to->changes += t->changes;
}

static tally *tally_at(const run *u, size_t c, size_t v, size_t k)
{
    return &u->tallies[(c * u->m->n_vintages + v) * u->n_meth + k];
}

static bool is_sdg(const ilo_vintage *v) { return v->measure == ILO_MEASURE_SDG; }

static bool has_figure(const ilo_vintage *v, const char *code)
{
    for (size_t i = 0; i < v->n_figures; i++)
        if (strcmp(v->figures[i].country, code) == 0) return true;
    return false;
}

/* One vintage's table for country c; fills its tallies. False on an evaluation error. */
static bool country_vintage(run *u, size_t c, size_t vi)
{
    const ilo_model *m = u->m;
    const ilo_vintage *v = &m->vintages[vi];
    const ilo_country *co = &m->countries[c];
    int64_t prev_pub = 0, prev_comp[MAX_READINGS] = {0};
    int prev_year = 0;
    printf("\n### Vintage `%s`: %s\n\n| year | published |", v->id, v->title);
    for (size_t k = 0; k < u->n_meth; k++) printf(" `%s` | error |", m->methods[u->meth[k]].id);
    for (size_t k = 0; k < u->n_meth; k++) printf(" ILO texts coded, `%s` |", m->methods[u->meth[k]].id);
    fputs("\n|---:|---:|", stdout);
    for (size_t k = 0; k < u->n_meth; k++) fputs("---:|---:|", stdout);
    for (size_t k = 0; k < u->n_meth; k++) fputs("---|", stdout);
    putchar('\n');
    ilo_profile p = ilo_profile_baseline(m, c);
    /* The figures are sorted by year, then country: this country's come in year order. */
    for (size_t i = 0; i < v->n_figures; i++) {
        const ilo_figure *f = &v->figures[i];
        int64_t pc;
        if (strcmp(f->country, co->code) != 0 || !published_hundredths(f, &pc)) continue;
        printf("| %d | %s |", f->year, f->value);
        int64_t comp[MAX_READINGS];
        for (size_t k = 0; k < u->n_meth; k++) {
            if (ilo_eval(m, &p, u->meth[k], f->year, u->r, u->ctx) != ILO_OK) return false;
            comp[k] = ilo_round2(u->r->score);
            int64_t e = comp[k] - pc;
            tally *t = tally_at(u, c, vi, k);
            t->abs_hundredths += llabs(e);
            t->signed_hundredths += e;
            t->n++;
            if (prev_year == f->year - 1) {
                t->changes++;
                t->agree += sign(comp[k] - prev_comp[k]) == sign(pc - prev_pub);
            }
            fputs(" ", stdout);
            put_hundredths(comp[k]);
            fputs(" | ", stdout);
            put_signed_hundredths(e);
            fputs(" |", stdout);
        }
        for (size_t k = 0; k < u->n_meth; k++) {
            if (ilo_eval(m, &p, u->meth[k], f->year, u->r, u->ctx) != ILO_OK) return false;
            fputs(" ", stdout);
            put_texts(m, u->r);
            fputs(" |", stdout);
            prev_comp[k] = comp[k];
        }
        putchar('\n');
        prev_pub = pc;
        prev_year = f->year;
    }
    return true;
}

static const char *const TALLY_HEAD =
    "| vintage | reading | years | mean absolute error | mean error | direction of changes agrees |\n"
    "|---|---|---:|---:|---:|---:|";

/* One country's section: a table per vintage that has its figures, then its totals. */
static bool country(run *u, size_t c)
{
    const ilo_model *m = u->m;
    const ilo_country *co = &m->countries[c];
    bool any = false;
    printf("\n## %s (%s)\n", co->name, co->code);
    for (size_t v = 0; v < m->n_vintages; v++) {
        if (!is_sdg(&m->vintages[v]) || !has_figure(&m->vintages[v], co->code)) continue;
        if (!country_vintage(u, c, v)) return false;
        any = true;
    }
    if (!any) {
        puts("\nNo vintage in published/ holds an SDG 8.8.2 value for this country: nothing to compare.");
        return true;
    }
    printf("\n%s\n", TALLY_HEAD);
    for (size_t v = 0; v < m->n_vintages; v++)
        for (size_t k = 0; k < u->n_meth; k++) {
            const tally *t = tally_at(u, c, v, k);
            if (!t->n) continue;
            printf("| `%s` | `%s` |", m->vintages[v].id, m->methods[u->meth[k]].id);
            put_tally_cells(t);
        }
    return true;
}

/* Readings closest to vintage v's series over all countries (all[k]), by both measures. */
static void put_closest(const run *u, const ilo_vintage *v, const tally *all)
{
    size_t best_mae = 0, best_dir = 0;
    for (size_t k = 1; k < u->n_meth; k++) {
        if (all[k].n && all[k].abs_hundredths * (int64_t)all[best_mae].n < all[best_mae].abs_hundredths * (int64_t)all[k].n) best_mae = k;
        if (all[k].changes && all[k].agree * all[best_dir].changes > all[best_dir].agree * all[k].changes) best_dir = k;
    }
    printf("- `%s`: closest by mean absolute error:", v->id);
    for (size_t k = 0; k < u->n_meth; k++)
        if (all[k].abs_hundredths * (int64_t)all[best_mae].n == all[best_mae].abs_hundredths * (int64_t)all[k].n)
            printf(" `%s`", u->m->methods[u->meth[k]].id);
    fputs("; by direction of changes:", stdout);
    for (size_t k = 0; k < u->n_meth; k++)
        if (all[k].agree * all[best_dir].changes == all[best_dir].agree * all[k].changes)
            printf(" `%s`", u->m->methods[u->meth[k]].id);
    puts(".");
}

/* Totals over every country, per vintage and reading, and a table of every country's totals. */
static void totals(const run *u)
{
    const ilo_model *m = u->m;
    puts("\n## All countries\n");
    puts("Per vintage and reading, over every country with values in that vintage. Vintages are not");
    puts("pooled: they are different copies of a revised series (the same country-year can differ).\n");
    printf("%s\n", TALLY_HEAD);
    tally *all = calloc(m->n_vintages * u->n_meth + 1, sizeof *all);
    if (!all) out_of_memory();
    for (size_t v = 0; v < m->n_vintages; v++)
        for (size_t k = 0; k < u->n_meth; k++) {
            tally *a = &all[v * u->n_meth + k];
            for (size_t c = 0; c < m->n_countries; c++) add_tally(a, tally_at(u, c, v, k));
            if (!a->n) continue;
            printf("| `%s` | `%s` |", m->vintages[v].id, m->methods[u->meth[k]].id);
            put_tally_cells(a);
        }
    putchar('\n');
    for (size_t v = 0; v < m->n_vintages; v++)
        if (all[v * u->n_meth].n) put_closest(u, &m->vintages[v], &all[v * u->n_meth]);
    free(all);
    puts("\nEvery country, side by side:\n");
    puts("| country | vintage | reading | years | mean absolute error | mean error | direction of changes agrees |");
    puts("|---|---|---|---:|---:|---:|---:|");
    for (size_t c = 0; c < m->n_countries; c++)
        for (size_t v = 0; v < m->n_vintages; v++)
            for (size_t k = 0; k < u->n_meth; k++) {
                const tally *t = tally_at(u, c, v, k);
                if (!t->n) continue;
                printf("| %s | `%s` | `%s` |", m->countries[c].code, m->vintages[v].id, m->methods[u->meth[k]].id);
                put_tally_cells(t);
            }
}

/* An ITUC rating or a band's rating on one scale: "1".."5", "5+" as 6; 0 when neither. */
static int rating_rank(const char *s)
{
    if (!s || s[0] < '1' || s[0] > '5') return 0;
    if (s[1] == 0) return s[0] - '0';
    return s[0] == '5' && s[1] == '+' && s[2] == 0 ? 6 : 0;
}

/* The bands the shipped methods carried until issue 14 removed them for disagreeing with the ITUC
 * (docs/reports.md, "Ratings"): five equal-width bands of 2 points, 5+ in a breakdown year. A
 * method without bands is measured against these, so the disagreement that removed them stays
 * reproducible. */
static const ilo_band former_bands[] = {
    {"1", NULL, 0.0, false}, {"2", NULL, 2.0, false}, {"3", NULL, 4.0, false},
    {"4", NULL, 6.0, false}, {"5", NULL, 8.0, false}, {"5+", NULL, 0.0, true},
};

/* The rating of r under bands (the method's, or the former ones): as the engine picks a band. */
static const char *band_of(const ilo_method *me, const ilo_result *r)
{
    if (me->n_bands) return me->bands[r->band].rating;
    size_t n = sizeof former_bands / sizeof former_bands[0], best = 0;
    for (size_t b = 0; b < n; b++) {
        if (former_bands[b].breakdown) {
            if (r->breakdown) return former_bands[b].rating;
        } else if (ilo_round2(former_bands[b].min) <= ilo_round2(r->score)) {
            best = b;
        }
    }
    return former_bands[best].rating;
}

/* The all-sources method against every ITUC figure of a profiled country. False on an
 * evaluation error. */
static bool ituc(run *u, size_t meth)
{
    const ilo_model *m = u->m;
    const ilo_method *me = &m->methods[meth];
    const ilo_band *bands = me->n_bands ? me->bands : former_bands;
    size_t n_bands = me->n_bands ? me->n_bands : sizeof former_bands / sizeof former_bands[0];
    size_t same = 0, lower = 0, higher = 0, top = 0, unrated = 0;
    printf("\n## `%s` against the ITUC Global Rights Index\n\n", me->id);
    puts("For every ITUC rating of a country with a profile, the score of the same year under");
    if (me->n_bands) printf("`%s` and the band it falls in: the method's own bands (", me->id);
    else
        printf("`%s` and the band it falls in. The method has no bands: these are the equal-width bands the shipped\n"
               "methods carried until this disagreement removed them (docs/reports.md, \"Ratings\"), kept here so that\n"
               "the measurement stays reproducible (",
               me->id);
    for (size_t b = 0; b < n_bands; b++) {
        if (bands[b].breakdown) printf("%s%s in a year the profile marks as a breakdown of the rule of law", b ? ", " : "", bands[b].rating);
        else {
            printf("%s%s from ", b ? ", " : "", bands[b].rating);
            put_hundredths(ilo_round2(bands[b].min));
        }
    }
    puts("),");
    puts("not fitted to ITUC ratings. An edition is compared with the computed score of the year it is");
    puts("named after. \"Ten worst\" entries whose source states no rating are listed and counted apart.");
    puts("No fitting: the counts are plain.\n");
    puts("| country | edition | ITUC rating | ten worst | computed | band | band against rating |");
    puts("|---|---:|---:|---|---:|---:|---|");
    for (size_t v = 0; v < m->n_vintages; v++) {
        const ilo_vintage *vt = &m->vintages[v];
        if (vt->measure != ILO_MEASURE_ITUC) continue;
        for (size_t i = 0; i < vt->n_figures; i++) {
            const ilo_figure *f = &vt->figures[i];
            if (f->profile == SIZE_MAX || m->countries[f->profile].synthetic) continue;
            ilo_profile p = ilo_profile_baseline(m, f->profile);
            if (ilo_eval(m, &p, meth, f->year, u->r, u->ctx) != ILO_OK) return false;
            const char *band = band_of(me, u->r);
            int br = rating_rank(band), ir = rating_rank(f->value);
            const char *verdict;
            if (!ir) {
                unrated++;
                top += br >= 5;
                verdict = br >= 5 ? "top band (no rating stated)" : "below the top band (no rating stated)";
            } else if (br == ir) {
                same++;
                verdict = "same";
            } else if (br < ir) {
                lower++;
                verdict = "computed lower";
            } else {
                higher++;
                verdict = "computed higher";
            }
            printf("| %s | %d | %s | %s | ", f->country, f->year, f->value ? f->value : "not stated", f->ten_worst ? "yes" : "no");
            put_hundredths(ilo_round2(u->r->score));
            printf(" | %s | %s |\n", band, verdict);
        }
    }
    printf("\nRated entries: %zu; band the same as the rating in %zu, lower in %zu, higher in %zu.\n", same + lower + higher, same,
           lower, higher);
    printf("Ten-worst entries without a stated rating: %zu; computed band 5 or 5+ in %zu.\n", unrated, top);
    return true;
}

/* Copies the back-test section, a file written by tools/backtest.sh. */
static bool include(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    char buf[4096];
    size_t n;
    puts("\n<!-- The back-test section below is tools/backtest.sh's output (docs/backtest.md), copied in");
    puts("     by tools/validation.c; `make validation` regenerates both. -->\n");
    fflush(stdout);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

static void header(const run *u)
{
    const ilo_model *m = u->m;
    puts("# Validation: computed SDG 8.8.2 scores against the published series\n");
    puts("Generated from the data by `make validation` (tools/validation.c, with the back-test of");
    puts("tools/backtest.sh); do not edit by hand. `make check` fails when this file differs from what");
    puts("the data gives.\n");
    puts("For every country profile and every year with a published SDG 8.8.2 value in a vintage of");
    puts("published/ (published/README.md), the score computed under each reading of the year window");
    puts("beside the published value, the error (computed minus published, on the two-decimal values),");
    puts("and the ILO texts whose findings count that year (for a carried finding, the texts that");
    puts("reported it). Each vintage has its own table and totals; vintages are never mixed. The");
    puts("readings are methods that differ only in their `window` (docs/data-format.md, \"Year");
    fputs("windows\"): ", stdout);
    for (size_t k = 0; k < u->n_meth; k++) {
        const ilo_method *me = &m->methods[u->meth[k]];
        const char *w = me->window == ILO_WINDOW_CARRY_FORWARD ? "carry-forward"
                        : me->window == ILO_WINDOW_OCCURRENCE  ? "occurrence"
                                                               : "evidence";
        printf("%s`%s` (%s)", k ? (k + 1 == u->n_meth ? " and " : ", ") : "", me->id, w);
    }
    puts(".\n");
    puts("Direction of changes: for each pair of consecutive years with published values in one");
    puts("vintage, whether the computed score moves the same way as the published one (up, down or");
    puts("unchanged). The comparison is there to find missing texts and misread rules; nothing is coded");
    puts("to move a score toward the published one. The `published` lists of the country profiles (the");
    puts("figures their reports print) are not read here: only the vintages.");
}

int main(int argc, char **argv)
{
    const char *ituc_id = NULL, *backtest = NULL;
    int a = 2;
    while (a + 1 < argc && (strcmp(argv[a], "--ituc") == 0 || strcmp(argv[a], "--backtest") == 0)) {
        if (strcmp(argv[a], "--ituc") == 0) ituc_id = argv[a + 1];
        else backtest = argv[a + 1];
        a += 2;
    }
    if (argc < 3 || argc - a < 1 || argc - a > MAX_READINGS) {
        fputs("usage: validation DIR [--ituc METHOD] [--backtest FILE] READING... (1 to 4 readings)\n", stderr);
        return 2;
    }
    run u = {0};
    int rc = 0;
    ilo_model *m = NULL;
    size_t ituc_meth = SIZE_MAX;
    u.ctx = ilo_ctx_new();
    if (!u.ctx || ilo_model_load(argv[1], NULL, 0, &m, u.ctx) != ILO_OK) {
        for (size_t i = 0; u.ctx && i < ilo_ctx_kept(u.ctx); i++) {
            const ilo_error *e = ilo_ctx_error(u.ctx, i);
            fprintf(stderr, "validation: %s:%d: %s\n", e->file, e->line, e->msg);
        }
        rc = 3;
        goto done;
    }
    u.m = m;
    u.n_meth = (size_t)(argc - a);
    for (size_t k = 0; k <= u.n_meth; k++) {
        const char *id = k < u.n_meth ? argv[a + (int)k] : ituc_id;
        if (!id) break;
        size_t i = ilo_model_find_method(m, id);
        if (i == SIZE_MAX) {
            fprintf(stderr, "validation: unknown method \"%s\"\n", id);
            rc = 5;
            goto done;
        }
        if (k < u.n_meth) u.meth[k] = i;
        else ituc_meth = i;
    }
    u.r = ilo_result_new(m);
    u.tallies = calloc(m->n_countries * m->n_vintages * u.n_meth + 1, sizeof *u.tallies);
    if (!u.r || !u.tallies) out_of_memory();
    header(&u);
    bool ok = true;
    for (size_t c = 0; c < m->n_countries && ok; c++)
        if (!m->countries[c].synthetic) ok = country(&u, c);
    if (ok) totals(&u);
    if (ok && ituc_meth != SIZE_MAX) ok = ituc(&u, ituc_meth);
    if (!ok) {
        fprintf(stderr, "validation: %s\n", ilo_ctx_error(u.ctx, 0) ? ilo_ctx_error(u.ctx, 0)->msg : "evaluation failed");
        rc = 1;
        goto done;
    }
    if (backtest && !include(backtest)) {
        fprintf(stderr, "validation: %s: cannot be read\n", backtest);
        rc = 4;
        goto done;
    }
    if (!backtest) puts("\n## Back-testing against trade decisions\n\nNot generated: run with --backtest FILE.");
done:
    free(u.tallies);
    ilo_result_free(u.r);
    ilo_model_free(m);
    ilo_ctx_free(u.ctx);
    return rc;
}
