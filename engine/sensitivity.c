/*
 * sensitivity.c: ranking countries, and Monte Carlo over the criterion weights.
 *
 * Ranking evaluates every country once in the year and orders the assessed ones by their
 * unrounded score (0 best), ties by standard competition ranking ("1224").
 *
 * Sensitivity evaluates each country-year once (ilo_eval) to get its coded criteria, then every
 * draw re-weights those criteria: a draw is a sum of perturbed weights over a short list, plus
 * the all-encompassing rule and the cap. Draw d owns its generator, seeded from (seed, d), and
 * writes only its own row of the result arrays; the rows are reduced in draw order afterwards.
 * So the output is the same bytes whatever the number of threads. Leaving a group out costs
 * nothing extra per country: the per-group sums of a draw give every "without group g" score.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "internal.h"

/* ---------------------------------------------------------------------------------------- */
/* Competition ranks                                                                        */
/* ---------------------------------------------------------------------------------------- */

/* A value and where it came from: sorted by value alone (equal values get equal ranks whatever
 * their order, so no tie-break is needed), in place, with the values beside the indices so the
 * inner loop of every draw reads memory in order. */
typedef struct vi {
    double v;
    uint32_t i;
} vi;

/* Sorts a[0..n-1] by v: insertion-sorted runs of 16, then bottom-up merges through tmp. */
static void sort_vi(vi *a, vi *tmp, size_t n)
{
    enum { RUN = 16 };
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            vi x = a[i];
            size_t j = i;
            while (j > lo && a[j - 1].v > x.v) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }
    vi *src = a, *dst = tmp;
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            if (mid < hi && !(src[mid].v < src[mid - 1].v)) { /* already in order: nearly sorted input */
                memcpy(dst + lo, src + lo, (hi - lo) * sizeof *dst);
                continue;
            }
            while (i < mid && j < hi) dst[k++] = src[j].v < src[i].v ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        vi *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
}

/* Competition ranks of v[0..n-1] into rank, with caller scratch a and tmp (n entries each). */
static void ranks_into(const double *v, size_t n, uint32_t *rank, vi *a, vi *tmp)
{
    for (size_t i = 0; i < n; i++) {
        a[i].v = v[i];
        a[i].i = (uint32_t)i;
    }
    sort_vi(a, tmp, n);
    uint32_t r = 1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && a[i].v != a[i - 1].v) r = (uint32_t)i + 1;
        rank[a[i].i] = r;
    }
}

bool ilo_competition_ranks(const double *v, size_t n, uint32_t *rank)
{
    if (n == 0) return true;
    vi *a = malloc(n * sizeof *a), *tmp = malloc(n * sizeof *tmp);
    if (!a || !tmp) {
        free(a);
        free(tmp);
        return false;
    }
    ranks_into(v, n, rank, a, tmp);
    free(a);
    free(tmp);
    return true;
}

/* ---------------------------------------------------------------------------------------- */
/* Ranking                                                                                  */
/* ---------------------------------------------------------------------------------------- */

void ilo_ranking_free(ilo_ranking *r)
{
    if (!r) return;
    free(r->entries);
    free(r);
}

static const ilo_model *sort_model; /* for entry_cmp; ranking runs on one thread at a time */

