/*
 * json.c: any report document as JSON (docs/reports.md): indented by two spaces, the header
 * (schema_version, document, generator) then the programs' nodes in document order. A keyed
 * section or key-value block is an object, a table an array of objects (a column key "a/b" puts
 * b in an object a), a keyed paragraph a string, a list an array of strings. Numbers are typed
 * (hundredths and fixed decimals printed exactly, never through the locale); unknown is null;
 * an absent value leaves its key out.
 */
#include <math.h>
#include <string.h>

#include "doc.h"

#define MAX_DEPTH 32

typedef struct jw {
    rep_buf *b;
    int depth;
    bool first[MAX_DEPTH];
    bool after_key;
} jw;

/* What comes before a value: nothing after a key, else a comma (unless first) and a new line. */
static void sep(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) return;
    if (!w->first[w->depth]) rep_buf_putc(w->b, ',');
    w->first[w->depth] = false;
    rep_buf_putc(w->b, '\n');
    rep_buf_pad(w->b, 2 * (size_t)w->depth);
}

static void open_(jw *w, char c)
{
    sep(w);
    rep_buf_putc(w->b, c);
    if (w->depth + 1 < MAX_DEPTH) w->depth++;
    w->first[w->depth] = true;
}

static void close_(jw *w, char c)
{
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty) {
        rep_buf_putc(w->b, '\n');
        rep_buf_pad(w->b, 2 * (size_t)w->depth);
    }
    rep_buf_putc(w->b, c);
    if (w->depth == 0) rep_buf_putc(w->b, '\n');
}

static void key(jw *w, const char *k, size_t n)
{
    sep(w);
    rep_buf t = REP_BUF_INIT;
    rep_buf_put(&t, k, n);
    rep_put_json(w->b, t.data ? t.data : "");
    if (t.failed) w->b->failed = true;
    rep_buf_free(&t);
    rep_buf_puts(w->b, ": ");
    w->after_key = true;
}

static void rows(jw *w, const rep_node *t);
static void object(jw *w, const rep_node *t, size_t r);

static void value(jw *w, const rep_value *v)
{
    if (v->type == REP_V_TABLE) {
        rows(w, v->v.node);
        return;
    }
    if (v->type == REP_V_OBJECT) {
        object(w, v->v.node, 0);
        return;
    }
    if (v->type == REP_V_IDS) {
        open_(w, '[');
        for (size_t i = 0; i < v->n; i++) {
            sep(w);
            rep_put_json(w->b, v->v.list[i]);
        }
        close_(w, ']');
        return;
    }
    sep(w);
    if (v->type == REP_V_TEXT || v->type == REP_V_ID) rep_put_json(w->b, v->v.s);
    else if (v->type == REP_V_NULL || v->type == REP_V_NA || (v->type == REP_V_FIXED && !isfinite(v->v.x))) rep_buf_puts(w->b, "null");
    else rep_value_data(w->b, v);
}

/* Key-value pairs in order; a key "a/b/c" opens (or continues) object a and in it object b.
 * The objects open are the first `depth` segments of `open`. */
#define MAX_NEST 4
typedef struct pairs {
    jw *w;
    const char *open[MAX_NEST];
    size_t len[MAX_NEST], depth;
} pairs;

static void pair(pairs *p, const char *k, const rep_value *v)
{
    if (!k || v->type == REP_V_ABSENT) return;
    const char *seg[MAX_NEST + 1];
    size_t len[MAX_NEST + 1], n = 0;
    for (const char *s = k;; n++) {
        const char *slash = strchr(s, '/');
        seg[n] = s;
        len[n] = slash ? (size_t)(slash - s) : strlen(s);
        if (!slash || n == MAX_NEST) break;
        s = slash + 1;
    }
    size_t same = 0; /* objects already open that this key shares */
    while (same < p->depth && same < n && len[same] == p->len[same] && strncmp(seg[same], p->open[same], len[same]) == 0)
        same++;
    while (p->depth > same) {
        close_(p->w, '}');
        p->depth--;
    }
    for (; p->depth < n; p->depth++) {
        key(p->w, seg[p->depth], len[p->depth]);
        open_(p->w, '{');
        p->open[p->depth] = seg[p->depth];
        p->len[p->depth] = len[p->depth];
    }
    key(p->w, seg[n], strlen(seg[n]));
    value(p->w, v);
}

