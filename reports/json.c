/*
 * json.c: JSON, schema_version 1 (docs/reports.md). Indented by two spaces, keys in a fixed
 * order, scores as numbers with two decimals printed from integer hundredths, absent values as
 * null. A tiny writer keeps the commas and indentation right so the renderers only say what.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_DEPTH 32

typedef struct jw {
    rep_buf *b;
    int depth;
    bool first[MAX_DEPTH];
    bool after_key;
} jw;

/* What comes before a value: nothing after a key, else a comma (unless first) and a new line. */
static void sep(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) return;
    if (!w->first[w->depth]) rep_buf_putc(w->b, ',');
    w->first[w->depth] = false;
    rep_buf_putc(w->b, '\n');
    rep_buf_pad(w->b, 2 * (size_t)w->depth);
}

static void open_(jw *w, char c)
{
    sep(w);
    rep_buf_putc(w->b, c);
    if (w->depth + 1 < MAX_DEPTH) w->depth++;
    w->first[w->depth] = true;
}

static void close_(jw *w, char c)
{
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty) {
        rep_buf_putc(w->b, '\n');
        rep_buf_pad(w->b, 2 * (size_t)w->depth);
    }
    rep_buf_putc(w->b, c);
    if (w->depth == 0) rep_buf_putc(w->b, '\n');
}

static void key(jw *w, const char *k)
{
    sep(w);
    rep_put_json(w->b, k);
    rep_buf_puts(w->b, ": ");
    w->after_key = true;
}

static void str(jw *w, const char *s)
{
    sep(w);
    if (s) rep_put_json(w->b, s);
    else rep_buf_puts(w->b, "null");
}

static void null_(jw *w)
{
    sep(w);
    rep_buf_puts(w->b, "null");
}

static void int_(jw *w, long long v)
{
    sep(w);
    rep_buf_printf(w->b, "%lld", v);
}

static void c2(jw *w, int64_t c)
{
    sep(w);
    rep_buf_hundredths(w->b, c);
}

static void bool_(jw *w, bool v)
{
    sep(w);
    rep_buf_puts(w->b, v ? "true" : "false");
}

static void fixed(jw *w, double x, int decimals)
{
    sep(w);
    rep_buf_fixed(w->b, x, decimals, "null");
}

/* Key-value shorthands. */
static void kstr(jw *w, const char *k, const char *s) {
    key(w, k);
    str(w, s);
}
static void kint(jw *w, const char *k, long long v) {
    key(w, k);
    int_(w, v);
}
static void kc2(jw *w, const char *k, int64_t c) {
    key(w, k);
    c2(w, c);
}
static void kbool(jw *w, const char *k, bool v) {
    key(w, k);
    bool_(w, v);
}

/* ---- shared parts ---- */

static void source(jw *w, const ilo_model *m, const rep_cites *c, size_t s)
{
    const ilo_source *src = &m->sources[s];
    open_(w, '{');
    kstr(w, "id", src->id);
    kint(w, "number", (long long)c->num[s]);
    kstr(w, "publisher", src->publisher);
    kstr(w, "kind", ilo_source_kind_name(src->kind));
    kstr(w, "title", src->title);
    kstr(w, "date", src->date.text);
    kstr(w, "url", src->url);
    kstr(w, "note", src->note);
    close_(w, '}');
}

static void sources(jw *w, const ilo_model *m, const rep_cites *c, const size_t *src, size_t n)
{
    open_(w, '[');
    for (size_t i = 0; i < n; i++) source(w, m, c, src[i]);
    close_(w, ']');
}

