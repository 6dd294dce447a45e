/* brief.c: the trade-review brief (iloscore brief): one country-year mapped onto a trade
 * regime's criteria, in the order of the suggested brief skeleton: bottom line, a verdict per
 * regime criterion, the key findings, the ILO supervisory and trade record, the trend, published
 * figures, reforms, gaps, caveat. The view (which findings, events, years; the sentences every
 * format says alike) is reports/brief.c's. */
#include <string.h>

#include "kinds.h"
#include "../brief.h"

static const char *concern_id(ilo_concern c)
{
    static const char *const ids[ILO_CONCERN__COUNT] = {"outside_scope", "not_assessed", "none", "low", "medium", "high"};
    return (unsigned)c < ILO_CONCERN__COUNT ? ids[c] : "?";
}

static const char *target_id(ilo_brief_target_status s)
{
    switch (s) {
    case ILO_BRIEF_TARGET_CLEARS: return "clears";
    case ILO_BRIEF_TARGET_PARTIAL: return "partial";
    case ILO_BRIEF_TARGET_PRACTICE: return "practice_only";
    case ILO_BRIEF_TARGET_FORCED: return "all_encompassing_practice";
    case ILO_BRIEF_TARGET_LIMIT: return "search_limit";
    case ILO_BRIEF_TARGET_UNSCORED: return "outside_score";
    case ILO_BRIEF_TARGET_NONE: break;
    }
    return NULL;
}

/* A brief's own text from a buffer the shared helpers filled. */
static const char *take(rep_doc *d, rep_buf *b) { return rep_doc_take(d, b); }

/* ---- measures (a regime criterion scored in a year) ---- */

static const rep_column measure_cols[] = {
    {"criteria", NULL, NULL, REP_COL_NUMBER}, {"coded", NULL, NULL, REP_COL_NUMBER},
    {"clear", NULL, NULL, REP_COL_NUMBER},    {"not_assessed", NULL, NULL, REP_COL_NUMBER},
    {"raw", NULL, NULL, REP_COL_NUMBER},      {"weight", NULL, NULL, REP_COL_NUMBER},
    {"score", NULL, NULL, REP_COL_NUMBER},    {"all_encompassing", NULL, NULL, REP_COL_ENUM},
    {"civil_liberties_practice", NULL, NULL, REP_COL_ENUM}, {"concern", NULL, NULL, REP_COL_ENUM},
    {"why", NULL, NULL, REP_COL_TEXT},
};
#define N_MEASURE (sizeof measure_cols / sizeof measure_cols[0])

static void measure_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_brief_measure *ms)
{
    bool none = ms->concern == ILO_CONCERN_NOT_ASSESSED || ms->concern == ILO_CONCERN_OUTSIDE;
    rep_cell(d, t, row, at + 0, rep_v_int((int64_t)ms->n_criteria));
    rep_cell(d, t, row, at + 1, rep_v_int((int64_t)ms->n_coded));
    rep_cell(d, t, row, at + 2, rep_v_int((int64_t)ms->n_clear));
    rep_cell(d, t, row, at + 3, rep_v_int((int64_t)ms->n_not_assessed));
    rep_cell(d, t, row, at + 4, rep_v_hundredths(ms->raw_c));
    rep_cell(d, t, row, at + 5, rep_v_hundredths(ms->total_c));
    rep_cell(d, t, row, at + 6, none ? rep_v_null() : rep_v_hundredths(ilo_round2(ms->score)));
    rep_cell(d, t, row, at + 7, rep_v_bool(ms->all_encompassing));
    rep_cell(d, t, row, at + 8, rep_v_bool(ms->grave));
    rep_cell(d, t, row, at + 9, rep_v_text(concern_id(ms->concern)));
    rep_cell(d, t, row, at + 10, rep_v_text(ms->why));
}

static const char *const *ids_of_findings(rep_doc *d, const rep_brief_doc *in, const size_t *f, size_t n)
{
    const char **ids = rep_doc_alloc(d, (n + 1) * sizeof *ids);
    for (size_t i = 0; ids && i < n; i++) ids[i] = in->profile->items[in->result->findings[f[i]].item].id;
    return ids;
}

static rep_value reforms(rep_doc *d, const rep_brief_doc *in, const ilo_brief_verdict *vd)
{
    static const rep_column c[] = {
        {"scenario", NULL, NULL, REP_COL_ID}, {"scenario_title", NULL, NULL, REP_COL_TEXT},
        {"operation", NULL, NULL, REP_COL_NUMBER}, {"op", NULL, NULL, REP_COL_ENUM},
        {"item", NULL, NULL, REP_COL_ID},     {"date", NULL, NULL, REP_COL_ID},
        {"criteria", NULL, NULL, REP_COL_ID}, {"removes", NULL, NULL, REP_COL_ID},
        {"clears", NULL, NULL, REP_COL_ID},
    };
    const ilo_model *m = in->model;
    rep_node *t = rep_table_detached(d, c, sizeof c / sizeof c[0]);
    for (size_t i = 0; i < vd->n_reforms; i++) {
        const ilo_brief_reform *rf = &vd->reforms[i];
        const ilo_scenario *sc = &m->scenarios[rf->scenario];
        const ilo_op *op = &sc->ops[rf->op];
        size_t row = rep_row(d, t), n;
        rep_cell(d, t, row, 0, rep_v_text(sc->id));
        rep_cell(d, t, row, 1, rep_v_text(sc->title));
        rep_cell(d, t, row, 2, rep_v_int((int64_t)rf->op + 1));
        rep_cell(d, t, row, 3,
                 rep_v_text(op->kind == ILO_OP_REPEAL ? "repeal" : op->kind == ILO_OP_AMEND ? "amend" : "end-incident"));
        rep_cell(d, t, row, 4, rep_v_text(m->items[op->target].id));
        rep_cell(d, t, row, 5, rep_v_text(op->date.text));
        if (op->kind == ILO_OP_AMEND) {
            const char **ids = rep_doc_alloc(d, (op->n_criteria + 1) * sizeof *ids);
            for (size_t k = 0; ids && k < op->n_criteria; k++) ids[k] = m->criteria[op->criteria[k]].id;
            rep_cell(d, t, row, 6, rep_v_ids(ids, op->n_criteria));
        }
        const char *const *ids = rep_criteria_ids(d, m, &rf->removes, &n);
        rep_cell(d, t, row, 7, rep_v_ids(ids, n));
        ids = rep_criteria_ids(d, m, &rf->clears, &n);
        rep_cell(d, t, row, 8, rep_v_ids(ids, n));
    }
    return rep_v_table(t);
}

