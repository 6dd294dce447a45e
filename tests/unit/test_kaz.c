/* test_kaz.c: the shipped Kazakhstan profile: the dates of the seed events, sourcing, and what
 * the assessment must show (the done-criteria). */
#define TEST_SHIPPED_DATA
#include "testutil.h"


static void pin(const char *id, const char *start, const char *stop)
{
    size_t i = ilo_model_find_item(M, id);
    assert_true(i != SIZE_MAX);
    assert_string_equal(M->items[i].start.text, start);
    assert_string_equal(M->items[i].stop.text, stop);
}

/* The seed articles' events (2017-2018), as the profile dates them after weighing conflicts. */
static void seed_event_dates(void **state)
{
    (void)state;
    pin("kaz-knprk-liquidation", "2017-01-04", "2017-03-28");
    pin("kaz-occ-hungerstrike-illegal", "2017-01-05", "2017-01-20");
    pin("kaz-detention-kushakbaev", "2017-01-20", "2018-05-28");
    pin("kaz-detention-eleusinov", "2017-01-20", "2018-05-22");
    pin("kaz-sentence-kushakbaev", "2017-04-07", "2017-04-07");
    pin("kaz-sentence-eleusinov", "2017-05-16", "2017-05-16");
    pin("kaz-kharkova-investigation", "2017-01-09", "2017-07-24");
    pin("kaz-kharkova-conviction", "2017-07-25", "2021-11-09");
}

static void every_item_has_a_source_with_a_url(void **state)
{
    (void)state;
    size_t c = ilo_model_find_country(M, "KAZ");
    const ilo_country *co = &M->countries[c];
    assert_true(co->n_items >= 40);
    shipped_items_sourced(co);
}

static const ilo_source *source(const char *id)
{
    for (size_t i = 0; i < M->n_sources; i++)
        if (strcmp(M->sources[i].id, id) == 0) return &M->sources[i];
    return NULL;
}

static bool is_ilo_text(const ilo_source *s)
{
    return s->kind == ILO_SRC_CEACR || s->kind == ILO_SRC_CAS || s->kind == ILO_SRC_CFA;
}

static bool about(const ilo_source *s, const char *conv)
{
    for (size_t j = 0; j < s->n_conventions; j++)
        if (strcmp(M->conventions[s->conventions[j]].id, conv) == 0) return true;
    return false;
}

/* Every ILO supervisory text on C087 or C098 of 2014-2024 in the profile has an address, except
 * the CAS 2023 record, which no stored page holds; the texts the record was missing are there;
 * every CEACR observation on them gives its publication, the year after its adoption. */
static void ilo_texts_are_sourced(void **state)
{
    (void)state;
    static const char *const needed[] = {"kaz-ceacr-c087-2015", "kaz-ceacr-c087-2018", "kaz-ceacr-c087-2022",
                                         "kaz-ceacr-c098-2024", "kaz-cas-c087-2015", "kaz-cas-c087-2019",
                                         "kaz-cas-c087-2021", "kaz-cas-c087-2022"};
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++) {
        const ilo_source *s = source(needed[i]);
        assert_non_null(s);
        assert_non_null(s->url);
    }
    size_t c = ilo_model_find_country(M, "KAZ"), n = 0;
    for (size_t i = 0; i < M->n_sources; i++) {
        const ilo_source *s = &M->sources[i];
        if (s->country != c || !is_ilo_text(s) || s->date.year < 2014 || s->date.year > 2024) continue;
        if (!about(s, "C087") && !about(s, "C098")) continue;
        n++;
        if (strcmp(s->id, "kaz-cas-c087-2023") != 0) {
            if (!s->url) fprintf(stderr, "%s has no URL\n", s->id);
            assert_non_null(s->url);
        }
        if (s->kind == ILO_SRC_CEACR) assert_int_equal(s->publication.year, s->date.year + 1);
    }
    assert_true(n >= 16);
}

/* Every item that cites an ILO supervisory text says where in the text. */
static void each_ilo_citation_says_where(void **state)
{
    (void)state;
    const ilo_country *co = &M->countries[ilo_model_find_country(M, "KAZ")];
    for (size_t i = 0; i < co->n_items; i++) {
        const ilo_item *it = &M->items[co->item_first + i];
        bool ilo = false;
        for (size_t j = 0; j < it->n_sources; j++) ilo |= is_ilo_text(&M->sources[it->sources[j]]);
        if (!ilo) continue;
        if (!it->note || !strstr(it->note, "Where in the ILO texts")) fprintf(stderr, "%s: where?\n", it->id);
        assert_true(it->note && strstr(it->note, "Where in the ILO texts"));
    }
}

