/*
 * brief.c: maps an evaluated country-year onto a trade regime's criteria (US GSP A-E, EU GSP+
 * conventions) for a trade-review brief: per regime criterion, ratification, score, counts of
 * coded, clear and not-assessed criteria, the findings behind it, a concern level by the rule
 * stated in iloscore.h (section 10), and the scenario operations that would address it.
 *
 * Everything is computed from the result and the model: the brief evaluates nothing itself, so it
 * says exactly what the assessment of the same year says, grouped the regime's way.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

_Static_assert(ILO_BRIEF_HIGH_SCORE_HUNDREDTHS == 200 && ILO_BRIEF_MEDIUM_SCORE_HUNDREDTHS == 100 && ILO_BRIEF_HIGH_SHARE_PCT == 50 &&
                   ILO_BRIEF_MEDIUM_SHARE_PCT == 25,
               "ilo_brief_rule and the `why` texts quote the thresholds: update them together");

const char ilo_brief_rule[] =
    "The first clause that holds decides. High: an all-encompassing criterion (a general prohibition) "
    "or a civil-liberties practice criterion (killing, violence, arrest or detention of unionists; "
    "group " ILO_BRIEF_GRAVE_GROUP ") is coded, or the score over the regime criterion's catalogue "
    "criteria is 2.00 or more, or half or more of their weight is coded. Medium: the score is 1.00 or "
    "more, or a quarter or more of the weight is coded. Low: anything else is coded. None: criteria "
    "were examined in the review period and none is coded (criteria not examined stay unknown and are counted). "
    "Not assessed: no criterion was coded or examined in the review period. Outside scope: the regime lists it "
    "but this engine has no catalogue for it. Scores use the total's normalisation (x 10 / 95) and "
    "are this project's measure, not published figures; ratification is stated beside and does not "
    "change the level.";

struct ilo_brief_private {
    ilo_arena arena;
};

const char *ilo_concern_name(ilo_concern c)
{
    switch (c) {
    case ILO_CONCERN_OUTSIDE: return "outside scope";
    case ILO_CONCERN_NOT_ASSESSED: return "not assessed";
    case ILO_CONCERN_NONE: return "none";
    case ILO_CONCERN_LOW: return "low";
    case ILO_CONCERN_MEDIUM: return "medium";
    case ILO_CONCERN_HIGH: return "high";
    case ILO_CONCERN__COUNT: break;
    }
    return "?";
}

static bool any(const ilo_bitset *a, const ilo_bitset *b)
{
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++)
        if (a->w[w] & b->w[w]) return true;
    return false;
}

static bool in_list(const size_t *list, size_t n, size_t v)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == v) return true;
    return false;
}

void ilo_brief_scope(const ilo_model *m, size_t regime, size_t k, ilo_bitset *out)
{
    memset(out, 0, sizeof *out);
    const ilo_regime_criterion *rc = &m->regimes[regime].criteria[k];
    if (rc->outside) return;
    for (size_t i = 0; i < m->n_criteria; i++) {
        const ilo_criterion *c = &m->criteria[i];
        if (in_list(rc->conventions, rc->n_conventions, c->convention) &&
            (rc->n_groups == 0 || in_list(rc->groups, rc->n_groups, c->group)))
            ilo_bitset_set(out, i);
    }
}

static void decide(ilo_brief_measure *ms)
{
    /* Integer comparisons on hundredths: the thresholds are exact, as printed. */
    int64_t score_hundredths = ilo_round2(ms->score);
    if (ms->n_coded == 0) {
        if (ms->n_criteria == 0) {
            ms->concern = ILO_CONCERN_NOT_ASSESSED;
            ms->why = "its conventions have no criteria in the catalogue";
        } else if (ms->n_clear == 0) {
            ms->concern = ILO_CONCERN_NOT_ASSESSED;
            ms->why = "no criterion coded or examined in the review period";
        } else {
            ms->concern = ILO_CONCERN_NONE;
            ms->why = "nothing coded among the criteria examined";
        }
        return;
    }
    ms->concern = ILO_CONCERN_HIGH;
    if (ms->all_encompassing) ms->why = "an all-encompassing criterion is coded";
    else if (ms->grave) ms->why = "a civil-liberties practice criterion is coded";
    else if (score_hundredths >= ILO_BRIEF_HIGH_SCORE_HUNDREDTHS) ms->why = "score 2.00 or more";
    else if (ms->raw_hundredths * 100 >= ms->total_hundredths * ILO_BRIEF_HIGH_SHARE_PCT) ms->why = "half or more of its weight is coded";
    else {
        ms->concern = ILO_CONCERN_MEDIUM;
        if (score_hundredths >= ILO_BRIEF_MEDIUM_SCORE_HUNDREDTHS) ms->why = "score 1.00 or more";
        else if (ms->raw_hundredths * 100 >= ms->total_hundredths * ILO_BRIEF_MEDIUM_SHARE_PCT)
            ms->why = "a quarter or more of its weight is coded";
        else {
            ms->concern = ILO_CONCERN_LOW;
            ms->why = "coded, below the medium thresholds";
        }
    }
}

