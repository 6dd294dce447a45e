/*
 * scenario.c: applies scenarios to a copy of a country's baseline profile.
 *
 * The copy owns its items (and, through an arena, the arrays and ids it creates); the baseline,
 * which lives in the model, is never written. Operations apply in the order written, scenario
 * after scenario, so a later operation sees what an earlier one made. An amended provision is
 * a lineage of pieces: the original text (its own id) until the amendment's date, then the
 * amended text ("id@date"); a repeal ends every piece, and a later amendment from the same date
 * or an earlier one replaces the pieces it covers. It also tells what differs in a year between
 * an evaluation of the baseline and one of the copy (ilo_year_diff_of).
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

/* Whether id names a piece of provision base: base itself, or a text amended from a date
 * ("base@2020-05-04"). Data ids cannot hold '@', so the suffix is unambiguous. */
static bool of_lineage(const char *id, const char *base)
{
    size_t n = strlen(base);
    return strncmp(id, base, n) == 0 && (id[n] == '\0' || id[n] == '@');
}

static void drop(struct ilo_profile_private *pp, size_t i)
{
    memmove(&pp->items[i], &pp->items[i + 1], (pp->n - i - 1) * sizeof *pp->items);
    pp->n--;
}

/* From the op's date, the provision breaches op->criteria instead. Earlier amendments of the same
 * provision from that date or later are replaced (the later operation wins); pieces before the
 * date are cut at it; the new text runs until the provision's last piece would have ended. */
static ilo_status amend(const ilo_model *m, struct ilo_profile_private *pp, size_t base, const ilo_op *op)
{
    const char *id = pp->items[base].id;
    ilo_date stop = pp->items[base].stop;
    int32_t end = pp->items[base].last_day;
    for (size_t i = 0; i < pp->n; i++)
        if (of_lineage(pp->items[i].id, id) && pp->items[i].last_day > end) {
            end = pp->items[i].last_day;
            stop = pp->items[i].stop;
        }
    for (size_t i = pp->n; i-- > 0;)
        if (i != base && of_lineage(pp->items[i].id, id) && pp->items[i].first_day >= op->date.first) {
            drop(pp, i);
            if (i < base) base--;
        }
    ilo_item *it = &pp->items[base];
    if (op->date.first <= it->first_day) {
        /* The whole life of the provision: amended in place, keeping its id. */
        it->criteria = op->criteria;
        it->n_criteria = op->n_criteria;
        it->stop = stop;
        ilo_item_finish(m, it);
        if (op->n_criteria == 0) set_stop(it, &it->start); /* breaches nothing: never counts */
        return ILO_OK;
    }
    for (size_t i = 0; i < pp->n; i++)
        if (of_lineage(pp->items[i].id, id)) set_stop(&pp->items[i], &op->date);
    if (op->n_criteria == 0 || op->date.first > end) return ILO_OK;
    ilo_item copy = pp->items[base];
    char nid[ILO_MAX_ID * 2 + 16];
    snprintf(nid, sizeof nid, "%s@%s", id, op->date.text);
    copy.id = ilo_arena_strdup(&pp->arena, nid);
    if (!copy.id) return ILO_ERR_NOMEM;
    copy.start = op->date;
    copy.stop = stop;
    copy.criteria = op->criteria;
    copy.n_criteria = op->n_criteria;
    ilo_item_finish(m, &copy);
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
        ilo_status st = amend(m, pp, (size_t)(it - pp->items), op);
        return st == ILO_OK ? st : ilo_ctx_set(ctx, st, NULL, 0, "out of memory");
    }
    /* A repeal (or an incident's end) ends every piece, amended texts included. */
    for (size_t i = 0; i < pp->n; i++)
        if (of_lineage(pp->items[i].id, base->id)) set_stop(&pp->items[i], &op->date);
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

void ilo_year_diff_free(ilo_year_diff *d)
{
    if (!d) return;
    free(d->changes);
    d->changes = NULL;
    d->n = 0;
}

/* The finding of r (over profile p) whose item has exactly this id, or NULL. */
static const ilo_finding *by_id(const ilo_profile *p, const ilo_result *r, const char *id)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (strcmp(p->items[r->findings[i].item].id, id) == 0) return &r->findings[i];
    return NULL;
}

/* The amended text of `id` ("id@DATE") among r's findings, or NULL. */
static const ilo_finding *amended(const ilo_profile *p, const ilo_result *r, const char *id)
{
    size_t n = strlen(id);
    for (size_t i = 0; i < r->n_findings; i++) {
        const char *other = p->items[r->findings[i].item].id;
        if (strncmp(other, id, n) == 0 && other[n] == '@') return &r->findings[i];
    }
    return NULL;
}

static bool same_criteria(const ilo_finding *a, const ilo_finding *b)
{
    return memcmp(&a->criteria, &b->criteria, sizeof a->criteria) == 0;
}

bool ilo_year_diff_of(const ilo_profile *pb, const ilo_result *rb, const ilo_profile *pa, const ilo_result *ra,
                      ilo_year_diff *out)
{
    memset(out, 0, sizeof *out);
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) {
        out->stopped.w[w] = rb->coded.w[w] & ~ra->coded.w[w];
        out->started.w[w] = ra->coded.w[w] & ~rb->coded.w[w];
    }
    out->changes = malloc((rb->n_findings + ra->n_findings + 1) * sizeof *out->changes);
    bool *paired = calloc(ra->n_findings + 1, sizeof *paired);
    if (!out->changes || !paired) {
        free(paired);
        ilo_year_diff_free(out);
        return false;
    }
    /* Pass 0: removed; pass 1: changed (same id with other criteria, or amended). */
    for (int pass = 0; pass < 2; pass++)
        for (size_t f = 0; f < rb->n_findings; f++) {
            const ilo_finding *fb = &rb->findings[f];
            const ilo_item *ib = &pb->items[fb->item];
            const ilo_finding *fa = by_id(pa, ra, ib->id);
            if (!fa) fa = amended(pa, ra, ib->id);
            if (fa) paired[fa - ra->findings] = true;
            bool removed = !fa, changed = fa && !same_criteria(fb, fa);
            if (fa && strcmp(pa->items[fa->item].id, ib->id) != 0) changed = true; /* amended text */
            if ((pass == 0 && removed) || (pass == 1 && changed))
                out->changes[out->n++] = (ilo_change){removed ? ILO_CHANGE_REMOVED : ILO_CHANGE_CHANGED, ib,
                                                      fa ? &pa->items[fa->item] : NULL, fb, fa};
        }
    for (size_t f = 0; f < ra->n_findings; f++)
        if (!paired[f])
            out->changes[out->n++] = (ilo_change){ILO_CHANGE_ADDED, NULL, &pa->items[ra->findings[f].item], NULL,
                                                  &ra->findings[f]};
    free(paired);
    return true;
}