static rep_value repeal_search(rep_doc *d, const rep_brief_doc *in, const ilo_brief_target *tg)
{
    if (tg->status == ILO_BRIEF_TARGET_NONE) return rep_v_null();
    static const rep_column c[] = {{"status", NULL, NULL, REP_COL_ENUM}, {"repeal", NULL, NULL, REP_COL_ID},
                                   {"after", NULL, NULL, REP_COL_ID}};
    rep_node *t = rep_table_detached(d, c, 3);
    size_t row = rep_row(d, t);
    const char **ids = rep_doc_alloc(d, (tg->n_repeal + 1) * sizeof *ids);
    for (size_t i = 0; ids && i < tg->n_repeal; i++) ids[i] = in->profile->items[tg->repeal[i]].id;
    rep_cell(d, t, row, 0, rep_v_text(target_id(tg->status)));
    rep_cell(d, t, row, 1, rep_v_ids(ids, tg->n_repeal));
    if (tg->status == ILO_BRIEF_TARGET_CLEARS || tg->status == ILO_BRIEF_TARGET_PARTIAL) {
        rep_node *a = rep_table_detached(d, measure_cols, N_MEASURE);
        measure_cells(d, a, rep_row(d, a), 0, &tg->after);
        rep_cell(d, t, row, 2, rep_v_object(a));
    } else {
        rep_cell(d, t, row, 2, rep_v_null());
    }
    return rep_v_object(t);
}

/* ---- the verdicts ---- */

enum { V_ID, V_LABEL, V_SCOPE, V_NOTE, V_CONV, V_GROUPS, V_MEASURE };

static void verdicts(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_model *m = in->model;
    const ilo_brief *br = in->brief;
    rep_column c[V_MEASURE + N_MEASURE + 8] = {
        {"id", "Criterion", NULL, REP_COL_ID}, {"label", NULL, NULL, REP_COL_TEXT},
        {"scope", NULL, NULL, REP_COL_ENUM},   {"note", NULL, NULL, REP_COL_TEXT},
        {"conventions", NULL, NULL, REP_COL_ID}, {"groups", NULL, NULL, REP_COL_ID},
    };
    size_t n = V_MEASURE;
    for (size_t k = 0; k < N_MEASURE; k++) c[n++] = measure_cols[k];
    c[V_MEASURE + 6].label = "Score";
    c[V_MEASURE + 9].label = "Concern";
    size_t extra = n;
    c[n++] = (rep_column){"coded_criteria", NULL, NULL, REP_COL_ID};
    c[n++] = (rep_column){"findings", NULL, NULL, REP_COL_ID};
    c[n++] = (rep_column){"reforms", NULL, NULL, REP_COL_ID};
    c[n++] = (rep_column){"repeal_search", NULL, NULL, REP_COL_ID};
    c[n++] = (rep_column){NULL, "Criteria (coded, clear, not assessed)", NULL, REP_COL_ID};
    c[n++] = (rep_column){NULL, "Findings", NULL, REP_COL_ID};
    c[n++] = (rep_column){NULL, "Verdict", NULL, REP_COL_TEXT};
    rep_node *s = rep_section(d, root, NULL, "Verdicts by regime criterion");
    rep_node *t = rep_table(d, s, "verdicts", c, n);
    static const rep_column conv[] = {{"id", NULL, NULL, REP_COL_ID}, {"ratification", NULL, NULL, REP_COL_ENUM}};
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(in, vd);
        size_t row = rep_row(d, t), nc;
        rep_cell(d, t, row, V_ID, rep_v_id(rc->id));
        rep_cell(d, t, row, V_LABEL, rep_v_text(rc->label));
        rep_cell(d, t, row, V_SCOPE, rep_v_text(rc->outside ? "outside" : "engine"));
        rep_cell(d, t, row, V_NOTE, rep_v_text(rc->note));
        rep_node *ct = rep_table_detached(d, conv, 2);
        for (size_t i = 0; i < rc->n_conventions; i++) {
            size_t r = rep_row(d, ct);
            rep_cell(d, ct, r, 0, rep_v_text(m->conventions[rc->conventions[i]].id));
            rep_cell(d, ct, r, 1, rep_v_text(rep_ratification(m, in->result->country, rc->conventions[i], in->result->year)));
        }
        rep_cell(d, t, row, V_CONV, rep_v_table(ct));
        const char **groups = rep_doc_alloc(d, (rc->n_groups + 1) * sizeof *groups);
        for (size_t i = 0; groups && i < rc->n_groups; i++) groups[i] = m->groups[rc->groups[i]].id;
        rep_cell(d, t, row, V_GROUPS, rep_v_ids(groups, rc->n_groups));
        measure_cells(d, t, row, V_MEASURE, &vd->measure);
        const char *const *ids = rep_criteria_ids(d, m, &vd->coded, &nc);
        rep_cell(d, t, row, extra, rep_v_ids(ids, nc));
        rep_cell(d, t, row, extra + 1, rep_v_ids(ids_of_findings(d, in, vd->findings, vd->n_findings), vd->n_findings));
        rep_cell(d, t, row, extra + 2, reforms(d, in, vd));
        rep_cell(d, t, row, extra + 3, repeal_search(d, in, &vd->target));
        rep_buf b = REP_BUF_INIT;
        if (vd->measure.concern != ILO_CONCERN_OUTSIDE) rep_brief_counts(&b, &vd->measure);
        rep_cell(d, t, row, extra + 4, rep_v_text(take(d, &b)));
        for (size_t i = 0; i < vd->n_findings; i++) rep_buf_printf(&b, "%sF%zu", i ? ", " : "", v->fnum[vd->findings[i]]);
        rep_cell(d, t, row, extra + 5, rep_v_text(take(d, &b)));
        rep_buf_printf(&b, "%s.", rc->label);
        if (rc->n_conventions) {
            rep_buf_puts(&b, " Conventions: ");
            rep_brief_ratification(&b, in, vd);
            rep_buf_putc(&b, '.');
        }
        if (vd->measure.concern != ILO_CONCERN_OUTSIDE) rep_buf_printf(&b, " Why: %s", vd->measure.why);
        else rep_buf_puts(&b, " Not examined.");
        rep_cell(d, t, row, extra + 6, rep_v_text(take(d, &b)));
    }
    rep_only(rep_para_text(d, s, NULL, REP_RULE, "Concern rule", ilo_brief_rule), REP_PEOPLE);
}

