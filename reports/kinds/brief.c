/* brief.c: the trade-review brief (iloscore brief): one country-year mapped onto a trade
 * regime's criteria, in the order of the suggested brief skeleton: bottom line, a verdict per
 * regime criterion, the key findings, the ILO supervisory and trade record, the trend, published
 * figures, reforms, gaps, caveat. What the brief shows of the evidence (which findings, events,
 * recommendations, law changes, CEACR texts and conflicts) is the engine's ilo_brief_record;
 * here, how its sources are numbered and the sentences it says, then the document. */
#include <stdlib.h>
#include <string.h>

#include "kinds.h"

/* ---- the view ---- */

typedef struct rep_brief_view {
    rep_cites cites;       /* the sources the record cites, numbered (ilo_brief_record_cite()) */
    ilo_brief_record *rec; /* what the brief shows (the engine's), owned */
} rep_brief_view;

static const char rep_brief_ilo_quote[] =
    "SDG indicator 8.8.2 is not intended as a tool to compare compliance among ILO member States";
static const char rep_brief_ilo_quote_source[] = "The ILO, in the metadata of SDG indicator 8.8.2";

static const char *const rep_brief_caveats[] = {
    "What the ILO supervisory bodies examine depends on what a country has ratified and reports on, so "
    "scores of two countries do not rest on the same kind of evidence; read this brief as an account of "
    "one country over time, not as a ranking.",
    "This brief is not a legal determination under the regime. The mapping of the regime's criteria onto "
    "ILO conventions and criteria groups, the concern levels and their thresholds are this project's "
    "own; so are the scores of conventions other than C087 and C098, whose criteria and provisional "
    "weights no ILO body publishes.",
    "\"Not assessed\" means that nothing codes the criteria and no admissible source dated in the year "
    "states that it examined them: unknown, not compliant. \"None\" means that nothing was coded among the "
    "criteria examined. \"Outside scope\" marks a criterion the regime lists but this engine does not "
    "examine at all.",
    "Published figures (SDG 8.8.2, ITUC) are shown as their publishers give them, beside the computed "
    "scores; they are never fed into them.",
    NULL};

static const ilo_regime *rep_brief_regime(const rep_brief_doc *doc) { return &doc->model->regimes[doc->brief->regime]; }

static const ilo_regime_criterion *rep_brief_criterion(const rep_brief_doc *doc, const ilo_brief_verdict *vd)
{
    return &rep_brief_regime(doc)->criteria[vd->criterion];
}

/* The record and its sources numbered in the order the brief shows them (the engine's rule);
 * the cites borrow the record's arrays. */
static bool rep_brief_view_init(rep_brief_view *v, const rep_brief_doc *doc)
{
    v->rec = ilo_brief_record_new(doc->model, doc->profile, doc->brief, doc->standing.day, doc->window_from,
                                  doc->trend ? doc->trend->from : 0);
    if (!v->rec) return false;
    ilo_brief_record_cite(v->rec, &doc->standing, doc->as_of_given);
    v->cites = (rep_cites){v->rec->cited, v->rec->sources, v->rec->n_sources, NULL};
    return true;
}

/* ---- the review parts: applicability, review period, progress, disputed ---- */

static void cites(rep_buf *b, const rep_brief_view *v, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++) rep_buf_printf(b, " [%zu]", v->cites.num[src[i]]);
}

/* YYYY-MM-DD of a day. */
static void day_text(rep_buf *b, int32_t day)
{
    ilo_date d;
    ilo_date_of_day(day, &d);
    rep_buf_puts(b, d.text);
}

/* By ilo_benefit: unknown, yes, partial, suspended, withdrawn, not eligible. */
static const char *standing_words(ilo_benefit s)
{
    static const char *const words[] = {
        "of unknown standing", "a beneficiary", "a beneficiary with preferences withdrawn for part of its products",
        "suspended from the programme", "withdrawn from the programme", "not a beneficiary"};
    return (unsigned)s < sizeof words / sizeof words[0] ? words[s] : words[0];
}

/* Cites the sources citable as of the day; says so when there is none. */
static void cites_by(rep_buf *b, const rep_brief_view *v, const rep_brief_doc *doc, const size_t *src, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ilo_brief_citable(doc->model, src[i], doc->standing.day, doc->as_of_given)) {
            rep_buf_printf(b, " [%zu]", v->cites.num[src[i]]);
            k++;
        }
    if (n && !k) rep_buf_puts(b, " (its sources in the data were published after the as-of day)");
}

/* A period as known on day: an end after the day is not yet known then. */
static void period(rep_buf *b, const ilo_regime_period *p, int32_t day)
{
    rep_buf_printf(b, "from %s", p->from.text);
    if (p->until.prec && p->until.first <= day) rep_buf_printf(b, " to %s", p->until.text);
}

static void rep_brief_applicability(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief_standing *st = &doc->standing;
    const char *name = doc->model->countries[doc->result->country].name;
    rep_buf_puts(b, "On ");
    day_text(b, st->day);
    if (st->applies == ILO_ANSWER_NO) rep_buf_printf(b, " the regime did not apply to %s: ", name);
    else if (st->applies == ILO_ANSWER_YES) rep_buf_printf(b, " the regime applied to %s: ", name);
    else rep_buf_puts(b, ", whether the regime applied is not established by its data: ");
    if (st->in_force == ILO_ANSWER_YES)
        rep_buf_puts(b, "the programme was in force (");
    else if (st->in_force == ILO_ANSWER_NO && st->period)
        rep_buf_printf(b, "the programme had lapsed on %s and was not in force (", st->period->until.text);
    else if (st->in_force == ILO_ANSWER_NO)
        rep_buf_puts(b, "the programme was not in force");
    else
        rep_buf_puts(b, "when the programme was in force is not recorded");
    if (st->in_force != ILO_ANSWER_UNKNOWN && st->period) { /* in force: the period covering the day */
        period(b, st->period, st->day);
        rep_buf_putc(b, ')');
        cites_by(b, v, doc, st->period->sources, st->period->n_sources);
    }
    if (st->benefit == ILO_BENEFIT_UNKNOWN) {
        rep_buf_printf(b, "; the regime data do not record %s's standing under it", name);
    } else {
        rep_buf_printf(b, "; %s was ", name);
        rep_buf_puts(b, standing_words(st->benefit));
        if (st->implied) rep_buf_puts(b, " (implied by a later withdrawal or suspension)");
        else if (st->why) {
            rep_buf_printf(b, " from %s (%s)", st->why->effective.text, st->why->title);
            cites_by(b, v, doc, st->why->sources, st->why->n_sources);
        }
    }
    rep_buf_putc(b, '.');
    if (st->last && st->last != st->why) {
        rep_buf_printf(b, " Latest decision on %s by then: %s, %s", name, st->last->decided.text, st->last->title);
        cites_by(b, v, doc, st->last->sources, st->last->n_sources);
        rep_buf_putc(b, '.');
    }
    rep_buf_puts(b, st->applies == ILO_ANSWER_NO
                        ? " What follows is an illustrative assessment against the regime's criteria only: no "
                          "review under the regime could have taken place on that day."
                        : " What follows is an illustrative assessment against the regime's criteria: this "
                          "project's reading of the evidence, not the regime's determination.");
}