static ilo_result *eval(const char *method, int year);
static bool coded(const char *method, int year, const char *criterion);

/* What the ILO texts added to the record report is coded in their years under sdg-8.8.2. */
static void ilo_record_items(void **state)
{
    (void)state;
    assert_true(coded("sdg-8.8.2", 2015, "facb-foreign-support-law"));     /* CAS/CEACR 2015: art. 5(4) */
    assert_true(coded("sdg-8.8.2", 2015, "facb-employers-autonomy-law"));  /* the chamber law */
    assert_true(coded("sdg-8.8.2", 2018, "facb-violence"));                /* CEACR 2018: Senyavsky */
    assert_true(coded("sdg-8.8.2", 2022, "facb-killing"));                 /* CAS 2022: Zhanaozen */
    assert_true(coded("sdg-8.8.2", 2022, "facb-elections"));               /* CAS 2022: office bans */
    assert_true(coded("sdg-8.8.2", 2024, "facb-cb-interference-law"));     /* CEACR C098 2024: s. 20 */
    assert_false(coded("sdg-8.8.2", 2011, "facb-killing"));                /* no ILO text in 2011 */
    assert_false(coded("sdg-8.8.2", 2019, "facb-strike-penal-law"));       /* EU in the CAS debate only */
    /* The Government's account to the CAS 2021 settles Baltabay's dates. */
    pin("kaz-baltabay-sentence", "2019-07-17", "2019-08-09");
    const ilo_country *co = &M->countries[ilo_model_find_country(M, "KAZ")];
    size_t settled = 0;
    for (size_t i = 0; i < co->n_conflicts; i++) {
        const ilo_conflict *cf = &co->conflicts[i];
        if (strcmp(cf->about, "kaz-baltabay-sentence") != 0) continue;
        for (size_t v = 0; v < cf->n_versions; v++) {
            if (strcmp(cf->versions[v].value, cf->used) != 0) continue;
            for (size_t j = 0; j < cf->versions[v].n_sources; j++)
                settled += strcmp(M->sources[cf->versions[v].sources[j]].id, "kaz-cas-c087-2021") == 0;
        }
    }
    assert_int_equal(settled, 2);
}

