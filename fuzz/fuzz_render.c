/*
 * fuzz_render.c: a libFuzzer harness for the renderers (cmark's harness renders every format;
 * this one renders every report kind in every format). As in fuzz_load.c, the first byte of an
 * input chooses which file of a copy of tests/data/mini the rest replaces; when the tree loads,
 * every report kind (assessment, trend, comparison, target, rank, sensitivity, brief) is
 * rendered in every format it offers, and each output is read back: the JSON parsed by a strict
 * parser (RFC 8259), the CSV by an RFC 4180 reader (every record as many fields as the header),
 * the HTML checked for well-formedness (tags balanced, no raw '<' or stray '&' in text, attribute
 * values quoted), and no output may hold a NUL byte. Any failure aborts (a crash for libFuzzer).
 *
 * The data text the reports carry (names, summaries, notes, urls) is what the fuzzer mutates:
 * the corpus in fuzz/corpus/render holds profiles full of quotes, angle brackets, ampersands,
 * commas, line breaks and non-ASCII text.
 *
 * render_all() builds each document; render_one() renders it in every format through
 * rep_render(), the reports' one entry point, and hands each output to check_output().
 *
 * Build and run: make fuzz (clang, -fsanitize=fuzzer,address,undefined). fuzz/driver.c runs the
 * same harness over files without libFuzzer (make check runs it over the corpus).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iloscore.h"
#include "tree.h"
#include "report.h"

static void fail(const char *kind, rep_format f, const char *why, const char *out, size_t len, size_t at)
{
    fprintf(stderr, "fuzz_render: %s as %s: %s at byte %zu of %zu\n", kind, rep_format_name(f), why, at, len);
    size_t from = at > 80 ? at - 80 : 0;
    fprintf(stderr, "...%.*s<<<HERE>>>%.*s...\n", (int)(at - from), out + from, (int)(len - at < 80 ? len - at : 80),
            out + at);
    abort();
}

/* ---- JSON (RFC 8259) ---- */

typedef struct reader {
    const char *s;
    size_t n, i;
    const char *why;
} reader;

static void ws(reader *r)
{
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\n' || r->s[r->i] == '\t' || r->s[r->i] == '\r')) r->i++;
}

static bool bad(reader *r, const char *why)
{
    r->why = why;
    return false;
}

static bool json_value(reader *r, int depth);

static bool json_string(reader *r)
{
    if (r->i >= r->n || r->s[r->i] != '"') return bad(r, "expected a string");
    for (r->i++; r->i < r->n; r->i++) {
        unsigned char c = (unsigned char)r->s[r->i];
        if (c == '"') {
            r->i++;
            return true;
        }
        if (c < 0x20) return bad(r, "raw control character in a string");
        if (c != '\\') continue;
        if (++r->i >= r->n) break;
        c = (unsigned char)r->s[r->i];
        if (c == 'u') {
            for (int k = 0; k < 4; k++)
                if (++r->i >= r->n || !strchr("0123456789abcdefABCDEF", r->s[r->i]) || !r->s[r->i])
                    return bad(r, "bad \\u escape");
        } else if (!strchr("\"\\/bfnrt", c) || !c) {
            return bad(r, "bad escape");
        }
    }
    return bad(r, "unterminated string");
}

static bool json_number(reader *r)
{
    size_t i = r->i;
    if (i < r->n && r->s[i] == '-') i++;
    if (i >= r->n || !(r->s[i] >= '0' && r->s[i] <= '9')) return bad(r, "bad number");
    if (r->s[i] == '0') i++;
    else
        while (i < r->n && r->s[i] >= '0' && r->s[i] <= '9') i++;
    if (i < r->n && r->s[i] == '.') {
        if (++i >= r->n || !(r->s[i] >= '0' && r->s[i] <= '9')) return bad(r, "bad fraction");
        while (i < r->n && r->s[i] >= '0' && r->s[i] <= '9') i++;
    }
    if (i < r->n && (r->s[i] == 'e' || r->s[i] == 'E')) {
        i++;
        if (i < r->n && (r->s[i] == '+' || r->s[i] == '-')) i++;
        if (i >= r->n || !(r->s[i] >= '0' && r->s[i] <= '9')) return bad(r, "bad exponent");
        while (i < r->n && r->s[i] >= '0' && r->s[i] <= '9') i++;
    }
    r->i = i;
    return true;
}

