/* doc.c: the report document (doc.h): nodes, values and the memory that holds them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* Strings and nodes live in blocks freed with the document; arrays that grow are realloc'd and
 * freed with their node. */
struct rep_block {
    struct rep_block *next;
    max_align_t align[];
};

static void *alloc(rep_doc *d, size_t n)
{
    if (d->failed) return NULL;
    struct rep_block *b = calloc(1, sizeof *b + n);
    if (!b) {
        d->failed = true;
        return NULL;
    }
    b->next = d->blocks;
    d->blocks = b;
    return b->align;
}

void *rep_doc_alloc(rep_doc *d, size_t n) { return alloc(d, n); }

static const char *dup(rep_doc *d, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *p = alloc(d, n);
    if (p) memcpy(p, s, n);
    return p;
}

/* Makes sure *arr has room for one more of `size` bytes; false when out of memory. */
static bool grow(rep_doc *d, void **arr, size_t *cap, size_t n, size_t size)
{
    if (d->failed) return false;
    if (n < *cap) return true;
    size_t c = *cap ? *cap * 2 : 8;
    void *p = realloc(*arr, c * size);
    if (!p) {
        d->failed = true;
        return false;
    }
    *arr = p;
    *cap = c;
    return true;
}

rep_doc *rep_doc_new(const char *kind, const char *title)
{
    rep_doc *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->schema_version = REP_SCHEMA_VERSION;
    d->root.type = REP_SECTION;
    d->root.scope = (rep_scope){"", 0, ""};
    d->detached.type = REP_SECTION;
    d->kind = dup(d, kind);
    d->title = dup(d, title);
    d->generator = "";
    return d;
}

static void free_node(rep_node *n)
{
    for (rep_node *c = n->first, *next; c; c = next) {
        next = c->next;
        free_node(c);
    }
    void *arrays[] = {n->fields, n->cols, n->cells, n->spans, n->text, n->points};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++) free(arrays[i]);
}

