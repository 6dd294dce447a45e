/* brief.c: reading a trade-review brief: which findings, events and years it shows, how its
 * sources are numbered, and the sentences every format says alike. */
#include <stdlib.h>
#include <string.h>

#include "brief.h"

const char rep_brief_ilo_quote[] =
    "SDG indicator 8.8.2 is not intended as a tool to compare compliance among ILO member States";
const char rep_brief_ilo_quote_source[] = "The ILO, in the metadata of SDG indicator 8.8.2";

const char *const rep_brief_caveats[] = {
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

const ilo_regime *rep_brief_regime(const rep_brief_doc *doc) { return &doc->model->regimes[doc->brief->regime]; }

const ilo_regime_criterion *rep_brief_criterion(const rep_brief_doc *doc, const ilo_brief_verdict *vd)
{
    return &rep_brief_regime(doc)->criteria[vd->criterion];
}

bool rep_brief_touches(const ilo_brief_verdict *vd, size_t f)
{
    for (size_t i = 0; i < vd->n_findings; i++)
        if (vd->findings[i] == f) return true;
    return false;
}

void rep_brief_view_free(rep_brief_view *v)
{
    rep_cites_free(&v->cites);
    free(v->findings);
    free(v->fnum);
    free(v->events);
    free(v->trade);
    free(v->scenarios);
    free(v->recs);
    free(v->laws);
    free(v->conflicts);
    memset(v, 0, sizeof *v);
}

void rep_cite(rep_cites *c, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!c->num[src[i]]) {
            c->order[c->n++] = src[i];
            c->num[src[i]] = c->n;
        }
}

static bool is_trade(const ilo_event *e) { return e->kind && (!strcmp(e->kind, "trade") || !strcmp(e->kind, "eu")); }

/* Events of the country matching `want` dated from..year, by date then data order. */
static size_t pick_events(const ilo_country *co, int from, int year, bool (*want)(const ilo_event *), size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < co->n_events; i++) {
        const ilo_event *e = &co->events[i];
        if (!want(e) || e->date.year < from || e->date.year > year) continue;
        size_t at = n++;
        while (at > 0 && co->events[out[at - 1]].date.first > e->date.first) {
            out[at] = out[at - 1];
            at--;
        }
        out[at] = i;
    }
    return n;
}

bool rep_brief_view_init(rep_brief_view *v, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    const ilo_country *co = &m->countries[r->country];
    memset(v, 0, sizeof *v);
    v->year = r->year;
    v->from = doc->trend && doc->trend->from < r->year ? doc->trend->from : r->year;
    v->cites.num = calloc(m->n_sources + 1, sizeof *v->cites.num);
    v->cites.order = calloc(m->n_sources + 1, sizeof *v->cites.order);
    v->findings = calloc(r->n_findings + 1, sizeof *v->findings);
    v->fnum = calloc(r->n_findings + 1, sizeof *v->fnum);
    v->events = calloc(co->n_events + 1, sizeof *v->events);
    v->trade = calloc(co->n_events + 1, sizeof *v->trade);
    v->scenarios = calloc(m->n_scenarios + 1, sizeof *v->scenarios);
    if (!v->cites.num || !v->cites.order || !v->findings || !v->fnum || !v->events || !v->trade || !v->scenarios) {
        rep_brief_view_free(v);
        return false;
    }
    const ilo_regime *rg = rep_brief_regime(doc);
    rep_cite(&v->cites, rg->sources, rg->n_sources);
    rep_brief_cite_standing(v, doc);
    for (size_t f = 0; f < r->n_findings; f++) {
        bool shown = false;
        for (size_t k = 0; k < br->n_verdicts && !shown; k++) shown = rep_brief_touches(&br->verdicts[k], f);
        if (!shown) continue;
        v->findings[v->n_findings++] = f;
        v->fnum[f] = v->n_findings;
        const ilo_item *it = &doc->profile->items[r->findings[f].item];
        rep_cite(&v->cites, r->findings[f].sources, r->findings[f].n_sources);
        rep_cite(&v->cites, it->sources, it->n_sources);
    }
    for (size_t s = 0; s < m->n_scenarios; s++) {
        bool cited = false;
        for (size_t k = 0; k < br->n_verdicts && !cited; k++)
            for (size_t i = 0; i < br->verdicts[k].n_reforms && !cited; i++) cited = br->verdicts[k].reforms[i].scenario == s;
        if (cited) v->scenarios[v->n_scenarios++] = s;
    }
    v->n_events = pick_events(co, v->from, v->year, rep_event_is_ilo, v->events);
    v->n_trade = pick_events(co, v->from, v->year, is_trade, v->trade);
    for (size_t i = 0; i < v->n_events; i++) rep_cite(&v->cites, co->events[v->events[i]].sources, co->events[v->events[i]].n_sources);
    for (size_t i = 0; i < v->n_trade; i++) rep_cite(&v->cites, co->events[v->trade[i]].sources, co->events[v->trade[i]].n_sources);
    for (int y = v->from; y <= v->year; y++)
        for (size_t k = 0; k < REP_NMEASURES; k++) {
            const ilo_published *p = rep_published(m, r->country, rep_measures[k], y);
            if (p) rep_cite(&v->cites, p->sources, p->n_sources);
        }
    if (!rep_brief_progress_init(v, doc)) {
        rep_brief_view_free(v);
        return false;
    }
    return true;
}