static bool json_word(reader *r, const char *w)
{
    size_t n = strlen(w);
    if (r->n - r->i < n || memcmp(r->s + r->i, w, n) != 0) return bad(r, "unexpected character");
    r->i += n;
    return true;
}

static bool json_container(reader *r, int depth, char close)
{
    r->i++;
    ws(r);
    if (r->i < r->n && r->s[r->i] == close) {
        r->i++;
        return true;
    }
    for (;;) {
        ws(r);
        if (close == '}') {
            if (!json_string(r)) return false;
            ws(r);
            if (r->i >= r->n || r->s[r->i] != ':') return bad(r, "expected ':'");
            r->i++;
        }
        if (!json_value(r, depth + 1)) return false;
        ws(r);
        if (r->i < r->n && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->n && r->s[r->i] == close) {
            r->i++;
            return true;
        }
        return bad(r, "expected ',' or the closing bracket");
    }
}

static bool json_value(reader *r, int depth)
{
    if (depth > 64) return bad(r, "nested too deep");
    ws(r);
    if (r->i >= r->n) return bad(r, "unexpected end");
    switch (r->s[r->i]) {
    case '{': return json_container(r, depth, '}');
    case '[': return json_container(r, depth, ']');
    case '"': return json_string(r);
    case 't': return json_word(r, "true");
    case 'f': return json_word(r, "false");
    case 'n': return json_word(r, "null");
    default: return json_number(r);
    }
}

/* NULL when s is one JSON value (with whitespace around), else what is wrong; *at: where. */
static const char *json_check(const char *s, size_t n, size_t *at)
{
    reader r = {s, n, 0, NULL};
    if (json_value(&r, 0)) {
        ws(&r);
        if (r.i != n) r.why = "text after the value";
    }
    *at = r.i;
    return r.why;
}

/* ---- CSV (RFC 4180) ---- */

/* NULL when s is CSV whose records all have as many fields as the first and end with a line
 * break; else what is wrong. */
static const char *csv_check(const char *s, size_t n, size_t *at)
{
    size_t fields = 0, want = 0, records = 0;
    size_t i = 0;
    if (n == 0 || s[n - 1] != '\n') {
        *at = n;
        return "does not end with a line break";
    }
    while (i < n) {
        *at = i;
        if (s[i] == '"') {
            for (i++;; i++) {
                if (i >= n) return "unterminated quoted field";
                if (s[i] == '"' && i + 1 < n && s[i + 1] == '"') i++;
                else if (s[i] == '"') break;
            }
            i++;
            if (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
                *at = i;
                return "text after a closing quote";
            }
        } else {
            while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
                if (s[i] == '"') {
                    *at = i;
                    return "quote in an unquoted field";
                }
                i++;
            }
        }
        fields++;
        if (i < n && s[i] == ',') {
            i++;
            continue;
        }
        if (i < n && s[i] == '\r') i++;
        if (i >= n || s[i] != '\n') {
            *at = i;
            return "carriage return without a line feed";
        }
        i++;
        if (records++ == 0) want = fields;
        else if (fields != want) return "a record with another number of fields than the header";
        fields = 0;
    }
    return NULL;
}

/* ---- HTML well-formedness ---- */

static bool is_void(const char *name, size_t n)
{
    static const char *const voids[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                        "link", "meta", "source", "track", "wbr"};
    for (size_t i = 0; i < sizeof voids / sizeof voids[0]; i++)
        if (strlen(voids[i]) == n && memcmp(voids[i], name, n) == 0) return true;
    return false;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

/* An entity at s[i] ('&'): &name; or &#digits; or &#xhex;. Returns its length, 0 when none. */
static size_t entity(const char *s, size_t n, size_t i)
{
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        j++;
        bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
        if (hex) j++;
        size_t d = j;
        while (j < n && (hex ? strchr("0123456789abcdefABCDEF", s[j]) != NULL : (s[j] >= '0' && s[j] <= '9')) && s[j])
            j++;
        if (j == d) return 0;
    } else {
        size_t d = j;
        while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9')))
            j++;
        if (j == d) return 0;
    }
    return j < n && s[j] == ';' ? j + 1 - i : 0;
}