/* ---- findings, record, trend, published ---- */

static void findings(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_model *m = in->model;
    const ilo_brief *br = in->brief;
    rep_column c[2 + REP_ITEM_NCOLS + 3] = {{"number", NULL, NULL, REP_COL_NUMBER}, {NULL, "#", NULL, REP_COL_ID}};
    for (size_t k = 0; k < REP_ITEM_NCOLS; k++) c[2 + k] = rep_item_cols[k];
    c[2 + REP_ITEM_FIELDS + 2].key = NULL; /* the brief has no criteria list here: bears_on instead */
    c[2 + REP_ITEM_FIELDS + 2].label = NULL;
    c[2 + REP_ITEM_NCOLS] = (rep_column){"bears_on", NULL, NULL, REP_COL_ID};
    c[2 + REP_ITEM_NCOLS + 1] = (rep_column){"also_reported_by", NULL, NULL, REP_COL_ID};
    c[2 + REP_ITEM_NCOLS + 2] = (rep_column){NULL, "Bears on", NULL, REP_COL_TEXT};
    /* JSON: number, item, share, critical, bears_on, sources, also_reported_by. */
    rep_column order[2 + REP_ITEM_NCOLS + 3];
    size_t n = 0, at_bears = 0;
    for (size_t k = 0; k < 2 + REP_ITEM_FIELDS + 2; k++) order[n++] = c[k]; /* .. share, critical */
    at_bears = n;
    order[n++] = c[2 + REP_ITEM_NCOLS];                                      /* bears_on */
    for (size_t k = 2 + REP_ITEM_FIELDS + 3; k < 2 + REP_ITEM_NCOLS; k++) order[n++] = c[k]; /* sources */
    order[n++] = c[2 + REP_ITEM_NCOLS + 1];
    order[n++] = c[2 + REP_ITEM_NCOLS + 2];
    rep_node *s = rep_section(d, root, NULL, "Key findings (the evidence behind the verdicts)");
    rep_node *t = rep_table(d, s, "findings", order, n);
    for (size_t i = 0; i < v->n_findings; i++) {
        const ilo_finding *f = &in->result->findings[v->findings[i]];
        const ilo_item *it = &in->profile->items[f->item];
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_int((int64_t)i + 1));
        rep_cell(d, t, row, 1, rep_v_text(rep_doc_printf(d, "F%zu", i + 1)));
        rep_item_cells(d, t, row, 2, m, it, NULL, NULL);
        rep_cell(d, t, row, 2 + REP_ITEM_FIELDS, rep_v_hundredths(f->share_c));
        rep_cell(d, t, row, 2 + REP_ITEM_FIELDS + 1, rep_v_bool(f->critical));
        /* bears_on: one key per regime criterion the finding codes. */
        rep_column *bc = rep_doc_alloc(d, (br->n_verdicts + 1) * sizeof *bc);
        size_t nb = 0;
        rep_buf people = REP_BUF_INIT;
        for (size_t k = 0; bc && k < br->n_verdicts; k++)
            if (rep_brief_touches(&br->verdicts[k], v->findings[i]))
                bc[nb++] = (rep_column){rep_brief_criterion(in, &br->verdicts[k])->id, NULL, NULL, REP_COL_ID};
        rep_node *bt = rep_table_detached(d, bc, nb);
        size_t br_row = rep_row(d, bt);
        for (size_t k = 0, j = 0; bc && k < br->n_verdicts; k++) {
            const ilo_brief_verdict *vd = &br->verdicts[k];
            if (!rep_brief_touches(vd, v->findings[i])) continue;
            ilo_bitset on = f->criteria;
            for (size_t x = 0; x < ILO_BITSET_WORDS; x++) on.w[x] &= vd->coded.w[x];
            size_t nc;
            const char *const *ids = rep_criteria_ids(d, m, &on, &nc);
            rep_cell(d, bt, br_row, j++, rep_v_ids(ids, nc));
            rep_buf_printf(&people, "%s%s (", j > 1 ? "; " : "", rep_brief_criterion(in, vd)->id);
            rep_brief_criteria(&people, m, &on);
            rep_buf_putc(&people, ')');
        }
        rep_cell(d, t, row, at_bears, rep_v_object(bt));
        rep_cell(d, t, row, at_bears + 1, rep_sources_value(d, m, &v->cites, f->sources, f->n_sources));
        size_t *also = rep_doc_alloc(d, (it->n_sources + 1) * sizeof *also), na = 0;
        for (size_t j = 0; also && j < it->n_sources; j++) {
            bool counted = false;
            for (size_t q = 0; q < f->n_sources; q++) counted |= f->sources[q] == it->sources[j];
            if (!counted) also[na++] = it->sources[j];
        }
        rep_cell(d, t, row, at_bears + 2, rep_v_text(rep_cite_marks(d, &v->cites, f->sources, f->n_sources)));
        rep_cell(d, t, row, at_bears + 3, rep_sources_value(d, m, &v->cites, also, na));
        rep_cell(d, t, row, at_bears + 4, rep_v_text(take(d, &people)));
    }
    if (!v->n_findings)
        rep_only(rep_para_text(d, s, NULL, REP_PLAIN, NULL, "None: no item codes a criterion of this regime in this year."),
                 REP_PEOPLE);
    rep_only(rep_para_text(d, s, NULL, REP_CAVEAT, "Sources",
                           "the admissible sources that make the item count this year under the method."),
             REP_PEOPLE);
}

