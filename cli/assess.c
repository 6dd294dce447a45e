/*
 * assess.c: `iloscore assess COUNTRY`: the annual country assessment: score, rating, findings
 * with their sources, criteria not assessed, published figures beside the computed score, the
 * year's ILO supervisory events and the trend over the years before. Also the lookups the report
 * commands share (country, method, default years).
 */
#include <ctype.h>
#include <string.h>

#include "cli.h"

int cli_find_country(const ilo_model *m, const char *arg, size_t *out)
{
    char code[8];
    size_t n = strlen(arg);
    /* Codes are three capitals; "kaz" is accepted for KAZ as a convenience. */
    if (n < sizeof code) {
        for (size_t i = 0; i <= n; i++) code[i] = (char)toupper((unsigned char)arg[i]);
        *out = ilo_model_find_country(m, code);
    } else {
        *out = SIZE_MAX;
    }
    if (*out != SIZE_MAX) return EXIT_OK;
    cli_error("unknown country \"%s\"", arg);
    return EXIT_NOTFOUND;
}

int cli_find_method(const ilo_model *m, const char *arg, size_t *out)
{
    *out = ilo_model_find_method(m, arg);
    if (*out != SIZE_MAX) return EXIT_OK;
    cli_error("unknown method \"%s\"", arg);
    return EXIT_NOTFOUND;
}

/* The latest (or earliest) year among the dates of country c's items and their sources. */
static int item_year(const ilo_model *m, size_t c, bool latest, bool starts)
{
    const ilo_country *co = &m->countries[c];
    int best = 0;
    for (size_t i = 0; i < co->n_items; i++) {
        const ilo_item *it = &m->items[co->item_first + i];
        int y = it->start.year;
        if (starts && (!best || (latest ? y > best : y < best))) best = y;
        for (size_t j = 0; j < it->n_sources; j++) {
            y = m->sources[it->sources[j]].date.year;
            if (!best || (latest ? y > best : y < best)) best = y;
        }
    }
    return best;
}

/* The latest (or earliest) year with a published figure of `measure` (any when NULL). */
static int published_year(const ilo_model *m, size_t c, bool latest, const char *measure)
{
    const ilo_country *co = &m->countries[c];
    int best = 0;
    for (size_t i = 0; i < co->n_published; i++) {
        if (measure && (!co->published[i].measure || strcmp(co->published[i].measure, measure) != 0)) continue;
        int y = co->published[i].year;
        if (!best || (latest ? y > best : y < best)) best = y;
    }
    return best;
}

/* The SDG 8.8.2 series first: it is coded from ILO texts of its year, so its latest year has
 * evidence to assess; an ITUC rating can run years ahead of any coded text. */
int cli_default_year(const ilo_model *m, size_t c)
{
    int y = published_year(m, c, true, "sdg-8.8.2");
    if (!y) y = published_year(m, c, true, NULL);
    return y ? y : item_year(m, c, true, true);
}

int cli_last_year(const ilo_model *m, size_t c)
{
    const ilo_country *co = &m->countries[c];
    int best = item_year(m, c, true, true), p = published_year(m, c, true, NULL);
    if (p > best) best = p;
    for (size_t i = 0; i < co->n_events; i++)
        if (co->events[i].date.year > best) best = co->events[i].date.year;
    for (size_t i = 0; i < co->n_items; i++) {
        const ilo_date *stop = &m->items[co->item_first + i].stop;
        if (stop->prec != ILO_DATE_NONE && stop->year > best) best = stop->year;
    }
    return best;
}

int cli_check_year(const char *cmd, const ilo_model *m, size_t c, const cli_profile *pr, int year)
{
    int last = cli_last_year(m, c);
    for (size_t i = 0; pr && i < pr->n_sc; i++)
        if (m->scenarios[pr->sc[i]].effective.year > last) last = m->scenarios[pr->sc[i]].effective.year;
    if (year <= last) return EXIT_OK;
    return cli_usage_error("%s: %d is beyond the data: the latest evidence on %s is dated %d, and a year "
                           "with no evidence has no score (compare projects scenarios past the data)",
                           cmd, year, m->countries[c].code, last);
}

