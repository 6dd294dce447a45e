/* assess.c: the annual assessment document (iloscore assess): one country, year and method: the
 * score and rating, the parts by convention and group, the published figures beside, the
 * findings with their sources, the criteria coded, clear and not assessed, the ILO supervisory
 * events of the year, and the trend over the years before. */
#include <stdlib.h>
#include <string.h>

#include "kinds.h"

static void scores(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_result *r)
{
    const ilo_method *me = &m->methods[r->method];
    bool assessed = ilo_result_assessed(m, r);
    const ilo_band *band = assessed ? rep_band(m, r) : NULL;
    rep_node *f = rep_fields(d, root, NULL);
    rep_field_add(d, f, "year", NULL, NULL, rep_v_int(r->year));
    rep_value v = rep_assessed_v(m, r, rep_score_hundredths(r), rep_na_text);
    if (assessed) v.note = rep_doc_printf(d, "0 best, %.2f worst", me->scale);
    rep_field_add(d, f, "score", "Score", "score", v);
    v = rep_assessed_v(m, r, r->raw_hundredths, NULL);
    if (assessed) v.note = rep_doc_printf(d, "the sum of the weights of the coded criteria, capped at %.2f", me->cap);
    rep_field_add(d, f, "raw", "Raw", "raw", v);
    rep_field_add(d, f, "law", "Law", "law", rep_assessed_v(m, r, ilo_round2(r->law), NULL));
    rep_field_add(d, f, "practice", "Practice", "practice", rep_assessed_v(m, r, ilo_round2(r->practice), NULL));
    rep_field_add(d, f, "forced", NULL, NULL, rep_v_bool(r->forced));
    rep_field_add(d, f, "breakdown", NULL, NULL, rep_v_bool(r->breakdown));
    if (band) {
        rep_value rating = rep_v_text(rep_doc_printf(d, "%s: %s", band->rating, band->label));
        rating.note = me->bands_note;
        rep_field_add(d, f, NULL, "Rating", NULL, rating);
        rep_node *b = rep_only(rep_fields(d, root, "rating"), REP_PROGRAMS);
        rep_field_add(d, b, "band", NULL, "rating", rep_v_text(band->rating));
        rep_field_add(d, b, "label", NULL, NULL, rep_v_text(band->label));
        rep_field_add(d, b, "bands_note", NULL, NULL, rep_v_text(me->bands_note));
    } else {
        rep_field_add(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS), "rating", NULL,
                      me->n_bands ? "rating" : NULL, me->n_bands ? rep_v_na(NULL) : rep_v_null());
    }
    rep_add_place(d, root, f, m, r);
    size_t n[3];
    rep_status_counts(m, r, n);
    rep_node *c = rep_only(rep_fields(d, root, "criteria_counts"), REP_PROGRAMS);
    rep_field_add(d, c, "coded", NULL, "criteria:coded", rep_v_int((int64_t)n[ILO_CODED]));
    rep_field_add(d, c, "clear", NULL, "criteria:clear", rep_v_int((int64_t)n[ILO_CLEAR]));
    rep_field_add(d, c, "not_assessed", NULL, "criteria:not_assessed", rep_v_int((int64_t)n[ILO_NOT_ASSESSED]));
    rep_field_add(d, c, "total", NULL, NULL, rep_v_int((int64_t)m->n_criteria));
    char note[256];
    bool caution = rep_coverage_note(m, r, note, sizeof note);
    rep_field_add(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS), "caution", NULL, NULL,
                  rep_v_text(caution ? note : NULL));
    /* The paragraph's label says "Caution"; the JSON field keeps the note's own prefix. */
    const char *said = strncmp(note, "Caution: ", 9) == 0 ? note + 9 : note;
    if (caution) rep_only(rep_para_text(d, root, NULL, REP_CAUTION, "Caution", said), REP_PEOPLE);
}

/* A convention's or group's cells from column 3: assessed, raw, score and CSV's assessed:KIND:ID
 * (1 or 0). A part with no criterion coded or clear has no raw and no score (NA). */
static void part_cells(rep_doc *d, rep_node *t, size_t row, bool a, int64_t raw_hundredths, double score, const char *kind,
                       const char *id)
{
    rep_cell(d, t, row, 3, rep_v_bool(a));
    rep_cell(d, t, row, 4, a ? rep_v_hundredths(raw_hundredths) : rep_v_na(NULL));
    rep_value v = a ? rep_v_hundredths(ilo_round2(score)) : rep_v_na("not assessed");
    v.measure = rep_doc_printf(d, "%s:%s", kind, id);
    rep_cell(d, t, row, 5, v);
    rep_value f = rep_v_int(a);
    f.measure = rep_doc_printf(d, "assessed:%s:%s", kind, id);
    rep_cell(d, t, row, 6, f);
}

