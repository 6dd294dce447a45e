/*
 * target.c: "what would it take": the smallest set of provisions whose repeal meets a target.
 *
 * The year is evaluated once. Criteria coded by incidents are fixed; every other coded criterion
 * k is coded by provisions only, and the set of those provisions is a bit mask coders_k over the
 * relevant provisions (at most 64). Repealing the set R removes k exactly when coders_k is a
 * subset of R, so the score of any R follows from integer arithmetic on masks, without
 * evaluating again. Criteria with the same mask are merged; a mask of one bit (a criterion only
 * one provision codes) is folded into that provision's own weight, read through byte tables.
 *
 * The enumeration goes by size (Gosper's hack gives the subsets of one size in increasing
 * order), so the first size that meets the target is the minimum, and the whole of that size is
 * scored to keep the largest improvement. The answer is then checked by evaluating the profile
 * without those provisions.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct tgt_group {
    uint64_t mask;   /* relevant provisions coding these criteria */
    int64_t weight;  /* their weights, summed */
    bool forcing;    /* one of them is all-encompassing */
} tgt_group;

typedef struct tgt_search {
    size_t n;                 /* relevant provisions */
    int64_t solo[8][256];     /* per byte of a mask: weight removed by the bits set in it */
    tgt_group *multi;         /* masks of two or more bits, and every forcing mask */
    size_t n_multi;
    int64_t need;             /* removed weight needed to meet the goal */
    uint64_t best;            /* best set so far (0: none) */
    int64_t best_removed;
    uint64_t scored;
} tgt_search;

void ilo_target_free(ilo_target *t)
{
    if (!t) return;
    free(t->repeal);
    free(t);
}

static int64_t score_c_of(const ilo_method *me, int64_t raw_hundredths, bool forced)
{
    return ilo_round2(forced ? me->scale : ilo_normalise(me, (double)raw_hundredths / 100.0));
}

/* The largest raw score (hundredths, 0..total) whose printed score is at most goal_hundredths, or -1. */
static int64_t raw_limit(const ilo_method *me, int64_t total, int64_t goal_hundredths)
{
    if (score_c_of(me, 0, false) > goal_hundredths) return -1;
    int64_t lo = 0, hi = total; /* invariant: lo meets the goal */
    while (lo < hi) {
        int64_t mid = lo + (hi - lo + 1) / 2;
        if (score_c_of(me, mid, false) <= goal_hundredths) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

/* Weight removed by repealing set x, or -1 when an all-encompassing criterion stays coded. */
static int64_t removed_by(const tgt_search *s, uint64_t x)
{
    int64_t w = 0;
    for (size_t b = 0; b * 8 < s->n; b++) w += s->solo[b][(x >> (b * 8)) & 0xff];
    for (size_t g = 0; g < s->n_multi; g++) {
        const tgt_group *gr = &s->multi[g];
        if ((gr->mask & ~x) == 0) w += gr->weight;
        else if (gr->forcing) return -1;
    }
    return w;
}

/* An upper bound on the weight any set of k provisions removes: the k largest per-provision
 * bounds (everything each provision codes, shared or not). */
static int64_t bound_for(const int64_t *sorted_desc, size_t k)
{
    int64_t b = 0;
    for (size_t i = 0; i < k; i++) b += sorted_desc[i];
    return b;
}

static int cmp_desc(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x < y) - (x > y);
}

static uint64_t binomial(size_t n, size_t k)
{
    if (k > n) return 0;
    if (k > n - k) k = n - k;
    uint64_t c = 1;
    for (size_t i = 1; i <= k; i++) {
        /* c * (n - k + i) / i stays exact; saturate instead of overflowing. */
        uint64_t num = (uint64_t)(n - k + i);
        if (c > UINT64_MAX / num) return UINT64_MAX;
        c = c * num / i;
    }
    return c;
}

/* Scores every subset of size k; keeps the best that meets the goal. */
static void search_size(tgt_search *s, size_t k)
{
    uint64_t x = k == 64 ? UINT64_MAX : (((uint64_t)1 << k) - 1);
    uint64_t last = k == 0 ? 0 : x << (s->n - k);
    for (;;) {
        int64_t w = removed_by(s, x);
        s->scored++;
        if (w >= 0 && w >= s->need) {
            /* Larger improvement first; then the lexicographically smaller index list, which is
             * the set holding the lowest index where the two differ. */
            uint64_t d = x ^ s->best;
            if (!s->best || w > s->best_removed || (w == s->best_removed && (d & -d & x))) {
                s->best = x;
                s->best_removed = w;
            }
        }
        if (x == last) break;
        uint64_t c = x & -x, r = x + c;
        x = (((r ^ x) >> 2) / c) | r;
    }
}

/* Evaluates p without the items flagged in drop; fills the target's "after" fields. */
static ilo_status evaluate_without(const ilo_model *m, const ilo_profile *p, const bool *drop, ilo_target *t,
                                   ilo_result *r, ilo_ctx *ctx)
{
    ilo_item *items = malloc((p->n_items ? p->n_items : 1) * sizeof *items);
    if (!items) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < p->n_items; i++)
        if (!drop[i]) items[n++] = p->items[i];
    ilo_profile q = {p->country, items, n, NULL};
    ilo_status st = ilo_eval(m, &q, t->method, t->year, r, ctx);
    if (st == ILO_OK) {
        t->raw_after_hundredths = r->raw_hundredths;
        t->score_after = r->score;
        t->law_after = r->law;
        t->practice_after = r->practice;
        t->band_after = r->band;
    }
    free(items);
    return st;
}

