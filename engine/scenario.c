/*
 * scenario.c: applies scenarios to a copy of a country's baseline profile.
 *
 * The copy owns its items (and, through an arena, the arrays and ids it creates); the baseline,
 * which lives in the model, is never written. Operations apply in the order written, scenario
 * after scenario, so a later operation sees what an earlier one made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ilo_profile_private {
    ilo_item *items;
    size_t n, cap;
    ilo_arena arena;
};

void ilo_profile_free(ilo_profile *p)
{
    if (!p) return;
    if (p->priv) {
        free(p->priv->items);
        ilo_arena_free(&p->priv->arena);
        free(p->priv);
    }
    free(p);
}

static ilo_item *append(struct ilo_profile_private *pp, const ilo_item *it)
{
    if (!ilo_grow((void **)&pp->items, &pp->cap, pp->n, sizeof *pp->items)) return NULL;
    pp->items[pp->n] = *it;
    return &pp->items[pp->n++];
}

/* The profile's current copy of model item `target`, found by id (earlier operations may have
 * added items, so positions are not the model's). */
static ilo_item *find(struct ilo_profile_private *pp, const char *id)
{
    for (size_t i = 0; i < pp->n; i++)
        if (strcmp(pp->items[i].id, id) == 0) return &pp->items[i];
    return NULL;
}

static ilo_status op_error(ilo_ctx *ctx, const ilo_op *op, const char *fmt, const char *a, const char *b)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, a, b);
    return ilo_ctx_set(ctx, ILO_ERR_INVALID, op->where.file, op->where.line, "%s", msg);
}

static void set_stop(ilo_item *it, const ilo_date *d)
{
    /* An earlier end stays: a scenario cannot prolong what already stopped. */
    int32_t last = it->kind == ILO_ITEM_PROVISION ? d->first - 1 : d->last;
    if (last < it->last_day) {
        it->stop = *d;
        it->last_day = last;
    }
}

static ilo_status amend(const ilo_model *m, struct ilo_profile_private *pp, ilo_item *it, const ilo_op *op)
{
    if (op->date.first <= it->first_day) {
        it->criteria = op->criteria;
        it->n_criteria = op->n_criteria;
        ilo_item_finish(m, it);
        return ILO_OK;
    }
    ilo_item copy = *it;
    set_stop(it, &op->date);
    if (op->n_criteria == 0) return ILO_OK;
    char id[ILO_MAX_ID * 2 + 16];
    snprintf(id, sizeof id, "%s@%s", copy.id, op->date.text);
    copy.id = ilo_arena_strdup(&pp->arena, id);
    if (!copy.id) return ILO_ERR_NOMEM;
    copy.start = op->date;
    copy.criteria = op->criteria;
    copy.n_criteria = op->n_criteria;
    ilo_item_finish(m, &copy);
    if (copy.first_day > copy.last_day) return ILO_OK;
    return append(pp, &copy) ? ILO_OK : ILO_ERR_NOMEM;
}

static ilo_status apply_op(const ilo_model *m, struct ilo_profile_private *pp, const ilo_op *op, ilo_ctx *ctx)
{
    if (op->kind == ILO_OP_ADD_PROVISION || op->kind == ILO_OP_ADD_INCIDENT) {
        if (find(pp, op->added.id)) return op_error(ctx, op, "scenario adds \"%s\", which the profile already has%s", op->added.id, "");
        return append(pp, &op->added) ? ILO_OK : ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    const ilo_item *base = &m->items[op->target];
    ilo_item *it = find(pp, base->id);
    if (!it) return op_error(ctx, op, "\"%s\" is not in the profile%s", base->id, "");
    if (op->date.last < it->first_day)
        return op_error(ctx, op, "operation dated %s is before \"%s\" exists", op->date.text, it->id);
    if (op->kind == ILO_OP_AMEND) {
        ilo_status st = amend(m, pp, it, op);
        return st == ILO_OK ? st : ilo_ctx_set(ctx, st, NULL, 0, "out of memory");
    }
    set_stop(it, &op->date);
    return ILO_OK;
}

ilo_status ilo_profile_apply(const ilo_model *m, size_t c, const size_t *scenarios, size_t n, ilo_profile **out,
                             ilo_ctx *ctx)
{
    *out = NULL;
    ilo_profile *p = calloc(1, sizeof *p);
    struct ilo_profile_private *pp = calloc(1, sizeof *pp);
    ilo_status st = ILO_OK;
    if (!p || !pp) {
        free(p);
        free(pp);
        return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    p->priv = pp;
    p->country = c;
    const ilo_country *co = &m->countries[c];
    for (size_t i = 0; i < co->n_items && st == ILO_OK; i++)
        if (!append(pp, &m->items[co->item_first + i])) st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    for (size_t s = 0; s < n && st == ILO_OK; s++) {
        const ilo_scenario *sc = &m->scenarios[scenarios[s]];
        if (sc->country != c) {
            st = ilo_ctx_set(ctx, ILO_ERR_INVALID, sc->where.file, sc->where.line, "scenario \"%s\" is for %s, not %s",
                             sc->id, m->countries[sc->country].code, co->code);
            break;
        }
        for (size_t i = 0; i < sc->n_ops && st == ILO_OK; i++) st = apply_op(m, pp, &sc->ops[i], ctx);
    }
    if (st != ILO_OK) {
        ilo_profile_free(p);
        return st;
    }
    p->items = pp->items;
    p->n_items = pp->n;
    *out = p;
    return ILO_OK;
}
