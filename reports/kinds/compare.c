/* compare.c: the scenario comparison document (iloscore compare): the baseline and the profile
 * after the scenarios over the same years and method, year by year, with the findings and
 * criteria that differ. */
#include <stdlib.h>
#include <string.h>

#include "kinds.h"

/* ---- the years table: per year, baseline, scenario, delta ---- */

typedef struct cols {
    rep_column *v;
    size_t n;
} cols;

static void col(rep_doc *d, cols *c, const char *key, const char *label, const char *measure, rep_class cls)
{
    c->v[c->n++] = (rep_column){key, label, measure, cls};
    (void)d;
}

/* One side's columns: score, raw, law, practice, rating, forced, conventions, then CSV's rating. */
static void side_cols(rep_doc *d, cols *c, const ilo_model *m, size_t method, const char *side, const char *label)
{
    static const char *const names[] = {"score", "raw", "law", "practice"};
    for (size_t i = 0; i < 4; i++)
        col(d, c, rep_doc_printf(d, "%s/%s", side, names[i]), i ? NULL : label, rep_doc_printf(d, "%s:%s", side, names[i]),
            REP_COL_NUMBER);
    col(d, c, rep_doc_printf(d, "%s/rating", side), NULL, NULL, REP_COL_ENUM);
    col(d, c, rep_doc_printf(d, "%s/forced", side), NULL, NULL, REP_COL_ENUM);
    rep_place_columns(d, c->v + c->n, rep_doc_printf(d, "%s/place", side), rep_doc_printf(d, "%s:place", side), false);
    if (rep_places_possible(m, method)) c->v[c->n + 1].label = "Q";
    c->n += 3;
    for (size_t k = 0; k < m->n_conventions; k++)
        col(d, c, rep_doc_printf(d, "%s/conventions/%s", side, m->conventions[k].id), NULL,
            rep_doc_printf(d, "%s:convention:%s", side, m->conventions[k].id), REP_COL_NUMBER);
    col(d, c, NULL, NULL, rep_doc_printf(d, "%s:rating", side), REP_COL_ENUM);
}

static size_t side_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, const ilo_result *r)
{
    rep_cell(d, t, row, at++, rep_assessed_v(m, r, rep_score_hundredths(r), "not assessed"));
    rep_cell(d, t, row, at++, rep_assessed_v(m, r, r->raw_hundredths, NULL));
    rep_cell(d, t, row, at++, rep_assessed_v(m, r, ilo_round2(r->law), NULL));
    rep_cell(d, t, row, at++, rep_assessed_v(m, r, ilo_round2(r->practice), NULL));
    rep_value rating = rep_rating_v(m, r);
    rep_cell(d, t, row, at++, rating.type == REP_V_ABSENT ? rep_v_null() : rating);
    rep_cell(d, t, row, at++, rep_v_bool(r->forced));
    ilo_place p;
    rep_place_cells(d, t, row, at, rep_place(m, r->method, r->year, ilo_result_assessed(m, r), r->score, &p), &p);
    at += 3;
    for (size_t k = 0; k < m->n_conventions; k++)
        rep_cell(d, t, row, at++,
                 rep_convention_assessed(m, r, k) ? rep_v_hundredths(ilo_round2(ilo_result_convention_score(m, r, k)))
                                                  : rep_v_na(NULL));
    rep_cell(d, t, row, at++, rating);
    return at;
}

static rep_value plus(int64_t c)
{
    rep_value v = rep_v_hundredths(c);
    v.plus = true;
    return v;
}

/* A change between two numbers that exist only where both are assessed. */
static rep_value delta(bool both, int64_t c) { return both ? plus(c) : rep_v_na(NULL); }

