/* test_eval.c: the scoring arithmetic and the two year windows, on tests/data/eval and on the
 * shipped catalogue (the ILO's worked example). */
#include "testutil.h"

static ilo_model *M;

static int setup(void **state)
{
    (void)state;
    M = test_load("eval");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(M);
    return 0;
}

/* Evaluates country `code` in `year` under `method` and returns the result (caller frees). */
static ilo_result *eval(const char *code, const char *method, int year)
{
    size_t c = ilo_model_find_country(M, code), me = ilo_model_find_method(M, method);
    assert_true(c != SIZE_MAX && me != SIZE_MAX);
    ilo_profile p = ilo_profile_baseline(M, c);
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(M, &p, me, year, r, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return r;
}

static const char *finding_id(const ilo_model *m, const ilo_result *r, size_t i)
{
    const ilo_country *c = &m->countries[r->country];
    return m->items[c->item_first + r->findings[i].item].id;
}

static void occurrence_counts_items_in_force_or_happening(void **state)
{
    (void)state;
    ilo_result *r = eval("XEV", "occ", 2017); /* repealed 1 Jan 2018 and in force from 31 Dec 2017 */
    assert_int_equal(r->raw_hundredths, 193 + 166);
    assert_int_equal(ilo_round2(r->score), 38); /* 3.59 x 10 / 95 = 0.3779 */
    assert_string_equal(M->methods[r->method].bands[r->band].rating, "2");
    ilo_result_free(r);
    r = eval("XEV", "occ", 2018);
    assert_int_equal(r->raw_hundredths, 166); /* repealed on 1 Jan: no day of 2018 in force */
    ilo_result_free(r);
}

static void criterion_coded_by_three_sources_counts_once(void **state)
{
    (void)state;
    ilo_result *r = eval("XEV", "occ", 2015);
    assert_int_equal(r->raw_hundredths, 193 + 195);
    assert_int_equal(r->n_findings, 2);
    size_t inc = strcmp(finding_id(M, r, 0), "ev-inc-a") == 0 ? 0 : 1;
    assert_string_equal(finding_id(M, r, inc), "ev-inc-a");
    assert_int_equal(r->findings[inc].n_sources, 3);
    assert_int_equal(r->findings[inc].share_hundredths, 195);
    ilo_result_free(r);
}

static void evidence_window_codes_the_year_of_the_ilo_text(void **state)
{
    (void)state;
    /* A 2018 CFA report on a 2015 incident codes 2018 under the evidence window... */
    ilo_result *r = eval("XEV", "ev", 2018);
    assert_int_equal(r->raw_hundredths, 166 + 195);
    ilo_result_free(r);
    /* ...and not under the occurrence window. */
    r = eval("XEV", "occ", 2018);
    assert_int_equal(r->raw_hundredths, 166);
    ilo_result_free(r);
    /* The 2015 incident does not count in 2015 under the evidence window: no ILO text that year,
     * and the NGO and media sources are not admissible. */
    r = eval("XEV", "ev", 2015);
    assert_int_equal(r->raw_hundredths, 0);
    ilo_result_free(r);
    r = eval("XEV", "ev", 2016);
    assert_int_equal(r->raw_hundredths, 193);
    ilo_result_free(r);
}

static void legislation_only_for_non_ratifying_countries(void **state)
{
    (void)state;
    /* XEV ratified C087 and C098: its legislation is not coded under "ev" in 2017. */
    ilo_result *r = eval("XEV", "ev", 2017);
    assert_int_equal(r->raw_hundredths, 0);
    ilo_result_free(r);
    /* XGP has not ratified C098: its law codes the years it is in force. */
    r = eval("XGP", "ev", 2011);
    assert_int_equal(r->raw_hundredths, 0);
    ilo_result_free(r);
    r = eval("XGP", "ev", 2013);
    assert_true(r->n_findings == 1);
    ilo_result_free(r);
}

static void general_prohibition_implies_practice_and_forces_ten(void **state)
{
    (void)state;
    ilo_result *r = eval("XGP", "ev", 2013);
    size_t gp_prac = ilo_model_find_criterion(M, "gp-prac");
    assert_true(ilo_bitset_has(&r->coded, gp_prac));
    assert_int_equal(r->raw_hundredths, 178 + 180);
    assert_true(r->forced);
    assert_int_equal(ilo_round2(r->score), 1000);
    assert_true(r->findings[0].critical);
    assert_string_equal(M->methods[r->method].bands[r->band].rating, "2");
    ilo_result_free(r);
    r = eval("XGP", "ev", 2014); /* marked as a breakdown of the rule of law */
    assert_string_equal(M->methods[r->method].bands[r->band].rating, "5+");
    ilo_result_free(r);
}

static void shares_add_up_to_raw_exactly(void **state)
{
    (void)state;
    ilo_result *r = eval("XEV", "occ", 2019);
    assert_int_equal(r->raw_hundredths, 195 + 166);
    int64_t sum = 0;
    for (size_t i = 0; i < r->n_findings; i++) sum += r->findings[i].share_hundredths;
    assert_int_equal(sum, r->raw_hundredths);
    /* Sorted by share: ev-inc-c (97 + 83), ev-inc-b (98), ev-prov-b (83). */
    assert_string_equal(finding_id(M, r, 0), "ev-inc-c");
    assert_int_equal(r->findings[0].share_hundredths, 180);
    assert_string_equal(finding_id(M, r, 1), "ev-inc-b");
    assert_int_equal(r->findings[1].share_hundredths, 98);
    assert_int_equal(r->findings[2].share_hundredths, 83);
    for (size_t i = 0; i < r->n_findings; i++) assert_false(r->findings[i].critical);
    ilo_result_free(r);
}

static void not_assessed_unless_a_text_examines_the_convention(void **state)
{
    (void)state;
    ilo_result *r = eval("XEV", "ev", 2016);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "law1")), ILO_CODED);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "prac1")), ILO_CLEAR);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "law2")), ILO_NOT_ASSESSED);
    ilo_result_free(r);
    r = eval("XEV", "ev", 2017);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "prac1")), ILO_NOT_ASSESSED);
    ilo_result_free(r);
}

