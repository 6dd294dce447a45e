/*
 * trend.c: `iloscore trend COUNTRY`: per year the total, law, practice and per-convention
 * scores, the rating and the published figures; the least-squares slope with its standard error
 * and direction; the years of largest change, explained by the items that entered or left.
 */
#include <string.h>

#include "cli.h"

static bool render_trend(rep_buf *out, rep_format f, const void *doc) { return rep_render(out, f, REP_KIND_TREND, doc); }

typedef struct trend_args {
    const char *country, *method;
    int from, to; /* 0: default */
} trend_args;

static int take_value(int argc, char **argv, int *i, trend_args *a)
{
    const char *opt = argv[*i];
    if (*i + 1 >= argc) return cli_usage_error("trend: option '%s' needs a value", opt);
    const char *v = argv[++*i];
    if (strcmp(opt, "--method") == 0) {
        a->method = v;
        return EXIT_OK;
    }
    int *slot = strcmp(opt, "--from") == 0 ? &a->from : &a->to;
    if (!cli_parse_year(v, slot)) return cli_usage_error("trend: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
    return EXIT_OK;
}

static int parse(int argc, char **argv, trend_args *a, cli_outputs *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option(o, argc, argv, &i);
        if (taken < 0) return -taken;
        if (taken) continue;
        const char *opt = argv[i];
        if (strcmp(opt, "--from") == 0 || strcmp(opt, "--to") == 0 || strcmp(opt, "--method") == 0) {
            int rc = take_value(argc, argv, &i, a);
            if (rc) return rc;
        } else if (opt[0] == '-' && opt[1]) {
            return cli_usage_error("trend: unknown option '%s'", opt);
        } else if (a->country) {
            return cli_usage_error("trend: unexpected argument '%s'", opt);
        } else {
            a->country = opt;
        }
    }
    if (!a->country) return cli_usage_error("trend: which country? (e.g. iloscore trend KAZ)");
    if (a->from && a->to && a->from > a->to)
        return cli_usage_error("trend: --from %d is after --to %d", a->from, a->to);
    return cli_outputs_finish(o);
}

/* The default span: ten years, enough for a slope, short enough that a law dated decades back
 * does not stretch the table over years without evidence. */
#define DEFAULT_YEARS 10

/* Fills in the default range: --to as assess's default year; --from the ten years up to it, but
 * not before the earliest dated evidence or published figure. A lone bound never makes the
 * range empty. */
static int range(const ilo_model *m, size_t c, trend_args *a)
{
    int first = cli_first_year(m, c);
    int to = a->to ? a->to : cli_default_year(m, c);
    if (!to) to = a->from ? a->from : first;
    int from = a->from ? a->from : to - (DEFAULT_YEARS - 1);
    if (!a->from && first && from < first) from = first;
    if (!to || !from) return cli_usage_error("trend: %s has no dated data; give --from and --to", m->countries[c].code);
    if (from < ILO_YEAR_MIN) from = ILO_YEAR_MIN;
    if (!a->from && from > to) from = to;
    if (!a->to && to < from) to = from;
    a->from = from;
    a->to = to;
    return EXIT_OK;
}

int cmd_trend(cli_env *env, int argc, char **argv)
{
    trend_args a = {NULL, "sdg-8.8.2", 0, 0};
    cli_outputs o = {NULL, 0, -1};
    size_t c = 0, method = 0;
    int rc = parse(argc, argv, &a, &o);
    if (!rc) rc = cli_load(env);
    if (!rc) rc = cli_find_country(env->model, a.country, &c);
    if (!rc) rc = cli_find_method(env->model, a.method, &method);
    if (!rc) rc = range(env->model, c, &a);
    ilo_trend *t = NULL;
    cli_profile pr = {0};
    if (!rc) rc = cli_profile_open(env, c, &pr);
    if (!rc && ilo_trend_new(env->model, pr.p, method, a.from, a.to, &t, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc) {
        rep_trend_doc doc = {env->model, pr.p, pr.name, t};
        rc = cli_outputs_write(&o, render_trend, &doc);
    }
    ilo_trend_free(t);
    cli_profile_close(&pr);
    cli_outputs_free(&o);
    return rc;
}
