/* test_brief.c: the trade-review brief on tests/data/brief (country XBR, regime xr): verdicts per
 * regime criterion, the concern rule clause by clause, "not assessed" and "outside scope", the
 * findings behind a verdict and the reforms that address it. */
#include "testutil.h"

static ilo_model *M;
static size_t XBR, XR, METHOD;

static int setup(void **state)
{
    (void)state;
    M = test_load("brief");
    XBR = ilo_model_find_country(M, "XBR");
    XR = ilo_model_find_regime(M, "xr");
    METHOD = ilo_model_find_method(M, "m");
    return XBR == SIZE_MAX || XR == SIZE_MAX || METHOD == SIZE_MAX;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(M);
    return 0;
}

static ilo_result *eval_year(int year)
{
    ilo_profile p = ilo_profile_baseline(M, XBR);
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(M, &p, METHOD, year, r, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return r;
}

static ilo_brief *brief_of(const ilo_result *r)
{
    ilo_profile p = ilo_profile_baseline(M, XBR);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_brief *b = NULL;
    assert_int_equal(ilo_brief_new(M, &p, r, XR, &b, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    assert_non_null(b);
    return b;
}

/* The verdict of the regime criterion with this id. */
static const ilo_brief_verdict *verdict(const ilo_brief *b, const char *id)
{
    for (size_t i = 0; i < b->n_verdicts; i++)
        if (strcmp(M->regimes[XR].criteria[b->verdicts[i].criterion].id, id) == 0) return &b->verdicts[i];
    fail_msg("no verdict for %s", id);
    return NULL;
}

static size_t crit(const char *id)
{
    size_t k = ilo_model_find_criterion(M, id);
    assert_true(k != SIZE_MAX);
    return k;
}

static const char *item_id(const ilo_result *r, size_t finding)
{
    return M->items[M->countries[XBR].item_first + r->findings[finding].item].id;
}

static void verdicts_of_2018_follow_the_rule(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    ilo_brief *b = brief_of(r);
    assert_int_equal(b->n_verdicts, 6);

    const ilo_brief_verdict *a = verdict(b, "A");
    assert_int_equal(a->measure.concern, ILO_CONCERN_HIGH);
    assert_string_equal(a->measure.why, "a civil-liberties practice criterion is coded");
    assert_true(a->measure.grave);
    assert_int_equal(a->measure.n_criteria, 4);
    assert_int_equal(a->measure.n_coded, 3); /* cl-arrest, cl-law, org-law */
    assert_int_equal(a->measure.n_clear, 1);
    assert_int_equal(a->measure.n_not_assessed, 0);
    assert_int_equal(a->measure.raw_hundredths, 195 + 193 + 150);
    assert_int_equal(a->measure.total_hundredths, 195 + 193 + 150 + 100);
    assert_int_equal(ilo_round2(a->measure.score), 57); /* 5.38 x 10 / 95 = 0.566 */
    assert_int_equal(a->n_unratified, 0);
    assert_int_equal(a->ratified[0], ILO_RAT_RATIFIED);

    const ilo_brief_verdict *bb = verdict(b, "B");
    assert_int_equal(bb->measure.concern, ILO_CONCERN_LOW);
    assert_int_equal(bb->measure.n_coded, 1);
    assert_int_equal(bb->measure.n_clear, 11);

    const ilo_brief_verdict *c = verdict(b, "C");
    assert_int_equal(c->measure.concern, ILO_CONCERN_MEDIUM);
    assert_string_equal(c->measure.why, "a quarter or more of its weight is coded");

    ilo_brief_free(b);
    ilo_result_free(r);
}

static void criterion_without_evidence_is_not_assessed(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    ilo_brief *b = brief_of(r);
    /* E: C155 has a criterion, but no source examines C155 and nothing codes it. */
    const ilo_brief_verdict *e = verdict(b, "E");
    assert_int_equal(e->measure.concern, ILO_CONCERN_NOT_ASSESSED);
    assert_string_equal(e->measure.why, "no criterion coded or examined in the review period");
    assert_int_equal(e->measure.n_not_assessed, 1);
    assert_int_equal(e->n_findings, 0);
    assert_int_equal(e->n_unratified, 1); /* C155 not ratified: the verdict says so */
    assert_int_equal(e->ratified[0], ILO_RAT_NOT_RATIFIED);
    /* U: C111 has no criteria in the catalogue at all; the profile says nothing of ratification. */
    const ilo_brief_verdict *u = verdict(b, "U");
    assert_int_equal(u->measure.concern, ILO_CONCERN_NOT_ASSESSED);
    assert_string_equal(u->measure.why, "its conventions have no criteria in the catalogue");
    assert_int_equal(u->n_unknown_ratification, 1);
    /* X: outside the engine, never "none". */
    const ilo_brief_verdict *x = verdict(b, "X");
    assert_int_equal(x->measure.concern, ILO_CONCERN_OUTSIDE);
    assert_int_equal(x->measure.n_criteria, 0);
    assert_string_equal(ilo_concern_name(x->measure.concern), "outside scope");
    /* Counts and the worst level. */
    assert_int_equal(b->count[ILO_CONCERN_HIGH], 1);
    assert_int_equal(b->count[ILO_CONCERN_MEDIUM], 1);
    assert_int_equal(b->count[ILO_CONCERN_LOW], 1);
    assert_int_equal(b->count[ILO_CONCERN_NOT_ASSESSED], 2);
    assert_int_equal(b->count[ILO_CONCERN_OUTSIDE], 1);
    assert_int_equal(b->worst, ILO_CONCERN_HIGH);
    ilo_brief_free(b);
    ilo_result_free(r);
}

static void examined_and_clear_is_none_and_unexamined_is_not_assessed(void **state)
{
    (void)state;
    /* 2017: the CEACR examines C87 and C29; only the Trade Union Act is reported. */
    ilo_result *r = eval_year(2017);
    ilo_brief *b = brief_of(r);
    const ilo_brief_verdict *c = verdict(b, "C");
    assert_int_equal(c->measure.concern, ILO_CONCERN_NONE);
    assert_int_equal(c->measure.n_clear, 4);
    const ilo_brief_verdict *bb = verdict(b, "B");
    assert_int_equal(bb->measure.concern, ILO_CONCERN_NOT_ASSESSED);
    assert_int_equal(bb->measure.n_not_assessed, 12);
    /* A: cl-law and org-law coded, 3.43 of 6.38 (53.8 %): high by its share, not by a grave
     * criterion (the arrest is reported only in 2018). */
    const ilo_brief_verdict *a = verdict(b, "A");
    assert_int_equal(a->measure.concern, ILO_CONCERN_HIGH);
    assert_false(a->measure.grave);
    assert_string_equal(a->measure.why, "half or more of its weight is coded");
    ilo_brief_free(b);
    ilo_result_free(r);
}

static void findings_touching_a_criterion(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    ilo_brief *b = brief_of(r);
    const ilo_brief_verdict *a = verdict(b, "A");
    assert_int_equal(a->n_findings, 3);
    bool seen_arrest = false, seen_law = false, seen_dereg = false;
    for (size_t i = 0; i < a->n_findings; i++) {
        const char *id = item_id(r, a->findings[i]);
        seen_arrest |= strcmp(id, "xbr-arrest") == 0;
        seen_law |= strcmp(id, "xbr-unions-law") == 0;
        seen_dereg |= strcmp(id, "xbr-dereg") == 0;
        if (i) assert_true(a->findings[i] > a->findings[i - 1]); /* the result's order */
    }
    assert_true(seen_arrest && seen_law && seen_dereg);
    const ilo_brief_verdict *c = verdict(b, "C");
    assert_int_equal(c->n_findings, 1);
    assert_string_equal(item_id(r, c->findings[0]), "xbr-forced");
    ilo_brief_free(b);
    ilo_result_free(r);
}

static void reforms_address_the_findings(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    ilo_brief *b = brief_of(r);
    const ilo_brief_verdict *a = verdict(b, "A");
    /* Repeal of the Act (op 0) and the end of the detention (op 2). */
    assert_int_equal(a->n_reforms, 2);
    assert_int_equal(a->reforms[0].op, 0);
    assert_string_equal(item_id(r, a->reforms[0].finding), "xbr-unions-law");
    assert_true(ilo_bitset_has(&a->reforms[0].removes, crit("org-law")));
    assert_true(ilo_bitset_has(&a->reforms[0].removes, crit("cl-law")));
    /* org-law is also coded by the refused registration: the repeal clears cl-law only. */
    assert_false(ilo_bitset_has(&a->reforms[0].clears, crit("org-law")));
    assert_true(ilo_bitset_has(&a->reforms[0].clears, crit("cl-law")));
    assert_int_equal(a->reforms[1].op, 2);
    assert_true(ilo_bitset_has(&a->reforms[1].clears, crit("cl-arrest")));
    /* B: the amendment that drops every criterion of the Labour Code article. */
    const ilo_brief_verdict *bb = verdict(b, "B");
    assert_int_equal(bb->n_reforms, 1);
    assert_int_equal(M->scenarios[bb->reforms[0].scenario].ops[bb->reforms[0].op].kind, ILO_OP_AMEND);
    assert_true(ilo_bitset_has(&bb->reforms[0].clears, crit("cb-01")));
    /* C: no scenario touches forced labour. */
    assert_int_equal(verdict(b, "C")->n_reforms, 0);
    ilo_brief_free(b);
    ilo_result_free(r);
}

static void minimal_repeal_set_per_criterion(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    ilo_brief *b = brief_of(r);
    /* A: the arrest and the refused registration are practice; repealing the Act removes the rest
     * (cl-law), and the arrest keeps A high. */
    const ilo_brief_verdict *a = verdict(b, "A");
    assert_int_equal(a->target.status, ILO_BRIEF_TARGET_PARTIAL);
    assert_int_equal(a->target.n_repeal, 1);
    assert_string_equal(M->items[M->countries[XBR].item_first + a->target.repeal[0]].id, "xbr-unions-law");
    assert_int_equal(a->target.after.n_coded, 2);
    assert_int_equal(a->target.after.raw_hundredths, 195 + 150);
    assert_int_equal(a->target.after.concern, ILO_CONCERN_HIGH);
    /* B: only the Labour Code codes it; its repeal clears B, which the CEACR examined: none. */
    const ilo_brief_verdict *bb = verdict(b, "B");
    assert_int_equal(bb->target.status, ILO_BRIEF_TARGET_CLEARS);
    assert_int_equal(bb->target.n_repeal, 1);
    assert_string_equal(M->items[M->countries[XBR].item_first + bb->target.repeal[0]].id, "xbr-cb-law");
    assert_int_equal(bb->target.after.n_coded, 0);
    assert_int_equal(bb->target.after.concern, ILO_CONCERN_NONE);
    /* C: practice only. E: nothing coded, no search. */
    assert_int_equal(verdict(b, "C")->target.status, ILO_BRIEF_TARGET_PRACTICE);
    assert_int_equal(verdict(b, "C")->target.n_repeal, 0);
    assert_int_equal(verdict(b, "E")->target.status, ILO_BRIEF_TARGET_NONE);
    ilo_brief_free(b);
    ilo_result_free(r);
    /* 2016: a decree dissolving every union (an incident) codes an all-encompassing criterion. */
    r = eval_year(2016);
    b = brief_of(r);
    a = verdict(b, "A");
    assert_int_equal(a->measure.concern, ILO_CONCERN_HIGH);
    assert_string_equal(a->measure.why, "an all-encompassing criterion is coded");
    assert_int_equal(a->target.status, ILO_BRIEF_TARGET_FORCED);
    assert_int_equal(a->target.n_repeal, 0);
    ilo_brief_free(b);
    ilo_result_free(r);
}

static void operation_already_applied_is_no_reform(void **state)
{
    (void)state;
    /* With the reform scenario applied, the detention already ends on 2017-06-30 and the Act is
     * repealed from 2019: in 2018 the CAS and CEACR texts still report both, so they still count,
     * but the scenario's own operations change nothing more and are no reform. */
    size_t sc = ilo_model_find_scenario(M, "xbr-reform");
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_profile *p = NULL;
    assert_int_equal(ilo_profile_apply(M, XBR, &sc, 1, &p, ctx), ILO_OK);
    ilo_result *r = ilo_result_new(M);
    assert_int_equal(ilo_eval(M, p, METHOD, 2018, r, ctx), ILO_OK);
    ilo_brief *b = NULL;
    assert_int_equal(ilo_brief_new(M, p, r, XR, &b, ctx), ILO_OK);
    const ilo_brief_verdict *a = verdict(b, "A");
    assert_int_equal(a->measure.concern, ILO_CONCERN_HIGH);
    assert_int_equal(a->n_findings, 3);
    assert_int_equal(a->n_reforms, 0);
    assert_int_equal(verdict(b, "B")->n_reforms, 0);
    ilo_brief_free(b);
    ilo_result_free(r);
    ilo_profile_free(p);
    ilo_ctx_free(ctx);
}

/* Measures B (twelve criteria of 2.00, 24.00 in all) with its first n criteria coded and every
 * criterion examined. */
static ilo_brief_measure measure_b(size_t n, ilo_result *r)
{
    memset(&r->coded, 0, sizeof r->coded);
    memset(&r->assessed, 0, sizeof r->assessed);
    static const char *const ids[] = {"cb-01", "cb-02", "cb-03", "cb-04", "cb-05", "cb-06",
                                      "cb-07", "cb-08", "cb-09", "cb-10", "cb-11", "cb-12"};
    for (size_t i = 0; i < 12; i++) {
        ilo_bitset_set(&r->assessed, crit(ids[i]));
        if (i < n) ilo_bitset_set(&r->coded, crit(ids[i]));
    }
    size_t b = SIZE_MAX;
    for (size_t k = 0; k < M->regimes[XR].n_criteria; k++)
        if (strcmp(M->regimes[XR].criteria[k].id, "B") == 0) b = k;
    ilo_brief_measure ms;
    ilo_brief_measure_of(M, XR, b, r, &ms);
    return ms;
}

static void concern_thresholds_clause_by_clause(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    ilo_brief_measure ms = measure_b(0, r);
    assert_int_equal(ms.concern, ILO_CONCERN_NONE);
    ms = measure_b(1, r); /* 2.00 of 24.00: 8 %, score 0.21 */
    assert_int_equal(ms.concern, ILO_CONCERN_LOW);
    ms = measure_b(2, r); /* 4.00: 16.7 %, score 0.42 */
    assert_int_equal(ms.concern, ILO_CONCERN_LOW);
    ms = measure_b(3, r); /* 6.00: exactly 25 %, score 0.63 */
    assert_int_equal(ms.concern, ILO_CONCERN_MEDIUM);
    assert_string_equal(ms.why, "a quarter or more of its weight is coded");
    ms = measure_b(5, r); /* 10.00: 41.7 %, score 1.05 */
    assert_int_equal(ms.concern, ILO_CONCERN_MEDIUM);
    assert_string_equal(ms.why, "score 1.00 or more");
    ms = measure_b(6, r); /* 12.00: exactly 50 %, score 1.26 */
    assert_int_equal(ms.concern, ILO_CONCERN_HIGH);
    assert_string_equal(ms.why, "half or more of its weight is coded");
    ms = measure_b(10, r); /* 20.00: score 2.11 */
    assert_int_equal(ms.concern, ILO_CONCERN_HIGH);
    assert_string_equal(ms.why, "score 2.00 or more");
    assert_int_equal(ms.raw_hundredths, 2000);
    ilo_result_free(r);
}

static void all_encompassing_criterion_is_high(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    memset(&r->coded, 0, sizeof r->coded);
    memset(&r->assessed, 0, sizeof r->assessed);
    ilo_bitset_set(&r->coded, crit("org-gp-law"));
    ilo_bitset_set(&r->assessed, crit("org-gp-law"));
    ilo_brief_measure ms;
    ilo_brief_measure_of(M, XR, 0, r, &ms); /* A */
    assert_int_equal(ms.concern, ILO_CONCERN_HIGH);
    assert_true(ms.all_encompassing);
    assert_string_equal(ms.why, "an all-encompassing criterion is coded");
    assert_int_equal(ms.n_not_assessed, 3);
    ilo_result_free(r);
}

static void bad_regime_index_is_an_error(void **state)
{
    (void)state;
    ilo_result *r = eval_year(2018);
    ilo_profile p = ilo_profile_baseline(M, XBR);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_brief *b = (ilo_brief *)1;
    assert_int_equal(ilo_brief_new(M, &p, r, M->n_regimes, &b, ctx), ILO_ERR_NOTFOUND);
    assert_null(b);
    ilo_ctx_free(ctx);
    ilo_result_free(r);
    ilo_brief_free(NULL);
}

/* The review period: xbr-ban (2016) codes org-gp-law, an all-encompassing criterion of A, only in
 * 2016; over 2016-2018 A is coded from it, and the 2018 figures stay those of 2018. */
static void window_keeps_what_an_earlier_year_coded(void **state)
{
    (void)state;
    ilo_profile p = ilo_profile_baseline(M, XBR);
    ilo_result *one = eval_year(2018), *w = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_brief_window(M, &p, METHOD, 2016, 2018, w, ctx), ILO_OK);
    assert_false(ilo_bitset_has(&one->coded, crit("org-gp-law")));
    assert_true(ilo_bitset_has(&w->coded, crit("org-gp-law")));
    assert_int_equal(w->year, 2018);
    assert_int_equal(w->raw_hundredths, one->raw_hundredths);
    assert_int_equal(w->n_findings, one->n_findings + 1);
    assert_string_equal(item_id(w, w->n_findings - 1), "xbr-ban");
    assert_int_equal(w->findings[w->n_findings - 1].n_sources, 1);
    ilo_brief *b = brief_of(w);
    const ilo_brief_verdict *a = verdict(b, "A");
    assert_int_equal(a->measure.concern, ILO_CONCERN_HIGH);
    assert_string_equal(a->measure.why, "an all-encompassing criterion is coded");
    assert_int_equal(a->measure.n_coded, 4);
    /* One year is the year's own evaluation. */
    assert_int_equal(ilo_brief_window(M, &p, METHOD, 2018, 2018, w, ctx), ILO_OK);
    assert_int_equal(w->n_findings, one->n_findings);
    assert_int_equal(ilo_brief_window(M, &p, METHOD, 2019, 2018, w, ctx), ILO_ERR_INVALID);
    assert_int_equal(ilo_brief_window(M, &p, METHOD, 2018 - ILO_BRIEF_WINDOW_MAX, 2018, w, ctx), ILO_ERR_INVALID);
    ilo_brief_free(b);
    ilo_ctx_free(ctx);
    ilo_result_free(w);
    ilo_result_free(one);
}

/* The finding about xbr-unions-law in the 2016-2018 window counts by its 2018 sources; its 2017
 * CEACR text is a source of the item that does not make it count (as the golden brief-xbr-2018
 * JSON shows under also_reported_by). */
static void also_reported_by_sources_that_do_not_count(void **state)
{
    (void)state;
    ilo_profile p = ilo_profile_baseline(M, XBR);
    ilo_result *w = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_brief_window(M, &p, METHOD, 2016, 2018, w, ctx), ILO_OK);
    size_t f = 0;
    while (f < w->n_findings && strcmp(item_id(w, f), "xbr-unions-law")) f++;
    assert_true(f < w->n_findings);
    const ilo_item *it = &p.items[w->findings[f].item];
    size_t out[8];
    assert_true(it->n_sources <= 8);
    assert_int_equal(ilo_brief_also_reported(&w->findings[f], it, out), 1);
    assert_string_equal(M->sources[out[0]].id, "xbr-ceacr-2017");
    /* Every source of a finding's own: nothing else reports it. */
    ilo_item own = *it;
    own.sources = w->findings[f].sources;
    own.n_sources = w->findings[f].n_sources;
    assert_int_equal(ilo_brief_also_reported(&w->findings[f], &own, out), 0);
    ilo_ctx_free(ctx);
    ilo_result_free(w);
}

/* The fixture regime records no programme dates and no decisions: nothing is known. */
static void standing_without_regime_dates_is_unknown(void **state)
{
    (void)state;
    ilo_brief_standing st;
    ilo_brief_standing_of(M, XR, "XBR", ilo_year_last_day(2018), &st);
    assert_int_equal(st.day, ilo_year_last_day(2018));
    assert_int_equal(st.in_force, ILO_ANSWER_UNKNOWN);
    assert_null(st.period);
    assert_int_equal(st.benefit, ILO_BENEFIT_UNKNOWN);
    assert_null(st.why);
    assert_null(st.last);
    assert_int_equal(st.applies, ILO_ANSWER_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verdicts_of_2018_follow_the_rule),
        cmocka_unit_test(criterion_without_evidence_is_not_assessed),
        cmocka_unit_test(examined_and_clear_is_none_and_unexamined_is_not_assessed),
        cmocka_unit_test(findings_touching_a_criterion),
        cmocka_unit_test(reforms_address_the_findings),
        cmocka_unit_test(minimal_repeal_set_per_criterion),
        cmocka_unit_test(operation_already_applied_is_no_reform),
        cmocka_unit_test(concern_thresholds_clause_by_clause),
        cmocka_unit_test(all_encompassing_criterion_is_high),
        cmocka_unit_test(bad_regime_index_is_an_error),
        cmocka_unit_test(window_keeps_what_an_earlier_year_coded),
        cmocka_unit_test(also_reported_by_sources_that_do_not_count),
        cmocka_unit_test(standing_without_regime_dates_is_unknown),
    };
    return cmocka_run_group_tests_name("brief", tests, setup, teardown);
}