static void measure_scope(const ilo_model *m, const ilo_bitset *scope, const ilo_result *r, ilo_brief_measure *ms)
{
    memset(ms, 0, sizeof *ms);
    size_t grave = ilo_hash_get(&m->priv->ns[ILO_NS_GROUP], ILO_BRIEF_GRAVE_GROUP);
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (!ilo_bitset_has(scope, k)) continue;
        const ilo_criterion *c = &m->criteria[k];
        ms->n_criteria++;
        ms->total_hundredths += c->weight_hundredths;
        switch (ilo_result_status(r, k)) {
        case ILO_CODED:
            ms->n_coded++;
            ms->raw_hundredths += c->weight_hundredths;
            ms->all_encompassing |= c->all_encompassing;
            ms->grave |= c->group == grave && c->kind == ILO_PRACTICE;
            break;
        case ILO_CLEAR: ms->n_clear++; break;
        case ILO_NOT_ASSESSED: ms->n_not_assessed++; break;
        }
    }
    ms->score = ilo_normalise(&m->methods[r->method], (double)ms->raw_hundredths / 100.0);
}

void ilo_brief_measure_of(const ilo_model *m, size_t regime, size_t k, const ilo_result *r, ilo_brief_measure *out)
{
    if (m->regimes[regime].criteria[k].outside) {
        memset(out, 0, sizeof *out);
        out->concern = ILO_CONCERN_OUTSIDE;
        out->why = "listed by the regime, outside this engine's scope: not examined";
        return;
    }
    ilo_bitset scope;
    ilo_brief_scope(m, regime, k, &scope);
    measure_scope(m, &scope, r, out);
    decide(out);
}

void ilo_brief_free(ilo_brief *b)
{
    if (!b) return;
    if (b->priv) {
        ilo_arena_free(&b->priv->arena);
        free(b->priv);
    }
    free(b);
}

/* The criteria an operation would take away from the finding's item, within the scope. */
static bool reform_of(const ilo_model *m, const ilo_op *op, const ilo_finding *fd, const ilo_bitset *scope,
                      ilo_bitset *removes)
{
    ilo_bitset keep = {{0}};
    if (op->kind == ILO_OP_AMEND)
        for (size_t i = 0; i < op->n_criteria; i++) ilo_bitset_or(&keep, &m->criteria[op->criteria[i]].implies);
    bool some = false;
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) {
        removes->w[w] = fd->criteria.w[w] & scope->w[w] & ~keep.w[w];
        some |= removes->w[w] != 0;
    }
    return some;
}

/* Whether op would change the profile's item it: an item that already stops by the operation's
 * date (repealed or ended earlier, or by this very scenario when it is applied to the profile)
 * is not changed by it, and the operation is then no reform. */
static bool op_changes(const ilo_op *op, const ilo_item *it)
{
    switch (op->kind) {
    case ILO_OP_REPEAL: return it->last_day > op->date.first - 1;
    case ILO_OP_END_INCIDENT: return it->last_day > op->date.last;
    case ILO_OP_AMEND: return op->date.first <= it->first_day || it->last_day >= op->date.first;
    case ILO_OP_ADD_PROVISION:
    case ILO_OP_ADD_INCIDENT: break;
    }
    return false;
}

