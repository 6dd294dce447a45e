/* test_published.c: published figures (published/) and trade-programme dates: the fixture
 * tests/data/pub, whose percentiles and standings are worked out by hand in the comments, then
 * the shipped data: vintages kept apart (Belarus), the default vintage, the place of
 * Kazakhstan's 2018 score, and every decision date of the shipped regimes. */
#include <math.h>

#include "testutil.h"

static ilo_model *P, *S; /* the fixture, the shipped tree */

static int setup(void **state)
{
    (void)state;
    P = test_load("pub");
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_model_load(".", NULL, 0, &S, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(P);
    ilo_model_free(S);
    return 0;
}

static int32_t day(const char *s)
{
    ilo_date d;
    assert_true(ilo_date_parse(s, &d));
    return d.first;
}

static size_t vintage(const ilo_model *m, const char *id)
{
    size_t v = ilo_model_find_vintage(m, id);
    if (v == SIZE_MAX) fail_msg("no vintage \"%s\"", id);
    return v;
}

/* Figures are sorted by year then country whatever the file order; values kept as written. */
static void figures_sorted_and_kept_as_written(void **state)
{
    (void)state;
    const ilo_vintage *v = &P->vintages[vintage(P, "pub-a")];
    assert_int_equal(v->n_figures, 7);
    static const char *const order[] = {"ZZA", "ZZB", "ZZC", "ZZD", "ZZE", "ZZA", "ZZB"};
    for (size_t i = 0; i < 7; i++) assert_string_equal(v->figures[i].country, order[i]);
    const ilo_figure *f = ilo_vintage_figure(v, "ZZC", 2018);
    assert_non_null(f);
    assert_string_equal(f->value, "1.50");
    assert_true(f->score == 1.5);
    assert_true(f->profile == SIZE_MAX); /* no profile: allowed */
    assert_true(P->regimes[ilo_model_find_regime(P, "r")].decisions[0].profile == 0); /* XAA's */
    assert_null(ilo_vintage_figure(v, "ZZC", 2019));
    size_t n;
    const ilo_figure *y = ilo_vintage_year(v, 2019, &n);
    assert_int_equal(n, 2);
    assert_string_equal(y[0].country, "ZZA");
    assert_null(ilo_vintage_year(v, 2017, &n));
    assert_int_equal(n, 0);
    /* Known from its own source's last day (2019-12-31), else the vintage's (2024-03-18). */
    assert_int_equal(ilo_vintage_figure(v, "ZZD", 2018)->known, day("2019-12-31"));
    assert_int_equal(ilo_vintage_figure(v, "ZZA", 2018)->known, day("2024-03-18"));
}

static void ituc_ratings(void **state)
{
    (void)state;
    const ilo_vintage *v = &P->vintages[vintage(P, "pub-ituc")];
    assert_int_equal(v->measure, ILO_MEASURE_ITUC);
    const ilo_figure *a = ilo_vintage_figure(v, "ZZA", 2018), *b = ilo_vintage_figure(v, "ZZB", 2018),
                     *c = ilo_vintage_figure(v, "ZZC", 2018);
    assert_true(a->score == 6); /* 5+ */
    assert_null(b->value);
    assert_true(b->ten_worst && isnan(b->score));
    assert_true(c->inferred && c->score == 3);
    assert_string_equal(c->note, "From a list.");
    assert_string_equal(ilo_measure_name(v->measure), "ituc");
}

static void place(size_t v, int year, double score, size_t n, size_t below, size_t equal, double pct, int q)
{
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_place p;
    assert_int_equal(ilo_published_place(P, v, year, score, &p, ctx), ILO_OK);
    assert_int_equal(p.vintage, v);
    assert_int_equal(p.year, year);
    assert_int_equal(p.n, n);
    assert_int_equal(p.below, below);
    assert_int_equal(p.equal, equal);
    assert_true(p.percentile == pct);
    assert_int_equal(p.quintile, q);
    ilo_ctx_free(ctx);
}

/* 2018 in pub-a: 0, 1.5, 1.50, 3, 10 (n = 5). */
static void percentile_worked_by_hand(void **state)
{
    (void)state;
    size_t a = vintage(P, "pub-a");
    place(a, 2018, 1.5, 5, 1, 2, 40.0, 3);   /* (1 + 2/2) / 5 */
    place(a, 2018, 1.499, 5, 1, 2, 40.0, 3); /* rounds to 1.50 as printed */
    place(a, 2018, 0.0, 5, 0, 1, 10.0, 1);   /* (0 + 1/2) / 5 */
    place(a, 2018, 10.0, 5, 4, 1, 90.0, 5);  /* (4 + 1/2) / 5 */
    place(a, 2018, 2.004, 5, 3, 0, 60.0, 4); /* 2.00: above 0, 1.5, 1.5 */
    place(a, 2019, 5.0, 2, 2, 0, 100.0, 5);  /* above both: quintile capped at 5 */
    place(a, 2019, 0.5, 2, 0, 0, 0.0, 1);
    place(a, 2019, 1.0, 2, 0, 1, 25.0, 2);
    /* The other vintage gives another place for the same score and year: never mixed. */
    place(vintage(P, "pub-b"), 2018, 1.5, 1, 0, 0, 0.0, 1);
}

static void percentile_errors(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_place p;
    size_t a = vintage(P, "pub-a");
    assert_int_equal(ilo_published_place(P, a, 2017, 1.0, &p, ctx), ILO_ERR_DOMAIN);
    assert_string_equal(ilo_ctx_error(ctx, 0)->msg, "vintage \"pub-a\" has no published score for 2017");
    ilo_ctx_clear(ctx);
    assert_int_equal(ilo_published_place(P, a, 2018, 10.01, &p, ctx), ILO_ERR_INVALID);
    assert_int_equal(ilo_published_place(P, a, 2018, NAN, &p, ctx), ILO_ERR_INVALID);
    assert_int_equal(ilo_published_place(P, a, 2018, -0.5, &p, ctx), ILO_ERR_INVALID);
    ilo_ctx_clear(ctx);
    assert_int_equal(ilo_published_place(P, vintage(P, "pub-ituc"), 2018, 1.0, &p, ctx), ILO_ERR_NOTFOUND);
    assert_int_equal(ilo_published_place(P, 99, 2018, 1.0, &p, ctx), ILO_ERR_NOTFOUND);
    ilo_ctx_free(ctx);
}

/* The widest vintage of the year: pub-a in 2018 (5 against 1), pub-b in 2019 (3 against 2). */
static void default_vintage(void **state)
{
    (void)state;
    assert_int_equal(ilo_published_default_vintage(P, ILO_MEASURE_SDG, 2018), vintage(P, "pub-a"));
    assert_int_equal(ilo_published_default_vintage(P, ILO_MEASURE_SDG, 2019), vintage(P, "pub-b"));
    assert_int_equal(ilo_published_default_vintage(P, ILO_MEASURE_SDG, 2017), SIZE_MAX);
    assert_int_equal(ilo_published_default_vintage(P, ILO_MEASURE_ITUC, 2018), vintage(P, "pub-ituc"));
}

static void programme_in_force(void **state)
{
    (void)state;
    const ilo_regime *r = &P->regimes[ilo_model_find_regime(P, "r")];
    assert_int_equal(ilo_regime_in_force(r, day("1975-12-31")), ILO_ANSWER_NO);
    assert_int_equal(ilo_regime_in_force(r, day("1976-01-01")), ILO_ANSWER_YES);
    assert_int_equal(ilo_regime_in_force(r, day("2020-12-31")), ILO_ANSWER_YES);
    assert_int_equal(ilo_regime_in_force(r, day("2021-01-01")), ILO_ANSWER_NO);
    const ilo_regime *s = &P->regimes[ilo_model_find_regime(P, "s")];
    assert_int_equal(ilo_regime_in_force(s, day("2000-01-01")), ILO_ANSWER_UNKNOWN);
}

static void standing(const char *country, const char *on, ilo_benefit want, bool want_implied,
                     const char *why_decided)
{
    const ilo_regime *r = &P->regimes[ilo_model_find_regime(P, "r")];
    const ilo_regime_decision *why;
    bool implied;
    assert_int_equal(ilo_regime_benefit(r, country, day(on), &why, &implied), want);
    assert_int_equal(implied, want_implied);
    if (why_decided) assert_string_equal(why->decided.text, why_decided);
    else assert_null(why);
}

static void beneficiary_standing(void **state)
{
    (void)state;
    /* Decisions are sorted by country, then the day taken. */
    const ilo_regime *r = &P->regimes[ilo_model_find_regime(P, "r")];
    assert_int_equal(r->n_decisions, 6);
    assert_string_equal(r->decisions[0].decided.text, "2000");
    assert_string_equal(r->decisions[3].decided.text, "2018-04-27");
    assert_string_equal(r->decisions[4].decided.text, "2019-01-02");
    assert_string_equal(r->decisions[5].country, "XBB");
    /* "2001" has surely arrived only on its last day. */
    standing("XAA", "2001-06-01", ILO_BENEFIT_UNKNOWN, false, NULL);
    standing("XAA", "2001-12-31", ILO_BENEFIT_YES, false, "2000");
    standing("XAA", "2014-06-25", ILO_BENEFIT_YES, false, "2000");
    standing("XAA", "2014-12-31", ILO_BENEFIT_YES, false, "2000");
    standing("XAA", "2015-01-01", ILO_BENEFIT_WITHDRAWN, false, "2014-06-26");
    standing("XAA", "2017-12-31", ILO_BENEFIT_WITHDRAWN, false, "2014-06-26");
    standing("XAA", "2018-01-01", ILO_BENEFIT_YES, false, "2017-12");
    standing("XAA", "2018-04-27", ILO_BENEFIT_YES, false, "2017-12"); /* a review changes nothing */
    /* A suspension presupposes the standing it ends. */
    standing("XBB", "2013-06-26", ILO_BENEFIT_YES, true, "2013-06-27");
    standing("XBB", "2013-08-25", ILO_BENEFIT_YES, true, "2013-06-27");
    standing("XBB", "2013-08-26", ILO_BENEFIT_SUSPENDED, false, "2013-06-27");
    standing("XCC", "2013-08-26", ILO_BENEFIT_UNKNOWN, false, NULL);
    assert_string_equal(ilo_benefit_name(ILO_BENEFIT_NOT_ELIGIBLE), "not-beneficiary");
}

/* ---------------------------------------------------------------------------------------- */
/* The shipped data                                                                         */
/* ---------------------------------------------------------------------------------------- */

static const char *value(const char *vint, const char *country, int year)
{
    const ilo_figure *f = ilo_vintage_figure(&S->vintages[vintage(S, vint)], country, year);
    return f ? f->value : NULL;
}

static void shipped_vintages_kept_apart(void **state)
{
    (void)state;
    size_t un = vintage(S, "sdg-un-db-2024"), owid = vintage(S, "sdg-owid-2023");
    assert_int_equal(S->vintages[un].n_figures, 434);   /* 62 countries x 2015-2021 */
    assert_int_equal(S->vintages[owid].n_figures, 768); /* 136 countries, aggregates left out */
    static const char *const un_blr[] = {"7.52", "6.44", "6.63", "6.63", "6.61", "7.76", "7.76"};
    for (int y = 2015; y <= 2021; y++) assert_string_equal(value("sdg-un-db-2024", "BLR", y), un_blr[y - 2015]);
    for (int y = 2015; y <= 2020; y++) assert_string_equal(value("sdg-owid-2023", "BLR", y), "10");
    assert_null(value("sdg-owid-2023", "BLR", 2021));
    assert_string_equal(value("sdg-owid-2023", "SWZ", 2015), "2.4");
    assert_null(value("sdg-owid-2023", "SWZ", 2016));
    assert_string_equal(value("sdg-owid-2023", "BGD", 2019), "7.85");
    assert_string_equal(value("sdg-owid-2023", "KHM", 2017), "5.14");
    assert_null(value("sdg-owid-2023", "MMR", 2015));
    assert_string_equal(value("sdg-national-can", "CAN", 2023), "0.36");
    assert_string_equal(value("sdg-national-can", "CAN", 2019), "0.87");
    assert_string_equal(value("sdg-un-db-2024", "CAN", 2019), "1.07");
    assert_string_equal(value("ituc-gri", "SWZ", 2014), "5");
    assert_string_equal(value("ituc-gri", "MMR", 2022), "5+");
    assert_null(value("ituc-gri", "MMR", 2021)); /* ten worst, rating not stated */
    assert_true(ilo_vintage_figure(&S->vintages[vintage(S, "ituc-gri")], "MMR", 2021)->ten_worst);
}

/* Belarus 2018 in every SDG vintage that has it, each named: never merged. */
static void figures_of_a_country_by_vintage(void **state)
{
    (void)state;
    const ilo_figure *f[4];
    size_t v[4];
    assert_int_equal(ilo_published_of(S, "BLR", 2018, ILO_MEASURE_SDG, f, v, 4), 2);
    /* File order: sdg-national-*.cfg, sdg-owid-2023.cfg, sdg-un-db-2024.cfg. */
    assert_string_equal(S->vintages[v[0]].id, "sdg-owid-2023");
    assert_string_equal(f[0]->value, "10");
    assert_string_equal(S->vintages[v[1]].id, "sdg-un-db-2024");
    assert_string_equal(f[1]->value, "6.63");
    assert_int_equal(ilo_published_of(S, "BLR", 2018, ILO_MEASURE_SDG, f, NULL, 1), 2); /* counts past cap */
    assert_int_equal(ilo_published_of(S, "CAN", 2019, ILO_MEASURE_SDG, f, v, 4), 3);
    assert_int_equal(ilo_published_of(S, "MMR", 2022, ILO_MEASURE_ITUC, f, v, 4), 1);
    assert_string_equal(f[0]->value, "5+");
    assert_int_equal(ilo_published_of(S, "MMR", 2018, ILO_MEASURE_SDG, f, v, 4), 0);
}

/* Kazakhstan's profile figures are the UN database vintage's, to the digit. */
static void kaz_profile_matches_un_vintage(void **state)
{
    (void)state;
    const ilo_country *k = &S->countries[ilo_model_find_country(S, "KAZ")];
    size_t n = 0;
    for (size_t i = 0; i < k->n_published; i++) {
        if (strcmp(k->published[i].measure, "sdg-8.8.2") != 0) continue;
        const char *v = value("sdg-un-db-2024", "KAZ", k->published[i].year);
        assert_non_null(v);
        assert_true(strtod(v, NULL) == strtod(k->published[i].value, NULL));
        n++;
    }
    assert_int_equal(n, 7);
}

/* KAZ 3.08 in 2018: 53 of the 62 UN-vintage scores are lower, one equal (itself): 86.29th
 * percentile, 5th quintile; among the 128 OWID scores of 2018, 101 lower and one equal. */
static void kaz_2018_place(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_place p;
    assert_int_equal(ilo_published_place(S, vintage(S, "sdg-un-db-2024"), 2018, 3.08, &p, ctx), ILO_OK);
    assert_int_equal(p.n, 62);
    assert_int_equal(p.below, 53);
    assert_int_equal(p.equal, 1);
    assert_true(fabs(p.percentile - 100.0 * 53.5 / 62.0) < 1e-12);
    assert_int_equal(p.quintile, 5);
    assert_int_equal(ilo_published_place(S, vintage(S, "sdg-owid-2023"), 2018, 3.08, &p, ctx), ILO_OK);
    assert_int_equal(p.n, 128);
    assert_int_equal(p.below, 101);
    assert_int_equal(p.equal, 1);
    assert_int_equal(p.quintile, 4); /* 79.30th */
    assert_int_equal(ilo_published_default_vintage(S, ILO_MEASURE_SDG, 2018), vintage(S, "sdg-owid-2023"));
    assert_int_equal(ilo_published_default_vintage(S, ILO_MEASURE_SDG, 2021), vintage(S, "sdg-un-db-2024"));
    ilo_ctx_free(ctx);
}

/* Which methods' scores can be placed, and why a score has none, reason by reason in the order
 * they are checked: the shipped sdg-8.8.2 methods admit ILO kinds only; all-sources admits NGO,
 * media and more; the fixture's "ev" is comparable but its data have no sdg-un-db-2024; the
 * UN vintage has scores for 2015-2021 only. */
static void score_place_reasons(void **state)
{
    (void)state;
    size_t sdg = ilo_model_find_method(S, "sdg-8.8.2"), all = ilo_model_find_method(S, "all-sources");
    size_t ev = ilo_model_find_method(P, "ev");
    assert_true(ilo_method_comparable(S, sdg));
    assert_true(ilo_method_comparable(S, ilo_model_find_method(S, "sdg-8.8.2-evidence")));
    assert_false(ilo_method_comparable(S, all));
    assert_true(ilo_method_comparable(P, ev));
    assert_true(ilo_method_can_place(S, sdg));
    assert_false(ilo_method_can_place(S, all));
    assert_false(ilo_method_can_place(P, ev));
    ilo_place p;
    /* The same place as kaz_2018_place's, in the one vintage. */
    assert_int_equal(ilo_score_place(S, sdg, 2018, true, 3.08, &p), ILO_PLACED);
    assert_int_equal(p.vintage, vintage(S, ILO_PLACE_VINTAGE));
    assert_int_equal(p.n, 62);
    assert_int_equal(p.below, 53);
    assert_int_equal(p.quintile, 5);
    assert_int_equal(ilo_score_place(S, sdg, 2018, false, 3.08, &p), ILO_UNPLACED_NOT_ASSESSED);
    assert_int_equal(p.n, 0);
    assert_int_equal(ilo_score_place(S, all, 2018, true, 3.08, &p), ILO_UNPLACED_METHOD);
    assert_int_equal(ilo_score_place(P, ev, 2018, true, 3.08, &p), ILO_UNPLACED_NO_VINTAGE);
    assert_int_equal(ilo_score_place(S, sdg, 2014, true, 3.08, &p), ILO_UNPLACED_NO_YEAR);
    assert_int_equal(p.n, 0);
    /* The fixture has no sdg-un-db-2024: the value shown is the profile's (XAA 2018); a
     * sheet's country has no profile. */
    size_t xaa = ilo_model_find_country(P, "XAA");
    assert_string_equal(ilo_published_sdg(P, "XAA", xaa, 2018), "2.05");
    assert_null(ilo_published_sdg(P, "XAA", P->n_countries, 2018));
    assert_null(ilo_published_sdg(P, "XAA", xaa, 2019));
    /* Not assessed comes first, even for a method that is not comparable. */
    assert_int_equal(ilo_score_place(S, all, 2014, false, 3.08, &p), ILO_UNPLACED_NOT_ASSESSED);
}

/* Every trade decision of the shipped regimes, with its dates, and the answers the back-test
 * relies on: the programme in force and the standing on the day before the decision. */
typedef struct decision_case {
    const char *regime, *country, *decided, *effective;
    ilo_benefit status;
    const char *eve;          /* the day before the decision */
    ilo_answer in_force;      /* on the eve */
    ilo_benefit standing;     /* on the eve */
    bool implied;
} decision_case;

static const decision_case decisions[] = {
    {"us-agoa", "SWZ", "2001", "2001", ILO_BENEFIT_YES, NULL, 0, 0, false},
    {"us-agoa", "SWZ", "2014-06-26", "2015-01-01", ILO_BENEFIT_WITHDRAWN, "2014-06-25", ILO_ANSWER_YES, ILO_BENEFIT_YES, false},
    {"us-agoa", "SWZ", "2017-12", "2018-01-01", ILO_BENEFIT_YES, "2017-11-30", ILO_ANSWER_YES, ILO_BENEFIT_WITHDRAWN, false},
    {"us-gsp", "BGD", "2013-06-27", "2013-08-26", ILO_BENEFIT_SUSPENDED, "2013-06-26", ILO_ANSWER_YES, ILO_BENEFIT_YES, true},
    {"us-gsp", "KAZ", "2018-04-27", "", ILO_BENEFIT_UNKNOWN, "2018-04-26", ILO_ANSWER_YES, ILO_BENEFIT_UNKNOWN, false},
    {"eu-gsp-eba", "BLR", "2006-12-21", "2007-06-21", ILO_BENEFIT_WITHDRAWN, "2006-12-20", ILO_ANSWER_YES, ILO_BENEFIT_YES, true},
    {"eu-gsp-eba", "KAZ", "2014-01-01", "2014-01-01", ILO_BENEFIT_NOT_ELIGIBLE, NULL, 0, 0, false},
    {"eu-gsp-eba", "KHM", "2020-02-12", "2020-08-12", ILO_BENEFIT_PARTIAL, "2020-02-11", ILO_ANSWER_YES, ILO_BENEFIT_YES, true},
    {"eu-gsp-eba", "MMR", "1997-03-24", "1997-04-03", ILO_BENEFIT_WITHDRAWN, "1997-03-23", ILO_ANSWER_YES, ILO_BENEFIT_YES, true},
    {"eu-gsp-eba", "MMR", "2013-06-12", "2013-07-19", ILO_BENEFIT_YES, "2013-06-11", ILO_ANSWER_YES, ILO_BENEFIT_WITHDRAWN, false},
    {"eu-gsp-plus", "KAZ", "2014-01-01", "2014-01-01", ILO_BENEFIT_NOT_ELIGIBLE, NULL, 0, 0, false},
};

static void shipped_decision_dates(void **state)
{
    (void)state;
    size_t total = 0;
    for (size_t r = 0; r < S->n_regimes; r++) total += S->regimes[r].n_decisions;
    assert_int_equal(total, sizeof decisions / sizeof decisions[0]);
    for (size_t i = 0; i < sizeof decisions / sizeof decisions[0]; i++) {
        const decision_case *c = &decisions[i];
        size_t ri = ilo_model_find_regime(S, c->regime);
        assert_true(ri != SIZE_MAX);
        const ilo_regime *r = &S->regimes[ri];
        const ilo_regime_decision *d = NULL;
        for (size_t k = 0; k < r->n_decisions && !d; k++)
            if (strcmp(r->decisions[k].country, c->country) == 0 && strcmp(r->decisions[k].decided.text, c->decided) == 0)
                d = &r->decisions[k];
        if (!d) fail_msg("no decision %s %s %s", c->regime, c->country, c->decided);
        assert_string_equal(d->effective.text, c->effective);
        assert_int_equal(d->status, c->status);
        assert_true(d->n_sources >= 1);
        for (size_t k = 0; k < d->n_sources; k++) assert_non_null(S->sources[d->sources[k]].url);
        if (!c->eve) continue;
        assert_int_equal(ilo_regime_in_force(r, day(c->eve)), c->in_force);
        bool implied;
        assert_int_equal(ilo_regime_benefit(r, c->country, day(c->eve), NULL, &implied), c->standing);
        assert_int_equal(implied, c->implied);
    }
}

static void shipped_programme_dates(void **state)
{
    (void)state;
    const ilo_regime *gsp = &S->regimes[ilo_model_find_regime(S, "us-gsp")];
    assert_int_equal(ilo_regime_in_force(gsp, day("1975-12-31")), ILO_ANSWER_NO);
    assert_int_equal(ilo_regime_in_force(gsp, day("1976-01-01")), ILO_ANSWER_YES);
    assert_int_equal(ilo_regime_in_force(gsp, day("2020-12-31")), ILO_ANSWER_YES);
    assert_int_equal(ilo_regime_in_force(gsp, day("2021-01-01")), ILO_ANSWER_NO); /* lapsed */
    const ilo_regime *agoa = &S->regimes[ilo_model_find_regime(S, "us-agoa")];
    assert_int_equal(ilo_regime_in_force(agoa, day("2000-09-30")), ILO_ANSWER_NO);
    assert_int_equal(ilo_regime_in_force(agoa, day("2000-10-01")), ILO_ANSWER_YES);
    assert_int_equal(ilo_regime_in_force(agoa, day("2025-10-01")), ILO_ANSWER_NO);
    const ilo_regime *eba = &S->regimes[ilo_model_find_regime(S, "eu-gsp-eba")];
    assert_int_equal(ilo_regime_in_force(eba, day("1971-06-30")), ILO_ANSWER_NO);
    assert_int_equal(ilo_regime_in_force(eba, day("1997-03-23")), ILO_ANSWER_YES);
    /* Standings after the decisions took effect. */
    assert_int_equal(ilo_regime_benefit(agoa, "SWZ", day("2015-01-01"), NULL, NULL), ILO_BENEFIT_WITHDRAWN);
    assert_int_equal(ilo_regime_benefit(agoa, "SWZ", day("2018-01-01"), NULL, NULL), ILO_BENEFIT_YES);
    assert_int_equal(ilo_regime_benefit(gsp, "BGD", day("2013-08-26"), NULL, NULL), ILO_BENEFIT_SUSPENDED);
    assert_int_equal(ilo_regime_benefit(eba, "BLR", day("2007-06-20"), NULL, NULL), ILO_BENEFIT_YES);
    assert_int_equal(ilo_regime_benefit(eba, "BLR", day("2007-06-21"), NULL, NULL), ILO_BENEFIT_WITHDRAWN);
    assert_int_equal(ilo_regime_benefit(eba, "KHM", day("2020-08-12"), NULL, NULL), ILO_BENEFIT_PARTIAL);
    assert_int_equal(ilo_regime_benefit(eba, "MMR", day("2000-01-01"), NULL, NULL), ILO_BENEFIT_WITHDRAWN);
    assert_int_equal(ilo_regime_benefit(eba, "MMR", day("2013-07-19"), NULL, NULL), ILO_BENEFIT_YES);
    const ilo_regime *plus = &S->regimes[ilo_model_find_regime(S, "eu-gsp-plus")];
    assert_int_equal(ilo_regime_benefit(plus, "KAZ", day("2018-04-26"), NULL, NULL), ILO_BENEFIT_NOT_ELIGIBLE);
}

/* ---------------------------------------------------------------------------------------- */
/* Evidence as of a date                                                                    */
/* ---------------------------------------------------------------------------------------- */

static ilo_model *cut_model(const char *fixture, const char *on)
{
    ilo_model *m = test_load(fixture);
    ilo_date d;
    assert_true(ilo_date_parse(on, &d));
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_model_as_of(m, &d, ctx), ILO_OK);
    assert_string_equal(m->as_of.text, on);
    ilo_ctx_free(ctx);
    return m;
}

