/* compare.c: the scenario comparison document (iloscore compare): the baseline and the profile
 * after the scenarios over the same years and method, year by year, with the findings and
 * criteria that differ. */
#include <string.h>

#include "kinds.h"

/* ---- the years table: per year, baseline, scenario, delta ---- */

typedef struct cols {
    rep_column *v;
    size_t n;
} cols;

static void col(cols *c, const char *key, const char *label, const char *measure, rep_class cls)
{
    c->v[c->n++] = (rep_column){key, label, measure, cls};
}

/* One side's columns: score, raw, law, practice, rating, forced, conventions, then CSV's rating. */
static void side_cols(rep_doc *d, cols *c, const ilo_model *m, size_t method, const char *side, const char *label)
{
    static const char *const names[] = {"score", "raw", "law", "practice"};
    for (size_t i = 0; i < 4; i++)
        col(c, rep_doc_printf(d, "%s/%s", side, names[i]), i ? NULL : label, rep_doc_printf(d, "%s:%s", side, names[i]),
            REP_COL_NUMBER);
    col(c, rep_doc_printf(d, "%s/rating", side), NULL, NULL, REP_COL_ENUM);
    col(c, rep_doc_printf(d, "%s/forced", side), NULL, NULL, REP_COL_ENUM);
    rep_place_columns(d, c->v + c->n, rep_doc_printf(d, "%s/place", side), rep_doc_printf(d, "%s:place", side),
                      ilo_method_can_place(m, method));
    c->n += 3;
    for (size_t k = 0; k < m->n_conventions; k++)
        col(c, rep_doc_printf(d, "%s/conventions/%s", side, m->conventions[k].id), NULL,
            rep_doc_printf(d, "%s:convention:%s", side, m->conventions[k].id), REP_COL_NUMBER);
    col(c, NULL, NULL, rep_doc_printf(d, "%s:rating", side), REP_COL_ENUM);
}

static size_t side_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, const ilo_result *r)
{
    rep_score_cells(d, t, row, at, m, r);
    rep_cell(d, t, row, at + 5, rep_v_bool(r->forced));
    rep_place_cells(d, t, row, at + 6, m, r->method, r->year, ilo_result_assessed(m, r), r->score);
    at += 9;
    for (size_t k = 0; k < m->n_conventions; k++) rep_cell(d, t, row, at++, rep_part_v(m, r, false, k));
    rep_cell(d, t, row, at++, rep_rating_v(m, r));
    return at;
}

/* A change between two numbers that exist only where both are assessed. */
static rep_value delta(bool both, int64_t c) { return both ? rep_plus(rep_v_hundredths(c)) : rep_v_na(NULL); }

static const char *const change_kinds[] = {"removed", "added", "changed"};

/* A finding's share and criteria (null when there is no finding on that side). */
static rep_value share_v(const ilo_finding *f) { return f ? rep_v_hundredths(f->share_hundredths) : rep_v_null(); }

static rep_value criteria_v(rep_doc *d, const ilo_model *m, const ilo_finding *f)
{
    if (!f) return rep_v_null();
    size_t n;
    const char *const *ids = rep_criteria_ids(d, m, &f->criteria, &n);
    return rep_v_ids(ids, n);
}