static void header(jw *w, const ilo_model *m, size_t country, size_t method, const char *document, const char *profile)
{
    const ilo_country *co = &m->countries[country];
    const ilo_method *me = &m->methods[method];
    kint(w, "schema_version", REP_SCHEMA_VERSION);
    kstr(w, "document", document);
    char gen[64];
    snprintf(gen, sizeof gen, "iloscore %s", ilo_version());
    kstr(w, "generator", gen);
    key(w, "country");
    open_(w, '{');
    kstr(w, "code", co->code);
    kstr(w, "name", co->name);
    kstr(w, "region", co->region);
    kbool(w, "synthetic", co->synthetic);
    close_(w, '}');
    kstr(w, "profile", rep_profile_name(profile));
    key(w, "method");
    open_(w, '{');
    kstr(w, "id", me->id);
    kstr(w, "title", me->title);
    kstr(w, "window", rep_window_name(me->window));
    key(w, "cap");
    fixed(w, me->cap, 2);
    key(w, "scale");
    fixed(w, me->scale, 2);
    kstr(w, "bands_note", me->bands_note);
    close_(w, '}');
}

static void published_one(jw *w, const ilo_model *m, const rep_cites *c, const ilo_published *p)
{
    open_(w, '{');
    kstr(w, "measure", p->measure);
    kint(w, "year", p->year);
    kstr(w, "value", p->value);
    kstr(w, "status", p->status);
    kstr(w, "note", p->note);
    key(w, "sources");
    sources(w, m, c, p->sources, p->n_sources);
    close_(w, '}');
}

static void rating(jw *w, const ilo_model *m, const ilo_result *r)
{
    const ilo_band *band = rep_band(m, r);
    if (!band) {
        null_(w);
        return;
    }
    open_(w, '{');
    kstr(w, "band", band->rating);
    kstr(w, "label", band->label);
    kstr(w, "bands_note", m->methods[r->method].bands_note);
    close_(w, '}');
}

static void criteria_ids(jw *w, const ilo_model *m, const ilo_bitset *set)
{
    open_(w, '[');
    for (size_t k = 0; k < m->n_criteria; k++)
        if (ilo_bitset_has(set, k)) str(w, m->criteria[k].id);
    close_(w, ']');
}

static void item(jw *w, const ilo_item *it)
{
    kstr(w, "id", it->id);
    kstr(w, "kind", rep_item_kind(it));
    if (it->kind == ILO_ITEM_PROVISION) {
        kstr(w, "instrument", it->instrument);
        kstr(w, "article", it->article);
        kstr(w, "in_force", it->start.text);
        kstr(w, "repealed", it->stop.prec ? it->stop.text : NULL);
    } else {
        kstr(w, "date", it->start.text);
        kstr(w, "end", it->stop.prec ? it->stop.text : NULL);
        kstr(w, "place", it->place);
        kstr(w, "who", it->who);
        kstr(w, "count", it->count);
    }
    kstr(w, "summary", it->summary);
}

static void trend_stats(jw *w, const ilo_trend *t)
{
    kint(w, "from", t->from);
    kint(w, "to", t->to);
    key(w, "slope");
    fixed(w, t->slope, 6);
    key(w, "slope_se");
    fixed(w, t->slope_se, 6);
    kstr(w, "direction", ilo_direction_name(t->direction));
    kstr(w, "direction_rule", rep_direction_rule);
}

static void all_sources(jw *w, const ilo_model *m, const rep_cites *c)
{
    key(w, "sources");
    sources(w, m, c, c->order, c->n);
}

/* ---- the assessment ---- */

/* ---- the scenario comparison (reports/compare.c) ---- */

/* ---- what would it take (ilo_target_new) ---- */

#include "brief.h"

/* ---- the trade-review brief ---- */

/* Concern levels as JSON values: "outside_scope", "not_assessed", "none", "low", "medium", "high". */
static const char *brief_concern_id(ilo_concern c)
{
    static const char *const ids[ILO_CONCERN__COUNT] = {"outside_scope", "not_assessed", "none", "low", "medium", "high"};
    return (unsigned)c < ILO_CONCERN__COUNT ? ids[c] : "?";
}

static const char *brief_target_id(ilo_brief_target_status s)
{
    switch (s) {
    case ILO_BRIEF_TARGET_CLEARS: return "clears";
    case ILO_BRIEF_TARGET_PARTIAL: return "partial";
    case ILO_BRIEF_TARGET_PRACTICE: return "practice_only";
    case ILO_BRIEF_TARGET_FORCED: return "all_encompassing_practice";
    case ILO_BRIEF_TARGET_UNSCORED: return "outside_score";
    case ILO_BRIEF_TARGET_LIMIT: return "search_limit";
    case ILO_BRIEF_TARGET_NONE: break;
    }
    return NULL;
}