static void rep_brief_period(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    int from = doc->window_from ? doc->window_from : r->year;
    rep_buf_puts(b, "The situation as of ");
    day_text(b, doc->standing.day);
    if (doc->as_of_given) rep_buf_puts(b, ", on the evidence published by that day (evidence as of ");
    else rep_buf_puts(b, ", on all the evidence in the data, including texts published later (evidence as of ");
    if (doc->as_of_given) day_text(b, doc->standing.day);
    else rep_buf_puts(b, "the latest in the data");
    rep_buf_printf(b, "), over the review period %d-%d (%d year%s), under method %s.", from, r->year,
                   r->year - from + 1, r->year == from ? "" : "s", m->methods[r->method].id);
    if (doc->sdg) {
        rep_buf_printf(b, " Beside it, the SDG 8.8.2 reading of %d (method %s, this engine): ", r->year,
                       m->methods[doc->sdg->method].id);
        if (ilo_result_assessed(m, doc->sdg)) {
            rep_buf_puts(b, "score ");
            rep_buf_hundredths(b, ilo_result_score_hundredths(doc->sdg));
            rep_buf_putc(b, '.');
        } else {
            rep_buf_puts(b, "nothing assessed, no score.");
        }
    }
    rep_buf_putc(b, ' ');
    rep_buf_puts(b, ilo_brief_window_rule);
}

/* ---- progress: recommendations and law changes ---- */

static const char *law_how(const ilo_brief_law *l) { return l->stopped ? "repealed or replaced" : "entered into force"; }

static const char *body_name(const char *body)
{
    if (!strcmp(body, "ceacr")) return "CEACR";
    if (!strcmp(body, "cas")) return "CAS";
    if (!strcmp(body, "cfa")) return "CFA";
    if (!strcmp(body, "inquiry")) return "ILO Commission of Inquiry";
    if (!strcmp(body, "mission")) return "ILO mission";
    if (!strcmp(body, "trade")) return "Trade partner";
    return "Other";
}

/* The sentences of a recommendation, a law change and a conflict, in the document. */
static const char *rep_brief_rec(rep_doc *d, const rep_brief_doc *doc, const rep_brief_view *v, size_t i)
{
    rep_buf text = REP_BUF_INIT, *b = &text;
    const ilo_model *m = doc->model;
    const ilo_recommendation *r = v->rec->recs[i].rec;
    const ilo_rec_status *st = v->rec->recs[i].status;
    rep_buf_printf(b, "%s, %s (%s): %s", body_name(r->body), r->date.text, r->id, r->asked);
    cites(b, v, r->sources, r->n_sources);
    if (r->n_items) {
        rep_buf_puts(b, " Concerns: ");
        for (size_t k = 0; k < r->n_items; k++) {
            size_t f = ilo_brief_record_number(v->rec, r->items[k]);
            rep_buf_printf(b, "%s%s", k ? ", " : "", m->items[r->items[k]].id);
            if (f) rep_buf_printf(b, " (F%zu)", f);
        }
        rep_buf_putc(b, '.');
    }
    rep_buf_printf(b, " Status on the as-of day: %s, since %s", ilo_rec_state_name(st->state), st->date.text);
    cites(b, v, st->sources, st->n_sources);
    rep_buf_putc(b, '.');
    if (st->note) rep_buf_printf(b, " %s", st->note);
    if (st != r->status) {
        rep_buf_puts(b, " Before:");
        for (const ilo_rec_status *s = r->status; s < st; s++) {
            rep_buf_printf(b, "%s %s %s", s == r->status ? "" : ";", ilo_rec_state_name(s->state), s->date.text);
            cites(b, v, s->sources, s->n_sources);
        }
        rep_buf_putc(b, '.');
    }
    return rep_doc_take(d, b);
}

static const char *rep_brief_law(rep_doc *d, const rep_brief_doc *doc, const rep_brief_view *v, size_t i)
{
    rep_buf b = REP_BUF_INIT;
    const ilo_brief_law *l = &v->rec->laws[i];
    const ilo_item *it = &doc->profile->items[l->item];
    rep_buf_printf(&b, "%s %s: provision %s (%s, %s)", l->date->text, law_how(l), it->id, it->instrument, it->article);
    cites(&b, v, it->sources, it->n_sources);
    rep_buf_putc(&b, '.');
    return rep_doc_take(d, &b);
}

static const char *rep_brief_conflict(rep_doc *d, const rep_brief_view *v, const ilo_conflict *cf)
{
    rep_buf b = REP_BUF_INIT;
    rep_buf_printf(&b, "%s, %s: ", cf->about, cf->field);
    for (size_t k = 0; k < cf->n_versions; k++) {
        rep_buf_printf(&b, "%s\"%s\"", k ? " or " : "", cf->versions[k].value);
        cites(&b, v, cf->versions[k].sources, cf->versions[k].n_sources);
    }
    rep_buf_printf(&b, ". Used: \"%s\". %s", cf->used, cf->note);
    return rep_doc_take(d, &b);
}

/* By ilo_ratification_status: none, ratified, not ratified, denounced. */
static const char *ratification_word(ilo_ratification_status s)
{
    static const char *const words[] = {"ratification unknown", "ratified", "not ratified", "denounced"};
    return (unsigned)s < sizeof words / sizeof words[0] ? words[s] : words[0];
}

static void rep_brief_ratification(rep_buf *b, const rep_brief_doc *doc, const ilo_brief_verdict *vd)
{
    const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
    for (size_t i = 0; i < rc->n_conventions; i++)
        rep_buf_printf(b, "%s%s %s", i ? ", " : "", doc->model->conventions[rc->conventions[i]].id,
                       ratification_word(vd->ratified[i]));
}

/* "id, id": the regime criteria whose concern is c. */
static void criteria_at(rep_buf *b, const rep_brief_doc *doc, ilo_concern c)
{
    const ilo_brief *br = doc->brief;
    for (size_t k = 0, n = 0; k < br->n_verdicts; k++)
        if (br->verdicts[k].measure.concern == c)
            rep_buf_printf(b, "%s%s", n++ ? ", " : "", rep_brief_criterion(doc, &br->verdicts[k])->id);
}

static void rep_brief_criteria(rep_buf *b, const ilo_model *m, const ilo_bitset *set)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n_criteria; k++)
        if (ilo_bitset_has(set, k)) rep_buf_printf(b, "%s%s", n++ ? ", " : "", m->criteria[k].id);
    if (!n) rep_buf_puts(b, "none");
}

static void finding_ref(rep_buf *b, const rep_brief_view *v, size_t f) { rep_buf_printf(b, "F%zu", v->rec->number[f]); }

static void rep_brief_reform(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const ilo_brief_reform *rf)
{
    const ilo_model *m = doc->model;
    const ilo_scenario *sc = &m->scenarios[rf->scenario];
    const ilo_op *op = &sc->ops[rf->op];
    const ilo_item *it = &m->items[op->target];
    const char *verb = op->kind == ILO_OP_REPEAL ? "repeal" : op->kind == ILO_OP_AMEND ? "amend" : "end";
    rep_buf_printf(b, "%s %s %s (", verb, rep_item_kind(it), it->id);
    finding_ref(b, v, rf->finding);
    rep_buf_printf(b, ") on %s", op->date.text);
    if (op->kind == ILO_OP_AMEND) {
        rep_buf_puts(b, " to breach ");
        if (!op->n_criteria) rep_buf_puts(b, "nothing");
        for (size_t i = 0; i < op->n_criteria; i++)
            rep_buf_printf(b, "%s%s", i ? ", " : "", m->criteria[op->criteria[i]].id);
    }
    rep_buf_printf(b, ", scenario %s: it stops coding ", sc->id);
    rep_brief_criteria(b, m, &rf->removes);
    bool all = memcmp(&rf->removes, &rf->clears, sizeof rf->clears) == 0;
    bool none = ilo_bitset_count(&rf->clears) == 0;
    if (all) {
        rep_buf_puts(b, ", which nothing else codes");
    } else if (none) {
        rep_buf_puts(b, "; other findings also code all of these, so they stay coded");
    } else {
        rep_buf_puts(b, "; of these only ");
        rep_brief_criteria(b, m, &rf->clears);
        rep_buf_puts(b, " would no longer be coded (other findings code the rest)");
    }
}

