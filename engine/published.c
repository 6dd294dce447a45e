/*
 * published.c: figures published by others (published/: SDG 8.8.2 vintages, ITUC ratings), the
 * place of a computed score among them, and the dates of trade programmes (when a programme was
 * in force, a country's standing under it). The loader reads the files (load.c); this file
 * orders and checks what it read, once, and answers the queries.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *ilo_measure_name(ilo_measure k) { return k == ILO_MEASURE_ITUC ? "ituc" : "sdg-8.8.2"; }

const char *ilo_answer_name(ilo_answer a) { return a == ILO_ANSWER_YES ? "yes" : a == ILO_ANSWER_NO ? "no" : "unknown"; }

const char *ilo_benefit_name(ilo_benefit b)
{
    static const char *const names[] = {"unknown", "beneficiary", "partial", "suspended", "withdrawn",
                                        "not-beneficiary"};
    return (unsigned)b < sizeof names / sizeof names[0] ? names[b] : "unknown";
}

/* Figures by year, then country; equal keys (duplicates, reported) by line. */
static int figure_cmp(const void *a, const void *b)
{
    const ilo_figure *x = a, *y = b;
    if (x->year != y->year) return x->year < y->year ? -1 : 1;
    int c = strcmp(x->country, y->country);
    if (c) return c;
    return (x->where.line > y->where.line) - (x->where.line < y->where.line);
}

static int decision_cmp(const void *a, const void *b)
{
    const ilo_regime_decision *x = a, *y = b;
    int c = strcmp(x->country, y->country);
    if (c) return c;
    if (x->decided.first != y->decided.first) return x->decided.first < y->decided.first ? -1 : 1;
    return (x->where.line > y->where.line) - (x->where.line < y->where.line);
}

static int period_cmp(const void *a, const void *b)
{
    const ilo_regime_period *x = a, *y = b;
    if (x->from.first != y->from.first) return x->from.first < y->from.first ? -1 : 1;
    return (x->where.line > y->where.line) - (x->where.line < y->where.line);
}

/* The first day a figure is surely published: the earliest last day of its sources' dates. */
static int32_t known_day(const ilo_model *m, const ilo_figure *f)
{
    int32_t k = INT32_MAX;
    for (size_t i = 0; i < f->n_sources; i++)
        if (f->sources[i] < m->n_sources && m->sources[f->sources[i]].date.last < k)
            k = m->sources[f->sources[i]].date.last;
    return k;
}

void ilo_published_finish(ilo_model *m, ilo_ctx *ctx)
{
    for (size_t i = 0; i < m->n_vintages; i++) {
        ilo_vintage *v = &m->vintages[i];
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->vintages[j].id, v->id) == 0) {
                ilo_ctx_set(ctx, ILO_ERR_INVALID, v->where.file, v->where.line,
                            "duplicate vintage id \"%s\" (first defined at %s:%d)", v->id,
                            m->vintages[j].where.file, m->vintages[j].where.line);
                break;
            }
        for (size_t k = 0; k < v->n_figures; k++) {
            ilo_figure *f = &v->figures[k];
            f->profile = f->country[0] ? ilo_model_find_country(m, f->country) : SIZE_MAX;
            f->known = known_day(m, f);
        }
        if (v->n_figures > 1) qsort(v->figures, v->n_figures, sizeof *v->figures, figure_cmp);
        for (size_t k = 1; k < v->n_figures; k++) {
            const ilo_figure *a = &v->figures[k - 1], *b = &v->figures[k];
            if (b->country[0] && a->year == b->year && strcmp(a->country, b->country) == 0)
                ilo_ctx_set(ctx, ILO_ERR_INVALID, b->where.file, b->where.line,
                            "duplicate figure for %s in %d in vintage \"%s\" (first at line %d)", b->country,
                            b->year, v->id, a->where.line);
        }
    }
    for (size_t i = 0; i < m->n_regimes; i++) {
        ilo_regime *r = &m->regimes[i];
        if (r->n_decisions > 1) qsort(r->decisions, r->n_decisions, sizeof *r->decisions, decision_cmp);
        if (r->n_in_force > 1) qsort(r->in_force, r->n_in_force, sizeof *r->in_force, period_cmp);
        for (size_t k = 0; k < r->n_decisions; k++)
            r->decisions[k].profile = r->decisions[k].country[0] ? ilo_model_find_country(m, r->decisions[k].country)
                                                                 : SIZE_MAX;
    }
}