static void pairs_end(pairs *p)
{
    while (p->depth) {
        close_(p->w, '}');
        p->depth--;
    }
}

static void children(jw *w, const rep_node *n);

/* Row r of a table as an object; a table's rows as an array of objects. */
static void object(jw *w, const rep_node *t, size_t r)
{
    open_(w, '{');
    pairs p = {w, {NULL}, {0}, 0};
    for (size_t c = 0; r < t->n_rows && c < t->n_cols; c++) pair(&p, t->cols[c].key, &t->cells[r * t->n_cols + c]);
    pairs_end(&p);
    close_(w, '}');
}

static void rows(jw *w, const rep_node *t)
{
    open_(w, '[');
    for (size_t r = 0; r < t->n_rows; r++) object(w, t, r);
    close_(w, ']');
}

static void para(jw *w, const rep_node *n)
{
    rep_buf s = REP_BUF_INIT;
    for (size_t i = 0; i < n->n_text; i++) rep_buf_puts(&s, n->text[i].text);
    key(w, n->key, strlen(n->key));
    sep(w);
    rep_put_json(w->b, s.data ? s.data : "");
    if (s.failed) w->b->failed = true;
    rep_buf_free(&s);
}

static void node(jw *w, const rep_node *n)
{
    if (!rep_seen(n, false)) return;
    switch (n->type) {
    case REP_SECTION:
        if (n->array && n->key) {
            key(w, n->key, strlen(n->key));
            open_(w, '[');
            for (const rep_node *c = n->first; c; c = c->next) {
                if (!rep_seen(c, false) || c->type != REP_SECTION) continue;
                open_(w, '{');
                children(w, c);
                close_(w, '}');
            }
            close_(w, ']');
            break;
        }
        /* fall through */
    case REP_FIELDS:
        if (n->key) {
            key(w, n->key, strlen(n->key));
            open_(w, '{');
        }
        if (n->type == REP_SECTION) {
            children(w, n);
        } else {
            pairs p = {w, {NULL}, {0}, 0};
            for (size_t i = 0; i < n->n_fields; i++) pair(&p, n->fields[i].key, &n->fields[i].value);
            pairs_end(&p);
        }
        if (n->key) close_(w, '}');
        break;
    case REP_TABLE:
        if (!n->key) break;
        key(w, n->key, strlen(n->key));
        rows(w, n);
        break;
    case REP_PARA:
        if (n->key) para(w, n);
        break;
    case REP_LIST:
        if (!n->key) break;
        key(w, n->key, strlen(n->key));
        open_(w, '[');
        for (size_t i = 0; i < n->n_text; i++) {
            sep(w);
            rep_put_json(w->b, n->text[i].text);
        }
        close_(w, ']');
        break;
    case REP_SERIES: break;
    }
}

static void children(jw *w, const rep_node *n)
{
    for (const rep_node *c = n->first; c; c = c->next) node(w, c);
}

void rep_write_json(rep_buf *out, const rep_doc *d)
{
    jw w = {out, 0, {false}, false};
    open_(&w, '{');
    pairs head = {&w, {NULL}, {0}, 0};
    pair(&head, "schema_version", &(rep_value){REP_V_INT, .v.i = d->schema_version});
    pair(&head, "document", &(rep_value){REP_V_TEXT, .v.s = d->kind});
    pair(&head, "generator", &(rep_value){REP_V_TEXT, .v.s = d->generator});
    children(&w, &d->root);
    close_(&w, '}');
}