/* Finds the reforms of verdict v; when `out` is NULL only counts them. */
static size_t find_reforms(const ilo_model *m, const ilo_profile *p, const ilo_result *r, const ilo_brief_verdict *v,
                           ilo_brief_reform *out)
{
    size_t n = 0;
    for (size_t s = 0; s < m->n_scenarios; s++) {
        const ilo_scenario *sc = &m->scenarios[s];
        if (sc->country != r->country) continue;
        for (size_t o = 0; o < sc->n_ops; o++) {
            const ilo_op *op = &sc->ops[o];
            if (op->kind != ILO_OP_REPEAL && op->kind != ILO_OP_AMEND && op->kind != ILO_OP_END_INCIDENT) continue;
            const char *id = m->items[op->target].id;
            for (size_t i = 0; i < v->n_findings; i++) {
                const ilo_finding *fd = &r->findings[v->findings[i]];
                if (strcmp(p->items[fd->item].id, id) != 0) continue;
                if (!op_changes(op, &p->items[fd->item])) break;
                ilo_bitset removes;
                if (!reform_of(m, op, fd, &v->scope, &removes)) break;
                if (out) {
                    ilo_brief_reform *rf = &out[n];
                    rf->scenario = s;
                    rf->op = o;
                    rf->finding = v->findings[i];
                    rf->removes = removes;
                    ilo_bitset others = {{0}};
                    for (size_t f = 0; f < r->n_findings; f++)
                        if (f != v->findings[i]) ilo_bitset_or(&others, &r->findings[f].criteria);
                    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) rf->clears.w[w] = removes.w[w] & ~others.w[w];
                }
                n++;
                break;
            }
        }
    }
    return n;
}

/* Searches the smallest repeal set for verdict v (see ilo_brief_target in iloscore.h). The
 * profile is restricted to the items coding its criteria, each coding only those, so that the
 * restricted profile's score is the regime criterion's score. */
/* The search found nothing to repeal, yet provisions counted in the year code the criterion: the
 * search minimises the score, and the criteria they code weigh nothing in it (outside the
 * method's scope). Listing them keeps the brief from saying that only incidents code it. */
static ilo_status unscored(const ilo_profile *p, const ilo_result *r, const ilo_bitset *scope, ilo_arena *a,
                           ilo_brief_target *bt)
{
    size_t k = 0;
    for (size_t f = 0; f < r->n_findings; f++)
        k += p->items[r->findings[f].item].kind == ILO_ITEM_PROVISION && any(&r->findings[f].criteria, scope);
    if (!k) return ILO_OK;
    if (!(bt->repeal = ilo_arena_alloc(a, k * sizeof *bt->repeal))) return ILO_ERR_NOMEM;
    for (size_t f = 0; f < r->n_findings; f++) {
        size_t it = r->findings[f].item, j = bt->n_repeal++;
        if (p->items[it].kind != ILO_ITEM_PROVISION || !any(&r->findings[f].criteria, scope)) {
            bt->n_repeal--;
            continue;
        }
        for (; j > 0 && bt->repeal[j - 1] > it; j--) bt->repeal[j] = bt->repeal[j - 1]; /* ascending */
        bt->repeal[j] = it;
    }
    bt->status = ILO_BRIEF_TARGET_UNSCORED;
    return ILO_OK;
}

static ilo_status target_of(const ilo_model *m, const ilo_profile *p, const ilo_result *r, ilo_arena *a,
                            ilo_brief_verdict *v)
{
    ilo_brief_target *bt = &v->target;
    if (v->measure.n_coded == 0) return ILO_OK;
    ilo_item *items = malloc((p->n_items + 1) * sizeof *items);
    size_t *from = malloc((p->n_items + 1) * sizeof *from);
    ilo_result *after = ilo_result_new(m);
    ilo_ctx *tctx = ilo_ctx_new();
    ilo_target *t = NULL;
    ilo_status st = items && from && after && tctx ? ILO_OK : ILO_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; st == ILO_OK && i < p->n_items; i++) {
        if (!any(&p->items[i].coded, &v->scope)) continue;
        items[n] = p->items[i];
        for (size_t w = 0; w < ILO_BITSET_WORDS; w++) items[n].coded.w[w] &= v->scope.w[w];
        from[n++] = i;
    }
    ilo_profile q = {p->country, items, n, NULL};
    if (st == ILO_OK) st = ilo_target_new(m, &q, r->method, r->year, 0, NULL, &t, tctx);
    if (st == ILO_OK && t->outcome == ILO_TARGET_UNREACHABLE && t->why == ILO_TARGET_WHY_PRACTICE) {
        int64_t floor_hundredths = ilo_round2(t->score_floor);
        ilo_target_free(t);
        t = NULL;
        st = ilo_target_new(m, &q, r->method, r->year, floor_hundredths, NULL, &t, tctx);
    }
    if (st == ILO_ERR_LIMIT) {
        bt->status = ILO_BRIEF_TARGET_LIMIT;
        st = ILO_OK;
    } else if (st == ILO_OK && t->outcome == ILO_TARGET_UNREACHABLE) {
        bt->status = ILO_BRIEF_TARGET_FORCED;
    } else if (st == ILO_OK) {
        bt->n_repeal = t->n_repeal;
        if (t->n_repeal && !(bt->repeal = ilo_arena_alloc(a, t->n_repeal * sizeof *bt->repeal))) st = ILO_ERR_NOMEM;
        /* The measure after: the restricted profile evaluated again without the repealed items
         * (kept in order, so the ascending target indices are dropped as they come). The status
         * follows from it rather than from the search's outcome, so that a criterion of zero
         * weight left coded is never reported as cleared. */
        size_t kept = 0, j = 0;
        for (size_t i = 0; st == ILO_OK && i < n; i++) {
            if (j < t->n_repeal && t->repeal[j] == i) {
                bt->repeal[j++] = from[i];
                continue;
            }
            items[kept++] = items[i];
        }
        ilo_profile q2 = {p->country, items, kept, NULL};
        if (st == ILO_OK) st = ilo_eval(m, &q2, r->method, r->year, after, tctx);
        if (st == ILO_OK) {
            measure_scope(m, &v->scope, after, &bt->after);
            decide(&bt->after);
            bt->status = bt->after.n_coded == 0 ? ILO_BRIEF_TARGET_CLEARS
                         : bt->n_repeal         ? ILO_BRIEF_TARGET_PARTIAL
                                                : ILO_BRIEF_TARGET_PRACTICE;
        }
        if (st == ILO_OK && bt->status == ILO_BRIEF_TARGET_PRACTICE) st = unscored(p, r, &v->scope, a, bt);
    }
    ilo_target_free(t);
    ilo_ctx_free(tctx);
    ilo_result_free(after);
    free(items);
    free(from);
    return st;
}