size_t ilo_model_find_vintage(const ilo_model *m, const char *id)
{
    for (size_t i = 0; m && id && i < m->n_vintages; i++)
        if (strcmp(m->vintages[i].id, id) == 0) return i;
    return SIZE_MAX;
}

/* The index of the first figure of (year, country) or after it. */
static size_t lower_bound(const ilo_vintage *v, int year, const char *country)
{
    size_t lo = 0, hi = v->n_figures;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ilo_figure *f = &v->figures[mid];
        int c = f->year != year ? (f->year < year ? -1 : 1) : strcmp(f->country, country);
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const ilo_figure *ilo_vintage_figure(const ilo_vintage *v, const char *country, int year)
{
    if (!v || !country) return NULL;
    size_t i = lower_bound(v, year, country);
    if (i < v->n_figures && v->figures[i].year == year && strcmp(v->figures[i].country, country) == 0)
        return &v->figures[i];
    return NULL;
}

const ilo_figure *ilo_vintage_year(const ilo_vintage *v, int year, size_t *n)
{
    *n = 0;
    if (!v) return NULL;
    size_t a = lower_bound(v, year, ""), b = lower_bound(v, year + 1, "");
    *n = b - a;
    return b > a ? &v->figures[a] : NULL;
}

size_t ilo_published_of(const ilo_model *m, const char *country, int year, ilo_measure measure,
                        const ilo_figure **figs, size_t *vints, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_vintages; i++) {
        if (m->vintages[i].measure != measure) continue;
        const ilo_figure *f = ilo_vintage_figure(&m->vintages[i], country, year);
        if (!f) continue;
        if (n < cap) {
            figs[n] = f;
            if (vints) vints[n] = i;
        }
        n++;
    }
    return n;
}

/* The latest last day of a vintage's own sources, for ties between vintages. */
static int32_t vintage_latest(const ilo_model *m, const ilo_vintage *v)
{
    int32_t d = INT32_MIN;
    for (size_t i = 0; i < v->n_sources; i++)
        if (v->sources[i] < m->n_sources && m->sources[v->sources[i]].date.last > d) d = m->sources[v->sources[i]].date.last;
    return d;
}

size_t ilo_published_default_vintage(const ilo_model *m, ilo_measure measure, int year)
{
    size_t best = SIZE_MAX, best_n = 0;
    int32_t best_day = INT32_MIN;
    for (size_t i = 0; i < m->n_vintages; i++) {
        const ilo_vintage *v = &m->vintages[i];
        if (v->measure != measure) continue;
        size_t n, with = 0;
        const ilo_figure *f = ilo_vintage_year(v, year, &n);
        for (size_t k = 0; k < n; k++) with += f[k].value != NULL;
        if (!with) continue;
        int32_t day = vintage_latest(m, v);
        if (with > best_n || (with == best_n && day > best_day)) {
            best = i;
            best_n = with;
            best_day = day;
        }
    }
    return best;
}

ilo_status ilo_published_place(const ilo_model *m, size_t vintage, int year, double score,
                               ilo_place *out, ilo_ctx *ctx)
{
    memset(out, 0, sizeof *out);
    if (vintage >= m->n_vintages || m->vintages[vintage].measure != ILO_MEASURE_SDG)
        return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no SDG 8.8.2 vintage with index %zu", vintage);
    const ilo_vintage *v = &m->vintages[vintage];
    if (!(score >= 0.0 && score <= 10.0))
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "score %g is not an SDG 8.8.2 score (0 to 10)", score);
    size_t n;
    const ilo_figure *f = ilo_vintage_year(v, year, &n);
    /* Both sides in hundredths: the score as printed, the published values as written. */
    int64_t s = ilo_round2(score);
    out->vintage = vintage;
    out->year = year;
    for (size_t k = 0; k < n; k++) {
        if (!f[k].value) continue;
        int64_t p = ilo_round2(f[k].score);
        out->n++;
        out->below += p < s;
        out->equal += p == s;
    }
    if (!out->n)
        return ilo_ctx_set(ctx, ILO_ERR_DOMAIN, NULL, 0, "vintage \"%s\" has no published score for %d", v->id, year);
    out->percentile = 100.0 * ((double)out->below + (double)out->equal / 2.0) / (double)out->n;
    int q = 1 + (int)floor(out->percentile / 20.0);
    out->quintile = q > 5 ? 5 : q;
    return ILO_OK;
}