/* The goal as a highest printed score, from a score or a rating. */
static ilo_status set_goal(const ilo_method *me, int64_t score_hundredths, const char *rating, ilo_target *t, ilo_ctx *ctx)
{
    t->goal_band = SIZE_MAX;
    if (!rating) {
        if (score_hundredths < 0) return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "a target score cannot be negative");
        t->goal_hundredths = score_hundredths;
        return ILO_OK;
    }
    for (size_t b = 0; b < me->n_bands; b++)
        if (strcmp(me->bands[b].rating, rating) == 0) t->goal_band = b;
    if (t->goal_band == SIZE_MAX)
        return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, me->where.file, me->where.line, "method \"%s\" has no rating \"%s\"",
                           me->id, rating);
    /* Band b or better: below the lowest score of the next band that is not the breakdown band. */
    t->goal_hundredths = INT64_MAX;
    if (!me->bands[t->goal_band].breakdown)
        for (size_t b = t->goal_band + 1; b < me->n_bands; b++)
            if (!me->bands[b].breakdown) {
                t->goal_hundredths = ilo_round2(me->bands[b].min) - 1;
                break;
            }
    return ILO_OK;
}

static bool has_breakdown_band(const ilo_method *me)
{
    for (size_t b = 0; b < me->n_bands; b++)
        if (me->bands[b].breakdown) return true;
    return false;
}

/* Builds the masks of the relevant provisions. cand[]: finding indices of the candidates, in item
 * order; rel[] receives the relevant ones' item indices. Returns the groups' weight total. */