static ilo_status fill_verdict(const ilo_model *m, const ilo_profile *p, const ilo_result *r, size_t regime, size_t k,
                               ilo_arena *a, ilo_brief_verdict *v)
{
    const ilo_regime_criterion *rc = &m->regimes[regime].criteria[k];
    v->criterion = k;
    ilo_brief_measure_of(m, regime, k, r, &v->measure);
    ilo_brief_scope(m, regime, k, &v->scope);
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) v->coded.w[w] = v->scope.w[w] & r->coded.w[w];
    if (rc->n_conventions) {
        v->ratified = ilo_arena_alloc(a, rc->n_conventions * sizeof *v->ratified);
        if (!v->ratified) return ILO_ERR_NOMEM;
    }
    for (size_t i = 0; i < rc->n_conventions; i++) {
        v->ratified[i] = ilo_country_ratified(m, r->country, rc->conventions[i], r->year);
        if (v->ratified[i] == ILO_RAT_NOT_RATIFIED || v->ratified[i] == ILO_RAT_DENOUNCED) v->n_unratified++;
        else if (v->ratified[i] == ILO_RAT_NONE) v->n_unknown_ratification++;
    }
    for (size_t f = 0; f < r->n_findings; f++) v->n_findings += any(&r->findings[f].criteria, &v->coded);
    if (v->n_findings) {
        v->findings = ilo_arena_alloc(a, v->n_findings * sizeof *v->findings);
        if (!v->findings) return ILO_ERR_NOMEM;
        size_t n = 0;
        for (size_t f = 0; f < r->n_findings; f++)
            if (any(&r->findings[f].criteria, &v->coded)) v->findings[n++] = f;
    }
    v->n_reforms = find_reforms(m, p, r, v, NULL);
    if (v->n_reforms) {
        v->reforms = ilo_arena_alloc(a, v->n_reforms * sizeof *v->reforms);
        if (!v->reforms) return ILO_ERR_NOMEM;
        find_reforms(m, p, r, v, v->reforms);
    }
    return target_of(m, p, r, a, v);
}

