/* test_reports.c: the reports library: the buffer, its number printers, the escapers (table
 * driven, like the code), format names, the document helpers, and every renderer over the
 * tests/data/report fixture (deterministic, locale-independent, well-formed). */
#include <locale.h>
#include <math.h>

#include "testutil.h"

#include "report.h"
#include "doc.h"

/* ---- the buffer ---- */

static void test_buf_put_and_detach(void **state)
{
    (void)state;
    rep_buf b = REP_BUF_INIT;
    rep_buf_puts(&b, "ab");
    rep_buf_putc(&b, 'c');
    rep_buf_put(&b, "defgh", 2);
    rep_buf_pad(&b, 3);
    rep_buf_puts(&b, NULL);
    assert_true(rep_buf_ok(&b));
    size_t len = 0;
    char *s = rep_buf_detach(&b, &len);
    assert_string_equal(s, "abcde   ");
    assert_int_equal(len, 8);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    free(s);
}

static void test_buf_grows(void **state)
{
    (void)state;
    rep_buf b;
    rep_buf_init(&b);
    for (int i = 0; i < 10000; i++) rep_buf_printf(&b, "%d,", i % 10);
    assert_int_equal(b.len, 20000);
    assert_int_equal(strlen(b.data), 20000);
    /* A single printf longer than the stack buffer takes the second path. */
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    rep_buf_printf(&b, "<%s>", big);
    assert_int_equal(b.len, 20000 + 1001);
    assert_int_equal(b.data[b.len - 1], '>');
    rep_buf_free(&b);
    assert_null(b.data);
}

static void test_buf_empty_detach(void **state)
{
    (void)state;
    rep_buf b = REP_BUF_INIT;
    size_t len = 99;
    char *s = rep_buf_detach(&b, &len);
    assert_non_null(s);
    assert_string_equal(s, "");
    assert_int_equal(len, 0);
    free(s);
}

static void test_buf_failed_ignores_puts(void **state)
{
    (void)state;
    rep_buf b = REP_BUF_INIT;
    rep_buf_puts(&b, "kept");
    b.failed = true; /* as after a failed realloc */
    rep_buf_puts(&b, "ignored");
    rep_buf_printf(&b, "%d", 42);
    assert_false(rep_buf_ok(&b));
    assert_string_equal(b.data, "kept");
    size_t len = 7;
    assert_null(rep_buf_detach(&b, &len));
    assert_int_equal(len, 0);
    assert_null(b.data);
}

static char *hundredths(int64_t c)
{
    rep_buf b = REP_BUF_INIT;
    rep_buf_hundredths(&b, c);
    return rep_buf_detach(&b, NULL);
}

