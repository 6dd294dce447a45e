/*
 * rank.c: `iloscore rank [--year Y] [--method M]`: every country of the data ranked by score in
 * one year, ties by standard competition ranking, the published figures beside, and the ILO's
 * caveat that SDG 8.8.2 is not meant for comparing countries. Also the default year that rank
 * and `sensitivity --all` share.
 */
#include <stdlib.h>
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

/* One ranking per year: text and Markdown one after another, JSON an array of the rankings, CSV
 * one table (the header once); HTML is one page, one year (refused before loading). */
typedef struct rank_years {
    const ilo_model *m;
    ilo_ranking **r;
    size_t n;
} rank_years;

static bool render_rank(rep_buf *out, rep_format f, const void *arg)
{
    const rank_years *y = arg;
    if (y->n == 1) {
        rep_rank_doc doc = {y->m, y->r[0]};
        return rep_render(out, f, REP_KIND_RANK, &doc);
    }
    if (f == REP_JSON) rep_buf_puts(out, "[\n");
    for (size_t i = 0; i < y->n; i++) {
        rep_rank_doc doc = {y->m, y->r[i]};
        rep_buf one = REP_BUF_INIT;
        bool ok = rep_render(&one, f, REP_KIND_RANK, &doc);
        const char *t = one.data ? one.data : "";
        size_t len = one.len;
        if (f == REP_CSV && i > 0) { /* drop the repeated header line */
            const char *nl = memchr(t, '\n', len);
            size_t skip = nl ? (size_t)(nl - t) + 1 : len;
            t += skip;
            len -= skip;
        }
        if (i > 0 && f == REP_JSON) rep_buf_puts(out, ",\n");
        if (i > 0 && (f == REP_TEXT || f == REP_MD)) rep_buf_putc(out, '\n');
        rep_buf_put(out, t, len);
        rep_buf_free(&one);
        if (!ok) return false;
    }
    if (f == REP_JSON) rep_buf_puts(out, "]\n");
    return rep_buf_ok(out);
}

int cmd_rank(cli_env *env, int argc, char **argv)
{
    const char *method = "sdg-8.8.2", *sheet = NULL;
    int year = 0, from = 0, to = 0;
    cli_outputs o = {NULL, 0, -1};
    int rc = EXIT_OK;
    for (int i = 1; i < argc && !rc; i++) {
        int taken = cli_output_option(&o, argc, argv, &i);
        if (taken < 0) rc = -taken;
        if (taken) continue;
        const char *opt = argv[i];
        static const char *const valued[] = {"--year", "--method", "--sheet", "--from", "--to"};
        size_t k = 0;
        while (k < sizeof valued / sizeof valued[0] && strcmp(opt, valued[k]) != 0) k++;
        if (k == sizeof valued / sizeof valued[0]) {
            rc = cli_usage_error("rank: unexpected argument '%s'", opt);
            break;
        }
        if (i + 1 >= argc) {
            rc = cli_usage_error("rank: option '%s' needs a value", opt);
            break;
        }
        const char *v = argv[++i];
        if (k == 1) method = v;
        else if (k == 2) sheet = v;
        else if (!cli_parse_year(v, k == 0 ? &year : k == 3 ? &from : &to))
            rc = cli_usage_error("rank: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
    }
    if (!rc && year && (from || to)) rc = cli_usage_error("rank: give --year or --from/--to, not both");
    if (!rc && from && to && from > to) rc = cli_usage_error("rank: --from %d is after --to %d", from, to);
    if (!rc) rc = cli_outputs_finish(&o);
    for (size_t i = 0; !rc && i < o.n; i++)
        if (o.v[i].format == REP_HTML && (from || to) && from != to)
            rc = cli_usage_error("rank: an HTML ranking is one year; give --year");
    if (!rc) rc = cli_load(env);
    size_t me = 0;
    if (!rc) rc = cli_find_method(env->model, method, &me);
    ilo_sheet *sh = NULL;
    if (!rc && sheet && ilo_sheet_read(env->model, sheet, &sh, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    if (!rc && year) from = to = year;
    if (!rc && (!from || !to)) {
        int dflt = 0;
        for (size_t i = 0; sh && i < sh->n_rows; i++)
            if (sh->rows[i].year > dflt) dflt = sh->rows[i].year; /* a sheet: its latest year */
        if (!sh) dflt = cli_default_world_year(env->model);
        if (!from) from = to ? to : dflt;
        if (!to) to = from > dflt ? from : dflt;
        if (!from) rc = cli_usage_error("rank: the data has no dated country data; give --year");
    }
    rank_years y = {env->model, NULL, 0};
    if (!rc && !(y.r = calloc((size_t)(to - from + 1), sizeof *y.r))) rc = EXIT_INTERNAL;
    for (int yr = from; !rc && yr <= to; yr++) {
        ilo_status st = sh ? ilo_ranking_from_sheet(env->model, me, sh, yr, &y.r[y.n], env->ctx)
                           : ilo_ranking_new(env->model, me, yr, &y.r[y.n], env->ctx);
        if (st != ILO_OK) rc = cli_report(env->ctx);
        else y.n++;
    }
    if (!rc) rc = cli_outputs_write(&o, render_rank, &y);
    for (size_t i = 0; i < y.n; i++) ilo_ranking_free(y.r[i]);
    free(y.r);
    ilo_sheet_free(sh);
    cli_outputs_free(&o);
    return rc;
}
