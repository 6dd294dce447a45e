/*
 * text.c: any report document as aligned plain text for a terminal, readable in 100 columns.
 *
 * Table widths are computed from the table: every column as wide as its widest cell or label,
 * numbers right-aligned, and the last column, when it holds wrapping text, wrapped with a hanging
 * indent so nothing is cut off. Paragraphs and key-value lines wrap at 100 columns. Strings go
 * through rep_put_text(): a line break or an escape sequence in the data cannot break the layout
 * or reach the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#define WIDTH 100
#define NARROW 40 /* a free-text column narrower than NARROW / 4 goes under its row */
#define LONG 40   /* a fixed-width column wider than this goes under its row, labelled */

/* Display width of n bytes of UTF-8: one column per code point (continuation bytes skipped). */
static size_t width_of(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Writes s word-wrapped: the current line has `col` columns used, later lines start at `indent`.
 * Returns the column after the last word. Words longer than a line (URLs) stay whole. */
static size_t wrap(rep_buf *b, const char *s, size_t indent, size_t col)
{
    rep_buf clean = REP_BUF_INIT;
    rep_put_text(&clean, s);
    const char *p = clean.data ? clean.data : "";
    bool first = true;
    while (*p) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        if (e == p) break;
        size_t w = width_of(p, (size_t)(e - p));
        if (!first && col + 1 + w > WIDTH) {
            rep_buf_putc(b, '\n');
            rep_buf_pad(b, indent);
            col = indent;
        } else if (!first) {
            rep_buf_putc(b, ' ');
            col++;
        }
        rep_buf_put(b, p, (size_t)(e - p));
        col += w;
        first = false;
        p = e;
    }
    if (clean.failed) b->failed = true;
    rep_buf_free(&clean);
    return col;
}

/* A value as people read it, with its note: "10.00 (all-encompassing)". */
static void shown(rep_buf *b, const rep_value *v)
{
    rep_value_text(b, v);
    if (v->note) rep_buf_printf(b, "%s(%s)", v->type == REP_V_ABSENT ? "" : " ", v->note);
}

static void fields(rep_buf *b, const rep_node *n)
{
    size_t lw = 0;
    for (size_t i = 0; i < n->n_fields; i++)
        if (n->fields[i].label && strlen(n->fields[i].label) + 2 > lw) lw = strlen(n->fields[i].label) + 2;
    if (lw < 10) lw = 10;
    size_t i = 0;
    for (const rep_field *f; (f = rep_field_next(n, &i));) {
        rep_buf v = REP_BUF_INIT;
        shown(&v, &f->value);
        rep_put_text(b, f->label);
        rep_buf_putc(b, ':');
        rep_buf_pad(b, lw - strlen(f->label) - 1);
        wrap(b, v.data ? v.data : "", lw, lw);
        rep_buf_putc(b, '\n');
        if (v.failed) b->failed = true;
        rep_buf_free(&v);
    }
}

static void para(rep_buf *b, const rep_node *n)
{
    rep_buf s = REP_BUF_INIT;
    for (size_t i = 0; i < n->n_text; i++) rep_buf_puts(&s, n->text[i].text);
    rep_buf_putc(b, '\n');
    size_t col = 0;
    if (n->title) {
        rep_put_text(b, n->title);
        rep_buf_puts(b, ": ");
        col = width_of(n->title, strlen(n->title)) + 2;
    }
    wrap(b, s.data ? s.data : "", 0, col);
    rep_buf_putc(b, '\n');
    if (s.failed) b->failed = true;
    rep_buf_free(&s);
}

/* The people's text of every cell, row-major, then one more per row: the row's notes when it
 * has no free-text column; NULL when out of memory. The notes of fixed-width cells move to the
 * end of the row's free text (column `text`, SIZE_MAX when none) or after the row, so that a
 * number column stays as narrow as its numbers. */
