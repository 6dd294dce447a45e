/* trend.c: the trend document (iloscore trend): one country's scores over a range of years, the
 * least-squares slope and its direction, and the years of largest change explained by the items
 * that entered or left. */
#include <math.h>

#include "kinds.h"

/* The years table's fixed columns; then per convention, per group, change, published. */
enum { Y_YEAR, Y_SCORE, Y_RAW, Y_LAW, Y_PRACTICE, Y_RATING, Y_PLACE, Y_CODED = Y_PLACE + 3, Y_CLEAR, Y_NA, Y_SHOWN, Y_ASSESSED, Y_CRITERIA,
       Y_CHANGE, Y_FIXED };

static const rep_column year_cols[Y_FIXED] = {
    {"year", "Year", NULL, REP_COL_ID, NULL, REP_SCOPE_YEAR},
    {"score", "Score", "score", REP_COL_NUMBER},
    {"raw", NULL, "raw", REP_COL_NUMBER},
    {"law", "Law", "law", REP_COL_NUMBER},
    {"practice", "Practice", "practice", REP_COL_NUMBER},
    {"rating", "Rating", "rating", REP_COL_ENUM},
    {0}, {0}, {0}, /* the place: rep_place_columns() */
    {NULL, NULL, "criteria:coded", REP_COL_NUMBER},
    {NULL, NULL, "criteria:clear", REP_COL_NUMBER},
    {NULL, NULL, "criteria:not_assessed", REP_COL_NUMBER},
    {NULL, "Assessed", NULL, REP_COL_NUMBER},
    {"assessed", NULL, NULL, REP_COL_NUMBER},
    {"criteria", NULL, NULL, REP_COL_NUMBER},
    {"change", NULL, NULL, REP_COL_NUMBER},
};

static const char *const published_labels[ILO_N_MEASURES] = {"Published SDG", "Published ITUC"};

/* One year's row; with no_csv, its cells say nothing to CSV (the year is given elsewhere). */
static void year_row(rep_doc *d, rep_node *tb, const ilo_model *m, size_t country, const ilo_trend *t, size_t i,
                     size_t nc, size_t ng, bool no_csv)
{
    const ilo_result *r = t->years[i];
    size_t row = REP_ROW(d, tb, rep_v_int(r->year)), n[3];
    bool a = ilo_result_assessed(m, r);
    ilo_result_status_counts(m, r, n);
    rep_score_cells(d, tb, row, Y_SCORE, m, r);
    rep_place_cells(d, tb, row, Y_PLACE, m, r->method, r->year, a, r->score);
    /* A change needs a score on both sides. */
    rep_value change = !i ? rep_v_null()
                       : a && ilo_result_assessed(m, t->years[i - 1])
                           ? rep_v_hundredths(ilo_result_score_hundredths(r) - ilo_result_score_hundredths(t->years[i - 1]))
                           : rep_v_na(NULL);
    REP_CELLS(d, tb, row, Y_CODED, rep_v_int((int64_t)n[ILO_CODED]), rep_v_int((int64_t)n[ILO_CLEAR]),
              rep_v_int((int64_t)n[ILO_NOT_ASSESSED]),
              rep_v_text(rep_doc_printf(d, "%zu/%zu", n[ILO_CODED] + n[ILO_CLEAR], m->n_criteria)),
              rep_v_int((int64_t)(n[ILO_CODED] + n[ILO_CLEAR])), rep_v_int((int64_t)m->n_criteria), change);
    for (size_t k = 0; k < nc; k++) rep_cell(d, tb, row, Y_FIXED + k, rep_part_v(m, r, false, k));
    for (size_t k = 0; k < ng; k++) rep_cell(d, tb, row, Y_FIXED + nc + k, rep_part_v(m, r, true, k));
    rep_cell(d, tb, row, Y_FIXED + nc + ng, i ? change : rep_v_absent());
    for (size_t k = 0; k < ILO_N_MEASURES; k++) {
        const ilo_published *p = ilo_country_published(m, country, ilo_measure_name(k), r->year);
        rep_cell(d, tb, row, Y_FIXED + nc + ng + 1 + k, p ? rep_v_text(p->value) : rep_v_null());
    }
    for (size_t c = 0; no_csv && c < tb->n_cols; c++) tb->cells[row * tb->n_cols + c].measure = "";
}