static int entry_cmp(const void *a, const void *b)
{
    const ilo_rank_entry *x = a, *y = b;
    if (x->assessed != y->assessed) return x->assessed ? -1 : 1;
    if (x->assessed && x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return strcmp(sort_model->countries[x->country].code, sort_model->countries[y->country].code);
}

static pthread_mutex_t sort_lock = PTHREAD_MUTEX_INITIALIZER;

ilo_status ilo_ranking_new(const ilo_model *m, size_t method, int year, ilo_ranking **out, ilo_ctx *ctx)
{
    *out = NULL;
    if (method >= m->n_methods) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such method");
    ilo_ranking *rk = calloc(1, sizeof *rk);
    ilo_result *r = ilo_result_new(m);
    double *v = NULL;
    uint32_t *ranks = NULL;
    size_t *pos = NULL;
    ilo_status st = ILO_OK;
    if (!rk || !r) goto oom;
    rk->method = method;
    rk->year = year;
    rk->n = m->n_countries;
    rk->entries = calloc(rk->n + 1, sizeof *rk->entries);
    v = malloc((rk->n + 1) * sizeof *v);
    ranks = malloc((rk->n + 1) * sizeof *ranks);
    pos = malloc((rk->n + 1) * sizeof *pos);
    if (!rk->entries || !v || !ranks || !pos) goto oom;
    for (size_t c = 0; c < m->n_countries; c++) {
        ilo_profile p = ilo_profile_baseline(m, c);
        if ((st = ilo_eval(m, &p, method, year, r, ctx)) != ILO_OK) goto fail;
        ilo_rank_entry *e = &rk->entries[c];
        e->country = c;
        e->assessed = ilo_result_assessed(m, r);
        e->raw_c = r->raw_c;
        e->forced = r->forced;
        e->score = r->score;
        e->band = r->band;
        if (e->assessed) {
            pos[rk->n_ranked] = c;
            v[rk->n_ranked++] = r->score;
        }
    }
    if (!ilo_competition_ranks(v, rk->n_ranked, ranks)) goto oom;
    for (size_t i = 0; i < rk->n_ranked; i++) rk->entries[pos[i]].rank = ranks[i];
    /* Tie sizes: ranks are 1..n_ranked, so count per rank. */
    for (size_t i = 0; i < rk->n_ranked; i++) pos[i] = 0;
    for (size_t i = 0; i < rk->n_ranked; i++) pos[ranks[i] - 1]++;
    for (size_t i = 0; i < rk->n_ranked; i++) rk->n_tie_groups += pos[i] > 1;
    for (size_t c = 0; c < rk->n; c++)
        if (rk->entries[c].assessed) rk->entries[c].tied = (uint32_t)pos[rk->entries[c].rank - 1];
    pthread_mutex_lock(&sort_lock);
    sort_model = m;
    qsort(rk->entries, rk->n, sizeof *rk->entries, entry_cmp);
    pthread_mutex_unlock(&sort_lock);
    free(v);
    free(ranks);
    free(pos);
    ilo_result_free(r);
    *out = rk;
    return ILO_OK;
oom:
    st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
fail:
    free(v);
    free(ranks);
    free(pos);
    ilo_result_free(r);
    ilo_ranking_free(rk);
    return st;
}

/* ---------------------------------------------------------------------------------------- */
/* Sensitivity                                                                              */
/* ---------------------------------------------------------------------------------------- */

/* A unit as the draws see it: its coded criteria (catalogue order) and, for each, its slot among
 * the active groups; which active groups hold its coded all-encompassing criteria. */
typedef struct sunit {
    uint16_t *crit;
    uint16_t *slot;
    size_t n;
    size_t n_force_slots;   /* distinct active-group slots with a coded all-encompassing criterion */
    size_t force_slot;      /* the slot when there is exactly one */
    bool forced;
} sunit;

typedef struct sjob {
    const ilo_model *m;
    const ilo_method *me;
    const ilo_sens_opts *o;
    sunit *su;              /* the assessed units, in unit order */
    size_t n_su;
    size_t n_active;        /* active groups (coded by some unit) */
    double *scores;         /* draws x n_su */
    uint32_t *ranks;        /* all: draws x n_su */
    double *gchange;        /* draws x n_active: per draw, the summed absolute change */
    bool all_ranks;         /* all: rank the units in every draw */
    uint32_t *aff;          /* per active group a, the units coding one of its criteria: */
    size_t *aff_start;      /*   aff[aff_start[a] .. aff_start[a + 1] - 1] */
    ilo_sens_unit **out;    /* per assessed unit, where its percentiles go */
    atomic_size_t done;
    atomic_int failed;
} sjob;

typedef struct sworker {
    sjob *job;
    size_t first, end;      /* draws (phase 1), or assessed units (phase 2) */
    pthread_t thread;
    bool started;
} sworker;

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15u;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
    return x ^ (x >> 31);
}

