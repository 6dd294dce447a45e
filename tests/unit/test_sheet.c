/* test_sheet.c: coding sheets as spreadsheets and R write them: RFC 4180 quoting (commas, doubled
 * quotes and line breaks inside quotes), CRLF, a UTF-8 byte-order mark, R's row-name column,
 * criteria by id, "sdg:N" and bare SDG number; and the errors, each with its line: NUL bytes,
 * bytes that are not UTF-8, broken quoting, a bad header. Fixture: tests/data/mini, whose
 * criteria "arrest", "killing" and "discrim" carry SDG numbers 12, 6 and 41. */
#include <unistd.h>

#include "testutil.h"

static ilo_model *model;

static int setup(void **state)
{
    (void)state;
    model = test_load("mini");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(model);
    return 0;
}

/* Writes len bytes to a new temporary file; returns its name (static). */
static const char *sheet_file(const char *text, size_t len)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/ilo-sheet-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

/* Reads text as a sheet, which must be accepted. */
static ilo_sheet *read_ok(const char *text, size_t len)
{
    const char *path = sheet_file(text, len);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_sheet *sh = NULL;
    ilo_status st = ilo_sheet_read(model, path, &sh, ctx);
    if (st != ILO_OK) fail_msg("rejected: %s:%d: %s", path, ilo_ctx_error(ctx, 0)->line, ilo_ctx_error(ctx, 0)->msg);
    unlink(path);
    ilo_ctx_free(ctx);
    return sh;
}

/* Reads text as a sheet, which must be rejected with msg at line as the first error. */
static void read_bad(const char *text, size_t len, int line, const char *msg)
{
    const char *path = sheet_file(text, len);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_sheet *sh = NULL;
    assert_int_not_equal(ilo_sheet_read(model, path, &sh, ctx), ILO_OK);
    assert_null(sh);
    const ilo_error *e = ilo_ctx_error(ctx, 0);
    assert_non_null(e);
    assert_string_equal(e->file, path);
    assert_int_equal(e->line, line);
    assert_string_equal(e->msg, msg);
    unlink(path);
    ilo_ctx_free(ctx);
}

#define TEXT(s) s, sizeof s - 1

static void expect_row(const ilo_sheet *sh, size_t i, const char *country, int year, const char *const *criteria)
{
    assert_true(i < sh->n_rows);
    assert_string_equal(sh->rows[i].country, country);
    assert_int_equal(sh->rows[i].year, year);
    ilo_bitset want;
    memset(&want, 0, sizeof want);
    for (; *criteria; criteria++) {
        size_t k = ilo_model_find_criterion(model, *criteria);
        assert_int_not_equal(k, SIZE_MAX);
        ilo_bitset_set(&want, k);
    }
    assert_memory_equal(&sh->rows[i].coded, &want, sizeof want);
}

static void r_write_csv_with_row_names_crlf_and_bom(void **state)
{
    (void)state;
    ilo_sheet *sh = read_ok(TEXT("\xEF\xBB\xBF\"\",\"country\",\"year\",\"criterion\",\"sources\"\r\n"
                                 "\"1\",\"XAA\",2017,\"arrest\",\"a\"\r\n"
                                 "\"2\",\"XAA\",2017,6,NA\r\n"
                                 "\"3\",\"XAB\",2018,\"sdg:41\",\"b\"\r\n"));
    assert_int_equal(sh->n_rows, 2);
    expect_row(sh, 0, "XAA", 2017, (const char *[]){"arrest", "killing", NULL});
    expect_row(sh, 1, "XAB", 2018, (const char *[]){"discrim", NULL});
    ilo_sheet_free(sh);
}

static void quoted_fields_hold_commas_quotes_and_line_breaks(void **state)
{
    (void)state;
    ilo_sheet *sh = read_ok(TEXT("country,year,criterion,sources\n"
                                 "\"XAA\",\"2017\",\"arrest\",\"a, \"\"b\"\"\nand c\"\n"
                                 "XAA,2017,\"12\",\n"
                                 "\n"
                                 "XAB,2016,killing")); /* no final line break */
    assert_int_equal(sh->n_rows, 2);
    expect_row(sh, 0, "XAA", 2017, (const char *[]){"arrest", NULL});
    expect_row(sh, 1, "XAB", 2016, (const char *[]){"killing", NULL});
    ilo_sheet_free(sh);
}