static char **cell_texts(const rep_node *t, size_t text)
{
    size_t w = t->n_cols + 1, n = t->n_rows * w;
    char **s = calloc(n + 1, sizeof *s);
    for (size_t i = 0; s && i < n; i++) {
        size_t r = i / w, c = i % w;
        rep_buf v = REP_BUF_INIT;
        if (c < t->n_cols) {
            rep_value x = t->cells[r * t->n_cols + c];
            if (c != text) x.note = NULL;
            shown(&v, &x);
        }
        for (size_t k = 0; (c == text || (c == t->n_cols && text == SIZE_MAX)) && k < t->n_cols; k++) {
            const rep_value *o = &t->cells[r * t->n_cols + k];
            if (k != text && o->note && t->cols[k].label) rep_buf_printf(&v, " (%s)", o->note);
        }
        s[i] = rep_buf_detach(&v, NULL);
        if (!s[i]) {
            for (size_t j = 0; j < i; j++) free(s[j]);
            free(s);
            return NULL;
        }
    }
    return s;
}

/* The columns people see: fixed-width ones first, free text (the last text column) last; a
 * column with a cell wider than LONG (a list, a long name) goes to `longs`, to be shown under
 * each row as "Label: value". Returns how many go in the row; *n_longs gets the others. */
static size_t column_order(const rep_node *t, size_t text, const size_t *w, size_t *order, size_t *longs,
                           size_t *n_longs)
{
    size_t n = 0;
    *n_longs = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t c = 0; c < t->n_cols; c++) {
            if (!t->cols[c].label || (c == text) != (pass == 1)) continue;
            if (c != text && t->cols[c].cls != REP_COL_NUMBER && w[c] > LONG) longs[(*n_longs)++] = c;
            else order[n++] = c;
        }
    return n;
}

static void table(rep_buf *b, const rep_node *t)
{
    if (!t->n_rows) return;
    size_t *order = calloc(2 * t->n_cols + 1, sizeof *order), *w = calloc(t->n_cols + 1, sizeof *w);
    size_t text = SIZE_MAX, n_longs = 0;
    for (size_t c = 0; c < t->n_cols; c++)
        if (t->cols[c].label && t->cols[c].cls == REP_COL_TEXT) text = c;
    char **s = cell_texts(t, text);
    if (!s || !w || !order) {
        free(s);
        free(w);
        free(order);
        b->failed = true;
        return;
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        if (!t->cols[c].label) continue;
        w[c] = width_of(t->cols[c].label, strlen(t->cols[c].label));
        for (size_t r = 0; r < t->n_rows; r++) {
            const char *x = s[r * (t->n_cols + 1) + c];
            size_t cw = width_of(x, strlen(x));
            if (!t->spans[r] && cw > w[c]) w[c] = cw;
        }
    }
    size_t *longs = order + t->n_cols, n = column_order(t, text, w, order, longs, &n_longs);
    /* When some free text would wrap onto more than three lines beside the other columns, every
     * row puts its free text under it instead. */
    size_t start = 0, longest = 0;
    for (size_t k = 0; k + 1 < n; k++) start += 2 + w[order[k]];
    for (size_t r = 0; text != SIZE_MAX && r < t->n_rows; r++) {
        const char *x = s[r * (t->n_cols + 1) + text];
        if (width_of(x, strlen(x)) > longest) longest = width_of(x, strlen(x));
    }
    bool under = text != SIZE_MAX && start + 2 + longest > WIDTH &&
                 (start + 2 + NARROW / 4 > WIDTH || longest > 3 * (WIDTH - start - 2));
    rep_buf_putc(b, '\n');
    if (t->title) {
        wrap(b, t->title, 2, 0);
        rep_buf_putc(b, '\n');
    }
    for (size_t r = 0; r <= t->n_rows; r++) {
        size_t col = 0;
        for (size_t k = 0; k < n; k++) {
            size_t c = order[k];
            const char *x = r == 0 ? t->cols[c].label : s[(r - 1) * (t->n_cols + 1) + c];
            bool right = t->cols[c].cls == REP_COL_NUMBER, last = k + 1 == n;
            size_t xw = width_of(x, strlen(x));
            rep_buf_puts(b, "  ");
            col += 2;
            if (r > 0 && t->spans[r - 1] && k > 0) {
                wrap(b, t->spans[r - 1], col, col);
                break;
            }
            if (last && t->cols[c].cls == REP_COL_TEXT) {
                if (under && r > 0) {
                    while (b->len && b->data[b->len - 1] == ' ') b->len--;
                    rep_buf_putc(b, '\n');
                    rep_buf_pad(b, 4);
                    col = 4;
                }
                wrap(b, x, col, col);
                break;
            }
            if (right) rep_buf_pad(b, w[c] - xw);
            rep_put_text(b, x);
            if (!right && !last) rep_buf_pad(b, w[c] - xw);
            col += w[c];
            const char *tail = r > 0 ? s[(r - 1) * (t->n_cols + 1) + t->n_cols] : "";
            if (last && *tail) {
                rep_buf_putc(b, ' ');
                wrap(b, tail, col + 2, col + 1);
            }
        }
        while (b->len && b->data[b->len - 1] == ' ') b->len--; /* an empty last cell */
        rep_buf_putc(b, '\n');
        for (size_t k = 0; r > 0 && !t->spans[r - 1] && k < n_longs; k++) {
            const char *x = s[(r - 1) * (t->n_cols + 1) + longs[k]];
            if (!*x) continue;
            rep_buf_pad(b, 4);
            rep_put_text(b, t->cols[longs[k]].label);
            rep_buf_puts(b, ": ");
            wrap(b, x, 6, 6 + width_of(t->cols[longs[k]].label, strlen(t->cols[longs[k]].label)));
            rep_buf_putc(b, '\n');
        }
    }
    for (size_t i = 0; i < t->n_rows * (t->n_cols + 1); i++) free(s[i]);
    free(s);
    free(w);
    free(order);
}