/* The findings that differ in one year: programs' objects, and CSV's finding:KIND:ID share. */
static rep_value findings(rep_doc *d, const ilo_model *m, const rep_year_diff *yd)
{
    static const char *const kinds[] = {"removed", "added", "changed"};
    rep_column c[1 + 12 + 6] = {{"change", NULL, NULL, REP_COL_ENUM}};
    for (size_t k = 0; k < 12; k++) c[1 + k] = rep_item_cols[k];
    c[13] = (rep_column){"scenario_id", NULL, NULL, REP_COL_ID};
    c[14] = (rep_column){"baseline_share", NULL, NULL, REP_COL_NUMBER};
    c[15] = (rep_column){"scenario_share", NULL, NULL, REP_COL_NUMBER};
    c[16] = (rep_column){"baseline_criteria", NULL, NULL, REP_COL_ID};
    c[17] = (rep_column){"scenario_criteria", NULL, NULL, REP_COL_ID};
    c[18] = (rep_column){NULL, NULL, "share", REP_COL_NUMBER};
    rep_node *t = rep_table_detached(d, c, sizeof c / sizeof c[0]);
    for (size_t k = 0; k < yd->n; k++) {
        const rep_change *ch = &yd->changes[k];
        const ilo_item *it = ch->kind == REP_ADDED ? ch->alt_item : ch->base_item;
        size_t row = rep_row(d, t), n;
        rep_cell(d, t, row, 0, rep_v_text(kinds[ch->kind]));
        rep_item_cells(d, t, row, 1, m, it, NULL, NULL);
        rep_cell(d, t, row, 13, rep_v_text(ch->alt_item ? ch->alt_item->id : NULL));
        rep_cell(d, t, row, 14, ch->base ? rep_v_hundredths(ch->base->share_hundredths) : rep_v_null());
        rep_cell(d, t, row, 15, ch->alt ? rep_v_hundredths(ch->alt->share_hundredths) : rep_v_null());
        const char *const *ids;
        ids = ch->base ? rep_criteria_ids(d, m, &ch->base->criteria, &n) : NULL;
        rep_cell(d, t, row, 16, ch->base ? rep_v_ids(ids, n) : rep_v_null());
        ids = ch->alt ? rep_criteria_ids(d, m, &ch->alt->criteria, &n) : NULL;
        rep_cell(d, t, row, 17, ch->alt ? rep_v_ids(ids, n) : rep_v_null());
        rep_value share = rep_v_hundredths(ch->alt ? ch->alt->share_hundredths : ch->base->share_hundredths);
        share.measure = rep_doc_printf(d, "finding:%s:%s", kinds[ch->kind], it->id);
        rep_cell(d, t, row, 18, share);
    }
    return rep_v_table(t);
}

/* CSV's criterion:stopped:ID and criterion:started:ID rows, valued with the criterion's weight. */
static rep_value criteria_rows(rep_doc *d, const ilo_model *m, const rep_year_diff *yd)
{
    static const rep_column c[] = {{NULL, NULL, "criterion", REP_COL_NUMBER}};
    rep_node *t = rep_table_detached(d, c, 1);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < m->n_criteria; k++) {
            if (!ilo_bitset_has(pass ? &yd->started : &yd->stopped, k)) continue;
            rep_value w = rep_v_hundredths(m->criteria[k].weight_hundredths);
            w.measure = rep_doc_printf(d, "criterion:%s:%s", pass ? "started" : "stopped", m->criteria[k].id);
            rep_cell(d, t, rep_row(d, t), 0, w);
        }
    return rep_v_table(t);
}

/* The rating, where it means something: the method has bands and r is assessed; else NULL. */
static const char *rating_of(const ilo_model *m, const ilo_result *r)
{
    const ilo_band *b = ilo_result_assessed(m, r) ? rep_band(m, r) : NULL;
    return b ? b->rating : NULL;
}

