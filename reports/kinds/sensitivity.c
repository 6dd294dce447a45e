/* sensitivity.c: the sensitivity document (iloscore sensitivity): score (and, for every
 * country, rank) percentiles over Monte Carlo draws of the criterion weights, and the impact of
 * leaving out each criteria group. */
#include <stdlib.h>
#include <string.h>

#include "kinds.h"

static const char *impact_meaning(const ilo_sensitivity *s)
{
    return s->opts.all ? "mean absolute rank change over the ranked countries and the draws"
                       : "mean absolute score change over the assessed years and the draws";
}

static void rule_of(rep_buf *out, const ilo_sensitivity *s)
{
    const ilo_sens_opts *o = &s->opts;
    rep_buf_printf(out,
                   "Monte Carlo over the criterion weights: %zu draws, seed %llu. In each draw every criterion's "
                   "weight is multiplied by 1 + u, with u drawn uniformly on [-",
                   o->draws, (unsigned long long)o->seed);
    rep_buf_fixed(out, o->spread, 2, "?");
    rep_buf_puts(out, "%, +");
    rep_buf_fixed(out, o->spread, 2, "?");
    rep_buf_puts(out,
                 "%] for each criterion independently (GSL gsl_ran_flat; draw d uses gsl_rng_mt19937 seeded with "
                 "1 + (splitmix64(seed) + d) mod (2^32 - 1), so the results do not depend on the number of "
                 "threads). What is coded, the cap, the scale and the all-encompassing rule stay as evaluated. "
                 "Percentiles 5, 50 and 95 over the draws are GSL's gsl_stats_quantile_from_sorted_data (linear "
                 "interpolation between order statistics). Leaving a group out gives its criteria weight 0 and its "
                 "all-encompassing criteria no force; its impact is the ");
    rep_buf_puts(out, impact_meaning(s));
    rep_buf_puts(out, ".");
}