static unsigned long draw_seed(uint64_t seed, size_t d)
{
    uint64_t h = splitmix64(seed);
    return (unsigned long)(1 + (h % 0xFFFFFFFFu + (uint64_t)d % 0xFFFFFFFFu) % 0xFFFFFFFFu);
}

/* ilo_normalise() of raw_c / 100, or the scale when forced: the same operations in the same order,
 * so a draw with zero spread gives ilo_eval()'s score to the last bit; here so it inlines. */
static inline double unit_score(const ilo_method *me, double raw_c, bool forced)
{
    double raw = raw_c / 100.0;
    double x = raw < me->cap ? raw : me->cap;
    return forced ? me->scale : x * me->scale / me->cap;
}

static void *run_draws(void *arg)
{
    sworker *wk = arg;
    sjob *j = wk->job;
    const ilo_model *m = j->m;
    size_t n = j->n_su, na = j->n_active, nc = m->n_criteria;
    double p = j->o->spread / 100.0;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    double *w = malloc((nc + 1) * sizeof *w);
    double *gsum = calloc((n * na) + 1, sizeof *gsum);
    double *alt = malloc((n + 1) * sizeof *alt);
    unsigned char *mark = calloc(n + 1, 1);
    vi *bs = malloc((n + 1) * sizeof *bs), *A = malloc((n + 1) * sizeof *A), *tmp = malloc((n + 1) * sizeof *tmp);
    if (!rng || !w || !gsum || !alt || !mark || !bs || !A || !tmp) {
        atomic_store(&j->failed, 1);
        goto out;
    }
    for (size_t d = wk->first; d < wk->end; d++) {
        gsl_rng_set(rng, draw_seed(j->o->seed, d));
        for (size_t k = 0; k < nc; k++) w[k] = (double)m->criteria[k].weight_c * (1.0 + gsl_ran_flat(rng, -p, p));
        double *sc = j->scores + d * n;
        memset(gsum, 0, n * na * sizeof *gsum);
        for (size_t u = 0; u < n; u++) {
            const sunit *s = &j->su[u];
            double raw = 0;
            double *g = gsum + u * na;
            for (size_t i = 0; i < s->n; i++) {
                double x = w[s->crit[i]];
                raw += x;
                g[s->slot[i]] += x;
            }
            sc[u] = unit_score(j->me, raw, s->forced);
            alt[u] = raw;
        }
        double *gc = j->gchange + d * na;
        uint32_t *base = j->all_ranks ? j->ranks + d * n : NULL;
        if (base) ranks_into(sc, n, base, bs, tmp); /* bs: the draw's scores, sorted */
        for (size_t a = 0; a < na; a++) {
            /* Leaving group a out changes only the units that code one of its criteria (aff);
             * the others keep their score, hence their order in bs. */
            const uint32_t *aff = j->aff + j->aff_start[a];
            size_t n_aff = j->aff_start[a + 1] - j->aff_start[a];
            if (!base) {
                double sum = 0;
                for (size_t k = 0; k < n_aff; k++) {
                    uint32_t u = aff[k];
                    const sunit *s = &j->su[u];
                    bool forced = s->n_force_slots > 1 || (s->n_force_slots == 1 && s->force_slot != a);
                    sum += fabs(unit_score(j->me, alt[u] - gsum[u * na + a], forced) - sc[u]);
                }
                gc[a] = sum;
                continue;
            }
            /* The new order: the unaffected in bs's order merged with the affected, sorted (taken
             * in bs's order, so nearly sorted already); competition ranks as the merge goes,
             * compared with the draw's own ranks. */
            for (size_t k = 0; k < n_aff; k++) mark[aff[k]] = 1;
            size_t n_a = 0;
            for (size_t q = 0; q < n; q++) {
                uint32_t u = bs[q].i;
                if (!mark[u]) continue;
                const sunit *s = &j->su[u];
                bool forced = s->n_force_slots > 1 || (s->n_force_slots == 1 && s->force_slot != a);
                A[n_a].v = unit_score(j->me, alt[u] - gsum[u * na + a], forced);
                A[n_a++].i = u;
            }
            sort_vi(A, tmp, n_a);
            uint64_t sum = 0;
            size_t i = 0, k = 0, pos = 0;
            uint32_t r = 0;
            double prev = 0;
            for (;;) {
                while (i < n && mark[bs[i].i]) i++;
                vi e;
                if (k < n_aff && (i >= n || A[k].v < bs[i].v)) e = A[k++];
                else if (i < n) e = bs[i++];
                else break;
                if (pos == 0 || e.v != prev) r = (uint32_t)pos + 1;
                prev = e.v;
                pos++;
                sum += r > base[e.i] ? r - base[e.i] : base[e.i] - r;
            }
            for (size_t q = 0; q < n_aff; q++) mark[aff[q]] = 0;
            gc[a] = (double)sum;
        }
        atomic_fetch_add(&j->done, 1);
    }
out:
    gsl_rng_free(rng);
    free(w);
    free(gsum);
    free(alt);
    free(mark);
    free(bs);
    free(A);
    free(tmp);
    return NULL;
}

