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
    int year;   /* 0: default */
    int window; /* --window-years: the review period's length in years */
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
        } else if (strcmp(opt, "--window-years") == 0) {
            if (i + 1 >= argc) return cli_usage_error("brief: option '%s' needs a value", opt);
            const char *v = argv[++i];
            char *end = NULL;
            long n = strtol(v, &end, 10);
            if (!*v || *end || n < 1 || n > ILO_BRIEF_WINDOW_MAX)
                return cli_usage_error("brief: bad --window-years '%s' (1-%d)", v, ILO_BRIEF_WINDOW_MAX);
            a->window = (int)n;
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
    size_t c, method, regime = SIZE_MAX, sdg = ilo_model_find_method(m, "sdg-8.8.2");
    int rc = cli_find_country(m, a->country, &c);
    if (rc) return rc;
    if ((regime = ilo_model_find_regime(m, a->regime)) == SIZE_MAX) {
        cli_error("unknown regime \"%s\"", a->regime);
        return EXIT_NOTFOUND;
    }
    if ((rc = cli_find_method(m, a->method, &method))) return rc;
    bool as_of = env->as_of.prec != ILO_DATE_NONE;
    int year = a->year ? a->year : as_of ? env->as_of.year : cli_default_year(m, c);
    if (!year) return cli_usage_error("brief: %s has no dated data; give --year", m->countries[c].code);
    if (as_of && a->year && a->year != env->as_of.year)
        return cli_usage_error("brief: --year %d and --as-of %s disagree: the brief is as of a day of its year",
                               a->year, env->as_of.text);
    int from = year - a->window + 1 < ILO_YEAR_MIN ? ILO_YEAR_MIN : year - a->window + 1;

    cli_profile pr;
    ilo_result *r = NULL, *s = NULL;
    ilo_trend *t = NULL;
    ilo_brief *b = NULL;
    rc = cli_profile_open(env, c, &pr);
    if (!rc) rc = cli_check_year("brief", m, c, &pr, year);
    if (!rc && !(r = ilo_result_new(m))) rc = EXIT_INTERNAL;
    if (!rc && ilo_brief_window(m, pr.p, method, from, year, r, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc && sdg != SIZE_MAX && sdg != method) {
        if (!(s = ilo_result_new(m))) rc = EXIT_INTERNAL;
        else if (ilo_eval(m, pr.p, sdg, year, s, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    }
    int tfrom = year - ILO_BRIEF_TREND_YEARS < ILO_YEAR_MIN ? ILO_YEAR_MIN : year - ILO_BRIEF_TREND_YEARS;
    if (!rc && ilo_trend_new(m, pr.p, method, tfrom, year, &t, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc && ilo_brief_new(m, pr.p, r, regime, &b, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc) {
        rep_brief_doc doc = {m, pr.p, pr.name, r, b, t, from, {0}, as_of, s};
        int32_t day = as_of ? env->as_of.last : ilo_year_last_day(year);
        ilo_brief_standing_of(m, regime, m->countries[c].code, day, &doc.standing);
        rc = cli_outputs_write(o, render_brief, &doc);
    }
    ilo_brief_free(b);
    ilo_trend_free(t);
    ilo_result_free(s);
    ilo_result_free(r);
    cli_profile_close(&pr);
    return rc;
}

int cmd_brief(cli_env *env, int argc, char **argv)
{
    brief_args a = {NULL, NULL, "all-sources", 0, ILO_BRIEF_WINDOW_YEARS};
    cli_outputs o = {NULL, 0, -1};
    int rc = parse(argc, argv, &a, &o);
    if (!rc) rc = cli_load(env);
    if (!rc) rc = run(env, &a, &o);
    cli_outputs_free(&o);
    return rc;
}