/* The findings that differ in one year: programs' objects, and CSV's finding:KIND:ID share. */
static rep_value findings(rep_doc *d, const ilo_model *m, const ilo_year_diff *yd)
{
    static const rep_column tail[] = {
        {"scenario_id", NULL, NULL, REP_COL_ID},        {"baseline_share", NULL, NULL, REP_COL_NUMBER},
        {"scenario_share", NULL, NULL, REP_COL_NUMBER}, {"baseline_criteria", NULL, NULL, REP_COL_ID},
        {"scenario_criteria", NULL, NULL, REP_COL_ID},  {NULL, NULL, "share", REP_COL_NUMBER},
    };
    /* The change, the item's columns from id to summary, then the tail. */
    rep_column c[1 + 12 + 6] = {{"change", NULL, NULL, REP_COL_ENUM}};
    for (size_t k = 0; k < 12; k++) c[1 + k] = rep_item_cols[k];
    for (size_t k = 0; k < 6; k++) c[13 + k] = tail[k];
    rep_node *t = rep_table_detached(d, c, sizeof c / sizeof c[0]);
    for (size_t k = 0; k < yd->n; k++) {
        const ilo_change *ch = &yd->changes[k];
        const ilo_item *it = ch->kind == ILO_CHANGE_ADDED ? ch->alt_item : ch->base_item;
        size_t row = REP_ROW(d, t, rep_v_text(change_kinds[ch->kind]));
        rep_item_cells(d, t, row, 1, m, it, NULL, NULL);
        /* from column 13 on, over the people's item text rep_item_cells() put there */
        REP_CELLS(d, t, row, 13, rep_v_text(ch->alt_item ? ch->alt_item->id : NULL), share_v(ch->base),
                  share_v(ch->alt), criteria_v(d, m, ch->base), criteria_v(d, m, ch->alt),
                  rep_measured(share_v(ch->alt ? ch->alt : ch->base),
                               rep_doc_printf(d, "finding:%s:%s", change_kinds[ch->kind], it->id)));
    }
    return rep_v_table(t);
}

/* CSV's criterion:stopped:ID and criterion:started:ID rows, valued with the criterion's weight. */
static rep_value criteria_rows(rep_doc *d, const ilo_model *m, const ilo_year_diff *yd)
{
    static const rep_column c[] = {{NULL, NULL, "criterion", REP_COL_NUMBER}};
    rep_node *t = rep_table_detached(d, c, 1);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < m->n_criteria; k++) {
            if (!ilo_bitset_has(pass ? &yd->started : &yd->stopped, k)) continue;
            REP_ROW(d, t, rep_measured(rep_v_hundredths(m->criteria[k].weight_hundredths),
                                       rep_doc_printf(d, "criterion:%s:%s", pass ? "started" : "stopped",
                                                      m->criteria[k].id)));
        }
    return rep_v_table(t);
}

/* The rating, where it means something: the method has bands and r is assessed; else NULL. */
static const char *rating_of(const ilo_model *m, const ilo_result *r)
{
    const ilo_band *b = ilo_result_assessed(m, r) ? ilo_result_band(m, r) : NULL;
    return b ? b->rating : NULL;
}

/* "2.85" or "not assessed". */
static const char *score_text(rep_doc *d, const ilo_model *m, const ilo_result *r)
{
    return ilo_result_assessed(m, r) ? rep_doc_hundredths(d, ilo_result_score_hundredths(r)) : "not assessed";
}

/* ---- what people read about each year's changes ---- */

static const char *criteria_weights(rep_doc *d, const ilo_model *m, const ilo_bitset *set)
{
    rep_buf b = REP_BUF_INIT;
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (!ilo_bitset_has(set, k)) continue;
        const ilo_criterion *cr = &m->criteria[k];
        rep_buf_printf(&b, "%s%s (%s, ", b.len ? ", " : "", cr->id, cr->kind == ILO_LAW ? "law" : "practice");
        rep_buf_hundredths(&b, cr->weight_hundredths);
        rep_buf_putc(&b, ')');
    }
    return rep_doc_take(d, &b);
}

static const char *id_list(rep_doc *d, const ilo_model *m, const ilo_bitset *set)
{
    size_t n;
    const char *const *ids = rep_criteria_ids(d, m, set, &n);
    rep_buf b = REP_BUF_INIT;
    for (size_t i = 0; ids && i < n; i++) rep_buf_printf(&b, "%s%s", i ? ", " : "", ids[i]);
    return rep_doc_take(d, &b);
}