/* Phase 2: the percentiles of assessed units first..end-1, each from its own column of draws.
 * Ranks are integers 1..n, so their column is sorted by counting (the same array gsl_sort would
 * give, in O(draws)). */
static void percentiles(double *x, size_t n, double *p5, double *p50, double *p95);
static void quantiles_sorted(const double *x, size_t n, double *p5, double *p50, double *p95);

static void *run_percentiles(void *arg)
{
    sworker *wk = arg;
    sjob *j = wk->job;
    size_t D = j->o->draws, n = j->n_su;
    double *col = malloc(D * sizeof *col);
    size_t *count = j->ranks ? calloc(n + 2, sizeof *count) : NULL;
    if (!col || (j->ranks && !count)) {
        atomic_store(&j->failed, 1);
        free(col);
        free(count);
        return NULL;
    }
    for (size_t i = wk->first; i < wk->end; i++) {
        ilo_sens_unit *un = j->out[i];
        for (size_t d = 0; d < D; d++) col[d] = j->scores[d * n + i];
        percentiles(col, D, &un->p5, &un->p50, &un->p95);
        if (!j->ranks) continue;
        memset(count, 0, (n + 2) * sizeof *count);
        for (size_t d = 0; d < D; d++) count[j->ranks[d * n + i]]++;
        size_t k = 0;
        for (size_t r = 1; r <= n; r++)
            for (size_t c = count[r]; c > 0; c--) col[k++] = (double)r;
        quantiles_sorted(col, D, &un->rank_p5, &un->rank_p50, &un->rank_p95);
    }
    free(col);
    free(count);
    return NULL;
}

static void sleep_ms(long ms);

/* Runs fn on workers 0..T-1 (their ranges already set): 1..T-1 on threads and 0 on the calling
 * thread; with a progress callback every worker runs on a thread and the calling thread reports
 * job->done against total. A thread that cannot start is run here instead: since every worker
 * writes only its own rows, the result is the same. */