static size_t n_sources_of(const ilo_model *m, const char *item)
{
    return m->items[ilo_model_find_item(m, item)].n_sources;
}

static int64_t raw_2018(const ilo_model *m)
{
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_result *r = ilo_result_new(m);
    size_t c = ilo_model_find_country(m, "XAA");
    ilo_profile p = ilo_profile_baseline(m, c);
    assert_int_equal(ilo_eval(m, &p, ilo_model_find_method(m, "ev"), 2018, r, ctx), ILO_OK);
    int64_t raw = r->raw_hundredths;
    ilo_result_free(r);
    ilo_ctx_free(ctx);
    return raw;
}

/* The CEACR text dated "2018" counts from 2018-12-31, not a day before. */
static void as_of_drops_later_sources(void **state)
{
    (void)state;
    ilo_model *full = test_load("mini"), *before = cut_model("mini", "2018-12-30"),
              *on = cut_model("mini", "2018-12-31");
    assert_int_equal(n_sources_of(full, "xaa-law-1"), 2);
    assert_int_equal(n_sources_of(before, "xaa-law-1"), 1); /* the law itself, 2015 */
    assert_int_equal(n_sources_of(on, "xaa-law-1"), 2);
    assert_int_equal(n_sources_of(on, "xaa-discrim"), 0);   /* the CFA, June 2019 */
    const ilo_country *cb = &before->countries[0], *co = &on->countries[0], *cf = &full->countries[0];
    assert_int_equal(cf->n_events, 1);
    assert_int_equal(co->n_events, 0);                      /* the CFA examination, 2019-06 */
    assert_int_equal(cf->n_published, 1);
    assert_int_equal(cb->n_published, 0);                   /* its only source is the 2018 text */
    assert_int_equal(co->n_published, 1);
    assert_int_equal(cf->n_examining, 2);
    assert_int_equal(cb->n_examining, 0);
    assert_int_equal(co->n_examining, 1);
    assert_int_equal(raw_2018(before), 0);
    assert_int_equal(raw_2018(on), raw_2018(full));
    assert_true(raw_2018(full) > 0);
    assert_int_equal(full->as_of.prec, ILO_DATE_NONE);
    /* Once only, and a day. */
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_date d;
    assert_true(ilo_date_parse("2019-01-01", &d));
    assert_int_equal(ilo_model_as_of(on, &d, ctx), ILO_ERR_INVALID);
    assert_string_equal(ilo_ctx_error(ctx, 0)->msg, "the evidence is already restricted (as of 2018-12-31)");
    assert_true(ilo_date_parse("2019-01", &d));
    assert_int_equal(ilo_model_as_of(full, &d, ctx), ILO_ERR_INVALID);
    ilo_ctx_free(ctx);
    ilo_model_free(full);
    ilo_model_free(before);
    ilo_model_free(on);
}

