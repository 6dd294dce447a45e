/*
 * eval.c: scores one country, year and method.
 *
 * The arithmetic is SDG indicator 8.8.2's: a criterion counts once however many items or sources
 * code it; raw = the sum of the weights of coded criteria; score = min(raw, cap) x scale / cap;
 * coding an all-encompassing criterion gives the worst score. Weights are integers in hundredths,
 * so raw scores and shares are exact and the shares of the findings add up to the raw score to
 * the last digit. The inner loops work on bitsets and on per-criterion counters that live in the
 * result, so an evaluation allocates nothing unless a profile is larger than any before.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Evaluation's counters live in the result's private part (internal.h). */
typedef ilo_result_private eval_scratch;

ilo_result *ilo_result_new(const ilo_model *m)
{
    ilo_result *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->convention_hundredths = calloc(m->n_conventions + 1, sizeof *r->convention_hundredths);
    r->group_hundredths = calloc(m->n_groups + 1, sizeof *r->group_hundredths);
    /* Per-criterion counters live with the result so that evaluation never allocates them. */
    eval_scratch *sc = calloc(1, sizeof *sc);
    if (sc) {
        sc->n_criteria = m->n_criteria;
        sc->count = calloc(m->n_criteria + 1, sizeof *sc->count);
        sc->seen = calloc(m->n_criteria + 1, sizeof *sc->seen);
    }
    r->priv = sc;
    if (!r->convention_hundredths || !r->group_hundredths || !sc || !sc->count || !sc->seen) {
        ilo_result_free(r);
        return NULL;
    }
    return r;
}

void ilo_result_free(ilo_result *r)
{
    if (!r) return;
    eval_scratch *sc = r->priv;
    if (sc) {
        free(sc->source_pool);
        free(sc->count);
        free(sc->seen);
        free(sc->tmp);
        free(sc->cand);
        free(sc);
    }
    free(r->convention_hundredths);
    free(r->group_hundredths);
    free(r->findings);
    free(r);
}

double ilo_normalise(const ilo_method *me, double raw)
{
    double x = raw < me->cap ? raw : me->cap;
    return x * me->scale / me->cap;
}

int64_t ilo_round2(double x)
{
    /* Half-up; the nudge absorbs binary representation error (2.845 stored as 2.84499...). */
    double v = x * 100.0;
    return (int64_t)floor(v + 0.5 + 1e-9 * (fabs(v) + 1.0));
}

bool ilo_parse_hundredths(const char *s, int64_t *out)
{
    if (!s || *s < '0' || *s > '9') return false;
    int64_t v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > INT64_MAX / 1000) return false;
        v = v * 10 + (*s - '0');
    }
    int decimals = 0, frac = 0;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9' && decimals < 3; s++, decimals++) frac = frac * 10 + (*s - '0');
        if (decimals == 0 || decimals > 2) return false;
    }
    if (*s) return false;
    if (decimals == 1) frac *= 10;
    *out = v * 100 + frac;
    return true;
}

int64_t ilo_result_score_hundredths(const ilo_result *r) { return ilo_round2(r->score); }

ilo_criterion_status ilo_result_status(const ilo_result *r, size_t k)
{
    if (ilo_bitset_has(&r->coded, k)) return ILO_CODED;
    if (ilo_bitset_has(&r->assessed, k)) return ILO_CLEAR;
    return ILO_NOT_ASSESSED;
}

void ilo_result_status_counts(const ilo_model *m, const ilo_result *r, size_t n[3])
{
    n[0] = n[1] = n[2] = 0;
    for (size_t k = 0; k < m->n_criteria; k++) n[ilo_result_status(r, k)]++;
}

const ilo_finding *ilo_result_finding(const ilo_result *r, size_t item)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].item == item) return &r->findings[i];
    return NULL;
}

const ilo_band *ilo_result_band(const ilo_model *m, const ilo_result *r)
{
    const ilo_method *me = &m->methods[r->method];
    return r->band < me->n_bands ? &me->bands[r->band] : NULL;
}