static void brief_json_measure(jw *w, const ilo_brief_measure *ms)
{
    kint(w, "criteria", (long long)ms->n_criteria);
    kint(w, "coded", (long long)ms->n_coded);
    kint(w, "clear", (long long)ms->n_clear);
    kint(w, "not_assessed", (long long)ms->n_not_assessed);
    kc2(w, "raw", ms->raw_c);
    kc2(w, "weight", ms->total_c);
    key(w, "score");
    if (ms->concern == ILO_CONCERN_NOT_ASSESSED || ms->concern == ILO_CONCERN_OUTSIDE) null_(w);
    else c2(w, ilo_round2(ms->score));
    kbool(w, "all_encompassing", ms->all_encompassing);
    kbool(w, "civil_liberties_practice", ms->grave);
    kstr(w, "concern", brief_concern_id(ms->concern));
    kstr(w, "why", ms->why);
}

static void brief_json_items(jw *w, const rep_brief_doc *doc, const size_t *findings, size_t n)
{
    open_(w, '[');
    for (size_t i = 0; i < n; i++) str(w, doc->profile->items[doc->result->findings[findings[i]].item].id);
    close_(w, ']');
}

static void brief_json_reform(jw *w, const rep_brief_doc *doc, const ilo_brief_reform *rf)
{
    const ilo_model *m = doc->model;
    const ilo_scenario *sc = &m->scenarios[rf->scenario];
    const ilo_op *op = &sc->ops[rf->op];
    open_(w, '{');
    kstr(w, "scenario", sc->id);
    kstr(w, "scenario_title", sc->title);
    kint(w, "operation", (long long)rf->op + 1);
    kstr(w, "op", op->kind == ILO_OP_REPEAL ? "repeal" : op->kind == ILO_OP_AMEND ? "amend" : "end-incident");
    kstr(w, "item", m->items[op->target].id);
    kstr(w, "date", op->date.text);
    if (op->kind == ILO_OP_AMEND) {
        key(w, "criteria");
        open_(w, '[');
        for (size_t i = 0; i < op->n_criteria; i++) str(w, m->criteria[op->criteria[i]].id);
        close_(w, ']');
    }
    key(w, "removes");
    criteria_ids(w, m, &rf->removes);
    key(w, "clears");
    criteria_ids(w, m, &rf->clears);
    close_(w, '}');
}

static void brief_json_target(jw *w, const rep_brief_doc *doc, const ilo_brief_target *t)
{
    if (t->status == ILO_BRIEF_TARGET_NONE) {
        null_(w);
        return;
    }
    open_(w, '{');
    kstr(w, "status", brief_target_id(t->status));
    key(w, "repeal");
    open_(w, '[');
    for (size_t i = 0; i < t->n_repeal; i++) str(w, doc->profile->items[t->repeal[i]].id);
    close_(w, ']');
    key(w, "after");
    if (t->status == ILO_BRIEF_TARGET_CLEARS || t->status == ILO_BRIEF_TARGET_PARTIAL) {
        open_(w, '{');
        brief_json_measure(w, &t->after);
        close_(w, '}');
    } else {
        null_(w);
    }
    close_(w, '}');
}