static void parts(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_result *r)
{
    static const rep_column conv[] = {
        {"id", "Convention", NULL, REP_COL_ID},  {"title", "Title", NULL, REP_COL_TEXT},
        {"ratification", "Ratification", NULL, REP_COL_ENUM}, {"assessed", NULL, NULL, REP_COL_ENUM},
        {"raw", "Raw", NULL, REP_COL_NUMBER}, {"score", "Score", "convention", REP_COL_NUMBER},
        {NULL, NULL, "assessed", REP_COL_NUMBER},
    };
    static const rep_column grp[] = {
        {"id", "Group", NULL, REP_COL_ID},     {"numeral", "", NULL, REP_COL_ID},
        {"title", "Title", NULL, REP_COL_TEXT}, {"assessed", NULL, NULL, REP_COL_ENUM},
        {"raw", "Raw", NULL, REP_COL_NUMBER}, {"score", "Score", "group", REP_COL_NUMBER},
        {NULL, NULL, "assessed", REP_COL_NUMBER},
    };
    rep_node *s = rep_section(d, root, NULL, "By convention and group");
    /* Programs get every part; people the assessed ones, the others named in one line. */
    for (int people = 0; people < 2; people++) {
        rep_node *t = rep_only(rep_table(d, s, people ? NULL : "conventions", conv, 7), people ? REP_PEOPLE : REP_PROGRAMS);
        rep_buf none = REP_BUF_INIT;
        for (size_t k = 0; k < m->n_conventions; k++) {
            bool a = rep_convention_assessed(m, r, k);
            if (people && !a) {
                rep_buf_printf(&none, "%s%s", none.len ? ", " : "", m->conventions[k].id);
                continue;
            }
            size_t row = rep_row(d, t);
            rep_cell(d, t, row, 0, rep_v_id(m->conventions[k].id));
            rep_cell(d, t, row, 1, rep_v_text(m->conventions[k].title));
            rep_cell(d, t, row, 2, rep_v_text(rep_ratification(m, r->country, k, r->year)));
            part_cells(d, t, row, a, r->convention_hundredths[k], ilo_result_convention_score(m, r, k), "convention",
                       m->conventions[k].id);
        }
        if (people && none.len)
            rep_only(rep_para_text(d, s, NULL, REP_CAVEAT, "Conventions not assessed (no criterion coded or clear; no score)",
                                   rep_doc_take(d, &none)),
                     REP_PEOPLE);
        rep_buf_free(&none);
    }
    for (int people = 0; people < 2; people++) {
        rep_node *t = rep_only(rep_table(d, s, people ? NULL : "groups", grp, 7), people ? REP_PEOPLE : REP_PROGRAMS);
        rep_buf none = REP_BUF_INIT;
        for (size_t k = 0; k < m->n_groups; k++) {
            bool a = rep_group_assessed(m, r, k);
            if (people && !a) {
                rep_buf_printf(&none, "%s%s", none.len ? ", " : "", m->groups[k].id);
                continue;
            }
            size_t row = rep_row(d, t);
            rep_cell(d, t, row, 0, rep_v_id(m->groups[k].id));
            rep_cell(d, t, row, 1, rep_v_text(m->groups[k].numeral));
            rep_cell(d, t, row, 2, rep_v_text(m->groups[k].title));
            part_cells(d, t, row, a, r->group_hundredths[k], ilo_result_group_score(m, r, k), "group", m->groups[k].id);
        }
        if (people && none.len)
            rep_only(rep_para_text(d, s, NULL, REP_CAVEAT, "Groups not assessed (no criterion coded or clear; no score)",
                                   rep_doc_take(d, &none)),
                     REP_PEOPLE);
        rep_buf_free(&none);
    }
}