/* "id F1, id F2": the provisions of a repeal set, each with its finding number when shown. */
static void repeal_list(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const ilo_brief_target *t)
{
    const ilo_result *r = doc->result;
    for (size_t i = 0; i < t->n_repeal; i++) {
        rep_buf_printf(b, "%s%s", i ? ", " : "", doc->profile->items[t->repeal[i]].id);
        for (size_t f = 0; f < r->n_findings; f++)
            if (r->findings[f].item == t->repeal[i] && v->rec->number[f]) {
                rep_buf_puts(b, " ");
                finding_ref(b, v, f);
            }
    }
}

static void rep_brief_target(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const ilo_brief_verdict *vd)
{
    const ilo_brief_target *t = &vd->target;
    const ilo_result *r = doc->result;
    switch (t->status) {
    case ILO_BRIEF_TARGET_NONE: return;
    case ILO_BRIEF_TARGET_LIMIT:
        rep_buf_puts(b, "Repeal search: too many provisions to search exactly; not answered.");
        return;
    case ILO_BRIEF_TARGET_FORCED:
        rep_buf_puts(b, "Repeal search: an incident codes an all-encompassing criterion, so no repeal of a law "
                        "provision lowers this concern; what would address it is ending that practice.");
        return;
    case ILO_BRIEF_TARGET_PRACTICE:
        rep_buf_puts(b, "Repeal search: only incidents code it; no repeal of a law provision changes it. What "
                        "would address it is ending the practices reported in ");
        for (size_t i = 0, n = 0; i < vd->n_findings; i++) {
            const ilo_item *it = &doc->profile->items[r->findings[vd->findings[i]].item];
            if (it->kind != ILO_ITEM_INCIDENT) continue;
            rep_buf_puts(b, n++ ? ", " : "");
            finding_ref(b, v, vd->findings[i]);
        }
        rep_buf_putc(b, '.');
        return;
    case ILO_BRIEF_TARGET_UNSCORED:
        rep_buf_puts(b, "Repeal search: its coded criteria carry no weight in this method's score, so no repeal "
                        "lowers the score; repealing ");
        repeal_list(b, doc, v, t);
        rep_buf_puts(b, " would end what the law contributes to it.");
        return;
    case ILO_BRIEF_TARGET_CLEARS:
    case ILO_BRIEF_TARGET_PARTIAL: break;
    }
    rep_buf_printf(b, "Repeal search: repealing %zu provision%s (", t->n_repeal, t->n_repeal == 1 ? "" : "s");
    repeal_list(b, doc, v, t);
    if (t->status == ILO_BRIEF_TARGET_CLEARS)
        rep_buf_puts(b, "), the smallest such set, would leave none of its criteria coded");
    else
        rep_buf_printf(b, "), the smallest set that removes everything the law contributes, would leave %zu of its "
                          "criteria coded by incidents",
                       t->after.n_coded);
    rep_buf_puts(b, ": score ");
    rep_buf_hundredths(b, ilo_round2(t->after.score));
    rep_buf_printf(b, ", concern %s (%s).", ilo_concern_name(t->after.concern), t->after.why);
}

static void rep_brief_bottom_line(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    const ilo_method *me = &m->methods[r->method];
    const ilo_band *band = ilo_result_band(m, r);
    rep_buf_puts(b, "Overall score ");
    rep_buf_hundredths(b, ilo_result_score_hundredths(r));
    rep_buf_printf(b, " on 0 (best) to 10 (worst) under %s", me->id);
    if (r->forced) rep_buf_puts(b, " (forced to the worst: an all-encompassing criterion is coded)");
    if (band) rep_buf_printf(b, ", rating %s (%s)", band->rating, band->label);
    rep_buf_putc(b, '.');
    const ilo_trend *t = doc->trend;
    if (t && t->n >= 2 && t->years[t->n - 1]->year == r->year) {
        const ilo_result *before = t->years[t->n - 2];
        int64_t d = ilo_result_score_hundredths(r) - ilo_result_score_hundredths(before);
        rep_buf_printf(b, " Since %d: ", before->year);
        if (d == 0) rep_buf_puts(b, "no change.");
        else {
            rep_buf_puts(b, d > 0 ? "+" : "");
            rep_buf_hundredths(b, d);
            rep_buf_puts(b, d > 0 ? " (worse)." : " (better).");
        }
    }
    rep_buf_printf(b, " Of the regime's %zu criteria: %zu high, %zu medium, %zu low, %zu none found, %zu not assessed",
                   br->n_verdicts, br->count[ILO_CONCERN_HIGH], br->count[ILO_CONCERN_MEDIUM],
                   br->count[ILO_CONCERN_LOW], br->count[ILO_CONCERN_NONE], br->count[ILO_CONCERN_NOT_ASSESSED]);
    if (br->count[ILO_CONCERN_OUTSIDE])
        rep_buf_printf(b, ", %zu outside this engine's scope", br->count[ILO_CONCERN_OUTSIDE]);
    rep_buf_putc(b, '.');
    if (br->worst >= ILO_CONCERN_LOW) {
        rep_buf_printf(b, " Highest concern: %s (", ilo_concern_name(br->worst));
        criteria_at(b, doc, br->worst);
        rep_buf_puts(b, ").");
    } else if (br->worst == ILO_CONCERN_NONE) {
        rep_buf_puts(b, " Nothing is coded in the criteria examined.");
    }
    size_t n = 0;
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
        for (size_t i = 0; i < rc->n_conventions; i++) {
            if (vd->ratified[i] != ILO_RAT_NOT_RATIFIED && vd->ratified[i] != ILO_RAT_DENOUNCED) continue;
            if (!n++) rep_buf_printf(b, " Not ratified at the end of %d: ", r->year);
            else rep_buf_puts(b, ", ");
            rep_buf_printf(b, "%s (%s)",
                           m->conventions[rc->conventions[i]].id, rc->id);
        }
    }
    if (n) rep_buf_putc(b, '.');
}

/* ---- the document ---- */

static const char *concern_id(ilo_concern c)
{
    static const char *const ids[ILO_CONCERN__COUNT] = {"outside_scope", "not_assessed", "none", "low", "medium", "high"};
    return (unsigned)c < ILO_CONCERN__COUNT ? ids[c] : "?";
}