/* People's heading of a year's changes: "2015: score 2.85 -> 1.20 (-1.65), rating 3 -> 2". */
static const char *year_heading(rep_doc *d, const ilo_model *m, const ilo_result *rb, const ilo_result *ra, bool beyond)
{
    const char *ga = rating_of(m, rb), *gb = rating_of(m, ra);
    rep_buf h = REP_BUF_INIT;
    rep_buf_printf(&h, "%d: score %s -> %s", rb->year, score_text(d, m, rb), score_text(d, m, ra));
    if (ilo_result_assessed(m, rb) && ilo_result_assessed(m, ra)) {
        int64_t dd = ilo_result_score_hundredths(ra) - ilo_result_score_hundredths(rb);
        rep_buf_printf(&h, " (%s%s)", dd > 0 ? "+" : "", rep_doc_hundredths(d, dd));
    }
    if (ga && gb) rep_buf_printf(&h, ", rating %s%s%s", ga, strcmp(ga, gb) == 0 ? " (unchanged)" : " -> ",
                                 strcmp(ga, gb) == 0 ? "" : gb);
    if (beyond) rep_buf_puts(&h, "; beyond the data (a projection)");
    return rep_doc_take(d, &h);
}

/* One change as people read it: its kind, the criteria and share before -> after, the item. */
static void change_row(rep_doc *d, rep_node *t, const ilo_model *m, const ilo_change *ch)
{
    const ilo_item *it = ch->kind == ILO_CHANGE_ADDED ? ch->alt_item : ch->base_item;
    const char *arrow = ch->kind == ILO_CHANGE_CHANGED ? " -> " : "";
    const char *cb = ch->base ? id_list(d, m, &ch->base->criteria) : "";
    const char *ca = ch->alt ? id_list(d, m, &ch->alt->criteria) : "";
    const char *sb = ch->base ? rep_doc_hundredths(d, ch->base->share_hundredths) : "";
    const char *sa = ch->alt ? rep_doc_hundredths(d, ch->alt->share_hundredths) : "";
    rep_value item = rep_v_text(rep_item_text(d, it));
    if (ch->kind == ILO_CHANGE_CHANGED && strcmp(ch->alt_item->id, it->id) != 0)
        item.note = rep_doc_printf(d, "amended from %s: %s", ch->alt_item->start.text, ch->alt_item->id);
    REP_ROW(d, t, rep_v_text(change_kinds[ch->kind]), rep_v_text(rep_doc_printf(d, "%s%s%s", cb, arrow, ca)),
            rep_v_text(rep_doc_printf(d, "%s%s%s", sb, arrow, sa)), item);
}

static void year_changes(rep_doc *d, rep_node *parent, const ilo_model *m, const ilo_result *rb, const ilo_result *ra,
                         const ilo_year_diff *yd, bool beyond)
{
    static const rep_column c[] = {{NULL, "Change", NULL, REP_COL_ENUM},
                                   {NULL, "Criteria", NULL, REP_COL_ID},
                                   {NULL, "Share", NULL, REP_COL_ID},
                                   {NULL, "Item", NULL, REP_COL_TEXT}};
    rep_node *sec = rep_section(d, parent, NULL, year_heading(d, m, rb, ra, beyond));
    rep_node *t = rep_table(d, sec, NULL, c, 4);
    for (size_t k = 0; k < yd->n; k++) change_row(d, t, m, &yd->changes[k]);
    if (ilo_bitset_count(&yd->stopped))
        rep_para_text(d, sec, NULL, REP_PLAIN, "No longer coded", criteria_weights(d, m, &yd->stopped));
    if (ilo_bitset_count(&yd->started))
        rep_para_text(d, sec, NULL, REP_PLAIN, "Newly coded", criteria_weights(d, m, &yd->started));
}

/* Whether convention k has a raw score above 0 in some year of either profile: people's formats
 * leave the others out of their per-convention columns (JSON and CSV keep every one). */
static bool shown(const rep_comparison *in, size_t k)
{
    return ilo_trend_convention_scored(in->base, k) || ilo_trend_convention_scored(in->alt, k);
}