/* "2.85" or "not assessed". */
static void score_text(rep_buf *b, const ilo_model *m, const ilo_result *r)
{
    if (ilo_result_assessed(m, r)) rep_buf_hundredths(b, rep_score_hundredths(r));
    else rep_buf_puts(b, "not assessed");
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

static void year_changes(rep_doc *d, rep_node *parent, const ilo_model *m, const ilo_result *rb, const ilo_result *ra,
                         const rep_year_diff *yd, bool beyond)
{
    static const char *const kinds[] = {"removed", "added", "changed"};
    static const rep_column c[] = {{NULL, "Change", NULL, REP_COL_ENUM},
                                   {NULL, "Criteria", NULL, REP_COL_ID},
                                   {NULL, "Share", NULL, REP_COL_ID},
                                   {NULL, "Item", NULL, REP_COL_TEXT}};
    const char *ga = rating_of(m, rb), *gb = rating_of(m, ra);
    rep_buf h = REP_BUF_INIT;
    rep_buf_printf(&h, "%d: score ", rb->year);
    score_text(&h, m, rb);
    rep_buf_puts(&h, " -> ");
    score_text(&h, m, ra);
    if (ilo_result_assessed(m, rb) && ilo_result_assessed(m, ra)) {
        int64_t dd = rep_score_hundredths(ra) - rep_score_hundredths(rb);
        rep_buf_printf(&h, " (%s", dd > 0 ? "+" : "");
        rep_buf_hundredths(&h, dd);
        rep_buf_putc(&h, ')');
    }
    if (ga && gb) rep_buf_printf(&h, ", rating %s%s%s", ga, strcmp(ga, gb) == 0 ? " (unchanged)" : " -> ",
                                 strcmp(ga, gb) == 0 ? "" : gb);
    if (beyond) rep_buf_puts(&h, "; beyond the data (a projection)");
    rep_node *sec = rep_section(d, parent, NULL, rep_doc_take(d, &h));
    rep_node *t = rep_table(d, sec, NULL, c, 4);
    for (size_t k = 0; k < yd->n; k++) {
        const rep_change *ch = &yd->changes[k];
        const ilo_item *it = ch->kind == REP_ADDED ? ch->alt_item : ch->base_item;
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_text(kinds[ch->kind]));
        const char *cb = ch->base ? id_list(d, m, &ch->base->criteria) : "", *ca = ch->alt ? id_list(d, m, &ch->alt->criteria) : "";
        rep_cell(d, t, row, 1, rep_v_text(rep_doc_printf(d, "%s%s%s", cb, ch->kind == REP_CHANGED ? " -> " : "", ca)));
        rep_buf s = REP_BUF_INIT;
        if (ch->base) rep_buf_hundredths(&s, ch->base->share_hundredths);
        if (ch->kind == REP_CHANGED) rep_buf_puts(&s, " -> ");
        if (ch->alt) rep_buf_hundredths(&s, ch->alt->share_hundredths);
        rep_cell(d, t, row, 2, rep_v_text(rep_doc_take(d, &s)));
        rep_value item = rep_v_text(rep_item_text(d, it));
        if (ch->kind == REP_CHANGED && strcmp(ch->alt_item->id, it->id) != 0)
            item.note = rep_doc_printf(d, "amended from %s: %s", ch->alt_item->start.text, ch->alt_item->id);
        rep_cell(d, t, row, 3, item);
    }
    if (ilo_bitset_count(&yd->stopped))
        rep_para_text(d, sec, NULL, REP_PLAIN, "No longer coded", criteria_weights(d, m, &yd->stopped));
    if (ilo_bitset_count(&yd->started))
        rep_para_text(d, sec, NULL, REP_PLAIN, "Newly coded", criteria_weights(d, m, &yd->started));
}

