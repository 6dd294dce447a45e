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
    free(r->extra);
    free(r);
}

const ilo_country *ilo_ranking_country(const ilo_model *m, const ilo_ranking *r, size_t country)
{
    return country < m->n_countries ? &m->countries[country] : &r->extra[country - m->n_countries];
}

static const ilo_model *sort_model;     /* for entry_cmp; ranking runs on one thread at a time */
static const ilo_ranking *sort_ranking;

static int entry_cmp(const void *a, const void *b)
{
    const ilo_rank_entry *x = a, *y = b;
    if (x->assessed != y->assessed) return x->assessed ? -1 : 1;
    if (x->assessed && x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return strcmp(ilo_ranking_country(sort_model, sort_ranking, x->country)->code,
                  ilo_ranking_country(sort_model, sort_ranking, y->country)->code);
}

static pthread_mutex_t sort_lock = PTHREAD_MUTEX_INITIALIZER;

/* Ranks rk->entries[0..n-1] (assessed, score set), then orders them. False when out of memory. */
static bool rank_entries(const ilo_model *m, ilo_ranking *rk)
{
    double *v = malloc((rk->n + 1) * sizeof *v);
    uint32_t *ranks = malloc((rk->n + 1) * sizeof *ranks);
    size_t *pos = malloc((rk->n + 1) * sizeof *pos);
    bool ok = v && ranks && pos;
    for (size_t c = 0; ok && c < rk->n; c++)
        if (rk->entries[c].assessed) {
            pos[rk->n_ranked] = c;
            v[rk->n_ranked++] = rk->entries[c].score;
        }
    ok = ok && ilo_competition_ranks(v, rk->n_ranked, ranks);
    if (ok) {
        for (size_t i = 0; i < rk->n_ranked; i++) rk->entries[pos[i]].rank = ranks[i];
        /* Tie sizes: ranks are 1..n_ranked, so count per rank. */
        for (size_t i = 0; i < rk->n_ranked; i++) pos[i] = 0;
        for (size_t i = 0; i < rk->n_ranked; i++) pos[ranks[i] - 1]++;
        for (size_t i = 0; i < rk->n_ranked; i++) rk->n_tie_groups += pos[i] > 1;
        for (size_t c = 0; c < rk->n; c++)
            if (rk->entries[c].assessed) rk->entries[c].tied = (uint32_t)pos[rk->entries[c].rank - 1];
        pthread_mutex_lock(&sort_lock);
        sort_model = m;
        sort_ranking = rk;
        qsort(rk->entries, rk->n, sizeof *rk->entries, entry_cmp);
        pthread_mutex_unlock(&sort_lock);
    }
    free(v);
    free(ranks);
    free(pos);
    return ok;
}

ilo_status ilo_ranking_new(const ilo_model *m, size_t method, int year, ilo_ranking **out, ilo_ctx *ctx)
{
    *out = NULL;
    if (method >= m->n_methods) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such method");
    ilo_ranking *rk = calloc(1, sizeof *rk);
    ilo_result *r = ilo_result_new(m);
    ilo_status st = ILO_OK;
    if (!rk || !r) goto oom;
    rk->method = method;
    rk->year = year;
    rk->n = m->n_countries;
    rk->entries = calloc(rk->n + 1, sizeof *rk->entries);
    if (!rk->entries) goto oom;
    for (size_t c = 0; c < m->n_countries; c++) {
        ilo_profile p = ilo_profile_baseline(m, c);
        if ((st = ilo_eval(m, &p, method, year, r, ctx)) != ILO_OK) goto fail;
        ilo_rank_entry *e = &rk->entries[c];
        e->country = c;
        e->assessed = ilo_result_assessed(m, r);
        e->raw_hundredths = r->raw_hundredths;
        e->forced = r->forced;
        e->score = r->score;
        e->band = r->band;
    }
    if (!rank_entries(m, rk)) goto oom;
    ilo_result_free(r);
    *out = rk;
    return ILO_OK;
oom:
    st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
fail:
    ilo_result_free(r);
    ilo_ranking_free(rk);
    return st;
}

static size_t band_of(const ilo_method *me, double score)
{
    size_t band = 0;
    int64_t s = ilo_round2(score);
    for (size_t b = 0; b < me->n_bands; b++)
        if (!me->bands[b].breakdown && ilo_round2(me->bands[b].min) <= s) band = b;
    return band;
}

ilo_status ilo_ranking_from_sheet(const ilo_model *m, size_t method, const ilo_sheet *sheet, int year,
                                  ilo_ranking **out, ilo_ctx *ctx)
{
    *out = NULL;
    if (method >= m->n_methods) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such method");
    ilo_ranking *rk = calloc(1, sizeof *rk);
    if (!rk) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    rk->method = method;
    rk->year = year;
    rk->entries = calloc(sheet->n_rows + 1, sizeof *rk->entries);
    rk->extra = calloc(sheet->n_rows + 1, sizeof *rk->extra);
    const char **codes = malloc((sheet->n_rows + 1) * sizeof *codes);
    if (!rk->entries || !rk->extra || !codes) {
        free(codes);
        ilo_ranking_free(rk);
        return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < sheet->n_rows; i++) {
        const ilo_sheet_row *row = &sheet->rows[i];
        /* Rows of a country are usually adjacent: the last country first, then the others. */
        size_t k = last != SIZE_MAX && strcmp(codes[last], row->country) == 0 ? last : SIZE_MAX;
        for (size_t q = 0; q < rk->n && k == SIZE_MAX; q++)
            if (strcmp(codes[q], row->country) == 0) k = q;
        if (k == SIZE_MAX) {
            k = rk->n++;
            codes[k] = row->country;
            size_t c = ilo_model_find_country(m, row->country);
            if (c == SIZE_MAX) {
                ilo_country *x = &rk->extra[rk->n_extra];
                x->code = x->name = row->country;
                c = m->n_countries + rk->n_extra++;
            }
            rk->entries[k].country = c;
        }
        last = k;
        if (row->year != year) continue;
        ilo_rank_entry *e = &rk->entries[k];
        e->assessed = true;
        ilo_score_coded(m, method, &row->coded, &e->raw_hundredths, &e->score, &e->forced);
        e->band = band_of(&m->methods[method], e->score);
    }
    free(codes);
    if (!rank_entries(m, rk)) {
        ilo_ranking_free(rk);
        return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    *out = rk;
    return ILO_OK;
}

/* ---------------------------------------------------------------------------------------- */
/* Sensitivity                                                                              */
/* ---------------------------------------------------------------------------------------- */

/* A unit as the draws see it: its coded criteria as columns of the weight table (catalogue
 * order, so a raw score is summed in the order ilo_eval() would), each with its slot among the
 * active groups; which active groups hold its coded all-encompassing criteria. */
typedef struct sunit {
    uint16_t *col;
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
    double *W;              /* draws x nu: the perturbed weights of the used criteria */
    size_t nu;
    const int32_t *col_of;  /* per criterion: its column, or -1 when no unit codes it */
    sunit *su;              /* the assessed units, in unit order */
    size_t n_su;
    size_t g0, gn;          /* the current rank group (a year with all): su[g0 .. g0 + gn - 1] */
    size_t n_active;        /* active groups (coded by some unit) */
    double *scores;         /* gn x draws, unit-major: the current group's scores */
    uint32_t *ranks;        /* gn x draws, when ranking */
    double *gchange;        /* draws x n_active: summed absolute change, over the rank groups */
    bool all_ranks;
    uint32_t *aff;          /* per active group a, the current group's units coding one of its */
    size_t *aff_start;      /*   criteria: aff[aff_start[a] .. aff_start[a + 1] - 1] (0..gn-1) */
    ilo_sens_unit **out;    /* per assessed unit, where its percentiles go */
    atomic_size_t done;
    atomic_int failed;
} sjob;

typedef struct sworker {
    sjob *job;
    size_t first, end;      /* draws (weights, draws), or units of the group (percentiles) */
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

/* ilo_normalise() of raw_hundredths / 100, or the scale when forced: the same operations in the same order,
 * so a draw with zero spread gives ilo_eval()'s score to the last bit; here so it inlines. */
static inline double unit_score(const ilo_method *me, double raw_hundredths, bool forced)
{
    double raw = raw_hundredths / 100.0;
    double x = raw < me->cap ? raw : me->cap;
    return forced ? me->scale : x * me->scale / me->cap;
}

/* The first n (at most MT_FAST) numbers of gsl_rng_mt19937 seeded with seed, as
 * gsl_rng_uniform() gives them, into u. GSL's generator seeds all 624 words and twists them all
 * before its first number; the first n outputs need only the words 0..n-1 twisted, from the
 * seeded words 0..n + 396: a third of the work, and no call through a function pointer per
 * number. The same numbers to the bit (tested against GSL). */
#define MT_N 624
#define MT_M 397
#define MT_FAST (MT_N - MT_M)

void ilo_mt19937_uniform(unsigned long seed, size_t n, double *u)
{
    uint32_t mt[MT_N];
    if (seed == 0) seed = 4357; /* GSL's default seed */
    size_t top = n + MT_M;      /* words 0..top-1 are read */
    mt[0] = (uint32_t)(seed & 0xffffffffUL);
    for (size_t i = 1; i < top; i++) mt[i] = (uint32_t)(1812433253UL * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i);
    for (size_t k = 0; k < n; k++) {
        uint32_t y = (mt[k] & 0x80000000u) | (mt[k + 1] & 0x7fffffffu);
        uint32_t x = mt[k + MT_M] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680u;
        x ^= (x << 15) & 0xefc60000u;
        x ^= x >> 18;
        u[k] = x / 4294967296.0;
    }
}

/* Phase 0: the weights of draws first..end-1, once for every year. Every criterion's u is drawn,
 * in catalogue order, so a draw's weights do not depend on what the units code: u is
 * gsl_ran_flat(rng, -p, p), that is -p (1 - v) + p v with v the generator's next uniform. */
static void *run_weights(void *arg)
{
    sworker *wk = arg;
    sjob *j = wk->job;
    const ilo_model *m = j->m;
    size_t nc = m->n_criteria;
    double p = j->o->spread / 100.0;
    gsl_rng *rng = nc > MT_FAST ? gsl_rng_alloc(gsl_rng_mt19937) : NULL;
    double *v = malloc((nc + 1) * sizeof *v);
    if ((nc > MT_FAST && !rng) || !v) {
        atomic_store(&j->failed, 1);
        gsl_rng_free(rng);
        free(v);
        return NULL;
    }
    for (size_t d = wk->first; d < wk->end; d++) {
        if (rng) {
            gsl_rng_set(rng, draw_seed(j->o->seed, d));
            for (size_t k = 0; k < nc; k++) v[k] = gsl_ran_flat(rng, -p, p);
        } else {
            ilo_mt19937_uniform(draw_seed(j->o->seed, d), nc, v);
            for (size_t k = 0; k < nc; k++) v[k] = -p * (1 - v[k]) + p * v[k];
        }
        double *w = j->W + d * j->nu;
        for (size_t k = 0; k < nc; k++)
            if (j->col_of[k] >= 0) w[j->col_of[k]] = (double)m->criteria[k].weight_hundredths * (1.0 + v[k]);
    }
    gsl_rng_free(rng);
    free(v);
    return NULL;
}

/* Competition ranks of v[0..n-1] without sorting: each value goes to one of K buckets by
 * floor((v - min) x k), which never puts a smaller value in a later bucket, so a
 * value's rank is 1 + the values of the earlier buckets + the smaller ones of its own bucket,
 * compared exactly. With K >= 4n buckets most hold one value or none: linear, where a sort of
 * every draw's scores (and of every draw without each group) was most of the work. */
typedef struct rank_scratch {
    uint32_t *bucket, *start, *members;
    size_t K;
} rank_scratch;

static bool rank_scratch_init(rank_scratch *rs, size_t n)
{
    rs->K = 16;
    while (rs->K < 4 * n) rs->K *= 2;
    rs->bucket = malloc((n + 1) * sizeof *rs->bucket);
    rs->start = malloc((2 * rs->K + 2) * sizeof *rs->start); /* start, then fill */
    rs->members = malloc((n + 1) * sizeof *rs->members);
    return rs->bucket && rs->start && rs->members;
}

static void rank_scratch_free(rank_scratch *rs)
{
    free(rs->bucket);
    free(rs->start);
    free(rs->members);
}

static void bucket_ranks(const double *v, size_t n, uint32_t *rank, rank_scratch *rs)
{
    /* The buckets span min..max2, the largest value below the maximum (the maximum is often an
     * outlier, the forced worst score, and would squeeze the others into a few buckets); values
     * at the maximum take the last bucket. */
    double min = v[0], max = v[0];
    for (size_t u = 1; u < n; u++) {
        min = v[u] < min ? v[u] : min;
        max = v[u] > max ? v[u] : max;
    }
    double max2 = min;
    for (size_t u = 0; u < n; u++) max2 = v[u] > max2 && v[u] < max ? v[u] : max2;
    double k = max2 > min ? (double)(rs->K - 2) / (max2 - min) : 0;
    uint32_t *start = rs->start, *fill = rs->start + rs->K + 1, *bk = rs->bucket, *mb = rs->members;
    memset(start, 0, (rs->K + 1) * sizeof *start);
    for (size_t u = 0; u < n; u++) {
        uint32_t b = (uint32_t)((v[u] - min) * k);
        b = v[u] < max ? (b < rs->K - 2 ? b : (uint32_t)rs->K - 2) : (uint32_t)rs->K - 1;
        bk[u] = b;
        start[b + 1]++;
    }
    for (size_t b = 1; b <= rs->K; b++) start[b] += start[b - 1];
    memcpy(fill, start, rs->K * sizeof *fill);
    for (size_t u = 0; u < n; u++) mb[fill[bk[u]]++] = (uint32_t)u;
    /* Most buckets hold one value; a crowded one (close values, or equal ones: the cap, the
     * forced worst score) counts its smaller members exactly. */
    for (size_t u = 0; u < n; u++) {
        uint32_t lo = start[bk[u]], hi = start[bk[u] + 1], below = 0;
        if (hi - lo > 1)
            for (uint32_t q = lo; q < hi; q++) below += v[mb[q]] < v[u];
        rank[u] = lo + below + 1;
    }
}

/* Phase 1: the scores (and ranks) of the current group's units in draws first..end-1. */
static void *run_draws(void *arg)
{
    sworker *wk = arg;
    sjob *j = wk->job;
    size_t n = j->gn, na = j->n_active, D = j->o->draws;
    const sunit *su = j->su + j->g0;
    double *gsum = calloc((n * na) + 1, sizeof *gsum);
    double *alt = malloc((n + 1) * sizeof *alt), *sc = malloc((n + 1) * sizeof *sc);
    uint32_t *base = malloc((n + 1) * sizeof *base);
    double *alt_sc = malloc((n + 1) * sizeof *alt_sc);
    uint32_t *alt_rank = malloc((n + 1) * sizeof *alt_rank);
    rank_scratch rs = {0};
    if (!gsum || !alt || !sc || !base || !alt_sc || !alt_rank || !rank_scratch_init(&rs, n)) {
        atomic_store(&j->failed, 1);
        goto out;
    }
    for (size_t d = wk->first; d < wk->end; d++) {
        const double *w = j->W + d * j->nu;
        if (na) memset(gsum, 0, n * na * sizeof *gsum);
        for (size_t u = 0; u < n; u++) {
            const sunit *s = &su[u];
            double raw = 0;
            if (na) {
                double *g = gsum + u * na;
                for (size_t i = 0; i < s->n; i++) {
                    double x = w[s->col[i]];
                    raw += x;
                    g[s->slot[i]] += x;
                }
            } else {
                for (size_t i = 0; i < s->n; i++) raw += w[s->col[i]];
            }
            sc[u] = unit_score(j->me, raw, s->forced);
            j->scores[u * D + d] = sc[u];
            alt[u] = raw;
        }
        double *gc = j->gchange + d * na;
        if (j->all_ranks) {
            bucket_ranks(sc, n, base, &rs);
            for (size_t u = 0; u < n; u++) j->ranks[u * D + d] = base[u];
        }
        for (size_t a = 0; a < na; a++) {
            if (!j->all_ranks) {
                /* Leaving group a out changes only the units that code one of its criteria. */
                const uint32_t *aff = j->aff + j->aff_start[a];
                size_t n_aff = j->aff_start[a + 1] - j->aff_start[a];
                double sum = 0;
                for (size_t k = 0; k < n_aff; k++) {
                    uint32_t u = aff[k];
                    const sunit *s = &su[u];
                    bool forced = s->n_force_slots > 1 || (s->n_force_slots == 1 && s->force_slot != a);
                    sum += fabs(unit_score(j->me, alt[u] - gsum[u * na + a], forced) - sc[u]);
                }
                gc[a] += sum;
                continue;
            }
            /* Every unit's score without group a (a unit that codes nothing of it keeps its score to
             * the last bit: nothing is subtracted), ranked, compared with the draw's own ranks. */
            for (size_t u = 0; u < n; u++) {
                const sunit *s = &su[u];
                bool forced = s->n_force_slots > 1 || (s->n_force_slots == 1 && s->force_slot != a);
                alt_sc[u] = unit_score(j->me, alt[u] - gsum[u * na + a], forced);
            }
            bucket_ranks(alt_sc, n, alt_rank, &rs);
            uint64_t sum = 0;
            for (size_t u = 0; u < n; u++) sum += alt_rank[u] > base[u] ? alt_rank[u] - base[u] : base[u] - alt_rank[u];
            gc[a] += (double)sum;
        }
        atomic_fetch_add(&j->done, 1);
    }
out:
    free(gsum);
    free(alt);
    free(sc);
    free(base);
    free(alt_sc);
    free(alt_rank);
    rank_scratch_free(&rs);
    return NULL;
}

/* GSL's gsl_stats_quantile_from_sorted_data at f, from the two order statistics it reads
 * (lo = x[lhs], hi = x[lhs + 1], or lo again when lhs is the last), kept between them: GSL
 * computes (1 - d) lo + d hi, which can miss lo by one ulp when lo == hi; with the clamp, a run
 * of equal draws (zero spread) gives exactly that value. */
static double interpolate(double lo, double hi, size_t n, double f)
{
    const double index = f * (double)(n - 1);
    const size_t lhs = (size_t)index;
    const double delta = index - (double)lhs;
    double q = lhs == n - 1 ? lo : (1 - delta) * lo + delta * hi;
    if (q < lo) q = lo;
    if (q > hi) q = hi;
    return q;
}

static size_t lhs_of(size_t n, double f) { return (size_t)(f * (double)(n - 1)); }

/* Percentiles 5, 50 and 95 of x[0..n-1] (n >= 1), the values gsl_sort and then the quantiles
 * would give, without sorting: the values go to PCT_BINS bins by floor((v - min) x k), which
 * never puts a smaller value in a later bin; counts per bin locate the bins of the six order
 * statistics the three quantiles read, and only those bins' values are sorted. Three passes
 * over the draws, with no data-dependent branch in the first two (a selection by partitioning
 * mispredicted one branch in two on random draws). bins: PCT_BINS + 1 counts; pick: n values of
 * scratch; slot: PCT_BINS zeros (left zero). */
#define PCT_BINS 4096

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void percentiles(const double *x, size_t n, double *p5, double *p50, double *p95, uint32_t *bins, double *pick,
                        uint8_t *slot)
{
    static const double f[3] = {0.05, 0.50, 0.95};
    double *out[3] = {p5, p50, p95};
    double lo = x[0], hi = x[0];
    for (size_t i = 1; i < n; i++) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
    }
    if (!(hi > lo)) { /* every draw alike */
        for (int q = 0; q < 3; q++) *out[q] = interpolate(lo, lo, n, f[q]);
        return;
    }
    double k = (double)(PCT_BINS - 1) / (hi - lo);
    memset(bins, 0, (PCT_BINS + 1) * sizeof *bins);
    for (size_t i = 0; i < n; i++) {
        size_t b = (size_t)((x[i] - lo) * k);
        bins[(b < PCT_BINS ? b : PCT_BINS - 1) + 1]++;
    }
    for (size_t b = 1; b <= PCT_BINS; b++) bins[b] += bins[b - 1]; /* bins[b]: values before bin b */
    /* The bins holding order statistics lhs and lhs + 1 of each quantile. */
    size_t want[6], nb = 0;
    for (int q = 0; q < 3; q++)
        for (size_t r = lhs_of(n, f[q]); r <= lhs_of(n, f[q]) + 1 && r < n; r++) {
            size_t b = 0;
            while (bins[b + 1] <= r) b++;
            size_t j = 0;
            while (j < nb && want[j] != b) j++;
            if (j == nb) want[nb++] = b;
        }
    /* Their values, one run of pick per bin; sorted, a value's place in its run gives its order. */
    size_t start[6], fill[6], used = 0;
    for (size_t j = 0; j < nb; j++) {
        start[j] = fill[j] = used;
        used += bins[want[j] + 1] - bins[want[j]];
    }
    for (size_t j = 0; j < nb; j++) slot[want[j]] = (uint8_t)(j + 1);
    for (size_t i = 0; i < n; i++) {
        size_t b = (size_t)((x[i] - lo) * k);
        b = b < PCT_BINS ? b : PCT_BINS - 1;
        if (slot[b]) pick[fill[slot[b] - 1]++] = x[i];
    }
    for (size_t j = 0; j < nb; j++) slot[want[j]] = 0;
    for (size_t j = 0; j < nb; j++) qsort(pick + start[j], fill[j] - start[j], sizeof *pick, cmp_double);
    for (int q = 0; q < 3; q++) {
        size_t r = lhs_of(n, f[q]);
        double v[2];
        for (int t = 0; t < 2; t++) {
            size_t rr = r + (size_t)t < n ? r + (size_t)t : r, j = 0;
            while (!(bins[want[j]] <= rr && rr < bins[want[j] + 1])) j++;
            v[t] = pick[start[j] + (rr - bins[want[j]])];
        }
        *out[q] = interpolate(v[0], v[1], n, f[q]);
    }
}

/* The same for integer values 1..nr given as counts per value (count[r]; D of them in all). */
static double count_quantile(const size_t *cum, size_t nr, size_t D, double f)
{
    size_t k = lhs_of(D, f), r = 1;
    while (cum[r] <= k) r++;
    size_t r2 = r;
    if (k + 1 < D)
        while (cum[r2] <= k + 1) r2++;
    (void)nr;
    return interpolate((double)r, (double)r2, D, f);
}

/* Phase 2: the percentiles of the current group's units first..end-1, each from its own row of
 * draws. Ranks are 1..gn, so their
 * quantiles come from counts. */
static void *run_percentiles(void *arg)
{
    sworker *wk = arg;
    sjob *j = wk->job;
    size_t D = j->o->draws, n = j->gn;
    size_t *cum = j->ranks ? calloc(n + 2, sizeof *cum) : NULL;
    uint32_t *bins = malloc((PCT_BINS + 1) * sizeof *bins);
    double *pick = malloc((D + 1) * sizeof *pick);
    uint8_t *slot = calloc(PCT_BINS, 1);
    if ((j->ranks && !cum) || !bins || !pick || !slot) {
        atomic_store(&j->failed, 1);
        free(cum);
        free(bins);
        free(pick);
        free(slot);
        return NULL;
    }
    for (size_t i = wk->first; i < wk->end; i++) {
        ilo_sens_unit *un = j->out[j->g0 + i];
        percentiles(j->scores + i * D, D, &un->p5, &un->p50, &un->p95, bins, pick, slot);
        if (!j->ranks) continue;
        memset(cum, 0, (n + 2) * sizeof *cum);
        const uint32_t *rk = j->ranks + i * D;
        for (size_t d = 0; d < D; d++) cum[rk[d]]++;
        for (size_t r = 1; r <= n + 1; r++) cum[r] += cum[r - 1];
        un->rank_p5 = count_quantile(cum, n, D, 0.05);
        un->rank_p50 = count_quantile(cum, n, D, 0.50);
        un->rank_p95 = count_quantile(cum, n, D, 0.95);
    }
    free(cum);
    free(bins);
    free(pick);
    free(slot);
    return NULL;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Runs fn on workers 0..T-1 (their ranges already set): 1..T-1 on threads and 0 on the calling
 * thread; with a progress callback every worker runs on a thread and the calling thread reports
 * job->done (plus done_before) against total. A thread that cannot start is run here instead:
 * since every worker writes only its own rows, the result is the same. */
static void run_parallel(sworker *wk, unsigned T, void *(*fn)(void *), const ilo_sens_opts *o, sjob *job,
                         size_t done_before, size_t total, size_t target)
{
    bool report = o->progress != NULL && total > 0;
    for (unsigned t = report ? 0 : 1; t < T; t++) wk[t].started = pthread_create(&wk[t].thread, NULL, fn, &wk[t]) == 0;
    for (unsigned t = 0; t < T; t++)
        if (!wk[t].started) fn(&wk[t]);
    if (report) {
        for (;;) {
            size_t done = atomic_load(&job->done);
            if (done >= target || atomic_load(&job->failed)) break;
            o->progress(o->progress_arg, done_before + done, total);
            sleep_ms(100);
        }
    }
    for (unsigned t = 0; t < T; t++)
        if (wk[t].started) pthread_join(wk[t].thread, NULL);
    for (unsigned t = 0; t < T; t++) wk[t].started = false;
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
    for (size_t u = 0; s->coding && u < s->n_units; u++) {
        free(s->coding[u].texts);
        free(s->coding[u].readings);
    }
    free(s->coding);
    free(s->units);
    free(s->groups);
    free(s);
}

/* ilo_sensitivity_order()'s order; the last key, the place in s->units, makes it total (and so
 * stable whatever qsort does with equal keys). */
static int unit_cmp(const void *a, const void *b)
{
    const ilo_sens_unit *u = *(const ilo_sens_unit *const *)a, *v = *(const ilo_sens_unit *const *)b;
    if (u->year != v->year) return (u->year > v->year) - (u->year < v->year);
    if (u->assessed != v->assessed) return u->assessed ? -1 : 1;
    if (u->assessed && u->rank != v->rank) return u->rank < v->rank ? -1 : 1;
    int c = strcmp(u->code, v->code); /* a sheet's country may not be the data's */
    return c ? c : (u > v) - (u < v);
}

const ilo_sens_unit **ilo_sensitivity_order(const ilo_sensitivity *s)
{
    const ilo_sens_unit **order = malloc((s->n_units + 1) * sizeof *order);
    for (size_t i = 0; order && i < s->n_units; i++) order[i] = &s->units[i];
    if (order) qsort(order, s->n_units, sizeof *order, unit_cmp);
    return order;
}

static ilo_status check_opts(const ilo_model *m, const ilo_sens_opts *o, ilo_ctx *ctx)
{
    if (o->method >= m->n_methods) return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such method");
    if (!o->all && !o->sheet && o->country >= m->n_countries)
        return ilo_ctx_set(ctx, ILO_ERR_NOTFOUND, NULL, 0, "no such country");
    if (!o->all && o->sheet) return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "a coding sheet is analysed with all");
    if (o->from < ILO_YEAR_MIN || o->to > ILO_YEAR_MAX || o->from > o->to)
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

/* The countries of a sheet, its codes in order of first appearance; for each, the sheet row of
 * each year (SIZE_MAX: none). */
typedef struct sheet_map {
    const char **code;
    size_t *model;   /* the model's index of the code, or SIZE_MAX */
    size_t n;
    size_t *row;     /* n x years */
} sheet_map;

static bool map_sheet(const ilo_model *m, const ilo_sens_opts *o, sheet_map *sm)
{
    const ilo_sheet *sh = o->sheet;
    size_t ny = (size_t)(o->to - o->from + 1);
    sm->code = malloc((sh->n_rows + 1) * sizeof *sm->code);
    sm->model = malloc((sh->n_rows + 1) * sizeof *sm->model);
    if (!sm->code || !sm->model) return false;
    size_t *of_row = malloc((sh->n_rows + 1) * sizeof *of_row);
    if (!of_row) return false;
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < sh->n_rows; i++) {
        const char *c = sh->rows[i].country;
        of_row[i] = SIZE_MAX;
        /* Rows of a country are usually adjacent: the last country first, then the others. */
        size_t k = last != SIZE_MAX && strcmp(sm->code[last], c) == 0 ? last : SIZE_MAX;
        for (size_t q = 0; q < sm->n && k == SIZE_MAX; q++)
            if (strcmp(sm->code[q], c) == 0) k = q;
        if (k == SIZE_MAX) {
            k = sm->n++;
            sm->code[k] = c;
            sm->model[k] = ilo_model_find_country(m, c);
        }
        of_row[i] = last = k;
    }
    sm->row = malloc((sm->n * ny + 1) * sizeof *sm->row);
    if (!sm->row) {
        free(of_row);
        return false;
    }
    for (size_t i = 0; i < sm->n * ny; i++) sm->row[i] = SIZE_MAX;
    for (size_t i = 0; i < sh->n_rows; i++) {
        int y = sh->rows[i].year;
        if (of_row[i] == SIZE_MAX || y < o->from || y > o->to) continue;
        sm->row[of_row[i] * ny + (size_t)(y - o->from)] = i;
    }
    free(of_row);
    return true;
}

/* The scored criteria of a coded set under the method: the rules applied, the scope kept. */
static void scored_of(const ilo_model *m, const ilo_method *me, const ilo_bitset *coded, ilo_bitset *out)
{
    memset(out, 0, sizeof *out);
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++)
        for (uint64_t bits = coded->w[w]; bits; bits &= bits - 1)
            ilo_bitset_or(out, &m->criteria[w * 64 + (size_t)__builtin_ctzll(bits)].implies);
    for (size_t w = 0; w < ILO_BITSET_WORDS; w++) out->w[w] &= me->scope.w[w];
}

/* Step 1: every unit's point evaluation and scored criteria (coded[u]). Units: with all, year by
 * year, the countries in model (or sheet) order within a year; else the years of one country. */
static ilo_status fill_units(const ilo_model *m, const ilo_sens_opts *o, ilo_sensitivity *s, ilo_bitset *coded,
                             const sheet_map *sm, ilo_ctx *ctx)
{
    size_t nc = o->sheet ? sm->n : o->all ? m->n_countries : 1, ny = (size_t)(o->to - o->from + 1);
    const ilo_method *me = &m->methods[o->method];
    ilo_result *r = o->sheet ? NULL : ilo_result_new(m);
    if (!o->sheet && !r) return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    for (size_t u = 0; u < s->n_units; u++) {
        ilo_sens_unit *un = &s->units[u];
        size_t c = o->all ? u % nc : 0, y = o->all ? u / nc : u;
        un->year = o->from + (int)y;
        un->p5 = un->p50 = un->p95 = un->rank_p5 = un->rank_p50 = un->rank_p95 = NAN;
        if (o->sheet) {
            un->country = sm->model[c];
            un->code = sm->code[c];
            size_t row = sm->row[c * ny + y];
            un->assessed = row != SIZE_MAX;
            if (!un->assessed) continue;
            ilo_score_coded(m, o->method, &o->sheet->rows[row].coded, &un->raw_hundredths, &un->score, &un->forced);
            scored_of(m, me, &o->sheet->rows[row].coded, &coded[u]);
            continue;
        }
        un->country = o->all ? c : o->country;
        un->code = m->countries[un->country].code;
        ilo_profile p = ilo_profile_baseline(m, un->country);
        ilo_status st = ilo_eval(m, &p, o->method, un->year, r, ctx);
        if (st != ILO_OK) {
            ilo_result_free(r);
            return st;
        }
        un->assessed = ilo_result_assessed(m, r);
        un->raw_hundredths = r->raw_hundredths;
        un->forced = r->forced;
        un->score = r->score;
        if (un->assessed) coded[u] = r->scored;
    }
    ilo_result_free(r);
    return ILO_OK;
}

/* The current rank group's aff lists (see sjob). */
static void group_aff(sjob *j)
{
    size_t used = 0;
    for (size_t a = 0; a < j->n_active; a++) {
        j->aff_start[a] = used;
        for (size_t u = 0; u < j->gn; u++) {
            const sunit *su = &j->su[j->g0 + u];
            bool has = false;
            for (size_t i = 0; i < su->n && !has; i++) has = su->slot[i] == a;
            if (has) j->aff[used++] = (uint32_t)u;
        }
        j->aff_start[a + 1] = used;
    }
}

/* Point ranks of the assessed units in su order, rank group by rank group. */
static bool point_ranks(ilo_sensitivity *s, sjob *j, const size_t *group_start, size_t n_groups)
{
    double *v = malloc((j->n_su + 1) * sizeof *v);
    uint32_t *rk = malloc((j->n_su + 1) * sizeof *rk);
    bool ok = v && rk;
    for (size_t i = 0; ok && i < j->n_su; i++) v[i] = j->out[i]->score;
    for (size_t g = 0; ok && g < n_groups; g++)
        ok = ilo_competition_ranks(v + group_start[g], group_start[g + 1] - group_start[g], rk + group_start[g]);
    for (size_t i = 0; ok && i < j->n_su; i++) j->out[i]->rank = rk[i];
    free(v);
    free(rk);
    (void)s;
    return ok;
}

/* ---------------------------------------------------------------------------------------- */
/* Coding uncertainty                                                                       */
/* ---------------------------------------------------------------------------------------- */

const char *ilo_sens_kind_name(ilo_sens_kind k)
{
    return k == ILO_SENS_WEIGHTS ? "weights" : k == ILO_SENS_TEXTS ? "texts" : k == ILO_SENS_WINDOW ? "window reading" : "source dates";
}

const char *ilo_window_name(ilo_window w)
{
    return w == ILO_WINDOW_OCCURRENCE ? "occurrence" : w == ILO_WINDOW_CARRY_FORWARD ? "carry-forward" : "evidence";
}

static int text_cmp(const void *a, const void *b)
{
    const ilo_sens_text *x = a, *y = b;
    double dx = fabs(x->delta), dy = fabs(y->delta);
    if (dx != dy) return dx > dy ? -1 : 1;
    return (x->source > y->source) - (x->source < y->source);
}

/* The source kinds method r->method admits in r's year for r's country (legislation only where the
 * method counts it that year), as ilo_eval() reckons them. */
static uint32_t year_admissible(const ilo_model *m, const ilo_result *r)
{
    const ilo_method *me = &m->methods[r->method];
    bool legislation = me->legislation == ILO_LEG_ALWAYS;
    if (me->legislation == ILO_LEG_NON_RATIFYING)
        legislation = m->c087 == SIZE_MAX || m->c098 == SIZE_MAX ||
                      ilo_country_ratified(m, r->country, m->c087, r->year) != ILO_RAT_RATIFIED ||
                      ilo_country_ratified(m, r->country, m->c098, r->year) != ILO_RAT_RATIFIED;
    uint32_t admissible = me->admissible & ~(1u << ILO_SRC_LEGISLATION);
    if (legislation) admissible |= me->admissible & (1u << ILO_SRC_LEGISLATION);
    return admissible;
}

/* Whether r's year stays assessed without text `without`: something in the method's scope is
 * still coded (`coded`), or another admissible text dated in the year states it examined a
 * criterion in scope (as ilo_eval() and ilo_result_assessed() reckon it). */
static bool assessed_without(const ilo_model *m, const ilo_result *r, const ilo_bitset *coded, size_t without)
{
    const ilo_country *c = &m->countries[r->country];
    uint32_t admissible = year_admissible(m, r);
    ilo_result t = {.method = r->method, .assessed = *coded};
    for (size_t i = 0; i < c->n_examining; i++) {
        const ilo_source *src = &m->sources[c->examining[i]];
        if (c->examining[i] != without && src->date.year == r->year && ((admissible >> src->kind) & 1))
            ilo_bitset_or(&t.assessed, src->examined);
    }
    return ilo_result_assessed(m, &t);
}

/* Copies p's items into items[], without text `drop` among their sources and their `resolved_by`
 * (pool: room for every item's two lists), as the profile q. */
static void without_text(const ilo_profile *p, size_t drop, ilo_item *items, size_t *pool, ilo_profile *q)
{
    size_t used = 0;
    for (size_t i = 0; i < p->n_items; i++) {
        const ilo_item *it = &p->items[i];
        items[i] = *it;
        items[i].sources = pool + used;
        items[i].n_sources = 0;
        for (size_t j = 0; j < it->n_sources; j++)
            if (it->sources[j] != drop) pool[used + items[i].n_sources++] = it->sources[j];
        used += items[i].n_sources;
        items[i].resolved_by = pool + used;
        items[i].n_resolved_by = 0;
        for (size_t j = 0; j < it->n_resolved_by; j++)
            if (it->resolved_by[j] != drop) pool[used + items[i].n_resolved_by++] = it->resolved_by[j];
        used += items[i].n_resolved_by;
    }
    *q = *p;
    q->items = items;
}

/* Leave one text out on the point evaluation r of profile p: each source that makes a finding
 * count is dropped in turn from every item (its sources and resolved_by) and the year evaluated
 * again, so that every window reading gets it right (under carry-forward an item whose latest text
 * is dropped carries from the text before). The year stays assessed when something in scope is
 * still coded or another text of the year states it examined something (assessed_without()). */
static ilo_status leave_texts_out(const ilo_model *m, const ilo_profile *p, const ilo_result *r, ilo_sens_coding *c,
                                  ilo_ctx *ctx)
{
    c->text_low = c->text_high = r->score;
    if (!r->priv->n_source_pool) return ILO_OK;
    size_t room = 1;
    for (size_t i = 0; i < p->n_items; i++) room += p->items[i].n_sources + p->items[i].n_resolved_by;
    size_t *srcs = malloc(r->priv->n_source_pool * sizeof *srcs), *pool = malloc(room * sizeof *pool);
    ilo_item *items = malloc((p->n_items + 1) * sizeof *items);
    ilo_result *alt = ilo_result_new(m);
    c->texts = malloc(r->priv->n_source_pool * sizeof *c->texts);
    ilo_status st = ILO_OK;
    if (!srcs || !pool || !items || !alt || !c->texts) {
        st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
        goto out;
    }
    size_t n = 0;
    for (size_t f = 0; f < r->n_findings; f++)
        for (size_t j = 0; j < r->findings[f].n_sources; j++) {
            size_t src = r->findings[f].sources[j], q = 0;
            while (q < n && srcs[q] != src) q++;
            if (q == n) srcs[n++] = src;
        }
    for (size_t q = 0; q < n; q++) {
        ilo_profile pq;
        without_text(p, srcs[q], items, pool, &pq);
        if ((st = ilo_eval(m, &pq, r->method, r->year, alt, ctx)) != ILO_OK) goto out;
        ilo_sens_text *t = &c->texts[c->n_texts++];
        t->source = srcs[q];
        t->raw_hundredths = alt->raw_hundredths;
        t->score = alt->score;
        t->delta = t->score - r->score;
        t->assessed = assessed_without(m, r, &alt->coded, srcs[q]);
        if (!t->assessed) {
            c->n_unassessing++;
            continue;
        }
        if (t->score < c->text_low) c->text_low = t->score;
        if (t->score > c->text_high) c->text_high = t->score;
    }
    qsort(c->texts, c->n_texts, sizeof *c->texts, text_cmp);
out:
    ilo_result_free(alt);
    free(items);
    free(pool);
    free(srcs);
    return st;
}

/* The other window readings: the method evaluated as it is but for its window, on a shallow copy
 * of the model with one more method (the model itself is read-only). */
static ilo_status other_windows(const ilo_model *m, const ilo_profile *p, const ilo_result *r, ilo_sens_coding *c,
                                ilo_ctx *ctx)
{
    static const ilo_window windows[] = {ILO_WINDOW_EVIDENCE, ILO_WINDOW_OCCURRENCE, ILO_WINDOW_CARRY_FORWARD};
    c->window_low = c->window_high = r->score;
    ilo_model mm = *m;
    ilo_method *methods = malloc((m->n_methods + 1) * sizeof *methods);
    c->readings = malloc(sizeof windows / sizeof windows[0] * sizeof *c->readings);
    ilo_result *alt = ilo_result_new(m);
    ilo_status st = ILO_OK;
    if (!methods || !c->readings || !alt) {
        st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
        goto out;
    }
    memcpy(methods, m->methods, m->n_methods * sizeof *methods);
    mm.methods = methods;
    mm.n_methods = m->n_methods + 1;
    for (size_t w = 0; w < sizeof windows / sizeof windows[0]; w++) {
        if (windows[w] == m->methods[r->method].window) continue;
        methods[m->n_methods] = m->methods[r->method];
        methods[m->n_methods].window = windows[w];
        if ((st = ilo_eval(&mm, p, m->n_methods, r->year, alt, ctx)) != ILO_OK) goto out;
        ilo_sens_reading *rd = &c->readings[c->n_readings++];
        rd->window = windows[w];
        rd->assessed = ilo_result_assessed(&mm, alt); /* alt->method is the copy's extra method */
        rd->raw_hundredths = alt->raw_hundredths;
        rd->score = alt->score;
        rd->delta = alt->score - r->score;
        if (!rd->assessed) continue; /* unknown under that reading: no score to compare */
        if (alt->score < c->window_low) c->window_low = alt->score;
        if (alt->score > c->window_high) c->window_high = alt->score;
    }
out:
    ilo_result_free(alt);
    free(methods);
    return st;
}

/* The model read by the source-date convention: a shallow copy whose sources count in their
 * publication year where the data records one (the copy's arrays are owned by the caller), and
 * without the year index, which is built on the sources' own dates (ilo_eval scans). */
typedef struct dated_model {
    ilo_model m;
    struct ilo_model_private priv;
    ilo_source *sources;
} dated_model;

static bool dated_model_init(const ilo_model *m, dated_model *d)
{
    d->m = *m;
    d->priv = *m->priv;
    d->priv.years = NULL;
    d->m.priv = &d->priv;
    if (!(d->sources = malloc((m->n_sources + 1) * sizeof *d->sources))) return false;
    memcpy(d->sources, m->sources, m->n_sources * sizeof *d->sources);
    for (size_t i = 0; i < m->n_sources; i++)
        if (d->sources[i].publication.prec != ILO_DATE_NONE) d->sources[i].date = d->sources[i].publication;
    d->m.sources = d->sources;
    return true;
}

/* How many sources of country c (cited by its items or examining) record a publication date. */
static size_t dated_twice(const ilo_model *m, size_t country)
{
    const ilo_country *c = &m->countries[country];
    size_t n = 0;
    for (size_t s = 0; s < m->n_sources; s++) {
        if (m->sources[s].publication.prec == ILO_DATE_NONE) continue;
        bool cited = false;
        for (size_t i = 0; i < c->n_items && !cited; i++) {
            const ilo_item *it = &m->items[c->item_first + i];
            for (size_t j = 0; j < it->n_sources && !cited; j++) cited = it->sources[j] == s;
        }
        for (size_t i = 0; i < c->n_examining && !cited; i++) cited = c->examining[i] == s;
        n += cited;
    }
    return n;
}

/* The source-date reading of unit r (point evaluation on m) on the dated model d. */
static ilo_status source_dates(const dated_model *d, const ilo_profile *p, const ilo_result *r, ilo_result *alt,
                               ilo_sens_coding *c, ilo_ctx *ctx)
{
    c->dates_low = c->dates_high = r->score;
    if (!c->n_dated_twice) return ILO_OK;
    ilo_status st = ilo_eval(&d->m, p, r->method, r->year, alt, ctx);
    if (st != ILO_OK) return st;
    c->source_dates = true;
    c->dates_assessed = ilo_result_assessed(&d->m, alt);
    c->dates_raw_hundredths = alt->raw_hundredths;
    c->dates_score = alt->score;
    c->dates_delta = alt->score - r->score;
    if (c->dates_assessed) {
        if (alt->score < c->dates_low) c->dates_low = alt->score;
        if (alt->score > c->dates_high) c->dates_high = alt->score;
    }
    return ILO_OK;
}

/* The coding uncertainty of every assessed unit of a one-country run, once its weight
 * percentiles are known. */
static ilo_status fill_coding(const ilo_model *m, const ilo_sens_opts *o, ilo_sensitivity *s, ilo_ctx *ctx)
{
    s->coding = calloc(s->n_units + 1, sizeof *s->coding);
    ilo_result *r = ilo_result_new(m), *alt = ilo_result_new(m);
    dated_model d = {0};
    ilo_status st = ILO_OK;
    size_t n_twice = dated_twice(m, o->country);
    if (!s->coding || !r || !alt || (n_twice && !dated_model_init(m, &d))) {
        st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
        goto out;
    }
    ilo_profile p = ilo_profile_baseline(m, o->country);
    for (size_t u = 0; u < s->n_units && st == ILO_OK; u++) {
        const ilo_sens_unit *un = &s->units[u];
        ilo_sens_coding *c = &s->coding[u];
        if (!un->assessed) continue;
        if ((st = ilo_eval(m, &p, o->method, un->year, r, ctx)) != ILO_OK) break;
        if ((st = leave_texts_out(m, &p, r, c, ctx)) != ILO_OK) break;
        if ((st = other_windows(m, &p, r, c, ctx)) != ILO_OK) break;
        c->n_dated_twice = n_twice;
        if ((st = source_dates(&d, &p, r, alt, c, ctx)) != ILO_OK) break;
        c->width[ILO_SENS_WEIGHTS] = un->p95 - un->p5;
        c->width[ILO_SENS_TEXTS] = c->text_high - c->text_low;
        c->width[ILO_SENS_WINDOW] = c->window_high - c->window_low;
        c->width[ILO_SENS_DATES] = c->dates_high - c->dates_low;
        c->dominant = ILO_SENS_WEIGHTS;
        for (int k = 1; k < ILO_SENS__KINDS; k++)
            if (c->width[k] > c->width[c->dominant]) c->dominant = (ilo_sens_kind)k;
    }
out:
    free(d.sources);
    ilo_result_free(alt);
    ilo_result_free(r);
    return st;
}

ilo_status ilo_sensitivity_new(const ilo_model *m, const ilo_sens_opts *o, ilo_sensitivity **out, ilo_ctx *ctx)
{
    *out = NULL;
    ilo_status st = check_opts(m, o, ctx);
    if (st != ILO_OK) return st;
    size_t ny = (size_t)(o->to - o->from + 1);
    sheet_map sm = {0};
    ilo_sensitivity *s = calloc(1, sizeof *s);
    sjob job = {.m = m, .me = &m->methods[o->method], .o = NULL};
    size_t *slot_of = calloc(m->n_groups + 1, sizeof *slot_of); /* group -> active slot + 1 */
    size_t *group_of_slot = calloc(m->n_groups + 1, sizeof *group_of_slot);
    int32_t *col_of = malloc((m->n_criteria + 1) * sizeof *col_of);
    uint16_t *crit_of_col = malloc((m->n_criteria + 1) * sizeof *crit_of_col);
    size_t *group_start = NULL;
    uint16_t *pool = NULL;
    sworker *wk = NULL;
    ilo_bitset *coded = NULL;
    if (!s || !slot_of || !group_of_slot || !col_of || !crit_of_col) goto oom;
    if (o->sheet && !map_sheet(m, o, &sm)) goto oom;
    size_t per_group = o->sheet ? sm.n : o->all ? m->n_countries : ny;
    size_t n_units = o->all ? per_group * ny : ny;
    if (per_group && o->draws > ILO_SENS_MAX_VALUES / per_group) {
        st = ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0, "%zu draws x %zu units ranked together is more than %d values",
                         o->draws, per_group, ILO_SENS_MAX_VALUES);
        goto fail;
    }
    s->opts = *o;
    s->opts.progress = NULL;
    s->opts.progress_arg = NULL;
    job.o = &s->opts;
    job.col_of = col_of;
    s->n_units = n_units;
    s->n_groups = m->n_groups;
    s->units = calloc(n_units + 1, sizeof *s->units);
    s->groups = calloc(m->n_groups + 1, sizeof *s->groups);
    job.su = calloc(n_units + 1, sizeof *job.su);
    coded = calloc(n_units + 1, sizeof *coded);
    job.out = malloc((n_units + 1) * sizeof *job.out);
    group_start = calloc(ny + 2, sizeof *group_start);
    if (!s->units || !s->groups || !job.su || !coded || !job.out || !group_start) goto oom;

    /* 1. Evaluate each country-year once (or read it from the sheet). */
    if ((st = fill_units(m, o, s, coded, &sm, ctx)) != ILO_OK) goto fail;
    size_t total_crit = 0;
    ilo_bitset used = {{0}};
    for (size_t u = 0; u < n_units; u++) {
        if (!s->units[u].assessed) continue;
        total_crit += ilo_bitset_count(&coded[u]);
        ilo_bitset_or(&used, &coded[u]);
    }
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (ilo_bitset_has(&used, k)) crit_of_col[job.nu] = (uint16_t)k;
        col_of[k] = ilo_bitset_has(&used, k) ? (int32_t)job.nu++ : -1;
        if (col_of[k] >= 0) slot_of[m->criteria[k].group] = 1;
    }
    for (size_t g = 0; g < m->n_groups; g++) {
        s->groups[g].group = g;
        s->groups[g].coded = slot_of[g] != 0;
        if (slot_of[g]) {
            group_of_slot[job.n_active] = g;
            slot_of[g] = ++job.n_active;
        }
    }

    /* 2. The assessed units as lists of weight columns; the rank groups (years with all). */
    pool = malloc((2 * total_crit + 1) * sizeof *pool);
    if (!pool) goto oom;
    size_t n_rgroups = o->all ? ny : 1, pos = 0;
    for (size_t u = 0; u < n_units; u++) {
        if (o->all && u % per_group == 0) group_start[u / per_group] = job.n_su;
        if (!s->units[u].assessed) continue;
        job.out[job.n_su] = &s->units[u];
        sunit *su = &job.su[job.n_su++];
        su->col = pool + pos;
        su->slot = pool + total_crit + pos;
        su->forced = s->units[u].forced;
        for (size_t w = 0; w < ILO_BITSET_WORDS; w++)
            for (uint64_t bits = coded[u].w[w]; bits; bits &= bits - 1) {
                size_t k = w * 64 + (size_t)__builtin_ctzll(bits);
                size_t slot = slot_of[m->criteria[k].group] - 1;
                bool new_force_slot = m->criteria[k].all_encompassing;
                for (size_t i = 0; i < su->n && new_force_slot; i++)
                    if (m->criteria[crit_of_col[su->col[i]]].all_encompassing && su->slot[i] == slot) new_force_slot = false;
                su->col[su->n] = (uint16_t)col_of[k];
                su->slot[su->n++] = (uint16_t)slot;
                if (new_force_slot) {
                    su->n_force_slots++;
                    su->force_slot = slot;
                }
            }
        pos += su->n;
    }
    group_start[n_rgroups] = job.n_su;
    s->n_assessed = job.n_su;
    if (o->all && !point_ranks(s, &job, group_start, n_rgroups)) goto oom;

    /* 3. The draws: the weights once, then each rank group's scores, ranks and percentiles. */
    size_t D = o->draws, na = job.n_active;
    job.all_ranks = o->all;
    job.aff_start = calloc(na + 2, sizeof *job.aff_start);
    job.aff = malloc((total_crit + 1) * sizeof *job.aff);
    if (!job.aff_start || !job.aff) goto oom;
    if (job.n_su) {
        size_t max_g = 0;
        for (size_t g = 0; g < n_rgroups; g++)
            if (group_start[g + 1] - group_start[g] > max_g) max_g = group_start[g + 1] - group_start[g];
        job.W = malloc((D * job.nu + 1) * sizeof *job.W);
        job.scores = malloc((D * max_g + 1) * sizeof *job.scores);
        job.ranks = o->all ? malloc((D * max_g + 1) * sizeof *job.ranks) : NULL;
        job.gchange = calloc(D * na + 1, sizeof *job.gchange);
        wk = calloc(o->threads, sizeof *wk);
        if (!job.W || !job.scores || (o->all && !job.ranks) || !job.gchange || !wk) goto oom;
        atomic_init(&job.done, 0);
        atomic_init(&job.failed, 0);
        unsigned T = o->threads < D ? o->threads : (unsigned)D;
        ilo_sens_opts quiet = *o;
        quiet.progress = NULL;
        split(wk, T, D, &job);
        run_parallel(wk, T, run_weights, &quiet, &job, 0, 0, 0);
        size_t total = D * n_rgroups;
        if (o->no_groups) na = job.n_active = 0;
        for (size_t g = 0; g < n_rgroups && !atomic_load(&job.failed); g++) {
            job.g0 = group_start[g];
            job.gn = group_start[g + 1] - group_start[g];
            if (!job.gn) continue;
            group_aff(&job);
            atomic_store(&job.done, 0);
            split(wk, T, D, &job);
            run_parallel(wk, T, run_draws, o, &job, g * D, total, D);
            if (atomic_load(&job.failed)) break;
            unsigned T2 = o->threads < job.gn ? o->threads : (unsigned)job.gn;
            split(wk, T2, job.gn, &job);
            run_parallel(wk, T2, run_percentiles, &quiet, &job, 0, 0, 0);
        }
        if (atomic_load(&job.failed)) goto oom;
        if (o->progress) o->progress(o->progress_arg, total, total);
        for (size_t a = 0; a < na; a++) {
            double sum = 0;
            for (size_t d = 0; d < D; d++) sum += job.gchange[d * na + a];
            s->groups[group_of_slot[a]].impact = sum / ((double)D * (double)job.n_su);
        }
        for (size_t g = 0; o->no_groups && g < m->n_groups; g++) s->groups[g].impact = NAN;
    }
    if (!o->all && !o->sheet && (st = fill_coding(m, o, s, ctx)) != ILO_OK) goto fail;
    goto done;
oom:
    st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
fail:
    ilo_sensitivity_free(s);
    s = NULL;
done:
    free(job.out);
    free(job.aff);
    free(job.aff_start);
    free(wk);
    free(job.W);
    free(job.scores);
    free(job.ranks);
    free(job.gchange);
    free(job.su);
    free(pool);
    free(coded);
    free(group_start);
    free(slot_of);
    free(group_of_slot);
    free(col_of);
    free(crit_of_col);
    free(sm.code);
    free(sm.model);
    free(sm.row);
    *out = s;
    return s ? ILO_OK : st;
}