/* By ilo_brief_target_status: none, clears, partial, practice, forced, limit, unscored. */
static const char *target_id(ilo_brief_target_status s)
{
    static const char *const ids[] = {NULL,           "clears",       "partial",      "practice_only",
                                      "all_encompassing_practice", "search_limit", "outside_score"};
    return (unsigned)s < sizeof ids / sizeof ids[0] ? ids[s] : NULL;
}

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
    REP_CELLS(d, t, row, at, rep_v_int((int64_t)ms->n_criteria), rep_v_int((int64_t)ms->n_coded),
              rep_v_int((int64_t)ms->n_clear), rep_v_int((int64_t)ms->n_not_assessed),
              rep_v_hundredths(ms->raw_hundredths), rep_v_hundredths(ms->total_hundredths),
              none ? rep_v_null() : rep_v_hundredths(ilo_round2(ms->score)), rep_v_bool(ms->all_encompassing),
              rep_v_bool(ms->grave), rep_v_text(concern_id(ms->concern)), rep_v_text(ms->why));
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
        const char **amends = rep_doc_alloc(d, (op->n_criteria + 1) * sizeof *amends);
        for (size_t k = 0; amends && k < op->n_criteria; k++) amends[k] = m->criteria[op->criteria[k]].id;
        size_t n_removes, n_clears;
        const char *const *removes = rep_criteria_ids(d, m, &rf->removes, &n_removes);
        const char *const *clears = rep_criteria_ids(d, m, &rf->clears, &n_clears);
        REP_ROW(d, t, rep_v_text(sc->id), rep_v_text(sc->title), rep_v_int((int64_t)rf->op + 1),
                rep_v_text(op->kind == ILO_OP_REPEAL ? "repeal" : op->kind == ILO_OP_AMEND ? "amend" : "end-incident"),
                rep_v_text(m->items[op->target].id), rep_v_text(op->date.text),
                op->kind == ILO_OP_AMEND ? rep_v_ids(amends, op->n_criteria) : rep_v_absent(),
                rep_v_ids(removes, n_removes), rep_v_ids(clears, n_clears));
    }
    return rep_v_table(t);
}

static rep_value repeal_search(rep_doc *d, const rep_brief_doc *in, const ilo_brief_target *tg)
{
    if (tg->status == ILO_BRIEF_TARGET_NONE) return rep_v_null();
    static const rep_column c[] = {{"status", NULL, NULL, REP_COL_ENUM}, {"repeal", NULL, NULL, REP_COL_ID},
                                   {"after", NULL, NULL, REP_COL_ID}};
    rep_node *t = rep_table_detached(d, c, 3), *after = NULL;
    const char **ids = rep_doc_alloc(d, (tg->n_repeal + 1) * sizeof *ids);
    for (size_t i = 0; ids && i < tg->n_repeal; i++) ids[i] = in->profile->items[tg->repeal[i]].id;
    if (tg->status == ILO_BRIEF_TARGET_CLEARS || tg->status == ILO_BRIEF_TARGET_PARTIAL) {
        after = rep_table_detached(d, measure_cols, N_MEASURE);
        measure_cells(d, after, rep_row(d, after), 0, &tg->after);
    }
    REP_ROW(d, t, rep_v_text(target_id(tg->status)), rep_v_ids(ids, tg->n_repeal), rep_v_object(after));
    return rep_v_object(t);
}

/* ---- the verdicts ---- */

enum { V_ID, V_LABEL, V_SCOPE, V_NOTE, V_CONV, V_GROUPS, V_MEASURE };

static void verdicts(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_model *m = in->model;
    const ilo_brief *br = in->brief;
    rep_column c[V_MEASURE + N_MEASURE + 9] = {
        {"id", "Criterion", NULL, REP_COL_ID}, {"label", NULL, NULL, REP_COL_TEXT},
        {"scope", NULL, NULL, REP_COL_ENUM},   {"note", NULL, NULL, REP_COL_TEXT},
        {"conventions", NULL, NULL, REP_COL_ID}, {"groups", NULL, NULL, REP_COL_ID},
    };
    static const rep_column after[] = {
        {"coded_criteria", NULL, NULL, REP_COL_ID}, {"findings", NULL, NULL, REP_COL_ID},
        {"reforms", NULL, NULL, REP_COL_ID},        {"repeal_search", NULL, NULL, REP_COL_ID},
        {NULL, "Criteria (coded, clear, not assessed)", NULL, REP_COL_ID}, {NULL, "Findings", NULL, REP_COL_ID},
        {NULL, "Verdict", NULL, REP_COL_TEXT},      {NULL, "Concern", NULL, REP_COL_ENUM},
    };
    size_t n = V_MEASURE;
    for (size_t k = 0; k < N_MEASURE; k++) c[n++] = measure_cols[k];
    c[V_MEASURE + 6].label = "Score";
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) c[n++] = after[k];
    rep_node *s = rep_section(d, root, NULL, "Verdicts by regime criterion");
    rep_node *t = rep_table(d, s, "verdicts", c, n);
    static const rep_column conv[] = {{"id", NULL, NULL, REP_COL_ID}, {"ratification", NULL, NULL, REP_COL_ENUM}};
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(in, vd);
        rep_node *ct = rep_table_detached(d, conv, 2);
        for (size_t i = 0; i < rc->n_conventions; i++)
            REP_ROW(d, ct, rep_v_text(m->conventions[rc->conventions[i]].id),
                    rep_v_text(rep_ratification(m, in->result->country, rc->conventions[i], in->result->year)));
        const char **groups = rep_doc_alloc(d, (rc->n_groups + 1) * sizeof *groups);
        for (size_t i = 0; groups && i < rc->n_groups; i++) groups[i] = m->groups[rc->groups[i]].id;
        size_t row = REP_ROW(d, t, rep_v_id(rc->id), rep_v_text(rc->label), rep_v_text(rc->outside ? "outside" : "engine"),
                             rep_v_text(rc->note), rep_v_table(ct), rep_v_ids(groups, rc->n_groups));
        measure_cells(d, t, row, V_MEASURE, &vd->measure);
        rep_buf counts = REP_BUF_INIT, nums = REP_BUF_INIT, text = REP_BUF_INIT;
        const ilo_brief_measure *ms = &vd->measure;
        if (ms->concern != ILO_CONCERN_OUTSIDE)
            rep_buf_printf(&counts, "%zu coded, %zu clear, %zu not assessed of %zu", ms->n_coded, ms->n_clear,
                           ms->n_not_assessed, ms->n_criteria);
        for (size_t i = 0; i < vd->n_findings; i++)
            rep_buf_printf(&nums, "%sF%zu", i ? ", " : "", v->rec->number[vd->findings[i]]);
        rep_buf_printf(&text, "%s.", rc->label);
        if (rc->n_conventions) {
            rep_buf_puts(&text, " Conventions: ");
            rep_brief_ratification(&text, in, vd);
            rep_buf_putc(&text, '.');
        }
        if (vd->measure.concern != ILO_CONCERN_OUTSIDE) rep_buf_printf(&text, " Why: %s", vd->measure.why);
        else rep_buf_puts(&text, " Not examined.");
        size_t nc;
        const char *const *coded = rep_criteria_ids(d, m, &vd->coded, &nc);
        const char **items = rep_doc_alloc(d, (vd->n_findings + 1) * sizeof *items);
        for (size_t i = 0; items && i < vd->n_findings; i++)
            items[i] = in->profile->items[in->result->findings[vd->findings[i]].item].id;
        REP_CELLS(d, t, row, V_MEASURE + N_MEASURE, rep_v_ids(coded, nc), rep_v_ids(items, vd->n_findings),
                  reforms(d, in, vd), repeal_search(d, in, &vd->target), rep_v_text(rep_doc_take(d, &counts)),
                  rep_v_text(rep_doc_take(d, &nums)),
                  rep_v_text(rep_doc_take(d, &text)), rep_v_text(ilo_concern_name(vd->measure.concern)));
    }
    rep_people_para(d, s, REP_RULE, "Concern rule", ilo_brief_rule);
}

/* ---- findings, record, trend, published ---- */

