/* test_countries_asia.c: the shipped Cambodia and Myanmar profiles: the dates of the trade
 * decisions and of the key ILO texts, the key facts, sourcing, and what the assessments show. */
#define TEST_SHIPPED_DATA
#include "testutil.h"

/* An item's start and stop as written ("" when open). */
static void pin(const char *id, const char *start, const char *stop)
{
    size_t i = ilo_model_find_item(M, id);
    if (i == SIZE_MAX) fprintf(stderr, "no item %s\n", id);
    assert_true(i != SIZE_MAX);
    assert_string_equal(M->items[i].start.text, start);
    assert_string_equal(M->items[i].stop.prec == ILO_DATE_NONE ? "" : M->items[i].stop.text, stop);
}

/* The model has no source look-up by id; a linear scan is enough for a test. */
static const ilo_source *source(const char *id)
{
    for (size_t i = 0; i < M->n_sources; i++)
        if (strcmp(M->sources[i].id, id) == 0) return &M->sources[i];
    fprintf(stderr, "no source %s\n", id);
    fail();
    return NULL;
}

static void pin_event(const char *code, const char *id, const char *date)
{
    const ilo_country *co = shipped_country(code);
    for (size_t e = 0; e < co->n_events; e++)
        if (strcmp(co->events[e].id, id) == 0) {
            assert_string_equal(co->events[e].date.text, date);
            return;
        }
    fprintf(stderr, "no event %s\n", id);
    fail();
}

static void pin_ratification(const char *code, const char *conv, ilo_ratification_status status, const char *date)
{
    const ilo_country *co = shipped_country(code);
    size_t cv = ilo_model_find_convention(M, conv);
    for (size_t r = 0; r < co->n_ratifications; r++)
        if (co->ratifications[r].convention == cv) {
            assert_int_equal(co->ratifications[r].status, status);
            assert_string_equal(co->ratifications[r].date.prec == ILO_DATE_NONE ? "" : co->ratifications[r].date.text, date);
            return;
        }
    fprintf(stderr, "no ratification of %s for %s\n", conv, code);
    fail();
}

static void pin_conflict(const char *code, const char *id, const char *about, const char *used)
{
    const ilo_country *co = shipped_country(code);
    for (size_t k = 0; k < co->n_conflicts; k++)
        if (strcmp(co->conflicts[k].id, id) == 0) {
            assert_string_equal(co->conflicts[k].about, about);
            assert_string_equal(co->conflicts[k].used, used);
            assert_true(co->conflicts[k].n_versions >= 2);
            return;
        }
    fprintf(stderr, "no conflict %s\n", id);
    fail();
}

static void trade_decision_dates(void **state)
{
    (void)state;
    pin_event("KHM", "khm-ev-eba-launch", "2019-02-11");
    pin_event("KHM", "khm-ev-eba-regulation", "2020-02-12");
    pin_event("KHM", "khm-ev-eba-effective", "2020-08-12");
    pin_event("MMR", "mmr-ev-icftu-eu-1995", "1995-06-07");
    pin_event("MMR", "mmr-ev-gsp-withdrawn", "1997-03-24");
    pin_event("MMR", "mmr-ev-gsp-restored", "2013-06-12");
}

static void ilo_procedure_dates(void **state)
{
    (void)state;
    pin_event("KHM", "khm-ev-cfa-complaint", "2004-01-22");
    pin_event("KHM", "khm-ev-dcm-2017", "2017-03-27");
    pin_event("MMR", "mmr-ev-art26-complaint", "1996-06-20");
    pin_event("MMR", "mmr-ev-coi-report", "1998-07-02");
    pin_event("MMR", "mmr-ev-art33-2000", "2000-06-14");
    pin_event("MMR", "mmr-ev-ilc-2012", "2012-06-13");
    pin_event("MMR", "mmr-ev-coup-2021", "2021-02-01");
    /* The texts that code those years are dated by the rule of docs/new-country.md. */
    assert_string_equal(source("mmr-coi-1998")->date.text, "1998-07-02");
    assert_int_equal(source("mmr-coi-1998")->kind, ILO_SRC_ART26);
    assert_int_equal(source("mmr-ilc-2000-art33")->kind, ILO_SRC_ART26);
    assert_string_equal(source("khm-cfa-2318-383")->date.text, "2017-10");
    assert_string_equal(source("khm-ceacr-c087-2010")->date.text, "2010");
}

static void ratifications(void **state)
{
    (void)state;
    pin_ratification("KHM", "C087", ILO_RAT_RATIFIED, "1999-08-23");
    pin_ratification("KHM", "C098", ILO_RAT_RATIFIED, "1999-08-23");
    pin_ratification("MMR", "C029", ILO_RAT_RATIFIED, "1955-03-04");
    pin_ratification("MMR", "C087", ILO_RAT_RATIFIED, "1955-03-04");
    pin_ratification("MMR", "C098", ILO_RAT_NOT_RATIFIED, "");
}