rep_node *rep_add_years(rep_doc *d, rep_node *parent, const ilo_model *m, size_t country, const ilo_trend *t,
                        bool detail, int skip_csv)
{
    size_t nc = detail ? m->n_conventions : 0, ng = detail ? m->n_groups : 0, n = Y_FIXED + nc + ng + 1 + ILO_N_MEASURES;
    rep_column *cols = rep_doc_alloc(d, n * sizeof *cols);
    if (!cols) return NULL;
    for (size_t i = 0; i < Y_FIXED; i++) cols[i] = year_cols[i];
    if (!m->methods[t->years[0]->method].n_bands) cols[Y_RATING].label = NULL;
    rep_place_columns(d, cols + Y_PLACE, "place", "place", ilo_method_can_place(m, t->years[0]->method));
    for (size_t k = 0; k < nc; k++) {
        const char *id = m->conventions[k].id;
        cols[Y_FIXED + k] = (rep_column){rep_doc_printf(d, "conventions/%s", id),
                                         ilo_trend_convention_assessed(m, t, k) ? id : NULL,
                                         rep_doc_printf(d, "convention:%s", id), REP_COL_NUMBER};
    }
    for (size_t k = 0; k < ng; k++)
        cols[Y_FIXED + nc + k] = (rep_column){rep_doc_printf(d, "groups/%s", m->groups[k].id), NULL,
                                              rep_doc_printf(d, "group:%s", m->groups[k].id), REP_COL_NUMBER};
    cols[Y_FIXED + nc + ng] = (rep_column){NULL, NULL, detail ? "change" : NULL, REP_COL_NUMBER};
    for (size_t k = 0; k < ILO_N_MEASURES; k++)
        cols[Y_FIXED + nc + ng + 1 + k] =
            (rep_column){rep_doc_printf(d, "published/%s", ilo_measure_name(k)), published_labels[k],
                         rep_doc_printf(d, "published:%s", ilo_measure_name(k)), k ? REP_COL_TEXT : REP_COL_NUMBER};
    rep_node *tb = rep_table(d, parent, "years", cols, n);
    for (size_t i = 0; i < t->n; i++) year_row(d, tb, m, country, t, i, nc, ng, t->years[i]->year == skip_csv);
    return tb;
}

/* ---- the years of largest change ---- */

typedef struct change_ctx {
    rep_doc *d;
    rep_node *t;
    const rep_trend_doc *in;
    const rep_cites *c;
    bool entered;
    int year;
} change_ctx;

static void change_item(void *arg, const ilo_finding *f, bool entered)
{
    change_ctx *x = arg;
    if (entered != x->entered) return;
    size_t row = REP_ROW(x->d, x->t, rep_v_text(entered ? "entered" : "left"), rep_v_int(x->year));
    rep_item_cells(x->d, x->t, row, 2, x->in->model, &x->in->profile->items[f->item], f, x->c);
}

static void change(rep_doc *d, rep_node *parent, const rep_trend_doc *in, const rep_cites *c, size_t i)
{
    const ilo_trend *t = in->trend;
    const ilo_result *now = t->years[i], *before = t->years[i - 1];
    int64_t a = ilo_result_score_hundredths(before), b = ilo_result_score_hundredths(now), ch = b - a;
    rep_node *sec = rep_section(d, parent, NULL,
                                rep_doc_printf(d, "%d to %d: %s%s (%s to %s, %s)", before->year, now->year,
                                               ch < 0 ? "" : "+", rep_doc_hundredths(d, ch), rep_doc_hundredths(d, a),
                                               rep_doc_hundredths(d, b), ch < 0 ? "better" : "worse"));
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, sec, NULL), REP_PROGRAMS),
                   {"from_year", NULL, NULL, rep_v_int(before->year)}, {"to_year", NULL, NULL, rep_v_int(now->year)},
                   {"change", NULL, NULL, rep_v_hundredths(ch)}, {"score_before", NULL, NULL, rep_v_hundredths(a)},
                   {"score_after", NULL, NULL, rep_v_hundredths(b)});
    rep_column cols[2 + REP_ITEM_NCOLS] = {{NULL, "Change", NULL, REP_COL_ENUM}, {"counted_in", "Year counted", NULL, REP_COL_ID}};
    for (size_t k = 0; k < REP_ITEM_NCOLS; k++) cols[2 + k] = rep_item_cols[k];
    for (int pass = 0; pass < 2; pass++) {
        change_ctx x = {d, rep_table(d, sec, pass ? "left" : "entered", cols, 2 + REP_ITEM_NCOLS), in, c, pass == 0,
                        pass ? before->year : now->year};
        ilo_trend_changed_items(t, i, change_item, &x);
    }
}

void rep_add_trend_stats(rep_doc *d, rep_node *parent, const ilo_trend *t)
{
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, parent, NULL), REP_PROGRAMS), {"from", NULL, NULL, rep_v_int(t->from)},
                   {"to", NULL, NULL, rep_v_int(t->to)}, {"fitted", NULL, NULL, rep_v_int((int64_t)t->n_fit)},
                   {"slope", NULL, NULL, rep_v_fixed(t->slope, 6, 0)},
                   {"slope_se", NULL, NULL, rep_v_fixed(t->slope_se, 6, 0)},
                   {"direction", NULL, NULL, rep_v_text(ilo_direction_name(t->direction))},
                   {"direction_rule", NULL, NULL, rep_v_text(ilo_direction_rule)});
}