int cli_first_year(const ilo_model *m, size_t c)
{
    int p = published_year(m, c, false, NULL), s = item_year(m, c, false, false);
    if (!p || !s) return p ? p : s;
    return p < s ? p : s;
}

static bool render_assessment(rep_buf *out, rep_format f, const void *doc)
{
    return rep_render(out, f, REP_KIND_ASSESSMENT, doc);
}

typedef struct assess_args {
    const char *country, *method;
    int year;          /* 0: default */
    unsigned long back; /* years of trend before the assessed one */
} assess_args;

static int parse(int argc, char **argv, assess_args *a, cli_outputs *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option(o, argc, argv, &i);
        if (taken < 0) return -taken;
        if (taken) continue;
        const char *opt = argv[i];
        if (strcmp(opt, "--year") == 0 || strcmp(opt, "--method") == 0 || strcmp(opt, "--trend-years") == 0) {
            if (i + 1 >= argc) return cli_usage_error("assess: option '%s' needs a value", opt);
            const char *v = argv[++i];
            if (opt[2] == 'm') a->method = v;
            else if (opt[2] == 'y' && !cli_parse_year(v, &a->year))
                return cli_usage_error("assess: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
            else if (opt[2] == 't' && (!cli_parse_ulong(v, &a->back) || a->back > 100))
                return cli_usage_error("assess: bad number of years '%s' (0-100)", v);
        } else if (opt[0] == '-' && opt[1]) {
            return cli_usage_error("assess: unknown option '%s'", opt);
        } else if (a->country) {
            return cli_usage_error("assess: unexpected argument '%s'", opt);
        } else {
            a->country = opt;
        }
    }
    if (!a->country) return cli_usage_error("assess: which country? (e.g. iloscore assess KAZ)");
    return cli_outputs_finish(o);
}

static int run(cli_env *env, const assess_args *a, const cli_outputs *o)
{
    const ilo_model *m = env->model;
    size_t c, method;
    int rc = cli_find_country(m, a->country, &c);
    if (!rc) rc = cli_find_method(m, a->method, &method);
    if (rc) return rc;
    int year = a->year ? a->year : cli_default_year(m, c);
    if (!year) return cli_usage_error("assess: %s has no dated data; give --year", m->countries[c].code);
    cli_profile pr;
    ilo_result *r = NULL;
    ilo_trend *t = NULL;
    rc = cli_profile_open(env, c, &pr);
    if (!rc) rc = cli_check_year("assess", m, c, &pr, year);
    if (!rc && !(r = ilo_result_new(m))) rc = EXIT_INTERNAL;
    if (!rc && ilo_eval(m, pr.p, method, year, r, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    int from = year - (int)a->back < ILO_YEAR_MIN ? ILO_YEAR_MIN : year - (int)a->back;
    if (!rc && a->back && ilo_trend_new(m, pr.p, method, from, year, &t, env->ctx) != ILO_OK)
        rc = cli_report(env->ctx);
    if (!rc) {
        rep_assessment doc = {m, pr.p, pr.name, r, t};
        rc = cli_outputs_write(o, render_assessment, &doc);
    }
    ilo_trend_free(t);
    ilo_result_free(r);
    cli_profile_close(&pr);
    return rc;
}

int cmd_assess(cli_env *env, int argc, char **argv)
{
    assess_args a = {NULL, "sdg-8.8.2", 0, 5};
    cli_outputs o = {NULL, 0, -1};
    int rc = parse(argc, argv, &a, &o);
    if (!rc) rc = cli_load(env);
    if (!rc) rc = run(env, &a, &o);
    cli_outputs_free(&o);
    return rc;
}
