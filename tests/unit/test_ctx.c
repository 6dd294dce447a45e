/* test_ctx.c: the error context: control characters in messages and file names are escaped
 * (ilo_escape_controls), whatever the caller formats; warnings are kept apart from errors. */
#include "testutil.h"

static void expect_escaped(const char *in, const char *want)
{
    char out[128];
    assert_ptr_equal(ilo_escape_controls(out, sizeof out, in), out);
    assert_string_equal(out, want);
}

static void control_characters_are_escaped(void **state)
{
    (void)state;
    expect_escaped("plain text, \"quoted\" \\ ok", "plain text, \"quoted\" \\ ok");
    expect_escaped("a\nb\rc\td", "a\\nb\\rc\\td");
    expect_escaped("\x1b[31mred\x07\x7f", "\\x1b[31mred\\x07\\x7f");
    expect_escaped("C1 \xc2\x9b" "31m, NEL \xc2\x85", "C1 \\u009b31m, NEL \\u0085");
    expect_escaped("Қазақстан é €", "Қазақстан é €");
    expect_escaped("bad \xff \xc3 \xe2\x82", "bad \\xff \\xc3 \\xe2\\x82");
    expect_escaped("overlong \xc0\xaf", "overlong \\xc0\\xaf");
}

static void a_full_buffer_cuts_at_a_character(void **state)
{
    (void)state;
    char out[8];
    ilo_escape_controls(out, sizeof out, "abcde\n");
    assert_string_equal(out, "abcde\\n"); /* 7 bytes and the NUL */
    ilo_escape_controls(out, sizeof out, "abcdef\n");
    assert_string_equal(out, "abcdef"); /* "\\n" would leave no room for the NUL */
    ilo_escape_controls(out, sizeof out, "abcdeé");
    assert_string_equal(out, "abcdeé");
    ilo_escape_controls(out, sizeof out, "abcdefé");
    assert_string_equal(out, "abcdef");
    ilo_escape_controls(out, 1, "x");
    assert_string_equal(out, "");
}

static void recorded_errors_hold_no_control_characters(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_ctx_set(ctx, ILO_ERR_INVALID, "dir/a\nb.cfg", 3, "unknown country \"%s\"", "X\niloscore: forged");
    const ilo_error *e = ilo_ctx_error(ctx, 0);
    assert_string_equal(e->file, "dir/a\\nb.cfg");
    assert_string_equal(e->msg, "unknown country \"X\\niloscore: forged\"");
    ilo_ctx_free(ctx);
}

static void warnings_never_fail(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_ctx_warn(ctx, "f.cfg", 7, "looks odd: %s", "x\ty");
    assert_int_equal(ilo_ctx_count(ctx), 0);
    assert_int_equal(ilo_ctx_status(ctx), ILO_OK);
    assert_int_equal(ilo_ctx_warning_count(ctx), 1);
    const ilo_error *w = ilo_ctx_warning(ctx, 0);
    assert_string_equal(w->file, "f.cfg");
    assert_int_equal(w->line, 7);
    assert_string_equal(w->msg, "looks odd: x\\ty");
    assert_null(ilo_ctx_warning(ctx, 1));
    for (int i = 0; i < ILO_MAX_ERRORS + 5; i++) ilo_ctx_warn(ctx, NULL, 0, "w%d", i);
    assert_int_equal(ilo_ctx_warning_count(ctx), ILO_MAX_ERRORS + 6);
    assert_null(ilo_ctx_warning(ctx, ILO_MAX_ERRORS));
    ilo_ctx_clear(ctx);
    assert_int_equal(ilo_ctx_warning_count(ctx), 0);
    ilo_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(control_characters_are_escaped),
        cmocka_unit_test(a_full_buffer_cuts_at_a_character),
        cmocka_unit_test(recorded_errors_hold_no_control_characters),
        cmocka_unit_test(warnings_never_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