static void run_parallel(sworker *wk, unsigned T, void *(*fn)(void *), const ilo_sens_opts *o, sjob *job, size_t total)
{
    bool report = o->progress != NULL && total > 0;
    for (unsigned t = report ? 0 : 1; t < T; t++) wk[t].started = pthread_create(&wk[t].thread, NULL, fn, &wk[t]) == 0;
    for (unsigned t = 0; t < T; t++)
        if (!wk[t].started) fn(&wk[t]);
    if (report) {
        for (;;) {
            size_t done = atomic_load(&job->done);
            if (done >= total || atomic_load(&job->failed)) break;
            o->progress(o->progress_arg, done, total);
            sleep_ms(100);
        }
    }
    for (unsigned t = 0; t < T; t++)
        if (wk[t].started) pthread_join(wk[t].thread, NULL);
    for (unsigned t = 0; t < T; t++) wk[t].started = false;
    if (report && !atomic_load(&job->failed)) o->progress(o->progress_arg, total, total);
}

/* Splits 0..total-1 into T contiguous ranges. */
static void split(sworker *wk, unsigned T, size_t total, sjob *job)
{
    size_t chunk = (total + T - 1) / T;
    for (unsigned t = 0; t < T; t++) {
        wk[t].job = job;
        wk[t].first = (size_t)t * chunk < total ? (size_t)t * chunk : total;
        wk[t].end = wk[t].first + chunk < total ? wk[t].first + chunk : total;
    }
}

void ilo_sensitivity_free(ilo_sensitivity *s)
{
    if (!s) return;
    free(s->units);
    free(s->groups);
    free(s);
}

/* GSL's quantile of sorted x, kept between the two order statistics it interpolates: GSL computes
 * (1 - d) x[i] + d x[i+1], which can miss x[i] by one ulp when x[i] == x[i+1]; with the clamp, a
 * run of equal draws (zero spread) gives exactly that value. f is in [0, 1] and n >= 1. */
static double quantile(const double *x, size_t n, double f)
{
    double q = gsl_stats_quantile_from_sorted_data(x, 1, n, f);
    size_t i = (size_t)floor((double)(n - 1) * f), j = i + 1 < n ? i + 1 : i;
    if (q < x[i]) q = x[i];
    if (q > x[j]) q = x[j];
    return q;
}

/* Percentiles 5, 50, 95 of sorted x[0..n-1]; n >= 1 is guaranteed by the caller. */
static void quantiles_sorted(const double *x, size_t n, double *p5, double *p50, double *p95)
{
    *p5 = quantile(x, n, 0.05);
    *p50 = quantile(x, n, 0.50);
    *p95 = quantile(x, n, 0.95);
}

/* The same of x[0..n-1], sorted in place first. */
static void percentiles(double *x, size_t n, double *p5, double *p50, double *p95)
{
    gsl_sort(x, 1, n);
    quantiles_sorted(x, n, p5, p50, p95);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static ilo_status check_opts(const ilo_model *m, const ilo_sens_opts *o, ilo_ctx *ctx)
{
    if (o->method >= m->n_methods) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such method");
    if (!o->all && o->country >= m->n_countries) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such country");
    if (o->from < ILO_YEAR_MIN || o->to > ILO_YEAR_MAX || o->from > o->to || (o->all && o->from != o->to))
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "bad year range %d-%d", o->from, o->to);
    if (o->draws < 1 || o->draws > ILO_SENS_MAX_DRAWS)
        return ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0, "draws must be 1 to %d", ILO_SENS_MAX_DRAWS);
    if (!(o->spread >= 0 && o->spread <= 100))
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "spread must be 0 to 100 percent");
    if (o->threads < 1 || o->threads > ILO_SENS_MAX_THREADS)
        return ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0, "threads must be 1 to %d", ILO_SENS_MAX_THREADS);
    if (m->n_criteria > UINT16_MAX || m->n_groups > UINT16_MAX)
        return ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0, "too many criteria or groups");
    return ILO_OK;
}