/* The years table's columns: the year, each side's, the deltas, the rating change, the changes. */
static rep_node *years_table(rep_doc *d, rep_node *parent, const rep_comparison *in, size_t method)
{
    static const char *const names[] = {"score", "raw", "law", "practice"};
    static const char *const labels[] = {"Change", NULL, "Law", "Practice"};
    const ilo_model *m = in->model;
    cols c = {rep_doc_alloc(d, (34 + 3 * m->n_conventions) * sizeof *c.v), 0};
    if (!c.v) return NULL;
    col(&c, "year", "Year", NULL, REP_COL_ID);
    c.v[0].scope = REP_SCOPE_YEAR;
    side_cols(d, &c, m, method, "baseline", "Baseline");
    side_cols(d, &c, m, method, "scenario", "Scenario");
    for (size_t i = 0; i < 4; i++)
        col(&c, rep_doc_printf(d, "delta/%s", names[i]), labels[i], rep_doc_printf(d, "delta:%s", names[i]),
            REP_COL_NUMBER);
    for (size_t k = 0; k < m->n_conventions; k++)
        col(&c, rep_doc_printf(d, "delta/conventions/%s", m->conventions[k].id),
            shown(in, k) ? m->conventions[k].id : NULL,
            rep_doc_printf(d, "delta:convention:%s", m->conventions[k].id), REP_COL_NUMBER);
    col(&c, "rating_changed", NULL, NULL, REP_COL_ENUM);
    col(&c, NULL, NULL, "rating_changed", REP_COL_NUMBER);
    col(&c, NULL, m->methods[method].n_bands ? "Rating" : NULL, NULL, REP_COL_ENUM);
    col(&c, "beyond_data", NULL, NULL, REP_COL_ENUM);
    col(&c, NULL, NULL, "beyond_data", REP_COL_NUMBER);
    col(&c, "findings", NULL, NULL, REP_COL_ID);
    col(&c, "criteria_stopped", NULL, NULL, REP_COL_ID);
    col(&c, "criteria_started", NULL, NULL, REP_COL_ID);
    col(&c, NULL, NULL, NULL, REP_COL_ID); /* CSV's criterion rows (criteria_rows) */
    return rep_table(d, parent, "years", c.v, c.n);
}

/* Year i: its row of the years table, and people's account of its changes in chg (or the year
 * added to `same` when nothing differs; to `past` when beyond the data). False when out of
 * memory. */
static bool year(rep_doc *d, rep_node *t, rep_node *chg, const rep_comparison *in, size_t i, rep_buf *same,
                 rep_buf *past)
{
    const ilo_model *m = in->model;
    const ilo_result *rb = in->base->years[i], *ra = in->alt->years[i];
    ilo_year_diff yd;
    if (!ilo_year_diff_of(in->baseline, rb, in->scenario, ra, &yd)) return false;
    bool beyond = in->last_year && rb->year > in->last_year;
    bool both = ilo_result_assessed(m, rb) && ilo_result_assessed(m, ra);
    size_t row = REP_ROW(d, t, rep_v_int(rb->year)), n_stopped, n_started;
    size_t at = side_cells(d, t, row, 1, m, rb);
    at = side_cells(d, t, row, at, m, ra);
    REP_CELLS(d, t, row, at, delta(both, ilo_result_score_hundredths(ra) - ilo_result_score_hundredths(rb)),
              delta(both, ra->raw_hundredths - rb->raw_hundredths),
              delta(both, ilo_round2(ra->law) - ilo_round2(rb->law)),
              delta(both, ilo_round2(ra->practice) - ilo_round2(rb->practice)));
    at += 4;
    for (size_t k = 0; k < m->n_conventions; k++)
        rep_cell(d, t, row, at++,
                 delta(ilo_result_convention_assessed(m, ra, k) && ilo_result_convention_assessed(m, rb, k),
                       ilo_round2(ilo_result_convention_score(m, ra, k)) -
                           ilo_round2(ilo_result_convention_score(m, rb, k))));
    /* A rating change means something only where the method has bands and both are assessed. */
    const char *ga = rating_of(m, rb), *gb = rating_of(m, ra);
    bool rated = ga && gb, changed = rated && strcmp(ga, gb) != 0;
    const char *const *stopped = rep_criteria_ids(d, m, &yd.stopped, &n_stopped);
    const char *const *started = rep_criteria_ids(d, m, &yd.started, &n_started);
    REP_CELLS(d, t, row, at, rated ? rep_v_bool(changed) : rep_v_null(), rated ? rep_v_int(changed) : rep_v_absent(),
              rated ? rep_v_text(changed ? rep_doc_printf(d, "%s -> %s", ga, gb) : ga) : rep_v_null(),
              rep_v_bool(beyond), rep_v_int(beyond), findings(d, m, &yd), rep_v_ids(stopped, n_stopped),
              rep_v_ids(started, n_started), criteria_rows(d, m, &yd));
    if (beyond) rep_buf_printf(past, "%s%d", past->len ? ", " : "", rb->year);
    if (yd.n || ilo_bitset_count(&yd.stopped) || ilo_bitset_count(&yd.started))
        year_changes(d, chg, m, rb, ra, &yd, beyond);
    else
        rep_buf_printf(same, "%s%d", same->len ? ", " : "", rb->year);
    ilo_year_diff_free(&yd);
    return true;
}