/* Stable merge sort of idx[0..n-1] with a comparator that takes a context. */
static void msort(size_t *idx, size_t *tmp, size_t n, int (*cmp)(const void *ctx, size_t a, size_t b), const void *ctx)
{
    if (n < 2) return;
    size_t h = n / 2;
    msort(idx, tmp, h, cmp, ctx);
    msort(idx + h, tmp, n - h, cmp, ctx);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = cmp(ctx, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
    while (i < h) tmp[k++] = idx[i++];
    while (j < n) tmp[k++] = idx[j++];
    for (k = 0; k < n; k++) idx[k] = tmp[k];
}

typedef struct order_ctx {
    const ilo_model *m;
    const ilo_sensitivity *s;
} order_ctx;

static int unit_cmp(const void *arg, size_t a, size_t b)
{
    const order_ctx *x = arg;
    const ilo_sens_unit *u = &x->s->units[a], *v = &x->s->units[b];
    if (!x->s->opts.all) return (u->year > v->year) - (u->year < v->year);
    if (u->assessed != v->assessed) return u->assessed ? -1 : 1;
    if (u->assessed && u->rank != v->rank) return u->rank < v->rank ? -1 : 1;
    return strcmp(x->m->countries[u->country].code, x->m->countries[v->country].code);
}

static size_t *order_of(const ilo_model *m, const ilo_sensitivity *s)
{
    size_t *idx = malloc((s->n_units + 1) * sizeof *idx), *tmp = malloc((s->n_units + 1) * sizeof *tmp);
    if (!idx || !tmp) {
        free(idx);
        free(tmp);
        return NULL;
    }
    for (size_t i = 0; i < s->n_units; i++) idx[i] = i;
    order_ctx x = {m, s};
    msort(idx, tmp, s->n_units, unit_cmp, &x);
    free(tmp);
    return idx;
}

enum { U_STATUS, U_CODE, U_YEAR, U_ASSESSED, U_SCORE, U_RAW, U_P5, U_P50, U_P95, U_RANK, U_R5, U_R50, U_R95 };

static const rep_column unit_cols[] = {
    {NULL, NULL, "status", REP_COL_ENUM},
    {"code", "Code", NULL, REP_COL_ID, NULL, REP_SCOPE_COUNTRY},
    {"year", "Year", NULL, REP_COL_ID, NULL, REP_SCOPE_YEAR},
    {"assessed", NULL, NULL, REP_COL_ENUM},
    {"score", "Score", "score", REP_COL_NUMBER},
    {"raw", NULL, NULL, REP_COL_NUMBER},
    {"score_p5", "5%", "score:p5", REP_COL_NUMBER},
    {"score_p50", "50%", "score:p50", REP_COL_NUMBER},
    {"score_p95", "95%", "score:p95", REP_COL_NUMBER},
    {"rank", "Rank", "rank", REP_COL_NUMBER},
    {"rank_p5", "Rank 5%", "rank:p5", REP_COL_NUMBER},
    {"rank_p50", "Rank 50%", "rank:p50", REP_COL_NUMBER},
    {"rank_p95", "Rank 95%", "rank:p95", REP_COL_NUMBER},
};

static void unit_row(rep_doc *d, rep_node *t, const ilo_model *m, const ilo_sensitivity *s, const ilo_sens_unit *un)
{
    bool all = s->opts.all;
    size_t row = rep_row(d, t);
    rep_cell(d, t, row, U_STATUS, rep_v_text(un->assessed ? (all ? "ranked" : "assessed") : "not_assessed"));
    rep_cell(d, t, row, U_CODE, rep_v_id(m->countries[un->country].code));
    rep_cell(d, t, row, U_YEAR, rep_v_int(un->year));
    rep_cell(d, t, row, U_ASSESSED, rep_v_bool(un->assessed));
    if (!un->assessed) {
        rep_row_span(d, t, row, "not assessed");
        return;
    }
    rep_cell(d, t, row, U_SCORE, rep_v_hundredths(ilo_round2(un->score)));
    rep_cell(d, t, row, U_RAW, rep_v_hundredths(un->raw_c));
    rep_cell(d, t, row, U_P5, rep_v_fixed(un->p5, 4, 2));
    rep_cell(d, t, row, U_P50, rep_v_fixed(un->p50, 4, 2));
    rep_cell(d, t, row, U_P95, rep_v_fixed(un->p95, 4, 2));
    if (!all) return;
    rep_cell(d, t, row, U_RANK, rep_v_int(un->rank));
    rep_cell(d, t, row, U_R5, rep_v_fixed(un->rank_p5, 2, 1));
    rep_cell(d, t, row, U_R50, rep_v_fixed(un->rank_p50, 2, 1));
    rep_cell(d, t, row, U_R95, rep_v_fixed(un->rank_p95, 2, 1));
}

/* The intervals as a chart: ranks from 1 (left) with all, else scores from 0 (left). */
static void chart(rep_doc *d, rep_node *parent, const ilo_model *m, const ilo_sensitivity *s, const size_t *order)
{
    bool all = s->opts.all;
    double max = all ? (double)(s->n_assessed > 1 ? s->n_assessed : 2) : m->methods[s->opts.method].scale;
    rep_node *c = rep_series(d, parent,
                             all ? "Rank over the draws: 5th to 95th percentile (bar), point rank (dot); rank 1 left"
                                 : "Score over the draws: 5th to 95th percentile (bar), point score (dot); 0 best",
                             all ? 1 : 0, max);
    for (size_t k = 0; k < s->n_units; k++) {
        const ilo_sens_unit *un = &s->units[order[k]];
        if (!un->assessed) continue;
        if (all) rep_point_add(d, c, m->countries[un->country].code, un->rank_p5, (double)un->rank, un->rank_p95);
        else rep_point_add(d, c, rep_doc_printf(d, "%d", un->year), un->p5, un->score, un->p95);
    }
}

static void groups(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_sensitivity *s)
{
    static const rep_column cols[] = {
        {"group", "Group", NULL, REP_COL_ID},
        {"title", "Title", NULL, REP_COL_TEXT},
        {"coded", NULL, NULL, REP_COL_ENUM},
        {"impact", "Impact", NULL, REP_COL_NUMBER},
        {NULL, NULL, "leave_out", REP_COL_NUMBER}, /* CSV: empty for a group nothing codes */
    };
    const ilo_sens_opts *o = &s->opts;
    rep_node *sec = rep_section(d, root, NULL, "Leaving out one criteria group");
    rep_para_text(d, sec, "impact", REP_RULE, "Impact", impact_meaning(s));
    rep_node *t = rep_table(d, sec, "leave_one_group_out", cols, sizeof cols / sizeof cols[0]);
    if (t) t->scope = (rep_scope){o->all ? "" : m->countries[o->country].code, o->all ? o->from : 0, t->scope.method};
    for (size_t g = 0; g < s->n_groups; g++) {
        const ilo_sens_group *sg = &s->groups[g];
        const ilo_group *gr = &m->groups[sg->group];
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_id(gr->id));
        rep_value title = rep_v_text(gr->title);
        if (!sg->coded) title.note = "nothing coded";
        rep_cell(d, t, row, 1, title);
        rep_cell(d, t, row, 2, rep_v_bool(sg->coded));
        rep_cell(d, t, row, 3, rep_v_fixed(sg->impact, 4, 3));
        rep_value csv = sg->coded ? rep_v_fixed(sg->impact, 4, 0) : rep_v_text("");
        csv.measure = rep_doc_printf(d, "leave_out:%s", gr->id);
        rep_cell(d, t, row, 4, csv);
    }
}