/* Published figures not yet known, and trade decisions not yet taken, are gone. */
static void as_of_published_and_decisions(void **state)
{
    (void)state;
    ilo_model *m = cut_model("pub", "2019-12-31");
    const ilo_vintage *a = &m->vintages[vintage(m, "pub-a")];
    assert_int_equal(a->n_figures, 1);
    assert_string_equal(a->figures[0].country, "ZZD");
    assert_int_equal(a->figures[0].n_sources, 1);
    assert_int_equal(a->n_sources, 0);
    assert_int_equal(m->vintages[vintage(m, "pub-b")].n_figures, 0);
    assert_int_equal(m->vintages[vintage(m, "pub-ituc")].n_figures, 3);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_place p;
    assert_int_equal(ilo_published_place(m, vintage(m, "pub-a"), 2018, 1.0, &p, ctx), ILO_OK);
    assert_int_equal(p.n, 1);
    assert_int_equal(ilo_published_default_vintage(m, ILO_MEASURE_SDG, 2019), SIZE_MAX);
    ilo_ctx_free(ctx);
    ilo_model_free(m);

    m = cut_model("pub", "2013-06-26");
    const ilo_regime *r = &m->regimes[ilo_model_find_regime(m, "r")];
    assert_int_equal(r->n_decisions, 1); /* XAA designated in 2000 */
    assert_int_equal(ilo_regime_benefit(r, "XBB", day("2013-06-26"), NULL, NULL), ILO_BENEFIT_UNKNOWN);
    assert_int_equal(ilo_regime_benefit(r, "XAA", day("2013-06-26"), NULL, NULL), ILO_BENEFIT_YES);
    assert_int_equal(r->n_sources, 1); /* the Act, 1974 */
    ilo_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(figures_sorted_and_kept_as_written),
        cmocka_unit_test(ituc_ratings),
        cmocka_unit_test(percentile_worked_by_hand),
        cmocka_unit_test(percentile_errors),
        cmocka_unit_test(default_vintage),
        cmocka_unit_test(programme_in_force),
        cmocka_unit_test(beneficiary_standing),
        cmocka_unit_test(shipped_vintages_kept_apart),
        cmocka_unit_test(figures_of_a_country_by_vintage),
        cmocka_unit_test(kaz_profile_matches_un_vintage),
        cmocka_unit_test(kaz_2018_place),
        cmocka_unit_test(score_place_reasons),
        cmocka_unit_test(shipped_decision_dates),
        cmocka_unit_test(shipped_programme_dates),
        cmocka_unit_test(as_of_drops_later_sources),
        cmocka_unit_test(as_of_published_and_decisions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