bool ilo_result_conflict_shown(const ilo_model *m, const ilo_profile *p, const ilo_result *r, const ilo_conflict *cf,
                               const size_t *cited)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (ilo_conflict_about_item(cf, p->items[r->findings[i].item].id)) return true;
    const ilo_country *co = &m->countries[r->country];
    for (size_t i = 0; cf->about && i < co->n_events; i++)
        if (ilo_event_supervisory_in(&co->events[i], r->year) && co->events[i].id && strcmp(co->events[i].id, cf->about) == 0)
            return true;
    return ilo_conflict_about_source(m, cf, cited);
}

double ilo_result_convention_score(const ilo_model *m, const ilo_result *r, size_t conv)
{
    return ilo_normalise(&m->methods[r->method], (double)r->convention_hundredths[conv] / 100.0);
}

double ilo_result_group_score(const ilo_model *m, const ilo_result *r, size_t group)
{
    return ilo_normalise(&m->methods[r->method], (double)r->group_hundredths[group] / 100.0);
}

/* Whether some criterion of convention k (or group k) is coded or clear in r. */
static bool part_assessed(const ilo_model *m, const ilo_result *r, size_t k, bool group)
{
    for (size_t i = 0; i < m->n_criteria; i++) {
        size_t part = group ? m->criteria[i].group : m->criteria[i].convention;
        if (part == k && ilo_result_status(r, i) != ILO_NOT_ASSESSED) return true;
    }
    return false;
}

bool ilo_result_convention_assessed(const ilo_model *m, const ilo_result *r, size_t k) { return part_assessed(m, r, k, false); }

bool ilo_result_group_assessed(const ilo_model *m, const ilo_result *r, size_t k) { return part_assessed(m, r, k, true); }

ilo_profile ilo_profile_baseline(const ilo_model *m, size_t c)
{
    ilo_profile p = {c, m->items + m->countries[c].item_first, m->countries[c].n_items, NULL};
    return p;
}

/* Whether [a0, a1] and [b0, b1] share a day. An empty span (a provision repealed the day it came
 * into force, or amended to breach nothing by a scenario) shares none. */
static bool overlaps(int32_t a0, int32_t a1, int32_t b0, int32_t b1) { return a0 <= a1 && a0 <= b1 && a1 >= b0; }

/* Whether item `it` counts in the year, and which of its sources make it count (written to out,
 * their number returned). Under the evidence window an admissible source dated in the year
 * counts; a provision must also be in force in the year (a text cannot code a law already
 * repealed) and an incident must have begun (a text cannot report the future). Legislation,
 * where admissible, counts in the years the provision is in force. Under the occurrence window
 * the item must be in force or happening, and any admissible source counts. The carry-forward
 * window is the evidence window, then carried_sources() when no text of the year reports it. */
/* Carry-forward: an item still in force or happening in the year (`active`) keeps counting after
 * the latest admissible text that reported it before the year (dated no earlier than the item's
 * first year: a text cannot report what had not begun), unless an admissible text of its
 * `resolved_by`, dated from that text's year up to this year, reports it resolved. The sources
 * written to out are the texts of that latest year; their number is returned. */
static size_t carried_sources(const ilo_model *m, uint32_t admissible, const ilo_item *it, int year, size_t *out)
{
    int latest = -1;
    for (size_t j = 0; j < it->n_sources; j++) {
        const ilo_source *s = &m->sources[it->sources[j]];
        if (((admissible >> s->kind) & 1) && s->kind != ILO_SRC_LEGISLATION && s->date.year < year &&
            s->date.year >= it->start.year && s->date.year > latest)
            latest = s->date.year;
    }
    if (latest < 0) return 0;
    for (size_t j = 0; j < it->n_resolved_by; j++) {
        const ilo_source *s = &m->sources[it->resolved_by[j]];
        if (((admissible >> s->kind) & 1) && s->date.year >= latest && s->date.year <= year) return 0;
    }
    size_t n = 0;
    for (size_t j = 0; j < it->n_sources; j++) {
        const ilo_source *s = &m->sources[it->sources[j]];
        if (((admissible >> s->kind) & 1) && s->kind != ILO_SRC_LEGISLATION && s->date.year == latest)
            out[n++] = it->sources[j];
    }
    return n;
}