static void head(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_sensitivity *s)
{
    const ilo_sens_opts *o = &s->opts;
    rep_node *h = rep_only(rep_fields(d, root, NULL), REP_PEOPLE);
    rep_field_add(d, h, NULL, "Method", NULL, rep_v_text(rep_method_line(d, m, o->method)));
    rep_buf spread = REP_BUF_INIT;
    rep_buf_fixed(&spread, o->spread, 2, "?");
    rep_field_add(d, h, NULL, "Draws", NULL,
                  rep_v_text(rep_doc_printf(d, "%zu, seed %llu, each weight x (1 + u), u uniform on +-%s%%", o->draws,
                                            (unsigned long long)o->seed, spread.data ? spread.data : "?")));
    if (spread.failed) d->failed = true;
    rep_buf_free(&spread);
    if (o->all)
        rep_field_add(d, h, NULL, "Ranked", NULL,
                      rep_v_text(rep_doc_printf(d, "%zu of %zu (the others are not assessed)", s->n_assessed, s->n_units)));
    else
        rep_field_add(d, h, NULL, "Assessed", NULL,
                      rep_v_text(rep_doc_printf(d, "%zu of %zu years", s->n_assessed, s->n_units)));
    size_t synthetic = rep_count_synthetic(m);
    if (o->all && synthetic)
        rep_field_add(d, h, NULL, "Note", NULL,
                      rep_v_text(rep_doc_printf(d, "%zu of the countries are synthetic, not real ones", synthetic)));
    if (!o->all && m->countries[o->country].synthetic)
        rep_field_add(d, h, NULL, "Note", NULL, rep_v_text("a synthetic country, not a real one"));
    rep_add_method(d, root, m, o->method, false);
    rep_node *p = rep_only(rep_fields(d, root, NULL), REP_PROGRAMS);
    rep_field_add(d, p, "scope", NULL, NULL, rep_v_text(o->all ? "all" : "country"));
    rep_field_add(d, p, "country", NULL, NULL, rep_v_text(o->all ? NULL : m->countries[o->country].code));
    rep_field_add(d, p, "from", NULL, NULL, rep_v_int(o->from));
    rep_field_add(d, p, "to", NULL, NULL, rep_v_int(o->to));
    rep_field_add(d, p, "draws", NULL, NULL, rep_v_int((int64_t)o->draws));
    rep_field_add(d, p, "seed", NULL, NULL, rep_v_uint(o->seed));
    rep_field_add(d, p, "spread_percent", NULL, NULL, rep_v_fixed(o->spread, 2, 0));
}

rep_doc *rep_build_sensitivity(const rep_sensitivity_doc *in)
{
    const ilo_model *m = in->model;
    const ilo_sensitivity *s = in->sens;
    const ilo_sens_opts *o = &s->opts;
    const ilo_country *co = o->all ? NULL : &m->countries[o->country];
    size_t *order = order_of(m, s);
    rep_doc *d = order ? rep_kind_doc("sensitivity") : NULL;
    if (!d) {
        free(order);
        return NULL;
    }
    if (o->all)
        d->title = rep_doc_printf(d, "Sensitivity of the scores and ranks of %zu countries to the criterion weights, %d",
                                  s->n_units, o->from);
    else
        d->title = rep_doc_printf(d, "%s (%s), %d-%d: sensitivity of the score to the criterion weights", co->name,
                                  co->code, o->from, o->to);
    rep_node *root = &d->root;
    root->scope = (rep_scope){"", 0, m->methods[o->method].id};
    head(d, root, m, s);
    rep_buf rule = REP_BUF_INIT;
    rule_of(&rule, s);
    rep_para_text(d, root, "rule", REP_RULE, "Method", rep_doc_take(d, &rule));
    if (o->all) rep_para_text(d, root, "caveat", REP_CAUTION, "Caution", rep_sdg_caveat);
    rep_field_add(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS), "assessed", NULL, NULL,
                  rep_v_int((int64_t)s->n_assessed));
    chart(d, root, m, s, order);
    rep_column cols[sizeof unit_cols / sizeof unit_cols[0]];
    size_t n = o->all ? sizeof cols / sizeof cols[0] : U_RANK;
    for (size_t i = 0; i < n; i++) cols[i] = unit_cols[i];
    cols[o->all ? U_YEAR : U_CODE].label = NULL;
    rep_node *t = rep_table(d, root, "units", cols, n);
    for (size_t k = 0; k < s->n_units; k++) unit_row(d, t, m, s, &s->units[order[k]]);
    free(order);
    groups(d, root, m, s);
    rep_node *tail = rep_only(rep_fields(d, root, NULL), REP_PROGRAMS);
    rep_field_add(d, tail, NULL, NULL, "draws", rep_v_int((int64_t)o->draws));
    rep_field_add(d, tail, NULL, NULL, "seed", rep_v_uint(o->seed));
    rep_field_add(d, tail, NULL, NULL, "spread_percent", rep_v_fixed(o->spread, 2, 0));
    if (!rep_doc_ok(d)) {
        rep_doc_free(d);
        return NULL;
    }
    return d;
}
