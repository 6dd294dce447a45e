/*
 * yearindex.c: per country and year, which items can count and which examining sources are
 * dated in the year, so that evaluating a country-year reads those and not every item of the
 * country. Without it the cost of a country-year grew with the country's whole history: a
 * country with 4 times the years has 4 times the items, so evaluating all its years did 16 times
 * the work.
 *
 * What evaluation relies on: an item counts in year Y only if it is in force or happening in Y
 * (the occurrence window; legislation where admissible; a finding carried forward from an earlier
 * text), or if one of its sources is dated in Y (the evidence window). So a year has two sets of the country's items, kept as bitsets over the
 * country's items (bit i: item item_first + i; iterating the bits gives data order, which the
 * findings keep): `active`, the items in force or happening in the year, and `dated`, the items
 * with a source dated in the year. `legal` marks the items citing a source of kind legislation.
 * Bitsets and not lists: an item in force for decades is one bit a year, and the 16x benchmark
 * world's index takes about 23 MB (lists took 316 MB). Years after the last one any item or
 * source mentions share one row (the tail: the open-ended items); earlier years have none.
 * Scenario profiles own modified items and are not indexed (ilo_eval scans them). The index reads
 * the sources' dates and the examining sources: ilo_model_as_of(), which cuts them, builds it
 * again.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The year of day d (days from 1970-01-01). */
static int year_of(int32_t d)
{
    int y = 1970 + (int)(d / 366);
    while (ilo_year_last_day(y) < d) y++;
    while (ilo_year_first_day(y) > d) y--;
    return y;
}

/* An item's active years [*a, *b]; *b = ILO_YEAR_MAX + 1 when open; false when never active. */
static bool active_years(const ilo_item *it, int *a, int *b)
{
    if (it->first_day > it->last_day) return false;
    *a = year_of(it->first_day);
    *b = it->last_day == INT32_MAX ? ILO_YEAR_MAX + 1 : year_of(it->last_day);
    return true;
}

/* The span of years country c's items and examining sources mention. */
static void span(const ilo_model *m, const ilo_country *c, int *first, int *last)
{
    int lo = ILO_YEAR_MAX + 1, hi = ILO_YEAR_MIN - 1;
    for (size_t i = 0; i < c->n_items; i++) {
        const ilo_item *it = &m->items[c->item_first + i];
        int a, b;
        if (active_years(it, &a, &b)) {
            if (a < lo) lo = a;
            if (a > hi) hi = a;
            if (b <= ILO_YEAR_MAX && b > hi) hi = b;
        }
        for (size_t j = 0; j < it->n_sources; j++) {
            int y = m->sources[it->sources[j]].date.year;
            if (y < lo) lo = y;
            if (y > hi) hi = y;
        }
    }
    for (size_t i = 0; i < c->n_examining; i++) {
        int y = m->sources[c->examining[i]].date.year;
        if (y < lo) lo = y;
        if (y > hi) hi = y;
    }
    *first = lo;
    *last = hi;
}

static void set_bit(uint64_t *row, size_t i) { row[i >> 6] |= (uint64_t)1 << (i & 63); }

/* Builds country c's index; false when out of memory. */
static bool build_one(const ilo_model *m, const ilo_country *c, ilo_year_index *x)
{
    int first, last;
    span(m, c, &first, &last);
    memset(x, 0, sizeof *x);
    if (first > last) return true; /* nothing dated: every year is empty */
    x->first = first;
    x->n_years = last - first + 1;
    x->words = (c->n_items + 63) / 64;
    size_t rows = (size_t)x->n_years + 1, W = x->words;
    x->active = calloc(rows * W + 1, sizeof *x->active);
    x->dated = calloc(rows * W + 1, sizeof *x->dated);
    x->legal = calloc(W + 1, sizeof *x->legal);
    x->exam_start = calloc(rows + 1, sizeof *x->exam_start);
    x->exam = malloc((c->n_examining + 1) * sizeof *x->exam);
    uint32_t *fill = malloc(rows * sizeof *fill);
    if (!x->active || !x->dated || !x->legal || !x->exam_start || !x->exam || !fill) {
        free(fill);
        return false;
    }
    for (size_t i = 0; i < c->n_items; i++) {
        const ilo_item *it = &m->items[c->item_first + i];
        int a, b;
        x->n_sources += it->n_sources;
        if (active_years(it, &a, &b)) {
            int hi = b > last ? last + 1 : b; /* last + 1: the tail */
            for (int y = a; y <= hi; y++) set_bit(x->active + (size_t)(y - first) * W, i);
        }
        for (size_t j = 0; j < it->n_sources; j++) {
            const ilo_source *s = &m->sources[it->sources[j]];
            set_bit(x->dated + (size_t)(s->date.year - first) * W, i);
            if (s->kind == ILO_SRC_LEGISLATION) set_bit(x->legal, i);
        }
    }
    /* Examining sources by year (never in the tail: no source is dated after the span). */
    for (size_t i = 0; i < c->n_examining; i++) x->exam_start[m->sources[c->examining[i]].date.year - first + 1]++;
    for (size_t k = 0; k < rows; k++) x->exam_start[k + 1] += x->exam_start[k];
    memcpy(fill, x->exam_start, rows * sizeof *fill);
    for (size_t i = 0; i < c->n_examining; i++)
        x->exam[fill[m->sources[c->examining[i]].date.year - first]++] = c->examining[i];
    free(fill);
    return true;
}

void ilo_year_index_free(ilo_year_index *x, size_t n)
{
    for (size_t c = 0; x && c < n; c++) {
        free(x[c].active);
        free(x[c].dated);
        free(x[c].legal);
        free(x[c].exam_start);
        free(x[c].exam);
    }
    free(x);
}

ilo_year_index *ilo_year_index_new(const ilo_model *m)
{
    ilo_year_index *x = calloc(m->n_countries + 1, sizeof *x);
    if (!x) return NULL;
    for (size_t c = 0; c < m->n_countries; c++)
        if (!build_one(m, &m->countries[c], &x[c])) {
            ilo_year_index_free(x, m->n_countries);
            return NULL;
        }
    return x;
}

size_t ilo_year_row(const ilo_year_index *x, int year)
{
    if (!x->n_years || year < x->first) return SIZE_MAX;
    size_t k = (size_t)(year - x->first);
    return k > (size_t)x->n_years ? (size_t)x->n_years : k;
}
