/*
 * md.c: any report document as GitHub-flavoured Markdown: the title as "#", sections one level
 * deeper per nesting, key-value blocks and tables as pipe tables (numbers aligned right, ids as
 * code), cautions as block quotes. Strings go through rep_put_md(), so data cannot open a link or
 * break a table.
 */
#include "doc.h"

static const rep_markup markup = {rep_put_md, "`", "`", "(", ")"};

static void value(rep_buf *b, const rep_value *v) { rep_value_put(b, v, &markup); }

static void spans(rep_buf *b, const rep_node *n)
{
    for (size_t i = 0; i < n->n_text; i++) {
        const rep_span *s = &n->text[i];
        const char *m = s->mark == REP_MARK_CODE ? "`" : s->mark == REP_MARK_STRONG ? "**" : "";
        rep_buf_puts(b, m);
        if (s->mark == REP_MARK_CODE) rep_buf_puts(b, s->text);
        else rep_put_md(b, s->text);
        rep_buf_puts(b, m);
    }
}

/* Items are spans; a link span ends the item before it: " <https://...>". */
static void list(rep_buf *b, const rep_node *n)
{
    size_t k = 0;
    rep_buf_putc(b, '\n');
    for (size_t i = 0; i < n->n_text; i++) {
        const rep_span *s = &n->text[i];
        if (s->mark == REP_MARK_LINK) {
            bool link = rep_url_linkable(s->text);
            rep_buf_puts(b, link ? " <" : " ");
            if (link) rep_buf_puts(b, s->text);
            else rep_put_md(b, s->text);
            rep_buf_puts(b, link ? ">" : "");
            continue;
        }
        if (k++) rep_buf_putc(b, '\n');
        if (n->style == REP_NUMBERED) rep_buf_printf(b, "%zu. ", k);
        else rep_buf_puts(b, "- ");
        rep_put_md(b, s->text);
    }
    if (k) rep_buf_putc(b, '\n');
}

static void fields(rep_buf *b, const rep_node *n)
{
    rep_buf_puts(b, "\n| | |\n|---|---|\n");
    size_t i = 0;
    for (const rep_field *f; (f = rep_field_next(n, &i));) {
        rep_buf_puts(b, "| ");
        rep_put_md(b, f->label);
        rep_buf_puts(b, " | ");
        value(b, &f->value);
        rep_buf_puts(b, " |\n");
    }
}

static void table(rep_buf *b, const rep_node *t)
{
    if (!t->n_rows) return;
    rep_buf_putc(b, '\n');
    if (t->title) rep_put_md(b, t->title);
    rep_buf_puts(b, t->title ? "\n\n" : "");
    for (int line = 0; line < 2; line++) {
        for (size_t c = 0; c < t->n_cols; c++) {
            if (!t->cols[c].label) continue;
            rep_buf_puts(b, line ? "|" : "| ");
            if (line) rep_buf_puts(b, t->cols[c].cls == REP_COL_NUMBER ? "---:" : "---");
            else rep_put_md(b, t->cols[c].label);
            if (!line) rep_buf_putc(b, ' ');
        }
        rep_buf_puts(b, "|\n");
    }
    for (size_t r = 0; r < t->n_rows; r++) {
        bool spanned = false;
        size_t done = 0;
        for (size_t c = 0; c < t->n_cols; c++) {
            if (!t->cols[c].label) continue;
            rep_buf_puts(b, "| ");
            if (spanned) continue;
            if (t->spans[r] && done++ > 0) {
                rep_put_md(b, t->spans[r]);
                rep_buf_putc(b, ' ');
                spanned = true;
                continue;
            }
            value(b, &t->cells[r * t->n_cols + c]);
            rep_buf_putc(b, ' ');
        }
        rep_buf_puts(b, "|\n");
    }
}

static void node(rep_buf *b, const rep_node *n, int level)
{
    if (!rep_seen(n, true)) return;
    switch (n->type) {
    case REP_SECTION:
        if (n->title) {
            rep_buf_putc(b, '\n');
            for (int i = 0; i < level; i++) rep_buf_putc(b, '#');
            rep_buf_putc(b, ' ');
            rep_put_md(b, n->title);
            rep_buf_putc(b, '\n');
        }
        for (const rep_node *c = n->first; c; c = c->next) node(b, c, level + (n->title != NULL));
        break;
    case REP_FIELDS: fields(b, n); break;
    case REP_TABLE: table(b, n); break;
    case REP_PARA:
        rep_buf_puts(b, n->style == REP_CAUTION ? "\n> " : "\n");
        if (n->title) {
            rep_buf_puts(b, "**");
            rep_put_md(b, n->title);
            rep_buf_puts(b, n->style == REP_CAUTION ? ".** " : ":** ");
        }
        spans(b, n);
        rep_buf_putc(b, '\n');
        break;
    case REP_LIST: list(b, n); break;
    case REP_SERIES: break;
    }
}

void rep_write_md(rep_buf *out, const rep_doc *d)
{
    rep_buf_puts(out, "# ");
    rep_put_md(out, d->title);
    rep_buf_putc(out, '\n');
    for (const rep_node *c = d->root.first; c; c = c->next) node(out, c, 2);
}