rep_doc *rep_build_comparison(const rep_comparison *in)
{
    const ilo_model *m = in->model;
    const ilo_country *co = &m->countries[in->baseline->country];
    size_t method = in->base->years[0]->method;
    rep_doc *d = rep_kind_doc("comparison");
    if (!d) return NULL;
    d->title = rep_doc_printf(d, "%s (%s), %d-%d: scenario comparison", co->name, co->code, in->base->from, in->base->to);
    rep_node *root = &d->root;
    root->scope = (rep_scope){co->code, 0, m->methods[method].id};
    rep_add_header(d, root, m, in->baseline->country, method, "baseline and scenario");
    rep_add_place_vintage(d, root, m, method);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS),
                   {"from", NULL, NULL, rep_v_int(in->base->from)}, {"to", NULL, NULL, rep_v_int(in->base->to)});
    rep_node *sc = rep_add_scenarios(d, root, m, in->scenarios, in->n_scenarios);
    if (sc) sc->scope.year = in->base->from;
    rep_node *ys = rep_section(d, root, NULL, "Scores by year");
    rep_people_para(d, ys, REP_CAVEAT, NULL,
                    rep_doc_printf(d, "0 best, 10 worst. Change, Law, Practice and the convention columns: "
                                      "scenario - baseline (conventions scoring above 0 in some year).%s",
                                   ilo_method_can_place(m, method)
                                       ? " Q, after each score: its quintile among the published SDG 8.8.2 "
                                         "scores of the year (see Places)."
                                       : ""));
    rep_node *chart = rep_series_lines(d, ys, "Baseline", "Scenario (the law as amended)",
                                       "The baseline (solid line, dots, values above) and the scenario (dashed line, "
                                       "squares), computed with the same method. 0 is the best score.",
                                       0, m->methods[method].scale > 0 ? m->methods[method].scale : 10);
    for (size_t i = 0; i < in->base->n; i++)
        rep_point_line(d, chart, in->base->years[i]->year, (double)ilo_result_score_hundredths(in->base->years[i]) / 100.0,
                       (double)ilo_result_score_hundredths(in->alt->years[i]) / 100.0, false);
    rep_node *t = years_table(d, ys, in, method);
    rep_node *chg = rep_only(rep_section(d, root, NULL, "Changes by year"), REP_PEOPLE);
    rep_para_text(d, chg, NULL, REP_CAVEAT, NULL,
                  "Items matched by id; an amended text counted in place of its original is one change.");
    rep_buf same = REP_BUF_INIT, past = REP_BUF_INIT;
    for (size_t i = 0; i < in->base->n && !d->failed; i++)
        if (!year(d, t, chg, in, i, &same, &past)) d->failed = true;
    if (past.len)
        rep_people_para(d, ys, REP_CAVEAT, "Beyond the data",
                        rep_doc_printf(d, "%s: after %d, the year of the latest dated evidence on %s. These "
                                          "years are projections of the law as it stands (or as the scenarios "
                                          "amend it), not assessments.",
                                       past.data, in->last_year, co->code));
    if (past.failed || same.failed) d->failed = true;
    if (same.len) rep_para_text(d, chg, NULL, REP_PLAIN, NULL, rep_doc_printf(d, "No difference in %s.", same.data));
    rep_buf_free(&past);
    rep_buf_free(&same);
    return d;
}