void rep_doc_free(rep_doc *d)
{
    if (!d) return;
    free_node(&d->root);
    free_node(&d->detached);
    for (struct rep_block *b = d->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(d);
}

bool rep_doc_ok(const rep_doc *d) { return d && !d->failed; }

/* Through rep_buf_vprintf, so that a number in a document never takes the program's locale. */
const char *rep_doc_printf(rep_doc *d, const char *fmt, ...)
{
    rep_buf b = REP_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    rep_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return rep_doc_take(d, &b);
}

const char *rep_doc_take(rep_doc *d, rep_buf *b)
{
    if (b->failed) d->failed = true;
    const char *s = dup(d, b->data ? b->data : "");
    rep_buf_free(b);
    return s;
}

const char *rep_doc_hundredths(rep_doc *d, int64_t c)
{
    rep_buf b = REP_BUF_INIT;
    rep_buf_hundredths(&b, c);
    const char *s = rep_doc_take(d, &b);
    return s ? s : ""; /* out of memory: the document is marked failed */
}

/* ---- values ---- */

rep_value rep_v_absent(void) { return (rep_value){REP_V_ABSENT}; }
rep_value rep_v_null(void) { return (rep_value){REP_V_NULL}; }
rep_value rep_v_text(const char *s) { return s ? (rep_value){REP_V_TEXT, .v.s = s} : rep_v_null(); }
rep_value rep_v_id(const char *s) { return s ? (rep_value){REP_V_ID, .v.s = s} : rep_v_null(); }
rep_value rep_v_bool(bool b) { return (rep_value){REP_V_BOOL, .v.i = b}; }
rep_value rep_v_int(int64_t i) { return (rep_value){REP_V_INT, .v.i = i}; }
rep_value rep_v_uint(uint64_t u) { return (rep_value){REP_V_UINT, .v.u = u}; }
rep_value rep_v_hundredths(int64_t c) { return (rep_value){REP_V_HUNDREDTHS, .v.i = c}; }
rep_value rep_v_fixed(double x, int decimals, int shown)
{
    return (rep_value){REP_V_FIXED, decimals, shown, .v.x = x};
}
rep_value rep_v_ids(const char *const *ids, size_t n) { return (rep_value){REP_V_IDS, .v.list = ids, .n = n}; }
rep_value rep_v_na(const char *shown) { return (rep_value){REP_V_NA, .v.s = shown}; }

rep_value rep_measured(rep_value v, const char *measure)
{
    v.measure = measure;
    return v;
}

rep_value rep_noted(rep_value v, const char *note)
{
    v.note = note;
    return v;
}

rep_value rep_plus(rep_value v)
{
    v.plus = true;
    return v;
}
rep_value rep_v_table(const rep_node *t) { return t ? (rep_value){REP_V_TABLE, .v.node = t} : rep_v_null(); }
rep_value rep_v_object(const rep_node *t) { return t ? (rep_value){REP_V_OBJECT, .v.node = t} : rep_v_null(); }

/* The value with its strings copied into d. */
static rep_value keep(rep_doc *d, rep_value v)
{
    if (v.type == REP_V_TEXT || v.type == REP_V_ID || v.type == REP_V_NA) v.v.s = dup(d, v.v.s);
    if (v.type == REP_V_IDS) {
        const char **l = alloc(d, (v.n + 1) * sizeof *l);
        for (size_t i = 0; l && i < v.n; i++) l[i] = dup(d, v.v.list[i]);
        v.v.list = l;
    }
    v.note = dup(d, v.note);
    v.measure = dup(d, v.measure);
    return v;
}

void rep_value_data(rep_buf *out, const rep_value *v)
{
    switch (v->type) {
    case REP_V_TEXT:
    case REP_V_ID: rep_buf_puts(out, v->v.s); break;
    case REP_V_BOOL: rep_buf_puts(out, v->v.i ? "true" : "false"); break;
    case REP_V_INT: rep_buf_printf(out, "%lld", (long long)v->v.i); break;
    case REP_V_UINT: rep_buf_printf(out, "%llu", (unsigned long long)v->v.u); break;
    case REP_V_HUNDREDTHS: rep_buf_hundredths(out, v->v.i); break;
    case REP_V_FIXED: rep_buf_fixed(out, v->v.x, v->decimals, ""); break;
    case REP_V_NA: rep_buf_puts(out, "NA"); break;
    case REP_V_IDS:
        for (size_t i = 0; i < v->n; i++) {
            if (i) rep_buf_puts(out, ", ");
            rep_buf_puts(out, v->v.list[i]);
        }
        break;
    default: break;
    }
}

void rep_value_text(rep_buf *out, const rep_value *v)
{
    if (v->plus && ((v->type == REP_V_HUNDREDTHS && v->v.i > 0) || (v->type == REP_V_FIXED && v->v.x > 0)))
        rep_buf_putc(out, '+');
    switch (v->type) {
    case REP_V_ABSENT: break;
    case REP_V_NULL: rep_buf_putc(out, '-'); break;
    case REP_V_NA: rep_buf_puts(out, v->v.s ? v->v.s : "-"); break;
    case REP_V_BOOL: rep_buf_puts(out, v->v.i ? "yes" : "no"); break;
    case REP_V_FIXED: rep_buf_fixed(out, v->v.x, v->shown > 0 ? v->shown : v->decimals, "-"); break;
    default: rep_value_data(out, v);
    }
}

void rep_value_put(rep_buf *out, const rep_value *v, const rep_markup *mk)
{
    rep_buf t = REP_BUF_INIT;
    rep_value_text(&t, v);
    bool id = v->type == REP_V_ID;
    rep_buf_puts(out, id ? mk->code_open : "");
    mk->escape(out, t.data ? t.data : "");
    rep_buf_puts(out, id ? mk->code_close : "");
    if (v->note) {
        if (v->type != REP_V_ABSENT) rep_buf_putc(out, ' ');
        rep_buf_puts(out, mk->note_open);
        mk->escape(out, v->note);
        rep_buf_puts(out, mk->note_close);
    }
    if (t.failed) out->failed = true;
    rep_buf_free(&t);
}

/* ---- nodes ---- */

static rep_node *add(rep_doc *d, rep_node *parent, rep_ntype type, const char *key, const char *title)
{
    if (!parent) return NULL;
    rep_node *n = alloc(d, sizeof *n);
    if (!n) return NULL;
    n->type = type;
    n->key = dup(d, key);
    n->title = dup(d, title);
    n->scope = parent->scope;
    n->audience = parent->audience;
    n->parent = parent;
    if (parent->last) parent->last->next = n;
    else parent->first = n;
    parent->last = n;
    return n;
}

const rep_field *rep_field_next(const rep_node *n, size_t *i)
{
    while (*i < n->n_fields) {
        const rep_field *f = &n->fields[(*i)++];
        if (f->label && f->value.type != REP_V_ABSENT) return f;
    }
    return NULL;
}

rep_node *rep_only(rep_node *n, rep_audience a)
{
    if (n) n->audience = a;
    return n;
}

bool rep_seen(const rep_node *n, bool people) { return n->audience == REP_ALL || (n->audience == REP_PEOPLE) == people; }

rep_node *rep_section(rep_doc *d, rep_node *parent, const char *key, const char *title)
{
    return add(d, parent, REP_SECTION, key, title);
}

rep_node *rep_fields(rep_doc *d, rep_node *parent, const char *key) { return add(d, parent, REP_FIELDS, key, NULL); }

void rep_field_add(rep_doc *d, rep_node *n, const char *key, const char *label, const char *measure, rep_value v)
{
    if (!n || !grow(d, (void **)&n->fields, &n->cap_fields, n->n_fields, sizeof *n->fields)) return;
    n->fields[n->n_fields++] = (rep_field){dup(d, key), dup(d, label), dup(d, measure), keep(d, v)};
}

void rep_fields_add(rep_doc *d, rep_node *n, const rep_field *f, size_t k)
{
    for (size_t i = 0; i < k; i++) rep_field_add(d, n, f[i].key, f[i].label, f[i].measure, f[i].value);
}

void rep_key(rep_doc *d, rep_node *parent, const char *key, rep_value v)
{
    rep_field_add(d, rep_only(rep_fields(d, parent, NULL), REP_PROGRAMS), key, NULL, NULL, v);
}

rep_node *rep_table(rep_doc *d, rep_node *parent, const char *key, const rep_column *cols, size_t n)
{
    rep_node *t = add(d, parent, REP_TABLE, key, NULL);
    if (!t) return NULL;
    t->cols = calloc(n + 1, sizeof *t->cols);
    if (!t->cols) {
        d->failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        t->cols[i] = cols[i];
        t->cols[i].key = dup(d, cols[i].key);
        t->cols[i].label = dup(d, cols[i].label);
        t->cols[i].measure = dup(d, cols[i].measure);
        t->cols[i].unit = dup(d, cols[i].unit);
    }
    t->n_cols = n;
    return t;
}

rep_node *rep_table_detached(rep_doc *d, const rep_column *cols, size_t n)
{
    return rep_table(d, &d->detached, NULL, cols, n);
}

rep_node *rep_section_array(rep_doc *d, rep_node *parent, const char *key, const char *title)
{
    rep_node *n = add(d, parent, REP_SECTION, key, title);
    if (n) n->array = true;
    return n;
}

size_t rep_row(rep_doc *d, rep_node *t)
{
    if (!t || !grow(d, (void **)&t->spans, &t->cap_rows, t->n_rows, sizeof *t->spans)) return SIZE_MAX;
    rep_value *c = realloc(t->cells, t->cap_rows * t->n_cols * sizeof *c + 1);
    if (!c) {
        d->failed = true;
        return SIZE_MAX;
    }
    t->cells = c;
    for (size_t i = 0; i < t->n_cols; i++) c[t->n_rows * t->n_cols + i] = rep_v_absent();
    t->spans[t->n_rows] = NULL;
    return t->n_rows++;
}

void rep_cell(rep_doc *d, rep_node *t, size_t row, size_t col, rep_value v)
{
    if (t && row < t->n_rows && col < t->n_cols) t->cells[row * t->n_cols + col] = keep(d, v);
}

void rep_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const rep_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++) rep_cell(d, t, row, at + i, v[i]);
}