ilo_status ilo_brief_new(const ilo_model *m, const ilo_profile *p, const ilo_result *r, size_t regime, ilo_brief **out,
                         ilo_ctx *ctx)
{
    *out = NULL;
    if (regime >= m->n_regimes) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such regime");
    if (r->country != p->country || r->country >= m->n_countries)
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "the result is not an evaluation of the profile");
    ilo_brief *b = calloc(1, sizeof *b);
    if (!b || !(b->priv = calloc(1, sizeof *b->priv))) {
        free(b);
        return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    const ilo_regime *rg = &m->regimes[regime];
    b->regime = regime;
    b->result = r;
    b->n_verdicts = rg->n_criteria;
    b->worst = ILO_CONCERN_NOT_ASSESSED;
    if (rg->n_criteria && !(b->verdicts = ilo_arena_alloc(&b->priv->arena, rg->n_criteria * sizeof *b->verdicts))) {
        ilo_brief_free(b);
        return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    for (size_t k = 0; k < rg->n_criteria; k++) {
        ilo_brief_verdict *v = &b->verdicts[k];
        ilo_status st = fill_verdict(m, p, r, regime, k, &b->priv->arena, v);
        if (st != ILO_OK) {
            ilo_brief_free(b);
            if (st == ILO_ERR_NOMEM) return ilo_ctx_set(ctx, st, NULL, 0, "out of memory");
            return ilo_ctx_set(ctx, st, NULL, 0, "the repeal search failed for regime criterion \"%s\"",
                               rg->criteria[k].id);
        }
        b->count[v->measure.concern]++;
        if (v->measure.concern >= ILO_CONCERN_NONE && (b->worst < ILO_CONCERN_NONE || v->measure.concern > b->worst))
            b->worst = v->measure.concern;
    }
    *out = b;
    return ILO_OK;
}

const char ilo_brief_window_rule[] =
    "The brief reads the evidence over a review period of whole calendar years ending with the year of "
    "its as-of date: a criterion counts as coded when an admissible source codes it in any year of the "
    "period, as examined and clear when it is clear in some year and coded in none, and as not assessed "
    "otherwise. One year without a mention therefore does not clear a practice reported as continuing. "
    "The overall score, the findings' shares and the repeal search are those of the last year.";

ilo_status ilo_brief_window(const ilo_model *m, const ilo_profile *p, size_t method, int from, int year,
                            ilo_result *r, ilo_ctx *ctx)
{
    if (from > year || year - from >= ILO_BRIEF_WINDOW_MAX)
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "a review period of %d-%d is not 1 to %d years", from, year,
                           ILO_BRIEF_WINDOW_MAX);
    ilo_status st = ilo_eval(m, p, method, year, r, ctx);
    if (st != ILO_OK || from == year) return st;
    ilo_result *y = ilo_result_new(m);
    if (!y) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    /* r's capacities hold every item of p once with all its sources (ilo_eval sizes them so), and
     * each item is added at most once: the appends below always fit. */
    for (int yr = year - 1; st == ILO_OK && yr >= from; yr--) {
        st = ilo_eval(m, p, method, yr, y, ctx);
        if (st != ILO_OK) break;
        ilo_bitset_or(&r->coded, &y->coded);
        ilo_bitset_or(&r->assessed, &y->assessed);
        for (size_t f = 0; f < y->n_findings; f++) {
            const ilo_finding *src = &y->findings[f];
            if (ilo_result_finding(r, src->item)) continue;
            ilo_finding *fd = &r->findings[r->n_findings++];
            *fd = *src;
            fd->sources = r->priv->source_pool + r->priv->n_source_pool;
            memcpy(fd->sources, src->sources, src->n_sources * sizeof *fd->sources);
            r->priv->n_source_pool += src->n_sources;
        }
    }
    ilo_result_free(y);
    return st;
}

void ilo_brief_standing_of(const ilo_model *m, size_t regime, const char *country, int32_t day,
                           ilo_brief_standing *out)
{
    const ilo_regime *rg = &m->regimes[regime];
    memset(out, 0, sizeof *out);
    out->day = day;
    out->in_force = ilo_regime_in_force(rg, day);
    for (size_t i = 0; i < rg->n_in_force; i++) {
        const ilo_regime_period *pd = &rg->in_force[i];
        bool covers = day >= pd->from.first && (!pd->until.prec || day <= pd->until.last);
        if (covers || (out->in_force == ILO_ANSWER_NO && pd->until.prec && pd->until.last < day)) out->period = pd;
        if (covers) break;
    }
    out->benefit = ilo_regime_benefit(rg, country, day, &out->why, &out->implied);
    for (size_t i = 0; i < rg->n_decisions; i++) {
        const ilo_regime_decision *d = &rg->decisions[i];
        if (strcmp(d->country, country) == 0 && d->decided.last <= day) out->last = d;
    }
    bool excluded = out->benefit == ILO_BENEFIT_WITHDRAWN || out->benefit == ILO_BENEFIT_SUSPENDED ||
                    out->benefit == ILO_BENEFIT_NOT_ELIGIBLE;
    bool member = out->benefit == ILO_BENEFIT_YES || out->benefit == ILO_BENEFIT_PARTIAL;
    if (out->in_force == ILO_ANSWER_NO || excluded) out->applies = ILO_ANSWER_NO;
    else if (out->in_force == ILO_ANSWER_YES && member) out->applies = ILO_ANSWER_YES;
    else out->applies = ILO_ANSWER_UNKNOWN;
}