static ilo_result *eval(const char *method, int year)
{
    size_t c = ilo_model_find_country(M, "KAZ");
    ilo_profile p = ilo_profile_baseline(M, c);
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(M, &p, ilo_model_find_method(M, method), year, r, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return r;
}

static bool coded(const char *method, int year, const char *criterion)
{
    ilo_result *r = eval(method, year);
    bool c = ilo_result_status(r, ilo_model_find_criterion(M, criterion)) == ILO_CODED;
    ilo_result_free(r);
    return c;
}

static bool has_finding(const ilo_result *r, const char *id, size_t within)
{
    const ilo_country *co = &M->countries[r->country];
    for (size_t i = 0; i < r->n_findings && i < within; i++)
        if (strcmp(M->items[co->item_first + r->findings[i].item].id, id) == 0) return r->findings[i].n_sources > 0;
    return false;
}

static void assessment_2017_shows_the_crackdown(void **state)
{
    (void)state;
    /* The CAS 2017 conclusions call the KNPRK's closure a grave issue; the jailing of its leaders
     * was raised only in the debate, which is not coded (CAS texts are coded from conclusions), so
     * the sentences first count in 2018, with the CFA's report on the complaint. */
    static const char *const readings[] = {"sdg-8.8.2", "sdg-8.8.2-evidence"};
    ilo_result *r;
    for (size_t k = 0; k < 2; k++) {
        r = eval(readings[k], 2017);
        assert_true(has_finding(r, "kaz-knprk-liquidation", 8));
        assert_false(has_finding(r, "kaz-sentence-kushakbaev", r->n_findings));
        assert_false(has_finding(r, "kaz-detention-kushakbaev", r->n_findings));
        ilo_result_free(r);
        /* Kharkova's case is first discussed by an ILO text in the CFA's June 2018 report, so both
         * readings of the SDG window code it from 2018; the occurrence window shows it in 2017. */
        r = eval(readings[k], 2018);
        assert_true(has_finding(r, "kaz-kharkova-conviction", r->n_findings));
        assert_true(has_finding(r, "kaz-sentence-kushakbaev", r->n_findings));
        assert_true(has_finding(r, "kaz-sentence-eleusinov", r->n_findings));
        assert_true(has_finding(r, "kaz-detention-kushakbaev", r->n_findings));
        ilo_result_free(r);
    }
    /* Carried forward: the 2014 Trade Union Law's affiliation rules, reported by the CAS and CEACR
     * in 2015-2017 and the CFA in 2018, still count in 2019 (in force until 4 May 2020) under the
     * default reading, not under the evidence reading (no ILO text of 2019 cites them). */
    r = eval("sdg-8.8.2", 2019);
    assert_true(has_finding(r, "kaz-tul-2014-affiliation", r->n_findings));
    ilo_result_free(r);
    r = eval("sdg-8.8.2-evidence", 2019);
    assert_false(has_finding(r, "kaz-tul-2014-affiliation", r->n_findings));
    ilo_result_free(r);
    r = eval("all-sources", 2017);
    assert_true(has_finding(r, "kaz-kharkova-conviction", r->n_findings));
    assert_true(has_finding(r, "kaz-knprk-liquidation", r->n_findings));
    assert_true(has_finding(r, "kaz-sentence-kushakbaev", r->n_findings));
    ilo_result_free(r);
}

/* "Clear" only where a text states it examined the criterion: in 2017 the year Kushakbaev was
 * jailed under Criminal Code art. 402, the strike-penalty criterion is not clear, and no
 * criterion is clear unless a source dated 2017 declares `examines`. */
static void clear_only_from_examines(void **state)
{
    (void)state;
    static const char *const methods[] = {"sdg-8.8.2", "all-sources"};
    for (size_t me = 0; me < 2; me++) {
        ilo_result *r = eval(methods[me], 2017);
        assert_int_not_equal(ilo_result_status(r, ilo_model_find_criterion(M, "facb-strike-penal-law")), ILO_CLEAR);
        ilo_bitset examined = {{0}};
        for (size_t i = 0; i < M->n_sources; i++)
            if (M->sources[i].examined && M->sources[i].date.year == 2017) ilo_bitset_or(&examined, M->sources[i].examined);
        for (size_t k = 0; k < M->n_criteria; k++)
            if (ilo_result_status(r, k) == ILO_CLEAR) assert_true(ilo_bitset_has(&examined, k));
        ilo_result_free(r);
    }
}

static void all_sources_2017_worse_than_2013(void **state)
{
    (void)state;
    ilo_result *a = eval("all-sources", 2013), *b = eval("all-sources", 2017);
    assert_true(b->score > a->score);
    ilo_result_free(a);
    ilo_result_free(b);
}

/* Findings come largest share first, ties in data order (ilo_eval sorts them with a radix sort
 * of the shares). Every year with findings, both methods: the order is checked pair by pair, and
 * the data must give both ties and shares above 255 hundredths (two bytes of the sort). */
static void findings_by_share_then_item(void **state)
{
    (void)state;
    size_t ties = 0, wide = 0, pairs = 0;
    static const char *const methods[] = {"sdg-8.8.2", "all-sources"};
    for (size_t me = 0; me < 2; me++)
        for (int y = 2000; y <= 2024; y++) {
            ilo_result *r = eval(methods[me], y);
            for (size_t f = 0; f < r->n_findings; f++) {
                if (r->findings[f].share_hundredths > 255) wide++;
                if (f == 0) continue;
                const ilo_finding *a = &r->findings[f - 1], *b = &r->findings[f];
                assert_true(a->share_hundredths > b->share_hundredths || (a->share_hundredths == b->share_hundredths && a->item < b->item));
                ties += a->share_hundredths == b->share_hundredths;
                pairs++;
            }
            ilo_result_free(r);
        }
    assert_true(pairs > 100);
    assert_true(ties > 10);
    assert_true(wide > 10);
}

/* The record of Kazakhstan's brief against regime on day: the year's reading over window_from..year
 * under all-sources (as `iloscore brief` reads it), no trend. The caller frees the three; the
 * profile they borrow is static, so it outlives them. */
static ilo_brief_record *record_of(const char *regime, int window_from, int year, const char *day, ilo_result **r,
                                   ilo_brief **b)
{
    static ilo_profile p;
    p = ilo_profile_baseline(M, (size_t)(shipped_country("KAZ") - M->countries));
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_date d;
    assert_true(ilo_date_parse(day, &d));
    *r = ilo_result_new(M);
    assert_int_equal(ilo_brief_window(M, &p, ilo_model_find_method(M, "all-sources"), window_from, year, *r, ctx), ILO_OK);
    assert_int_equal(ilo_brief_new(M, &p, *r, ilo_model_find_regime(M, regime), b, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    ilo_brief_record *rec = ilo_brief_record_new(M, &p, *b, d.last, window_from, 0);
    assert_non_null(rec);
    return rec;
}

/* The law changes of the review period 2019-2021: the 4 May 2020 amendments of the Trade Union
 * Law, each repealed text and each new one, all on one day and so in profile order. */
static void brief_law_changes_2019_2021(void **state)
{
    (void)state;
    static const struct { const char *id; bool stopped; } want[] = {
        {"kaz-tul-2014-registration", true}, {"kaz-tul-2020-registration", false},
        {"kaz-tul-2014-affiliation", true},  {"kaz-tul-2014-thresholds", true},
        {"kaz-tul-2020-thresholds", false},
    };
    ilo_result *r;
    ilo_brief *b;
    ilo_brief_record *rec = record_of("us-gsp", 2019, 2021, "2021-12-31", &r, &b);
    assert_int_equal(rec->n_laws, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(M->items[M->countries[r->country].item_first + rec->laws[i].item].id, want[i].id);
        assert_int_equal(rec->laws[i].stopped, want[i].stopped);
        assert_string_equal(rec->laws[i].date->text, "2020-05-04");
    }
    assert_int_equal(rec->from, 2021);
    assert_int_equal(rec->year, 2021);
    ilo_brief_record_free(rec);
    ilo_brief_free(b);
    ilo_result_free(r);
    rec = record_of("us-gsp", 2016, 2018, "2018-12-31", &r, &b);
    assert_int_equal(rec->n_laws, 2); /* the 2015 Labour Code, in force 2016-01-01 */
    assert_int_equal(rec->laws[0].stopped, false);
    assert_string_equal(rec->laws[0].date->text, "2016-01-01");
    ilo_brief_record_free(rec);
    ilo_brief_free(b);
    ilo_result_free(r);
}

static const char *latest_of(const ilo_brief_record *rec, const char *criterion)
{
    const ilo_regime *rg = &M->regimes[rec->brief->regime];
    for (size_t k = 0; k < rg->n_criteria; k++)
        if (!strcmp(rg->criteria[k].id, criterion))
            return rec->latest[k] == SIZE_MAX ? NULL : M->sources[rec->latest[k]].id;
    fail_msg("no criterion %s", criterion);
    return NULL;
}

/* The latest CEACR text per EU GSP+ convention: dated (its last day) by the day, a tie on the
 * date to the later text in the data; none for a convention without one or outside the engine. */
static void brief_latest_ceacr(void **state)
{
    (void)state;
    ilo_result *r;
    ilo_brief *b;
    ilo_brief_record *rec = record_of("eu-gsp-plus", 2016, 2018, "2018-12-31", &r, &b);
    assert_string_equal(latest_of(rec, "ilo-c029"), "kaz-ceacr-c029-2018-dr");
    assert_string_equal(latest_of(rec, "ilo-c087"), "kaz-ceacr-c087-2018");
    assert_string_equal(latest_of(rec, "ilo-c105"), "kaz-ceacr-c105-2016");
    assert_null(latest_of(rec, "ilo-c098"));
    assert_null(latest_of(rec, "un-iccpr"));
    /* What the brief shows: 32 findings numbered in the result's order; 12 of the 16 recorded
     * conflicts are about their items (none names an event or a source, so no source need be
     * cited for them). */
    assert_int_equal(rec->n_findings, 32);
    assert_int_equal(rec->number[rec->findings[0]], 1);
    assert_int_equal(rec->number[rec->findings[31]], 32);
    size_t *cited = calloc(M->n_sources, sizeof *cited);
    assert_non_null(cited);
    ilo_brief_record_conflicts(rec, cited);
    free(cited);
    const ilo_country *co = shipped_country("KAZ");
    assert_int_equal(co->n_conflicts, 16);
    assert_int_equal(rec->n_conflicts, 12);
    assert_string_equal(co->conflicts[rec->conflicts[0]].id, "kaz-cf-arrest-day");
    assert_string_equal(co->conflicts[rec->conflicts[11]].id, "kaz-cf-art176-wording");
    ilo_brief_record_free(rec);
    ilo_brief_free(b);
    ilo_result_free(r);
    /* On 30 June 2018 the texts dated "2018" have not all passed: their last day is 31 December. */
    rec = record_of("eu-gsp-plus", 2016, 2018, "2018-06-30", &r, &b);
    assert_string_equal(latest_of(rec, "ilo-c029"), "kaz-ceacr-c029-2015");
    assert_string_equal(latest_of(rec, "ilo-c087"), "kaz-ceacr-c087-2016");
    assert_string_equal(latest_of(rec, "ilo-c105"), "kaz-ceacr-c105-2016");
    ilo_brief_record_free(rec);
    ilo_brief_free(b);
    ilo_result_free(r);
}

static size_t source_named(const char *id)
{
    for (size_t s = 0; s < M->n_sources; s++)
        if (!strcmp(M->sources[s].id, id)) return s;
    fail_msg("no source %s", id);
    return 0;
}

/* The sources the KAZ EU GSP+ brief of 2018 cites (as `iloscore brief KAZ --regime eu-gsp-plus
 * --year 2018`: review period 2016-2018, trend from 2013, on all the evidence): 98, the regime's
 * first, the last a conflict's; each numbered once, in order; the 12 conflicts as before. */
static void brief_sources_cited(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_profile p = ilo_profile_baseline(M, (size_t)(shipped_country("KAZ") - M->countries));
    ilo_result *r = ilo_result_new(M);
    ilo_brief *b;
    size_t regime = ilo_model_find_regime(M, "eu-gsp-plus");
    assert_int_equal(ilo_brief_window(M, &p, ilo_model_find_method(M, "all-sources"), 2016, 2018, r, ctx), ILO_OK);
    assert_int_equal(ilo_brief_new(M, &p, r, regime, &b, ctx), ILO_OK);
    ilo_brief_record *rec = ilo_brief_record_new(M, &p, b, ilo_year_last_day(2018), 2016, 2013);
    assert_non_null(rec);
    ilo_brief_standing st;
    ilo_brief_standing_of(M, regime, "KAZ", ilo_year_last_day(2018), &st);
    ilo_brief_record_cite(rec, &st, false);
    assert_int_equal(rec->n_sources, 98);
    assert_string_equal(M->sources[rec->sources[0]].id, "com-2016-29");
    assert_string_equal(M->sources[rec->sources[97]].id, "kaz-aequitas-2014");
    for (size_t i = 0; i < rec->n_sources; i++) assert_int_equal(rec->cited[rec->sources[i]], i + 1);
    assert_int_equal(rec->n_conflicts, 12);
    ilo_brief_record_free(rec);
    ilo_brief_free(b);
    ilo_result_free(r);
    ilo_ctx_free(ctx);
}

/* A source published on 28 January 2016 may be cited as of that day, not the day before, and on
 * all the evidence always. */
static void brief_citable_by_day(void **state)
{
    (void)state;
    size_t s = source_named("com-2016-29");
    ilo_date d;
    assert_true(ilo_date_parse("2016-01-28", &d));
    assert_true(ilo_brief_citable(M, s, d.last, true));
    assert_false(ilo_brief_citable(M, s, d.last - 1, true));
    assert_true(ilo_brief_citable(M, s, d.last - 1, false));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_event_dates),
        cmocka_unit_test(every_item_has_a_source_with_a_url),
        cmocka_unit_test(ilo_texts_are_sourced),
        cmocka_unit_test(each_ilo_citation_says_where),
        cmocka_unit_test(ilo_record_items),
        cmocka_unit_test(assessment_2017_shows_the_crackdown),
        cmocka_unit_test(clear_only_from_examines),
        cmocka_unit_test(all_sources_2017_worse_than_2013),
        cmocka_unit_test(findings_by_share_then_item),
        cmocka_unit_test(brief_law_changes_2019_2021),
        cmocka_unit_test(brief_latest_ceacr),
        cmocka_unit_test(brief_sources_cited),
        cmocka_unit_test(brief_citable_by_day),
    };
    return cmocka_run_group_tests_name("kaz", tests, shipped_setup, shipped_teardown);
}