ilo_status ilo_sensitivity_new(const ilo_model *m, const ilo_sens_opts *o, ilo_sensitivity **out, ilo_ctx *ctx)
{
    *out = NULL;
    ilo_status st = check_opts(m, o, ctx);
    if (st != ILO_OK) return st;
    size_t n_units = o->all ? m->n_countries : (size_t)(o->to - o->from + 1);
    if (n_units && o->draws > ILO_SENS_MAX_VALUES / n_units)
        return ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0, "%zu draws x %zu country-years is more than %d values",
                           o->draws, n_units, ILO_SENS_MAX_VALUES);

    ilo_sensitivity *s = calloc(1, sizeof *s);
    ilo_result *r = ilo_result_new(m);
    sjob job = {.m = m, .me = &m->methods[o->method], .o = NULL};
    size_t *slot_of = calloc(m->n_groups + 1, sizeof *slot_of); /* group -> active slot + 1 */
    size_t *group_of_slot = calloc(m->n_groups + 1, sizeof *group_of_slot);
    uint16_t *pool = NULL;
    sworker *wk = NULL;
    if (!s || !r || !slot_of || !group_of_slot) goto oom;
    s->opts = *o;
    s->opts.progress = NULL;
    s->opts.progress_arg = NULL;
    job.o = &s->opts;
    s->n_units = n_units;
    s->n_groups = m->n_groups;
    s->units = calloc(n_units + 1, sizeof *s->units);
    s->groups = calloc(m->n_groups + 1, sizeof *s->groups);
    job.su = calloc(n_units + 1, sizeof *job.su);
    ilo_bitset *coded = calloc(n_units + 1, sizeof *coded);
    if (!s->units || !s->groups || !job.su || !coded) {
        free(coded);
        goto oom;
    }

    /* 1. Evaluate each country-year once. */
    size_t total_crit = 0;
    for (size_t u = 0; u < n_units; u++) {
        ilo_sens_unit *un = &s->units[u];
        un->country = o->all ? u : o->country;
        un->year = o->all ? o->from : o->from + (int)u;
        ilo_profile p = ilo_profile_baseline(m, un->country);
        if ((st = ilo_eval(m, &p, o->method, un->year, r, ctx)) != ILO_OK) {
            free(coded);
            goto fail;
        }
        un->assessed = ilo_result_assessed(m, r);
        un->raw_c = r->raw_c;
        un->forced = r->forced;
        un->score = r->score;
        un->p5 = un->p50 = un->p95 = un->rank_p5 = un->rank_p50 = un->rank_p95 = NAN;
        if (!un->assessed) continue;
        coded[u] = r->scored;
        total_crit += ilo_bitset_count(&r->scored);
        for (size_t k = 0; k < m->n_criteria; k++)
            if (ilo_bitset_has(&r->scored, k)) slot_of[m->criteria[k].group] = 1;
    }
    for (size_t g = 0; g < m->n_groups; g++) {
        s->groups[g].group = g;
        s->groups[g].coded = slot_of[g] != 0;
        if (slot_of[g]) {
            group_of_slot[job.n_active] = g;
            slot_of[g] = ++job.n_active;
        }
    }

    /* 2. The assessed units as lists of coded criteria. */
    pool = malloc((2 * total_crit + 1) * sizeof *pool);
    if (!pool) {
        free(coded);
        goto oom;
    }
    size_t used = 0;
    for (size_t u = 0; u < n_units; u++) {
        if (!s->units[u].assessed) continue;
        sunit *su = &job.su[job.n_su++];
        su->crit = pool + used;
        su->slot = pool + total_crit + used;
        su->forced = s->units[u].forced;
        for (size_t k = 0; k < m->n_criteria; k++) {
            if (!ilo_bitset_has(&coded[u], k)) continue;
            size_t slot = slot_of[m->criteria[k].group] - 1;
            bool new_force_slot = m->criteria[k].all_encompassing;
            for (size_t i = 0; i < su->n && new_force_slot; i++)
                if (m->criteria[su->crit[i]].all_encompassing && su->slot[i] == slot) new_force_slot = false;
            su->crit[su->n] = (uint16_t)k;
            su->slot[su->n++] = (uint16_t)slot;
            if (new_force_slot) {
                su->n_force_slots++;
                su->force_slot = slot;
            }
        }
        used += su->n;
    }
    free(coded);
    s->n_assessed = job.n_su;

    /* Point ranks. */
    if (o->all && job.n_su) {
        double *v = calloc(job.n_su, sizeof *v);
        uint32_t *rk = malloc(job.n_su * sizeof *rk);
        if (!v || !rk) {
            free(v);
            free(rk);
            goto oom;
        }
        for (size_t u = 0, i = 0; u < n_units; u++)
            if (s->units[u].assessed) v[i++] = s->units[u].score;
        if (!ilo_competition_ranks(v, job.n_su, rk)) {
            free(v);
            free(rk);
            goto oom;
        }
        for (size_t u = 0, i = 0; u < n_units; u++)
            if (s->units[u].assessed) s->units[u].rank = rk[i++];
        free(v);
        free(rk);
    }

    /* 3. The draws. */
    size_t D = o->draws, n = job.n_su, na = job.n_active;
    job.all_ranks = o->all;
    job.aff_start = calloc(na + 2, sizeof *job.aff_start);
    job.aff = malloc((total_crit + 1) * sizeof *job.aff);
    if (!job.aff_start || !job.aff) goto oom;
    used = 0;
    for (size_t a = 0; a < na; a++) {
        job.aff_start[a] = used;
        for (size_t u = 0; u < n; u++) {
            const sunit *su = &job.su[u];
            bool has = false;
            for (size_t i = 0; i < su->n && !has; i++) has = su->slot[i] == a;
            if (has) job.aff[used++] = (uint32_t)u;
        }
        job.aff_start[a + 1] = used;
    }
    if (n) {
        job.scores = malloc(D * n * sizeof *job.scores);
        job.ranks = o->all ? malloc(D * n * sizeof *job.ranks) : NULL;
        job.gchange = malloc((D * na + 1) * sizeof *job.gchange);
        if (!job.scores || (o->all && !job.ranks) || !job.gchange) goto oom_job;
        atomic_init(&job.done, 0);
        atomic_init(&job.failed, 0);
        unsigned T = o->threads < D ? o->threads : (unsigned)D;
        wk = calloc(o->threads, sizeof *wk);
        job.out = malloc(n * sizeof *job.out);
        if (!wk || !job.out) goto oom_job;
        for (size_t u = 0, i = 0; u < n_units; u++)
            if (s->units[u].assessed) job.out[i++] = &s->units[u];
        split(wk, T, D, &job);
        run_parallel(wk, T, run_draws, o, &job, D);
        if (atomic_load(&job.failed)) goto oom_job;

        /* 4. Percentiles per unit (in parallel: units are independent); group impacts reduced
         * in draw order. */
        unsigned T2 = o->threads < n ? o->threads : (unsigned)n;
        split(wk, T2, n, &job);
        ilo_sens_opts quiet = *o;
        quiet.progress = NULL;
        run_parallel(wk, T2, run_percentiles, &quiet, &job, 0);
        if (atomic_load(&job.failed)) goto oom_job;
        for (size_t a = 0; a < na; a++) {
            double sum = 0;
            for (size_t d = 0; d < D; d++) sum += job.gchange[d * na + a];
            s->groups[group_of_slot[a]].impact = sum / ((double)D * (double)n);
        }
    }
    free(job.out);
    free(job.aff);
    free(job.aff_start);
    free(wk);
    free(job.scores);
    free(job.ranks);
    free(job.gchange);
    free(job.su);
    free(pool);
    free(slot_of);
    free(group_of_slot);
    ilo_result_free(r);
    *out = s;
    return ILO_OK;
oom_job:
    st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    goto fail;
oom:
    st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
fail:
    free(job.out);
    free(job.aff);
    free(job.aff_start);
    free(wk);
    free(job.scores);
    free(job.ranks);
    free(job.gchange);
    free(job.su);
    free(pool);
    free(slot_of);
    free(group_of_slot);
    ilo_result_free(r);
    ilo_sensitivity_free(s);
    return st;
}
