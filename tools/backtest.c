/*
 * backtest.c: what the tool would have said on the eve of each labour-rights trade decision in
 * the regime files (criteria/regimes/, key `decisions`), for tools/backtest.sh.
 *
 * The decisions replayed: every withdrawal, suspension or partial withdrawal; every decision
 * that changes no standing (a review opened); and every return to beneficiary status after one
 * of the former (a reinstatement). Designations and income-based removals are not labour
 * decisions and are left out. For each, the data tree is loaded afresh and restricted to the
 * evidence published by the day before the decision (ilo_model_as_of(); for a decision dated to a
 * month or a year, the day before its first day), and the country's brief under the decision's
 * regime is built for the year of that day and the year before, under every method. A country
 * without a profile is reported as skipped.
 *
 * Agreement rule (stated in the output): an adverse decision (withdrawal, suspension, partial
 * withdrawal, review) agrees with the tool when the highest concern it reached in either year is
 * medium or high; a reinstatement agrees when the highest concern in the year of the eve is none
 * or low. Anything else is a miss, including "not assessed".
 *
 * Usage: backtest DIR   (writes Markdown to standard output; exit 1 when the data does not load)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iloscore.h"

typedef struct decision {
    const ilo_regime *regime;
    const ilo_regime_decision *d;
    bool reinstatement;
} decision;

static bool adverse(ilo_benefit b)
{
    return b == ILO_BENEFIT_WITHDRAWN || b == ILO_BENEFIT_SUSPENDED || b == ILO_BENEFIT_PARTIAL;
}

static int decision_cmp(const void *a, const void *b)
{
    const decision *x = a, *y = b;
    if (x->d->decided.first != y->d->decided.first) return x->d->decided.first < y->d->decided.first ? -1 : 1;
    int c = strcmp(x->regime->id, y->regime->id);
    return c ? c : strcmp(x->d->country, y->d->country);
}

static void print_errors(const ilo_ctx *ctx)
{
    for (size_t i = 0; i < ilo_ctx_kept(ctx); i++) {
        const ilo_error *e = ilo_ctx_error(ctx, i);
        fprintf(stderr, "backtest: %s:%d: %s\n", e->file, e->line, e->msg);
    }
}

/* One brief: its highest concern, and its verdicts within the engine's scope into buf. With
 * window 0 the year alone; otherwise the review period of `window` years ending with it, as
 * `iloscore brief` reads it (ilo_brief_window()). */
static ilo_concern brief_of(const ilo_model *m, size_t c, size_t regime, size_t method, int year, int window,
                            char *buf, size_t cap, ilo_ctx *ctx)
{
    ilo_concern worst = ILO_CONCERN_NOT_ASSESSED;
    ilo_result *r = ilo_result_new(m);
    ilo_profile p = ilo_profile_baseline(m, c);
    ilo_brief *b = NULL;
    buf[0] = 0;
    int from = window ? year - window + 1 : year;
    if (!r || ilo_brief_window(m, &p, method, from, year, r, ctx) != ILO_OK ||
        ilo_brief_new(m, &p, r, regime, &b, ctx) != ILO_OK) {
        snprintf(buf, cap, "error");
        goto done;
    }
    worst = b->worst;
    size_t used = 0;
    for (size_t k = 0; k < b->n_verdicts; k++) {
        ilo_concern cc = b->verdicts[k].measure.concern;
        if (cc == ILO_CONCERN_OUTSIDE) continue;
        int n = snprintf(buf + used, cap - used, "%s%s %s", used ? ", " : "",
                         m->regimes[regime].criteria[b->verdicts[k].criterion].id, ilo_concern_name(cc));
        if (n < 0 || (size_t)n >= cap - used) break;
        used += (size_t)n;
    }
done:
    ilo_brief_free(b);
    ilo_result_free(r);
    return worst;
}

