/* test_countries.c: the shipped profiles of countries whose trade preferences turned on labour
 * rights (Eswatini, Bangladesh, Belarus): the dates of each decision and of the key provisions and incidents,
 * sourcing, and what the assessment shows around each decision. Tests as data: one table per
 * country; test_kaz.c covers Kazakhstan. */
#define TEST_SHIPPED_DATA
#include "testutil.h"

/* An item's start and stop as written ("" when open). */
typedef struct { const char *id, *start, *stop; } pin;
/* An event's date as written. */
typedef struct { const char *id, *date; } event_pin;
/* An item that must be among the findings of a year under a method. */
typedef struct { const char *method; int year; const char *item; } finding_pin;
/* A score, as printed (two decimals, half-up). */
typedef struct { const char *method; int year; const char *score; } score_pin;

typedef struct {
    const char *code;
    size_t min_items, min_sources;
    const char *c087, *c098;            /* ratification dates as written */
    const pin *items;
    const event_pin *events;
    const finding_pin *findings;
    const score_pin *scores;
} country_case;

/* ---------------------------------------------------------------- Eswatini */
static const pin swz_items[] = {
    {"swz-ira-2000-federations", "2000-08-25", "2015"},
    {"swz-ira-2000-s40-s97", "2000-08-25", "2015"},
    {"swz-sta-2008", "2008-08", "2018"},
    {"swz-poa-1963", "1963-06-14", "2018"},
    {"swz-ira-1996-registration", "1996-01-19", "2000-08-25"},
    {"swz-tucoswa-deregistration", "2012-04-02", "2015-06"},
    {"swz-federations-suspended-2014", "2014-10-08", "2015-06"},
    {"swz-mayday-2012", "2012-05-01", "2012-05-01"},
    {"swz-protests-2018", "2018-09-18", "2018-09-20"},
    {"swz-maseko-killing-2023", "2023-01-21", "2023-01-21"},
    {NULL, NULL, NULL},
};
static const event_pin swz_events[] = {
    {"swz-ev-agoa-withdrawal", "2014-06-26"},
    {"swz-ev-agoa-effective", "2015-01-01"},
    {"swz-ev-agoa-restored", "2017-12-22"},
    {NULL, NULL},
};
static const finding_pin swz_findings[] = {
    /* The CFA's 2013 reports on Case 2949 code the deregistration and the gap on federations. */
    {"sdg-8.8.2-evidence", 2013, "swz-tucoswa-deregistration"},
    {"sdg-8.8.2-evidence", 2013, "swz-ira-2000-federations"},
    /* June and October 2014: the texts before and after the AGOA proclamation. */
    {"sdg-8.8.2-evidence", 2014, "swz-ira-2000-federations"},
    {"sdg-8.8.2-evidence", 2014, "swz-federations-suspended-2014"},
    {"all-sources", 2014, "swz-sta-2008"},
    {"all-sources", 2014, "swz-poa-1963"},
    {"sdg-8.8.2-evidence", 2020, "swz-protests-2018"},
    {"sdg-8.8.2-evidence", 2019, "swz-protests-2018"},  /* CFA 388th Report, March 2019 */
    {"sdg-8.8.2-evidence", 2010, "swz-jele-2010"},
    {NULL, 0, NULL},
};
static const score_pin swz_scores[] = {
    {"sdg-8.8.2-evidence", 2012, "0.00"},  /* no ILO text dated 2012 was reached */
    {"sdg-8.8.2-evidence", 2014, "0.37"},  /* federations-law 1.75 + dissolution 1.80 = 3.55 */
    {"all-sources", 2014, "1.35"},
    {"all-sources", 2018, "0.97"},  /* the five benchmarks met: only the 2000 Act's other defects and 2018 events */
    {NULL, 0, NULL},
};