/* "Clear" comes only from what a text states it examined (a group stands for its criteria); a
 * text about a convention that names nothing it examined leaves the rest not assessed. */
static void clear_only_where_a_text_states_it_examined(void **state)
{
    (void)state;
    ilo_result *r = eval("XEV", "ev", 2016); /* ev-ceacr-2016: C087, examines group g1 */
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "prac1")), ILO_CLEAR);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "gp-law")), ILO_NOT_ASSESSED);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "gp-prac")), ILO_NOT_ASSESSED);
    ilo_result_free(r);
    r = eval("XEV", "ev", 2018); /* ev-cfa-2018: C087 and C098, examines nothing stated */
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "prac1")), ILO_CODED);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "law1")), ILO_NOT_ASSESSED);
    assert_int_equal(ilo_result_status(r, ilo_model_find_criterion(M, "gp-law")), ILO_NOT_ASSESSED);
    ilo_result_free(r);
    const ilo_source *s = NULL, *cfa = NULL;
    for (size_t i = 0; i < M->n_sources; i++) {
        if (strcmp(M->sources[i].id, "ev-ceacr-2016") == 0) s = &M->sources[i];
        if (strcmp(M->sources[i].id, "ev-cfa-2018") == 0) cfa = &M->sources[i];
    }
    assert_true(s && cfa && s->examined != NULL);
    assert_true(ilo_bitset_has(s->examined, ilo_model_find_criterion(M, "law1")));
    assert_false(ilo_bitset_has(s->examined, ilo_model_find_criterion(M, "law2")));
    assert_true(cfa->examined == NULL);
}