static void findings(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_model *m = in->model;
    const ilo_brief *br = in->brief;
    /* JSON: number, item, share, critical, bears_on, sources, also_reported_by: the brief has no
     * criteria list here, bears_on takes its place. */
    rep_column c[2 + REP_ITEM_NCOLS + 2] = {{"number", NULL, NULL, REP_COL_NUMBER}, {NULL, "#", NULL, REP_COL_ID}};
    for (size_t k = 0; k < REP_ITEM_NCOLS; k++)
        c[2 + k] = k == REP_ITEM_FIELDS + 2 ? (rep_column){"bears_on", NULL, NULL, REP_COL_ID} : rep_item_cols[k];
    c[2 + REP_ITEM_NCOLS] = (rep_column){"also_reported_by", NULL, NULL, REP_COL_ID};
    c[2 + REP_ITEM_NCOLS + 1] = (rep_column){NULL, "Bears on", NULL, REP_COL_ID};
    rep_node *s = rep_section(d, root, NULL, "Key findings (the evidence behind the verdicts)");
    rep_node *t = rep_table(d, s, "findings", c, sizeof c / sizeof c[0]);
    for (size_t i = 0; i < v->rec->n_findings; i++) {
        const ilo_finding *f = &in->result->findings[v->rec->findings[i]];
        const ilo_item *it = &in->profile->items[f->item];
        /* bears_on: one key per regime criterion the finding codes, its criteria coded there. */
        rep_column *bc = rep_doc_alloc(d, (br->n_verdicts + 1) * sizeof *bc);
        rep_value *bv = rep_doc_alloc(d, (br->n_verdicts + 1) * sizeof *bv);
        size_t nb = 0, nc;
        rep_buf people = REP_BUF_INIT;
        for (size_t k = 0; bc && bv && k < br->n_verdicts; k++) {
            const ilo_brief_verdict *vd = &br->verdicts[k];
            if (!ilo_brief_touches(vd, v->rec->findings[i])) continue;
            ilo_bitset on = f->criteria;
            for (size_t x = 0; x < ILO_BITSET_WORDS; x++) on.w[x] &= vd->coded.w[x];
            const char *const *ids = rep_criteria_ids(d, m, &on, &nc);
            bc[nb] = (rep_column){rep_brief_criterion(in, vd)->id, NULL, NULL, REP_COL_ID};
            bv[nb++] = rep_v_ids(ids, nc);
            rep_buf_printf(&people, "%s%s (", nb > 1 ? "; " : "", rep_brief_criterion(in, vd)->id);
            rep_brief_criteria(&people, m, &on);
            rep_buf_putc(&people, ')');
        }
        rep_node *bt = rep_table_detached(d, bc, nb);
        rep_row_of(d, bt, bv, nb);
        size_t *also = rep_doc_alloc(d, (it->n_sources + 1) * sizeof *also);
        size_t na = also ? ilo_brief_also_reported(f, it, also) : 0;
        size_t row = REP_ROW(d, t, rep_v_int((int64_t)i + 1), rep_v_text(rep_doc_printf(d, "F%zu", i + 1)));
        rep_item_cells(d, t, row, 2, m, it, NULL, NULL);
        REP_CELLS(d, t, row, 2 + REP_ITEM_FIELDS, rep_v_hundredths(f->share_hundredths), rep_v_bool(f->critical),
                  rep_v_object(bt), rep_sources_value(d, m, &v->cites, f->sources, f->n_sources),
                  rep_v_text(rep_cite_marks(d, &v->cites, f->sources, f->n_sources)),
                  rep_sources_value(d, m, &v->cites, also, na), rep_v_text(rep_doc_take(d, &people)));
    }
    if (!v->rec->n_findings)
        rep_people_para(d, s, REP_PLAIN, NULL, "None: no item codes a criterion of this regime in this year.");
    rep_people_para(d, s, REP_CAVEAT, "Sources",
                    "the admissible sources that make the item count this year under the method.");
}

/* The years of trend t: the total and, per regime criterion the engine examines, its score and
 * concern level. */
static void trend(rep_doc *d, rep_node *root, const rep_brief_doc *in, const ilo_trend *t)
{
    const ilo_brief *br = in->brief;
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
        size_t col = 2;
        size_t row = REP_ROW(d, tb, rep_v_int(t->years[i]->year), rep_v_hundredths(ilo_result_score_hundredths(t->years[i])));
        for (size_t k = 0; k < br->n_verdicts; k++) {
            if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) continue;
            ilo_brief_measure ms;
            ilo_brief_measure_of(in->model, br->regime, br->verdicts[k].criterion, t->years[i], &ms);
            bool na = ms.concern == ILO_CONCERN_NOT_ASSESSED;
            const char *shown = na ? "n.a."
                                   : rep_doc_printf(d, "%s %s", rep_doc_hundredths(d, ilo_round2(ms.score)),
                                                    ilo_concern_name(ms.concern));
            REP_CELLS(d, tb, row, col, na ? rep_v_null() : rep_v_hundredths(ilo_round2(ms.score)),
                      rep_v_text(concern_id(ms.concern)), rep_v_text(shown));
            col += 3;
        }
    }
    rep_people_para(d, s, REP_RULE, NULL, rep_slope_text(d, t));
}

/* Each year of the look-back: the computed score, and each published figure as an object for
 * programs and its value with citation marks for people. */
static void published(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    static const rep_column c[] = {
        {"year", "Year", NULL, REP_COL_ID}, {"computed", "Computed", NULL, REP_COL_NUMBER},
        {"sdg-8.8.2", NULL, NULL, REP_COL_ID}, {"ituc", NULL, NULL, REP_COL_ID},
        {NULL, "SDG 8.8.2 (published)", NULL, REP_COL_ENUM}, {NULL, "ITUC (published)", NULL, REP_COL_TEXT},
    };
    static const rep_column figure[] = {
        {"measure", NULL, NULL, REP_COL_ID}, {"year", NULL, NULL, REP_COL_NUMBER}, {"value", NULL, NULL, REP_COL_TEXT},
        {"status", NULL, NULL, REP_COL_ENUM}, {"note", NULL, NULL, REP_COL_TEXT}, {"sources", NULL, NULL, REP_COL_ID},
    };
    const ilo_result *r = in->result;
    rep_node *s = rep_section(d, root, NULL,
                              "Published figures beside the computed score (as published by others; never fed into the score)");
    rep_node *t = rep_table(d, s, "published", c, 6);
    for (int y = v->rec->from; y <= v->rec->year; y++) {
        const ilo_result *yr = y == r->year ? r : NULL;
        for (size_t i = 0; !yr && in->trend && i < in->trend->n; i++)
            if (in->trend->years[i]->year == y) yr = in->trend->years[i];
        size_t row = REP_ROW(d, t, rep_v_int(y), yr ? rep_v_hundredths(ilo_result_score_hundredths(yr)) : rep_v_null());
        for (size_t k = 0; k < ILO_N_MEASURES; k++) {
            const ilo_published *p = ilo_country_published(in->model, r->country, ilo_measure_name(k), y);
            rep_node *o = p ? rep_table_detached(d, figure, 6) : NULL;
            if (o) rep_published_cells(d, o, rep_row(d, o), in->model, &v->cites, p, false);
            rep_cell(d, t, row, 2 + k, rep_v_object(o));
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
            rep_buf_puts(&b, i + 1 < vd->n_reforms ? "; " : ". ");
        }
        rep_brief_target(&b, in, v, vd);
        rep_span_add(d, l, REP_MARK_NONE, rep_doc_take(d, &b));
    }
    if (!shown) rep_span_add(d, l, REP_MARK_NONE, "None: no criterion of the regime has a coded criterion this year.");
    for (size_t i = 0; i < v->rec->n_scenarios; i++) {
        const ilo_scenario *sc = &in->model->scenarios[v->rec->scenarios[i]];
        rep_span_add(d, l, REP_MARK_NONE,
                     rep_doc_printf(d, "Scenario cited (this project's data, scenarios/): %s (effective %s): %s", sc->id,
                                    sc->effective.text, sc->title));
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
        if (b.len) rep_span_add(d, l, REP_MARK_NONE, rep_doc_take(d, &b));
        rep_buf_free(&b);
    }
    if (br->count[ILO_CONCERN_OUTSIDE]) {
        rep_buf b = REP_BUF_INIT;
        rep_buf_puts(&b, "Outside this engine's scope (listed by the regime, not examined, never read as met): ");
        criteria_at(&b, in, ILO_CONCERN_OUTSIDE);
        rep_buf_putc(&b, '.');
        rep_span_add(d, l, REP_MARK_NONE, rep_doc_take(d, &b));
    }
    if (l && !l->n_text) rep_span_add(d, l, REP_MARK_NONE, "None.");
}