static size_t counting_sources(const ilo_model *m, const ilo_method *me, uint32_t admissible, const ilo_item *it,
                               int year, int32_t y0, int32_t y1, size_t *out)
{
    bool active = overlaps(it->first_day, it->last_day, y0, y1);
    /* No source can count an item out of the year under the occurrence window, nor a provision out
     * of force, nor an incident not yet begun: their sources are not looked at (at 16x benchmark
     * scale most items of a country-year are one or the other). */
    if (!active && (me->window == ILO_WINDOW_OCCURRENCE || it->kind == ILO_ITEM_PROVISION || it->first_day > y1))
        return 0;
    size_t n = 0;
    for (size_t j = 0; j < it->n_sources; j++) {
        const ilo_source *s = &m->sources[it->sources[j]];
        if (!((admissible >> s->kind) & 1)) continue;
        bool counts;
        if (me->window == ILO_WINDOW_OCCURRENCE || s->kind == ILO_SRC_LEGISLATION) {
            counts = active;
        } else if (it->kind == ILO_ITEM_PROVISION) {
            counts = active && s->date.year == year;
        } else {
            counts = s->date.year == year && it->first_day <= y1;
        }
        if (counts) out[n++] = it->sources[j];
    }
    /* Nothing of the year's own: a finding of an earlier year may carry forward. */
    if (!n && active && me->window == ILO_WINDOW_CARRY_FORWARD) n = carried_sources(m, admissible, it, year, out);
    return n;
}

static bool ensure_capacity(ilo_result *r, size_t n_items, size_t n_pool)
{
    eval_scratch *sc = r->priv;
    if (n_items > sc->cap) {
        ilo_finding *t = realloc(sc->tmp, n_items * sizeof *t);
        if (!t) return false;
        sc->tmp = t;
        uint32_t *c = realloc(sc->cand, n_items * sizeof *c);
        if (!c) return false;
        sc->cand = c;
        sc->cap = n_items;
    }
    if (n_items > sc->cap_items) {
        ilo_finding *f = realloc(r->findings, n_items * sizeof *f);
        if (!f) return false;
        r->findings = f;
        sc->cap_items = n_items;
    }
    if (n_pool > sc->cap_pool) {
        size_t *p = realloc(sc->source_pool, n_pool * sizeof *p);
        if (!p) return false;
        sc->source_pool = p;
        sc->cap_pool = n_pool;
    }
    return true;
}

/* Orders the findings share down, then item up. Findings are made in item order, so a stable
 * sort by share alone gives that order: a least-significant-digit radix sort of the shares, a
 * byte at a time, skipping the bytes no share has (shares are sums of hundredths of weights,
 * which the loader keeps in 0-1000, so a few bytes at most, never negative). qsort() took half
 * of evaluation at 16x benchmark scale. */
static void sort_findings(ilo_result *r, eval_scratch *sc)
{
    size_t n = r->n_findings;
    uint64_t top = 0;
    for (size_t f = 0; f < n; f++) top |= (uint64_t)r->findings[f].share_hundredths;
    ilo_finding *from = r->findings, *to = sc->tmp;
    for (unsigned shift = 0; shift < 64 && (top >> shift); shift += 8) {
        size_t start[257] = {0};
        /* Descending shares: the bucket of byte b is 255 - b. */
        for (size_t f = 0; f < n; f++) start[256 - ((from[f].share_hundredths >> shift) & 0xFF)]++;
        for (int b = 1; b <= 256; b++) start[b] += start[b - 1];
        for (size_t f = 0; f < n; f++) to[start[255 - ((from[f].share_hundredths >> shift) & 0xFF)]++] = from[f];
        ilo_finding *t = from;
        from = to;
        to = t;
    }
    if (from != r->findings) memcpy(r->findings, from, n * sizeof *r->findings);
}