static void record(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v, const char *key,
                   const char *title, const size_t *ev, size_t n)
{
    static const rep_column c[] = {
        {"id", NULL, NULL, REP_COL_ID},     {"date", "Date", NULL, REP_COL_ID}, {"kind", "Kind", NULL, REP_COL_ENUM},
        {"title", "Title", NULL, REP_COL_TEXT}, {"note", NULL, NULL, REP_COL_TEXT}, {"sources", NULL, NULL, REP_COL_ID},
        {NULL, "Sources", NULL, REP_COL_ID},
    };
    const ilo_country *co = &in->model->countries[in->result->country];
    rep_node *s = rep_section(d, root, NULL, title);
    rep_node *t = rep_table(d, s, key, c, sizeof c / sizeof c[0]);
    for (size_t i = 0; i < n; i++) {
        const ilo_event *e = &co->events[ev[i]];
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_text(e->id));
        rep_cell(d, t, row, 1, rep_v_text(e->date.text));
        rep_cell(d, t, row, 2, rep_v_text(e->kind));
        rep_cell(d, t, row, 3, rep_v_text(e->title));
        rep_cell(d, t, row, 4, rep_v_text(e->note));
        rep_cell(d, t, row, 5, rep_sources_value(d, in->model, &v->cites, e->sources, e->n_sources));
        rep_cell(d, t, row, 6, rep_v_text(rep_cite_marks(d, &v->cites, e->sources, e->n_sources)));
    }
    if (!n) rep_only(rep_para_text(d, s, NULL, REP_PLAIN, NULL, "None recorded."), REP_PEOPLE);
}

static void trend(rep_doc *d, rep_node *root, const rep_brief_doc *in)
{
    const ilo_trend *t = in->trend;
    const ilo_brief *br = in->brief;
    if (!t) {
        rep_field_add(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS), "trend", NULL, NULL, rep_v_null());
        return;
    }
    rep_node *s = rep_section(d, root, "trend",
                              rep_doc_printf(d, "Trend %d-%d (score over each criterion's catalogue criteria, and its "
                                                "concern level)", t->from, t->to));
    rep_add_trend_stats(d, s, t);
    rep_column *c = rep_doc_alloc(d, (3 + 3 * br->n_verdicts) * sizeof *c);
    if (!c) return;
    size_t n = 0;
    c[n++] = (rep_column){"year", "Year", NULL, REP_COL_ID};
    c[n++] = (rep_column){"score", "Total", NULL, REP_COL_NUMBER};
    for (size_t k = 0; k < br->n_verdicts; k++) {
        if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) continue;
        const char *id = rep_brief_criterion(in, &br->verdicts[k])->id;
        c[n++] = (rep_column){rep_doc_printf(d, "criteria/%s/score", id), NULL, NULL, REP_COL_NUMBER};
        c[n++] = (rep_column){rep_doc_printf(d, "criteria/%s/concern", id), NULL, NULL, REP_COL_ENUM};
        c[n++] = (rep_column){NULL, id, NULL, REP_COL_ENUM};
    }
    rep_node *tb = rep_table(d, s, "years", c, n);
    for (size_t i = 0; i < t->n; i++) {
        size_t row = rep_row(d, tb), col = 2;
        rep_cell(d, tb, row, 0, rep_v_int(t->years[i]->year));
        rep_cell(d, tb, row, 1, rep_v_hundredths(rep_score_c(t->years[i])));
        if (n == 2) rep_cell(d, tb, row, 2, rep_v_absent());
        for (size_t k = 0; k < br->n_verdicts; k++) {
            if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) continue;
            ilo_brief_measure ms;
            ilo_brief_measure_of(in->model, br->regime, br->verdicts[k].criterion, t->years[i], &ms);
            bool na = ms.concern == ILO_CONCERN_NOT_ASSESSED;
            rep_cell(d, tb, row, col++, na ? rep_v_null() : rep_v_hundredths(ilo_round2(ms.score)));
            rep_cell(d, tb, row, col++, rep_v_text(concern_id(ms.concern)));
            rep_buf b = REP_BUF_INIT;
            if (na) rep_buf_puts(&b, "n.a.");
            else rep_buf_hundredths(&b, ilo_round2(ms.score));
            if (!na) rep_buf_printf(&b, " %s", ilo_concern_name(ms.concern));
            rep_cell(d, tb, row, col++, rep_v_text(take(d, &b)));
        }
    }
    rep_only(rep_para_text(d, s, NULL, REP_RULE, NULL, rep_slope_text(d, t)), REP_PEOPLE);
}

static rep_value published_one(rep_doc *d, const rep_brief_doc *in, const rep_brief_view *v, const ilo_published *p)
{
    static const rep_column c[] = {
        {"measure", NULL, NULL, REP_COL_ID}, {"year", NULL, NULL, REP_COL_NUMBER}, {"value", NULL, NULL, REP_COL_TEXT},
        {"status", NULL, NULL, REP_COL_ENUM}, {"note", NULL, NULL, REP_COL_TEXT}, {"sources", NULL, NULL, REP_COL_ID},
    };
    if (!p) return rep_v_null();
    rep_node *t = rep_table_detached(d, c, 6);
    size_t row = rep_row(d, t);
    rep_cell(d, t, row, 0, rep_v_text(p->measure));
    rep_cell(d, t, row, 1, rep_v_int(p->year));
    rep_cell(d, t, row, 2, rep_v_text(p->value));
    rep_cell(d, t, row, 3, rep_v_text(p->status));
    rep_cell(d, t, row, 4, rep_v_text(p->note));
    rep_cell(d, t, row, 5, rep_sources_value(d, in->model, &v->cites, p->sources, p->n_sources));
    return rep_v_object(t);
}