static void brief_json_verdicts(jw *w, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_brief *br = doc->brief;
    open_(w, '[');
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
        open_(w, '{');
        kstr(w, "id", rc->id);
        kstr(w, "label", rc->label);
        kstr(w, "scope", rc->outside ? "outside" : "engine");
        kstr(w, "note", rc->note);
        key(w, "conventions");
        open_(w, '[');
        for (size_t i = 0; i < rc->n_conventions; i++) {
            open_(w, '{');
            kstr(w, "id", m->conventions[rc->conventions[i]].id);
            kstr(w, "ratification", rep_ratification(m, doc->result->country, rc->conventions[i], doc->result->year));
            close_(w, '}');
        }
        close_(w, ']');
        key(w, "groups");
        open_(w, '[');
        for (size_t i = 0; i < rc->n_groups; i++) str(w, m->groups[rc->groups[i]].id);
        close_(w, ']');
        brief_json_measure(w, &vd->measure);
        key(w, "coded_criteria");
        criteria_ids(w, m, &vd->coded);
        key(w, "findings");
        brief_json_items(w, doc, vd->findings, vd->n_findings);
        key(w, "reforms");
        open_(w, '[');
        for (size_t i = 0; i < vd->n_reforms; i++) brief_json_reform(w, doc, &vd->reforms[i]);
        close_(w, ']');
        key(w, "repeal_search");
        brief_json_target(w, doc, &vd->target);
        close_(w, '}');
    }
    close_(w, ']');
}

static void brief_json_findings(jw *w, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_model *m = doc->model;
    const ilo_brief *br = doc->brief;
    open_(w, '[');
    for (size_t i = 0; i < v->n_findings; i++) {
        const ilo_finding *f = &doc->result->findings[v->findings[i]];
        const ilo_item *it = &doc->profile->items[f->item];
        open_(w, '{');
        kint(w, "number", (long long)i + 1);
        item(w, it);
        kc2(w, "share", f->share_c);
        kbool(w, "critical", f->critical);
        key(w, "bears_on");
        open_(w, '{');
        for (size_t k = 0; k < br->n_verdicts; k++) {
            const ilo_brief_verdict *vd = &br->verdicts[k];
            if (!rep_brief_touches(vd, v->findings[i])) continue;
            ilo_bitset in = f->criteria;
            for (size_t x = 0; x < ILO_BITSET_WORDS; x++) in.w[x] &= vd->coded.w[x];
            key(w, rep_brief_criterion(doc, vd)->id);
            criteria_ids(w, m, &in);
        }
        close_(w, '}');
        key(w, "sources");
        sources(w, m, &v->cites, f->sources, f->n_sources);
        key(w, "also_reported_by");
        open_(w, '[');
        for (size_t j = 0; j < it->n_sources; j++) {
            bool counted = false;
            for (size_t q = 0; q < f->n_sources; q++) counted |= f->sources[q] == it->sources[j];
            if (!counted) source(w, m, &v->cites, it->sources[j]);
        }
        close_(w, ']');
        close_(w, '}');
    }
    close_(w, ']');
}

static void brief_json_events(jw *w, const rep_brief_doc *doc, const rep_brief_view *v, const size_t *ev, size_t n)
{
    const ilo_country *co = &doc->model->countries[doc->result->country];
    open_(w, '[');
    for (size_t i = 0; i < n; i++) {
        const ilo_event *e = &co->events[ev[i]];
        open_(w, '{');
        kstr(w, "id", e->id);
        kstr(w, "date", e->date.text);
        kstr(w, "kind", e->kind);
        kstr(w, "title", e->title);
        kstr(w, "note", e->note);
        key(w, "sources");
        sources(w, doc->model, &v->cites, e->sources, e->n_sources);
        close_(w, '}');
    }
    close_(w, ']');
}

static void brief_json_trend(jw *w, const rep_brief_doc *doc)
{
    const ilo_trend *t = doc->trend;
    const ilo_brief *br = doc->brief;
    if (!t) {
        null_(w);
        return;
    }
    open_(w, '{');
    trend_stats(w, t);
    key(w, "years");
    open_(w, '[');
    for (size_t i = 0; i < t->n; i++) {
        open_(w, '{');
        kint(w, "year", t->years[i]->year);
        kc2(w, "score", rep_score_c(t->years[i]));
        key(w, "criteria");
        open_(w, '{');
        for (size_t k = 0; k < br->n_verdicts; k++) {
            if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) continue;
            ilo_brief_measure ms;
            ilo_brief_measure_of(doc->model, br->regime, br->verdicts[k].criterion, t->years[i], &ms);
            key(w, rep_brief_criterion(doc, &br->verdicts[k])->id);
            open_(w, '{');
            key(w, "score");
            if (ms.concern == ILO_CONCERN_NOT_ASSESSED) null_(w);
            else c2(w, ilo_round2(ms.score));
            kstr(w, "concern", brief_concern_id(ms.concern));
            close_(w, '}');
        }
        close_(w, '}');
        close_(w, '}');
    }
    close_(w, ']');
    close_(w, '}');
}