static ilo_status build_search(const ilo_model *m, const ilo_profile *p, const ilo_result *r, const ilo_bitset *fixed,
                               const size_t *cand, size_t n_cand, size_t *rel, tgt_search *s, int64_t *per_prov,
                               ilo_ctx *ctx)
{
    s->n = 0;
    for (size_t i = 0; i < n_cand; i++) {
        const ilo_item *it = &p->items[r->findings[cand[i]].item];
        bool matters = false;
        for (size_t w = 0; w < ILO_BITSET_WORDS && !matters; w++) matters = (it->coded.w[w] & ~fixed->w[w]) != 0;
        if (!matters) continue;
        if (s->n == ILO_TARGET_MAX_PROVISIONS)
            return ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0,
                               "more than %d provisions could change the score; the exact search handles at most %d",
                               ILO_TARGET_MAX_PROVISIONS, ILO_TARGET_MAX_PROVISIONS);
        rel[s->n++] = r->findings[cand[i]].item;
    }
    /* One group per distinct mask, in criterion order (deterministic). */
    size_t cap = 0;
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (!ilo_bitset_has(&r->scored, k) || ilo_bitset_has(fixed, k)) continue;
        uint64_t mask = 0;
        for (size_t j = 0; j < s->n; j++)
            if (ilo_bitset_has(&p->items[rel[j]].coded, k)) mask |= (uint64_t)1 << j;
        const ilo_criterion *c = &m->criteria[k];
        for (size_t j = 0; j < s->n; j++)
            if ((mask >> j) & 1) per_prov[j] += c->weight_hundredths;
        if (!(mask & (mask - 1)) && !c->all_encompassing) {
            size_t j = (size_t)__builtin_ctzll(mask);
            for (unsigned v = 0; v < 256; v++)
                if ((v >> (j % 8)) & 1) s->solo[j / 8][v] += c->weight_hundredths;
            continue;
        }
        size_t g = 0;
        while (g < s->n_multi && s->multi[g].mask != mask) g++;
        if (g == s->n_multi) {
            if (!ilo_grow((void **)&s->multi, &cap, s->n_multi, sizeof *s->multi))
                return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
            s->multi[s->n_multi++] = (tgt_group){mask, 0, false};
        }
        s->multi[g].weight += c->weight_hundredths;
        s->multi[g].forcing |= c->all_encompassing;
    }
    return ILO_OK;
}

static ilo_status search(const ilo_model *m, const ilo_profile *p, const ilo_result *r, ilo_target *t,
                         tgt_search *s, size_t *rel, ilo_ctx *ctx)
{
    const ilo_method *me = &m->methods[t->method];
    /* Candidates: the provisions counted in the year, in item order; the rest is fixed. */
    size_t *cand = malloc((r->n_findings + 1) * sizeof *cand);
    int64_t *per_prov = calloc(ILO_TARGET_MAX_PROVISIONS, sizeof *per_prov);
    ilo_status st = ILO_OK;
    if (!cand || !per_prov) {
        st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
        goto out;
    }
    ilo_bitset fixed = {{0}};
    size_t n_cand = 0;
    for (size_t f = 0; f < r->n_findings; f++) {
        const ilo_item *it = &p->items[r->findings[f].item];
        if (it->kind == ILO_ITEM_PROVISION) cand[n_cand++] = f;
        else ilo_bitset_or(&fixed, &it->coded);
    }
    /* Findings are sorted by share; the search wants item order. */
    for (size_t i = 1; i < n_cand; i++)
        for (size_t j = i; j > 0 && r->findings[cand[j - 1]].item > r->findings[cand[j]].item; j--) {
            size_t tmp = cand[j];
            cand[j] = cand[j - 1];
            cand[j - 1] = tmp;
        }
    t->n_provisions = n_cand;
    st = build_search(m, p, r, &fixed, cand, n_cand, rel, s, per_prov, ctx);
    if (st != ILO_OK) goto out;
    t->n_relevant = s->n;

    /* The floor: every relevant provision repealed. */
    uint64_t all = s->n == 64 ? UINT64_MAX : (((uint64_t)1 << s->n) - 1);
    int64_t floor_removed = removed_by(s, all);
    bool fixed_forced = false;
    for (size_t k = 0; k < m->n_criteria; k++)
        if (ilo_bitset_has(&fixed, k) && ilo_bitset_has(&me->scope, k) && m->criteria[k].all_encompassing) fixed_forced = true;
    t->raw_floor_hundredths = r->raw_hundredths - (floor_removed < 0 ? 0 : floor_removed);
    t->score_floor = fixed_forced ? me->scale : ilo_normalise(me, (double)t->raw_floor_hundredths / 100.0);
    int64_t limit = raw_limit(me, r->raw_hundredths, t->goal_hundredths);
    if (fixed_forced || limit < 0 || t->raw_floor_hundredths > limit) {
        t->outcome = ILO_TARGET_UNREACHABLE;
        t->why = fixed_forced ? ILO_TARGET_WHY_FORCED : ILO_TARGET_WHY_PRACTICE;
        goto out;
    }
    /* need can be 0 when only an all-encompassing criterion stands in the way. */
    s->need = r->raw_hundredths - limit > 0 ? r->raw_hundredths - limit : 0;

    qsort(per_prov, s->n, sizeof *per_prov, cmp_desc);
    for (size_t k = 1; k <= s->n && !s->best; k++) {
        if (bound_for(per_prov, k) < s->need) continue;
        uint64_t more = binomial(s->n, k);
        if (more > ILO_TARGET_MAX_SUBSETS - s->scored) {
            st = ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0,
                             "the exact search would score more than %llu subsets (%zu relevant provisions, "
                             "sets of %zu and more)",
                             (unsigned long long)ILO_TARGET_MAX_SUBSETS, s->n, k);
            goto out;
        }
        search_size(s, k);
    }
    /* The full set meets the goal, so some size does. */
    t->outcome = ILO_TARGET_FOUND;