const char *ilo_published_sdg(const ilo_model *m, const char *code, size_t country, int year)
{
    size_t v = ilo_model_find_vintage(m, ILO_PLACE_VINTAGE);
    if (v != SIZE_MAX) {
        const ilo_figure *f = ilo_vintage_figure(&m->vintages[v], code, year);
        return f ? f->value : NULL;
    }
    const ilo_published *p = ilo_country_published(m, country, ilo_measure_name(ILO_MEASURE_SDG), year);
    return p ? p->value : NULL;
}

bool ilo_method_comparable(const ilo_model *m, size_t method)
{
    uint32_t sdg = 0;
    for (int k = ILO_SRC_CEACR; k <= ILO_SRC_ILO_OTHER; k++) sdg |= 1u << k;
    sdg |= 1u << ILO_SRC_LEGISLATION;
    return (m->methods[method].admissible & ~sdg) == 0;
}

bool ilo_method_can_place(const ilo_model *m, size_t method)
{
    return ilo_method_comparable(m, method) && ilo_model_find_vintage(m, ILO_PLACE_VINTAGE) != SIZE_MAX;
}

ilo_unplaced ilo_score_place(const ilo_model *m, size_t method, int year, bool assessed, double score,
                             ilo_place *out)
{
    memset(out, 0, sizeof *out);
    if (!assessed) return ILO_UNPLACED_NOT_ASSESSED;
    if (!ilo_method_comparable(m, method)) return ILO_UNPLACED_METHOD;
    size_t v = ilo_model_find_vintage(m, ILO_PLACE_VINTAGE);
    if (v == SIZE_MAX) return ILO_UNPLACED_NO_VINTAGE;
    if (ilo_published_place(m, v, year, score, out, NULL) != ILO_OK) return ILO_UNPLACED_NO_YEAR;
    return ILO_PLACED;
}

ilo_answer ilo_regime_in_force(const ilo_regime *r, int32_t day)
{
    if (!r->n_in_force) return ILO_ANSWER_UNKNOWN;
    for (size_t i = 0; i < r->n_in_force; i++) {
        const ilo_regime_period *p = &r->in_force[i];
        if (day >= p->from.first && (!p->until.prec || day <= p->until.last)) return ILO_ANSWER_YES;
    }
    return ILO_ANSWER_NO;
}

ilo_benefit ilo_regime_benefit(const ilo_regime *r, const char *country, int32_t day,
                               const ilo_regime_decision **why, bool *implied)
{
    const ilo_regime_decision *hit = NULL, *first = NULL;
    for (size_t i = 0; i < r->n_decisions; i++) {
        const ilo_regime_decision *d = &r->decisions[i];
        if (!d->effective.prec || strcmp(d->country, country) != 0) continue;
        if (!first || d->effective.last < first->effective.last) first = d;
        /* The latest effective date that has surely arrived; decisions are sorted by the day
         * they were taken, so a later entry with the same effective day wins. */
        if (d->effective.last <= day && (!hit || d->effective.last >= hit->effective.last)) hit = d;
    }
    if (implied) *implied = false;
    if (why) *why = hit;
    if (hit) return hit->status;
    if (first && (first->status == ILO_BENEFIT_WITHDRAWN || first->status == ILO_BENEFIT_SUSPENDED ||
                  first->status == ILO_BENEFIT_PARTIAL)) {
        if (implied) *implied = true;
        if (why) *why = first;
        return ILO_BENEFIT_YES;
    }
    return ILO_BENEFIT_UNKNOWN;
}