static void brief_json_published(jw *w, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_result *r = doc->result;
    open_(w, '[');
    for (int y = v->from; y <= v->year; y++) {
        const ilo_result *yr = y == r->year ? r : NULL;
        for (size_t i = 0; !yr && doc->trend && i < doc->trend->n; i++)
            if (doc->trend->years[i]->year == y) yr = doc->trend->years[i];
        open_(w, '{');
        kint(w, "year", y);
        key(w, "computed");
        if (yr) c2(w, rep_score_c(yr));
        else null_(w);
        for (size_t k = 0; k < REP_NMEASURES; k++) {
            const ilo_published *p = rep_published(doc->model, r->country, rep_measures[k], y);
            key(w, rep_measures[k]);
            if (p) published_one(w, doc->model, &v->cites, p);
            else null_(w);
        }
        close_(w, '}');
    }
    close_(w, ']');
}

static void brief_json_caveat(jw *w, const rep_brief_doc *doc)
{
    const ilo_method *me = &doc->model->methods[doc->result->method];
    open_(w, '{');
    kstr(w, "ilo_quote", rep_brief_ilo_quote);
    kstr(w, "ilo_quote_source", rep_brief_ilo_quote_source);
    key(w, "notes");
    open_(w, '[');
    for (size_t i = 0; rep_brief_caveats[i]; i++) str(w, rep_brief_caveats[i]);
    close_(w, ']');
    key(w, "admissible");
    open_(w, '[');
    for (int k = 0; k < ILO_SRC__COUNT; k++)
        if ((me->admissible >> k) & 1) str(w, ilo_source_kind_name((ilo_source_kind)k));
    close_(w, ']');
    kstr(w, "regime_note", rep_brief_regime(doc)->note);
    close_(w, '}');
}

/* The recommendations with their status on the as-of day, and the law changes, each with the
 * sentence the other formats print. */
static void brief_json_progress(jw *w, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_country *co = &doc->model->countries[doc->result->country];
    rep_buf s = REP_BUF_INIT;
    open_(w, '{');
    key(w, "recommendations");
    open_(w, '[');
    for (size_t i = 0; i < v->n_recs; i++) {
        const ilo_recommendation *r = &co->recommendations[v->recs[i]];
        const ilo_rec_status *st = ilo_rec_status_on(r, doc->standing.day);
        open_(w, '{');
        kstr(w, "id", r->id);
        kstr(w, "body", r->body);
        kstr(w, "date", r->date.text);
        kstr(w, "asked", r->asked);
        kstr(w, "status", ilo_rec_state_name(st->state));
        kstr(w, "status_since", st->date.text);
        rep_brief_rec(&s, doc, v, i);
        kstr(w, "text", s.data ? s.data : "");
        if (s.failed) w->b->failed = true;
        rep_buf_free(&s);
        close_(w, '}');
    }
    close_(w, ']');
    key(w, "law_changes");
    open_(w, '[');
    for (size_t i = 0; i < v->n_laws; i++) {
        const char *how;
        const ilo_date *d = rep_brief_law_date(doc, v, i, &how);
        open_(w, '{');
        kstr(w, "provision", doc->profile->items[v->laws[i]].id);
        kstr(w, "date", d->text);
        kstr(w, "change", how);
        rep_brief_law(&s, doc, v, i);
        kstr(w, "text", s.data ? s.data : "");
        if (s.failed) w->b->failed = true;
        rep_buf_free(&s);
        close_(w, '}');
    }
    close_(w, ']');
    close_(w, '}');
}