/* Items are spans; a link span belongs to the item before it, on a line of its own. Numbered
 * lists are citations: "  [1]   text". */
static void list(rep_buf *b, const rep_node *n)
{
    bool numbered = n->style == REP_NUMBERED;
    size_t ind = numbered ? 8 : 4, k = 0;
    rep_buf_putc(b, '\n');
    for (size_t i = 0; i < n->n_text; i++) {
        if (n->text[i].mark == REP_MARK_LINK) {
            rep_buf_pad(b, ind);
            rep_put_text(b, n->text[i].text);
            rep_buf_putc(b, '\n');
            continue;
        }
        char mark[32];
        snprintf(mark, sizeof mark, numbered ? "  [%zu]" : "  -", ++k);
        rep_buf_puts(b, mark);
        rep_buf_pad(b, ind - strlen(mark));
        wrap(b, n->text[i].text, ind, ind);
        rep_buf_putc(b, '\n');
    }
}

static const rep_node *first_seen(const rep_node *parent)
{
    const rep_node *c = parent->first;
    while (c && !rep_seen(c, true)) c = c->next;
    return c;
}

static void node(rep_buf *b, const rep_node *n)
{
    if (!rep_seen(n, true)) return;
    switch (n->type) {
    case REP_SECTION:
        if (n->title) {
            rep_buf_putc(b, '\n');
            wrap(b, n->title, 0, 0);
            rep_buf_putc(b, '\n');
        }
        for (const rep_node *c = n->first; c; c = c->next) node(b, c);
        break;
    case REP_FIELDS:
        /* The first block of key-value lines goes under the title; later ones are set apart. */
        if (n != first_seen(n->parent)) rep_buf_putc(b, '\n');
        fields(b, n);
        break;
    case REP_TABLE: table(b, n); break;
    case REP_PARA: para(b, n); break;
    case REP_LIST: list(b, n); break;
    case REP_SERIES: break; /* the tables beside it hold the same numbers */
    }
}

void rep_write_text(rep_buf *out, const rep_doc *d)
{
    wrap(out, d->title, 0, 0);
    rep_buf_putc(out, '\n');
    for (const rep_node *c = d->root.first; c; c = c->next) node(out, c);
}
