/* rank.c: the ranking and sensitivity documents: their dispatch to the format files, and the
 * sentences every format of them says alike (the ILO's caveat, the ranking rule, the
 * perturbation rule). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void rep_sensitivity_rule(rep_buf *out, const ilo_sensitivity *s)
{
    const ilo_sens_opts *o = &s->opts;
    rep_buf_printf(out,
                   "Monte Carlo over the criterion weights: %zu draws, seed %llu. In each draw every criterion's "
                   "weight is multiplied by 1 + u, with u drawn uniformly on [-",
                   o->draws, (unsigned long long)o->seed);
    rep_buf_fixed(out, o->spread, 2, "?");
    rep_buf_puts(out, "%, +");
    rep_buf_fixed(out, o->spread, 2, "?");
    rep_buf_puts(out,
                 "%] for each criterion independently (GSL gsl_ran_flat; draw d uses gsl_rng_mt19937 seeded with "
                 "1 + (splitmix64(seed) + d) mod (2^32 - 1), so the results do not depend on the number of "
                 "threads). What is coded, the cap, the scale and the all-encompassing rule stay as evaluated. "
                 "Percentiles 5, 50 and 95 over the draws are GSL's gsl_stats_quantile_from_sorted_data (linear "
                 "interpolation between order statistics). Leaving a group out gives its criteria weight 0 and its "
                 "all-encompassing criteria no force; its impact is the ");
    rep_buf_puts(out, rep_impact_meaning(s));
    rep_buf_puts(out, ".");
}

const char *rep_impact_meaning(const ilo_sensitivity *s)
{
    return s->opts.all ? "mean absolute rank change over the ranked countries and the draws"
                       : "mean absolute score change over the assessed years and the draws";
}

/* Stable merge sort of idx[0..n-1] with a comparator that takes a context. */
static void msort(size_t *idx, size_t *tmp, size_t n, int (*cmp)(const void *ctx, size_t a, size_t b), const void *ctx)
{
    if (n < 2) return;
    size_t h = n / 2;
    msort(idx, tmp, h, cmp, ctx);
    msort(idx + h, tmp, n - h, cmp, ctx);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = cmp(ctx, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
    while (i < h) tmp[k++] = idx[i++];
    while (j < n) tmp[k++] = idx[j++];
    for (k = 0; k < n; k++) idx[k] = tmp[k];
}

typedef struct order_ctx {
    const ilo_model *m;
    const ilo_sensitivity *s;
} order_ctx;

static int unit_cmp(const void *arg, size_t a, size_t b)
{
    const order_ctx *x = arg;
    const ilo_sens_unit *u = &x->s->units[a], *v = &x->s->units[b];
    if (!x->s->opts.all) return (u->year > v->year) - (u->year < v->year);
    if (u->assessed != v->assessed) return u->assessed ? -1 : 1;
    if (u->assessed && u->rank != v->rank) return u->rank < v->rank ? -1 : 1;
    return strcmp(x->m->countries[u->country].code, x->m->countries[v->country].code);
}

size_t *rep_sens_order(const ilo_model *m, const ilo_sensitivity *s)
{
    size_t *idx = malloc((s->n_units + 1) * sizeof *idx), *tmp = malloc((s->n_units + 1) * sizeof *tmp);
    if (!idx || !tmp) {
        free(idx);
        free(tmp);
        return NULL;
    }
    for (size_t i = 0; i < s->n_units; i++) idx[i] = i;
    order_ctx x = {m, s};
    msort(idx, tmp, s->n_units, unit_cmp, &x);
    free(tmp);
    return idx;
}