static void published(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    static const rep_column c[] = {
        {"year", "Year", NULL, REP_COL_ID}, {"computed", "Computed", NULL, REP_COL_NUMBER},
        {"sdg-8.8.2", NULL, NULL, REP_COL_ID}, {"ituc", NULL, NULL, REP_COL_ID},
        {NULL, "SDG 8.8.2 (published)", NULL, REP_COL_ENUM}, {NULL, "ITUC (published)", NULL, REP_COL_TEXT},
    };
    const ilo_result *r = in->result;
    rep_node *s = rep_section(d, root, NULL,
                              "Published figures beside the computed score (as published by others; never fed into the score)");
    rep_node *t = rep_table(d, s, "published", c, 6);
    for (int y = v->from; y <= v->year; y++) {
        const ilo_result *yr = y == r->year ? r : NULL;
        for (size_t i = 0; !yr && in->trend && i < in->trend->n; i++)
            if (in->trend->years[i]->year == y) yr = in->trend->years[i];
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_int(y));
        rep_cell(d, t, row, 1, yr ? rep_v_hundredths(rep_score_c(yr)) : rep_v_null());
        for (size_t k = 0; k < REP_NMEASURES; k++) {
            const ilo_published *p = rep_published(in->model, r->country, rep_measures[k], y);
            rep_cell(d, t, row, 2 + k, published_one(d, in, v, p));
            const char *marks = p ? rep_cite_marks(d, &v->cites, p->sources, p->n_sources) : "";
            rep_cell(d, t, row, 4 + k, p ? rep_v_text(rep_doc_printf(d, "%s %s", p->value, marks)) : rep_v_null());
        }
    }
}

/* ---- reforms, gaps, caveat (people) ---- */

static void reforms_people(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_brief *br = in->brief;
    rep_node *s = rep_only(rep_section(d, root, NULL, "Reforms that would address each concern"), REP_PEOPLE);
    rep_node *l = rep_list(d, s, NULL);
    size_t shown = 0;
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        if (vd->measure.concern < ILO_CONCERN_LOW) continue;
        shown++;
        rep_buf b = REP_BUF_INIT;
        rep_buf_printf(&b, "%s (%s): ", rep_brief_criterion(in, vd)->id, ilo_concern_name(vd->measure.concern));
        if (!vd->n_reforms) rep_buf_puts(&b, "no scenario in the data addresses it. ");
        for (size_t i = 0; i < vd->n_reforms; i++) {
            rep_brief_reform(&b, in, v, &vd->reforms[i]);
            rep_buf_putc(&b, ' ');
        }
        rep_brief_target(&b, in, v, vd);
        rep_span_add(d, l, REP_MARK_NONE, take(d, &b));
    }
    if (!shown) rep_span_add(d, l, REP_MARK_NONE, "None: no criterion of the regime has a coded criterion this year.");
    for (size_t i = 0; i < v->n_scenarios; i++) {
        rep_buf b = REP_BUF_INIT;
        rep_buf_puts(&b, "Scenario cited (this project's data, scenarios/): ");
        rep_brief_scenario(&b, in, v->scenarios[i]);
        rep_span_add(d, l, REP_MARK_NONE, take(d, &b));
    }
}

static void gaps(rep_doc *d, rep_node *root, const rep_brief_doc *in)
{
    const ilo_brief *br = in->brief;
    rep_node *s = rep_only(rep_section(d, root, NULL, "Gaps: what this brief cannot say"), REP_PEOPLE);
    rep_node *l = rep_list(d, s, NULL);
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(in, vd);
        rep_buf b = REP_BUF_INIT;
        if (vd->measure.concern == ILO_CONCERN_NOT_ASSESSED) {
            rep_buf_printf(&b, "%s (%s): not assessed in %d: %s", rc->id, rc->label, in->result->year, vd->measure.why);
            if (rc->n_conventions) {
                rep_buf_puts(&b, "; ");
                rep_brief_ratification(&b, in, vd);
            }
            rep_buf_putc(&b, '.');
        } else if (vd->measure.concern >= ILO_CONCERN_NONE && vd->measure.n_not_assessed) {
            rep_buf_printf(&b, "%s: %zu of its %zu criteria not assessed (no evidence either way).", rc->id,
                           vd->measure.n_not_assessed, vd->measure.n_criteria);
        } else if (vd->n_unknown_ratification && vd->measure.concern != ILO_CONCERN_OUTSIDE) {
            rep_buf_printf(&b, "%s: the profile does not record the ratification of ", rc->id);
            rep_brief_ratification(&b, in, vd);
            rep_buf_putc(&b, '.');
        }
        if (b.len) rep_span_add(d, l, REP_MARK_NONE, take(d, &b));
        rep_buf_free(&b);
    }
    if (br->count[ILO_CONCERN_OUTSIDE]) {
        rep_buf b = REP_BUF_INIT;
        rep_buf_puts(&b, "Outside this engine's scope (listed by the regime, not examined, never read as met): ");
        for (size_t k = 0, i = 0; k < br->n_verdicts; k++)
            if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE)
                rep_buf_printf(&b, "%s%s", i++ ? ", " : "", rep_brief_criterion(in, &br->verdicts[k])->id);
        rep_buf_putc(&b, '.');
        rep_span_add(d, l, REP_MARK_NONE, take(d, &b));
    }
    if (l && !l->n_text) rep_span_add(d, l, REP_MARK_NONE, "None.");
}