/* XCF (tests/data/eval/countries/XCF.cfg) year by year: raw score in hundredths under the
 * carry-forward window ("cf") and the evidence window ("ev"). law1 193, prac1 195, gp-prac 180. */
static void carry_forward_until_resolved(void **state)
{
    (void)state;
    static const struct { int year; int64_t cf, ev; } want[] = {
        {2013, 0, 0},         /* every text is later */
        {2014, 388, 388},     /* the 2014 observation reports cf-prov and cf-inc-open */
        {2015, 388, 0},       /* both carried; cf-inc-ended is reported only in 2016 */
        {2016, 568, 180},     /* cf-inc-ended reported in its own year */
        {2017, 388, 0},       /* cf-inc-ended is over: not carried */
        {2019, 193, 0},       /* cf-inc-open reported resolved in 2019 */
        {2020, 388, 195},     /* cf-inc-open reported again; cf-prov still carried */
        {2021, 195, 0},       /* carried from 2020; cf-prov repealed on 1 January 2021 */
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ilo_result *r = eval("XCF", "cf", want[i].year);
        if (r->raw_hundredths != want[i].cf) fprintf(stderr, "cf %d: %lld\n", want[i].year, (long long)r->raw_hundredths);
        assert_int_equal(r->raw_hundredths, want[i].cf);
        ilo_result_free(r);
        r = eval("XCF", "ev", want[i].year);
        assert_int_equal(r->raw_hundredths, want[i].ev);
        ilo_result_free(r);
    }
    /* A carried finding names the texts of the latest year that reported it. */
    ilo_result *r = eval("XCF", "cf", 2017);
    assert_int_equal(r->n_findings, 2);
    for (size_t f = 0; f < 2; f++) {
        assert_int_equal(r->findings[f].n_sources, 1);
        assert_string_equal(M->sources[r->findings[f].sources[0]].id, "cf-ceacr-2014");
    }
    ilo_result_free(r);
    r = eval("XCF", "cf", 2021);
    assert_int_equal(r->n_findings, 1);
    assert_string_equal(M->sources[r->findings[0].sources[0]].id, "cf-ceacr-2020");
    ilo_result_free(r);
}

static void scenario_leaves_baseline_untouched(void **state)
{
    (void)state;
    size_t c = ilo_model_find_country(M, "XEV"), s = ilo_model_find_scenario(M, "xev-repeal");
    size_t b = ilo_model_find_item(M, "ev-prov-b");
    ilo_item before = M->items[b];
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_profile *p = NULL;
    assert_int_equal(ilo_profile_apply(M, c, &s, 1, &p, ctx), ILO_OK);
    assert_int_equal(M->items[b].last_day, before.last_day);
    assert_memory_equal(&M->items[b], &before, sizeof before);
    ilo_result *r = ilo_result_new(M);
    assert_int_equal(ilo_eval(M, p, ilo_model_find_method(M, "occ"), 2019, r, ctx), ILO_OK);
    /* ev-prov-b is repealed: ev-inc-c is now the only coder of law2, hence critical. */
    assert_int_equal(r->n_findings, 2);
    assert_true(strcmp(p->items[r->findings[0].item].id, "ev-inc-c") == 0);
    assert_true(r->findings[0].critical);
    ilo_result_free(r);
    ilo_profile_free(p);
    ilo_ctx_free(ctx);
}

static void trend_fits_a_slope_and_guards_short_series(void **state)
{
    (void)state;
    size_t c = ilo_model_find_country(M, "XEV");
    ilo_profile p = ilo_profile_baseline(M, c);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_trend *t = NULL;
    assert_int_equal(ilo_trend_new(M, &p, ilo_model_find_method(M, "occ"), 2017, 2017, &t, ctx), ILO_OK);
    assert_true(t->slope != t->slope); /* NaN: one year has no slope */
    assert_int_equal(t->direction, ILO_TREND_NONE);
    ilo_trend_free(t);
    assert_int_equal(ilo_trend_new(M, &p, ilo_model_find_method(M, "occ"), 2015, 2019, &t, ctx), ILO_OK);
    assert_int_equal(t->n, 5);
    assert_true(t->slope == t->slope);
    assert_true(t->slope_se == t->slope_se);
    ilo_trend_free(t);
    ilo_ctx_free(ctx);
}

