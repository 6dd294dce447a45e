/*
 * brief.c: `iloscore brief COUNTRY --regime R`: the trade-review brief. The year's evaluation
 * mapped onto a trade regime's criteria (US GSP A-E, EU GSP+ conventions): a verdict per
 * criterion with its concern level, the findings and their sources, the ILO supervisory record,
 * the trend over the years before, published figures beside, the reforms that would address each
 * concern, the gaps and the caveat. With --scenario FILE|ID (repeatable) the brief is of the law
 * as those scenarios amend it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static bool render_brief(rep_buf *out, rep_format f, const void *doc) { return rep_render(out, f, REP_KIND_BRIEF, doc); }

typedef struct brief_args {
    const char *country, *regime, *method;
    int year; /* 0: default */
} brief_args;

static int parse(int argc, char **argv, brief_args *a, cli_outputs *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option(o, argc, argv, &i);
        if (taken < 0) return -taken;
        if (taken) continue;
        const char *opt = argv[i];
        if (strcmp(opt, "--year") == 0 || strcmp(opt, "--method") == 0 || strcmp(opt, "--regime") == 0) {
            if (i + 1 >= argc) return cli_usage_error("brief: option '%s' needs a value", opt);
            const char *v = argv[++i];
            if (opt[2] == 'm') a->method = v;
            else if (opt[2] == 'r') a->regime = v;
            else if (!cli_parse_year(v, &a->year))
                return cli_usage_error("brief: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
        } else if (opt[0] == '-' && opt[1]) {
            return cli_usage_error("brief: unknown option '%s'", opt);
        } else if (a->country) {
            return cli_usage_error("brief: unexpected argument '%s'", opt);
        } else {
            a->country = opt;
        }
    }
    if (!a->country) return cli_usage_error("brief: which country? (e.g. iloscore brief KAZ --regime us-gsp)");
    if (!a->regime) return cli_usage_error("brief: which regime? (--regime us-gsp, us-agoa, eu-gsp-eba or eu-gsp-plus)");
    return cli_outputs_finish(o);
}

static int run(cli_env *env, const brief_args *a, const cli_outputs *o)
{
    const ilo_model *m = env->model;
    size_t c, method, regime = SIZE_MAX;
    int rc = cli_find_country(m, a->country, &c);
    if (rc) return rc;
    if ((regime = ilo_model_find_regime(m, a->regime)) == SIZE_MAX) {
        cli_error("unknown regime \"%s\"", a->regime);
        return EXIT_NOTFOUND;
    }
    if ((rc = cli_find_method(m, a->method, &method))) return rc;
    int year = a->year ? a->year : cli_default_year(m, c);
    if (!year) return cli_usage_error("brief: %s has no dated data; give --year", m->countries[c].code);

    cli_profile pr;
    ilo_result *r = NULL;
    ilo_trend *t = NULL;
    ilo_brief *b = NULL;
    rc = cli_profile_open(env, c, &pr);
    if (!rc) rc = cli_check_year("brief", m, c, &pr, year);
    if (!rc && !(r = ilo_result_new(m))) rc = EXIT_INTERNAL;
    if (!rc && ilo_eval(m, pr.p, method, year, r, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    int from = year - ILO_BRIEF_TREND_YEARS < ILO_YEAR_MIN ? ILO_YEAR_MIN : year - ILO_BRIEF_TREND_YEARS;
    if (!rc && ilo_trend_new(m, pr.p, method, from, year, &t, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc && ilo_brief_new(m, pr.p, r, regime, &b, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc) {
        rep_brief_doc doc = {m, pr.p, pr.name, r, b, t};
        rc = cli_outputs_write(o, render_brief, &doc);
    }
    ilo_brief_free(b);
    ilo_trend_free(t);
    ilo_result_free(r);
    cli_profile_close(&pr);
    return rc;
}

int cmd_brief(cli_env *env, int argc, char **argv)
{
    brief_args a = {NULL, NULL, "sdg-8.8.2", 0};
    cli_outputs o = {NULL, 0, -1};
    int rc = parse(argc, argv, &a, &o);
    if (!rc) rc = cli_load(env);
    if (!rc) rc = run(env, &a, &o);
    cli_outputs_free(&o);
    return rc;
}