static void published(rep_doc *d, rep_node *root, const rep_assessment *in, const rep_cites *c)
{
    static const rep_column cols[] = {
        {"measure", "Measure", NULL, REP_COL_ID}, {"year", NULL, NULL, REP_COL_NUMBER},
        {"value", "Value", "published", REP_COL_ENUM}, {"status", "Status", NULL, REP_COL_ENUM},
        {"note", NULL, NULL, REP_COL_TEXT},       {"sources", NULL, NULL, REP_COL_ID},
        {NULL, "Sources", NULL, REP_COL_ID},
    };
    const ilo_model *m = in->model;
    const ilo_result *r = in->result;
    /* CSV gives each finding's share before the published figures. */
    static const rep_column share[] = {{NULL, NULL, "share", REP_COL_NUMBER}};
    rep_node *t = rep_only(rep_table(d, root, NULL, share, 1), REP_PROGRAMS);
    for (size_t i = 0; i < r->n_findings; i++) {
        rep_value v = rep_v_hundredths(r->findings[i].share_hundredths);
        v.measure = rep_doc_printf(d, "share:%s", in->profile->items[r->findings[i].item].id);
        rep_cell(d, t, rep_row(d, t), 0, v);
    }
    rep_node *s = rep_section(d, root, NULL,
                              rep_doc_printf(d, "Published figures for %d (as published by others; not computed here)",
                                             r->year));
    t = rep_table(d, s, "published", cols, sizeof cols / sizeof cols[0]);
    for (size_t k = 0; k < REP_NMEASURES; k++) {
        const ilo_published *p = rep_published(m, r->country, rep_measures[k], r->year);
        if (!p) continue;
        size_t row = rep_row(d, t);
        rep_published_cells(d, t, row, m, c, p, true);
        rep_cell(d, t, row, 6, rep_v_text(rep_cite_marks(d, c, p->sources, p->n_sources)));
    }
}

static void findings(rep_doc *d, rep_node *root, const rep_assessment *in, const rep_cites *c)
{
    const ilo_result *r = in->result;
    rep_column cols[1 + REP_ITEM_NCOLS] = {{"rank", "#", NULL, REP_COL_NUMBER}};
    for (size_t k = 0; k < REP_ITEM_NCOLS; k++) cols[1 + k] = rep_item_cols[k];
    rep_buf raw = REP_BUF_INIT;
    rep_buf_hundredths(&raw, r->raw_hundredths);
    rep_node *s = rep_section(d, root, NULL,
                              rep_doc_printf(d, "Findings: %zu counted item%s; their shares add up to the raw score, %s",
                                             r->n_findings, r->n_findings == 1 ? "" : "s", raw.data ? raw.data : ""));
    rep_buf_free(&raw);
    rep_node *t = rep_table(d, s, "findings", cols, 1 + REP_ITEM_NCOLS);
    for (size_t i = 0; i < r->n_findings; i++) {
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_int((int64_t)i + 1));
        rep_item_cells(d, t, row, 1, in->model, &in->profile->items[r->findings[i].item], &r->findings[i], c);
    }
    rep_only(rep_para_text(d, s, NULL, REP_CAVEAT, "Critical", "removing that item alone would lower the score."),
             REP_PEOPLE);
}

static void criteria(rep_doc *d, rep_node *root, const rep_assessment *in, ilo_criterion_status which)
{
    static const char *const keys[] = {"not_assessed", "clear", "coded"};
    const ilo_model *m = in->model;
    const ilo_result *r = in->result;
    rep_column cols[] = {
        {"id", "Criterion", NULL, REP_COL_ID},  {"sdg", "SDG", NULL, REP_COL_NUMBER},
        {"label", "Label", NULL, REP_COL_TEXT}, {"kind", "Kind", NULL, REP_COL_ENUM},
        {"group", NULL, NULL, REP_COL_ID},      {"convention", NULL, NULL, REP_COL_ID},
        {"weight", "Weight", NULL, REP_COL_NUMBER}, {"weight_basis", NULL, NULL, REP_COL_ENUM},
        {"findings", "Findings", NULL, REP_COL_ID},
    };
    size_t n = 0;
    for (size_t k = 0; k < m->n_criteria; k++) n += ilo_result_status(r, k) == which;
    const char *title =
        which == ILO_CODED ? rep_doc_printf(d, "Coded criteria (%zu)", n)
        : which == ILO_CLEAR
            ? rep_doc_printf(d, "Clear criteria (%zu): an admissible source dated %d states it examined them and nothing codes them", n, r->year)
            : rep_doc_printf(d, "Not assessed (%zu): nothing codes them and no admissible source dated %d states it examined them; unknown, not compliant", n, r->year);
    rep_node *s = rep_section(d, root, NULL, title);
    rep_node *t = rep_table(d, s, keys[which], cols, which == ILO_CODED ? 9 : 8);
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (ilo_result_status(r, k) != which) continue;
        const ilo_criterion *cr = &m->criteria[k];
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_id(cr->id));
        rep_cell(d, t, row, 1, cr->sdg ? rep_v_int(cr->sdg) : rep_v_null());
        rep_cell(d, t, row, 2, rep_v_text(cr->label));
        rep_cell(d, t, row, 3, rep_v_text(cr->kind == ILO_LAW ? "law" : "practice"));
        rep_cell(d, t, row, 4, rep_v_text(m->groups[cr->group].id));
        rep_cell(d, t, row, 5, rep_v_text(m->conventions[cr->convention].id));
        rep_cell(d, t, row, 6, rep_v_hundredths(cr->weight_hundredths));
        rep_cell(d, t, row, 7, rep_v_text(cr->published ? "published" : "provisional"));
        if (which != ILO_CODED) continue;
        const char **ids = rep_doc_alloc(d, (r->n_findings + 1) * sizeof *ids);
        size_t f = 0;
        for (size_t i = 0; ids && i < r->n_findings; i++)
            if (ilo_bitset_has(&r->findings[i].criteria, k)) ids[f++] = in->profile->items[r->findings[i].item].id;
        rep_cell(d, t, row, 8, rep_v_ids(ids, f));
    }
}