void rep_json_brief(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    const ilo_regime *rg = rep_brief_regime(doc);
    rep_brief_view v;
    if (!rep_brief_view_init(&v, doc)) {
        b->failed = true;
        return;
    }
    jw w = {b, 0, {false}, false};
    open_(&w, '{');
    header(&w, m, r->country, r->method, "brief", doc->profile_name);
    kint(&w, "year", r->year);
    key(&w, "regime");
    open_(&w, '{');
    kstr(&w, "id", rg->id);
    kstr(&w, "title", rg->title);
    kstr(&w, "basis", rg->basis);
    kstr(&w, "note", rg->note);
    key(&w, "sources");
    sources(&w, m, &v.cites, rg->sources, rg->n_sources);
    close_(&w, '}');
    rep_buf s = REP_BUF_INIT;
    key(&w, "applicability");
    open_(&w, '{');
    kstr(&w, "in_force", rep_answer_name(doc->standing.in_force));
    kstr(&w, "standing", ilo_benefit_name(doc->standing.benefit));
    kstr(&w, "applies", rep_answer_name(doc->standing.applies));
    key(&w, "text");
    rep_brief_applicability(&s, doc, &v);
    str(&w, s.data ? s.data : "");
    if (s.failed) b->failed = true;
    rep_buf_free(&s);
    close_(&w, '}');
    key(&w, "review_period");
    open_(&w, '{');
    kint(&w, "from", doc->window_from ? doc->window_from : r->year);
    kint(&w, "to", r->year);
    kbool(&w, "as_of_is_cutoff", doc->as_of_given);
    key(&w, "sdg_score");
    if (doc->sdg && ilo_result_assessed(m, doc->sdg)) c2(&w, rep_score_c(doc->sdg));
    else null_(&w);
    key(&w, "text");
    rep_brief_period(&s, doc);
    str(&w, s.data ? s.data : "");
    if (s.failed) b->failed = true;
    rep_buf_free(&s);
    close_(&w, '}');
    kc2(&w, "score", rep_score_c(r));
    kc2(&w, "raw", r->raw_c);
    kbool(&w, "forced", r->forced);
    key(&w, "rating");
    rating(&w, m, r);
    key(&w, "bottom_line");
    rep_brief_bottom_line(&s, doc);
    str(&w, s.data ? s.data : "");
    if (s.failed) b->failed = true;
    rep_buf_free(&s);
    key(&w, "concern_rule");
    open_(&w, '{');
    kstr(&w, "text", ilo_brief_rule);
    kc2(&w, "high_score", ILO_BRIEF_HIGH_SCORE_C);
    kc2(&w, "medium_score", ILO_BRIEF_MEDIUM_SCORE_C);
    kint(&w, "high_share_percent", ILO_BRIEF_HIGH_SHARE_PCT);
    kint(&w, "medium_share_percent", ILO_BRIEF_MEDIUM_SHARE_PCT);
    kstr(&w, "civil_liberties_group", ILO_BRIEF_GRAVE_GROUP);
    close_(&w, '}');
    key(&w, "concerns");
    open_(&w, '{');
    for (int c = ILO_CONCERN__COUNT - 1; c >= 0; c--) kint(&w, brief_concern_id((ilo_concern)c), (long long)br->count[c]);
    close_(&w, '}');
    kstr(&w, "worst", brief_concern_id(br->worst));
    key(&w, "verdicts");
    brief_json_verdicts(&w, doc);
    key(&w, "findings");
    brief_json_findings(&w, doc, &v);
    key(&w, "progress");
    brief_json_progress(&w, doc, &v);
    key(&w, "ilo_record");
    brief_json_events(&w, doc, &v, v.events, v.n_events);
    key(&w, "trade_record");
    brief_json_events(&w, doc, &v, v.trade, v.n_trade);
    key(&w, "trend");
    brief_json_trend(&w, doc);
    key(&w, "published");
    brief_json_published(&w, doc, &v);
    key(&w, "caveat");
    brief_json_caveat(&w, doc);
    all_sources(&w, m, &v.cites);
    close_(&w, '}');
    rep_brief_view_free(&v);
}
