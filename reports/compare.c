/* compare.c: the year-by-year differences of a scenario comparison (report.h section 4), which
 * the comparison builder (kinds/compare.c) reads. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void rep_year_diff_free(rep_year_diff *d)
{
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

bool rep_year_diff_of(const rep_comparison *doc, size_t i, rep_year_diff *out)
{
    const ilo_result *rb = doc->base->years[i], *ra = doc->alt->years[i];
    const ilo_profile *pb = doc->baseline, *pa = doc->scenario;
    memset(out, 0, sizeof *out);
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) {
        out->stopped.w[w] = rb->coded.w[w] & ~ra->coded.w[w];
        out->started.w[w] = ra->coded.w[w] & ~rb->coded.w[w];
    }
    out->changes = malloc((rb->n_findings + ra->n_findings + 1) * sizeof *out->changes);
    bool *paired = calloc(ra->n_findings + 1, sizeof *paired);
    if (!out->changes || !paired) {
        free(paired);
        rep_year_diff_free(out);
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
                out->changes[out->n++] = (rep_change){removed ? REP_REMOVED : REP_CHANGED, ib,
                                                      fa ? &pa->items[fa->item] : NULL, fb, fa};
        }
    for (size_t f = 0; f < ra->n_findings; f++)
        if (!paired[f])
            out->changes[out->n++] = (rep_change){REP_ADDED, NULL, &pa->items[ra->findings[f].item], NULL,
                                                  &ra->findings[f]};
    free(paired);
    return true;
}

bool rep_comparison_shows(const rep_comparison *doc, size_t conv)
{
    for (size_t i = 0; i < doc->base->n; i++)
        if (doc->base->years[i]->convention_hundredths[conv] > 0 || doc->alt->years[i]->convention_hundredths[conv] > 0) return true;
    return false;
}