/* Checks one tag at s[i] ('<'); pushes or pops the stack. Returns the index after it, or 0. */
static size_t html_tag(const char *s, size_t n, size_t i, const char **stack, size_t *len, size_t *depth,
                       const char **why)
{
    if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
        const char *end = NULL;
        for (size_t j = i + 4; j + 2 < n && !end; j++)
            if (memcmp(s + j, "-->", 3) == 0) end = s + j;
        if (!end) *why = "unterminated comment";
        return end ? (size_t)(end - s) + 3 : 0;
    }
    if (n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
        const char *gt = memchr(s + i, '>', n - i);
        if (!gt) *why = "unterminated doctype";
        return gt ? (size_t)(gt - s) + 1 : 0;
    }
    bool closing = i + 1 < n && s[i + 1] == '/';
    size_t j = i + 1 + closing, name = j;
    while (j < n && name_char(s[j])) j++;
    size_t nlen = j - name;
    if (nlen == 0) {
        *why = "'<' that starts no tag (unescaped text?)";
        return 0;
    }
    bool self = false;
    /* Attributes: name, or name="value" with no '"' or '<' inside the value. */
    for (;;) {
        while (j < n && (s[j] == ' ' || s[j] == '\n')) j++;
        if (j >= n) {
            *why = "unterminated tag";
            return 0;
        }
        if (s[j] == '>') break;
        if (s[j] == '/' && j + 1 < n && s[j + 1] == '>' && !closing) {
            self = true;
            j++;
            break;
        }
        if (closing || !name_char(s[j])) {
            *why = "bad character in a tag";
            return 0;
        }
        while (j < n && name_char(s[j])) j++;
        if (j < n && s[j] == '=') {
            if (++j >= n || s[j] != '"') {
                *why = "attribute value not in double quotes";
                return 0;
            }
            for (j++; j < n && s[j] != '"'; j++)
                if (s[j] == '<') {
                    *why = "'<' in an attribute value";
                    return 0;
                } else if (s[j] == '&' && !entity(s, n, j)) {
                    *why = "'&' that starts no entity in an attribute value";
                    return 0;
                }
            if (j >= n) {
                *why = "unterminated attribute value";
                return 0;
            }
            j++;
        }
    }
    j++; /* past '>' */
    if (closing) {
        if (*depth == 0 || len[*depth - 1] != nlen || memcmp(stack[*depth - 1], s + name, nlen) != 0) {
            *why = "closing tag does not match the open one";
            return 0;
        }
        --*depth;
        return j;
    }
    if (self || is_void(s + name, nlen)) return j;
    if (*depth == 256) {
        *why = "nested too deep";
        return 0;
    }
    stack[*depth] = s + name;
    len[(*depth)++] = nlen;
    /* Raw text elements: everything up to the closing tag. */
    if ((nlen == 5 && memcmp(s + name, "style", 5) == 0) || (nlen == 6 && memcmp(s + name, "script", 6) == 0)) {
        char close[16];
        snprintf(close, sizeof close, "</%.*s>", (int)nlen, s + name);
        size_t cl = strlen(close);
        for (size_t k = j; k + cl <= n; k++)
            if (memcmp(s + k, close, cl) == 0) return k;
        *why = "unterminated raw text element";
        return 0;
    }
    return j;
}

static const char *html_check(const char *s, size_t n, size_t *at)
{
    const char *stack[256];
    size_t len[256], depth = 0;
    const char *why = NULL;
    size_t i = 0;
    if (n < 15 || memcmp(s, "<!DOCTYPE html>", 15) != 0) {
        *at = 0;
        return "no <!DOCTYPE html>";
    }
    while (i < n) {
        *at = i;
        if (s[i] == '<') {
            size_t next = html_tag(s, n, i, stack, len, &depth, &why);
            if (!next) return why;
            i = next;
        } else if (s[i] == '&') {
            size_t e = entity(s, n, i);
            if (!e) return "'&' that starts no entity";
            i += e;
        } else if (s[i] == '>') {
            return "raw '>' in text";
        } else {
            i++;
        }
    }
    *at = n;
    return depth ? "elements left open at the end" : NULL;
}

