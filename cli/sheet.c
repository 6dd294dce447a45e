/*
 * sheet.c: `iloscore sheet (COUNTRY | --all)`: the coding sheet behind the scores, in the
 * columns `score --sheet` reads: country,year,criterion,sources. One row per country, year and
 * coded criterion (the default rules applied, as evaluation codes them); `sources` lists, joined
 * by ";", the admissible sources that make the items coding it count in the year, in data order.
 * A country-year with nothing coded has no row (its score is 0.00). Rows go by country (data
 * order), year, then criterion (catalogue order), so the same data give the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct sheet_args {
    const char *country, *method;
    bool all, weights;
    int from, to; /* 0: the country's own first and default years */
} sheet_args;

typedef struct sheet_doc {
    const ilo_model *m;
    const sheet_args *a;
    size_t method;
    size_t *countries;
    size_t n;
    ilo_ctx *ctx;
} sheet_doc;

/* Appends one country-year's rows. stamp is per model source (scratch). */
static void put_rows(rep_buf *out, const ilo_model *m, const ilo_result *r, uint32_t *stamp, uint32_t *gen)
{
    const char *code = m->countries[r->country].code;
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (!ilo_bitset_has(&r->coded, k)) continue;
        ++*gen;
        size_t lo = SIZE_MAX, hi = 0;
        for (size_t f = 0; f < r->n_findings; f++) {
            const ilo_finding *fd = &r->findings[f];
            if (!ilo_bitset_has(&fd->criteria, k)) continue;
            for (size_t j = 0; j < fd->n_sources; j++) {
                size_t s = fd->sources[j];
                stamp[s] = *gen;
                if (s < lo) lo = s;
                if (s > hi) hi = s;
            }
        }
        rep_put_csv(out, code);
        rep_buf_printf(out, ",%d,", r->year);
        rep_put_csv(out, m->criteria[k].id);
        rep_buf_putc(out, ',');
        bool first = true;
        for (size_t s = lo; lo != SIZE_MAX && s <= hi; s++) {
            if (stamp[s] != *gen) continue;
            if (!first) rep_buf_putc(out, ';');
            rep_buf_puts(out, m->sources[s].id); /* ids are [A-Za-z0-9._:+-]: no quoting needed */
            first = false;
        }
        rep_buf_putc(out, '\n');
    }
}

/* The catalogue's weights as a method scores them, for scoring a sheet elsewhere (the NumPy
 * reference of `make bench`): criterion,sdg,weight,scored,all_encompassing,cap,scale,implies;
 * scored: 1 when the method's total counts it; implies: the criteria coding it codes, itself
 * included, by id, joined by ";". */
static void put_weights(rep_buf *out, const ilo_model *m, size_t method)
{
    const ilo_method *me = &m->methods[method];
    rep_buf_puts(out, "criterion,sdg,weight,scored,all_encompassing,cap,scale,implies\n");
    for (size_t k = 0; k < m->n_criteria; k++) {
        const ilo_criterion *c = &m->criteria[k];
        rep_put_csv(out, c->id);
        rep_buf_printf(out, ",%d,%d.%02d,%d,%d,", c->sdg, (int)(c->weight_hundredths / 100), (int)(c->weight_hundredths % 100),
                       ilo_bitset_has(&me->scope, k), c->all_encompassing);
        rep_buf_fixed(out, me->cap, 2, "");
        rep_buf_putc(out, ',');
        rep_buf_fixed(out, me->scale, 2, "");
        rep_buf_putc(out, ',');
        for (size_t j = 0, first = 1; j < m->n_criteria; j++)
            if (ilo_bitset_has(&c->implies, j)) {
                if (!first) rep_buf_putc(out, ';');
                rep_buf_puts(out, m->criteria[j].id); /* ids hold no comma or quote */
                first = 0;
            }
        rep_buf_putc(out, '\n');
    }
}