out:
    t->n_subsets = s->scored;
    free(cand);
    free(per_prov);
    return st;
}

ilo_status ilo_target_new(const ilo_model *m, const ilo_profile *p, size_t method, int year, int64_t score_hundredths,
                          const char *rating, ilo_target **out, ilo_ctx *ctx)
{
    *out = NULL;
    if (method >= m->n_methods) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such method");
    const ilo_method *me = &m->methods[method];
    ilo_target *t = calloc(1, sizeof *t);
    ilo_result *r = ilo_result_new(m);
    tgt_search *s = calloc(1, sizeof *s);
    size_t *rel = malloc(ILO_TARGET_MAX_PROVISIONS * sizeof *rel);
    bool *drop = calloc(p->n_items + 1, sizeof *drop);
    ilo_status st;
    if (!t || !r || !s || !rel || !drop) {
        st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
        goto fail;
    }
    t->country = p->country;
    t->method = method;
    t->year = year;
    if ((st = set_goal(me, score_hundredths, rating, t, ctx)) != ILO_OK) goto fail;
    if ((st = ilo_eval(m, p, method, year, r, ctx)) != ILO_OK) goto fail;
    t->raw_before_hundredths = t->raw_after_hundredths = t->raw_floor_hundredths = r->raw_hundredths;
    t->score_before = t->score_after = t->score_floor = r->score;
    t->law_after = r->law;
    t->practice_after = r->practice;
    t->band_before = t->band_after = r->band;

    bool breakdown_bars = t->goal_band != SIZE_MAX && r->breakdown && has_breakdown_band(me) &&
                          !me->bands[t->goal_band].breakdown;
    if (breakdown_bars) {
        t->outcome = ILO_TARGET_UNREACHABLE;
        t->why = ILO_TARGET_WHY_BREAKDOWN;
    } else if (ilo_round2(r->score) <= t->goal_hundredths) {
        t->outcome = ILO_TARGET_MET;
    } else {
        if ((st = search(m, p, r, t, s, rel, ctx)) != ILO_OK) goto fail;
    }
    if (t->outcome == ILO_TARGET_FOUND) {
        t->n_repeal = (size_t)__builtin_popcountll(s->best);
        t->repeal = malloc(t->n_repeal * sizeof *t->repeal);
        if (!t->repeal) {
            st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
            goto fail;
        }
        size_t n = 0;
        for (size_t j = 0; j < s->n; j++)
            if ((s->best >> j) & 1) {
                t->repeal[n++] = rel[j];
                drop[rel[j]] = true;
            }
        if ((st = evaluate_without(m, p, drop, t, r, ctx)) != ILO_OK) goto fail;
        /* The masks and a fresh evaluation must agree; if not, the search is wrong, not the data. */
        if (t->raw_after_hundredths != t->raw_before_hundredths - s->best_removed || ilo_round2(t->score_after) > t->goal_hundredths) {
            st = ilo_ctx_set(ctx, ILO_ERR_DOMAIN, NULL, 0, "internal error: the target search disagrees with evaluation");
            goto fail;
        }
    }
    free(s->multi);
    free(s);
    free(rel);
    free(drop);
    ilo_result_free(r);
    *out = t;
    return ILO_OK;
fail:
    if (s) free(s->multi);
    free(s);
    free(rel);
    free(drop);
    ilo_result_free(r);
    ilo_target_free(t);
    return st;
}