/* ---- every report kind in every format ---- */

static size_t checked; /* outputs checked so far */

static void check_output(const char *kind, rep_format f, const char *out, size_t len)
{
    checked++;
    size_t at = 0;
    const char *why = NULL;
    if (memchr(out, '\0', len)) why = "NUL byte", at = (size_t)((const char *)memchr(out, '\0', len) - out);
    else if (f == REP_JSON) why = json_check(out, len, &at);
    else if (f == REP_CSV) why = csv_check(out, len, &at);
    else if (f == REP_HTML) why = html_check(out, len, &at);
    if (why) fail(kind, f, why, out, len, at);
}

/* Renders one document in every format through the reports' one entry point and checks each
 * output; every kind offers every format. */
static void render_one(const char *kind, rep_kind k, const void *doc)
{
    for (int f = 0; f < REP_NFORMATS; f++) {
        rep_buf b = REP_BUF_INIT;
        if (rep_render(&b, (rep_format)f, k, doc)) check_output(kind, (rep_format)f, b.data ? b.data : "", b.len);
        rep_buf_free(&b);
    }
}

/* The latest year a source of country c is dated, or 2018. */
static int year_of(const ilo_model *m, size_t c)
{
    int y = 0;
    for (size_t i = 0; i < m->n_sources; i++)
        if (m->sources[i].country == c && m->sources[i].date.year > y) y = m->sources[i].date.year;
    return y ? y : 2018;
}

/* Builds every report kind of the first country (first method, first regime, its scenarios)
 * and renders each in every format. Engine errors (a limit of target, say) skip that kind. */
static void render_all(const ilo_model *m)
{
    if (!m->n_countries || !m->n_methods) return;
    size_t c = 0, me = 0;
    int year = year_of(m, c), from = year - 3 < ILO_YEAR_MIN ? ILO_YEAR_MIN : year - 3;
    ilo_profile base = ilo_profile_baseline(m, c), *alt = NULL;
    ilo_result *r = ilo_result_new(m);
    ilo_trend *t = NULL, *ta = NULL;
    ilo_target *tg = NULL;
    ilo_ranking *rk = NULL;
    ilo_sensitivity *sn = NULL;
    ilo_brief *br = NULL;
    size_t sc[16], n_sc = 0;
    for (size_t s = 0; s < m->n_scenarios && n_sc < 16; s++)
        if (m->scenarios[s].country == c) sc[n_sc++] = s;
    if (!r || ilo_eval(m, &base, me, year, r, ctx) != ILO_OK) goto out;
    if (ilo_trend_new(m, &base, me, from, year, &t, ctx) == ILO_OK) {
        rep_assessment a = {m, &base, NULL, r, t};
        render_one("assessment", REP_KIND_ASSESSMENT, &a);
        rep_trend_doc td = {m, &base, NULL, t};
        render_one("trend", REP_KIND_TREND, &td);
    }
    if (n_sc && ilo_profile_apply(m, c, sc, n_sc, &alt, ctx) == ILO_OK &&
        ilo_trend_new(m, alt, me, from, year + 3 > ILO_YEAR_MAX ? ILO_YEAR_MAX : year + 3, &ta, ctx) == ILO_OK) {
        ilo_trend_free(t);
        t = NULL;
        if (ilo_trend_new(m, &base, me, from, year + 3 > ILO_YEAR_MAX ? ILO_YEAR_MAX : year + 3, &t, ctx) == ILO_OK) {
            rep_comparison cd = {m, &base, alt, sc, n_sc, t, ta, 0};
            render_one("comparison", REP_KIND_COMPARISON, &cd);
        }
    }
    if (ilo_target_new(m, &base, me, year, 0, NULL, &tg, ctx) == ILO_OK) {
        rep_target_doc td = {m, &base, NULL, 0, tg};
        render_one("target", REP_KIND_TARGET, &td);
    }
    if (ilo_ranking_new(m, me, year, &rk, ctx) == ILO_OK) {
        rep_rank_doc rd = {m, rk};
        render_one("rank", REP_KIND_RANK, &rd);
    }
    ilo_sens_opts so = {.method = me, .country = c, .from = from, .to = year, .draws = 16, .seed = 1, .spread = 25,
                        .threads = 1};
    if (ilo_sensitivity_new(m, &so, &sn, ctx) == ILO_OK) {
        rep_sensitivity_doc sd = {m, sn};
        render_one("sensitivity", REP_KIND_SENSITIVITY, &sd);
    }
    if (m->n_regimes && ilo_brief_new(m, &base, r, 0, &br, ctx) == ILO_OK) {
        ilo_trend *bt = NULL;
        if (ilo_trend_new(m, &base, me, from, year, &bt, ctx) == ILO_OK) {
            rep_brief_doc bd = {m, &base, NULL, r, br, bt};
            render_one("brief", REP_KIND_BRIEF, &bd);
        }
        ilo_trend_free(bt);
    }
out:
    ilo_brief_free(br);
    ilo_sensitivity_free(sn);
    ilo_ranking_free(rk);
    ilo_target_free(tg);
    ilo_trend_free(ta);
    ilo_trend_free(t);
    ilo_profile_free(alt);
    ilo_result_free(r);
}