/* Builds the whole sheet into out. EXIT_OK or the exit code of an error (reported). */
static int build(const sheet_doc *d, rep_buf *out)
{
    const ilo_model *m = d->m;
    ilo_result *r = ilo_result_new(m);
    uint32_t *stamp = calloc(m->n_sources + 1, sizeof *stamp), gen = 0;
    int rc = r && stamp ? EXIT_OK : EXIT_INTERNAL;
    if (rc == EXIT_OK) rep_buf_puts(out, "country,year,criterion,sources\n");
    for (size_t i = 0; i < d->n && rc == EXIT_OK; i++) {
        size_t c = d->countries[i];
        int from = d->a->from ? d->a->from : cli_first_year(m, c);
        int to = d->a->to ? d->a->to : cli_default_year(m, c);
        if (!from || !to) continue; /* no dated data: nothing can be coded */
        ilo_profile p = ilo_profile_baseline(m, c);
        for (int y = from; y <= to && rc == EXIT_OK; y++) {
            if (ilo_eval(m, &p, d->method, y, r, d->ctx) != ILO_OK) rc = cli_report(d->ctx);
            else put_rows(out, m, r, stamp, &gen);
        }
    }
    ilo_result_free(r);
    free(stamp);
    if (rc == EXIT_OK && !rep_buf_ok(out)) rc = EXIT_INTERNAL;
    if (rc == EXIT_INTERNAL) cli_error("out of memory");
    return rc;
}

/* A coding sheet is CSV whatever the output's name: every output gets the same bytes. */
static bool render_sheet(rep_buf *out, rep_format f, const void *arg)
{
    (void)f;
    const rep_buf *sheet = arg;
    rep_buf_put(out, sheet->data ? sheet->data : "", sheet->len);
    return rep_buf_ok(out);
}

static int parse(int argc, char **argv, sheet_args *a, cli_outputs *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option(o, argc, argv, &i);
        if (taken < 0) return -taken;
        if (taken) continue;
        const char *opt = argv[i];
        if (strcmp(opt, "--weights") == 0) {
            a->weights = true;
        } else if (strcmp(opt, "--all") == 0) {
            a->all = true;
        } else if (strcmp(opt, "--method") == 0 || strcmp(opt, "--from") == 0 || strcmp(opt, "--to") == 0) {
            if (i + 1 >= argc) return cli_usage_error("sheet: option '%s' needs a value", opt);
            const char *v = argv[++i];
            if (opt[2] == 'm') a->method = v;
            else if (!cli_parse_year(v, opt[2] == 'f' ? &a->from : &a->to))
                return cli_usage_error("sheet: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
        } else if (opt[0] == '-' && opt[1]) {
            return cli_usage_error("sheet: unknown option '%s'", opt);
        } else if (a->country) {
            return cli_usage_error("sheet: unexpected argument '%s'", opt);
        } else {
            a->country = opt;
        }
    }
    if (a->weights && (a->country || a->all)) return cli_usage_error("sheet: --weights takes no COUNTRY or --all");
    if (!a->weights && !a->country == !a->all) return cli_usage_error("sheet: give one COUNTRY or --all");
    if (o->format != REP_CSV) return cli_usage_error("sheet: a coding sheet is CSV only");
    if (a->from && a->to && a->from > a->to) return cli_usage_error("sheet: --from %d is after --to %d", a->from, a->to);
    return cli_outputs_finish(o);
}

int cmd_sheet(cli_env *env, int argc, char **argv)
{
    sheet_args a = {NULL, "sdg-8.8.2", false, false, 0, 0};
    cli_outputs o = {NULL, 0, REP_CSV};
    sheet_doc d = {0};
    rep_buf sheet = REP_BUF_INIT;
    int rc = parse(argc, argv, &a, &o);
    if (!rc) rc = cli_load(env);
    if (!rc) rc = cli_find_method(env->model, a.method, &d.method);
    const ilo_model *m = env->model;
    if (!rc) {
        d.m = m;
        d.a = &a;
        d.ctx = env->ctx;
        d.countries = malloc((m->n_countries + 1) * sizeof *d.countries);
        if (!d.countries) rc = EXIT_INTERNAL;
    }
    if (!rc && a.weights) {
        put_weights(&sheet, m, d.method);
    } else if (!rc && a.all) {
        for (size_t c = 0; c < m->n_countries; c++) d.countries[d.n++] = c;
    } else if (!rc) {
        rc = cli_find_country(m, a.country, &d.countries[0]);
        d.n = 1;
    }
    if (!rc && !a.weights) rc = build(&d, &sheet);
    if (!rc) rc = cli_outputs_write(&o, render_sheet, &sheet);
    rep_buf_free(&sheet);
    free(d.countries);
    cli_outputs_free(&o);
    return rc;
}