/* The weight of criterion k that falls to its rank-th coder (0-based) of n: the hundredths are
 * split evenly and the remainder goes to the first coders in data order, so shares are exact. */
static int64_t split_weight(int32_t w, uint32_t n, uint32_t rank)
{
    int64_t base = w / (int64_t)n, rem = w % (int64_t)n;
    return base + ((int64_t)rank < rem ? 1 : 0);
}

static void sum_scores(const ilo_model *m, ilo_result *r)
{
    const ilo_method *me = &m->methods[r->method];
    r->raw_hundredths = r->law_hundredths = r->practice_hundredths = 0;
    memset(r->convention_hundredths, 0, m->n_conventions * sizeof *r->convention_hundredths);
    memset(r->group_hundredths, 0, m->n_groups * sizeof *r->group_hundredths);
    r->forced = false;
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) {
        r->scored.w[w] = r->coded.w[w] & me->scope.w[w];
        for (uint64_t bits = r->coded.w[w]; bits; bits &= bits - 1) {
            size_t k = w * 64 + (size_t)__builtin_ctzll(bits);
            const ilo_criterion *c = &m->criteria[k];
            r->convention_hundredths[c->convention] += c->weight_hundredths;
            r->group_hundredths[c->group] += c->weight_hundredths;
            if (!ilo_bitset_has(&me->scope, k)) continue;
            r->raw_hundredths += c->weight_hundredths;
            if (c->kind == ILO_LAW) r->law_hundredths += c->weight_hundredths;
            else r->practice_hundredths += c->weight_hundredths;
            r->forced |= c->all_encompassing;
        }
    }
    r->score = r->forced ? me->scale : ilo_normalise(me, (double)r->raw_hundredths / 100.0);
    r->law = ilo_normalise(me, (double)r->law_hundredths / 100.0);
    r->practice = ilo_normalise(me, (double)r->practice_hundredths / 100.0);
}

static size_t pick_band(const ilo_method *me, double score, bool breakdown)
{
    size_t band = 0;
    int64_t s = ilo_round2(score);
    for (size_t b = 0; b < me->n_bands; b++) {
        if (me->bands[b].breakdown) {
            if (breakdown) return b;
        } else if (ilo_round2(me->bands[b].min) <= s) {
            band = b;
        }
    }
    return band;
}

static bool in_breakdown(const ilo_country *c, int32_t y0, int32_t y1)
{
    for (size_t i = 0; i < c->n_breakdowns; i++) {
        int32_t last = c->breakdowns[i].until.prec ? c->breakdowns[i].until.last : INT32_MAX;
        if (overlaps(c->breakdowns[i].from.first, last, y0, y1)) return true;
    }
    return false;
}

/* Coded criteria, and those an admissible source of the country dated in the year states it
 * examined (`examines`). A text that is merely about a convention examines nothing by that: the
 * points it does not raise are unknown, not clear. exam[0..n-1] are the country's examining
 * sources (all of them, or the year's from the index). */
static void mark_assessed(const ilo_model *m, const size_t *exam, size_t n, uint32_t admissible, int year, ilo_result *r)
{
    r->assessed = r->coded;
    for (size_t i = 0; i < n; i++) {
        const ilo_source *s = &m->sources[exam[i]];
        if (s->date.year != year || !((admissible >> s->kind) & 1)) continue;
        ilo_bitset_or(&r->assessed, s->examined);
    }
}

/* The items of p that can count in year under the window, into sc->cand as indices into p->items
 * in data order (returns how many; *all set when every item must be looked at), and the
 * examining sources to look at: from the year index for a baseline profile, so that a
 * country-year costs what the year holds, not the country's whole history. An item can count
 * under the evidence window when a source of it is dated in the year, or when it is in force and
 * cites legislation that is admissible; under the occurrence window when it is in force or
 * happening; under carry-forward as under the evidence window, or when it is in force or
 * happening (an earlier text's finding carries while the item lasts: carried_sources()). A new
 * window reading must keep its candidates within these rows. */
