/*
 * csv.c: any report document as long ("tidy") CSV, RFC 4180: the projection of the values that
 * carry a measure, one row each, under the header country,year,method,measure,value. Country,
 * year and method come from the node's scope, or per table row from the columns that give them.
 * Absent and unknown values have no row. Fields are quoted only when they must be; lines end in
 * LF, which every CSV reader accepts (the one departure from the RFC's CRLF).
 */
#include <string.h>

#include "doc.h"

static void row(rep_buf *b, const rep_scope *s, const char *measure, const rep_value *v)
{
    if (!measure || !*measure || v->type == REP_V_ABSENT || v->type == REP_V_NULL) return;
    rep_put_csv(b, s->country);
    rep_buf_putc(b, ',');
    if (s->year) rep_buf_printf(b, "%d", s->year);
    rep_buf_putc(b, ',');
    rep_put_csv(b, s->method);
    rep_buf_putc(b, ',');
    rep_put_csv(b, measure);
    rep_buf_putc(b, ',');
    /* Quoting is decided on the whole field, so it is composed first. */
    rep_buf field = REP_BUF_INIT;
    rep_value_data(&field, v);
    rep_put_csv(b, field.data ? field.data : "");
    if (field.failed) b->failed = true;
    rep_buf_free(&field);
    rep_buf_putc(b, '\n');
}

/* Every row of t under scope `in`, a row's own country and year columns applied; a cell that
 * holds a table projects that table's rows under the row's scope. */
static void table(rep_buf *b, const rep_node *t, const rep_scope *in)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        const rep_value *cells = &t->cells[r * t->n_cols];
        rep_scope s = *in;
        for (size_t c = 0; c < t->n_cols; c++) {
            const rep_value *v = &cells[c];
            if (t->cols[c].scope == REP_SCOPE_COUNTRY && (v->type == REP_V_ID || v->type == REP_V_TEXT))
                s.country = v->v.s;
            if (t->cols[c].scope == REP_SCOPE_YEAR && v->type == REP_V_INT) s.year = (int)v->v.i;
        }
        for (size_t c = 0; c < t->n_cols; c++) {
            if (cells[c].type == REP_V_TABLE || cells[c].type == REP_V_OBJECT) table(b, cells[c].v.node, &s);
            else row(b, &s, cells[c].measure ? cells[c].measure : t->cols[c].measure, &cells[c]);
        }
    }
}

static void node(rep_buf *b, const rep_node *n)
{
    if (!rep_seen(n, false)) return;
    if (n->type == REP_FIELDS)
        for (size_t i = 0; i < n->n_fields; i++) row(b, &n->scope, n->fields[i].measure, &n->fields[i].value);
    if (n->type == REP_TABLE) table(b, n, &n->scope);
    for (const rep_node *c = n->first; c; c = c->next) node(b, c);
}

void rep_write_csv(rep_buf *out, const rep_doc *d)
{
    rep_buf_puts(out, "country,year,method,measure,value\n");
    node(out, &d->root);
}