static void caveat(rep_doc *d, rep_node *root, const rep_brief_doc *in)
{
    const ilo_method *me = &in->model->methods[in->result->method];
    const ilo_regime *rg = rep_brief_regime(in);
    rep_node *s = rep_section(d, root, "caveat", "Caveat");
    size_t n = 0, na = 0;
    while (rep_brief_caveats[n]) n++;
    const char **adm = rep_doc_alloc(d, (ILO_SRC__COUNT + 1) * sizeof *adm);
    for (int k = 0; adm && k < ILO_SRC__COUNT; k++)
        if ((me->admissible >> k) & 1) adm[na++] = ilo_source_kind_name((ilo_source_kind)k);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, s, NULL), REP_PROGRAMS),
                   {"ilo_quote", NULL, NULL, rep_v_text(rep_brief_ilo_quote)},
                   {"ilo_quote_source", NULL, NULL, rep_v_text(rep_brief_ilo_quote_source)},
                   {"notes", NULL, NULL, rep_v_ids(rep_brief_caveats, n)}, {"admissible", NULL, NULL, rep_v_ids(adm, na)},
                   {"regime_note", NULL, NULL, rep_v_text(rg->note)});
    rep_people_para(d, s, REP_CAUTION, NULL,
                    rep_doc_printf(d, "%s: \"%s.\"", rep_brief_ilo_quote_source, rep_brief_ilo_quote));
    for (size_t i = 0; i < n; i++) rep_people_para(d, s, REP_PLAIN, NULL, rep_brief_caveats[i]);
    rep_buf b = REP_BUF_INIT;
    rep_buf_printf(&b, "Evidence admitted under %s: ", me->id);
    for (size_t i = 0; i < na; i++) rep_buf_printf(&b, "%s%s", i ? ", " : "", adm[i]);
    rep_buf_puts(&b, "; other sources are cited but do not code criteria.");
    rep_people_para(d, s, REP_PLAIN, NULL, rep_doc_take(d, &b));
    if (rg->note)
        rep_people_para(d, s, REP_PLAIN, "About the regime (from its data file)", rg->note);
}

/* The concern rule with its thresholds, the count of verdicts per level (highest first) and the
 * worst level: what programs need to read the verdicts. */
static void concerns(rep_doc *d, rep_node *root, const ilo_brief *br)
{
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "concern_rule"), REP_PROGRAMS),
                   {"text", NULL, NULL, rep_v_text(ilo_brief_rule)},
                   {"high_score", NULL, NULL, rep_v_hundredths(ILO_BRIEF_HIGH_SCORE_HUNDREDTHS)},
                   {"medium_score", NULL, NULL, rep_v_hundredths(ILO_BRIEF_MEDIUM_SCORE_HUNDREDTHS)},
                   {"high_share_percent", NULL, NULL, rep_v_int(ILO_BRIEF_HIGH_SHARE_PCT)},
                   {"medium_share_percent", NULL, NULL, rep_v_int(ILO_BRIEF_MEDIUM_SHARE_PCT)},
                   {"civil_liberties_group", NULL, NULL, rep_v_text(ILO_BRIEF_GRAVE_GROUP)});
    rep_node *g = rep_only(rep_fields(d, root, "concerns"), REP_PROGRAMS);
    for (int c = ILO_CONCERN__COUNT - 1; c >= 0; c--)
        rep_field_add(d, g, concern_id((ilo_concern)c), NULL, NULL, rep_v_int((int64_t)br->count[c]));
    rep_key(d, root, "worst", rep_v_text(concern_id(br->worst)));
}

/* ---- applicability, review period, progress, disputed: the same sentences for people, fields
 * and tables for programs ---- */

static void review(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_result *r = in->result;
    rep_buf b = REP_BUF_INIT;
    rep_brief_applicability(&b, in, v);
    const char *applicability = rep_doc_take(d, &b);
    rep_brief_period(&b, in);
    const char *period = rep_doc_take(d, &b);
    rep_people_para(d, root, REP_PLAIN, "Applicability", applicability);
    rep_people_para(d, root, REP_PLAIN, "Review period", period);
    bool sdg = in->sdg && ilo_result_assessed(in->model, in->sdg);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "applicability"), REP_PROGRAMS),
                   {"in_force", NULL, NULL, rep_v_text(ilo_answer_name(in->standing.in_force))},
                   {"standing", NULL, NULL, rep_v_text(ilo_benefit_name(in->standing.benefit))},
                   {"applies", NULL, NULL, rep_v_text(ilo_answer_name(in->standing.applies))},
                   {"text", NULL, NULL, rep_v_text(applicability)});
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "review_period"), REP_PROGRAMS),
                   {"from", NULL, NULL, rep_v_int(in->window_from ? in->window_from : r->year)},
                   {"to", NULL, NULL, rep_v_int(r->year)}, {"as_of_is_cutoff", NULL, NULL, rep_v_bool(in->as_of_given)},
                   {"sdg_score", NULL, NULL, sdg ? rep_v_hundredths(ilo_result_score_hundredths(in->sdg)) : rep_v_null()},
                   {"text", NULL, NULL, rep_v_text(period)});
}

/* Recommendations and law changes: one sentence each, which people read as a list item and
 * programs as the "text" of its row. */
static void progress(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    static const rep_column rc[] = {
        {"id", NULL, NULL, REP_COL_ID},     {"body", NULL, NULL, REP_COL_ENUM},   {"date", NULL, NULL, REP_COL_ID},
        {"asked", NULL, NULL, REP_COL_TEXT}, {"status", NULL, NULL, REP_COL_ENUM}, {"status_since", NULL, NULL, REP_COL_ID},
        {"text", NULL, NULL, REP_COL_TEXT},
    };
    static const rep_column lc[] = {{"provision", NULL, NULL, REP_COL_ID}, {"date", NULL, NULL, REP_COL_ID},
                                    {"change", NULL, NULL, REP_COL_ENUM}, {"text", NULL, NULL, REP_COL_TEXT}};
    const ilo_brief_record *rec = v->rec;
    rep_node *ps = rep_only(rep_section(d, root, NULL, "Progress: recommendations and their status, law changes in the review period"),
                            REP_PEOPLE);
    rep_node *l = rep_list(d, ps, NULL);
    rep_node *s = rep_only(rep_section(d, root, "progress", NULL), REP_PROGRAMS);
    rep_node *t = rep_table(d, s, "recommendations", rc, sizeof rc / sizeof rc[0]);
    for (size_t i = 0; i < rec->n_recs; i++) {
        const ilo_recommendation *r = rec->recs[i].rec;
        const ilo_rec_status *st = rec->recs[i].status;
        const char *text = rep_brief_rec(d, in, v, i);
        rep_span_add(d, l, REP_MARK_NONE, text);
        REP_ROW(d, t, rep_v_text(r->id), rep_v_text(r->body), rep_v_text(r->date.text), rep_v_text(r->asked),
                rep_v_text(ilo_rec_state_name(st->state)), rep_v_text(st->date.text), rep_v_text(text));
    }
    if (!rec->n_recs) rep_span_add(d, l, REP_MARK_NONE, "No recommendation recorded in the data by the as-of day.");
    t = rep_table(d, s, "law_changes", lc, sizeof lc / sizeof lc[0]);
    for (size_t i = 0; i < rec->n_laws; i++) {
        const char *text = rep_brief_law(d, in, v, i);
        rep_span_add(d, l, REP_MARK_NONE, text);
        REP_ROW(d, t, rep_v_text(in->profile->items[rec->laws[i].item].id), rep_v_text(rec->laws[i].date->text),
                rep_v_text(law_how(&rec->laws[i])), rep_v_text(text));
    }
    if (!rec->n_laws) rep_span_add(d, l, REP_MARK_NONE, "No provision entered into force or stopped in the review period.");
}