static size_t candidates(const ilo_model *m, const ilo_profile *p, const ilo_method *me, bool legislation, int year,
                         eval_scratch *sc, bool *all, const size_t **exam, size_t *n_exam)
{
    const ilo_country *c = &m->countries[p->country];
    *all = true;
    *exam = c->examining;
    *n_exam = c->n_examining;
    if (p->priv || !m->priv->years || p->items != m->items + c->item_first || p->n_items != c->n_items)
        return p->n_items;
    *all = false;
    const ilo_year_index *x = &m->priv->years[p->country];
    size_t k = ilo_year_row(x, year), n = 0;
    if (k == SIZE_MAX) {
        *n_exam = 0;
        return 0;
    }
    *exam = x->exam + x->exam_start[k];
    *n_exam = x->exam_start[k + 1] - x->exam_start[k];
    const uint64_t *act = x->active + k * x->words, *dat = x->dated + k * x->words;
    for (size_t w = 0; w < x->words; w++) {
        uint64_t bits;
        if (me->window == ILO_WINDOW_OCCURRENCE) bits = act[w];
        else if (me->window == ILO_WINDOW_CARRY_FORWARD) bits = act[w] | dat[w];
        else bits = dat[w] | (legislation ? act[w] & x->legal[w] : 0);
        for (; bits; bits &= bits - 1) sc->cand[n++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits));
    }
    return n;
}

/* For each finding: its exact share, and whether removing it alone would lower the score. */
static void weigh_findings(const ilo_model *m, const ilo_profile *p, ilo_result *r, eval_scratch *sc)
{
    const ilo_method *me = &m->methods[r->method];
    memset(sc->seen, 0, m->n_criteria * sizeof *sc->seen);
    for (size_t f = 0; f < r->n_findings; f++) {
        ilo_finding *fd = &r->findings[f];
        const ilo_item *it = &p->items[fd->item];
        int64_t share = 0, lost = 0;
        bool keeps_forced = false, sole_forcer = false;
        for (size_t w = 0; w < ILO_BITSET_WORDS; w++) {
            /* Criteria outside the method's scope carry no share of its total. */
            for (uint64_t bits = it->coded.w[w] & me->scope.w[w]; bits; bits &= bits - 1) {
                size_t k = w * 64 + (size_t)__builtin_ctzll(bits);
                const ilo_criterion *c = &m->criteria[k];
                share += split_weight(c->weight_hundredths, sc->count[k], sc->seen[k]++);
                if (sc->count[k] == 1) {
                    lost += c->weight_hundredths;
                    sole_forcer |= c->all_encompassing;
                }
            }
        }
        fd->share_hundredths = share;
        fd->criteria = it->coded;
        /* Another item still forcing the worst score keeps it however much raw is lost. */
        if (r->forced && sole_forcer) {
            keeps_forced = false;
            for (size_t w = 0; w < ILO_BITSET_WORDS && !keeps_forced; w++)
                for (uint64_t bits = r->scored.w[w]; bits && !keeps_forced; bits &= bits - 1) {
                    size_t k = w * 64 + (size_t)__builtin_ctzll(bits);
                    keeps_forced = m->criteria[k].all_encompassing && sc->count[k] > 1;
                }
        } else {
            keeps_forced = r->forced;
        }
        double after = keeps_forced ? me->scale : ilo_normalise(me, (double)(r->raw_hundredths - lost) / 100.0);
        fd->critical = after < r->score - 1e-12;
    }
}

