/*
 * csv.c: long ("tidy") CSV, RFC 4180: one row per country, year, method and measure, under the
 * header country,year,method,measure,value. Fields are quoted as RFC 4180 says, only when they
 * must be; lines end in LF, which every CSV reader accepts and which keeps the file friendly to
 * grep, cut and awk (the one departure from the RFC's CRLF). Measures (docs/reports.md): score, raw, law, practice, rating,
 * criteria:coded|clear|not_assessed, convention:ID, group:ID, share:ITEM, published:MEASURE,
 * change, trend:from|slope|slope_se|direction.
 */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

static const char header[] = "country,year,method,measure,value\n";

typedef struct row_ctx {
    rep_buf *b;
    const char *country, *method;
} row_ctx;

/* The fixed part of a row up to the measure; the caller writes the value and ends the row. */
static void start(const row_ctx *x, int year, const char *measure, const char *suffix)
{
    rep_put_csv(x->b, x->country);
    rep_buf_printf(x->b, ",%d,", year);
    rep_put_csv(x->b, x->method);
    rep_buf_putc(x->b, ',');
    if (suffix) {
        /* Quoting is decided on the whole field, so it is composed first. */
        rep_buf field = REP_BUF_INIT;
        rep_buf_puts(&field, measure);
        rep_buf_puts(&field, suffix);
        if (field.failed) x->b->failed = true;
        rep_put_csv(x->b, field.data);
        rep_buf_free(&field);
    } else {
        rep_put_csv(x->b, measure);
    }
    rep_buf_putc(x->b, ',');
}

static void end(const row_ctx *x) { rep_buf_putc(x->b, '\n'); }

static void row_c(const row_ctx *x, int year, const char *measure, const char *suffix, int64_t c)
{
    start(x, year, measure, suffix);
    rep_buf_hundredths(x->b, c);
    end(x);
}

static void row_s(const row_ctx *x, int year, const char *measure, const char *suffix, const char *value)
{
    start(x, year, measure, suffix);
    rep_put_csv(x->b, value);
    end(x);
}


static void row_n(const row_ctx *x, int year, const char *measure, long long n)
{
    start(x, year, measure, NULL);
    rep_buf_printf(x->b, "%lld", n);
    end(x);
}

/* The rows every year has: score, raw, law, practice, rating, published figures. */
static void year_rows(const row_ctx *x, const ilo_model *m, const ilo_result *r)
{
    const ilo_band *band = rep_band(m, r);
    row_c(x, r->year, "score", NULL, rep_score_c(r));
    row_c(x, r->year, "raw", NULL, r->raw_c);
    row_c(x, r->year, "law", NULL, ilo_round2(r->law));
    row_c(x, r->year, "practice", NULL, ilo_round2(r->practice));
    if (band) row_s(x, r->year, "rating", NULL, band->rating);
    size_t n[3];
    rep_status_counts(m, r, n);
    row_n(x, r->year, "criteria:coded", (long long)n[ILO_CODED]);
    row_n(x, r->year, "criteria:clear", (long long)n[ILO_CLEAR]);
    row_n(x, r->year, "criteria:not_assessed", (long long)n[ILO_NOT_ASSESSED]);
}

static void published_rows(const row_ctx *x, const ilo_model *m, size_t country, int year)
{
    for (size_t k = 0; k < REP_NMEASURES; k++) {
        const ilo_published *p = rep_published(m, country, rep_measures[k], year);
        if (p) row_s(x, year, "published:", rep_measures[k], p->value);
    }
}

static void trend_rows(const row_ctx *x, const ilo_trend *t)
{
    start(x, t->to, "trend:from", NULL);
    rep_buf_printf(x->b, "%d", t->from);
    end(x);
    start(x, t->to, "trend:slope", NULL);
    rep_buf_fixed(x->b, t->slope, 6, "");
    end(x);
    start(x, t->to, "trend:slope_se", NULL);
    rep_buf_fixed(x->b, t->slope_se, 6, "");
    end(x);
    row_s(x, t->to, "trend:direction", NULL, ilo_direction_name(t->direction));
}

/* ---- the scenario comparison (reports/compare.c) ----
 * Measures: baseline:M, scenario:M and delta:M for M in score, raw, law, practice and
 * convention:ID; baseline:rating, scenario:rating, rating_changed (0 or 1); finding:removed:ID,
 * finding:added:ID, finding:changed:ID (value: the share in the baseline, the scenario and the
 * scenario); criterion:stopped:ID and criterion:started:ID (value: the weight); applied:N (value: the
 * id of the N-th scenario applied, in the first year's rows). */
#include <stdio.h>

#include "brief.h"

/* ---- the trade-review brief ---- */

