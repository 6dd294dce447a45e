/*
 * compare.c: `iloscore compare COUNTRY --scenario FILE|ID...`: the baseline and the profile after
 * the scenarios, side by side, year by year. Also what every command needs to read --scenario:
 * which values are files to load and which are ids of scenarios in the data tree.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Whether path is a *.cfg file directly in DIR/scenarios/: the loader reads it with the tree. */
static bool in_tree(const char *data, const char *path)
{
    size_t n = strlen(path);
    if (n < 4 || strcmp(path + n - 4, ".cfg") != 0) return false;
    char dir[PATH_MAX], *real_dir = NULL, *real_file = NULL;
    snprintf(dir, sizeof dir, "%s/scenarios", data);
    bool inside = false;
    if ((real_dir = realpath(dir, NULL)) && (real_file = realpath(path, NULL))) {
        size_t d = strlen(real_dir);
        inside = strncmp(real_file, real_dir, d) == 0 && real_file[d] == '/' && !strchr(real_file + d + 1, '/');
    }
    free(real_dir);
    free(real_file);
    return inside;
}

void cli_split_scenarios(cli_env *env, const char **loadable)
{
    env->scenario_args = env->scenario_files;
    env->n_scenario_args = env->n_scenario_files;
    size_t n = 0;
    for (size_t i = 0; i < env->n_scenario_args; i++) {
        const char *a = env->scenario_args[i];
        struct stat st;
        if (stat(a, &st) != 0 || in_tree(env->data, a)) continue; /* an id, or already in the tree */
        bool twice = false;
        for (size_t j = 0; j < n; j++) twice |= strcmp(loadable[j], a) == 0;
        if (!twice) loadable[n++] = a;
    }
    env->scenario_files = loadable;
    env->n_scenario_files = n;
}

/* The scenario read from file path (compared by real path), or SIZE_MAX. */
static size_t by_file(const ilo_model *m, const char *path)
{
    char *want = realpath(path, NULL);
    size_t found = SIZE_MAX;
    for (size_t s = 0; want && s < m->n_scenarios && found == SIZE_MAX; s++) {
        char *got = m->scenarios[s].where.file ? realpath(m->scenarios[s].where.file, NULL) : NULL;
        if (got && strcmp(got, want) == 0) found = s;
        free(got);
    }
    free(want);
    return found;
}

int cli_scenarios(const cli_env *env, size_t *out)
{
    for (size_t i = 0; i < env->n_scenario_args; i++) {
        const char *a = env->scenario_args[i];
        struct stat st;
        size_t s = stat(a, &st) == 0 ? by_file(env->model, a) : ilo_model_find_scenario(env->model, a);
        if (s == SIZE_MAX) {
            cli_error("unknown scenario \"%s\" (neither a scenario file nor the id of one in %s/scenarios)",
                    a, env->data);
            return EXIT_NOTFOUND;
        }
        out[i] = s;
    }
    return EXIT_OK;
}

static bool render_comparison(rep_buf *out, rep_format f, const void *doc)
{
    return rep_render(out, f, REP_KIND_COMPARISON, doc);
}

typedef struct compare_args {
    const char *country, *method;
    int from, to; /* 0: default */
} compare_args;

static int parse(int argc, char **argv, compare_args *a, cli_outputs *o)
{
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option(o, argc, argv, &i);
        if (taken < 0) return -taken;
        if (taken) continue;
        const char *opt = argv[i];
        if (strcmp(opt, "--from") == 0 || strcmp(opt, "--to") == 0 || strcmp(opt, "--method") == 0) {
            if (i + 1 >= argc) return cli_usage_error("compare: option '%s' needs a value", opt);
            const char *v = argv[++i];
            if (strcmp(opt, "--method") == 0) a->method = v;
            else if (!cli_parse_year(v, strcmp(opt, "--from") == 0 ? &a->from : &a->to))
                return cli_usage_error("compare: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
        } else if (opt[0] == '-' && opt[1]) {
            return cli_usage_error("compare: unknown option '%s'", opt);
        } else if (a->country) {
            return cli_usage_error("compare: unexpected argument '%s'", opt);
        } else {
            a->country = opt;
        }
    }
    if (!a->country) return cli_usage_error("compare: which country? (e.g. iloscore compare KAZ --scenario ID)");
    if (a->from && a->to && a->from > a->to)
        return cli_usage_error("compare: --from %d is after --to %d", a->from, a->to);
    return cli_outputs_finish(o);
}

/* The default range: trend's (the earliest dated evidence to the default year), stretched to the
 * latest effective year of the scenarios so that their effect shows. */
static int range(const ilo_model *m, size_t c, const size_t *sc, size_t n, compare_args *a)
{
    int to = a->to ? a->to : cli_default_year(m, c);
    int from = a->from ? a->from : cli_first_year(m, c);
    if (!a->to)
        for (size_t i = 0; i < n; i++)
            if (m->scenarios[sc[i]].effective.year > to) to = m->scenarios[sc[i]].effective.year;
    if (!to) to = from;
    if (!from) from = to;
    if (!from) return cli_usage_error("compare: %s has no dated data; give --from and --to", m->countries[c].code);
    if (!a->from && from > to) from = to;
    if (!a->to && to < from) to = from;
    a->from = from;
    a->to = to;
    return EXIT_OK;
}

int cmd_compare(cli_env *env, int argc, char **argv)
{
    compare_args a = {NULL, "sdg-8.8.2", 0, 0};
    cli_outputs o = {NULL, 0, -1};
    size_t c = 0, method = 0;
    size_t *sc = NULL;
    ilo_profile *alt = NULL;
    ilo_trend *tb = NULL, *ta = NULL;
    int rc = parse(argc, argv, &a, &o);
    if (!rc && env->n_scenario_args == 0)
        rc = cli_usage_error("compare: which scenario? give --scenario FILE or --scenario ID (repeatable)");
    if (!rc) rc = cli_load(env);
    if (!rc) rc = cli_find_country(env->model, a.country, &c);
    if (!rc) rc = cli_find_method(env->model, a.method, &method);
    if (!rc && !(sc = malloc(env->n_scenario_args * sizeof *sc))) rc = EXIT_INTERNAL;
    if (!rc) rc = cli_scenarios(env, sc);
    if (!rc) rc = range(env->model, c, sc, env->n_scenario_args, &a);
    ilo_profile base = {0};
    if (!rc) {
        const ilo_model *m = env->model;
        base = ilo_profile_baseline(m, c);
        if (ilo_profile_apply(m, c, sc, env->n_scenario_args, &alt, env->ctx) != ILO_OK ||
            ilo_trend_new(m, &base, method, a.from, a.to, &tb, env->ctx) != ILO_OK ||
            ilo_trend_new(m, alt, method, a.from, a.to, &ta, env->ctx) != ILO_OK)
            rc = cli_report(env->ctx);
    }
    if (!rc) {
        rep_comparison doc = {env->model, &base, alt, sc, env->n_scenario_args, tb, ta, cli_last_year(env->model, c)};
        rc = cli_outputs_write(&o, render_comparison, &doc);
    }
    ilo_trend_free(tb);
    ilo_trend_free(ta);
    ilo_profile_free(alt);
    free(sc);
    cli_outputs_free(&o);
    return rc;
}