/* ---------------------------------------------------------------- Bangladesh */
static const pin bgd_items[] = {
    {"bgd-iro-1969-thirty-per-cent", "1969", "2006-10-11"},
    {"bgd-bepza-1980-s11a", "1980-12-26", "2005"},
    {"bgd-ewaira-2004-ban", "2004", "2006-11-01"},
    {"bgd-bla-2006-threshold", "2006-10-11", "2025-11-17"},
    {"bgd-epz-2010", "2010", "2020"},
    {"bgd-aminul-islam-killing", "2012-04-04", "2012-04-05"},
    {"bgd-ashulia-2016", "2016-12-11", ""},
    {"bgd-wage-protests-2023", "2023-10-30", "2023-11"},
    {NULL, NULL, NULL},
};
static const event_pin bgd_events[] = {
    {"bgd-ev-afl-cio-petition", "2007-06-22"},
    {"bgd-ev-rana-plaza", "2013-04-24"},
    {"bgd-ev-gsp-suspension", "2013-06-27"},
    {"bgd-ev-gsp-effective", "2013-08-30"},
    {"bgd-ev-gb-340", "2020-11-10"},
    {NULL, NULL},
};
static const finding_pin bgd_findings[] = {
    {"sdg-8.8.2-evidence", 2002, "bgd-iro-1969-thirty-per-cent"},
    {"sdg-8.8.2-evidence", 2005, "bgd-ewaira-2004-associations"},
    /* The CEACR's 2008 observation reports the 2006 crackdown, before the 2007 petition's outcome. */
    {"sdg-8.8.2-evidence", 2008, "bgd-garment-crackdown-2006"},
    {"sdg-8.8.2-evidence", 2017, "bgd-bla-2006-threshold"},
    {"sdg-8.8.2-evidence", 2017, "bgd-ashulia-2016"},
    {"sdg-8.8.2-evidence", 2024, "bgd-aminul-islam-killing"},
    /* Before the GSP suspension, only the occurrence window sees the 2012 murder. */
    {"all-sources", 2012, "bgd-aminul-islam-killing"},
    {NULL, 0, NULL},
};
static const score_pin bgd_scores[] = {
    {"sdg-8.8.2-evidence", 2013, "0.00"},  /* the CAS 2013 conclusions were not reached: nothing coded */
    {"sdg-8.8.2-evidence", 2017, "1.72"},
    {"all-sources", 2013, "1.53"},
    {NULL, 0, NULL},
};

/* ---------------------------------------------------------------- Belarus */
static const pin blr_items[] = {
    {"blr-decree-2-registration", "1999-01-26", ""},
    {"blr-decree-2-ten-per-cent", "1999-01-26", "2015-07"},
    {"blr-law-2021-strikes", "2021-05-28", ""},
    {"blr-registration-denials-2000", "2000", "2004-07"},
    {"blr-raids-2022-04", "2022-04-19", "2022-04-19"},
    {"blr-unions-liquidated-2022", "2022-07", ""},
    {"blr-rep-extremist-2022", "2022-04-07", "2022-04-07"},
    {NULL, NULL, NULL},
};
static const event_pin blr_events[] = {
    {"blr-ev-eu-request", "2003-01-29"},
    {"blr-ev-coi-report", "2004-07"},
    {"blr-ev-gsp-withdrawal", "2006-12-21"},
    {"blr-ev-gsp-effective", "2007-06-21"},
    {"blr-ev-art33-resolution", "2023-06"},
    {NULL, NULL},
};
static const finding_pin blr_findings[] = {
    {"sdg-8.8.2-evidence", 2001, "blr-registration-denials-2000"},
    /* The Commission of Inquiry (article 26) is one of the six SDG sources. */
    {"sdg-8.8.2-evidence", 2004, "blr-decree-2-registration"},
    {"sdg-8.8.2-evidence", 2004, "blr-decree-2-ten-per-cent"},
    {"sdg-8.8.2-evidence", 2021, "blr-strikes-2020"},   /* CAS 2021 conclusions, via the CEACR 2021 */
    {"sdg-8.8.2-evidence", 2008, "blr-law-mass-events"},
    {"sdg-8.8.2-evidence", 2022, "blr-raids-2022-04"},
    {"sdg-8.8.2-evidence", 2023, "blr-unions-liquidated-2022"},
    {"all-sources", 2021, "blr-law-2021-strikes"},
    /* The CFA still urged registration of the complainant unions in June 2013. */
    {"sdg-8.8.2-evidence", 2013, "blr-complaint-unions-unregistered"},
    {NULL, 0, NULL},
};
static const score_pin blr_scores[] = {
    {"sdg-8.8.2-evidence", 2004, "1.11"},
    {"sdg-8.8.2-evidence", 2006, "0.00"},   /* no ILO text of 2005-2006 was read: nothing coded */
    {"all-sources", 2006, "0.73"}, /* Decree No. 2, the mass-events law, unions still unregistered */
    {"sdg-8.8.2-evidence", 2022, "10.00"},  /* every independent union dissolved: all-encompassing */
    {"sdg-8.8.2-evidence", 2024, "0.93"},
    {NULL, 0, NULL},
};

static const country_case cases[] = {
    {"SWZ", 19, 40, "1978", "1978", swz_items, swz_events, swz_findings, swz_scores},
    {"BGD", 19, 50, "1972", "1972", bgd_items, bgd_events, bgd_findings, bgd_scores},
    {"BLR", 14, 35, "1956", "1956", blr_items, blr_events, blr_findings, blr_scores},
};
#define N_CASES (sizeof cases / sizeof cases[0])