/* The ILO's worked example (SDG 8.8.2 metadata): the 15 published criteria coded give raw 27.05
 * and score 2.85; raw above the cap gives 10.00. */
static void ilo_worked_example_on_shipped_catalogue(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    assert_int_equal(ilo_model_load(".", NULL, 0, &m, ctx), ILO_OK);
    static const int sdg[] = {2, 6, 9, 12, 24, 30, 33, 37, 42, 43, 49, 50, 52, 66, 72};
    ilo_bitset coded = {{0}};
    for (size_t i = 0; i < sizeof sdg / sizeof sdg[0]; i++) {
        size_t k = ilo_model_find_criterion_sdg(m, sdg[i]);
        assert_true(k != SIZE_MAX);
        assert_true(m->criteria[k].published);
        ilo_bitset_set(&coded, k);
    }
    size_t me = ilo_model_find_method(m, "sdg-8.8.2");
    int64_t raw;
    double score;
    bool forced;
    ilo_score_coded(m, me, &coded, &raw, &score, &forced);
    assert_int_equal(raw, 2705);
    assert_int_equal(ilo_round2(score), 285);
    assert_false(forced);
    /* The cap: raw at or above 95 gives 10.00 whatever its size. */
    const ilo_method *sdgm = &m->methods[me];
    assert_int_equal(ilo_round2(ilo_normalise(sdgm, 95.0)), 1000);
    assert_int_equal(ilo_round2(ilo_normalise(sdgm, 151.37)), 1000);
    assert_int_equal(ilo_round2(ilo_normalise(sdgm, 94.0)), 989);
    /* The total counts C87 and C98 only: a criterion of another convention adds nothing. */
    size_t c105 = ilo_model_find_criterion(m, "c105-strike-penalty-law");
    assert_true(c105 != SIZE_MAX);
    ilo_bitset_set(&coded, c105);
    ilo_score_coded(m, me, &coded, &raw, &score, &forced);
    assert_int_equal(raw, 2705);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
}

static void rounding_is_half_up(void **state)
{
    (void)state;
    assert_int_equal(ilo_round2(2.845), 285);
    assert_int_equal(ilo_round2(2.8449), 284);
    assert_int_equal(ilo_round2(0.0), 0);
    assert_int_equal(ilo_round2(10.0), 1000);
}

/* The year index (a baseline profile) and the full scan (the same items in a copy, which the
 * index does not cover) give the same results, field by field, for every country, method and
 * year from before the first datum to after the last, on the fixtures and on the shipped data
 * (open-ended bans, legislation for non-ratifying years, repeals). */
static void same_results_as(const ilo_model *m, const ilo_result *a, const ilo_result *b)
{
    assert_memory_equal(&a->coded, &b->coded, sizeof a->coded);
    assert_memory_equal(&a->assessed, &b->assessed, sizeof a->assessed);
    assert_int_equal(a->raw_hundredths, b->raw_hundredths);
    assert_int_equal(a->forced, b->forced);
    assert_int_equal(a->band, b->band);
    assert_int_equal(a->n_findings, b->n_findings);
    for (size_t f = 0; f < a->n_findings; f++) {
        const ilo_finding *x = &a->findings[f], *y = &b->findings[f];
        assert_int_equal(x->item, y->item);
        assert_int_equal(x->share_hundredths, y->share_hundredths);
        assert_int_equal(x->critical, y->critical);
        assert_int_equal(x->n_sources, y->n_sources);
        assert_memory_equal(x->sources, y->sources, x->n_sources * sizeof *x->sources);
    }
    (void)m;
}