static void caveat(rep_doc *d, rep_node *root, const rep_brief_doc *in)
{
    const ilo_method *me = &in->model->methods[in->result->method];
    const ilo_regime *rg = rep_brief_regime(in);
    rep_node *s = rep_section(d, root, "caveat", "Caveat");
    rep_node *f = rep_only(rep_fields(d, s, NULL), REP_PROGRAMS);
    rep_field_add(d, f, "ilo_quote", NULL, NULL, rep_v_text(rep_brief_ilo_quote));
    rep_field_add(d, f, "ilo_quote_source", NULL, NULL, rep_v_text(rep_brief_ilo_quote_source));
    size_t n = 0;
    while (rep_brief_caveats[n]) n++;
    rep_field_add(d, f, "notes", NULL, NULL, rep_v_ids(rep_brief_caveats, n));
    const char **adm = rep_doc_alloc(d, (ILO_SRC__COUNT + 1) * sizeof *adm);
    size_t na = 0;
    for (int k = 0; adm && k < ILO_SRC__COUNT; k++)
        if ((me->admissible >> k) & 1) adm[na++] = ilo_source_kind_name((ilo_source_kind)k);
    rep_field_add(d, f, "admissible", NULL, NULL, rep_v_ids(adm, na));
    rep_field_add(d, f, "regime_note", NULL, NULL, rep_v_text(rg->note));
    rep_only(rep_para_text(d, s, NULL, REP_CAUTION, NULL,
                           rep_doc_printf(d, "%s: \"%s.\"", rep_brief_ilo_quote_source, rep_brief_ilo_quote)),
             REP_PEOPLE);
    for (size_t i = 0; i < n; i++) rep_only(rep_para_text(d, s, NULL, REP_PLAIN, NULL, rep_brief_caveats[i]), REP_PEOPLE);
    rep_buf b = REP_BUF_INIT;
    rep_buf_printf(&b, "Evidence admitted under %s: ", me->id);
    rep_brief_admissible(&b, me);
    rep_buf_puts(&b, "; other sources are cited but do not code criteria.");
    rep_only(rep_para_text(d, s, NULL, REP_PLAIN, NULL, take(d, &b)), REP_PEOPLE);
    if (rg->note)
        rep_only(rep_para_text(d, s, NULL, REP_PLAIN, "About the regime (from its data file)", rg->note), REP_PEOPLE);
}

/* ---- applicability, review period, progress (for programs; people read reports/brief-review.c's
 * sentences through the per-format renderers) ---- */

static void review(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_result *r = in->result;
    rep_buf b = REP_BUF_INIT;
    rep_node *g = rep_only(rep_fields(d, root, "applicability"), REP_PROGRAMS);
    rep_field_add(d, g, "in_force", NULL, NULL, rep_v_text(rep_answer_name(in->standing.in_force)));
    rep_field_add(d, g, "standing", NULL, NULL, rep_v_text(ilo_benefit_name(in->standing.benefit)));
    rep_field_add(d, g, "applies", NULL, NULL, rep_v_text(rep_answer_name(in->standing.applies)));
    rep_brief_applicability(&b, in, v);
    rep_field_add(d, g, "text", NULL, NULL, rep_v_text(take(d, &b)));
    g = rep_only(rep_fields(d, root, "review_period"), REP_PROGRAMS);
    rep_field_add(d, g, "from", NULL, NULL, rep_v_int(in->window_from ? in->window_from : r->year));
    rep_field_add(d, g, "to", NULL, NULL, rep_v_int(r->year));
    rep_field_add(d, g, "as_of_is_cutoff", NULL, NULL, rep_v_bool(in->as_of_given));
    rep_field_add(d, g, "sdg_score", NULL, NULL,
                  in->sdg && ilo_result_assessed(in->model, in->sdg) ? rep_v_hundredths(rep_score_c(in->sdg))
                                                                     : rep_v_null());
    rep_brief_period(&b, in);
    rep_field_add(d, g, "text", NULL, NULL, rep_v_text(take(d, &b)));
}

static void progress(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    static const rep_column rc[] = {
        {"id", NULL, NULL, REP_COL_ID},     {"body", NULL, NULL, REP_COL_ENUM},   {"date", NULL, NULL, REP_COL_ID},
        {"asked", NULL, NULL, REP_COL_TEXT}, {"status", NULL, NULL, REP_COL_ENUM}, {"status_since", NULL, NULL, REP_COL_ID},
        {"text", NULL, NULL, REP_COL_TEXT},
    };
    static const rep_column lc[] = {{"provision", NULL, NULL, REP_COL_ID}, {"date", NULL, NULL, REP_COL_ID},
                                    {"change", NULL, NULL, REP_COL_ENUM}, {"text", NULL, NULL, REP_COL_TEXT}};
    const ilo_country *co = &in->model->countries[in->result->country];
    rep_buf b = REP_BUF_INIT;
    rep_node *s = rep_only(rep_section(d, root, "progress", NULL), REP_PROGRAMS);
    rep_node *t = rep_table(d, s, "recommendations", rc, sizeof rc / sizeof rc[0]);
    for (size_t i = 0; i < v->n_recs; i++) {
        const ilo_recommendation *r = &co->recommendations[v->recs[i]];
        const ilo_rec_status *st = ilo_rec_status_on(r, in->standing.day);
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_text(r->id));
        rep_cell(d, t, row, 1, rep_v_text(r->body));
        rep_cell(d, t, row, 2, rep_v_text(r->date.text));
        rep_cell(d, t, row, 3, rep_v_text(r->asked));
        rep_cell(d, t, row, 4, rep_v_text(ilo_rec_state_name(st->state)));
        rep_cell(d, t, row, 5, rep_v_text(st->date.text));
        rep_brief_rec(&b, in, v, i);
        rep_cell(d, t, row, 6, rep_v_text(take(d, &b)));
    }
    t = rep_table(d, s, "law_changes", lc, sizeof lc / sizeof lc[0]);
    for (size_t i = 0; i < v->n_laws; i++) {
        const char *how;
        const ilo_date *dt = rep_brief_law_date(in, v, i, &how);
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_text(in->profile->items[v->laws[i]].id));
        rep_cell(d, t, row, 1, rep_v_text(dt->text));
        rep_cell(d, t, row, 2, rep_v_text(how));
        rep_brief_law(&b, in, v, i);
        rep_cell(d, t, row, 3, rep_v_text(take(d, &b)));
    }
}