static void item_dates(void **state)
{
    (void)state;
    for (size_t k = 0; k < N_CASES; k++)
        for (const pin *p = cases[k].items; p->id; p++) {
            size_t i = ilo_model_find_item(M, p->id);
            if (i == SIZE_MAX) fprintf(stderr, "no item %s\n", p->id);
            assert_true(i != SIZE_MAX);
            assert_string_equal(M->items[i].start.text, p->start);
            assert_string_equal(M->items[i].stop.text, p->stop);
        }
}

static void decision_dates(void **state)
{
    (void)state;
    for (size_t k = 0; k < N_CASES; k++) {
        const ilo_country *co = shipped_country(cases[k].code);
        for (const event_pin *p = cases[k].events; p->id; p++) {
            const ilo_event *e = NULL;
            for (size_t i = 0; i < co->n_events; i++)
                if (strcmp(co->events[i].id, p->id) == 0) e = &co->events[i];
            if (!e) fprintf(stderr, "no event %s\n", p->id);
            assert_non_null(e);
            assert_string_equal(e->date.text, p->date);
            assert_true(e->n_sources > 0);
        }
    }
}

static void ratifications(void **state)
{
    (void)state;
    for (size_t k = 0; k < N_CASES; k++) {
        const ilo_country *co = shipped_country(cases[k].code);
        const char *want[2] = {cases[k].c087, cases[k].c098};
        size_t conv[2] = {ilo_model_find_convention(M, "C087"), ilo_model_find_convention(M, "C098")};
        for (int j = 0; j < 2; j++) {
            const ilo_ratification *r = NULL;
            for (size_t i = 0; i < co->n_ratifications; i++)
                if (co->ratifications[i].convention == conv[j]) r = &co->ratifications[i];
            assert_non_null(r);
            assert_int_equal(r->status, ILO_RAT_RATIFIED);
            assert_string_equal(r->date.text, want[j]);
            assert_true(r->n_sources > 0);
        }
    }
}

/* Every item cites at least one source with a URL; every source it cites is dated (the loader
 * requires a date, so this checks the precision is set); ILO texts examine a convention. */
static void every_item_cites_a_dated_source_with_a_url(void **state)
{
    (void)state;
    for (size_t k = 0; k < N_CASES; k++) {
        const ilo_country *co = shipped_country(cases[k].code);
        assert_true(co->n_items >= cases[k].min_items);
        size_t n_sources = 0;
        for (size_t s = 0; s < M->n_sources; s++) n_sources += M->sources[s].country == (size_t)(co - M->countries);
        assert_true(n_sources >= cases[k].min_sources);
        shipped_items_sourced(co);
    }
}

static void key_findings(void **state)
{
    (void)state;
    for (size_t k = 0; k < N_CASES; k++) {
        const ilo_country *co = shipped_country(cases[k].code);
        for (const finding_pin *p = cases[k].findings; p->item; p++) {
            ilo_result *r = shipped_eval(cases[k].code, p->method, p->year);
            bool found = false;
            for (size_t f = 0; f < r->n_findings; f++)
                found |= strcmp(M->items[co->item_first + r->findings[f].item].id, p->item) == 0;
            if (!found) fprintf(stderr, "%s %d: %s not found\n", p->method, p->year, p->item);
            assert_true(found);
            ilo_result_free(r);
        }
    }
}

static void key_scores(void **state)
{
    (void)state;
    for (size_t k = 0; k < N_CASES; k++)
        for (const score_pin *p = cases[k].scores; p->method; p++) {
            ilo_result *r = shipped_eval(cases[k].code, p->method, p->year);
            char got[24];
            int64_t c = ilo_round2(r->score);
            snprintf(got, sizeof got, "%lld.%02lld", (long long)(c / 100), (long long)(c % 100));
            if (strcmp(got, p->score) != 0)
                fprintf(stderr, "%s %s %d: %s, expected %s\n", cases[k].code, p->method, p->year, got, p->score);
            assert_string_equal(got, p->score);
            ilo_result_free(r);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(item_dates),
        cmocka_unit_test(decision_dates),
        cmocka_unit_test(ratifications),
        cmocka_unit_test(every_item_cites_a_dated_source_with_a_url),
        cmocka_unit_test(key_findings),
        cmocka_unit_test(key_scores),
    };
    return cmocka_run_group_tests_name("countries", tests, shipped_setup, shipped_teardown);
}