const char *ilo_rec_state_name(ilo_rec_state s)
{
    switch (s) {
    case ILO_REC_PENDING: return "pending";
    case ILO_REC_PARTLY_MET: return "partly met";
    case ILO_REC_MET: return "met";
    }
    return "?";
}

const ilo_rec_status *ilo_rec_status_on(const ilo_recommendation *r, int32_t day)
{
    const ilo_rec_status *hit = NULL;
    if (r->date.last > day) return NULL;
    for (size_t i = 0; i < r->n_status; i++)
        if (r->status[i].date.last <= day) hit = &r->status[i];
    return hit;
}

/* ---- the record: what a brief shows of the evidence on its day ---- */

bool ilo_brief_touches(const ilo_brief_verdict *v, size_t f) { return in_list(v->findings, v->n_findings, f); }

size_t ilo_brief_also_reported(const ilo_finding *f, const ilo_item *it, size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < it->n_sources; i++)
        if (!in_list(f->sources, f->n_sources, it->sources[i])) out[n++] = it->sources[i];
    return n;
}

static bool by_trade(const ilo_event *e) { return e->kind && (!strcmp(e->kind, "trade") || !strcmp(e->kind, "eu")); }

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

/* A provision's change in [d0, d1]: its stop or its entry into force; false when none. A change
 * on a day the date does not fix (a year, a month) counts when the whole of it has passed d0's
 * start and its last day is by d1. */
static bool law_change(const ilo_item *it, size_t i, int32_t d0, int32_t d1, ilo_brief_law *out)
{
    if (it->kind != ILO_ITEM_PROVISION) return false;
    if (it->stop.prec && it->stop.first >= d0 && it->stop.last <= d1) *out = (ilo_brief_law){i, true, &it->stop};
    else if (it->start.prec && it->start.first >= d0 && it->start.last <= d1) *out = (ilo_brief_law){i, false, &it->start};
    else return false;
    return true;
}

/* The country's latest CEACR text about convention conv dated (its last day) by day: the
 * monitoring body's most recent word on it in the data; SIZE_MAX when none or conv is. */
static size_t latest_ceacr(const ilo_model *m, size_t country, size_t conv, int32_t day)
{
    size_t best = SIZE_MAX;
    if (conv == SIZE_MAX) return best;
    for (size_t i = 0; i < m->n_sources; i++) {
        const ilo_source *src = &m->sources[i];
        if (src->kind != ILO_SRC_CEACR || src->country != country || !src->date.prec || src->date.last > day) continue;
        if (in_list(src->conventions, src->n_conventions, conv) &&
            (best == SIZE_MAX || src->date.first >= m->sources[best].date.first))
            best = i;
    }
    return best;
}

static void record_findings(ilo_brief_record *rec)
{
    const ilo_brief *b = rec->brief;
    for (size_t f = 0; f < b->result->n_findings; f++) {
        bool shown = false;
        for (size_t k = 0; k < b->n_verdicts && !shown; k++) shown = ilo_brief_touches(&b->verdicts[k], f);
        if (!shown) continue;
        rec->findings[rec->n_findings++] = f;
        rec->number[f] = rec->n_findings;
    }
    for (size_t s = 0; s < rec->model->n_scenarios; s++) {
        bool cited = false;
        for (size_t k = 0; k < b->n_verdicts && !cited; k++)
            for (size_t i = 0; i < b->verdicts[k].n_reforms && !cited; i++) cited = b->verdicts[k].reforms[i].scenario == s;
        if (cited) rec->scenarios[rec->n_scenarios++] = s;
    }
}

static void record_progress(ilo_brief_record *rec, const ilo_country *co, int32_t day, int window_from)
{
    const ilo_profile *p = rec->profile;
    for (size_t i = 0; i < co->n_recommendations; i++) {
        const ilo_rec_status *st = ilo_rec_status_on(&co->recommendations[i], day);
        if (st) rec->recs[rec->n_recs++] = (ilo_brief_rec){&co->recommendations[i], st};
    }
    int32_t d0 = ilo_year_first_day(window_from ? window_from : rec->year);
    for (size_t i = 0; i < p->n_items; i++) {
        ilo_brief_law c;
        if (!law_change(&p->items[i], i, d0, day, &c)) continue;
        size_t at = rec->n_laws++;
        for (; at > 0 && rec->laws[at - 1].date->first > c.date->first; at--) rec->laws[at] = rec->laws[at - 1];
        rec->laws[at] = c;
    }
    const ilo_regime *rg = &rec->model->regimes[rec->brief->regime];
    for (size_t k = 0; k < rg->n_criteria; k++)
        rec->latest[k] = latest_ceacr(rec->model, rec->brief->result->country,
                                      rg->criteria[k].n_conventions == 1 ? rg->criteria[k].conventions[0] : SIZE_MAX, day);
}