/* The recorded conflicts bearing on what the brief shows, with the choice made. */
static void disputed(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    static const rep_column c[] = {{"id", NULL, NULL, REP_COL_ID},     {"about", NULL, NULL, REP_COL_ID},
                                   {"field", NULL, NULL, REP_COL_TEXT}, {"used", NULL, NULL, REP_COL_TEXT},
                                   {"note", NULL, NULL, REP_COL_TEXT},  {"text", NULL, NULL, REP_COL_TEXT}};
    const ilo_country *co = &in->model->countries[in->result->country];
    rep_buf b = REP_BUF_INIT;
    rep_node *s = rep_only(rep_section(d, root, NULL, NULL), REP_PROGRAMS);
    rep_node *t = rep_table(d, s, "disputed", c, sizeof c / sizeof c[0]);
    for (size_t i = 0; i < v->n_conflicts; i++) {
        const ilo_conflict *cf = &co->conflicts[v->conflicts[i]];
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_text(cf->id));
        rep_cell(d, t, row, 1, rep_v_text(cf->about));
        rep_cell(d, t, row, 2, rep_v_text(cf->field));
        rep_cell(d, t, row, 3, rep_v_text(cf->used));
        rep_cell(d, t, row, 4, rep_v_text(cf->note));
        rep_brief_conflict(&b, in, v, i);
        rep_cell(d, t, row, 5, rep_v_text(take(d, &b)));
    }
}

/* ---- CSV: the year's rows, the regime, the verdicts; then the years before ---- */

static void csv_year(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v, const ilo_result *r,
                     bool full)
{
    const ilo_model *m = in->model;
    const ilo_brief *br = in->brief;
    rep_node *f = rep_only(rep_fields(d, root, NULL), REP_PROGRAMS);
    if (f) f->scope.year = r->year;
    const ilo_band *band = rep_band(m, r);
    size_t n[3];
    rep_status_counts(m, r, n);
    rep_field_add(d, f, NULL, NULL, "score", rep_v_hundredths(rep_score_c(r)));
    rep_field_add(d, f, NULL, NULL, "raw", rep_v_hundredths(r->raw_c));
    rep_field_add(d, f, NULL, NULL, "law", rep_v_hundredths(ilo_round2(r->law)));
    rep_field_add(d, f, NULL, NULL, "practice", rep_v_hundredths(ilo_round2(r->practice)));
    rep_field_add(d, f, NULL, NULL, "rating", band ? rep_v_text(band->rating) : rep_v_absent());
    rep_field_add(d, f, NULL, NULL, "criteria:coded", rep_v_int((int64_t)n[ILO_CODED]));
    rep_field_add(d, f, NULL, NULL, "criteria:clear", rep_v_int((int64_t)n[ILO_CLEAR]));
    rep_field_add(d, f, NULL, NULL, "criteria:not_assessed", rep_v_int((int64_t)n[ILO_NOT_ASSESSED]));
    for (size_t k = 0; k < REP_NMEASURES; k++) {
        const ilo_published *p = rep_published(m, r->country, rep_measures[k], r->year);
        rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "published:%s", rep_measures[k]),
                      p ? rep_v_text(p->value) : rep_v_absent());
    }
    if (full) {
        rep_field_add(d, f, NULL, NULL, "brief:regime", rep_v_text(rep_brief_regime(in)->id));
        rep_field_add(d, f, NULL, NULL, "brief:in_force", rep_v_text(rep_answer_name(in->standing.in_force)));
        rep_field_add(d, f, NULL, NULL, "brief:standing", rep_v_text(ilo_benefit_name(in->standing.benefit)));
        rep_field_add(d, f, NULL, NULL, "brief:applies", rep_v_text(rep_answer_name(in->standing.applies)));
        rep_field_add(d, f, NULL, NULL, "brief:period_from", rep_v_int(in->window_from ? in->window_from : r->year));
        const ilo_country *co = &m->countries[r->country];
        for (size_t i = 0; i < v->n_recs; i++)
            rep_field_add(d, f, NULL, NULL,
                          rep_doc_printf(d, "brief:recommendation:%s", co->recommendations[v->recs[i]].id),
                          rep_v_text(rep_brief_rec_state(in, v, i)));
        for (size_t i = 0; i < v->n_laws; i++) {
            const char *how;
            const ilo_date *dt = rep_brief_law_date(in, v, i, &how);
            rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "brief:law_change:%s", in->profile->items[v->laws[i]].id),
                          rep_v_text(rep_doc_printf(d, "%s %s", how, dt->text)));
        }
    }
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        if (!full && vd->measure.concern == ILO_CONCERN_OUTSIDE) continue;
        const ilo_regime_criterion *rc = rep_brief_criterion(in, vd);
        ilo_brief_measure ms;
        ilo_brief_measure_of(m, br->regime, vd->criterion, r, &ms);
        const char *p = rep_doc_printf(d, "brief:%s:", rc->id);
        bool scored = ms.concern != ILO_CONCERN_OUTSIDE && ms.concern != ILO_CONCERN_NOT_ASSESSED;
        rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%sconcern", p), rep_v_text(concern_id(ms.concern)));
        if (scored) rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%sscore", p), rep_v_hundredths(ilo_round2(ms.score)));
        if (!full) continue;
        if (ms.concern != ILO_CONCERN_OUTSIDE) {
            rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%scoded", p), rep_v_int((int64_t)ms.n_coded));
            rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%sclear", p), rep_v_int((int64_t)ms.n_clear));
            rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%snot_assessed", p), rep_v_int((int64_t)ms.n_not_assessed));
        }
        for (size_t i = 0; i < rc->n_conventions; i++)
            rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%sratification:%s", p, m->conventions[rc->conventions[i]].id),
                          rep_v_text(rep_ratification(m, r->country, rc->conventions[i], r->year)));
    }
}