static void events(rep_doc *d, rep_node *root, const rep_assessment *in, const rep_cites *c)
{
    const ilo_result *r = in->result;
    const ilo_country *co = &in->model->countries[r->country];
    size_t *ev = rep_doc_alloc(d, (co->n_events + 1) * sizeof *ev), n = 0;
    for (size_t i = 0; ev && i < co->n_events; i++)
        if (rep_event_shown(&co->events[i], r->year)) ev[n++] = i;
    rep_node *s = rep_section(d, root, NULL, rep_doc_printf(d, "ILO supervisory events in %d", r->year));
    rep_add_events(d, s, "events", in->model, r->country, ev, n, c);
}

static void disputed(rep_doc *d, rep_node *root, const rep_assessment *in, const rep_cites *c)
{
    const ilo_country *co = &in->model->countries[in->result->country];
    bool *shown = rep_doc_alloc(d, (co->n_conflicts + 1) * sizeof *shown);
    for (size_t i = 0; shown && i < co->n_conflicts; i++) shown[i] = rep_conflict_shown(in, c, &co->conflicts[i]);
    int year = in->result->year;
    if (shown) rep_add_disputed(d, root, in->model, in->result->country, c, shown, &year, 1);
}

static void trend(rep_doc *d, rep_node *root, const rep_assessment *in)
{
    const ilo_trend *t = in->trend;
    const ilo_result *r = in->result;
    if (!t) {
        rep_field_add(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS), "trend", NULL, NULL, rep_v_null());
        return;
    }
    rep_node *s = rep_section(d, root, "trend", rep_doc_printf(d, "Trend %d-%d", t->from, t->to));
    rep_add_trend_stats(d, s, t);
    rep_add_years(d, s, in->model, r->country, t, false, r->year);
    rep_only(rep_para_text(d, s, NULL, REP_RULE, NULL, rep_slope_fit_text(d, in->model, t)), REP_PEOPLE);
}

rep_doc *rep_build_assessment(const rep_assessment *in)
{
    const ilo_model *m = in->model;
    const ilo_result *r = in->result;
    const ilo_country *co = &m->countries[r->country];
    rep_doc *d = rep_kind_doc("assessment");
    rep_cites c;
    if (!d || !rep_cites_assessment(&c, in)) {
        rep_doc_free(d);
        return NULL;
    }
    d->title = rep_doc_printf(d, "%s (%s), %d: compliance with ILO conventions on freedom of association", co->name,
                              co->code, r->year);
    rep_node *root = &d->root;
    root->scope = (rep_scope){co->code, r->year, m->methods[r->method].id};
    rep_add_header(d, root, m, r->country, r->method, in->profile_name);
    scores(d, root, m, r);
    if (in->trend) /* near the top, where a reader looks first; the trend's table comes later */
        rep_add_score_chart(d, root, m, r->country, (const ilo_result *const *)in->trend->years, in->trend->n);
    parts(d, root, m, r);
    published(d, root, in, &c);
    findings(d, root, in, &c);
    criteria(d, root, in, ILO_CODED);
    criteria(d, root, in, ILO_CLEAR);
    criteria(d, root, in, ILO_NOT_ASSESSED);
    events(d, root, in, &c);
    disputed(d, root, in, &c);
    trend(d, root, in);
    rep_add_sources(d, root, m, &c);
    if (in->trend) rep_add_trend_rows(d, root, in->trend);
    rep_cites_free(&c);
    return d;
}