ilo_brief_record *ilo_brief_record_new(const ilo_model *m, const ilo_profile *p, const ilo_brief *b, int32_t day,
                                       int window_from, int trend_from)
{
    const ilo_result *r = b->result;
    const ilo_country *co = &m->countries[r->country];
    ilo_brief_record *rec = calloc(1, sizeof *rec);
    if (!rec) return NULL;
    *rec = (ilo_brief_record){.model = m, .profile = p, .brief = b, .year = r->year};
    rec->from = trend_from && trend_from < r->year ? trend_from : r->year;
    rec->findings = calloc(r->n_findings + 1, sizeof *rec->findings);
    rec->number = calloc(r->n_findings + 1, sizeof *rec->number);
    rec->events = calloc(co->n_events + 1, sizeof *rec->events);
    rec->trade = calloc(co->n_events + 1, sizeof *rec->trade);
    rec->scenarios = calloc(m->n_scenarios + 1, sizeof *rec->scenarios);
    rec->recs = calloc(co->n_recommendations + 1, sizeof *rec->recs);
    rec->laws = calloc(p->n_items + 1, sizeof *rec->laws);
    rec->latest = calloc(m->regimes[b->regime].n_criteria + 1, sizeof *rec->latest);
    rec->conflicts = calloc(co->n_conflicts + 1, sizeof *rec->conflicts);
    rec->cited = calloc(m->n_sources + 1, sizeof *rec->cited);
    rec->sources = calloc(m->n_sources + 1, sizeof *rec->sources);
    if (!rec->findings || !rec->number || !rec->events || !rec->trade || !rec->scenarios || !rec->recs || !rec->laws ||
        !rec->latest || !rec->conflicts || !rec->cited || !rec->sources) {
        ilo_brief_record_free(rec);
        return NULL;
    }
    record_findings(rec);
    rec->n_events = pick_events(co, rec->from, rec->year, ilo_event_supervisory, rec->events);
    rec->n_trade = pick_events(co, rec->from, rec->year, by_trade, rec->trade);
    record_progress(rec, co, day, window_from);
    return rec;
}

void ilo_brief_record_free(ilo_brief_record *rec)
{
    if (!rec) return;
    free(rec->findings);
    free(rec->number);
    free(rec->events);
    free(rec->trade);
    free(rec->scenarios);
    free(rec->recs);
    free(rec->laws);
    free(rec->latest);
    free(rec->conflicts);
    free(rec->cited);
    free(rec->sources);
    free(rec);
}

static bool event_named(const ilo_country *co, const size_t *ev, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(co->events[ev[i]].id, id)) return true;
    return false;
}

/* Whether a conflict is about something the brief shows: a finding's item (an amended "ID@DATE"
 * is its ID, as in an assessment), an event of its records, a source it cites. */
static bool conflict_shown(const ilo_brief_record *rec, const size_t *cited, const ilo_conflict *cf)
{
    const ilo_model *m = rec->model;
    const ilo_result *r = rec->brief->result;
    const ilo_country *co = &m->countries[r->country];
    for (size_t i = 0; i < rec->n_findings; i++)
        if (ilo_conflict_about_item(cf, rec->profile->items[r->findings[rec->findings[i]].item].id)) return true;
    if (event_named(co, rec->events, rec->n_events, cf->about) || event_named(co, rec->trade, rec->n_trade, cf->about))
        return true;
    return ilo_conflict_about_source(m, cf, cited);
}

void ilo_brief_record_conflicts(ilo_brief_record *rec, const size_t *cited)
{
    const ilo_country *co = &rec->model->countries[rec->brief->result->country];
    rec->n_conflicts = 0;
    for (size_t i = 0; i < co->n_conflicts; i++)
        if (conflict_shown(rec, cited, &co->conflicts[i])) rec->conflicts[rec->n_conflicts++] = i;
}

size_t ilo_brief_record_number(const ilo_brief_record *rec, size_t item)
{
    const ilo_result *r = rec->brief->result;
    for (size_t f = 0; f < r->n_findings; f++)
        if (rec->number[f] && !strcmp(rec->profile->items[r->findings[f].item].id, rec->model->items[item].id))
            return rec->number[f];
    return 0;
}