rep_doc *rep_build_comparison(const rep_comparison *in)
{
    const ilo_model *m = in->model;
    const ilo_country *co = &m->countries[in->baseline->country];
    size_t method = in->base->years[0]->method, nc = m->n_conventions;
    rep_doc *d = rep_kind_doc("comparison");
    cols c = {calloc(1 + 3 * (12 + nc) + 12, sizeof *c.v), 0};
    if (!d || !c.v) {
        rep_doc_free(d);
        free(c.v);
        return NULL;
    }
    d->title = rep_doc_printf(d, "%s (%s), %d-%d: scenario comparison", co->name, co->code, in->base->from, in->base->to);
    rep_node *root = &d->root;
    root->scope = (rep_scope){co->code, 0, m->methods[method].id};
    rep_add_header(d, root, m, in->baseline->country, method, "baseline and scenario");
    rep_add_place_vintage(d, root, m, method);
    rep_node *f = rep_only(rep_fields(d, root, NULL), REP_PROGRAMS);
    rep_field_add(d, f, "from", NULL, NULL, rep_v_int(in->base->from));
    rep_field_add(d, f, "to", NULL, NULL, rep_v_int(in->base->to));
    rep_node *sc = rep_add_scenarios(d, root, m, in->scenarios, in->n_scenarios);
    if (sc) sc->scope.year = in->base->from;
    /* The years table. */
    col(d, &c, "year", "Year", NULL, REP_COL_ID);
    c.v[0].scope = REP_SCOPE_YEAR;
    side_cols(d, &c, m, method, "baseline", "Baseline");
    side_cols(d, &c, m, method, "scenario", "Scenario");
    static const char *const names[] = {"score", "raw", "law", "practice"};
    static const char *const labels[] = {"Change", NULL, "Law", "Practice"};
    for (size_t i = 0; i < 4; i++)
        col(d, &c, rep_doc_printf(d, "delta/%s", names[i]), labels[i], rep_doc_printf(d, "delta:%s", names[i]),
            REP_COL_NUMBER);
    for (size_t k = 0; k < nc; k++)
        col(d, &c, rep_doc_printf(d, "delta/conventions/%s", m->conventions[k].id),
            rep_comparison_shows(in, k) ? m->conventions[k].id : NULL,
            rep_doc_printf(d, "delta:convention:%s", m->conventions[k].id), REP_COL_NUMBER);
    col(d, &c, "rating_changed", NULL, NULL, REP_COL_ENUM);
    col(d, &c, NULL, NULL, "rating_changed", REP_COL_NUMBER);
    col(d, &c, NULL, m->methods[method].n_bands ? "Rating" : NULL, NULL, REP_COL_ENUM);
    col(d, &c, "beyond_data", NULL, NULL, REP_COL_ENUM);
    col(d, &c, NULL, NULL, "beyond_data", REP_COL_NUMBER);
    col(d, &c, "findings", NULL, NULL, REP_COL_ID);
    col(d, &c, "criteria_stopped", NULL, NULL, REP_COL_ID);
    col(d, &c, "criteria_started", NULL, NULL, REP_COL_ID);
    col(d, &c, NULL, NULL, NULL, REP_COL_ID);
    rep_node *ys = rep_section(d, root, NULL, "Scores by year");
    rep_only(rep_para_text(d, ys, NULL, REP_CAVEAT, NULL,
                           rep_places_possible(m, method)
                               ? "0 best, 10 worst. Change, Law, Practice and the convention columns: scenario - "
                                 "baseline (conventions scoring above 0 in some year). Q, after each score: its quintile "
                                 "among the published SDG 8.8.2 scores of the year (see Places)."
                               : "0 best, 10 worst. Change, Law, Practice and the convention columns: scenario - "
                                 "baseline (conventions scoring above 0 in some year)."),
             REP_PEOPLE);
    rep_node *chart = rep_series_lines(d, ys, "Baseline", "Scenario (the law as amended)",
                                       "The baseline (solid line, dots, values above) and the scenario (dashed line, "
                                       "squares), computed with the same method. 0 is the best score.",
                                       0, m->methods[method].scale > 0 ? m->methods[method].scale : 10);
    for (size_t i = 0; i < in->base->n; i++)
        rep_point_line(d, chart, in->base->years[i]->year, (double)rep_score_hundredths(in->base->years[i]) / 100.0,
                       (double)rep_score_hundredths(in->alt->years[i]) / 100.0, false);
    rep_node *t = rep_table(d, ys, "years", c.v, c.n);
    rep_node *chg = rep_only(rep_section(d, root, NULL, "Changes by year"), REP_PEOPLE);
    rep_para_text(d, chg, NULL, REP_CAVEAT, NULL,
                  "Items matched by id; an amended text counted in place of its original is one change.");
    rep_buf same = REP_BUF_INIT, past = REP_BUF_INIT;
    for (size_t i = 0; i < in->base->n; i++) {
        const ilo_result *rb = in->base->years[i], *ra = in->alt->years[i];
        rep_year_diff yd;
        if (!rep_year_diff_of(in, i, &yd)) {
            d->failed = true;
            break;
        }
        size_t row = rep_row(d, t), at = 0, n;
        bool beyond = in->last_year && rb->year > in->last_year;
        rep_cell(d, t, row, at++, rep_v_int(rb->year));
        at = side_cells(d, t, row, at, m, rb);
        at = side_cells(d, t, row, at, m, ra);
        bool both = ilo_result_assessed(m, rb) && ilo_result_assessed(m, ra);
        rep_cell(d, t, row, at++, delta(both, rep_score_hundredths(ra) - rep_score_hundredths(rb)));
        rep_cell(d, t, row, at++, delta(both, ra->raw_hundredths - rb->raw_hundredths));
        rep_cell(d, t, row, at++, delta(both, ilo_round2(ra->law) - ilo_round2(rb->law)));
        rep_cell(d, t, row, at++, delta(both, ilo_round2(ra->practice) - ilo_round2(rb->practice)));
        for (size_t k = 0; k < nc; k++)
            rep_cell(d, t, row, at++,
                     delta(rep_convention_assessed(m, ra, k) && rep_convention_assessed(m, rb, k),
                           ilo_round2(ilo_result_convention_score(m, ra, k)) -
                               ilo_round2(ilo_result_convention_score(m, rb, k))));
        /* A rating change means something only where the method has bands and both are assessed. */
        const char *ga = rating_of(m, rb), *gb = rating_of(m, ra);
        bool rated = ga && gb, changed = rated && strcmp(ga, gb) != 0;
        rep_cell(d, t, row, at++, rated ? rep_v_bool(changed) : rep_v_null());
        rep_cell(d, t, row, at++, rated ? rep_v_int(changed) : rep_v_absent());
        rep_cell(d, t, row, at++,
                 rated ? rep_v_text(changed ? rep_doc_printf(d, "%s -> %s", ga, gb) : ga) : rep_v_null());
        if (beyond) rep_buf_printf(&past, "%s%d", past.len ? ", " : "", rb->year);
        rep_cell(d, t, row, at++, rep_v_bool(beyond));
        rep_cell(d, t, row, at++, rep_v_int(beyond));
        rep_cell(d, t, row, at++, findings(d, m, &yd));
        const char *const *ids = rep_criteria_ids(d, m, &yd.stopped, &n);
        rep_cell(d, t, row, at++, rep_v_ids(ids, n));
        ids = rep_criteria_ids(d, m, &yd.started, &n);
        rep_cell(d, t, row, at++, rep_v_ids(ids, n));
        rep_cell(d, t, row, at++, criteria_rows(d, m, &yd));
        if (yd.n || ilo_bitset_count(&yd.stopped) || ilo_bitset_count(&yd.started)) year_changes(d, chg, m, rb, ra, &yd, beyond);
        else rep_buf_printf(&same, "%s%d", same.len ? ", " : "", rb->year);
        rep_year_diff_free(&yd);
    }
    if (past.len)
        rep_only(rep_para_text(d, ys, NULL, REP_CAVEAT, "Beyond the data",
                               rep_doc_printf(d, "%s: after %d, the year of the latest dated evidence on %s. These "
                                                 "years are projections of the law as it stands (or as the scenarios "
                                                 "amend it), not assessments.",
                                              past.data, in->last_year, co->code)),
                 REP_PEOPLE);
    if (past.failed) d->failed = true;
    rep_buf_free(&past);
    if (same.len) rep_para_text(d, chg, NULL, REP_PLAIN, NULL, rep_doc_printf(d, "No difference in %s.", same.data));
    if (same.failed) d->failed = true;
    rep_buf_free(&same);
    free(c.v);
    return d;
}
