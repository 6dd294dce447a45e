/* test_results.c: reading evaluated results, as the reports do (engine/iloscore.h sections 3, 5
 * and 6): a profile's published figures and supervisory events, a result's statuses, findings,
 * band and parts assessed, a trend's largest changes and the items that entered or left, and
 * parsing published values. On tests/data/report (XRA under the fixture sdg-8.8.2: the evidence
 * window, its ILO texts dated 2014 to 2018; worked out by hand in the comments). */
#include "testutil.h"

static ilo_model *M;
static size_t XRA, SDG;
static ilo_profile P;

static int setup(void **state)
{
    (void)state;
    M = test_load("report");
    XRA = ilo_model_find_country(M, "XRA");
    SDG = ilo_model_find_method(M, "sdg-8.8.2");
    P = ilo_profile_baseline(M, XRA);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(M);
    return 0;
}

static ilo_result *eval(int year)
{
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(M, &P, SDG, year, r, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return r;
}

/* The index of XRA's item `id` in its profile. */
static size_t item(const char *id)
{
    for (size_t i = 0; i < P.n_items; i++)
        if (strcmp(P.items[i].id, id) == 0) return i;
    fail_msg("no item %s", id);
    return SIZE_MAX;
}

static void published_figures_of_the_profile(void **state)
{
    (void)state;
    const ilo_published *p = ilo_country_published(M, XRA, "sdg-8.8.2", 2018);
    assert_non_null(p);
    assert_string_equal(p->value, "1.05");
    assert_string_equal(p->status, "inferred");
    p = ilo_country_published(M, XRA, "ituc", 2016);
    assert_non_null(p);
    assert_string_equal(p->value, "4");
    assert_null(ilo_country_published(M, XRA, "sdg-8.8.2", 2019));
    assert_null(ilo_country_published(M, XRA, "sdg", 2017));
    assert_null(ilo_country_published(M, M->n_countries, "ituc", 2016)); /* a sheet's country */
    /* What reports show: the fixture holds sdg-un-db-2024, so its "0.3" and not the profile's
     * "0.30"; in 2018 the vintage has none, and the profile's "1.05" is not used. */
    assert_string_equal(ilo_published_sdg(M, "XRA", XRA, 2015), "0.3");
    assert_string_equal(ilo_published_sdg(M, "XRA", XRA, 2017), "1.4");
    assert_null(ilo_published_sdg(M, "XRA", XRA, 2018));
}

static void supervisory_events(void **state)
{
    (void)state;
    const ilo_country *c = &M->countries[XRA];
    assert_int_equal(c->n_events, 5);
    for (size_t i = 0; i < 4; i++) assert_true(ilo_event_supervisory(&c->events[i])); /* cas, cfa, ceacr, cas */
    assert_string_equal(c->events[4].kind, "trade");
    assert_false(ilo_event_supervisory(&c->events[4]));
    assert_true(ilo_event_supervisory_in(&c->events[1], 2016)); /* the CFA's, 2016-11 */
    assert_false(ilo_event_supervisory_in(&c->events[1], 2017));
    assert_false(ilo_event_supervisory_in(&c->events[4], 2018)); /* dated 2018, not supervisory */
}

/* 2017: the CEACR text of 2017 examines all nine criteria and codes six (arrest, establish-law,
 * establish-practice, gp-strike-law and the practice it implies, cb-law): raw 11.23, 1.18.
 * 2015: the CAS text examines the seven C087 criteria and codes establish-law. 2019: no text. */
static void statuses_and_parts_assessed(void **state)
{
    (void)state;
    size_t c087 = ilo_model_find_convention(M, "C087"), c098 = ilo_model_find_convention(M, "C098");
    size_t n[3];
    ilo_result *r = eval(2017);
    ilo_result_status_counts(M, r, n);
    assert_int_equal(n[ILO_NOT_ASSESSED], 0);
    assert_int_equal(n[ILO_CLEAR], 3);
    assert_int_equal(n[ILO_CODED], 6);
    assert_int_equal(r->raw_hundredths, 1123);
    assert_int_equal(ilo_result_score_hundredths(r), 118);
    assert_string_equal(ilo_result_band(M, r)->rating, "1");
    assert_true(ilo_result_convention_assessed(M, r, c098));
    ilo_result_free(r);
    r = eval(2015);
    ilo_result_status_counts(M, r, n);
    assert_int_equal(n[ILO_NOT_ASSESSED], 2);
    assert_int_equal(n[ILO_CLEAR], 6);
    assert_int_equal(n[ILO_CODED], 1);
    assert_true(ilo_result_convention_assessed(M, r, c087));
    assert_false(ilo_result_convention_assessed(M, r, c098));
    assert_true(ilo_result_group_assessed(M, r, 0));  /* g1: arrest, killing */
    assert_false(ilo_result_group_assessed(M, r, 3)); /* g4: cb-law, discrim (C098) */
    ilo_result_free(r);
    r = eval(2019);
    ilo_result_status_counts(M, r, n);
    assert_int_equal(n[ILO_NOT_ASSESSED], 9);
    assert_false(ilo_result_convention_assessed(M, r, c087));
    ilo_result_free(r);
}

/* 2017's findings: the five items with the CEACR text of 2017; not the dismissals of 2018. */
static void findings_by_item(void **state)
{
    (void)state;
    ilo_result *r = eval(2017);
    assert_int_equal(r->n_findings, 5);
    const ilo_finding *f = ilo_result_finding(r, item("xra-tul-affiliation"));
    assert_non_null(f);
    assert_int_equal(f->item, item("xra-tul-affiliation"));
    assert_int_equal(f->share_hundredths, 180);
    assert_null(ilo_result_finding(r, item("xra-dismissals")));
    ilo_result_free(r);
}

static void band_absent_without_bands(void **state)
{
    (void)state;
    ilo_method me;
    memset(&me, 0, sizeof me);
    ilo_model m;
    memset(&m, 0, sizeof m);
    m.methods = &me;
    m.n_methods = 1;
    ilo_result r;
    memset(&r, 0, sizeof r);
    assert_null(ilo_result_band(&m, &r));
}

typedef struct changed {
    const char *id[8];
    bool entered[8];
    size_t n;
} changed;

static void note_item(void *arg, const ilo_finding *f, bool entered)
{
    changed *c = arg;
    assert_true(c->n < 8);
    c->id[c->n] = P.items[f->item].id;
    c->entered[c->n++] = entered;
}

/* 2016: the CFA text codes the affiliation rule, the strike ban and the arrests (raw 7.65, 0.81);
 * 2017 as above (1.18); 2018: the CAS text, with the strike ban repealed, codes the affiliation
 * rule, the dissolution and the dismissals (raw 7.45, 0.78). Changes: +0.37, then -0.40. */
static void trend_changes_and_items(void **state)
{
    (void)state;
    ilo_trend *t = NULL;
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_trend_new(M, &P, SDG, 2016, 2018, &t, ctx), ILO_OK);
    assert_int_equal(ilo_result_score_hundredths(t->years[0]), 81);
    assert_int_equal(ilo_result_score_hundredths(t->years[2]), 78);
    size_t out[3];
    assert_int_equal(ilo_trend_largest_changes(M, t, out, 3), 2);
    assert_int_equal(out[0], 2);
    assert_int_equal(out[1], 1);
    /* 2017 against 2016: the dissolution and the bargaining rule enter (2017's findings order:
     * share down), nothing leaves. */
    changed c = {0};
    ilo_trend_changed_items(t, 1, note_item, &c);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.id[0], "xra-dissolution");
    assert_string_equal(c.id[1], "xra-cb-scope");
    assert_true(c.entered[0] && c.entered[1]);
    /* 2018 against 2017: the dismissals enter; the strike ban (390), the bargaining rule (168)
     * and the arrests (98 of arrest's 195, shared with the dissolution) leave, in 2017's order. */
    memset(&c, 0, sizeof c);
    ilo_trend_changed_items(t, 2, note_item, &c);
    assert_int_equal(c.n, 4);
    assert_string_equal(c.id[0], "xra-dismissals");
    assert_true(c.entered[0]);
    assert_string_equal(c.id[1], "xra-strike-ban");
    assert_string_equal(c.id[2], "xra-cb-scope");
    assert_string_equal(c.id[3], "xra-arrest-leaders");
    assert_false(c.entered[1] || c.entered[2] || c.entered[3]);
    size_t c098 = ilo_model_find_convention(M, "C098");
    assert_true(ilo_trend_convention_assessed(M, t, c098));
    assert_true(ilo_trend_convention_scored(t, c098)); /* the bargaining rule (cb-law) in 2017 */
    ilo_trend_free(t);
    /* 2014-2015: only C087 texts. */
    assert_int_equal(ilo_trend_new(M, &P, SDG, 2014, 2015, &t, ctx), ILO_OK);
    assert_false(ilo_trend_convention_assessed(M, t, c098));
    assert_true(ilo_trend_convention_assessed(M, t, ilo_model_find_convention(M, "C087")));
    /* 2015's one coded criterion is C087's; C098 has nothing coded. */
    assert_false(ilo_trend_convention_scored(t, c098));
    assert_true(ilo_trend_convention_scored(t, ilo_model_find_convention(M, "C087")));
    ilo_trend_free(t);
    ilo_ctx_free(ctx);
}