/* Rows of one regime criterion in one year: brief:ID:concern, and unless it is outside scope or
 * not assessed brief:ID:score; in the brief's year also brief:ID:coded|clear|not_assessed and
 * brief:ID:ratification:CONVENTION. Concern levels as in JSON (not_assessed, outside_scope...). */
static void brief_csv_rows(const row_ctx *x, const rep_brief_doc *doc, const ilo_brief_verdict *vd,
                           const ilo_result *r, bool full)
{
    static const char *const ids[ILO_CONCERN__COUNT] = {"outside_scope", "not_assessed", "none", "low", "medium", "high"};
    const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
    ilo_brief_measure ms;
    ilo_brief_measure_of(doc->model, doc->brief->regime, vd->criterion, r, &ms);
    rep_buf measure = REP_BUF_INIT;
    rep_buf_printf(&measure, "brief:%s:", rc->id);
    const char *mp = measure.data ? measure.data : "brief:";
    row_s(x, r->year, mp, "concern", ids[ms.concern]);
    if (ms.concern != ILO_CONCERN_OUTSIDE && ms.concern != ILO_CONCERN_NOT_ASSESSED)
        row_c(x, r->year, mp, "score", ilo_round2(ms.score));
    if (full) {
        if (ms.concern != ILO_CONCERN_OUTSIDE) {
            start(x, r->year, mp, "coded");
            rep_buf_printf(x->b, "%zu", ms.n_coded);
            end(x);
            start(x, r->year, mp, "clear");
            rep_buf_printf(x->b, "%zu", ms.n_clear);
            end(x);
            start(x, r->year, mp, "not_assessed");
            rep_buf_printf(x->b, "%zu", ms.n_not_assessed);
            end(x);
        }
        for (size_t i = 0; i < rc->n_conventions; i++) {
            rep_buf suffix = REP_BUF_INIT;
            rep_buf_printf(&suffix, "ratification:%s", doc->model->conventions[rc->conventions[i]].id);
            row_s(x, r->year, mp, suffix.data ? suffix.data : "ratification",
                  rep_ratification(doc->model, r->country, rc->conventions[i], r->year));
            if (suffix.failed) x->b->failed = true;
            rep_buf_free(&suffix);
        }
    }
    if (measure.failed) x->b->failed = true;
    rep_buf_free(&measure);
}

void rep_csv_brief(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    row_ctx x = {b, m->countries[r->country].code, m->methods[r->method].id};
    rep_buf_puts(b, header);
    year_rows(&x, m, r);
    published_rows(&x, m, r->country, r->year);
    row_s(&x, r->year, "brief:regime", NULL, rep_brief_regime(doc)->id);
    row_s(&x, r->year, "brief:in_force", NULL, rep_answer_name(doc->standing.in_force));
    row_s(&x, r->year, "brief:standing", NULL, ilo_benefit_name(doc->standing.benefit));
    row_s(&x, r->year, "brief:applies", NULL, rep_answer_name(doc->standing.applies));
    row_n(&x, r->year, "brief:period_from", doc->window_from ? doc->window_from : r->year);
    rep_brief_view v;
    if (!rep_brief_view_init(&v, doc)) {
        b->failed = true;
        return;
    }
    for (size_t i = 0; i < v.n_recs; i++) {
        const ilo_recommendation *rc = &m->countries[r->country].recommendations[v.recs[i]];
        row_s(&x, r->year, "brief:recommendation:", rc->id, rep_brief_rec_state(doc, &v, i));
    }
    for (size_t i = 0; i < v.n_laws; i++) {
        const char *how;
        const ilo_date *d = rep_brief_law_date(doc, &v, i, &how);
        rep_buf val = REP_BUF_INIT;
        rep_buf_printf(&val, "%s %s", how, d->text);
        if (val.failed) b->failed = true;
        row_s(&x, r->year, "brief:law_change:", doc->profile->items[v.laws[i]].id, val.data ? val.data : "");
        rep_buf_free(&val);
    }
    rep_brief_view_free(&v);
    for (size_t k = 0; k < br->n_verdicts; k++) brief_csv_rows(&x, doc, &br->verdicts[k], r, true);
    if (!doc->trend) return;
    for (size_t i = 0; i < doc->trend->n; i++) {
        const ilo_result *y = doc->trend->years[i];
        if (y->year == r->year) continue;
        year_rows(&x, m, y);
        published_rows(&x, m, r->country, y->year);
        for (size_t k = 0; k < br->n_verdicts; k++)
            if (br->verdicts[k].measure.concern != ILO_CONCERN_OUTSIDE) brief_csv_rows(&x, doc, &br->verdicts[k], y, false);
    }
    trend_rows(&x, doc->trend);
}
