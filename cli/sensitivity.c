/*
 * sensitivity.c: `iloscore sensitivity (COUNTRY | --all)`: Monte Carlo over the criterion
 * weights (engine/sensitivity.c): score percentiles per country-year; with --all, rank
 * percentiles per country in one year; the impact of leaving out each criteria group. Progress
 * goes to standard error when it is a terminal.
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"

static bool render_sensitivity(rep_buf *out, rep_format f, const void *doc)
{
    return rep_render(out, f, REP_KIND_SENSITIVITY, doc);
}

static void progress(void *arg, size_t done, size_t total)
{
    (void)arg;
    unsigned pct = total ? (unsigned)(100.0 * (double)done / (double)total) : 100;
    fprintf(stderr, "\riloscore: sensitivity: %zu of %zu draws (%u%%)", done, total, pct);
    if (done >= total) fputs("\n", stderr);
    fflush(stderr);
}

typedef struct sens_args {
    const char *country, *method, *sheet;
    bool all, no_groups;
    int year, from, to;
    unsigned long draws, seed, threads;
    double spread;
} sens_args;

static int parse(int argc, char **argv, sens_args *a, cli_outputs *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option(o, argc, argv, &i);
        if (taken < 0) return -taken;
        if (taken) continue;
        const char *opt = argv[i];
        if (strcmp(opt, "--all") == 0) {
            a->all = true;
            continue;
        }
        if (strcmp(opt, "--no-groups") == 0) {
            a->no_groups = true;
            continue;
        }
        static const char *const valued[] = {"--year",   "--method", "--draws", "--seed",
                                             "--spread", "--threads", "--from", "--to", "--sheet"};
        size_t k = 0;
        while (k < sizeof valued / sizeof valued[0] && strcmp(opt, valued[k]) != 0) k++;
        if (k == sizeof valued / sizeof valued[0]) {
            if (opt[0] == '-' && opt[1]) return cli_usage_error("sensitivity: unknown option '%s'", opt);
            if (a->country) return cli_usage_error("sensitivity: unexpected argument '%s'", opt);
            a->country = opt;
            continue;
        }
        if (i + 1 >= argc) return cli_usage_error("sensitivity: option '%s' needs a value", opt);
        const char *v = argv[++i];
        switch (k) {
        case 0:
            if (!cli_parse_year(v, &a->year))
                return cli_usage_error("sensitivity: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
            break;
        case 1: a->method = v; break;
        case 2:
            if (!cli_parse_ulong(v, &a->draws) || a->draws < 1 || a->draws > ILO_SENS_MAX_DRAWS)
                return cli_usage_error("sensitivity: bad number of draws '%s' (1-%d)", v, ILO_SENS_MAX_DRAWS);
            break;
        case 3:
            if (!cli_parse_ulong(v, &a->seed)) return cli_usage_error("sensitivity: bad seed '%s' (a non-negative integer)", v);
            break;
        case 4:
            if (!cli_parse_double(v, &a->spread) || !(a->spread >= 0 && a->spread <= 100))
                return cli_usage_error("sensitivity: bad spread '%s' (a percentage, 0-100)", v);
            break;
        case 5:
            if (!cli_parse_ulong(v, &a->threads) || a->threads < 1 || a->threads > ILO_SENS_MAX_THREADS)
                return cli_usage_error("sensitivity: bad number of threads '%s' (1-%d)", v, ILO_SENS_MAX_THREADS);
            break;
        case 6:
        case 7:
            if (!cli_parse_year(v, k == 6 ? &a->from : &a->to))
                return cli_usage_error("sensitivity: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
            break;
        default: a->sheet = v;
        }
    }
    if (!a->country == !a->all) return cli_usage_error("sensitivity: give one COUNTRY or --all");
    if (a->year && (a->from || a->to)) return cli_usage_error("sensitivity: give --year or --from/--to, not both");
    if (a->from && a->to && a->from > a->to)
        return cli_usage_error("sensitivity: --from %d is after --to %d", a->from, a->to);
    if (a->sheet && !a->all) return cli_usage_error("sensitivity: --sheet works with --all");
    return cli_outputs_finish(o);
}

int cmd_sensitivity(cli_env *env, int argc, char **argv)
{
    sens_args a = {NULL, "sdg-8.8.2", NULL, false, false, 0, 0, 0, 1000, 1, 2, 25.0};
    cli_outputs o = {NULL, 0, -1};
    int rc = parse(argc, argv, &a, &o);
    if (!rc) rc = cli_load(env);
    const ilo_model *m = env->model;
    ilo_sens_opts so = {0};
    if (!rc) rc = cli_find_method(m, a.method, &so.method);
    if (!rc && !a.all) rc = cli_find_country(m, a.country, &so.country);
    ilo_sheet *sh = NULL;
    if (!rc && a.sheet && ilo_sheet_read(m, a.sheet, &sh, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    so.sheet = sh;
    if (!rc) {
        so.all = a.all;
        so.no_groups = a.no_groups;
        so.draws = a.draws;
        so.seed = a.seed;
        so.spread = a.spread;
        so.threads = (unsigned)a.threads;
        if (a.year) {
            so.from = so.to = a.year;
        } else if (sh) { /* the sheet's years */
            for (size_t i = 0; i < sh->n_rows; i++) {
                if (!so.from || sh->rows[i].year < so.from) so.from = sh->rows[i].year;
                if (sh->rows[i].year > so.to) so.to = sh->rows[i].year;
            }
            if (a.to && !a.from) so.from = so.to = a.to;
            if (a.from && !a.to) so.to = so.from = a.from;
        } else if (a.all) {
            so.from = so.to = cli_default_world_year(m);
        } else {
            so.to = cli_default_year(m, so.country);
            so.from = cli_first_year(m, so.country);
            if (!so.from) so.from = so.to;
            if (so.from > so.to) so.from = so.to;
        }
        if (a.from) so.from = a.from;
        if (a.to) so.to = a.to;
        if (so.from > so.to) so.from = so.to;
        if (!so.from) rc = cli_usage_error("sensitivity: no dated data to choose a year from; give --year");
    }
    if (!rc && isatty(STDERR_FILENO)) so.progress = progress;
    ilo_sensitivity *s = NULL;
    if (!rc && ilo_sensitivity_new(m, &so, &s, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc) {
        rep_sensitivity_doc doc = {m, s};
        rc = cli_outputs_write(&o, render_sensitivity, &doc);
    }
    ilo_sensitivity_free(s);
    ilo_sheet_free(sh);
    cli_outputs_free(&o);
    return rc;
}