/* Replays decision x on the tree at dir; prints its section and adds its summary rows to sum. */
static int replay(const char *dir, const decision *x, int no, FILE *sum)
{
    const ilo_regime_decision *d = x->d;
    ilo_date eve;
    ilo_date_of_day(d->decided.first - 1, &eve);
    int year = eve.year;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    if (!ctx || ilo_model_load(dir, NULL, 0, &m, ctx) != ILO_OK || ilo_model_as_of(m, &eve, ctx) != ILO_OK) {
        print_errors(ctx);
        ilo_model_free(m);
        ilo_ctx_free(ctx);
        return 1;
    }
    const char *kind = x->reinstatement ? "reinstatement" : adverse(d->status) ? ilo_benefit_name(d->status) : "no change of standing";
    printf("### %d. %s, %s: %s\n\n", no, d->country, x->regime->id, d->title);
    printf("Decided %s (%s); evidence as of %s, the day before.\n\n", d->decided.text, kind, eve.text);
    size_t c = ilo_model_find_country(m, d->country), ri = ilo_model_find_regime(m, x->regime->id);
    if (c == SIZE_MAX) {
        printf("Skipped: no profile for %s (countries/%s.cfg is absent).\n\n", d->country, d->country);
        fprintf(sum, "| %d | %s | %s | %s | %s | - | skipped: no profile | - |\n", no, d->country, x->regime->id,
                d->decided.text, kind);
        goto out;
    }
    const ilo_regime *r = &m->regimes[ri];
    const ilo_regime_decision *why = NULL;
    bool implied = false;
    ilo_benefit st = ilo_regime_benefit(r, d->country, eve.first, &why, &implied);
    printf("On that day: programme in force: %s; %s's recorded standing: %s%s.\n\n",
           ilo_answer_name(ilo_regime_in_force(r, eve.first)), d->country, ilo_benefit_name(st),
           implied ? " (implied by a later decision)" : "");
    printf("| Method | Year | Highest concern | Concern by regime criterion |\n");
    printf("|--------|------|-----------------|-----------------------------|\n");
    for (size_t mi = 0; mi < m->n_methods; mi++) {
        ilo_concern worst[2];
        for (int k = 0; k < 2; k++) {
            char buf[1024];
            worst[k] = brief_of(m, c, ri, mi, year - 1 + k, 0, buf, sizeof buf, ctx);
            printf("| %s | %d | %s | %s |\n", m->methods[mi].id, year - 1 + k, ilo_concern_name(worst[k]), buf);
        }
        ilo_concern reached = worst[0] > worst[1] ? worst[0] : worst[1];
        bool agrees = x->reinstatement ? worst[1] == ILO_CONCERN_NONE || worst[1] == ILO_CONCERN_LOW
                                       : reached >= ILO_CONCERN_MEDIUM;
        fprintf(sum, "| %d | %s | %s | %s | %s | %s | %s | %s |\n", no, d->country, x->regime->id, d->decided.text,
                kind, m->methods[mi].id,
                x->reinstatement ? ilo_concern_name(worst[1]) : ilo_concern_name(reached),
                agrees ? "agrees" : "**miss**");
    }
    /* The brief as `iloscore --as-of EVE brief` writes it: the default method over the default
     * review period ending with the eve's year. */
    size_t bm = ilo_model_find_method(m, "all-sources");
    if (bm != SIZE_MAX) {
        char buf[1024];
        ilo_concern w = brief_of(m, c, ri, bm, year, ILO_BRIEF_WINDOW_YEARS, buf, sizeof buf, ctx);
        printf("| brief: %s, period %d-%d | %d | %s | %s |\n", m->methods[bm].id, year - ILO_BRIEF_WINDOW_YEARS + 1,
               year, year, ilo_concern_name(w), buf);
        bool agrees = x->reinstatement ? w == ILO_CONCERN_NONE || w == ILO_CONCERN_LOW : w >= ILO_CONCERN_MEDIUM;
        fprintf(sum, "| %d | %s | %s | %s | %s | brief (%s, %d years) | %s | %s |\n", no, d->country, x->regime->id,
                d->decided.text, kind, m->methods[bm].id, ILO_BRIEF_WINDOW_YEARS, ilo_concern_name(w),
                agrees ? "agrees" : "**miss**");
    }
    printf("\n");
out:
    ilo_model_free(m);
    ilo_ctx_free(ctx);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: backtest DIR\n", stderr);
        return 2;
    }
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    if (!ctx || ilo_model_load(argv[1], NULL, 0, &m, ctx) != ILO_OK) {
        print_errors(ctx);
        ilo_ctx_free(ctx);
        return 1;
    }
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < m->n_regimes; i++) cap += m->regimes[i].n_decisions;
    decision *v = calloc(cap + 1, sizeof *v);
    char *sum_text = NULL;
    size_t sum_len = 0;
    FILE *sum = open_memstream(&sum_text, &sum_len);
    int rc = !v || !sum;
    for (size_t i = 0; !rc && i < m->n_regimes; i++) {
        const ilo_regime *r = &m->regimes[i];
        for (size_t k = 0; k < r->n_decisions; k++) {
            const ilo_regime_decision *d = &r->decisions[k];
            /* Decisions are sorted by country then date: an earlier adverse one of the same
             * country comes before. */
            bool after_adverse = false;
            for (size_t j = 0; j < k; j++)
                after_adverse |= strcmp(r->decisions[j].country, d->country) == 0 && adverse(r->decisions[j].status);
            bool reinstatement = d->status == ILO_BENEFIT_YES && after_adverse;
            if (adverse(d->status) || d->status == ILO_BENEFIT_UNKNOWN || reinstatement)
                v[n++] = (decision){r, d, reinstatement};
        }
    }
    if (n > 1) qsort(v, n, sizeof *v, decision_cmp);
    printf("## Back-test: the tool on the eve of each trade decision\n\n");
    printf("Generated by `sh tools/backtest.sh` (iloscore %s) from the decisions recorded in\n", ilo_version());
    printf("criteria/regimes/; do not edit by hand.\n\n");
    printf("Each decision is replayed with the evidence published by the day before it (`--as-of`):\n"
           "the country's brief under the decision's regime, for the year of that day and the year\n"
           "before, under each method. A decision dated only to a month or a year is replayed on the\n"
           "day before the first day of that month or year. Rule: a withdrawal, suspension or partial\n"
           "withdrawal, or a decision that changes no standing (a review opened), agrees with the\n"
           "tool when the highest concern reached in either year is medium or high; a reinstatement\n"
           "agrees when the highest concern in the year of the eve is none or low. Anything else is a\n"
           "miss, \"not assessed\" included. The rule is the same for every country. A country without\n"
           "a profile is skipped until countries/CODE.cfg exists.\n\n"
           "The last row of each table (\"brief\") is the trade-review brief as `iloscore --as-of EVE\n"
           "brief` writes it: method all-sources over the default review period, the eve's year and\n"
           "the years before it, a criterion counting as coded when it is coded in any year of the\n"
           "period. It agrees on the same rule, read on that one reading.\n\n");
    fprintf(sum, "| # | Country | Regime | Decided | Decision | Method | Highest concern | Tool vs decision |\n");
    fprintf(sum, "|---|---------|--------|---------|----------|--------|-----------------|------------------|\n");
    for (size_t i = 0; !rc && i < n; i++) rc = replay(argv[1], &v[i], (int)i + 1, sum);
    if (sum) fclose(sum);
    if (!rc) printf("### Summary\n\n%s", sum_text ? sum_text : "");
    free(sum_text);
    free(v);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
    return rc;
}