size_t rep_row_of(rep_doc *d, rep_node *t, const rep_value *v, size_t n)
{
    size_t row = rep_row(d, t);
    rep_cells(d, t, row, 0, v, n);
    return row;
}

void rep_row_span(rep_doc *d, rep_node *t, size_t row, const char *text)
{
    if (t && row < t->n_rows) t->spans[row] = dup(d, text);
}

rep_node *rep_para(rep_doc *d, rep_node *parent, const char *key, rep_style style, const char *title)
{
    rep_node *n = add(d, parent, REP_PARA, key, title);
    if (n) n->style = style;
    return n;
}

void rep_span_add(rep_doc *d, rep_node *n, rep_mark mark, const char *text)
{
    if (!n || !grow(d, (void **)&n->text, &n->cap_text, n->n_text, sizeof *n->text)) return;
    n->text[n->n_text++] = (rep_span){mark, dup(d, text ? text : "")};
}

rep_node *rep_list(rep_doc *d, rep_node *parent, const char *key) { return add(d, parent, REP_LIST, key, NULL); }

rep_node *rep_series(rep_doc *d, rep_node *parent, const char *title, double min, double max)
{
    rep_node *n = add(d, parent, REP_SERIES, NULL, title);
    if (n) {
        n->min = min;
        n->max = max;
        n->audience = REP_PEOPLE;
    }
    return n;
}

void rep_point_add(rep_doc *d, rep_node *n, const char *label, double low, double mid, double high)
{
    if (!n || !grow(d, (void **)&n->points, &n->cap_points, n->n_points, sizeof *n->points)) return;
    n->points[n->n_points++] = (rep_point){dup(d, label), 0, low, mid, high, 0, false};
}

rep_node *rep_series_lines(rep_doc *d, rep_node *parent, const char *title, const char *alt_title,
                           const char *caption, double min, double max)
{
    rep_node *n = rep_series(d, parent, title, min, max);
    if (n) {
        n->chart = REP_CHART_LINES;
        n->alt_title = dup(d, alt_title);
        n->caption = dup(d, caption);
    }
    return n;
}

void rep_point_line(rep_doc *d, rep_node *n, double x, double y, double alt, bool hollow)
{
    if (!n || !grow(d, (void **)&n->points, &n->cap_points, n->n_points, sizeof *n->points)) return;
    n->points[n->n_points++] = (rep_point){NULL, x, 0, y, 0, alt, hollow};
}