rep_doc *rep_build_brief(const rep_brief_doc *in)
{
    const ilo_model *m = in->model;
    const ilo_result *r = in->result;
    const ilo_brief *br = in->brief;
    const ilo_regime *rg = rep_brief_regime(in);
    const ilo_country *co = &m->countries[r->country];
    rep_brief_view v;
    if (!rep_brief_view_init(&v, in)) return NULL;
    rep_doc *d = rep_doc_new("brief", NULL);
    if (!d) {
        rep_brief_view_free(&v);
        return NULL;
    }
    d->title = rep_doc_printf(d, "%s (%s), %d: trade-review brief, %s", co->name, co->code, r->year, rg->title);
    rep_node *root = &d->root;
    root->scope = (rep_scope){co->code, r->year, m->methods[r->method].id};
    rep_add_header(d, root, m, r->country, r->method, in->profile_name);
    rep_node *f = rep_fields(d, root, NULL);
    rep_field_add(d, f, "year", NULL, NULL, rep_v_int(r->year));
    rep_field_add(d, f, NULL, "Regime", NULL, rep_v_text(rep_doc_printf(d, "%s (%s)", rg->title, rg->id)));
    rep_node *g = rep_only(rep_fields(d, root, "regime"), REP_PROGRAMS);
    rep_field_add(d, g, "id", NULL, NULL, rep_v_text(rg->id));
    rep_field_add(d, g, "title", NULL, NULL, rep_v_text(rg->title));
    rep_field_add(d, g, "basis", NULL, NULL, rep_v_text(rg->basis));
    rep_field_add(d, g, "note", NULL, NULL, rep_v_text(rg->note));
    rep_field_add(d, g, "sources", NULL, NULL, rep_sources_value(d, m, &v.cites, rg->sources, rg->n_sources));
    review(d, root, in, &v);
    f = rep_only(rep_fields(d, root, NULL), REP_PROGRAMS);
    rep_field_add(d, f, "score", NULL, NULL, rep_v_hundredths(rep_score_c(r)));
    rep_field_add(d, f, "raw", NULL, NULL, rep_v_hundredths(r->raw_c));
    rep_field_add(d, f, "forced", NULL, NULL, rep_v_bool(r->forced));
    const ilo_band *band = rep_band(m, r);
    if (band) {
        g = rep_only(rep_fields(d, root, "rating"), REP_PROGRAMS);
        rep_field_add(d, g, "band", NULL, NULL, rep_v_text(band->rating));
        rep_field_add(d, g, "label", NULL, NULL, rep_v_text(band->label));
        rep_field_add(d, g, "bands_note", NULL, NULL, rep_v_text(m->methods[r->method].bands_note));
    } else {
        rep_field_add(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS), "rating", NULL, NULL, rep_v_null());
    }
    rep_buf b = REP_BUF_INIT;
    rep_brief_bottom_line(&b, in);
    rep_para_text(d, root, "bottom_line", REP_PLAIN, "Bottom line", take(d, &b));
    g = rep_only(rep_fields(d, root, "concern_rule"), REP_PROGRAMS);
    rep_field_add(d, g, "text", NULL, NULL, rep_v_text(ilo_brief_rule));
    rep_field_add(d, g, "high_score", NULL, NULL, rep_v_hundredths(ILO_BRIEF_HIGH_SCORE_C));
    rep_field_add(d, g, "medium_score", NULL, NULL, rep_v_hundredths(ILO_BRIEF_MEDIUM_SCORE_C));
    rep_field_add(d, g, "high_share_percent", NULL, NULL, rep_v_int(ILO_BRIEF_HIGH_SHARE_PCT));
    rep_field_add(d, g, "medium_share_percent", NULL, NULL, rep_v_int(ILO_BRIEF_MEDIUM_SHARE_PCT));
    rep_field_add(d, g, "civil_liberties_group", NULL, NULL, rep_v_text(ILO_BRIEF_GRAVE_GROUP));
    g = rep_only(rep_fields(d, root, "concerns"), REP_PROGRAMS);
    for (int c = ILO_CONCERN__COUNT - 1; c >= 0; c--)
        rep_field_add(d, g, concern_id((ilo_concern)c), NULL, NULL, rep_v_int((int64_t)br->count[c]));
    rep_field_add(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS), "worst", NULL, NULL,
                  rep_v_text(concern_id(br->worst)));
    verdicts(d, root, in, &v);
    findings(d, root, in, &v);
    progress(d, root, in, &v);
    record(d, root, in, &v, "ilo_record", "ILO supervisory record", v.events, v.n_events);
    record(d, root, in, &v, "trade_record", "Trade and EU record", v.trade, v.n_trade);
    trend(d, root, in);
    published(d, root, in, &v);
    reforms_people(d, root, in, &v);
    gaps(d, root, in);
    disputed(d, root, in, &v);
    caveat(d, root, in);
    rep_add_sources(d, root, m, &v.cites);
    csv_year(d, root, in, &v, r, true);
    for (size_t i = 0; in->trend && i < in->trend->n; i++)
        if (in->trend->years[i]->year != r->year) csv_year(d, root, in, &v, in->trend->years[i], false);
    if (in->trend) rep_add_trend_rows(d, root, in->trend);
    rep_brief_view_free(&v);
    if (!rep_doc_ok(d)) {
        rep_doc_free(d);
        return NULL;
    }
    return d;
}