/* The recorded conflicts bearing on what the brief shows, with the choice made. */
static void disputed(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    static const rep_column c[] = {{"id", NULL, NULL, REP_COL_ID},     {"about", NULL, NULL, REP_COL_ID},
                                   {"field", NULL, NULL, REP_COL_TEXT}, {"used", NULL, NULL, REP_COL_TEXT},
                                   {"note", NULL, NULL, REP_COL_TEXT},  {"text", NULL, NULL, REP_COL_TEXT}};
    const ilo_country *co = &in->model->countries[in->result->country];
    rep_node *l = rep_list(d, rep_only(rep_section(d, root, NULL, "Disputed or uncertain"), REP_PEOPLE), NULL);
    rep_node *s = rep_only(rep_section(d, root, NULL, NULL), REP_PROGRAMS);
    rep_node *t = rep_table(d, s, "disputed", c, sizeof c / sizeof c[0]);
    for (size_t i = 0; i < v->rec->n_conflicts; i++) {
        const ilo_conflict *cf = &co->conflicts[v->rec->conflicts[i]];
        const char *text = rep_brief_conflict(d, v, cf);
        rep_span_add(d, l, REP_MARK_NONE, text);
        REP_ROW(d, t, rep_v_text(cf->id), rep_v_text(cf->about), rep_v_text(cf->field), rep_v_text(cf->used),
                rep_v_text(cf->note), rep_v_text(text));
    }
    if (!v->rec->n_conflicts)
        rep_span_add(d, l, REP_MARK_NONE, "No recorded conflict between sources bears on what this brief shows.");
}

/* For a regime of conventions (one with conventions outside this engine, EU GSP+): each with its
 * ratification as the data records it, its concern level and the monitoring body's latest text;
 * for EU GSP+ the Article 15 question framed. */
static void conventions(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    const ilo_model *m = in->model;
    const ilo_brief *br = in->brief;
    const ilo_regime *rg = rep_brief_regime(in);
    if (!br->count[ILO_CONCERN_OUTSIDE]) return; /* concern "outside scope": the criterion is outside */
    static const rep_column c[] = {
        {"id", "Convention", NULL, REP_COL_ID},      {"ratification", "Ratification", NULL, REP_COL_TEXT},
        {"concern", NULL, NULL, REP_COL_ENUM},      {"latest_ceacr", NULL, NULL, REP_COL_ID},
        {NULL, "Latest CEACR text in the data", NULL, REP_COL_TEXT}, {NULL, "Concern", NULL, REP_COL_TEXT},
    };
    rep_node *s = rep_section(d, root, NULL, "The regime's conventions: ratification and the monitoring bodies' latest word");
    rep_node *t = rep_table(d, s, "conventions", c, sizeof c / sizeof c[0]);
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(in, vd);
        size_t src = v->rec->latest[vd->criterion];
        rep_buf rat = REP_BUF_INIT, latest = REP_BUF_INIT;
        if (rc->n_conventions) rep_brief_ratification(&rat, in, vd);
        else rep_buf_puts(&rat, "not recorded in the data");
        if (src != SIZE_MAX)
            rep_buf_printf(&latest, "%s, %s [%zu]", m->sources[src].title, m->sources[src].date.text, v->cites.num[src]);
        else
            rep_buf_puts(&latest, rc->outside ? "outside this engine: not examined" : "none by the as-of day");
        REP_ROW(d, t, rep_v_text(rc->id), rep_v_text(rep_doc_take(d, &rat)), rep_v_text(concern_id(vd->measure.concern)),
                src != SIZE_MAX ? rep_v_text(m->sources[src].id) : rep_v_null(), rep_v_text(rep_doc_take(d, &latest)),
                rep_v_text(ilo_concern_name(vd->measure.concern)));
    }
    if (strcmp(rg->id, "eu-gsp-plus") == 0)
        rep_para_text(d, s, "article_15", REP_PLAIN, "The Article 15 question",
                      "Under the GSP+ arrangement the preferences may be withdrawn temporarily when a beneficiary "
                      "seriously fails to implement effectively the conventions it has ratified; the Commission's "
                      "monitoring relies on the conclusions of each convention's own monitoring body. This brief "
                      "does not answer that question. For each ILO convention it gives what an official would weigh: "
                      "the ratification, the concern level found above (this project's rule, not a monitoring body's "
                      "finding) and the latest CEACR text in the data by the as-of day, to be read in full. For the "
                      "other nineteen conventions the data record neither ratification nor monitoring.");
}

/* The sources published after the as-of day, named before the list (the shared list has no
 * place for a remark per source): a brief read on all the evidence may use later texts. */
static void later_sources(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v)
{
    rep_buf b = REP_BUF_INIT;
    size_t n = 0;
    for (size_t i = 0; i < v->cites.n; i++) {
        const ilo_date *dt = &in->model->sources[v->cites.order[i]].date;
        if (dt->prec && dt->first > in->standing.day) rep_buf_printf(&b, "%s[%zu]", n++ ? " " : "", i + 1);
    }
    if (!n) {
        rep_buf_free(&b);
        return;
    }
    const char *list = rep_doc_take(d, &b);
    rep_para_text(d, root, "sources_after_as_of", REP_PLAIN, "Published after the as-of day",
                  rep_doc_printf(d, "%s %s came out after the day this brief speaks for; --as-of leaves %s out.",
                                 n == 1 ? "Source" : "Sources", list, n == 1 ? "it" : "them"));
}

/* ---- CSV: the year's rows, the regime, the verdicts; then the years before ---- */

/* CSV's rows "PREFIXcoded", "PREFIXclear", "PREFIXnot_assessed": how many criteria are so. */
static void csv_counts(rep_doc *d, rep_node *f, const char *prefix, size_t coded, size_t clear, size_t not_assessed)
{
    REP_ADD_FIELDS(d, f, {NULL, NULL, rep_doc_printf(d, "%scoded", prefix), rep_v_int((int64_t)coded)},
                   {NULL, NULL, rep_doc_printf(d, "%sclear", prefix), rep_v_int((int64_t)clear)},
                   {NULL, NULL, rep_doc_printf(d, "%snot_assessed", prefix), rep_v_int((int64_t)not_assessed)});
}

/* The brief's own rows of the year (full: the brief's year): its standing, recommendations and
 * law changes. */
