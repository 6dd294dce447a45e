/*
 * rank.c: `iloscore rank [--year Y] [--method M]`: every country of the data ranked by score in
 * one year, ties by standard competition ranking, the published figures beside, and the ILO's
 * caveat that SDG 8.8.2 is not meant for comparing countries. Also the default year that rank
 * and `sensitivity --all` share.
 */
#include <string.h>

#include "cli.h"

int cli_default_world_year(const ilo_model *m)
{
    int best = 0;
    for (size_t c = 0; c < m->n_countries; c++) {
        int y = cli_default_year(m, c);
        if (y > best) best = y;
    }
    return best;
}

static bool render_rank(rep_buf *out, rep_format f, const void *doc) { return rep_render(out, f, REP_KIND_RANK, doc); }

int cmd_rank(cli_env *env, int argc, char **argv)
{
    const char *method = "sdg-8.8.2";
    int year = 0;
    cli_outputs o = {NULL, 0, -1};
    int rc = EXIT_OK;
    for (int i = 1; i < argc && !rc; i++) {
        int taken = cli_output_option(&o, argc, argv, &i);
        if (taken < 0) rc = -taken;
        if (taken) continue;
        const char *opt = argv[i];
        if (strcmp(opt, "--year") == 0 || strcmp(opt, "--method") == 0) {
            if (i + 1 >= argc) {
                rc = cli_usage_error("rank: option '%s' needs a value", opt);
                break;
            }
            const char *v = argv[++i];
            if (opt[2] == 'm') method = v;
            else if (!cli_parse_year(v, &year))
                rc = cli_usage_error("rank: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
        } else {
            rc = cli_usage_error("rank: unexpected argument '%s'", opt);
        }
    }
    if (!rc) rc = cli_outputs_finish(&o);
    if (!rc) rc = cli_load(env);
    size_t me = 0;
    if (!rc) rc = cli_find_method(env->model, method, &me);
    if (!rc && !year && !(year = cli_default_world_year(env->model)))
        rc = cli_usage_error("rank: the data has no dated country data; give --year");
    ilo_ranking *r = NULL;
    if (!rc && ilo_ranking_new(env->model, me, year, &r, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc) {
        rep_rank_doc doc = {env->model, r};
        rc = cli_outputs_write(&o, render_rank, &doc);
    }
    ilo_ranking_free(r);
    cli_outputs_free(&o);
    return rc;
}