ilo_status ilo_eval(const ilo_model *m, const ilo_profile *p, size_t method, int year, ilo_result *r, ilo_ctx *ctx)
{
    if (method >= m->n_methods) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such method");
    if (p->country >= m->n_countries) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such country");
    if (year < ILO_YEAR_MIN || year > ILO_YEAR_MAX)
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "year %d is outside %d-%d", year, ILO_YEAR_MIN, ILO_YEAR_MAX);
    const ilo_method *me = &m->methods[method];
    const ilo_country *c = &m->countries[p->country];
    eval_scratch *sc = r->priv;
    if (!ensure_capacity(r, p->n_items, 0)) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    int32_t y0 = ilo_year_first_day(year), y1 = ilo_year_last_day(year);
    bool legislation = me->legislation == ILO_LEG_ALWAYS;
    if (me->legislation == ILO_LEG_NON_RATIFYING)
        legislation = m->c087 == SIZE_MAX || m->c098 == SIZE_MAX ||
                      ilo_country_ratified(m, p->country, m->c087, year) != ILO_RAT_RATIFIED ||
                      ilo_country_ratified(m, p->country, m->c098, year) != ILO_RAT_RATIFIED;
    uint32_t admissible = me->admissible & ~(1u << ILO_SRC_LEGISLATION);
    if (legislation) admissible |= me->admissible & (1u << ILO_SRC_LEGISLATION);
    bool all;
    const size_t *exam;
    size_t n_exam, n_cand = candidates(m, p, me, (admissible >> ILO_SRC_LEGISLATION) & 1, year, sc, &all, &exam, &n_exam);
    size_t pool = 0; /* room for the findings' sources: the index knows its country's total */
    if (!all) pool = m->priv->years[p->country].n_sources;
    for (size_t k = 0; all && k < n_cand; k++) pool += p->items[k].n_sources;
    /* One more slot: the pool is never NULL, even when no item has a source left (--as-of). */
    if (!ensure_capacity(r, p->n_items, pool + 1)) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");

    r->country = p->country;
    r->method = method;
    r->year = year;
    memset(&r->coded, 0, sizeof r->coded);
    memset(sc->count, 0, m->n_criteria * sizeof *sc->count);
    r->n_findings = 0;
    sc->n_source_pool = 0;
    for (size_t k = 0; k < n_cand; k++) {
        size_t i = all ? k : sc->cand[k];
        const ilo_item *it = &p->items[i];
        size_t *srcs = sc->source_pool + sc->n_source_pool;
        size_t n = counting_sources(m, me, admissible, it, year, y0, y1, srcs);
        if (!n) continue;
        sc->n_source_pool += n;
        ilo_finding *fd = &r->findings[r->n_findings++];
        fd->item = i;
        fd->sources = srcs;
        fd->n_sources = n;
        ilo_bitset_or(&r->coded, &it->coded);
        for (size_t w = 0; w < ILO_BITSET_WORDS; w++)
            for (uint64_t bits = it->coded.w[w]; bits; bits &= bits - 1) sc->count[w * 64 + (size_t)__builtin_ctzll(bits)]++;
    }
    sum_scores(m, r);
    r->breakdown = in_breakdown(c, y0, y1);
    r->band = pick_band(me, r->score, r->breakdown);
    mark_assessed(m, exam, n_exam, admissible, year, r);
    weigh_findings(m, p, r, sc);
    /* findings is NULL until a profile has items; one finding is already in order. */
    if (r->n_findings > 1) sort_findings(r, sc);
    return ILO_OK;
}

void ilo_score_coded(const ilo_model *m, size_t method, const ilo_bitset *coded, int64_t *raw_hundredths, double *score,
                     bool *forced)
{
    const ilo_method *me = &m->methods[method];
    ilo_bitset all = {{0}};
    for (size_t k = 0; k < m->n_criteria; k++)
        if (ilo_bitset_has(coded, k)) ilo_bitset_or(&all, &m->criteria[k].implies);
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) all.w[w] &= me->scope.w[w];
    int64_t raw = 0;
    bool f = false;
    for (size_t k = 0; k < m->n_criteria; k++)
        if (ilo_bitset_has(&all, k)) {
            raw += m->criteria[k].weight_hundredths;
            f |= m->criteria[k].all_encompassing;
        }
    *raw_hundredths = raw;
    *forced = f;
    *score = f ? me->scale : ilo_normalise(me, (double)raw / 100.0);
}

bool ilo_result_assessed(const ilo_model *m, const ilo_result *r)
{
    const ilo_bitset *scope = &m->methods[r->method].scope;
    for (size_t k = 0; k < ILO_BITSET_WORDS; k++)
        if (r->assessed.w[k] & scope->w[k]) return true;
    return false;
}