void rep_add_trend_rows(rep_doc *d, rep_node *parent, const ilo_trend *t)
{
    rep_node *tail = rep_only(rep_fields(d, parent, NULL), REP_PROGRAMS);
    if (tail) tail->scope.year = t->to;
    REP_ADD_FIELDS(d, tail, {NULL, NULL, "trend:from", rep_v_int(t->from)},
                   {NULL, NULL, "trend:fitted", rep_v_int((int64_t)t->n_fit)},
                   {NULL, NULL, "trend:slope", rep_v_fixed(t->slope, 6, 0)},
                   {NULL, NULL, "trend:slope_se", rep_v_fixed(t->slope_se, 6, 0)},
                   {NULL, NULL, "trend:direction", rep_v_text(ilo_direction_name(t->direction))});
}

const char *rep_slope_text(rep_doc *d, const ilo_trend *t) { return rep_slope_fit_text(d, NULL, t); }

const char *rep_slope_fit_text(rep_doc *d, const ilo_model *m, const ilo_trend *t)
{
    rep_buf b = REP_BUF_INIT;
    rep_buf_puts(&b, "Slope: ");
    if (isfinite(t->slope)) {
        if (t->slope >= 0) rep_buf_putc(&b, '+');
        rep_buf_fixed(&b, t->slope, 3, "-");
        rep_buf_puts(&b, " points a year (standard error ");
        rep_buf_fixed(&b, t->slope_se, 3, "-");
        rep_buf_printf(&b, "): %s", ilo_direction_name(t->direction));
    } else {
        rep_buf_puts(&b, m ? "none (fewer than two assessed years)" : "none (fewer than two years)");
    }
    if (m) rep_buf_printf(&b, ", fitted on the %zu assessed year%s of %zu", t->n_fit, t->n_fit == 1 ? "" : "s", t->n);
    if (m && t->n_fit < t->n) {
        rep_buf_puts(&b, "; left out, not assessed (no evidence):");
        for (size_t i = 0, k = 0; i < t->n; i++)
            if (!ilo_result_assessed(m, t->years[i])) rep_buf_printf(&b, "%s %d", k++ ? "," : "", t->years[i]->year);
    }
    rep_buf_printf(&b, ". Rule: %s; lower scores are better.", ilo_direction_rule);
    return rep_doc_take(d, &b);
}

rep_doc *rep_build_trend(const rep_trend_doc *in)
{
    const ilo_model *m = in->model;
    const ilo_trend *t = in->trend;
    size_t country = in->profile->country;
    const ilo_country *co = &m->countries[country];
    rep_doc *d = rep_kind_doc("trend");
    /* The years of largest change, asked once: their items' sources are numbered, then shown. */
    size_t ch[REP_MAX_CHANGES], n = ilo_trend_largest_changes(m, t, ch, REP_MAX_CHANGES);
    rep_cites c;
    if (!d || !rep_cites_trend(&c, in, ch, n)) {
        rep_doc_free(d);
        return NULL;
    }
    d->title = rep_doc_printf(d, "%s (%s), %d-%d: trend of compliance with ILO conventions on freedom of association",
                              co->name, co->code, t->from, t->to);
    rep_node *root = &d->root;
    root->scope = (rep_scope){co->code, 0, m->methods[t->years[0]->method].id};
    rep_add_header(d, root, m, country, t->years[0]->method, in->profile_name);
    rep_add_place_vintage(d, root, m, t->years[0]->method);
    rep_add_trend_stats(d, root, t);
    rep_node *ys = rep_section(d, root, NULL, "Scores by year");
    rep_people_para(d, ys, REP_CAVEAT, NULL,
                    rep_doc_printf(d, "0 best, 10 worst.%s Published figures as published, not computed here.",
                                   ilo_method_can_place(m, t->years[0]->method)
                                       ? " Q: the quintile of the score among the published SDG 8.8.2 scores of its "
                                         "year (see Places)."
                                       : ""));
    rep_add_score_chart(d, ys, m, country, (const ilo_result *const *)t->years, t->n);
    rep_add_years(d, ys, m, country, t, true, 0);
    rep_people_para(d, ys, REP_CAVEAT, "Assessed",
                    "criteria coded or clear, of all; a year with few assessed scores low for lack of evidence, "
                    "not for compliance. Convention columns: those with a criterion assessed in some year.");
    rep_people_para(d, ys, REP_RULE, NULL, rep_slope_fit_text(d, m, t));
    rep_node *lc = rep_section_array(d, root, "largest_changes", "Largest changes");
    rep_people_para(d, lc, REP_CAVEAT, NULL,
                    "Up to 3, by size, each explained by the items that entered or left.");
    for (size_t k = 0; k < n; k++) change(d, lc, in, &c, ch[k]);
    int *years = rep_doc_alloc(d, (t->n + 1) * sizeof *years);
    for (size_t i = 0; years && i < t->n; i++) years[i] = t->years[i]->year;
    if (years) rep_add_disputed(d, root, m, country, &c, c.shown, years, t->n);
    rep_add_sources(d, root, m, &c);
    rep_add_trend_rows(d, root, t);
    rep_cites_free(&c);
    return d;
}