static void test_buf_hundredths(void **state)
{
    (void)state;
    static const struct {
        int64_t c;
        const char *want;
    } cases[] = {
        {0, "0.00"},       {5, "0.05"},        {-5, "-0.05"},     {285, "2.85"},
        {1000, "10.00"},   {-100, "-1.00"},    {2705, "27.05"},   {100000, "1000.00"},
        {INT64_MAX, "92233720368547758.07"},   {INT64_MIN, "-92233720368547758.08"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = hundredths(cases[i].c);
        assert_string_equal(s, cases[i].want);
        free(s);
    }
}

static void test_buf_fixed(void **state)
{
    (void)state;
    static const struct {
        double x;
        int decimals;
        const char *want;
    } cases[] = {
        {0.23849, 3, "0.238"}, {-0.00001, 4, "0.0000"}, {2.5, 0, "3"},       {-2.5, 0, "-3"},
        {1.0 / 3, 6, "0.333333"}, {-0.125, 2, "-0.13"}, {95.0, 2, "95.00"}, {NAN, 2, "n/a"},
        {INFINITY, 2, "n/a"},  {1e30, 2, "n/a"},        {7, 0, "7"},         {0.05, 1, "0.1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rep_buf b = REP_BUF_INIT;
        rep_buf_fixed(&b, cases[i].x, cases[i].decimals, "n/a");
        assert_string_equal(b.data, cases[i].want);
        rep_buf_free(&b);
    }
}

/* A comma-decimal locale must not reach rep_buf_printf. Skipped where none is installed. */
static void test_buf_printf_ignores_locale(void **state)
{
    (void)state;
    static const char *const comma[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8"};
    const char *loc = NULL;
    for (size_t i = 0; i < sizeof comma / sizeof comma[0] && !loc; i++) loc = setlocale(LC_NUMERIC, comma[i]);
    if (!loc) {
        setlocale(LC_NUMERIC, "C");
        skip();
    }
    char direct[32];
    snprintf(direct, sizeof direct, "%.2f", 2.5);
    assert_string_equal(direct, "2,50"); /* the locale is really in effect */
    rep_buf b = REP_BUF_INIT;
    rep_buf_printf(&b, "%.2f %g", 2.5, 0.25);
    assert_string_equal(b.data, "2.50 0.25");
    rep_buf_free(&b);
    setlocale(LC_NUMERIC, "C");
}

/* ---- escaping ---- */

typedef void (*escaper)(rep_buf *, const char *);

static const struct escape_case {
    const char *name;
    escaper fn;
    const char *in, *want;
} escape_cases[] = {
    {"json plain", rep_put_json, "abc", "\"abc\""},
    {"json quote", rep_put_json, "say \"hi\"", "\"say \\\"hi\\\"\""},
    {"json backslash", rep_put_json, "a\\b", "\"a\\\\b\""},
    {"json controls", rep_put_json, "a\nb\tc\rd\be\ff", "\"a\\nb\\tc\\rd\\be\\ff\""},
    {"json low", rep_put_json, "\x01\x1f", "\"\\u0001\\u001f\""},
    {"json del", rep_put_json, "\x7f", "\"\\u007f\""},
    {"json utf8", rep_put_json, "\xc3\x96skemen \xe2\x80\x94 </script>", "\"\xc3\x96skemen \xe2\x80\x94 </script>\""},
    {"json null", rep_put_json, NULL, "\"\""},
    {"csv plain", rep_put_csv, "score", "score"},
    {"csv empty", rep_put_csv, "", ""},
    {"csv comma", rep_put_csv, "a,b", "\"a,b\""},
    {"csv quote", rep_put_csv, "say \"hi\"", "\"say \"\"hi\"\"\""},
    {"csv newline", rep_put_csv, "a\nb", "\"a\nb\""},
    {"csv cr", rep_put_csv, "a\rb", "\"a\rb\""},
    {"csv leading space", rep_put_csv, " a", "\" a\""},
    {"csv trailing space", rep_put_csv, "a ", "\"a \""},
    {"csv utf8", rep_put_csv, "\xc3\x96", "\xc3\x96"},
    {"html text", rep_put_html, "a < b & c > d \"q\" 'a'", "a &lt; b &amp; c &gt; d \"q\" 'a'"},
    {"html attr", rep_put_html_attr, "x\"y'z<&>", "x&quot;y&#39;z&lt;&amp;&gt;"},
    {"html utf8", rep_put_html, "\xc3\x96", "\xc3\x96"},
    {"md pipe", rep_put_md, "Art. 10 | 11", "Art. 10 \\| 11"},
    {"md emphasis", rep_put_md, "*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~"},
    {"md link", rep_put_md, "[x](y) <b> \\", "\\[x\\](y) &lt;b\\> \\\\"},
    {"md newline", rep_put_md, "a\nb\r\tc", "a b  c"},
    {"md plain", rep_put_md, "C87 Art. 3, 8 (2016)", "C87 Art. 3, 8 (2016)"},
    {"text controls", rep_put_text, "a\nb\tc\x1b[31md\x7f", "a b c [31md "},
    {"text utf8", rep_put_text, "\xc3\x96", "\xc3\x96"},
};

static void test_escape_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof escape_cases / sizeof escape_cases[0]; i++) {
        const struct escape_case *c = &escape_cases[i];
        rep_buf b = REP_BUF_INIT;
        rep_buf_puts(&b, "");
        c->fn(&b, c->in);
        if (strcmp(b.data, c->want) != 0) fail_msg("%s: got [%s], want [%s]", c->name, b.data, c->want);
        rep_buf_free(&b);
    }
}

/* Every byte 0x00-0xff through the JSON escaper gives a string jq would accept: no raw control. */
static void test_escape_json_all_bytes(void **state)
{
    (void)state;
    char in[256];
    for (int i = 1; i < 256; i++) in[i - 1] = (char)i;
    in[255] = '\0';
    rep_buf b = REP_BUF_INIT;
    rep_put_json(&b, in);
    for (size_t i = 0; i < b.len; i++) assert_true((unsigned char)b.data[i] >= 0x20);
    rep_buf_free(&b);
}

static void test_url_linkable(void **state)
{
    (void)state;
    assert_true(rep_url_linkable("https://www.ilo.org/x"));
    assert_true(rep_url_linkable("http://example.org"));
    assert_false(rep_url_linkable("javascript:alert(1)"));
    assert_false(rep_url_linkable("data:text/html,x"));
    assert_false(rep_url_linkable("www.ilo.org"));
    assert_false(rep_url_linkable(NULL));
}

/* ---- formats and helpers ---- */

static void test_formats(void **state)
{
    (void)state;
    assert_int_equal(rep_format_parse("text"), REP_TEXT);
    assert_int_equal(rep_format_parse("md"), REP_MD);
    assert_int_equal(rep_format_parse("json"), REP_JSON);
    assert_int_equal(rep_format_parse("csv"), REP_CSV);
    assert_int_equal(rep_format_parse("html"), REP_HTML);
    assert_int_equal(rep_format_parse("pdf"), -1);
    assert_int_equal(rep_format_parse(NULL), -1);
    for (int f = 0; f < REP_NFORMATS; f++) assert_int_equal(rep_format_parse(rep_format_name((rep_format)f)), f);
    assert_int_equal(rep_format_from_path("out/kaz.JSON"), REP_JSON);
    assert_int_equal(rep_format_from_path("a.txt"), REP_TEXT);
    assert_int_equal(rep_format_from_path("a.md"), REP_MD);
    assert_int_equal(rep_format_from_path("a.csv"), REP_CSV);
    assert_int_equal(rep_format_from_path("a.htm"), REP_HTML);
    assert_int_equal(rep_format_from_path("a.html"), REP_HTML);
    assert_int_equal(rep_format_from_path("/dev/full"), -1);
    assert_int_equal(rep_format_from_path("dir.json/file"), -1);
    assert_int_equal(rep_format_from_path("a.pdf"), -1);
}

/* ---- the renderers over the fixture ---- */

typedef struct fixture {
    ilo_model *m;
    ilo_profile p;
    ilo_result *r;
    ilo_trend *t;
    rep_assessment a;
    rep_trend_doc td;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->m = test_load("report");
    size_t c = ilo_model_find_country(f->m, "XRA");
    size_t me = ilo_model_find_method(f->m, "sdg-8.8.2");
    assert_int_not_equal(c, SIZE_MAX);
    assert_int_not_equal(me, SIZE_MAX);
    f->p = ilo_profile_baseline(f->m, c);
    f->r = ilo_result_new(f->m);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(f->m, &f->p, me, 2017, f->r, ctx), ILO_OK);
    assert_int_equal(ilo_trend_new(f->m, &f->p, me, 2012, 2017, &f->t, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    f->a = (rep_assessment){f->m, &f->p, NULL, f->r, f->t};
    f->td = (rep_trend_doc){f->m, &f->p, NULL, f->t};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ilo_trend_free(f->t);
    ilo_result_free(f->r);
    ilo_model_free(f->m);
    free(f);
    return 0;
}

static char *render(const fixture *f, bool trend, rep_format fmt)
{
    rep_buf b = REP_BUF_INIT;
    bool ok = trend ? rep_render(&b, fmt, REP_KIND_TREND, &f->td) : rep_render(&b, fmt, REP_KIND_ASSESSMENT, &f->a);
    assert_true(ok);
    char *s = rep_buf_detach(&b, NULL);
    assert_non_null(s);
    return s;
}

static void test_render_deterministic(void **state)
{
    const fixture *f = *state;
    for (int d = 0; d < 2; d++)
        for (int fmt = 0; fmt < REP_NFORMATS; fmt++) {
            char *x = render(f, d, (rep_format)fmt), *y = render(f, d, (rep_format)fmt);
            assert_true(strlen(x) > 100);
            assert_string_equal(x, y);
            free(x);
            free(y);
        }
}

static void test_render_same_under_comma_locale(void **state)
{
    const fixture *f = *state;
    char *before[2][REP_NFORMATS];
    for (int d = 0; d < 2; d++)
        for (int fmt = 0; fmt < REP_NFORMATS; fmt++) before[d][fmt] = render(f, d, (rep_format)fmt);
    bool have = setlocale(LC_ALL, "de_DE.UTF-8") || setlocale(LC_ALL, "de_DE.utf8");
    for (int d = 0; d < 2; d++)
        for (int fmt = 0; fmt < REP_NFORMATS; fmt++) {
            char *after = render(f, d, (rep_format)fmt);
            assert_string_equal(before[d][fmt], after);
            free(after);
            free(before[d][fmt]);
        }
    setlocale(LC_ALL, "C");
    if (!have) skip();
}

/* The shares of the findings, as the CSV prints them, add up to the raw score exactly. */
static void test_render_csv_shares_sum(void **state)
{
    const fixture *f = *state;
    char *csv = render(f, false, REP_CSV);
    int64_t sum = 0, raw = -1;
    for (char *line = strtok(csv, "\n"); line; line = strtok(NULL, "\n")) {
        int commas = 0;
        bool quoted = false;
        for (char *p = line; *p; p++) {
            quoted ^= *p == '"';
            commas += *p == ',' && !quoted;
        }
        assert_int_equal(commas, 4);
        if (strchr(line, '"')) continue; /* a quoted published value: not a number */
        char *measure = strchr(strchr(strchr(line, ',') + 1, ',') + 1, ',') + 1;
        char *value = strchr(measure, ',') + 1;
        long long units = 0, cents = 0;
        if (strncmp(measure, "share:", 6) == 0 && sscanf(value, "%lld.%lld", &units, &cents) == 2)
            sum += units * 100 + cents;
        if (strncmp(measure, "raw,", 4) == 0 && strncmp(line, "XRA,2017,", 9) == 0 &&
            sscanf(value, "%lld.%lld", &units, &cents) == 2)
            raw = units * 100 + cents;
    }
    assert_int_equal(sum, raw);
    assert_int_equal(raw, f->r->raw_hundredths);
    free(csv);
}

static void test_render_html_safe(void **state)
{
    const fixture *f = *state;
    for (int d = 0; d < 2; d++) {
        char *html = render(f, d, REP_HTML);
        assert_non_null(strstr(html, "<svg"));
        assert_non_null(strstr(html, "stroke=\"#1f5fa8\""));
        assert_non_null(strstr(html, "stroke-dasharray"));
        assert_non_null(strstr(html, "@media print"));
        assert_null(strstr(html, "<script"));
        assert_null(strstr(html, "href=\"javascript"));
        assert_null(strstr(html, "<never given>")); /* escaped */
        free(html);
    }
    char *html = render(f, false, REP_HTML);
    assert_non_null(strstr(html, "&lt;never given&gt;"));
    free(html);
}

static void test_render_text_width(void **state)
{
    const fixture *f = *state;
    for (int d = 0; d < 2; d++) {
        char *txt = render(f, d, REP_TEXT);
        for (char *line = strtok(txt, "\n"); line; line = strtok(NULL, "\n")) {
            size_t cols = 0;
            for (char *p = line; *p; p++) cols += ((unsigned char)*p & 0xC0) != 0x80;
            /* Only a single unbreakable word (an address) may overflow. */
            if (cols > 100 && strchr(line + strspn(line, " "), ' ')) fail_msg("too wide: %s", line);
        }
        free(txt);
    }
}

/* ---- the document and its writers, on a document made by hand ---- */

/* A small document: a header block, a table with a nested JSON key, a CSV measure, a cell-level
 * measure, an unknown and an absent value, a keyed paragraph, a programs-only block, a numbered
 * list with a link. */
static rep_doc *small_doc(void)
{
    static const rep_column cols[] = {
        {"code", "Code", NULL, REP_COL_ID, NULL, REP_SCOPE_COUNTRY},
        {"score", "Score", "score", REP_COL_NUMBER},
        {"pub/x", "Published", "published:x", REP_COL_NUMBER},
        {"name", "Name", NULL, REP_COL_TEXT},
    };
    rep_doc *d = rep_doc_new("test", "A | test");
    assert_non_null(d);
    d->generator = "gen";
    d->root.scope = (rep_scope){"", 2020, "m"};
    rep_node *f = rep_fields(d, &d->root, NULL);
    rep_field_add(d, f, "year", "Year", NULL, rep_v_int(2020));
    rep_field_add(d, f, NULL, "Note", NULL, rep_v_text("people only"));
    rep_node *t = rep_table(d, &d->root, "rows", cols, 4);
    size_t r = rep_row(d, t);
    rep_cell(d, t, r, 0, rep_v_id("AAA"));
    rep_value v = rep_v_hundredths(285);
    v.note = "forced";
    rep_cell(d, t, r, 1, v);
    rep_cell(d, t, r, 2, rep_v_null());
    rep_cell(d, t, r, 3, rep_v_text("Alpha, \"the first\""));
    r = rep_row(d, t);
    rep_cell(d, t, r, 0, rep_v_id("BBB"));
    v = rep_v_fixed(-0.5, 2, 1);
    v.measure = "score:odd";
    rep_cell(d, t, r, 1, v);
    rep_cell(d, t, r, 2, rep_v_text("1.10"));
    rep_span_add(d, rep_para(d, &d->root, "rule", REP_RULE, "Rule"), REP_MARK_NONE, "a < b");
    rep_field_add(d, rep_only(rep_fields(d, &d->root, "meta"), REP_PROGRAMS), "n", NULL, NULL, rep_v_uint(7));
    rep_node *l = rep_list(d, &d->root, NULL);
    l->style = REP_NUMBERED;
    rep_span_add(d, l, REP_MARK_NONE, "First source");
    rep_span_add(d, l, REP_MARK_LINK, "https://example.org/a");
    assert_true(rep_doc_ok(d));
    return d;
}

static char *write_small(void (*writer)(rep_buf *, const rep_doc *))
{
    rep_doc *d = small_doc();
    rep_buf b = REP_BUF_INIT;
    writer(&b, d);
    rep_doc_free(d);
    char *s = rep_buf_detach(&b, NULL);
    assert_non_null(s);
    return s;
}

/* A value that does not exist for lack of evidence: JSON null, CSV NA, people see its text. */
static void test_doc_na(void **state)
{
    (void)state;
    rep_doc *d = rep_doc_new("test", NULL);
    assert_non_null(d);
    d->generator = "gen";
    d->root.scope = (rep_scope){"AAA", 2013, "m"};
    rep_node *f = rep_fields(d, &d->root, NULL);
    rep_field_add(d, f, "score", "Score", "score", rep_v_na("not assessed: no evidence"));
    rep_field_add(d, f, "raw", "Raw", "raw", rep_v_na(NULL));
    assert_true(rep_doc_ok(d));
    rep_buf b = REP_BUF_INIT;
    rep_write_json(&b, d);
    assert_string_equal(b.data, "{\n  \"schema_version\": 2,\n  \"document\": \"test\",\n  \"generator\": \"gen\",\n"
                                "  \"score\": null,\n  \"raw\": null\n}\n");
    rep_buf_free(&b);
    rep_write_csv(&b, d);
    assert_string_equal(b.data, "country,year,method,measure,value\nAAA,2013,m,score,NA\nAAA,2013,m,raw,NA\n");
    rep_buf_free(&b);
    rep_write_text(&b, d);
    assert_non_null(strstr(b.data, "\nScore:    not assessed: no evidence\nRaw:      -\n"));
    rep_buf_free(&b);
    rep_doc_free(d);
}

static void test_doc_json(void **state)
{
    (void)state;
    char *s = write_small(rep_write_json);
    assert_string_equal(s, "{\n  \"schema_version\": 2,\n  \"document\": \"test\",\n  \"generator\": \"gen\",\n"
                           "  \"year\": 2020,\n  \"rows\": [\n    {\n      \"code\": \"AAA\",\n      \"score\": 2.85,\n"
                           "      \"pub\": {\n        \"x\": null\n      },\n      \"name\": \"Alpha, \\\"the first\\\"\"\n"
                           "    },\n    {\n      \"code\": \"BBB\",\n      \"score\": -0.50,\n      \"pub\": {\n"
                           "        \"x\": \"1.10\"\n      }\n    }\n  ],\n  \"rule\": \"a < b\",\n  \"meta\": {\n"
                           "    \"n\": 7\n  }\n}\n");
    free(s);
}

static void test_doc_csv(void **state)
{
    (void)state;
    char *s = write_small(rep_write_csv);
    /* The unknown value has no row; the cell's own measure wins over its column's. */
    assert_string_equal(s, "country,year,method,measure,value\nAAA,2020,m,score,2.85\nBBB,2020,m,score:odd,-0.50\n"
                           "BBB,2020,m,published:x,1.10\n");
    free(s);
}

static void test_doc_text(void **state)
{
    (void)state;
    char *s = write_small(rep_write_text);
    /* Widths from the cells; numbers right-aligned; a number's note after the row's free text;
     * people's fixed decimals (1); the unknown value as "-". */
    assert_string_equal(s, "A | test\nYear:     2020\nNote:     people only\n\n"
                           "  Code  Score  Published  Name\n"
                           "  AAA    2.85          -  Alpha, \"the first\" (forced)\n"
                           "  BBB    -0.5       1.10\n\n"
                           "Rule: a < b\n\n  [1]   First source\n        https://example.org/a\n");
    free(s);
}

static void test_doc_md_html(void **state)
{
    (void)state;
    char *md = write_small(rep_write_md), *html = write_small(rep_write_html);
    assert_non_null(strstr(md, "# A \\| test\n"));
    assert_non_null(strstr(md, "| `AAA` | 2.85 (forced) | - | Alpha, \"the first\" |\n"));
    assert_non_null(strstr(md, "**Rule:** a &lt; b\n"));
    assert_non_null(strstr(md, "1. First source <https://example.org/a>\n"));
    assert_null(strstr(md, "\"n\""));                /* programs only */
    assert_non_null(strstr(html, "<td><code>AAA</code></td><td class=\"n\">2.85 <span class=\"note\">(forced)</span></td>"));
    assert_non_null(strstr(html, "<p class=\"note\"><strong>Rule:</strong> a &lt; b</p>"));
    assert_non_null(strstr(html, "<li>First source <a href=\"https://example.org/a\">https://example.org/a</a></li>"));
    free(md);
    free(html);
}

static void test_doc_out_of_range(void **state)
{
    (void)state;
    rep_buf b = REP_BUF_INIT;
    assert_false(rep_render(&b, (rep_format)REP_NFORMATS, REP_KIND_RANK, NULL));
    assert_true(b.failed);
    rep_buf_free(&b);
    rep_doc_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_put_and_detach),
        cmocka_unit_test(test_buf_grows),
        cmocka_unit_test(test_buf_empty_detach),
        cmocka_unit_test(test_buf_failed_ignores_puts),
        cmocka_unit_test(test_buf_hundredths),
        cmocka_unit_test(test_buf_fixed),
        cmocka_unit_test(test_buf_printf_ignores_locale),
        cmocka_unit_test(test_escape_table),
        cmocka_unit_test(test_escape_json_all_bytes),
        cmocka_unit_test(test_url_linkable),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_doc_json),
        cmocka_unit_test(test_doc_na),
        cmocka_unit_test(test_doc_csv),
        cmocka_unit_test(test_doc_text),
        cmocka_unit_test(test_doc_md_html),
        cmocka_unit_test(test_doc_out_of_range),
        cmocka_unit_test_setup_teardown(test_render_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_render_same_under_comma_locale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_render_csv_shares_sum, setup, teardown),
        cmocka_unit_test_setup_teardown(test_render_html_safe, setup, teardown),
        cmocka_unit_test_setup_teardown(test_render_text_width, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
