/*
 * asof.c: restricts a loaded model to the evidence published by a given day (--as-of), once,
 * before anything is evaluated. Every reference to a later source is dropped from the lists
 * that hold it (they live in the model's arena and shrink in place), and the records that only
 * later sources support are dropped from theirs; evaluation then runs unchanged on what is left,
 * so no inner loop ever compares a date with the cut-off.
 */
#include <string.h>

#include "internal.h"

typedef struct cut {
    const ilo_model *m;
    int32_t day; /* the last day whose publications count */
} cut;

/* A source counts when the whole period its date covers has ended by the cut-off. */
static bool counts(const cut *c, size_t src) { return src < c->m->n_sources && c->m->sources[src].date.last <= c->day; }

/* Keeps the sources of v[0..*n) that count, in order; returns how many were dropped. */
static size_t keep(const cut *c, size_t *v, size_t *n)
{
    size_t k = 0;
    for (size_t i = 0; i < *n; i++)
        if (counts(c, v[i])) v[k++] = v[i];
    size_t dropped = *n - k;
    *n = k;
    return dropped;
}

/* Compacts array `arr` of `n` records of type T, keeping those for which `keep_expr` (over the
 * record `x`) holds. */
#define FILTER(T, arr, n, keep_expr)                                                             \
    do {                                                                                         \
        size_t k_ = 0;                                                                           \
        for (size_t i_ = 0; i_ < (n); i_++) {                                                    \
            T *x = &(arr)[i_];                                                                   \
            if (keep_expr) (arr)[k_++] = *x;                                                     \
        }                                                                                        \
        (n) = k_;                                                                                \
    } while (0)

static void restrict_country(const cut *c, ilo_country *co)
{
    for (size_t i = 0; i < co->n_ratifications; i++) keep(c, co->ratifications[i].sources, &co->ratifications[i].n_sources);
    /* An event dated after the cut-off, or reported only later, did not happen yet as far as the
     * evidence goes. */
    FILTER(ilo_event, co->events, co->n_events,
           (keep(c, x->sources, &x->n_sources), x->n_sources > 0 && x->date.last <= c->day));
    for (size_t i = 0; i < co->n_conflicts; i++)
        for (size_t j = 0; j < co->conflicts[i].n_versions; j++)
            keep(c, co->conflicts[i].versions[j].sources, &co->conflicts[i].versions[j].n_sources);
    FILTER(ilo_published, co->published, co->n_published, (keep(c, x->sources, &x->n_sources), x->n_sources > 0));
    FILTER(ilo_breakdown, co->breakdowns, co->n_breakdowns, (keep(c, x->sources, &x->n_sources), x->n_sources > 0));
    keep(c, co->examining, &co->n_examining);
}

ilo_status ilo_model_as_of(ilo_model *m, const ilo_date *as_of, ilo_ctx *ctx)
{
    if (m->as_of.prec)
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "the evidence is already restricted (as of %s)", m->as_of.text);
    if (!as_of || as_of->prec != ILO_DATE_DAY)
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "an evidence cut-off must be a day (YYYY-MM-DD)");
    cut c = {m, as_of->last};
    for (size_t i = 0; i < m->n_items; i++) keep(&c, m->items[i].sources, &m->items[i].n_sources);
    for (size_t s = 0; s < m->n_scenarios; s++)
        for (size_t i = 0; i < m->scenarios[s].n_ops; i++) {
            ilo_op *op = &m->scenarios[s].ops[i];
            if (op->kind == ILO_OP_ADD_PROVISION || op->kind == ILO_OP_ADD_INCIDENT)
                keep(&c, op->added.sources, &op->added.n_sources);
        }
    for (size_t i = 0; i < m->n_countries; i++) restrict_country(&c, &m->countries[i]);
    for (size_t i = 0; i < m->n_regimes; i++) {
        ilo_regime *r = &m->regimes[i];
        keep(&c, r->sources, &r->n_sources);
        /* A decision taken later is unknown on the day, and so is the standing it implies. */
        FILTER(ilo_regime_decision, r->decisions, r->n_decisions, x->decided.last <= c.day);
    }
    for (size_t i = 0; i < m->n_vintages; i++) {
        ilo_vintage *v = &m->vintages[i];
        /* Figures may share their vintage's source array: compact the vintage's own list last. */
        FILTER(ilo_figure, v->figures, v->n_figures, x->known <= c.day);
    }
    for (size_t i = 0; i < m->n_vintages; i++) {
        ilo_vintage *v = &m->vintages[i];
        for (size_t k = 0; k < v->n_figures; k++)
            if (v->figures[k].sources != v->sources) keep(&c, v->figures[k].sources, &v->figures[k].n_sources);
        keep(&c, v->sources, &v->n_sources);
        for (size_t k = 0; k < v->n_figures; k++)
            if (v->figures[k].sources == v->sources) v->figures[k].n_sources = v->n_sources;
    }
    m->as_of = *as_of;
    /* The year index was built from the sources just cut (dated rows, legislation, examining
     * sources by year): build it again from what is left. */
    if (m->priv->years) {
        ilo_year_index_free(m->priv->years, m->n_countries);
        if (!(m->priv->years = ilo_year_index_new(m))) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    return ILO_OK;
}