static void csv_standing(rep_doc *d, rep_node *f, const rep_brief_doc *in, const rep_brief_view *v)
{
    REP_ADD_FIELDS(d, f, {NULL, NULL, "brief:regime", rep_v_text(rep_brief_regime(in)->id)},
                   {NULL, NULL, "brief:in_force", rep_v_text(ilo_answer_name(in->standing.in_force))},
                   {NULL, NULL, "brief:standing", rep_v_text(ilo_benefit_name(in->standing.benefit))},
                   {NULL, NULL, "brief:applies", rep_v_text(ilo_answer_name(in->standing.applies))},
                   {NULL, NULL, "brief:period_from", rep_v_int(in->window_from ? in->window_from : in->result->year)});
    for (size_t i = 0; i < v->rec->n_recs; i++)
        rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "brief:recommendation:%s", v->rec->recs[i].rec->id),
                      rep_v_text(ilo_rec_state_name(v->rec->recs[i].status->state)));
    for (size_t i = 0; i < v->rec->n_laws; i++) {
        const ilo_brief_law *l = &v->rec->laws[i];
        rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "brief:law_change:%s", in->profile->items[l->item].id),
                      rep_v_text(rep_doc_printf(d, "%s %s", law_how(l), l->date->text)));
    }
}

/* A regime criterion measured on r: its concern and score; with full its counts and the
 * ratification of its conventions too. */
static void csv_verdict(rep_doc *d, rep_node *f, const rep_brief_doc *in, const ilo_result *r, size_t k, bool full)
{
    const ilo_model *m = in->model;
    const ilo_regime_criterion *rc = &rep_brief_regime(in)->criteria[k];
    const char *p = rep_doc_printf(d, "brief:%s:", rc->id);
    ilo_brief_measure ms;
    ilo_brief_measure_of(m, in->brief->regime, k, r, &ms);
    rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%sconcern", p), rep_v_text(concern_id(ms.concern)));
    if (ms.concern != ILO_CONCERN_OUTSIDE && ms.concern != ILO_CONCERN_NOT_ASSESSED)
        rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%sscore", p), rep_v_hundredths(ilo_round2(ms.score)));
    if (!full) return;
    if (ms.concern != ILO_CONCERN_OUTSIDE) csv_counts(d, f, p, ms.n_coded, ms.n_clear, ms.n_not_assessed);
    for (size_t i = 0; i < rc->n_conventions; i++)
        rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "%sratification:%s", p, m->conventions[rc->conventions[i]].id),
                      rep_v_text(rep_ratification(m, r->country, rc->conventions[i], r->year)));
}

/* The CSV rows of year r (full: the brief's year, with everything; the years before: the scores,
 * published figures and the concern of the criteria the engine examines). */
static void csv_year(rep_doc *d, rep_node *root, const rep_brief_doc *in, const rep_brief_view *v, const ilo_result *r,
                     bool full)
{
    const ilo_model *m = in->model;
    const ilo_band *band = ilo_result_band(m, r);
    rep_node *f = rep_only(rep_fields(d, root, NULL), REP_PROGRAMS);
    if (f) f->scope.year = r->year;
    size_t n[3];
    ilo_result_status_counts(m, r, n);
    REP_ADD_FIELDS(d, f, {NULL, NULL, "score", rep_v_hundredths(ilo_result_score_hundredths(r))},
                   {NULL, NULL, "raw", rep_v_hundredths(r->raw_hundredths)},
                   {NULL, NULL, "law", rep_v_hundredths(ilo_round2(r->law))},
                   {NULL, NULL, "practice", rep_v_hundredths(ilo_round2(r->practice))},
                   {NULL, NULL, "rating", band ? rep_v_text(band->rating) : rep_v_absent()});
    csv_counts(d, f, "criteria:", n[ILO_CODED], n[ILO_CLEAR], n[ILO_NOT_ASSESSED]);
    for (size_t k = 0; k < ILO_N_MEASURES; k++) {
        const ilo_published *p = ilo_country_published(m, r->country, ilo_measure_name(k), r->year);
        rep_field_add(d, f, NULL, NULL, rep_doc_printf(d, "published:%s", ilo_measure_name(k)),
                      p ? rep_v_text(p->value) : rep_v_absent());
    }
    if (full) csv_standing(d, f, in, v);
    for (size_t k = 0; k < in->brief->n_verdicts; k++)
        if (full || in->brief->verdicts[k].measure.concern != ILO_CONCERN_OUTSIDE)
            csv_verdict(d, f, in, r, in->brief->verdicts[k].criterion, full);
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
    rep_doc *d = rep_kind_doc("brief");
    if (!d) {
        ilo_brief_record_free(v.rec);
        return NULL;
    }
    d->title = rep_doc_printf(d, "%s (%s), %d: trade-review brief, %s", co->name, co->code, r->year, rg->title);
    rep_node *root = &d->root;
    root->scope = (rep_scope){co->code, r->year, m->methods[r->method].id};
    rep_add_header(d, root, m, r->country, r->method, in->profile_name);
    REP_ADD_FIELDS(d, rep_fields(d, root, NULL), {"year", NULL, NULL, rep_v_int(r->year)},
                   {NULL, "Regime", NULL, rep_v_text(rep_doc_printf(d, "%s (%s)", rg->title, rg->id))});
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "regime"), REP_PROGRAMS), {"id", NULL, NULL, rep_v_text(rg->id)},
                   {"title", NULL, NULL, rep_v_text(rg->title)}, {"basis", NULL, NULL, rep_v_text(rg->basis)},
                   {"note", NULL, NULL, rep_v_text(rg->note)},
                   {"sources", NULL, NULL, rep_sources_value(d, m, &v.cites, rg->sources, rg->n_sources)});
    review(d, root, in, &v);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS),
                   {"score", NULL, NULL, rep_v_hundredths(ilo_result_score_hundredths(r))},
                   {"raw", NULL, NULL, rep_v_hundredths(r->raw_hundredths)}, {"forced", NULL, NULL, rep_v_bool(r->forced)});
    rep_add_rating(d, root, m, r->method, ilo_result_band(m, r), NULL);
    rep_buf b = REP_BUF_INIT;
    rep_brief_bottom_line(&b, in);
    rep_para_text(d, root, "bottom_line", REP_PLAIN, "Bottom line", rep_doc_take(d, &b));
    concerns(d, root, br);
    verdicts(d, root, in, &v);
    findings(d, root, in, &v);
    progress(d, root, in, &v);
    rep_add_events(d, rep_section(d, root, NULL, "ILO supervisory record"), "ilo_record", m, r->country, v.rec->events,
                   v.rec->n_events, &v.cites);
    rep_add_events(d, rep_section(d, root, NULL, "Trade and EU record"), "trade_record", m, r->country, v.rec->trade,
                   v.rec->n_trade, &v.cites);
    if (in->trend) trend(d, root, in, in->trend);
    else rep_key(d, root, "trend", rep_v_null());
    published(d, root, in, &v);
    reforms_people(d, root, in, &v);
    gaps(d, root, in);
    conventions(d, root, in, &v);
    disputed(d, root, in, &v);
    caveat(d, root, in);
    later_sources(d, root, in, &v);
    rep_add_sources(d, root, m, &v.cites);
    csv_year(d, root, in, &v, r, true);
    for (size_t i = 0; in->trend && i < in->trend->n; i++)
        if (in->trend->years[i]->year != r->year) csv_year(d, root, in, &v, in->trend->years[i], false);
    if (in->trend) rep_add_trend_rows(d, root, in->trend);
    ilo_brief_record_free(v.rec);
    return d;
}
