/* test_date.c: dates as the data writes them ("YYYY", "YYYY-MM", "YYYY-MM-DD"), the days they
 * cover, leap years, and every kind of impossible or malformed date. Day numbers are checked
 * against constants computed independently (Python's datetime), not against the code itself. */
#include "testutil.h"

/* Parses s, which must be valid, and checks every field of the result. */
static void expect_date(const char *s, ilo_precision prec, int year, int32_t first, int32_t last)
{
    ilo_date d;
    memset(&d, 0x55, sizeof d);
    if (!ilo_date_parse(s, &d)) fail_msg("\"%s\" was rejected", s);
    assert_int_equal(d.prec, prec);
    assert_int_equal(d.year, year);
    assert_int_equal(d.first, first);
    assert_int_equal(d.last, last);
    assert_string_equal(d.text, s);
}

static void expect_bad(const char *s)
{
    ilo_date d;
    if (ilo_date_parse(s, &d)) fail_msg("\"%s\" was accepted", s);
}

static void days_from_civil_matches_known_days(void **state)
{
    (void)state;
    assert_int_equal(ilo_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(ilo_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(ilo_days_from_civil(2000, 1, 1), 10957);
    assert_int_equal(ilo_days_from_civil(2000, 2, 29), 11016);
    assert_int_equal(ilo_days_from_civil(1900, 1, 1), -25567);
    assert_int_equal(ilo_days_from_civil(2100, 12, 31), 47846);
    assert_int_equal(ilo_days_from_civil(2015, 5, 1), 16556);
    assert_int_equal(ilo_year_first_day(2020), 18262);
    assert_int_equal(ilo_year_last_day(2020), 18627);
    assert_int_equal(ilo_year_last_day(2019), 18261);
}

/* The inverse: a day number's date, the same constants read the other way. */
static void date_of_day_inverts_days_from_civil(void **state)
{
    (void)state;
    static const struct { int32_t day; const char *text; int year; } days[] = {
        {0, "1970-01-01", 1970},      {-1, "1969-12-31", 1969},     {11016, "2000-02-29", 2000},
        {-25567, "1900-01-01", 1900}, {47846, "2100-12-31", 2100}, {18627, "2020-12-31", 2020},
    };
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        ilo_date d;
        memset(&d, 0x55, sizeof d);
        ilo_date_of_day(days[i].day, &d);
        assert_string_equal(d.text, days[i].text);
        assert_int_equal(d.prec, ILO_DATE_DAY);
        assert_int_equal(d.year, days[i].year);
        assert_int_equal(d.first, days[i].day);
        assert_int_equal(d.last, days[i].day);
    }
}

static void full_dates_cover_one_day(void **state)
{
    (void)state;
    expect_date("2015-05-01", ILO_DATE_DAY, 2015, 16556, 16556);
    expect_date("1900-01-01", ILO_DATE_DAY, 1900, -25567, -25567);
    expect_date("2100-12-31", ILO_DATE_DAY, 2100, 47846, 47846);
    expect_date("1970-01-01", ILO_DATE_DAY, 1970, 0, 0);
}

static void leap_years_follow_the_gregorian_rules(void **state)
{
    (void)state;
    expect_date("2016-02-29", ILO_DATE_DAY, 2016, 16860, 16860); /* divisible by 4 */
    expect_date("2000-02-29", ILO_DATE_DAY, 2000, 11016, 11016); /* divisible by 400 */
    expect_bad("2019-02-29");                                    /* not divisible by 4 */
    expect_bad("1900-02-29");                                    /* divisible by 100, not 400 */
    expect_bad("2100-02-29");
    expect_bad("2016-02-30");
}

static void a_month_covers_its_first_to_its_last_day(void **state)
{
    (void)state;
    expect_date("2016-02", ILO_DATE_MONTH, 2016, 16832, 16860); /* leap February: 29 days */
    expect_date("2019-02", ILO_DATE_MONTH, 2019, ilo_days_from_civil(2019, 2, 1), 17955);
    expect_date("2017-04", ILO_DATE_MONTH, 2017, ilo_days_from_civil(2017, 4, 1), 17286);
    expect_date("2019-12", ILO_DATE_MONTH, 2019, ilo_days_from_civil(2019, 12, 1), 18261);
}

static void a_year_covers_the_whole_year(void **state)
{
    (void)state;
    expect_date("2020", ILO_DATE_YEAR, 2020, 18262, 18627);
    expect_date("2016", ILO_DATE_YEAR, 2016, 16801, ilo_days_from_civil(2016, 12, 31));
    expect_date("1900", ILO_DATE_YEAR, 1900, -25567, ilo_days_from_civil(1900, 12, 31));
    expect_date("2100", ILO_DATE_YEAR, 2100, ilo_days_from_civil(2100, 1, 1), 47846);
}

static void impossible_dates_are_rejected(void **state)
{
    (void)state;
    expect_bad("2017-02-30");
    expect_bad("2019-04-31");
    expect_bad("2019-13");
    expect_bad("2019-00");
    expect_bad("2019-13-01");
    expect_bad("2019-01-00");
    expect_bad("2019-01-32");
}

static void years_outside_1900_2100_are_rejected(void **state)
{
    (void)state;
    expect_bad("1800");
    expect_bad("1899");
    expect_bad("1899-12-31");
    expect_bad("2101");
    expect_bad("2101-01-01");
    expect_bad("0000");
    expect_bad("9999-12-31");
}

static void malformed_dates_are_rejected(void **state)
{
    (void)state;
    const char *bad[] = {"",           "2019-1",      "2019-01-1",   "2019/01/01", " 2019",     "2019 ",
                         "20190101",   "2019-01-01T", "+201",        "-2019",      "2019-1a",   "201x",
                         "2019-01-01Z", "19-01-01",   "2019--01",    "2019-01-",   "2019-0101", "\357\274\222019",
                         "2019-01-01 ", "２０１９"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) expect_bad(bad[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_from_civil_matches_known_days),
        cmocka_unit_test(date_of_day_inverts_days_from_civil),
        cmocka_unit_test(full_dates_cover_one_day),
        cmocka_unit_test(leap_years_follow_the_gregorian_rules),
        cmocka_unit_test(a_month_covers_its_first_to_its_last_day),
        cmocka_unit_test(a_year_covers_the_whole_year),
        cmocka_unit_test(impossible_dates_are_rejected),
        cmocka_unit_test(years_outside_1900_2100_are_rejected),
        cmocka_unit_test(malformed_dates_are_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