static void key_facts(void **state)
{
    (void)state;
    pin("khm-murder-chea-vichea", "2004-01-22", "");
    pin("khm-murder-hy-vuthy", "2007", "");
    pin("khm-arrest-rong-chhun", "2020-07-31", "2021-11");
    pin("khm-veng-sreng-2014", "2014-01-02", "2014-01-03");
    pin("khm-tul-2016-registration", "2016", "");
    pin("khm-tul-2016-reporting", "2016", "2020");
    pin("mmr-village-act-requisition", "1908-01-01", "2012-02-24");
    pin("mmr-towns-act-requisition", "1907", "2012-02-24");
    pin("mmr-act6-1964-monopoly", "1964", "2011-11");
    pin("mmr-order-2-88", "1988", "2013-01");
    pin("mmr-mayday-2007", "2007-05-01", "");
    pin_conflict("KHM", "khm-cf-hy-vuthy-year", "khm-murder-hy-vuthy", "2007");
    pin_conflict("MMR", "mmr-cf-art33-vote", "mmr-ev-art33-2000", "257 for, 41 against, 31 abstentions");
    pin_conflict("MMR", "mmr-cf-gsp-end", "mmr-ev-gsp-restored", "2013-06-12");
}

/* Every item cites at least one source with a URL, and every source it cites is dated. */
static void every_item_cites_a_dated_source_with_a_url(void **state)
{
    (void)state;
    static const char *const codes[] = {"KHM", "MMR"};
    for (size_t k = 0; k < 2; k++) {
        const ilo_country *co = shipped_country(codes[k]);
        assert_true(co->n_items >= 20);
        shipped_items_sourced(co);
    }
}

static bool has_finding(const ilo_result *r, const char *id)
{
    const ilo_country *co = &M->countries[r->country];
    for (size_t i = 0; i < r->n_findings; i++)
        if (strcmp(M->items[co->item_first + r->findings[i].item].id, id) == 0) return r->findings[i].n_sources > 0;
    return false;
}

/* Under the evidence window an item counts in the years of the ILO texts that report it. */
static void cambodia_assessments(void **state)
{
    (void)state;
    ilo_result *r = shipped_eval("KHM", "sdg-8.8.2-evidence", 2017);
    assert_true(has_finding(r, "khm-murder-chea-vichea"));   /* CAS 2017, CFA 383rd Report */
    assert_true(has_finding(r, "khm-tul-2016-registration")); /* CEACR direct request 2017 */
    assert_false(has_finding(r, "khm-veng-sreng-2014"));      /* no ILO text read reports it */
    ilo_result_free(r);
    r = shipped_eval("KHM", "sdg-8.8.2-evidence", 2016);
    assert_false(has_finding(r, "khm-tul-2016-registration")); /* no 2016 text reports it */
    ilo_result_free(r);
    r = shipped_eval("KHM", "all-sources", 2014);
    assert_true(has_finding(r, "khm-veng-sreng-2014"));
    ilo_result_free(r);
    r = shipped_eval("KHM", "sdg-8.8.2-evidence", 2021);
    assert_true(has_finding(r, "khm-arrest-rong-chhun"));
    assert_true(r->score > 0.0);
    ilo_result_free(r);
}

static void myanmar_assessments(void **state)
{
    (void)state;
    size_t c029 = ilo_model_find_convention(M, "C029");
    /* The year before the EU's 1997 withdrawal, the Art. 26 complaint of 20 June 1996 already
     * codes C029 (the Village and Towns Acts, forced labour by the authorities). */
    ilo_result *r0 = shipped_eval("MMR", "sdg-8.8.2", 1996);
    assert_true(has_finding(r0, "mmr-village-act-requisition"));
    assert_true(has_finding(r0, "mmr-forced-labour-state-1990s"));
    assert_true(r0->convention_hundredths[c029] > 0);
    ilo_result_free(r0);
    /* The Commission of Inquiry codes C029 in 1998, outside the sdg-8.8.2 total. */
    ilo_result *r = shipped_eval("MMR", "sdg-8.8.2-evidence", 1998);
    assert_true(has_finding(r, "mmr-village-act-requisition"));
    assert_true(r->convention_hundredths[c029] > 0);
    assert_int_equal(r->raw_hundredths, 0);
    ilo_result_free(r);
    /* The 2012 law ends the Village Act provision: coded in 2011, not in 2013. */
    r = shipped_eval("MMR", "all-sources", 2011);
    assert_true(has_finding(r, "mmr-village-act-requisition"));
    ilo_result_free(r);
    r = shipped_eval("MMR", "all-sources", 2013);
    assert_false(has_finding(r, "mmr-village-act-requisition"));
    ilo_result_free(r);
    /* C087: the 1964 single union structure in the CEACR's 1994 text; the 2021 repression. */
    r = shipped_eval("MMR", "sdg-8.8.2-evidence", 1994);
    assert_true(has_finding(r, "mmr-act6-1964-monopoly"));
    ilo_result_free(r);
    r = shipped_eval("MMR", "sdg-8.8.2-evidence", 2021);
    assert_true(has_finding(r, "mmr-2021-killings"));
    assert_true(r->score > 0.0);
    ilo_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trade_decision_dates),
        cmocka_unit_test(ilo_procedure_dates),
        cmocka_unit_test(ratifications),
        cmocka_unit_test(key_facts),
        cmocka_unit_test(every_item_cites_a_dated_source_with_a_url),
        cmocka_unit_test(cambodia_assessments),
        cmocka_unit_test(myanmar_assessments),
    };
    return cmocka_run_group_tests_name("countries_asia", tests, shipped_setup, shipped_teardown);
}
