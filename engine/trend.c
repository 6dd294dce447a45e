/* trend.c: scores over a range of years, their least-squares trend (GSL), and what changed from
 * year to year. */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_fit.h>

#include "internal.h"

void ilo_trend_free(ilo_trend *t)
{
    if (!t) return;
    for (size_t i = 0; t->years && i < t->n; i++) ilo_result_free(t->years[i]);
    free(t->years);
    free(t);
}

const char *ilo_direction_name(ilo_direction d)
{
    switch (d) {
    case ILO_TREND_IMPROVING: return "improving";
    case ILO_TREND_WORSENING: return "worsening";
    case ILO_TREND_STABLE: return "stable";
    case ILO_TREND_NONE: break;
    }
    return "none";
}

const char ilo_direction_rule[] =
    "improving when slope + 2 se < 0, worsening when slope - 2 se > 0, stable otherwise; "
    "no direction with fewer than three years";

/* Fits score = a + slope x year. gsl_fit_linear needs two points for a slope and three for a
 * standard error (its variance divides by n - 2), so both are guarded here rather than left to
 * GSL's error handler. A constant series has se 0 and is stable. */
static void fit(const ilo_model *m, ilo_trend *t)
{
    t->slope = t->slope_se = NAN;
    t->direction = ILO_TREND_NONE;
    t->n_fit = 0;
    for (size_t i = 0; i < t->n; i++) t->n_fit += ilo_result_assessed(m, t->years[i]);
    if (t->n_fit < 2) return;
    double *x = malloc(t->n_fit * sizeof *x), *y = malloc(t->n_fit * sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (!ilo_result_assessed(m, t->years[i])) continue;
        x[k] = (double)(t->from + (int)i);
        y[k++] = (double)ilo_round2(t->years[i]->score) / 100.0;
    }
    double c0, c1, cov00, cov01, cov11, sumsq;
    if (gsl_fit_linear(x, 1, y, 1, k, &c0, &c1, &cov00, &cov01, &cov11, &sumsq) == 0) {
        t->slope = c1;
        if (k >= 3) {
            t->slope_se = sqrt(cov11 > 0 ? cov11 : 0);
            if (t->slope + 2 * t->slope_se < 0) t->direction = ILO_TREND_IMPROVING;
            else if (t->slope - 2 * t->slope_se > 0) t->direction = ILO_TREND_WORSENING;
            else t->direction = ILO_TREND_STABLE;
        }
    }
    free(x);
    free(y);
}

ilo_status ilo_trend_new(const ilo_model *m, const ilo_profile *p, size_t method, int from, int to, ilo_trend **out,
                         ilo_ctx *ctx)
{
    *out = NULL;
    if (from > to || from < ILO_YEAR_MIN || to > ILO_YEAR_MAX)
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "bad year range %d-%d", from, to);
    ilo_trend *t = calloc(1, sizeof *t);
    if (!t) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    t->from = from;
    t->to = to;
    t->years = calloc((size_t)(to - from + 1), sizeof *t->years);
    if (!t->years) {
        ilo_trend_free(t);
        return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    for (int y = from; y <= to; y++) {
        ilo_result *r = ilo_result_new(m);
        if (!r) {
            ilo_trend_free(t);
            return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
        }
        t->years[t->n++] = r;
        ilo_status st = ilo_eval(m, p, method, y, r, ctx);
        if (st != ILO_OK) {
            ilo_trend_free(t);
            return st;
        }
    }
    fit(m, t);
    *out = t;
    return ILO_OK;
}

/* The size of the change of printed score from year i - 1 to year i. */
static int64_t change_of(const ilo_trend *t, size_t i)
{
    int64_t d = ilo_result_score_hundredths(t->years[i]) - ilo_result_score_hundredths(t->years[i - 1]);
    return d < 0 ? -d : d;
}

size_t ilo_trend_largest_changes(const ilo_model *m, const ilo_trend *t, size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 1; i < t->n; i++) {
        if (!ilo_result_assessed(m, t->years[i]) || !ilo_result_assessed(m, t->years[i - 1])) continue;
        int64_t d = change_of(t, i);
        if (d == 0) continue;
        /* Insertion into a short sorted list: larger change first, earlier year on ties. */
        size_t at = n;
        while (at > 0 && change_of(t, out[at - 1]) < d) at--;
        if (at >= max) continue;
        size_t last = n < max ? n : max - 1;
        for (size_t k = last; k > at; k--) out[k] = out[k - 1];
        out[at] = i;
        if (n < max) n++;
    }
    return n;
}

void ilo_trend_changed_items(const ilo_trend *t, size_t i, ilo_finding_fn fn, void *arg)
{
    const ilo_result *now = t->years[i], *before = t->years[i - 1];
    for (size_t k = 0; k < now->n_findings; k++)
        if (!ilo_result_finding(before, now->findings[k].item)) fn(arg, &now->findings[k], true);
    for (size_t k = 0; k < before->n_findings; k++)
        if (!ilo_result_finding(now, before->findings[k].item)) fn(arg, &before->findings[k], false);
}

bool ilo_trend_convention_assessed(const ilo_model *m, const ilo_trend *t, size_t k)
{
    for (size_t i = 0; i < t->n; i++)
        if (ilo_result_convention_assessed(m, t->years[i], k)) return true;
    return false;
}

bool ilo_trend_convention_scored(const ilo_trend *t, size_t k)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->years[i]->convention_hundredths[k] > 0) return true;
    return false;
}

/* Whether cf is about an item counted in a and not in b. */
static bool counted_only_in(const ilo_profile *p, const ilo_result *a, const ilo_result *b, const ilo_conflict *cf)
{
    for (size_t k = 0; k < a->n_findings; k++)
        if (!ilo_result_finding(b, a->findings[k].item) && ilo_conflict_about_item(cf, p->items[a->findings[k].item].id))
            return true;
    return false;
}

bool ilo_trend_conflict_shown(const ilo_model *m, const ilo_profile *p, const ilo_trend *t, const size_t *changes,
                              size_t n, const ilo_conflict *cf, const size_t *cited)
{
    for (size_t k = 0; k < n; k++) {
        const ilo_result *now = t->years[changes[k]], *before = t->years[changes[k] - 1];
        if (counted_only_in(p, now, before, cf) || counted_only_in(p, before, now, cf)) return true;
    }
    return ilo_conflict_about_source(m, cf, cited);
}