/* Returns how many findings were carried (carry-forward: no counting source dated in the year). */
static size_t check_index_against_scan(const ilo_model *m)
{
    ilo_result *a = ilo_result_new(m), *b = ilo_result_new(m);
    ilo_ctx *ctx = ilo_ctx_new();
    size_t nonempty = 0, carried = 0;
    for (size_t c = 0; c < m->n_countries; c++) {
        ilo_profile p = ilo_profile_baseline(m, c);
        ilo_item *copy = malloc((p.n_items + 1) * sizeof *copy);
        assert_non_null(copy);
        memcpy(copy, p.items, p.n_items * sizeof *copy);
        ilo_profile q = {c, copy, p.n_items, NULL};
        for (size_t me = 0; me < m->n_methods; me++)
            for (int y = 1985; y <= 2035; y++) {
                assert_int_equal(ilo_eval(m, &p, me, y, a, ctx), ILO_OK);
                assert_int_equal(ilo_eval(m, &q, me, y, b, ctx), ILO_OK);
                same_results_as(m, a, b);
                nonempty += a->n_findings > 0;
                for (size_t f = 0; f < a->n_findings && m->methods[me].window == ILO_WINDOW_CARRY_FORWARD; f++)
                    carried += m->sources[a->findings[f].sources[0]].date.year < y &&
                               m->sources[a->findings[f].sources[0]].kind != ILO_SRC_LEGISLATION;
            }
        free(copy);
    }
    assert_true(nonempty > 0);
    ilo_result_free(a);
    ilo_result_free(b);
    ilo_ctx_free(ctx);
    return carried;
}

static void year_index_gives_the_results_of_a_full_scan(void **state)
{
    (void)state;
    /* Both cover the carry-forward reading (the fixtures' "cf", the shipped sdg-8.8.2) with
     * findings carried from earlier years, which the index finds in its `active` rows. */
    assert_true(check_index_against_scan(M) > 0);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    assert_int_equal(ilo_model_load(".", NULL, 0, &m, ctx), ILO_OK);
    assert_true(check_index_against_scan(m) > 0);
    /* --as-of cuts the loaded model in place (sources, examining texts): the index follows the
     * cut. 2016-06-30 drops texts examining later years, which a stale index would still read. */
    ilo_date d;
    assert_true(ilo_date_parse("2016-06-30", &d));
    size_t kaz = ilo_model_find_country(m, "KAZ"), before = m->countries[kaz].n_examining;
    assert_int_equal(ilo_model_as_of(m, &d, ctx), ILO_OK);
    assert_true(m->countries[kaz].n_examining < before);
    assert_true(check_index_against_scan(m) > 0);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(occurrence_counts_items_in_force_or_happening),
        cmocka_unit_test(criterion_coded_by_three_sources_counts_once),
        cmocka_unit_test(evidence_window_codes_the_year_of_the_ilo_text),
        cmocka_unit_test(legislation_only_for_non_ratifying_countries),
        cmocka_unit_test(general_prohibition_implies_practice_and_forces_ten),
        cmocka_unit_test(shares_add_up_to_raw_exactly),
        cmocka_unit_test(not_assessed_unless_a_text_examines_the_convention),
        cmocka_unit_test(clear_only_where_a_text_states_it_examined),
        cmocka_unit_test(carry_forward_until_resolved),
        cmocka_unit_test(scenario_leaves_baseline_untouched),
        cmocka_unit_test(trend_fits_a_slope_and_guards_short_series),
        cmocka_unit_test(ilo_worked_example_on_shipped_catalogue),
        cmocka_unit_test(rounding_is_half_up),
        cmocka_unit_test(year_index_gives_the_results_of_a_full_scan),
    };
    return cmocka_run_group_tests_name("eval", tests, setup, teardown);
}