static const char *ratification_word(ilo_ratification_status s)
{
    switch (s) {
    case ILO_RAT_RATIFIED: return "ratified";
    case ILO_RAT_NOT_RATIFIED: return "not ratified";
    case ILO_RAT_DENOUNCED: return "denounced";
    case ILO_RAT_NONE: break;
    }
    return "ratification unknown";
}

void rep_brief_ratification(rep_buf *b, const rep_brief_doc *doc, const ilo_brief_verdict *vd)
{
    const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
    for (size_t i = 0; i < rc->n_conventions; i++)
        rep_buf_printf(b, "%s%s %s", i ? ", " : "", doc->model->conventions[rc->conventions[i]].id,
                       ratification_word(vd->ratified[i]));
}

void rep_brief_counts(rep_buf *b, const ilo_brief_measure *ms)
{
    rep_buf_printf(b, "%zu coded, %zu clear, %zu not assessed of %zu", ms->n_coded, ms->n_clear, ms->n_not_assessed,
                   ms->n_criteria);
}

void rep_brief_criteria(rep_buf *b, const ilo_model *m, const ilo_bitset *set)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n_criteria; k++)
        if (ilo_bitset_has(set, k)) rep_buf_printf(b, "%s%s", n++ ? ", " : "", m->criteria[k].id);
    if (!n) rep_buf_puts(b, "none");
}

void rep_brief_item_where(rep_buf *b, const ilo_item *it)
{
    if (it->kind == ILO_ITEM_PROVISION) {
        rep_buf_printf(b, "%s, %s; in force from %s", it->instrument, it->article, it->start.text);
        if (it->stop.prec) rep_buf_printf(b, ", repealed %s", it->stop.text);
        return;
    }
    rep_buf_puts(b, it->start.text);
    if (it->stop.prec) rep_buf_printf(b, " to %s", it->stop.text);
    if (it->place) rep_buf_printf(b, "; %s", it->place);
    if (it->who) rep_buf_printf(b, "; who: %s", it->who);
    if (it->count) rep_buf_printf(b, "; how many: %s", it->count);
}

static void finding_ref(rep_buf *b, const rep_brief_view *v, size_t f) { rep_buf_printf(b, "F%zu", v->fnum[f]); }

void rep_brief_scenario(rep_buf *b, const rep_brief_doc *doc, size_t scenario)
{
    const ilo_scenario *sc = &doc->model->scenarios[scenario];
    rep_buf_printf(b, "%s (effective %s): %s", sc->id, sc->effective.text, sc->title);
}

void rep_brief_reform(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const ilo_brief_reform *rf)
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
    bool none = true;
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) none &= rf->clears.w[w] == 0;
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
            if (r->findings[f].item == t->repeal[i] && v->fnum[f]) {
                rep_buf_puts(b, " ");
                finding_ref(b, v, f);
            }
    }
}

void rep_brief_target(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const ilo_brief_verdict *vd)
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

void rep_brief_admissible(rep_buf *b, const ilo_method *me)
{
    size_t n = 0;
    for (int k = 0; k < ILO_SRC__COUNT; k++)
        if ((me->admissible >> k) & 1) rep_buf_printf(b, "%s%s", n++ ? ", " : "", ilo_source_kind_name((ilo_source_kind)k));
}

void rep_brief_bottom_line(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    const ilo_method *me = &m->methods[r->method];
    const ilo_band *band = rep_band(m, r);
    rep_buf_puts(b, "Overall score ");
    rep_buf_hundredths(b, rep_score_c(r));
    rep_buf_printf(b, " on 0 (best) to 10 (worst) under %s", me->id);
    if (r->forced) rep_buf_puts(b, " (forced to the worst: an all-encompassing criterion is coded)");
    if (band) rep_buf_printf(b, ", rating %s (%s)", band->rating, band->label);
    rep_buf_putc(b, '.');
    const ilo_trend *t = doc->trend;
    if (t && t->n >= 2 && t->years[t->n - 1]->year == r->year) {
        const ilo_result *before = t->years[t->n - 2];
        int64_t d = rep_score_c(r) - rep_score_c(before);
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
        for (size_t k = 0, n = 0; k < br->n_verdicts; k++)
            if (br->verdicts[k].measure.concern == br->worst)
                rep_buf_printf(b, "%s%s", n++ ? ", " : "", rep_brief_criterion(doc, &br->verdicts[k])->id);
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
