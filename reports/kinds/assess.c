/* assess.c: the annual assessment document (iloscore assess): one country, year and method: the
 * score and rating, the parts by convention and group, the published figures beside, the
 * findings with their sources, the criteria coded, clear and not assessed, the ILO supervisory
 * events of the year, and the trend over the years before. */
#include "kinds.h"

/* A caution about the criteria not assessed in r's year (n: ilo_result_status_counts()), one
 * sentence; NULL when every criterion is assessed. */
static const char *coverage(rep_doc *d, const ilo_model *m, const ilo_result *r, const size_t n[3])
{
    if (!n[ILO_NOT_ASSESSED]) return NULL;
    if (n[ILO_NOT_ASSESSED] == m->n_criteria)
        return rep_doc_printf(d, "nothing is assessed in %d. Nothing is coded and no admissible source dated %d states "
                                 "what it examined, so there is no score: no evidence, not compliance.",
                              r->year, r->year);
    return rep_doc_printf(d, "%zu of %zu criteria %s not assessed in %d; unknown, not compliant.", n[ILO_NOT_ASSESSED],
                          m->n_criteria, n[ILO_NOT_ASSESSED] == 1 ? "is" : "are", r->year);
}

static void scores(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_result *r)
{
    const ilo_method *me = &m->methods[r->method];
    bool assessed = ilo_result_assessed(m, r);
    const ilo_band *band = assessed ? ilo_result_band(m, r) : NULL;
    rep_value score = rep_assessed_v(m, r, ilo_result_score_hundredths(r), rep_na_text);
    rep_value raw = rep_assessed_v(m, r, r->raw_hundredths, NULL);
    if (assessed) {
        score.note = rep_doc_printf(d, "0 best, %.2f worst", me->scale);
        raw.note = rep_doc_printf(d, "the sum of the weights of the coded criteria, capped at %.2f", me->cap);
    }
    rep_node *f = rep_fields(d, root, NULL);
    REP_ADD_FIELDS(d, f, {"year", NULL, NULL, rep_v_int(r->year)}, {"score", "Score", "score", score},
                   {"raw", "Raw", "raw", raw},
                   {"law", "Law", "law", rep_assessed_v(m, r, ilo_round2(r->law), NULL)},
                   {"practice", "Practice", "practice", rep_assessed_v(m, r, ilo_round2(r->practice), NULL)},
                   {"forced", NULL, NULL, rep_v_bool(r->forced)}, {"breakdown", NULL, NULL, rep_v_bool(r->breakdown)});
    if (band)
        rep_field_add(d, f, NULL, "Rating", NULL,
                      rep_noted(rep_v_text(rep_doc_printf(d, "%s: %s", band->rating, band->label)), me->bands_note));
    rep_add_rating(d, root, m, r->method, band, "rating");
    rep_add_place(d, root, f, m, r);
    size_t n[3];
    ilo_result_status_counts(m, r, n);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "criteria_counts"), REP_PROGRAMS),
                   {"coded", NULL, "criteria:coded", rep_v_int((int64_t)n[ILO_CODED])},
                   {"clear", NULL, "criteria:clear", rep_v_int((int64_t)n[ILO_CLEAR])},
                   {"not_assessed", NULL, "criteria:not_assessed", rep_v_int((int64_t)n[ILO_NOT_ASSESSED])},
                   {"total", NULL, NULL, rep_v_int((int64_t)m->n_criteria)});
    const char *caution = coverage(d, m, r, n);
    /* The paragraph's label says "Caution"; the JSON field has the word in its text. */
    rep_key(d, root, "caution", rep_v_text(caution ? rep_doc_printf(d, "Caution: %s", caution) : NULL));
    if (caution) rep_people_para(d, root, REP_CAUTION, "Caution", caution);
}

/* A convention's or group's row: id, title (or numeral and title) or ratification, then
 * assessed, raw, score and CSV's assessed:KIND:ID (1 or 0). A part with no criterion coded or
 * clear has no raw and no score (NA). */
static void part_row(rep_doc *d, rep_node *t, const ilo_model *m, const ilo_result *r, bool group, size_t k, bool a)
{
    const char *kind = group ? "group" : "convention", *id = group ? m->groups[k].id : m->conventions[k].id;
    int64_t raw = group ? r->group_hundredths[k] : r->convention_hundredths[k];
    double score = group ? ilo_result_group_score(m, r, k) : ilo_result_convention_score(m, r, k);
    size_t row;
    if (group)
        row = REP_ROW(d, t, rep_v_id(id), rep_v_text(m->groups[k].numeral), rep_v_text(m->groups[k].title));
    else
        row = REP_ROW(d, t, rep_v_id(id), rep_v_text(m->conventions[k].title),
                      rep_v_text(rep_ratification(m, r->country, k, r->year)));
    REP_CELLS(d, t, row, 3, rep_v_bool(a), a ? rep_v_hundredths(raw) : rep_v_na(NULL),
              rep_measured(a ? rep_v_hundredths(ilo_round2(score)) : rep_v_na("not assessed"),
                           rep_doc_printf(d, "%s:%s", kind, id)),
              rep_measured(rep_v_int(a), rep_doc_printf(d, "assessed:%s:%s", kind, id)));
}

/* The conventions' or the groups' table: programs get every part; people the assessed ones, the
 * others named in one line. */