/* Which recorded conflicts a report shows (XRA has two: xra-cf-arrest-day about the arrests,
 * xra-cf-elsewhere about the 2018 dismissals), and each reason on its own with made-up
 * conflicts: an item (or a text amending it), an ILO event of the year, a cited source. */
static void conflicts_shown(void **state)
{
    (void)state;
    const ilo_country *co = &M->countries[XRA];
    assert_int_equal(co->n_conflicts, 2);
    size_t *cited = calloc(M->n_sources + 1, sizeof *cited);
    ilo_result *r = eval(2017);
    /* 2017 counts the arrests (assess-xra-2017-json shows only xra-cf-arrest-day). */
    assert_true(ilo_result_conflict_shown(M, &P, r, &co->conflicts[0], cited));
    assert_false(ilo_result_conflict_shown(M, &P, r, &co->conflicts[1], cited));
    ilo_conflict cf = {.about = "xra-ceacr-2017-ev"}; /* a CEACR event of 2017-02 */
    assert_true(ilo_result_conflict_shown(M, &P, r, &cf, cited));
    cf.about = "xra-gsp-2018"; /* a trade event: not supervisory */
    ilo_result *r18 = eval(2018);
    assert_false(ilo_result_conflict_shown(M, &P, r18, &cf, cited));
    ilo_result_free(r18);
    cf.about = "xra-arrest"; /* a prefix of an item's id, not the item */
    assert_false(ilo_result_conflict_shown(M, &P, r, &cf, cited));
    assert_false(ilo_conflict_about_item(&cf, "xra-arrest-leaders"));
    cf.about = "xra-arrest-leaders";
    assert_true(ilo_conflict_about_item(&cf, "xra-arrest-leaders@2019-01-01"));
    cf.about = NULL;
    assert_false(ilo_conflict_about_item(&cf, "xra-arrest-leaders"));
    assert_false(ilo_result_conflict_shown(M, &P, r, &cf, cited));
    cf.about = "xra-ngo-2016";
    assert_false(ilo_result_conflict_shown(M, &P, r, &cf, cited));
    for (size_t s = 0; s < M->n_sources; s++) cited[s] = strcmp(M->sources[s].id, "xra-ngo-2016") == 0;
    assert_true(ilo_result_conflict_shown(M, &P, r, &cf, cited));
    assert_true(ilo_conflict_about_source(M, &cf, cited));
    /* A trend 2016-2018: 2018 against 2017 (index 2) has the dismissals enter and the arrests
     * leave, so both conflicts are shown; 2017 against 2016 (index 1) touches neither. */
    memset(cited, 0, (M->n_sources + 1) * sizeof *cited);
    ilo_trend *t = NULL;
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_trend_new(M, &P, SDG, 2016, 2018, &t, ctx), ILO_OK);
    const size_t both[] = {2, 1}, first[] = {1};
    assert_true(ilo_trend_conflict_shown(M, &P, t, both, 2, &co->conflicts[0], cited));
    assert_true(ilo_trend_conflict_shown(M, &P, t, both, 2, &co->conflicts[1], cited));
    assert_false(ilo_trend_conflict_shown(M, &P, t, first, 1, &co->conflicts[0], cited));
    assert_false(ilo_trend_conflict_shown(M, &P, t, first, 1, &co->conflicts[1], cited));
    assert_false(ilo_trend_conflict_shown(M, &P, t, first, 1, &cf, cited));
    for (size_t s = 0; s < M->n_sources; s++) cited[s] = strcmp(M->sources[s].id, "xra-ngo-2016") == 0;
    assert_true(ilo_trend_conflict_shown(M, &P, t, first, 1, &cf, cited));
    ilo_trend_free(t);
    ilo_ctx_free(ctx);
    ilo_result_free(r);
    free(cited);
}

