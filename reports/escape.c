/*
 * escape.c: escaping for each output syntax, one byte table per syntax.
 *
 * A table maps a byte to its replacement, or NULL to copy it. Bytes >= 0x80 are never replaced:
 * they belong to UTF-8 sequences the loader already validated, and every target accepts UTF-8.
 * Tables rather than switch statements so the whole rule of a syntax can be read (and tested)
 * at once, after cmark's houdini and jq's @csv / @html.
 */
#include <string.h>

#include "report.h"

typedef const char *const esc_table[256];

/* Control characters 0x01..0x1f as one replacement each, for the line-oriented formats. */
#define CONTROLS_AS(r)                                                                                   \
    [0x01] = r, [0x02] = r, [0x03] = r, [0x04] = r, [0x05] = r, [0x06] = r, [0x07] = r, [0x08] = r,     \
    [0x09] = r, [0x0a] = r, [0x0b] = r, [0x0c] = r, [0x0d] = r, [0x0e] = r, [0x0f] = r, [0x10] = r,     \
    [0x11] = r, [0x12] = r, [0x13] = r, [0x14] = r, [0x15] = r, [0x16] = r, [0x17] = r, [0x18] = r,     \
    [0x19] = r, [0x1a] = r, [0x1b] = r, [0x1c] = r, [0x1d] = r, [0x1e] = r, [0x1f] = r, [0x7f] = r

/* RFC 8259 section 7: quote, backslash and the controls must be escaped; DEL for readability. */
static esc_table json_table = {
    [0x01] = "\\u0001", [0x02] = "\\u0002", [0x03] = "\\u0003", [0x04] = "\\u0004",
    [0x05] = "\\u0005", [0x06] = "\\u0006", [0x07] = "\\u0007", [0x08] = "\\b",
    [0x09] = "\\t",     [0x0a] = "\\n",     [0x0b] = "\\u000b", [0x0c] = "\\f",
    [0x0d] = "\\r",     [0x0e] = "\\u000e", [0x0f] = "\\u000f", [0x10] = "\\u0010",
    [0x11] = "\\u0011", [0x12] = "\\u0012", [0x13] = "\\u0013", [0x14] = "\\u0014",
    [0x15] = "\\u0015", [0x16] = "\\u0016", [0x17] = "\\u0017", [0x18] = "\\u0018",
    [0x19] = "\\u0019", [0x1a] = "\\u001a", [0x1b] = "\\u001b", [0x1c] = "\\u001c",
    [0x1d] = "\\u001d", [0x1e] = "\\u001e", [0x1f] = "\\u001f", [0x7f] = "\\u007f",
    ['"'] = "\\\"",     ['\\'] = "\\\\",
};

/* RFC 4180: inside a quoted field only the quote is special (doubled). */
static esc_table csv_table = {['"'] = "\"\""};

/* Bytes that force a CSV field into quotes (besides a leading or trailing space). */
static const unsigned char csv_quote[256] = {[','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1};

static esc_table html_table = {['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;"};

static esc_table html_attr_table = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;",
};

/* GFM: `|` ends a cell even inside code spans, so it is always escaped; the others would start
 * emphasis, code, links, strikethrough or raw HTML. A table row is one line: breaks become
 * spaces. */
static esc_table md_table = {
    CONTROLS_AS(" "),
    ['|'] = "\\|", ['\\'] = "\\\\", ['`'] = "\\`", ['*'] = "\\*", ['_'] = "\\_",
    ['['] = "\\[", [']'] = "\\]",   ['<'] = "&lt;", ['>'] = "\\>", ['~'] = "\\~",
};

static esc_table text_table = {CONTROLS_AS(" ")};

static void put_table(rep_buf *b, esc_table table, const char *s)
{
    if (!s) return;
    const char *run = s;
    for (; *s; s++) {
        const char *r = table[(unsigned char)*s];
        if (!r) continue;
        rep_buf_put(b, run, (size_t)(s - run));
        rep_buf_puts(b, r);
        run = s + 1;
    }
    rep_buf_put(b, run, (size_t)(s - run));
}

void rep_put_json(rep_buf *b, const char *s)
{
    rep_buf_putc(b, '"');
    put_table(b, json_table, s);
    rep_buf_putc(b, '"');
}

static bool csv_needs_quotes(const char *s)
{
    size_t n = strlen(s);
    if (n && (s[0] == ' ' || s[n - 1] == ' ')) return true;
    for (; *s; s++)
        if (csv_quote[(unsigned char)*s]) return true;
    return false;
}

void rep_put_csv(rep_buf *b, const char *s)
{
    if (!s) return;
    if (!csv_needs_quotes(s)) {
        rep_buf_puts(b, s);
        return;
    }
    rep_buf_putc(b, '"');
    put_table(b, csv_table, s);
    rep_buf_putc(b, '"');
}

void rep_put_html(rep_buf *b, const char *s) { put_table(b, html_table, s); }

void rep_put_html_attr(rep_buf *b, const char *s) { put_table(b, html_attr_table, s); }

void rep_put_md(rep_buf *b, const char *s) { put_table(b, md_table, s); }

void rep_put_text(rep_buf *b, const char *s) { put_table(b, text_table, s); }

bool rep_url_linkable(const char *url)
{
    return url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0);
}
