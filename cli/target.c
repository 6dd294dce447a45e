/*
 * target.c: `iloscore target COUNTRY --year Y (--score S | --rating R)`: the smallest set of the
 * country's law provisions whose repeal brings the year's score to S or better (or its rating to
 * R or better), by the engine's exact search (ilo_target_new). Exit code 6 when no set of repeals
 * reaches the target, with the reason on standard output.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static bool render_target(rep_buf *out, rep_format f, const void *doc) { return rep_render(out, f, REP_KIND_TARGET, doc); }

typedef struct target_args {
    const char *country, *method, *score, *rating;
    int year;
} target_args;

static int parse(int argc, char **argv, target_args *a, cli_outputs *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option(o, argc, argv, &i);
        if (taken < 0) return -taken;
        if (taken) continue;
        const char *opt = argv[i];
        const char **slot = strcmp(opt, "--method") == 0   ? &a->method
                            : strcmp(opt, "--score") == 0  ? &a->score
                            : strcmp(opt, "--rating") == 0 ? &a->rating
                                                           : NULL;
        if (slot || strcmp(opt, "--year") == 0) {
            if (i + 1 >= argc) return cli_usage_error("target: option '%s' needs a value", opt);
            const char *v = argv[++i];
            if (slot) *slot = v;
            else if (!cli_parse_year(v, &a->year))
                return cli_usage_error("target: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
        } else if (opt[0] == '-' && opt[1]) {
            return cli_usage_error("target: unknown option '%s'", opt);
        } else if (a->country) {
            return cli_usage_error("target: unexpected argument '%s'", opt);
        } else {
            a->country = opt;
        }
    }
    if (!a->country) return cli_usage_error("target: which country? (e.g. iloscore target KAZ --year 2017 --score 2)");
    if (!a->year) return cli_usage_error("target: --year Y is required");
    if (!a->score == !a->rating) return cli_usage_error("target: give either --score S or --rating R");
    return cli_outputs_finish(o);
}

/* A year with nothing coded or examined has no score to bring down (ilo_result_assessed). */
static int assessed_or_refuse(cli_env *env, const ilo_profile *p, size_t method, int year)
{
    const ilo_model *m = env->model;
    ilo_result *r = ilo_result_new(m);
    if (!r) return EXIT_INTERNAL;
    int rc = EXIT_OK;
    if (ilo_eval(m, p, method, year, r, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    else if (!ilo_result_assessed(m, r))
        rc = cli_usage_error("target: %s is not assessed in %d under %s (nothing coded or examined): no score, so no "
                             "target to reach",
                             m->countries[p->country].code, year, m->methods[method].id);
    ilo_result_free(r);
    return rc;
}

int cmd_target(cli_env *env, int argc, char **argv)
{
    target_args a = {NULL, "sdg-8.8.2", NULL, NULL, 0};
    cli_outputs o = {NULL, 0, -1};
    size_t c = 0, method = 0;
    int64_t score_hundredths = 0;
    ilo_target *t = NULL;
    int rc = parse(argc, argv, &a, &o);
    if (!rc && a.score && !ilo_parse_hundredths(a.score, &score_hundredths))
        rc = cli_usage_error("target: bad score '%s' (a number from 0, at most two decimals)", a.score);
    if (!rc) rc = cli_load(env);
    if (!rc) rc = cli_find_country(env->model, a.country, &c);
    if (!rc) rc = cli_find_method(env->model, a.method, &method);
    /* A rating means something only where the method's bands do (docs/reports.md, Ratings). */
    if (!rc && a.rating && !env->model->methods[method].n_bands)
        rc = cli_usage_error("target: method \"%s\" has no rating bands (its scores are placed among published "
                             "scores, not rated), so --rating cannot be honoured; give --score S",
                             env->model->methods[method].id);
    cli_profile pr = {0};
    if (!rc) rc = cli_profile_open(env, c, &pr);
    if (!rc) rc = cli_check_year("target", env->model, c, &pr, a.year);
    if (!rc) rc = assessed_or_refuse(env, pr.p, method, a.year);
    if (!rc && ilo_target_new(env->model, pr.p, method, a.year, score_hundredths, a.rating, &t, env->ctx) != ILO_OK)
        rc = cli_report(env->ctx);
    if (!rc) {
        rep_target_doc doc = {env->model, pr.p, pr.sc, pr.n_sc, t};
        rc = cli_outputs_write(&o, render_target, &doc);
        if (!rc && t->outcome == ILO_TARGET_UNREACHABLE) rc = EXIT_UNREACHABLE;
    }
    ilo_target_free(t);
    cli_profile_close(&pr);
    cli_outputs_free(&o);
    return rc;
}