/* The checkers must be able to fail: each accepts a valid sample and rejects broken ones. */
static void self_test(void)
{
    static const struct {
        rep_format f;
        const char *text;
        bool valid;
    } cases[] = {
        {REP_JSON, "{\"a\": [1, -2.5e3, true, null, \"x\\n\\u00e9\"]}\n", true},
        {REP_JSON, "{\"a\": \"line\nbreak\"}", false},
        {REP_JSON, "{\"a\": \"\\q\"}", false},
        {REP_JSON, "{\"a\": 1,}", false},
        {REP_JSON, "{\"a\": 01}", false},
        {REP_JSON, "[1] [2]", false},
        {REP_CSV, "a,b\n\"x, \"\"y\"\"\",2\n\"multi\nline\",3\n", true},
        {REP_CSV, "a,b\nx\"y,2\n", false},
        {REP_CSV, "a,b\n\"x\"y,2\n", false},
        {REP_CSV, "a,b\n1,2,3\n", false},
        {REP_CSV, "a,b\n\"open,2\n", false},
        {REP_HTML, "<!DOCTYPE html>\n<html><head><style>a>b{}</style></head><body><p class=\"x\">a &amp; b<br>"
                   "<svg><line x1=\"0\"/></svg></p></body></html>\n", true},
        {REP_HTML, "<!DOCTYPE html>\n<p>a < b</p>", false},
        {REP_HTML, "<!DOCTYPE html>\n<p>a & b</p>", false},
        {REP_HTML, "<!DOCTYPE html>\n<p><b>x</p></b>", false},
        {REP_HTML, "<!DOCTYPE html>\n<a href=\"x\"y\">z</a>", false},
        {REP_HTML, "<!DOCTYPE html>\n<p>open", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t at = 0, n = strlen(cases[i].text);
        const char *why = cases[i].f == REP_JSON  ? json_check(cases[i].text, n, &at)
                          : cases[i].f == REP_CSV ? csv_check(cases[i].text, n, &at)
                                                  : html_check(cases[i].text, n, &at);
        if ((why == NULL) != cases[i].valid) {
            fprintf(stderr, "fuzz_render: self-test %zu (%s) %s: %s\n", i, rep_format_name(cases[i].f),
                    cases[i].valid ? "rejected" : "accepted", why ? why : "");
            abort();
        }
    }
}

/* ---- libFuzzer ---- */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    tree_init("fuzz_render");
    self_test();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    size_t k = data[0] % N_FILES;
    if (write_file(k, data + 1, size - 1) != 0) abort();
    ilo_ctx_clear(ctx);
    ilo_model *m = NULL;
    size_t before = checked;
    if (ilo_model_load(dir, NULL, 0, &m, ctx) == ILO_OK) {
        ilo_ctx_clear(ctx);
        render_all(m);
    }
    if (getenv("ILO_FUZZ_VERBOSE"))
        fprintf(stderr, "fuzz_render: %s, %zu outputs checked\n", m ? "loaded" : ilo_ctx_error(ctx, 0)->msg,
                checked - before);
    ilo_model_free(m);
    if (write_file(k, (const uint8_t *)orig[k], orig_len[k]) != 0) abort();
    return 0;
}