static void a_country_year_collects_rows_wherever_they_are(void **state)
{
    (void)state;
    ilo_sheet *sh = read_ok(TEXT("XAA,2017,arrest\nXAB,2017,killing\nXAA,2018,killing\nXAA,2017,41\n"
                                 "XAB,2017,12\n"));
    assert_int_equal(sh->n_rows, 3);
    expect_row(sh, 0, "XAA", 2017, (const char *[]){"arrest", "discrim", NULL});
    expect_row(sh, 1, "XAB", 2017, (const char *[]){"killing", "arrest", NULL});
    expect_row(sh, 2, "XAA", 2018, (const char *[]){"killing", NULL});
    ilo_sheet_free(sh);
}

/* 100,000 country-years, each in two rows far apart: the rows are found by hash, and the order
 * of first appearance is kept. */
static void many_country_years(void **state)
{
    (void)state;
    size_t cap = 100000 * 2 * 24, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (int pass = 0; pass < 2; pass++)
        for (int c = 0; c < 1000; c++)
            for (int y = 0; y < 100; y++)
                len += (size_t)snprintf(text + len, cap - len, "X%03d,%d,%s\n", c, 1950 + y, pass ? "6" : "arrest");
    ilo_sheet *sh = read_ok(text, len);
    free(text);
    assert_int_equal(sh->n_rows, 100000);
    expect_row(sh, 0, "X000", 1950, (const char *[]){"arrest", "killing", NULL});
    expect_row(sh, 99999, "X999", 2049, (const char *[]){"arrest", "killing", NULL});
    expect_row(sh, 12345, "X123", 1995, (const char *[]){"arrest", "killing", NULL});
    ilo_sheet_free(sh);
}

static void errors_have_their_line(void **state)
{
    (void)state;
    read_bad(TEXT("country,year,criterion\nXAA,2017,arr\0est\n"), 2, "NUL byte (not a text file?)");
    read_bad(TEXT("XAA,2017,arrest,\"a\nb\nc\"\nXAA,2017,ar\xffrest\n"), 4, "not valid UTF-8");
    read_bad(TEXT("XAA,2017,arrest\nXAA,2017,\"arrest\n"), 2, "quoted field not closed at the end of the file");
    read_bad(TEXT("XAA,2017,arr\"est\n"), 1, "malformed CSV quoting");
    read_bad(TEXT("XAA,2017,\"arrest\"x\n"), 1, "malformed CSV quoting");
    read_bad(TEXT("XAA,2017,arrest\rXAA"), 1, "carriage return without a line feed");
    read_bad(TEXT("country,yr,criterion\n"), 1, "the header must be country,year,criterion[,sources]");
    read_bad(TEXT("XAA,2017,99\n"), 1, "unknown criterion \"99\"");
    read_bad(TEXT("XAA,2017,sdg:012\n"), 1, "unknown criterion \"sdg:012\"");
    read_bad(TEXT("XAA,2017,arrest,a,b\n"), 1, "more than 4 fields (country,year,criterion[,sources])");
    read_bad(TEXT("XAA,2017\n"), 1, "expected 3 or 4 fields (country,year,criterion[,sources]), found 2");
    read_bad(TEXT("XAA,17,arrest\n"), 1, "bad year \"17\"");
    read_bad(TEXT("\"X\nA\",2017,arrest\n"), 1, "bad country \"X\\nA\"");
}

static void dev_zero_ends_with_an_error(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_sheet *sh = NULL;
    assert_int_equal(ilo_sheet_read(model, "/dev/zero", &sh, ctx), ILO_ERR_PARSE);
    assert_string_equal(ilo_ctx_error(ctx, 0)->msg, "NUL byte (not a text file?)");
    ilo_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(r_write_csv_with_row_names_crlf_and_bom),
        cmocka_unit_test(quoted_fields_hold_commas_quotes_and_line_breaks),
        cmocka_unit_test(a_country_year_collects_rows_wherever_they_are),
        cmocka_unit_test(many_country_years),
        cmocka_unit_test(errors_have_their_line),
        cmocka_unit_test(dev_zero_ends_with_an_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