static void parse_hundredths_exactly(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        bool ok;
        int64_t want;
    } cases[] = {
        {"2.69", true, 269}, {"10", true, 1000}, {"0.5", true, 50},   {"3.", false, 0},
        {"5+", false, 0},    {"", false, 0},     {"n/a", false, 0},   {"2.695", false, 0},
        {"-1", false, 0},    {".5", false, 0},   {"2,69", false, 0},  {"07.05", true, 705},
        {"1.5", true, 150},  {"0", true, 0},     {"2.6 ", false, 0},  {"99999999999999999", false, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t v = -1;
        bool ok = ilo_parse_hundredths(cases[i].s, &v);
        if (ok != cases[i].ok) fail_msg("\"%s\": %d", cases[i].s, ok);
        assert_int_equal(v, ok ? cases[i].want : -1); /* left alone on failure */
    }
    assert_false(ilo_parse_hundredths(NULL, NULL));
}

/* A trend of fake results: ilo_trend_largest_changes reads the score and whether the year is assessed
 * (criterion 0, in the method's scope). */
static void largest_changes_on_fake_results(void **state)
{
    (void)state;
    static const double scores[] = {1.00, 1.00, 2.50, 2.00, 4.00, 4.00, 3.50, 5.00};
    enum { N = sizeof scores / sizeof scores[0] };
    ilo_method me;
    memset(&me, 0, sizeof me);
    ilo_bitset_set(&me.scope, 0);
    ilo_model m;
    memset(&m, 0, sizeof m);
    m.methods = &me;
    m.n_methods = 1;
    ilo_result rs[N];
    ilo_result *ptr[N];
    memset(rs, 0, sizeof rs);
    for (size_t i = 0; i < N; i++) {
        rs[i].score = scores[i];
        rs[i].year = 2010 + (int)i;
        ilo_bitset_set(&rs[i].assessed, 0);
        ptr[i] = &rs[i];
    }
    ilo_trend t = {2010, 2010 + N - 1, N, ptr, 0, 0, 0, ILO_TREND_NONE};
    size_t out[3];
    /* Changes: +1.50 (i=2), -0.50 (3), +2.00 (4), -0.50 (6), +1.50 (7). */
    size_t n = ilo_trend_largest_changes(&m, &t, out, 3);
    assert_int_equal(n, 3);
    assert_int_equal(out[0], 4);
    assert_int_equal(out[1], 2); /* ties: the earlier year first */
    assert_int_equal(out[2], 7);
    n = ilo_trend_largest_changes(&m, &t, out, 1);
    assert_int_equal(n, 1);
    assert_int_equal(out[0], 4);
    /* A year not assessed has no score: no change to or from it (4 and 5 go; 7 takes second). */
    memset(&rs[4].assessed, 0, sizeof rs[4].assessed);
    n = ilo_trend_largest_changes(&m, &t, out, 3);
    assert_int_equal(n, 3);
    assert_int_equal(out[0], 2);
    assert_int_equal(out[1], 7);
    assert_int_equal(out[2], 3); /* -0.50: 3 before 6 */
    t.n = 2; /* 1.00 -> 1.00: no change at all */
    assert_int_equal(ilo_trend_largest_changes(&m, &t, out, 3), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(published_figures_of_the_profile),
        cmocka_unit_test(supervisory_events),
        cmocka_unit_test(statuses_and_parts_assessed),
        cmocka_unit_test(findings_by_item),
        cmocka_unit_test(band_absent_without_bands),
        cmocka_unit_test(trend_changes_and_items),
        cmocka_unit_test(conflicts_shown),
        cmocka_unit_test(parse_hundredths_exactly),
        cmocka_unit_test(largest_changes_on_fake_results),
    };
    return cmocka_run_group_tests_name("results", tests, setup, teardown);
}