static void part_tables(rep_doc *d, rep_node *s, const ilo_model *m, const ilo_result *r, bool group)
{
    static const rep_column cols[2][7] = {
        {{"id", "Convention", NULL, REP_COL_ID}, {"title", "Title", NULL, REP_COL_TEXT},
         {"ratification", "Ratification", NULL, REP_COL_ENUM}, {"assessed", NULL, NULL, REP_COL_ENUM},
         {"raw", "Raw", NULL, REP_COL_NUMBER}, {"score", "Score", "convention", REP_COL_NUMBER},
         {NULL, NULL, "assessed", REP_COL_NUMBER}},
        {{"id", "Group", NULL, REP_COL_ID}, {"numeral", "", NULL, REP_COL_ID},
         {"title", "Title", NULL, REP_COL_TEXT}, {"assessed", NULL, NULL, REP_COL_ENUM},
         {"raw", "Raw", NULL, REP_COL_NUMBER}, {"score", "Score", "group", REP_COL_NUMBER},
         {NULL, NULL, "assessed", REP_COL_NUMBER}},
    };
    rep_node *all = rep_only(rep_table(d, s, group ? "groups" : "conventions", cols[group], 7), REP_PROGRAMS);
    rep_node *shown = rep_only(rep_table(d, s, NULL, cols[group], 7), REP_PEOPLE);
    rep_buf none = REP_BUF_INIT;
    size_t n = group ? m->n_groups : m->n_conventions;
    for (size_t k = 0; k < n; k++) {
        bool a = group ? ilo_result_group_assessed(m, r, k) : ilo_result_convention_assessed(m, r, k);
        part_row(d, all, m, r, group, k, a);
        if (a) part_row(d, shown, m, r, group, k, a);
        else rep_buf_printf(&none, "%s%s", none.len ? ", " : "", group ? m->groups[k].id : m->conventions[k].id);
    }
    if (none.len)
        rep_people_para(d, s, REP_CAVEAT,
                        rep_doc_printf(d, "%s not assessed (no criterion coded or clear; no score)",
                                       group ? "Groups" : "Conventions"),
                        rep_doc_take(d, &none));
    rep_buf_free(&none);
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
    for (size_t i = 0; i < r->n_findings; i++)
        REP_ROW(d, t, rep_measured(rep_v_hundredths(r->findings[i].share_hundredths),
                                   rep_doc_printf(d, "share:%s", in->profile->items[r->findings[i].item].id)));
    rep_node *s = rep_section(d, root, NULL,
                              rep_doc_printf(d, "Published figures for %d (as published by others; not computed here)",
                                             r->year));
    t = rep_table(d, s, "published", cols, sizeof cols / sizeof cols[0]);
    for (size_t k = 0; k < ILO_N_MEASURES; k++) {
        const ilo_published *p = ilo_country_published(m, r->country, ilo_measure_name(k), r->year);
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
    rep_node *s = rep_section(d, root, NULL,
                              rep_doc_printf(d, "Findings: %zu counted item%s; their shares add up to the raw score, %s",
                                             r->n_findings, r->n_findings == 1 ? "" : "s",
                                             rep_doc_hundredths(d, r->raw_hundredths)));
    rep_node *t = rep_table(d, s, "findings", cols, 1 + REP_ITEM_NCOLS);
    for (size_t i = 0; i < r->n_findings; i++) {
        size_t row = REP_ROW(d, t, rep_v_int((int64_t)i + 1));
        rep_item_cells(d, t, row, 1, in->model, &in->profile->items[r->findings[i].item], &r->findings[i], c);
    }
    rep_people_para(d, s, REP_CAVEAT, "Critical", "removing that item alone would lower the score.");
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
        size_t row = REP_ROW(d, t, rep_v_id(cr->id), cr->sdg ? rep_v_int(cr->sdg) : rep_v_null(), rep_v_text(cr->label),
                             rep_v_text(cr->kind == ILO_LAW ? "law" : "practice"), rep_v_text(m->groups[cr->group].id),
                             rep_v_text(m->conventions[cr->convention].id), rep_v_hundredths(cr->weight_hundredths),
                             rep_v_text(cr->published ? "published" : "provisional"));
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
        if (ilo_event_supervisory_in(&co->events[i], r->year)) ev[n++] = i;
    rep_node *s = rep_section(d, root, NULL, rep_doc_printf(d, "ILO supervisory events in %d", r->year));
    rep_add_events(d, s, "events", in->model, r->country, ev, n, c);
}

static void disputed(rep_doc *d, rep_node *root, const rep_assessment *in, const rep_cites *c)
{
    int year = in->result->year;
    rep_add_disputed(d, root, in->model, in->result->country, c, c->shown, &year, 1);
}

static void trend(rep_doc *d, rep_node *root, const rep_assessment *in)
{
    const ilo_trend *t = in->trend;
    const ilo_result *r = in->result;
    if (!t) {
        rep_key(d, root, "trend", rep_v_null());
        return;
    }
    rep_node *s = rep_section(d, root, "trend", rep_doc_printf(d, "Trend %d-%d", t->from, t->to));
    rep_add_trend_stats(d, s, t);
    rep_add_years(d, s, in->model, r->country, t, false, r->year);
    rep_people_para(d, s, REP_RULE, NULL, rep_slope_fit_text(d, in->model, t));
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
    rep_node *parts = rep_section(d, root, NULL, "By convention and group");
    part_tables(d, parts, m, r, false);
    part_tables(d, parts, m, r, true);
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