/* ---- the sources a brief cites ---- */

static void cite(ilo_brief_record *rec, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!rec->cited[src[i]]) {
            rec->sources[rec->n_sources++] = src[i];
            rec->cited[src[i]] = rec->n_sources;
        }
}

bool ilo_brief_citable(const ilo_model *m, size_t source, int32_t day, bool cutoff)
{
    const ilo_date *d = &m->sources[source].date;
    return !cutoff || !d->prec || d->last <= day;
}

static void cite_by(ilo_brief_record *rec, const size_t *src, size_t n, int32_t day, bool cutoff)
{
    for (size_t i = 0; i < n; i++)
        if (ilo_brief_citable(rec->model, src[i], day, cutoff)) cite(rec, &src[i], 1);
}

static void cite_standing(ilo_brief_record *rec, const ilo_brief_standing *st, bool cutoff)
{
    if (st->period) cite_by(rec, st->period->sources, st->period->n_sources, st->day, cutoff);
    if (st->why) cite_by(rec, st->why->sources, st->why->n_sources, st->day, cutoff);
    if (st->last && st->last != st->why) cite_by(rec, st->last->sources, st->last->n_sources, st->day, cutoff);
}

static void cite_events(ilo_brief_record *rec, const ilo_country *co, const size_t *ev, size_t n)
{
    for (size_t i = 0; i < n; i++) cite(rec, co->events[ev[i]].sources, co->events[ev[i]].n_sources);
}

/* The findings' sources and their items', then the events', then the published figures' by year. */
static void cite_evidence(ilo_brief_record *rec)
{
    const ilo_model *m = rec->model;
    const ilo_result *r = rec->brief->result;
    const ilo_country *co = &m->countries[r->country];
    for (size_t i = 0; i < rec->n_findings; i++) {
        const ilo_finding *f = &r->findings[rec->findings[i]];
        cite(rec, f->sources, f->n_sources);
        cite(rec, rec->profile->items[f->item].sources, rec->profile->items[f->item].n_sources);
    }
    cite_events(rec, co, rec->events, rec->n_events);
    cite_events(rec, co, rec->trade, rec->n_trade);
    for (int y = rec->from; y <= rec->year; y++)
        for (int k = ILO_MEASURE_SDG; k <= ILO_MEASURE_ITUC; k++) {
            const ilo_published *p = ilo_country_published(m, r->country, ilo_measure_name((ilo_measure)k), y);
            if (p) cite(rec, p->sources, p->n_sources);
        }
}

/* The recommendations' and their statuses' up to the day's, the law changes' provisions', the
 * CEACR texts'. */
static void cite_progress(ilo_brief_record *rec)
{
    for (size_t i = 0; i < rec->n_recs; i++) {
        const ilo_recommendation *rc = rec->recs[i].rec;
        cite(rec, rc->sources, rc->n_sources);
        for (const ilo_rec_status *s = rc->status; s <= rec->recs[i].status; s++) cite(rec, s->sources, s->n_sources);
    }
    for (size_t i = 0; i < rec->n_laws; i++) {
        const ilo_item *it = &rec->profile->items[rec->laws[i].item];
        cite(rec, it->sources, it->n_sources);
    }
    for (size_t k = 0; k < rec->model->regimes[rec->brief->regime].n_criteria; k++)
        if (rec->latest[k] != SIZE_MAX) cite(rec, &rec->latest[k], 1);
}

void ilo_brief_record_cite(ilo_brief_record *rec, const ilo_brief_standing *st, bool cutoff)
{
    const ilo_regime *rg = &rec->model->regimes[rec->brief->regime];
    const ilo_country *co = &rec->model->countries[rec->brief->result->country];
    memset(rec->cited, 0, (rec->model->n_sources + 1) * sizeof *rec->cited);
    rec->n_sources = 0;
    cite(rec, rg->sources, rg->n_sources);
    cite_standing(rec, st, cutoff);
    cite_evidence(rec);
    cite_progress(rec);
    /* The conflicts shown depend on the sources cited before theirs. */
    ilo_brief_record_conflicts(rec, rec->cited);
    for (size_t i = 0; i < rec->n_conflicts; i++) {
        const ilo_conflict *cf = &co->conflicts[rec->conflicts[i]];
        for (size_t k = 0; k < cf->n_versions; k++) cite(rec, cf->versions[k].sources, cf->versions[k].n_sources);
    }
}
