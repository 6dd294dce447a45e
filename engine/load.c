/*
 * load.c: reads a data tree into an ilo_model and validates it.
 *
 * files.c reads each file and has it parsed by libconfig on a second thread and flattened into
 * a doc (doc.c; the tree is destroyed at once, and a few docs at most exist); this file checks
 * each doc, in file order, key by key against a schema (unknown keys, missing keys, wrong types, empty strings, bad dates are errors) and
 * copied into the model's arena, in file order, on the calling thread. References between
 * records may cross files, so they are recorded as fixups and resolved once everything is read;
 * after that every id is an index and evaluation never compares strings.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A reference to resolve after loading: the slot is either a stable arena pointer or an element
 * field of a growable vector (whose address may still move). */
typedef struct fixup {
    int ns;
    const char *id, *file, *what;
    int line;
    size_t *direct;
    void **vbase;
    size_t index, elem, off;
} fixup;

typedef struct rule {
    const char *from, *to, *file;
    int line;
} rule;

typedef struct loader {
    ilo_model *m;
    ilo_arena *A;
    ilo_ctx *ctx;
    const char *file;
    size_t cap[ILO_NS__COUNT];
    size_t cap_items;
    fixup *fix;
    size_t n_fix, cap_fix;
    rule *rules;
    size_t n_rules, cap_rules;
    bool oom;
    struct scen_src { size_t first, end, scenario; } *scen_sources;
    size_t n_scen_sources, cap_scen_sources;
    size_t owner; /* country index of the file being read, SIZE_MAX outside profiles */
    /* Ids of records rejected (and reported) before they were registered: a reference to one of
     * them is not reported again as unknown. */
    ilo_hash rejected[ILO_NS__COUNT];
    /* A file or a required folder could not be read, or a file was rejected as a whole: any
     * reference may point into it, so unknown references are not reported (they would be noise
     * after the error that matters). */
    bool broken;
    size_t cap_vintages;
    /* The ids a source's `examines` names (criteria or groups), resolved by resolve_examines()
     * once the catalogue is complete: a catalogue file may list sources before criteria. */
    struct exam_ref { size_t source; const char *id, *file; int line; } *exam;
    size_t n_exam, cap_exam;
} loader;

enum ftype { T_STR, T_INT, T_NUM, T_BOOL, T_STRS, T_LIST, T_GROUP };
typedef struct field {
    const char *name;
    enum ftype t;
    bool req;
} field;

#define NF(a) (sizeof(a) / sizeof((a)[0]))

/* The loader's view of a node (doc.c), with libconfig's semantics for the getters it replaces:
 * a length is 0 for a scalar; a number of the other kind converts (the files are read with
 * libconfig's auto-conversion on). */
static int node_type(const ilo_node *s) { return s->type; }
static int node_length(const ilo_node *s) { return (int)s->n; }
static const ilo_node *node_elem(const ilo_node *s, unsigned i) { return i < s->n ? &s->kids.p[i] : NULL; }
static const char *node_name(const ilo_node *s) { return s->name.p; }
static const char *node_string(const ilo_node *s) { return s->type == ILO_NODE_STRING ? s->v.s : NULL; }
static int node_line(const ilo_node *s) { return (int)s->line; }
static bool node_bool(const ilo_node *s) { return s->type == ILO_NODE_BOOL && s->v.b; }
static long long node_int64(const ilo_node *s)
{
    if (s->type == ILO_NODE_INT || s->type == ILO_NODE_INT64) return s->v.i;
    return s->type == ILO_NODE_FLOAT ? (long long)s->v.f : 0;
}
static double node_float(const ilo_node *s)
{
    if (s->type == ILO_NODE_FLOAT) return s->v.f;
    return s->type == ILO_NODE_INT || s->type == ILO_NODE_INT64 ? (double)s->v.i : 0;
}

/* The member `name` of group s, or NULL. */
static const ilo_node *member(const ilo_node *s, const char *name)
{
    if (!s || s->type != ILO_NODE_GROUP) return NULL;
    for (uint32_t i = 0; i < s->n; i++) {
        const char *cn = s->kids.p[i].name.p;
        /* The first byte rejects most members without a call (keys rarely share one). */
        if (cn && cn[0] == name[0] && strcmp(cn, name) == 0) return &s->kids.p[i];
    }
    return NULL;
}

static int line_of(const ilo_node *s) { return s ? (int)node_line(s) : 0; }

static void err(loader *l, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err(loader *l, int line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ilo_ctx_set(l->ctx, ILO_ERR_INVALID, l->file, line, "%s", msg);
}

/* A value from the data as it may appear between quotes in a message: '"', '\\', control bytes
 * and bytes that are not valid UTF-8 are escaped (\\n, \\xNN), and a value longer than about 60
 * bytes is cut with "...", so that no value can break the one-line "FILE:LINE: message" form.
 * buf must hold ESC_MAX bytes. */
#define ESC_MAX 80
static const char *esc(char *buf, const char *s)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (o > ESC_MAX - 10) {
            memcpy(buf + o, "...", 4);
            return buf;
        }
        unsigned c = *p;
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (c == '"' || c == '\\') {
            buf[o++] = '\\';
            buf[o++] = (char)c;
            p++;
        } else if (c == '\n' || c == '\t') {
            buf[o++] = '\\';
            buf[o++] = c == '\n' ? 'n' : 't';
            p++;
        } else if (len == 1 && c >= 0x20 && c != 0x7f) {
            buf[o++] = (char)c;
            p++;
        } else if (len > 1 && strnlen((const char *)p, len) == len && ilo_utf8_valid((const char *)p, len)) {
            memcpy(buf + o, p, len);
            o += len;
            p += len;
        } else {
            o += (size_t)snprintf(buf + o, 5, "\\x%02x", c);
            p++;
        }
    }
    buf[o] = '\0';
    return buf;
}

static void *alloc(loader *l, size_t n)
{
    void *p = ilo_arena_alloc(l->A, n ? n : 1);
    if (!p && !l->oom) {
        l->oom = true;
        ilo_ctx_set(l->ctx, ILO_ERR_NOMEM, l->file, 0, "out of memory");
    }
    return p;
}

static const char *type_name(enum ftype t)
{
    switch (t) {
    case T_STR: return "a string";
    case T_INT: return "an integer";
    case T_NUM: return "a number";
    case T_BOOL: return "true or false";
    case T_STRS: return "a list of strings";
    case T_LIST: return "a list of groups";
    case T_GROUP: return "a group";
    }
    return "?";
}

static bool type_ok(const ilo_node *s, enum ftype t)
{
    int ty = node_type(s);
    switch (t) {
    case T_STR: return ty == ILO_NODE_STRING;
    case T_INT: return ty == ILO_NODE_INT || ty == ILO_NODE_INT64;
    case T_NUM: return ty == ILO_NODE_INT || ty == ILO_NODE_INT64 || ty == ILO_NODE_FLOAT;
    case T_BOOL: return ty == ILO_NODE_BOOL;
    case T_GROUP: return ty == ILO_NODE_GROUP;
    case T_STRS:
    case T_LIST:
        if (ty != ILO_NODE_ARRAY && ty != ILO_NODE_LIST) return false;
        for (int i = 0; i < node_length(s); i++) {
            int et = node_type(node_elem(s, (unsigned)i));
            if (t == T_STRS ? et != ILO_NODE_STRING : et != ILO_NODE_GROUP) return false;
        }
        return true;
    }
    return false;
}

/* Checks that s is a group whose keys are all in f, of the right types, with every required key
 * present. Reports every problem; returns true when there was none. When slot is not NULL, slot[k]
 * gets the member named f[k].name, or NULL: this walk finds every member anyway, so a record's
 * getters take their member from the slot instead of scanning the group again with member()
 * (a dozen scans per provision or incident). */
static bool check_keys_at(loader *l, const ilo_node *s, const char *what, const field *f, size_t n,
                          const ilo_node **slot)
{
    bool ok = true;
    if (slot)
        for (size_t k = 0; k < n; k++) slot[k] = NULL;
    if (node_type(s) != ILO_NODE_GROUP) {
        err(l, line_of(s), "%s must be a group { ... }", what);
        return false;
    }
    /* Which fields are present, so that required keys need no member() scan of their own
     * (libconfig refuses a duplicate name in a group, so a name matches one member at most). */
    unsigned long long seen = 0;
    for (int i = 0; i < node_length(s); i++) {
        const ilo_node *c = node_elem(s, (unsigned)i);
        const char *name = node_name(c);
        size_t k = 0;
        while (k < n && (f[k].name[0] != name[0] || strcmp(f[k].name, name) != 0)) k++;
        if (k < n && k < 64) seen |= 1ull << k;
        if (k < n && slot) slot[k] = c;
        if (k == n) {
            err(l, line_of(c), "unknown key \"%s\" in %s", name, what);
            ok = false;
        } else if (!type_ok(c, f[k].t)) {
            err(l, line_of(c), "\"%s\" in %s must be %s", name, what, type_name(f[k].t));
            ok = false;
        } else if ((f[k].t == T_STRS || f[k].t == T_LIST) && node_length(c) > ILO_MAX_LIST) {
            ilo_ctx_set(l->ctx, ILO_ERR_LIMIT, l->file, line_of(c), "\"%s\" in %s has more than %d entries",
                        name, what, ILO_MAX_LIST);
            ok = false;
        }
    }
    for (size_t k = 0; k < n; k++) {
        if (f[k].req && !(k < 64 ? (seen >> k) & 1 : member(s, f[k].name) != NULL)) {
            err(l, line_of(s), "%s is missing required key \"%s\"", what, f[k].name);
            ok = false;
        }
    }
    return ok;
}

static bool check_keys(loader *l, const ilo_node *s, const char *what, const field *f, size_t n)
{
    return check_keys_at(l, s, what, f, n, NULL);
}

/* Remembers the id (member `key`) of record s, rejected with an error already reported. */
static void reject(loader *l, const ilo_node *s, const char *key, int ns)
{
    const ilo_node *c = node_type(s) == ILO_NODE_GROUP ? member(s, key) : NULL;
    const char *v = c && node_type(c) == ILO_NODE_STRING ? node_string(c) : NULL;
    if (!v || !*v || ilo_hash_get(&l->rejected[ns], v) != SIZE_MAX) return;
    char *copy = ilo_arena_strdup(l->A, v);
    size_t prev;
    if (!copy || !ilo_hash_add(&l->rejected[ns], copy, 0, &prev)) alloc(l, SIZE_MAX / 2);
}

/* check_keys() for a record with an id: on failure the id is remembered as rejected. */
static bool record_keys(loader *l, const ilo_node *s, const char *what, const field *f, size_t n,
                        const char *key, int ns)
{
    if (check_keys(l, s, what, f, n)) return true;
    reject(l, s, key, ns);
    return false;
}

/* True when an unknown reference to id in namespace ns is worth reporting. */
static bool report_unknown(const loader *l, int ns, const char *id)
{
    return !l->broken && ilo_hash_get(&l->rejected[ns], id) == SIZE_MAX;
}

/* Validates one string value; the value (libconfig's, not a copy) or NULL on error (reported).
 * *len gets its length, so that a caller copying it needs no second strlen(). */
static const char *valid_str_n(loader *l, const ilo_node *c, const char *name, const char *what, size_t *len)
{
    const char *v = node_string(c);
    size_t n = *len = c->len; /* measured when the file was parsed */
    if (n == 0) {
        err(l, line_of(c), "\"%s\" in %s must not be empty", name, what);
        return NULL;
    }
    if (n > ILO_MAX_STRING) {
        ilo_ctx_set(l->ctx, ILO_ERR_LIMIT, l->file, line_of(c), "\"%s\" in %s is longer than %d bytes",
                    name, what, ILO_MAX_STRING);
        return NULL;
    }
    if (!ilo_utf8_valid(v, n)) {
        err(l, line_of(c), "\"%s\" in %s is not valid UTF-8", name, what);
        return NULL;
    }
    return v;
}

static const char *valid_str(loader *l, const ilo_node *c, const char *name, const char *what)
{
    size_t n;
    return valid_str_n(l, c, name, what, &n);
}

/* Validates and copies one string value; NULL on error (reported). */
static const char *copy_str(loader *l, const ilo_node *c, const char *name, const char *what)
{
    size_t n; /* the length valid_str_n() measured: no second strlen() */
    const char *v = valid_str_n(l, c, name, what, &n);
    if (!v) return NULL;
    char *p = alloc(l, n + 1);
    if (p) memcpy(p, v, n + 1);
    return p;
}

/* A reference in value c: validated, then resolved at once when its target is already
 * registered (most are: the catalogue is read before the profiles, a profile's sources before
 * its items), which spares a fixup and a copy of the id per reference, most of the loader's
 * memory. Returns the index, or SIZE_MAX with *defer set to the id's arena copy when the target
 * may come later (NULL after an error, reported). */
static size_t ref_now(loader *l, const ilo_node *c, const char *key, int ns, const char *what,
                      const char **defer)
{
    *defer = NULL;
    const char *v = valid_str(l, c, key, what);
    if (!v) return SIZE_MAX;
    size_t idx = ilo_hash_get(&l->m->priv->ns[ns], v);
    if (idx == SIZE_MAX) *defer = copy_str(l, c, key, what);
    return idx;
}

/* The copy of string member c (already type-checked) named `name`, or NULL when absent or invalid. */
static const char *str_at(loader *l, const ilo_node *c, const char *name, const char *what)
{
    return c ? copy_str(l, c, name, what) : NULL;
}

/* The string member `name` of s (already type-checked), or NULL when absent or invalid. */
static const char *str(loader *l, const ilo_node *s, const char *name, const char *what)
{
    return str_at(l, member(s, name), name, what);
}

static bool id_ok(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > ILO_MAX_ID) return false;
    for (const char *p = id; *p; p++) {
        char ch = *p;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '_' || ch == ':' || ch == '+' || ch == '-'))
            return false;
    }
    return true;
}

static const char *ns_name(int ns)
{
    static const char *const names[ILO_NS__COUNT] = {"source", "convention", "group", "criterion", "method",
                                                     "regime", "country", "provision or incident",
                                                     "scenario", "event", "conflict", "recommendation"};
    return names[ns];
}

static ilo_where ns_where(const loader *l, int ns, size_t i)
{
    const ilo_model *m = l->m;
    ilo_where none = {"", 0};
    switch (ns) {
    case ILO_NS_SOURCE: return m->sources[i].where;
    case ILO_NS_CONVENTION: return m->conventions[i].where;
    case ILO_NS_GROUP: return m->groups[i].where;
    case ILO_NS_CRITERION: return m->criteria[i].where;
    case ILO_NS_METHOD: return m->methods[i].where;
    case ILO_NS_REGIME: return m->regimes[i].where;
    case ILO_NS_COUNTRY: return m->countries[i].where;
    case ILO_NS_ITEM: return m->items[i].where;
    case ILO_NS_SCENARIO: return m->scenarios[i].where;
    default: return none;
    }
}

/* Reads the id of a record (its member c, named key), checks its form and registers it in
 * namespace ns at index idx. Returns the arena copy, or NULL on error (reported). */
static const char *reg_id_at(loader *l, const ilo_node *c, const char *key, int ns, size_t idx,
                             const char *what)
{
    const char *id = str_at(l, c, key, what);
    if (!id) return NULL;
    if (!id_ok(id)) {
        char q[ESC_MAX];
        err(l, line_of(c), "%s id \"%s\" must be 1 to %d characters of A-Z a-z 0-9 . _ : + -", what, esc(q, id),
            ILO_MAX_ID);
        return NULL;
    }
    size_t prev;
    if (!ilo_hash_add(&l->m->priv->ns[ns], id, idx, &prev)) {
        alloc(l, SIZE_MAX / 2);
        return NULL;
    }
    if (prev != SIZE_MAX) {
        ilo_where w = ns_where(l, ns, prev);
        if (w.file && w.file[0])
            err(l, line_of(c), "duplicate %s id \"%s\" (first defined at %s:%d)", ns_name(ns), id, w.file, w.line);
        else
            err(l, line_of(c), "duplicate %s id \"%s\"", ns_name(ns), id);
        return NULL;
    }
    return id;
}

static const char *reg_id(loader *l, const ilo_node *s, const char *key, int ns, size_t idx, const char *what)
{
    return reg_id_at(l, member(s, key), key, ns, idx, what);
}

static void add_fixup(loader *l, fixup f)
{
    if (!ilo_grow((void **)&l->fix, &l->cap_fix, l->n_fix, sizeof *l->fix)) {
        alloc(l, SIZE_MAX / 2);
        return;
    }
    l->fix[l->n_fix++] = f;
}

/* A single reference stored in a field of element `index` of vector *vbase. */
static void ref_field(loader *l, const ilo_node *s, const char *key, int ns, void **vbase, size_t index,
                      size_t elem, size_t off, const char *what)
{
    const ilo_node *c = member(s, key);
    const char *id = NULL;
    *(size_t *)((char *)*vbase + index * elem + off) = c ? ref_now(l, c, key, ns, what, &id) : SIZE_MAX;
    if (!id) return;
    add_fixup(l, (fixup){ns, id, l->file, ns_name(ns), line_of(c), NULL, vbase, index, elem, off});
}

/* A single reference stored at a stable address. */
static void ref_direct(loader *l, const ilo_node *s, const char *key, int ns, size_t *slot, const char *what)
{
    const ilo_node *c = member(s, key);
    const char *id = NULL;
    *slot = c ? ref_now(l, c, key, ns, what, &id) : SIZE_MAX;
    if (!id) return;
    add_fixup(l, (fixup){ns, id, l->file, ns_name(ns), line_of(c), slot, NULL, 0, 0, 0});
}

/* A list of references (member c, named key, or NULL when absent); *out gets an arena array of
 * *n slots. `min` is the least entries. */
static void ref_list_at(loader *l, const ilo_node *c, const char *key, int ns, size_t **out, size_t *n,
                        size_t min, const char *what)
{
    *out = NULL;
    *n = 0;
    if (!c) return;
    size_t len = (size_t)node_length(c);
    if (len < min) {
        err(l, line_of(c), "\"%s\" in %s must list at least %zu %s", key, what, min, ns_name(ns));
        return;
    }
    size_t *arr = alloc(l, len * sizeof *arr);
    if (!arr) return;
    for (size_t i = 0; i < len; i++) {
        const ilo_node *e = node_elem(c, (unsigned)i);
        const char *id;
        arr[i] = ref_now(l, e, key, ns, what, &id);
        if (id) add_fixup(l, (fixup){ns, id, l->file, ns_name(ns), line_of(e), &arr[i], NULL, 0, 0, 0});
    }
    *out = arr;
    *n = len;
}

static void ref_list(loader *l, const ilo_node *s, const char *key, int ns, size_t **out, size_t *n,
                     size_t min, const char *what)
{
    ref_list_at(l, member(s, key), key, ns, out, n, min, what);
}

/* A date member (c, named key); absent (NULL) leaves *d with prec ILO_DATE_NONE. Returns false on
 * a bad date. */
static bool date_at(loader *l, const ilo_node *c, const char *key, ilo_date *d, const char *what)
{
    memset(d, 0, sizeof *d);
    if (!c) return true;
    const char *v = node_string(c);
    if (!ilo_date_parse(v, d)) {
        char q[ESC_MAX];
        err(l, line_of(c), "invalid date \"%s\" for \"%s\" in %s (expected a real date as YYYY-MM-DD, YYYY-MM or YYYY, years %d-%d)",
            esc(q, v), key, what, ILO_YEAR_MIN, ILO_YEAR_MAX);
        return false;
    }
    return true;
}

static bool date_of(loader *l, const ilo_node *s, const char *key, ilo_date *d, const char *what)
{
    return date_at(l, member(s, key), key, d, what);
}

/* An integer member that must lie in lo..hi (checked on the 64-bit value, before it is narrowed
 * to int); absent gives dflt; out of range is reported as "`label` N is out of range lo-hi" and
 * gives 0. */
static int int_in(loader *l, const ilo_node *s, const char *key, int lo, int hi, int dflt, const char *label)
{
    const ilo_node *c = member(s, key);
    if (!c) return dflt;
    long long v = node_int64(c);
    if (v < lo || v > hi) {
        err(l, line_of(c), "%s %lld is out of range %d-%d", label, v, lo, hi);
        return 0;
    }
    return (int)v;
}

static bool bool_of(const ilo_node *s, const char *key, bool dflt)
{
    const ilo_node *c = member(s, key);
    return c ? node_bool(c) != 0 : dflt;
}

static double num_of(const ilo_node *s, const char *key, double dflt)
{
    const ilo_node *c = member(s, key);
    if (!c) return dflt;
    return node_type(c) == ILO_NODE_FLOAT ? node_float(c)
                                                       : (double)node_int64(c);
}

/* Checks an enumerated string; returns its index in vals or -1 (reported). */
static int enum_of(loader *l, const ilo_node *s, const char *key, const char *const *vals, size_t n,
                   const char *what)
{
    const ilo_node *c = member(s, key);
    if (!c) return -1;
    const char *v = node_string(c);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v, vals[i]) == 0) return (int)i;
    char allowed[256] = "";
    for (size_t i = 0; i < n; i++) {
        strncat(allowed, i ? ", " : "", sizeof allowed - strlen(allowed) - 1);
        strncat(allowed, vals[i], sizeof allowed - strlen(allowed) - 1);
    }
    char q[ESC_MAX];
    err(l, line_of(c), "\"%s\" in %s must be one of %s, not \"%s\"", key, what, allowed, esc(q, v));
    return -1;
}

static ilo_where here(loader *l, const ilo_node *s) { return (ilo_where){l->file, line_of(s)}; }

/* Makes room for element n of a model vector and zeroes that element only. Unlike ilo_grow() it
 * leaves the spare capacity untouched: memory never written is never faulted in, which at 1x
 * benchmark scale spared about 1,500 page faults (items and sources doubling past their count). */
static bool grow_one(void **base, size_t *cap, size_t n, size_t elem)
{
    if (n >= *cap) {
        size_t c = *cap ? *cap : 16;
        while (c <= n) c *= 2;
        void *p = realloc(*base, c * elem);
        if (!p) return false;
        *base = p;
        *cap = c;
    }
    /* A big vector is prefaulted a window ahead of its use: when element n is the first to start
     * in a new 256 KB window, the next window's worth of pages (within the capacity) is mapped
     * in one call, instead of a fault per page (3,300 at 1x benchmark scale). */
    const size_t win = (size_t)256 << 10;
    size_t off = n * elem, bytes = *cap * elem;
    if (bytes >= win && off % win < elem) ilo_prefault((char *)*base + off, bytes - off < win ? bytes - off : win);
    memset((char *)*base + off, 0, elem);
    return true;
}

#define GROW(l, vec, cnt, ns)                                                                  \
    (grow_one((void **)&(l)->m->vec, &(l)->cap[ns], (l)->m->cnt, sizeof *(l)->m->vec)          \
         ? true                                                                                \
         : (alloc((l), SIZE_MAX / 2), false))

/* ---------------------------------------------------------------------------------------- */
/* Records                                                                                  */
/* ---------------------------------------------------------------------------------------- */

/* Records the ids of a source's `examines` (member c, a list of strings) for resolve_examines(). */
static void examines_at(loader *l, const ilo_node *c, size_t source)
{
    if (!c) return;
    if (node_length(c) == 0) {
        err(l, line_of(c), "\"examines\" in source must list at least 1 criterion or group");
        return;
    }
    for (unsigned i = 0; i < (unsigned)node_length(c); i++) {
        const ilo_node *e = node_elem(c, i);
        const char *id = copy_str(l, e, "examines", "source");
        if (!id) continue;
        if (!ilo_grow((void **)&l->exam, &l->cap_exam, l->n_exam, sizeof *l->exam)) {
            alloc(l, SIZE_MAX / 2);
            return;
        }
        l->exam[l->n_exam++] = (struct exam_ref){source, id, l->file, line_of(e)};
    }
}

static void load_source(loader *l, const ilo_node *s)
{
    static const field f[] = {{"id", T_STR, 1}, {"publisher", T_STR, 1}, {"kind", T_STR, 1},
                              {"title", T_STR, 1}, {"date", T_STR, 1}, {"url", T_STR, 0},
                              {"file", T_STR, 0}, {"conventions", T_STRS, 0}, {"note", T_STR, 0},
                              {"examines", T_STRS, 0}, {"publication", T_STR, 0}};
    const ilo_node *v[NF(f)]; /* v[k]: the member named f[k].name, or NULL */
    if (!check_keys_at(l, s, "source", f, NF(f), v)) {
        reject(l, s, "id", ILO_NS_SOURCE);
        return;
    }
    if (!GROW(l, sources, n_sources, ILO_NS_SOURCE)) return;
    ilo_model *m = l->m;
    ilo_source *src = &m->sources[m->n_sources];
    src->where = here(l, s);
    src->country = l->owner;
    src->id = reg_id_at(l, v[0], "id", ILO_NS_SOURCE, m->n_sources, "source");
    src->publisher = str_at(l, v[1], "publisher", "source");
    src->title = str_at(l, v[3], "title", "source");
    src->url = str_at(l, v[5], "url", "source");
    src->file = str_at(l, v[6], "file", "source");
    src->note = str_at(l, v[8], "note", "source");
    const ilo_node *k = v[2];
    int kind = ilo_source_kind_parse(node_string(k));
    char q[ESC_MAX];
    if (kind < 0) err(l, line_of(k), "unknown source kind \"%s\"", esc(q, node_string(k)));
    src->kind = kind < 0 ? ILO_SRC_OTHER : (ilo_source_kind)kind;
    date_at(l, v[4], "date", &src->date, "source");
    date_at(l, v[10], "publication", &src->publication, "source");
    ref_list_at(l, v[7], "conventions", ILO_NS_CONVENTION, &src->conventions, &src->n_conventions, 0, "source");
    src->examined = NULL;
    if (src->id) examines_at(l, v[9], m->n_sources++);
}

static void load_convention(loader *l, const ilo_node *s)
{
    static const field f[] = {{"id", T_STR, 1}, {"number", T_INT, 1}, {"title", T_STR, 1},
                              {"year", T_INT, 1}, {"fundamental", T_BOOL, 1}, {"note", T_STR, 0}};
    if (!record_keys(l, s, "convention", f, NF(f), "id", ILO_NS_CONVENTION) || !GROW(l, conventions, n_conventions, ILO_NS_CONVENTION))
        return;
    ilo_model *m = l->m;
    ilo_convention *c = &m->conventions[m->n_conventions];
    c->where = here(l, s);
    c->id = reg_id(l, s, "id", ILO_NS_CONVENTION, m->n_conventions, "convention");
    c->title = str(l, s, "title", "convention");
    c->note = str(l, s, "note", "convention");
    c->number = int_in(l, s, "number", 1, 9999, 0, "convention number");
    c->year = int_in(l, s, "year", 1919, ILO_YEAR_MAX, 0, "convention year");
    c->fundamental = bool_of(s, "fundamental", false);
    if (c->id) m->n_conventions++;
}

static void load_group(loader *l, const ilo_node *s)
{
    static const field f[] = {{"id", T_STR, 1}, {"title", T_STR, 1}, {"numeral", T_STR, 0}, {"note", T_STR, 0}};
    if (!record_keys(l, s, "group", f, NF(f), "id", ILO_NS_GROUP) || !GROW(l, groups, n_groups, ILO_NS_GROUP)) return;
    ilo_model *m = l->m;
    ilo_group *g = &m->groups[m->n_groups];
    g->where = here(l, s);
    g->id = reg_id(l, s, "id", ILO_NS_GROUP, m->n_groups, "group");
    g->title = str(l, s, "title", "group");
    g->numeral = str(l, s, "numeral", "group");
    g->note = str(l, s, "note", "group");
    if (g->id) m->n_groups++;
}

static void load_weight(loader *l, const ilo_node *s, ilo_criterion *c)
{
    const ilo_node *w = member(s, "weight");
    double v = num_of(s, "weight", 0);
    double h = v * 100.0;
    if (!isfinite(v) || v < 0) {
        err(l, line_of(w), "weight must be a finite number >= 0");
    } else if (v > 1000) {
        ilo_ctx_set(l->ctx, ILO_ERR_LIMIT, l->file, line_of(w), "weight %.10g is larger than 1000", v);
    } else if (fabs(h - round(h)) > 1e-6) {
        err(l, line_of(w), "weight %.10g has more than two decimals", v);
    } else {
        c->weight_hundredths = (int32_t)llround(h);
    }
}

static void load_criterion(loader *l, const ilo_node *s)
{
    static const field f[] = {{"id", T_STR, 1}, {"label", T_STR, 1}, {"group", T_STR, 1},
                              {"kind", T_STR, 1}, {"convention", T_STR, 1}, {"article", T_STR, 1},
                              {"sdg", T_INT, 0}, {"weight", T_NUM, 1}, {"weight_basis", T_STR, 1},
                              {"weight_note", T_STR, 0}, {"general_prohibition", T_BOOL, 0},
                              {"all_encompassing", T_BOOL, 0}, {"sources", T_STRS, 0}, {"note", T_STR, 0}};
    static const char *const kinds[] = {"law", "practice"};
    static const char *const bases[] = {"published", "provisional"};
    if (!record_keys(l, s, "criterion", f, NF(f), "id", ILO_NS_CRITERION)) return;
    ilo_model *m = l->m;
    if (m->n_criteria >= ILO_MAX_CRITERIA) {
        ilo_ctx_set(l->ctx, ILO_ERR_LIMIT, l->file, line_of(s), "more than %d criteria", ILO_MAX_CRITERIA);
        reject(l, s, "id", ILO_NS_CRITERION);
        return;
    }
    if (!GROW(l, criteria, n_criteria, ILO_NS_CRITERION)) return;
    size_t idx = m->n_criteria;
    ilo_criterion *c = &m->criteria[idx];
    c->where = here(l, s);
    c->id = reg_id(l, s, "id", ILO_NS_CRITERION, idx, "criterion");
    c->label = str(l, s, "label", "criterion");
    c->article = str(l, s, "article", "criterion");
    c->weight_note = str(l, s, "weight_note", "criterion");
    c->note = str(l, s, "note", "criterion");
    c->sdg = int_in(l, s, "sdg", 1, 1000, 0, "sdg number");
    int k = enum_of(l, s, "kind", kinds, 2, "criterion");
    c->kind = k == 1 ? ILO_PRACTICE : ILO_LAW;
    int b = enum_of(l, s, "weight_basis", bases, 2, "criterion");
    c->published = b == 0;
    if (b == 1 && !c->weight_note)
        err(l, line_of(s), "criterion \"%s\" has a provisional weight but no weight_note stating the rule",
            c->id ? c->id : "?");
    c->general_prohibition = bool_of(s, "general_prohibition", false);
    c->all_encompassing = bool_of(s, "all_encompassing", false);
    load_weight(l, s, c);
    ref_field(l, s, "group", ILO_NS_GROUP, (void **)&m->criteria, idx, sizeof *c, offsetof(ilo_criterion, group),
              "criterion");
    ref_field(l, s, "convention", ILO_NS_CONVENTION, (void **)&m->criteria, idx, sizeof *c,
              offsetof(ilo_criterion, convention), "criterion");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &c->sources, &c->n_sources, 0, "criterion");
    if (c->id) m->n_criteria++;
}

static void load_rule(loader *l, const ilo_node *s)
{
    static const field f[] = {{"from", T_STR, 1}, {"to", T_STR, 1}, {"sources", T_STRS, 0}, {"note", T_STR, 0}};
    if (!check_keys(l, s, "rule", f, NF(f))) return;
    const char *from = str(l, s, "from", "rule"), *to = str(l, s, "to", "rule");
    size_t *srcs, n;
    ref_list(l, s, "sources", ILO_NS_SOURCE, &srcs, &n, 0, "rule");
    if (!from || !to) return;
    if (!ilo_grow((void **)&l->rules, &l->cap_rules, l->n_rules, sizeof *l->rules)) {
        alloc(l, SIZE_MAX / 2);
        return;
    }
    l->rules[l->n_rules++] = (rule){from, to, l->file, line_of(s)};
}

/* Iterates a list member `key` of root and calls fn on each element. */
static void each(loader *l, const ilo_node *root, const char *key,
                 void (*fn)(loader *, const ilo_node *))
{
    const ilo_node *list = member(root, key);
    if (!list) return;
    for (int i = 0; i < node_length(list) && !l->oom; i++) fn(l, node_elem(list, (unsigned)i));
}

static void load_catalogue(loader *l, const ilo_node *root)
{
    static const field f[] = {{"sources", T_LIST, 0}, {"conventions", T_LIST, 0}, {"groups", T_LIST, 0},
                              {"criteria", T_LIST, 0}, {"rules", T_LIST, 0}};
    if (!check_keys(l, root, "catalogue file", f, NF(f))) {
        l->broken = true;
        return;
    }
    each(l, root, "sources", load_source);
    each(l, root, "conventions", load_convention);
    each(l, root, "groups", load_group);
    each(l, root, "criteria", load_criterion);
    each(l, root, "rules", load_rule);
}

static void load_band(loader *l, const ilo_node *s, ilo_band *b)
{
    static const field f[] = {{"rating", T_STR, 1}, {"label", T_STR, 1}, {"min", T_NUM, 0}, {"breakdown", T_BOOL, 0}};
    if (!check_keys(l, s, "band", f, NF(f))) return;
    b->rating = str(l, s, "rating", "band");
    b->label = str(l, s, "label", "band");
    b->breakdown = bool_of(s, "breakdown", false);
    b->min = num_of(s, "min", 0);
    bool has_min = member(s, "min") != NULL;
    if (b->breakdown == has_min)
        err(l, line_of(s), "band must have either \"min\" or \"breakdown = true\"");
    if (has_min && (!isfinite(b->min) || b->min < 0))
        err(l, line_of(s), "band \"min\" must be a finite number >= 0");
}

static int band_cmp(const void *a, const void *b)
{
    const ilo_band *x = a, *y = b;
    if (x->breakdown != y->breakdown) return x->breakdown ? 1 : -1;
    return (x->min > y->min) - (x->min < y->min);
}

static void load_method(loader *l, const ilo_node *root)
{
    static const field top[] = {{"method", T_GROUP, 1}};
    static const field f[] = {{"id", T_STR, 1}, {"title", T_STR, 1}, {"window", T_STR, 1},
                              {"admissible", T_STRS, 1}, {"legislation", T_STR, 1}, {"cap", T_NUM, 1},
                              {"scale", T_NUM, 1}, {"bands", T_LIST, 0}, {"bands_note", T_STR, 1},
                              {"conventions", T_STRS, 0}, {"sources", T_STRS, 0}, {"note", T_STR, 0}};
    static const char *const windows[] = {"evidence", "occurrence", "carry-forward"};
    static const char *const legs[] = {"non-ratifying", "always", "never"};
    if (!check_keys(l, root, "method file", top, NF(top))) {
        l->broken = true;
        return;
    }
    const ilo_node *s = member(root, "method");
    if (!record_keys(l, s, "method", f, NF(f), "id", ILO_NS_METHOD) || !GROW(l, methods, n_methods, ILO_NS_METHOD)) return;
    ilo_model *m = l->m;
    ilo_method *me = &m->methods[m->n_methods];
    me->where = here(l, s);
    me->id = reg_id(l, s, "id", ILO_NS_METHOD, m->n_methods, "method");
    me->title = str(l, s, "title", "method");
    me->bands_note = str(l, s, "bands_note", "method");
    me->note = str(l, s, "note", "method");
    int w = enum_of(l, s, "window", windows, 3, "method");
    me->window = w == 1 ? ILO_WINDOW_OCCURRENCE : w == 2 ? ILO_WINDOW_CARRY_FORWARD : ILO_WINDOW_EVIDENCE;
    int g = enum_of(l, s, "legislation", legs, 3, "method");
    me->legislation = g < 0 ? ILO_LEG_NON_RATIFYING : (ilo_legislation)g;
    me->cap = num_of(s, "cap", 95);
    me->scale = num_of(s, "scale", 10);
    if (!isfinite(me->cap) || me->cap <= 0)
        err(l, line_of(member(s, "cap")), "cap must be a finite number > 0");
    if (!isfinite(me->scale) || me->scale <= 0)
        err(l, line_of(member(s, "scale")), "scale must be a finite number > 0");
    const ilo_node *adm = member(s, "admissible");
    for (int i = 0; i < node_length(adm); i++) {
        const ilo_node *e = node_elem(adm, (unsigned)i);
        int k = ilo_source_kind_parse(node_string(e));
        char q[ESC_MAX];
        if (k < 0) err(l, line_of(e), "unknown source kind \"%s\"", esc(q, node_string(e)));
        else me->admissible |= 1u << k;
    }
    /* Bands are optional: a method shows ratings only when it has some (docs/data-format.md). */
    const ilo_node *bands = member(s, "bands");
    me->n_bands = bands ? (size_t)node_length(bands) : 0;
    if (bands && me->n_bands == 0) err(l, line_of(bands), "method needs at least one band when it has bands");
    me->bands = alloc(l, me->n_bands * sizeof *me->bands);
    if (!me->bands) return;
    for (size_t i = 0; i < me->n_bands; i++) load_band(l, node_elem(bands, (unsigned)i), &me->bands[i]);
    qsort(me->bands, me->n_bands, sizeof *me->bands, band_cmp);
    if (me->n_bands && !me->bands[0].breakdown && me->bands[0].min != 0)
        err(l, line_of(bands), "the lowest band must start at 0");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &me->sources, &me->n_sources, 0, "method");
    ref_list(l, s, "conventions", ILO_NS_CONVENTION, &me->conventions, &me->n_conventions, 0, "method");
    if (me->id) m->n_methods++;
}

static void load_regime_criterion(loader *l, const ilo_node *s, ilo_regime_criterion *rc)
{
    static const field f[] = {{"id", T_STR, 1}, {"label", T_STR, 1}, {"conventions", T_STRS, 0},
                              {"groups", T_STRS, 0}, {"scope", T_STR, 0}, {"note", T_STR, 0}};
    static const char *const scopes[] = {"engine", "outside"};
    if (!check_keys(l, s, "regime criterion", f, NF(f))) return;
    rc->where = here(l, s);
    rc->id = str(l, s, "id", "regime criterion");
    rc->label = str(l, s, "label", "regime criterion");
    rc->note = str(l, s, "note", "regime criterion");
    int scope = enum_of(l, s, "scope", scopes, 2, "regime criterion");
    rc->outside = scope == 1;
    /* With a misspelt scope (reported), whether conventions are needed is unknown. */
    if (!rc->outside && (scope == 0 || !member(s, "scope")) &&
        !member(s, "conventions"))
    {
        char q[ESC_MAX];
        err(l, line_of(s), "regime criterion \"%s\" needs \"conventions\" unless scope = \"outside\"",
            rc->id ? esc(q, rc->id) : "?");
    }
    ref_list(l, s, "conventions", ILO_NS_CONVENTION, &rc->conventions, &rc->n_conventions, rc->outside ? 0 : 1,
             "regime criterion");
    ref_list(l, s, "groups", ILO_NS_GROUP, &rc->groups, &rc->n_groups, 0, "regime criterion");
}

/* Regime keys `in_force` and `decisions` (below, with the country profiles' dated records). */
static void load_regime_dates(loader *l, const ilo_node *root, ilo_regime *r);

static void load_regime(loader *l, const ilo_node *root)
{
    static const field top[] = {{"regime", T_GROUP, 1}, {"criteria", T_LIST, 1}, {"sources", T_LIST, 0},
                                {"in_force", T_LIST, 0}, {"decisions", T_LIST, 0}};
    static const field f[] = {{"id", T_STR, 1}, {"title", T_STR, 1}, {"basis", T_STR, 1},
                              {"sources", T_STRS, 0}, {"note", T_STR, 0}};
    if (!check_keys(l, root, "regime file", top, NF(top))) {
        l->broken = true;
        return;
    }
    each(l, root, "sources", load_source);
    const ilo_node *s = member(root, "regime");
    if (!record_keys(l, s, "regime", f, NF(f), "id", ILO_NS_REGIME) || !GROW(l, regimes, n_regimes, ILO_NS_REGIME)) return;
    ilo_model *m = l->m;
    ilo_regime *r = &m->regimes[m->n_regimes];
    r->where = here(l, s);
    r->id = reg_id(l, s, "id", ILO_NS_REGIME, m->n_regimes, "regime");
    r->title = str(l, s, "title", "regime");
    r->basis = str(l, s, "basis", "regime");
    r->note = str(l, s, "note", "regime");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &r->sources, &r->n_sources, 0, "regime");
    const ilo_node *crit = member(root, "criteria");
    r->n_criteria = (size_t)node_length(crit);
    r->criteria = alloc(l, r->n_criteria * sizeof *r->criteria);
    if (!r->criteria) return;
    for (size_t i = 0; i < r->n_criteria; i++) {
        load_regime_criterion(l, node_elem(crit, (unsigned)i), &r->criteria[i]);
        for (size_t j = 0; j < i; j++)
            if (r->criteria[i].id && r->criteria[j].id && strcmp(r->criteria[i].id, r->criteria[j].id) == 0) {
                char q[ESC_MAX];
                err(l, r->criteria[i].where.line, "duplicate regime criterion id \"%s\" (first defined at %s:%d)",
                    esc(q, r->criteria[i].id), r->criteria[j].where.file, r->criteria[j].where.line);
            }
    }
    load_regime_dates(l, root, r);
    if (r->id) m->n_regimes++;
}

/* ---------------------------------------------------------------------------------------- */
/* Country profiles                                                                         */
/* ---------------------------------------------------------------------------------------- */

static bool check_order(loader *l, const ilo_node *s, const ilo_date *a, const char *ka, const ilo_date *b,
                        const char *kb, bool exclusive)
{
    if (!a->prec || !b->prec) return true;
    if (b->last < a->first) {
        err(l, line_of(member(s, kb)), "\"%s\" (%s) is before \"%s\" (%s)", kb, b->text, ka,
            a->text);
        return false;
    }
    /* Exclusive: b is the first day no longer in force, so it must come after a's first day. A
     * partial b counts from its first day ("2015" from 2015-01-01): "in force 2015-05-01, repealed
     * 2015" would be in force on no day at all, a fact silently lost, so it is an error too. */
    if (exclusive && b->first <= a->first) {
        if (b->prec == ILO_DATE_DAY)
            err(l, line_of(member(s, kb)), "\"%s\" (%s) must be after \"%s\" (%s)", kb, b->text, ka, a->text);
        else
            err(l, line_of(member(s, kb)),
                "\"%s\" (%s) must be after \"%s\" (%s): a partial date here counts from its first day, %s%s",
                kb, b->text, ka, a->text, b->text, b->prec == ILO_DATE_YEAR ? "-01-01" : "-01");
        return false;
    }
    return true;
}

/* Fills an item from s. The item's slot must be stable (arena) or already appended. */
static bool fill_item(loader *l, const ilo_node *s, ilo_item *it, ilo_item_kind kind, bool register_id,
                      size_t idx)
{
    static const field fp[] = {{"id", T_STR, 1}, {"instrument", T_STR, 1}, {"article", T_STR, 1},
                               {"summary", T_STR, 1}, {"in_force", T_STR, 1}, {"repealed", T_STR, 0},
                               {"criteria", T_STRS, 1}, {"sources", T_STRS, 1}, {"note", T_STR, 0},
                               {"resolved_by", T_STRS, 0}};
    static const field fi[] = {{"id", T_STR, 1}, {"date", T_STR, 1}, {"end", T_STR, 0}, {"place", T_STR, 0},
                               {"who", T_STR, 0}, {"count", T_STR, 0}, {"summary", T_STR, 1},
                               {"criteria", T_STRS, 1}, {"sources", T_STRS, 1}, {"note", T_STR, 0},
                               {"resolved_by", T_STRS, 0}};
    const char *what = kind == ILO_ITEM_PROVISION ? "provision" : "incident";
    bool prov = kind == ILO_ITEM_PROVISION;
    /* v[k]: the member named by field k of fp or fi, or NULL. The fields both kinds share are
     * read through the index of each's table. */
    const ilo_node *v[NF(fi)];
    if (!check_keys_at(l, s, what, prov ? fp : fi, prov ? NF(fp) : NF(fi), v)) {
        if (register_id) reject(l, s, "id", ILO_NS_ITEM);
        return false;
    }
    const ilo_node *summary = v[prov ? 3 : 6], *criteria = v[prov ? 6 : 7], *sources = v[prov ? 7 : 8],
                           *note = v[prov ? 8 : 9], *resolved_by = v[prov ? 9 : 10];
    it->kind = kind;
    it->where = here(l, s);
    /* reg_id_at() checks the id's form itself; only an unregistered id is checked here. */
    it->id = register_id ? reg_id_at(l, v[0], "id", ILO_NS_ITEM, idx, what) : str_at(l, v[0], "id", what);
    if (!register_id && it->id && !id_ok(it->id)) {
        char q[ESC_MAX];
        err(l, line_of(v[0]),
            "%s id \"%s\" must be 1 to %d characters of A-Z a-z 0-9 . _ : + -", what, esc(q, it->id), ILO_MAX_ID);
        it->id = NULL;
    }
    it->summary = str_at(l, summary, "summary", what);
    it->note = str_at(l, note, "note", what);
    bool dates_ok;
    if (prov) {
        it->instrument = str_at(l, v[1], "instrument", what);
        it->article = str_at(l, v[2], "article", what);
        bool start_ok = date_at(l, v[4], "in_force", &it->start, what); /* both dates are checked */
        dates_ok = date_at(l, v[5], "repealed", &it->stop, what) && start_ok;
        if (dates_ok) dates_ok = check_order(l, s, &it->start, "in_force", &it->stop, "repealed", true);
    } else {
        it->place = str_at(l, v[3], "place", what);
        it->who = str_at(l, v[4], "who", what);
        it->count = str_at(l, v[5], "count", what);
        bool start_ok = date_at(l, v[1], "date", &it->start, what);
        dates_ok = date_at(l, v[2], "end", &it->stop, what) && start_ok;
        if (dates_ok) dates_ok = check_order(l, s, &it->start, "date", &it->stop, "end", false);
    }
    ref_list_at(l, criteria, "criteria", ILO_NS_CRITERION, &it->criteria, &it->n_criteria, 1, what);
    ref_list_at(l, sources, "sources", ILO_NS_SOURCE, &it->sources, &it->n_sources, 1, what);
    ref_list_at(l, resolved_by, "resolved_by", ILO_NS_SOURCE, &it->resolved_by, &it->n_resolved_by, 1, what);
    return it->id != NULL;
}

static void load_item(loader *l, const ilo_node *s, ilo_item_kind kind)
{
    ilo_model *m = l->m;
    if (!grow_one((void **)&m->items, &l->cap_items, m->n_items, sizeof *m->items)) {
        alloc(l, SIZE_MAX / 2);
        return;
    }
    if (fill_item(l, s, &m->items[m->n_items], kind, true, m->n_items)) m->n_items++;
    else memset(&m->items[m->n_items], 0, sizeof *m->items);
}

static void load_provision(loader *l, const ilo_node *s) { load_item(l, s, ILO_ITEM_PROVISION); }
static void load_incident(loader *l, const ilo_node *s) { load_item(l, s, ILO_ITEM_INCIDENT); }

static void load_ratification(loader *l, const ilo_node *s, ilo_ratification *r)
{
    static const field f[] = {{"convention", T_STR, 1}, {"status", T_STR, 1}, {"date", T_STR, 0},
                              {"sources", T_STRS, 1}, {"note", T_STR, 0}};
    static const char *const st[] = {"ratified", "not-ratified", "denounced"};
    r->convention = SIZE_MAX; /* until resolved: a record that fails its keys names no convention */
    r->where = here(l, s);
    if (!check_keys(l, s, "ratification", f, NF(f))) return;
    int k = enum_of(l, s, "status", st, 3, "ratification");
    r->status = k < 0 ? ILO_RAT_NONE : (ilo_ratification_status)(k + 1);
    date_of(l, s, "date", &r->date, "ratification");
    if (r->status == ILO_RAT_RATIFIED && !member(s, "date"))
        err(l, line_of(s), "a ratified convention needs its \"date\"");
    r->note = str(l, s, "note", "ratification");
    ref_direct(l, s, "convention", ILO_NS_CONVENTION, &r->convention, "ratification");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &r->sources, &r->n_sources, 1, "ratification");
}

static void load_event(loader *l, const ilo_node *s, ilo_event *e)
{
    static const field f[] = {{"id", T_STR, 1}, {"date", T_STR, 1}, {"kind", T_STR, 1}, {"title", T_STR, 1},
                              {"sources", T_STRS, 1}, {"note", T_STR, 0}};
    static const char *const kinds[] = {"ceacr", "cas", "cfa", "mission", "trade", "eu", "un", "other"};
    if (!record_keys(l, s, "event", f, NF(f), "id", ILO_NS_EVENT)) return;
    e->where = here(l, s);
    e->id = reg_id(l, s, "id", ILO_NS_EVENT, 0, "event");
    int k = enum_of(l, s, "kind", kinds, NF(kinds), "event");
    e->kind = k < 0 ? "other" : kinds[k];
    e->title = str(l, s, "title", "event");
    e->note = str(l, s, "note", "event");
    date_of(l, s, "date", &e->date, "event");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &e->sources, &e->n_sources, 1, "event");
}

static void load_conflict(loader *l, const ilo_node *s, ilo_conflict *c)
{
    static const field f[] = {{"id", T_STR, 1}, {"about", T_STR, 1}, {"field", T_STR, 1},
                              {"versions", T_LIST, 1}, {"used", T_STR, 1}, {"note", T_STR, 1}};
    static const field fv[] = {{"value", T_STR, 1}, {"sources", T_STRS, 1}};
    if (!record_keys(l, s, "conflict", f, NF(f), "id", ILO_NS_CONFLICT)) return;
    c->where = here(l, s);
    c->id = reg_id(l, s, "id", ILO_NS_CONFLICT, 0, "conflict");
    c->about = str(l, s, "about", "conflict");
    c->field = str(l, s, "field", "conflict");
    c->used = str(l, s, "used", "conflict");
    c->note = str(l, s, "note", "conflict");
    const ilo_node *vs = member(s, "versions");
    c->n_versions = (size_t)node_length(vs);
    if (c->n_versions < 2) err(l, line_of(vs), "a conflict needs at least two versions");
    c->versions = alloc(l, c->n_versions * sizeof *c->versions);
    if (!c->versions) return;
    bool used_found = false;
    for (size_t i = 0; i < c->n_versions; i++) {
        const ilo_node *v = node_elem(vs, (unsigned)i);
        if (!check_keys(l, v, "conflict version", fv, NF(fv))) continue;
        c->versions[i].value = str(l, v, "value", "conflict version");
        ref_list(l, v, "sources", ILO_NS_SOURCE, &c->versions[i].sources, &c->versions[i].n_sources, 1,
                 "conflict version");
        if (c->used && c->versions[i].value && strcmp(c->used, c->versions[i].value) == 0) used_found = true;
    }
    if (c->used && !used_found)
    {
        char q[ESC_MAX];
        err(l, line_of(member(s, "used")), "\"used\" value \"%s\" is not one of the versions",
            esc(q, c->used));
    }
}

static void load_published(loader *l, const ilo_node *s, ilo_published *p)
{
    static const field f[] = {{"measure", T_STR, 1}, {"year", T_INT, 1}, {"value", T_STR, 1},
                              {"status", T_STR, 1}, {"sources", T_STRS, 1}, {"note", T_STR, 0}};
    static const char *const measures[] = {"sdg-8.8.2", "ituc"};
    static const char *const st[] = {"exact", "inferred"};
    if (!check_keys(l, s, "published figure", f, NF(f))) return;
    p->where = here(l, s);
    int k = enum_of(l, s, "measure", measures, 2, "published figure");
    p->measure = k < 0 ? NULL : measures[k];
    k = enum_of(l, s, "status", st, 2, "published figure");
    p->status = k < 0 ? NULL : st[k];
    p->year = int_in(l, s, "year", ILO_YEAR_MIN, ILO_YEAR_MAX, 0, "year");
    p->value = str(l, s, "value", "published figure");
    p->note = str(l, s, "note", "published figure");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &p->sources, &p->n_sources, 1, "published figure");
}

static void load_breakdown(loader *l, const ilo_node *s, ilo_breakdown *b)
{
    static const field f[] = {{"from", T_STR, 1}, {"until", T_STR, 0}, {"sources", T_STRS, 1}, {"note", T_STR, 0}};
    if (!check_keys(l, s, "breakdown", f, NF(f))) return;
    bool from_ok = date_of(l, s, "from", &b->from, "breakdown");
    if (date_of(l, s, "until", &b->until, "breakdown") && from_ok)
        check_order(l, s, &b->from, "from", &b->until, "until", false);
    b->note = str(l, s, "note", "breakdown");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &b->sources, &b->n_sources, 1, "breakdown");
}

/* Allocates an arena array for list `key` of root and loads each element with fn. */
#define LOAD_ARRAY(l, root, key, arr, n, fn)                                                   \
    do {                                                                                       \
        const ilo_node *list_ = member((root), (key));             \
        (n) = list_ ? (size_t)node_length(list_) : 0;                               \
        (arr) = (n) ? alloc((l), (n) * sizeof *(arr)) : NULL;                                 \
        if ((n) && !(arr)) (n) = 0;                                                            \
        for (size_t i_ = 0; i_ < (n); i_++) fn((l), node_elem(list_, (unsigned)i_), &(arr)[i_]); \
    } while (0)

static void load_rec_status(loader *l, const ilo_node *s, ilo_rec_status *st)
{
    static const field f[] = {{"date", T_STR, 1}, {"status", T_STR, 1}, {"sources", T_STRS, 1}, {"note", T_STR, 0}};
    static const char *const states[] = {"pending", "partly-met", "met"};
    st->where = here(l, s);
    if (!check_keys(l, s, "recommendation status", f, NF(f))) return;
    int k = enum_of(l, s, "status", states, NF(states), "recommendation status");
    st->state = k < 0 ? ILO_REC_PENDING : (ilo_rec_state)k;
    date_of(l, s, "date", &st->date, "recommendation status");
    st->note = str(l, s, "note", "recommendation status");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &st->sources, &st->n_sources, 1, "recommendation status");
}

static void load_recommendation(loader *l, const ilo_node *s, ilo_recommendation *r)
{
    static const field f[] = {{"id", T_STR, 1}, {"body", T_STR, 1}, {"date", T_STR, 1}, {"asked", T_STR, 1},
                              {"items", T_STRS, 0}, {"sources", T_STRS, 1}, {"status", T_LIST, 1},
                              {"note", T_STR, 0}};
    static const char *const bodies[] = {"ceacr", "cas", "cfa", "inquiry", "mission", "trade", "other"};
    if (!record_keys(l, s, "recommendation", f, NF(f), "id", ILO_NS_RECOMMENDATION)) return;
    r->where = here(l, s);
    r->id = reg_id(l, s, "id", ILO_NS_RECOMMENDATION, 0, "recommendation");
    int k = enum_of(l, s, "body", bodies, NF(bodies), "recommendation");
    r->body = k < 0 ? "other" : bodies[k];
    r->asked = str(l, s, "asked", "recommendation");
    r->note = str(l, s, "note", "recommendation");
    date_of(l, s, "date", &r->date, "recommendation");
    ref_list(l, s, "items", ILO_NS_ITEM, &r->items, &r->n_items, 1, "recommendation");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &r->sources, &r->n_sources, 1, "recommendation");
    const ilo_node *list = member(s, "status");
    if (node_length(list) < 1) {
        err(l, line_of(list), "\"status\" in recommendation must list at least 1 status");
        return;
    }
    LOAD_ARRAY(l, s, "status", r->status, r->n_status, load_rec_status);
    for (size_t i = 0; i < r->n_status; i++) {
        const ilo_rec_status *st = &r->status[i];
        if (!st->date.prec || !r->date.prec) continue;
        if (st->date.last < r->date.first)
            err(l, st->where.line, "recommendation status dated %s, before the recommendation (%s)", st->date.text,
                r->date.text);
        else if (i && r->status[i - 1].date.prec && st->date.first < r->status[i - 1].date.first)
            err(l, st->where.line, "recommendation statuses must be in date order (%s after %s)", st->date.text,
                r->status[i - 1].date.text);
    }
}

static void load_country(loader *l, const ilo_node *root)
{
    static const field top[] = {{"country", T_GROUP, 1}, {"sources", T_LIST, 0}, {"ratifications", T_LIST, 0},
                                {"provisions", T_LIST, 0}, {"incidents", T_LIST, 0}, {"events", T_LIST, 0},
                                {"conflicts", T_LIST, 0}, {"published", T_LIST, 0}, {"breakdowns", T_LIST, 0},
                                {"recommendations", T_LIST, 0}};
    static const field f[] = {{"code", T_STR, 1}, {"name", T_STR, 1}, {"region", T_STR, 1},
                              {"synthetic", T_BOOL, 0}, {"note", T_STR, 0}};
    if (!check_keys(l, root, "country file", top, NF(top))) {
        l->broken = true;
        return;
    }
    const ilo_node *s = member(root, "country");
    if (!check_keys(l, s, "country", f, NF(f)) || !GROW(l, countries, n_countries, ILO_NS_COUNTRY)) {
        l->broken = true; /* the rest of the file is not read: its items and sources are unknown */
        return;
    }
    ilo_model *m = l->m;
    ilo_country *c = &m->countries[m->n_countries];
    c->where = here(l, s);
    c->code = reg_id(l, s, "code", ILO_NS_COUNTRY, m->n_countries, "country");
    if (c->code && (strlen(c->code) != 3 || strspn(c->code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3)) {
        err(l, line_of(member(s, "code")), "country code \"%s\" must be three capital letters (ISO 3166 alpha-3)", c->code);
    }
    c->name = str(l, s, "name", "country");
    c->region = str(l, s, "region", "country");
    c->note = str(l, s, "note", "country");
    c->synthetic = bool_of(s, "synthetic", false);
    l->owner = m->n_countries;
    each(l, root, "sources", load_source);
    l->owner = SIZE_MAX;
    LOAD_ARRAY(l, root, "ratifications", c->ratifications, c->n_ratifications, load_ratification);
    c->item_first = m->n_items;
    each(l, root, "provisions", load_provision);
    each(l, root, "incidents", load_incident);
    c->n_items = m->n_items - c->item_first;
    LOAD_ARRAY(l, root, "events", c->events, c->n_events, load_event);
    LOAD_ARRAY(l, root, "recommendations", c->recommendations, c->n_recommendations, load_recommendation);
    LOAD_ARRAY(l, root, "conflicts", c->conflicts, c->n_conflicts, load_conflict);
    LOAD_ARRAY(l, root, "published", c->published, c->n_published, load_published);
    LOAD_ARRAY(l, root, "breakdowns", c->breakdowns, c->n_breakdowns, load_breakdown);
    if (c->code) m->n_countries++;
}

/* ---------------------------------------------------------------------------------------- */
/* Trade programme dates and published figures                                              */
/* ---------------------------------------------------------------------------------------- */

static bool country_code_ok(loader *l, const ilo_node *c, const char *code)
{
    if (code && strlen(code) == 3 && strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 3) return true;
    char q[ESC_MAX];
    if (code) err(l, line_of(c), "country code \"%s\" must be three capital letters (ISO 3166 alpha-3)", esc(q, code));
    return false;
}

/* A period of regime key `in_force`. */
static void load_regime_period(loader *l, const ilo_node *s, ilo_regime_period *p)
{
    static const field f[] = {{"from", T_STR, 1}, {"until", T_STR, 0}, {"sources", T_STRS, 1}, {"note", T_STR, 0}};
    p->where = here(l, s);
    if (!check_keys(l, s, "programme period", f, NF(f))) return;
    bool from_ok = date_of(l, s, "from", &p->from, "programme period");
    if (date_of(l, s, "until", &p->until, "programme period") && from_ok)
        check_order(l, s, &p->from, "from", &p->until, "until", false);
    p->note = str(l, s, "note", "programme period");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &p->sources, &p->n_sources, 1, "programme period");
}

/* A decision of regime key `decisions`. */
static void load_regime_decision(loader *l, const ilo_node *s, ilo_regime_decision *d)
{
    static const field f[] = {{"country", T_STR, 1}, {"decided", T_STR, 1}, {"effective", T_STR, 0},
                              {"status", T_STR, 0}, {"title", T_STR, 1}, {"sources", T_STRS, 1},
                              {"note", T_STR, 0}};
    static const char *const st[] = {"beneficiary", "partial", "suspended", "withdrawn", "not-beneficiary"};
    d->where = here(l, s);
    d->profile = SIZE_MAX;
    if (!check_keys(l, s, "regime decision", f, NF(f))) return;
    const ilo_node *c = member(s, "country");
    if (country_code_ok(l, c, node_string(c))) memcpy(d->country, node_string(c), 4);
    date_of(l, s, "decided", &d->decided, "regime decision");
    date_of(l, s, "effective", &d->effective, "regime decision");
    int k = enum_of(l, s, "status", st, NF(st), "regime decision");
    d->status = k < 0 ? ILO_BENEFIT_UNKNOWN : (ilo_benefit)(k + 1);
    if (member(s, "status") && !member(s, "effective"))
        err(l, line_of(s), "a regime decision with \"status\" needs \"effective\" (the day the status applies from)");
    if (member(s, "effective") && !member(s, "status"))
        err(l, line_of(s), "a regime decision with \"effective\" needs \"status\" (what applies from then)");
    d->title = str(l, s, "title", "regime decision");
    d->note = str(l, s, "note", "regime decision");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &d->sources, &d->n_sources, 1, "regime decision");
}

static void load_regime_dates(loader *l, const ilo_node *root, ilo_regime *r)
{
    LOAD_ARRAY(l, root, "in_force", r->in_force, r->n_in_force, load_regime_period);
    LOAD_ARRAY(l, root, "decisions", r->decisions, r->n_decisions, load_regime_decision);
}

/* An SDG 8.8.2 value: one or two digits, optionally a point and one or two digits, from 0 to 10.
 * hundredths / 100.0 is the double strtod() gives (both round the exact decimal once). */
static bool sdg_value_ok(const char *v, double *out)
{
    int64_t h;
    if (strspn(v, "0123456789") > 2 || !ilo_parse_hundredths(v, &h)) return false;
    *out = (double)h / 100.0;
    return h <= 1000;
}

/* An ITUC rating: 1 to 5, or 5+ (scored 6). */
static bool ituc_value_ok(const char *v, double *out)
{
    if (v[0] >= '1' && v[0] <= '5' && !v[1]) *out = v[0] - '0';
    else if (strcmp(v, "5+") == 0) *out = 6;
    else return false;
    return true;
}

static void load_figure(loader *l, const ilo_node *s, ilo_figure *f, const ilo_vintage *v)
{
    static const field fk[] = {{"country", T_STR, 1}, {"year", T_INT, 1}, {"value", T_STR, 0},
                               {"ten_worst", T_BOOL, 0}, {"status", T_STR, 0}, {"sources", T_STRS, 0},
                               {"note", T_STR, 0}};
    static const char *const st[] = {"exact", "inferred"};
    f->where = here(l, s);
    f->profile = SIZE_MAX;
    f->score = NAN;
    if (!check_keys(l, s, "published figure", fk, NF(fk))) return;
    const ilo_node *c = member(s, "country");
    if (country_code_ok(l, c, node_string(c))) memcpy(f->country, node_string(c), 4);
    f->year = int_in(l, s, "year", ILO_YEAR_MIN, ILO_YEAR_MAX, 0, "year");
    f->inferred = enum_of(l, s, "status", st, NF(st), "published figure") == 1;
    f->ten_worst = bool_of(s, "ten_worst", false);
    f->note = str(l, s, "note", "published figure");
    const ilo_node *val = member(s, "value");
    f->value = str_at(l, val, "value", "published figure");
    char q[ESC_MAX];
    bool sdg = v->measure == ILO_MEASURE_SDG;
    if (f->value && sdg && !sdg_value_ok(f->value, &f->score)) {
        err(l, line_of(val), "SDG 8.8.2 value \"%s\" must be a number from 0 to 10 with at most two decimals",
            esc(q, f->value));
        f->score = NAN;
    } else if (f->value && !sdg && !ituc_value_ok(f->value, &f->score)) {
        err(l, line_of(val), "ITUC rating \"%s\" must be 1, 2, 3, 4, 5 or 5+", esc(q, f->value));
        f->score = NAN;
    }
    if (!val && sdg) err(l, line_of(s), "an SDG 8.8.2 figure needs \"value\"");
    if (!val && !sdg && !f->ten_worst)
        err(l, line_of(s), "an ITUC figure without \"value\" must be a ten-worst entry (ten_worst = true)");
    if (member(s, "ten_worst") && sdg) err(l, line_of(member(s, "ten_worst")), "\"ten_worst\" applies to ITUC figures only");
    if (member(s, "sources")) ref_list(l, s, "sources", ILO_NS_SOURCE, &f->sources, &f->n_sources, 1, "published figure");
    else if (!v->n_sources) err(l, line_of(s), "published figure names no sources and its vintage names none");
    else {
        f->sources = v->sources;
        f->n_sources = v->n_sources;
    }
}

/* A published/ file: one vintage and its figures. */
static void load_published_file(loader *l, const ilo_node *root)
{
    static const field top[] = {{"vintage", T_GROUP, 1}, {"sources", T_LIST, 0}, {"figures", T_LIST, 1}};
    static const field fv[] = {{"id", T_STR, 1}, {"measure", T_STR, 1}, {"title", T_STR, 1},
                               {"sources", T_STRS, 0}, {"note", T_STR, 0}};
    static const char *const measures[] = {"sdg-8.8.2", "ituc"};
    if (!check_keys(l, root, "published file", top, NF(top))) {
        l->broken = true;
        return;
    }
    each(l, root, "sources", load_source);
    const ilo_node *s = member(root, "vintage");
    ilo_model *m = l->m;
    if (!check_keys(l, s, "vintage", fv, NF(fv))) {
        l->broken = true;
        return;
    }
    if (!grow_one((void **)&m->vintages, &l->cap_vintages, m->n_vintages, sizeof *m->vintages)) {
        alloc(l, SIZE_MAX / 2);
        return;
    }
    ilo_vintage *v = &m->vintages[m->n_vintages];
    v->where = here(l, s);
    v->id = str(l, s, "id", "vintage");
    if (v->id && !id_ok(v->id)) {
        char q[ESC_MAX];
        err(l, line_of(member(s, "id")), "vintage id \"%s\" must be 1 to %d characters of A-Z a-z 0-9 . _ : + -",
            esc(q, v->id), ILO_MAX_ID);
    }
    int k = enum_of(l, s, "measure", measures, NF(measures), "vintage");
    v->measure = k == 1 ? ILO_MEASURE_ITUC : ILO_MEASURE_SDG;
    v->title = str(l, s, "title", "vintage");
    v->note = str(l, s, "note", "vintage");
    ref_list(l, s, "sources", ILO_NS_SOURCE, &v->sources, &v->n_sources, 0, "vintage");
    if (k < 0) return; /* the figures' values cannot be checked against an unknown measure */
    const ilo_node *list = member(root, "figures");
    v->n_figures = (size_t)node_length(list);
    v->figures = v->n_figures ? alloc(l, v->n_figures * sizeof *v->figures) : NULL;
    if (!v->figures) v->n_figures = 0;
    for (size_t i = 0; i < v->n_figures; i++) load_figure(l, node_elem(list, (unsigned)i), &v->figures[i], v);
    if (v->id) m->n_vintages++;
}
/* ---------------------------------------------------------------------------------------- */
/* Scenarios                                                                                */
/* ---------------------------------------------------------------------------------------- */

static void load_op(loader *l, const ilo_node *s, ilo_op *op)
{
    static const field f[] = {{"op", T_STR, 1}, {"provision", T_STR, 0}, {"incident", T_STR, 0},
                              {"date", T_STR, 0}, {"criteria", T_STRS, 0}, {"note", T_STR, 0}};
    static const field fadd[] = {{"op", T_STR, 1}, {"provision", T_GROUP, 0}, {"incident", T_GROUP, 0},
                                 {"note", T_STR, 0}};
    static const char *const ops[] = {"repeal", "amend", "add-provision", "end-incident", "add-incident"};
    op->target = SIZE_MAX; /* an operation that fails its checks targets nothing */
    op->where = here(l, s);
    if (node_type(s) != ILO_NODE_GROUP) {
        err(l, line_of(s), "operation must be a group { ... }");
        return;
    }
    if (!member(s, "op") || node_type(member(s, "op")) != ILO_NODE_STRING) {
        err(l, line_of(s), "operation is missing required key \"op\"");
        return;
    }
    int k = enum_of(l, s, "op", ops, NF(ops), "operation");
    if (k < 0) return;
    op->kind = (ilo_op_kind)k;
    op->target = SIZE_MAX;
    const char *what = ops[k];
    if (op->kind == ILO_OP_ADD_PROVISION || op->kind == ILO_OP_ADD_INCIDENT) {
        const char *key = op->kind == ILO_OP_ADD_PROVISION ? "provision" : "incident";
        if (!check_keys(l, s, what, fadd, NF(fadd))) return;
        const ilo_node *g = member(s, key);
        if (!g) {
            err(l, line_of(s), "%s is missing required key \"%s\"", what, key);
            return;
        }
        fill_item(l, g, &op->added, op->kind == ILO_OP_ADD_PROVISION ? ILO_ITEM_PROVISION : ILO_ITEM_INCIDENT,
                  false, 0);
        return;
    }
    if (!check_keys(l, s, what, f, NF(f))) return;
    const char *key = op->kind == ILO_OP_END_INCIDENT ? "incident" : "provision";
    const char *other = op->kind == ILO_OP_END_INCIDENT ? "provision" : "incident";
    if (member(s, other))
        err(l, line_of(member(s, other)), "unknown key \"%s\" in %s", other, what);
    if (!member(s, key)) err(l, line_of(s), "%s is missing required key \"%s\"", what, key);
    if (!member(s, "date")) err(l, line_of(s), "%s is missing required key \"date\"", what);
    if (op->kind == ILO_OP_AMEND && !member(s, "criteria"))
        err(l, line_of(s), "%s is missing required key \"criteria\"", what);
    if (op->kind != ILO_OP_AMEND && member(s, "criteria"))
        err(l, line_of(member(s, "criteria")), "unknown key \"criteria\" in %s", what);
    date_of(l, s, "date", &op->date, what);
    ref_direct(l, s, key, ILO_NS_ITEM, &op->target, what);
    ref_list(l, s, "criteria", ILO_NS_CRITERION, &op->criteria, &op->n_criteria, 0, what);
}

static void load_scenario(loader *l, const ilo_node *root)
{
    static const field top[] = {{"scenario", T_GROUP, 1}, {"operations", T_LIST, 1}, {"sources", T_LIST, 0}};
    static const field f[] = {{"id", T_STR, 1}, {"country", T_STR, 1}, {"title", T_STR, 1},
                              {"effective", T_STR, 1}, {"note", T_STR, 0}};
    if (!check_keys(l, root, "scenario file", top, NF(top))) {
        l->broken = true;
        return;
    }
    const ilo_node *s = member(root, "scenario");
    size_t first_source = l->m->n_sources;
    each(l, root, "sources", load_source);
    /* The scenario's own sources belong to its country, once that id is resolved. */
    if (!ilo_grow((void **)&l->scen_sources, &l->cap_scen_sources, l->n_scen_sources, sizeof *l->scen_sources)) {
        alloc(l, SIZE_MAX / 2);
        return;
    }
    l->scen_sources[l->n_scen_sources++] = (struct scen_src){first_source, l->m->n_sources, l->m->n_scenarios};
    if (!record_keys(l, s, "scenario", f, NF(f), "id", ILO_NS_SCENARIO) || !GROW(l, scenarios, n_scenarios, ILO_NS_SCENARIO)) return;
    ilo_model *m = l->m;
    size_t idx = m->n_scenarios;
    ilo_scenario *sc = &m->scenarios[idx];
    sc->where = here(l, s);
    sc->id = reg_id(l, s, "id", ILO_NS_SCENARIO, idx, "scenario");
    sc->title = str(l, s, "title", "scenario");
    sc->note = str(l, s, "note", "scenario");
    date_of(l, s, "effective", &sc->effective, "scenario");
    ref_field(l, s, "country", ILO_NS_COUNTRY, (void **)&m->scenarios, idx, sizeof *sc,
              offsetof(ilo_scenario, country), "scenario");
    const ilo_node *ops = member(root, "operations");
    sc->n_ops = (size_t)node_length(ops);
    if (sc->n_ops == 0) err(l, line_of(ops), "a scenario needs at least one operation");
    sc->ops = sc->n_ops ? alloc(l, sc->n_ops * sizeof *sc->ops) : NULL;
    if (sc->n_ops && !sc->ops) return;
    for (size_t i = 0; i < sc->n_ops; i++) load_op(l, node_elem(ops, (unsigned)i), &sc->ops[i]);
    if (sc->id) m->n_scenarios++;
}

/* ---------------------------------------------------------------------------------------- */
/* Files and folders                                                                        */
/* ---------------------------------------------------------------------------------------- */

typedef void (*file_fn)(loader *, const ilo_node *);

/* Builds the records of one file (ilo_files_run's callback): reports the folder, reading or
 * parsing error the job carries, or hands the doc's root to the job's function. */
static bool build_job(void *arg, const ilo_file_job *jb, ilo_doc *doc, const ilo_error *e)
{
    loader *l = arg;
    if (!jb->fn) {
        ilo_ctx_set(l->ctx, ILO_ERR_IO, jb->path, 0, "cannot open folder: %s", strerror(jb->dir_errno));
        l->broken = true;
        return !l->oom;
    }
    l->file = ilo_arena_strdup(l->A, jb->path);
    if (!l->file) {
        alloc(l, SIZE_MAX / 2);
        return false;
    }
    l->m->n_files++;
    if (e->code == ILO_ERR_NOMEM) {
        alloc(l, SIZE_MAX / 2);
        l->broken = true;
    } else if (!doc) {
        ilo_ctx_set(l->ctx, e->code, jb->path, e->line, "%s", e->msg);
        l->broken = true;
    } else if (doc->node[0].n == 0) {
        err(l, 0, "empty file: no settings");
        l->broken = true;
    } else {
        ((file_fn)jb->fn)(l, &doc->node[0]);
    }
    return !l->oom;
}

/* Lists top/sub's files for fn; out of memory marks the loader. */
static void list_dir(loader *l, ilo_file_list *J, const char *top, const char *sub, bool required, file_fn fn)
{
    if (!ilo_files_list_dir(J, top, sub, required, (ilo_file_fn)fn)) alloc(l, SIZE_MAX / 2);
}

/* ---------------------------------------------------------------------------------------- */
/* Resolution and cross-record checks                                                       */
/* ---------------------------------------------------------------------------------------- */

static void resolve_fixups(loader *l)
{
    for (size_t i = 0; i < l->n_fix; i++) {
        fixup *f = &l->fix[i];
        size_t v = ilo_hash_get(&l->m->priv->ns[f->ns], f->id);
        char q[ESC_MAX];
        if (v == SIZE_MAX && report_unknown(l, f->ns, f->id))
            ilo_ctx_set(l->ctx, ILO_ERR_INVALID, f->file, f->line, "unknown %s \"%s\"", f->what, esc(q, f->id));
        size_t *slot = f->direct ? f->direct : (size_t *)((char *)*f->vbase + f->index * f->elem + f->off);
        *slot = v;
    }
}

/* Turns each source's `examines` into the bitset of the criteria it names, a group standing for
 * its criteria. An id must name exactly one criterion or group. */
static void resolve_examines(loader *l)
{
    ilo_model *m = l->m;
    for (size_t i = 0; i < l->n_exam; i++) {
        const struct exam_ref *x = &l->exam[i];
        size_t k = ilo_hash_get(&m->priv->ns[ILO_NS_CRITERION], x->id);
        size_t g = ilo_hash_get(&m->priv->ns[ILO_NS_GROUP], x->id);
        char q[ESC_MAX];
        if (k != SIZE_MAX && g != SIZE_MAX) {
            ilo_ctx_set(l->ctx, ILO_ERR_INVALID, x->file, x->line, "\"%s\" in examines names both a criterion and a group",
                        esc(q, x->id));
            continue;
        }
        if (k == SIZE_MAX && g == SIZE_MAX) {
            if (report_unknown(l, ILO_NS_CRITERION, x->id) && report_unknown(l, ILO_NS_GROUP, x->id))
                ilo_ctx_set(l->ctx, ILO_ERR_INVALID, x->file, x->line, "unknown criterion or group \"%s\" in examines",
                            esc(q, x->id));
            continue;
        }
        if (x->source >= m->n_sources) continue; /* the source itself was rejected */
        ilo_source *s = &m->sources[x->source];
        ilo_bitset *b = (ilo_bitset *)s->examined;
        if (!b) {
            b = alloc(l, sizeof *b);
            if (!b) return;
            s->examined = b;
        }
        if (k != SIZE_MAX) {
            ilo_bitset_set(b, k);
        } else {
            for (size_t c = 0; c < m->n_criteria; c++)
                if (m->criteria[c].group == g) ilo_bitset_set(b, c);
        }
    }
}

static void apply_rules(loader *l)
{
    ilo_model *m = l->m;
    size_t *from = calloc(l->n_rules + 1, sizeof *from), *to = calloc(l->n_rules + 1, sizeof *to);
    if (!from || !to) {
        free(from);
        free(to);
        alloc(l, SIZE_MAX / 2);
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < l->n_rules; i++) {
        size_t a = ilo_hash_get(&m->priv->ns[ILO_NS_CRITERION], l->rules[i].from);
        size_t b = ilo_hash_get(&m->priv->ns[ILO_NS_CRITERION], l->rules[i].to);
        char q[ESC_MAX];
        if (a == SIZE_MAX && report_unknown(l, ILO_NS_CRITERION, l->rules[i].from))
            ilo_ctx_set(l->ctx, ILO_ERR_INVALID, l->rules[i].file, l->rules[i].line, "unknown criterion \"%s\"",
                        esc(q, l->rules[i].from));
        if (b == SIZE_MAX && report_unknown(l, ILO_NS_CRITERION, l->rules[i].to))
            ilo_ctx_set(l->ctx, ILO_ERR_INVALID, l->rules[i].file, l->rules[i].line, "unknown criterion \"%s\"",
                        esc(q, l->rules[i].to));
        if (a != SIZE_MAX && b != SIZE_MAX) {
            from[n] = a;
            to[n++] = b;
        }
    }
    for (size_t c = 0; c < m->n_criteria; c++) ilo_bitset_set(&m->criteria[c].implies, c);
    /* Transitive closure: a fixed point over the rules (few, so the loop is short). */
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t c = 0; c < m->n_criteria; c++)
            for (size_t r = 0; r < n; r++)
                if (ilo_bitset_has(&m->criteria[c].implies, from[r]) && !ilo_bitset_has(&m->criteria[c].implies, to[r])) {
                    ilo_bitset_set(&m->criteria[c].implies, to[r]);
                    changed = true;
                }
    }
    free(from);
    free(to);
}

/* Days an item counts: a provision until the day before its repeal, an incident to its end. */
static void item_days(ilo_item *it)
{
    it->first_day = it->start.first;
    if (!it->stop.prec) it->last_day = INT32_MAX;
    else if (it->kind == ILO_ITEM_PROVISION) it->last_day = it->stop.first - 1;
    else it->last_day = it->stop.last;
}

void ilo_item_finish(const ilo_model *m, ilo_item *it)
{
    memset(&it->coded, 0, sizeof it->coded);
    for (size_t k = 0; k < it->n_criteria; k++)
        if (it->criteria[k] < m->n_criteria) ilo_bitset_or(&it->coded, &m->criteria[it->criteria[k]].implies);
    item_days(it);
}

static bool any_id(const ilo_model *m, const char *id)
{
    return ilo_hash_get(&m->priv->ns[ILO_NS_ITEM], id) != SIZE_MAX ||
           ilo_hash_get(&m->priv->ns[ILO_NS_EVENT], id) != SIZE_MAX ||
           ilo_hash_get(&m->priv->ns[ILO_NS_SOURCE], id) != SIZE_MAX ||
           ilo_hash_get(&m->priv->ns[ILO_NS_CONFLICT], id) != SIZE_MAX;
}

static void check_country(loader *l, const ilo_country *c)
{
    const ilo_model *m = l->m;
    for (size_t i = 0; i < c->n_ratifications; i++)
        for (size_t j = 0; j < i; j++)
            if (c->ratifications[i].convention != SIZE_MAX &&
                c->ratifications[i].convention == c->ratifications[j].convention)
                ilo_ctx_set(l->ctx, ILO_ERR_INVALID, c->ratifications[i].where.file, c->ratifications[i].where.line,
                            "duplicate ratification of %s (first at line %d)",
                            m->conventions[c->ratifications[i].convention].id, c->ratifications[j].where.line);
    for (size_t i = 0; i < c->n_recommendations; i++) {
        const ilo_recommendation *r = &c->recommendations[i];
        for (size_t j = 0; j < r->n_items; j++)
            if (r->items[j] != SIZE_MAX && (r->items[j] < c->item_first || r->items[j] >= c->item_first + c->n_items))
                ilo_ctx_set(l->ctx, ILO_ERR_INVALID, r->where.file, r->where.line,
                            "recommendation \"%s\" concerns \"%s\", an item of another country", r->id,
                            m->items[r->items[j]].id);
    }
    for (size_t i = 0; i < c->n_conflicts; i++) {
        char q[ESC_MAX];
        const char *about = c->conflicts[i].about;
        if (about && !any_id(m, about) && report_unknown(l, ILO_NS_ITEM, about) &&
            report_unknown(l, ILO_NS_SOURCE, about) && report_unknown(l, ILO_NS_EVENT, about) &&
            report_unknown(l, ILO_NS_CONFLICT, about))
            ilo_ctx_set(l->ctx, ILO_ERR_INVALID, c->conflicts[i].where.file, c->conflicts[i].where.line,
                        "conflict is about unknown id \"%s\"", esc(q, about));
    }
}

/* A repeal's date is the first day no longer in force. Dated on the day the provision came
 * into force, it never was (a scenario "as if never enacted"); dated before, it is a mistake,
 * and a partial date counts from its first day: "2020-05" (from 2020-05-01) is before a
 * provision in force from 2020-05-04, though the month contains that day. */
static void repeal_too_early(loader *l, const ilo_op *op, const ilo_item *it)
{
    ilo_ctx_set(l->ctx, ILO_ERR_INVALID, op->where.file, op->where.line,
                "repeal dated %s is before \"%s\" comes into force (%s): a partial date here counts from its "
                "first day, %s%s",
                op->date.text, it->id, it->start.text, op->date.text, op->date.prec == ILO_DATE_YEAR ? "-01-01" : "-01");
}

static void check_scenarios(loader *l)
{
    ilo_model *m = l->m;
    for (size_t s = 0; s < m->n_scenarios; s++) {
        ilo_scenario *sc = &m->scenarios[s];
        if (sc->country >= m->n_countries) continue;
        const ilo_country *c = &m->countries[sc->country];
        for (size_t i = 0; i < sc->n_ops; i++) {
            ilo_op *op = &sc->ops[i];
            if (op->kind == ILO_OP_ADD_PROVISION || op->kind == ILO_OP_ADD_INCIDENT) {
                if (op->added.id && any_id(m, op->added.id))
                    ilo_ctx_set(l->ctx, ILO_ERR_INVALID, op->where.file, op->where.line,
                                "scenario adds \"%s\", an id the data already uses", op->added.id);
                ilo_item_finish(m, &op->added);
                continue;
            }
            if (op->target == SIZE_MAX) continue;
            const ilo_item *it = &m->items[op->target];
            bool want_inc = op->kind == ILO_OP_END_INCIDENT;
            if (op->target < c->item_first || op->target >= c->item_first + c->n_items)
                ilo_ctx_set(l->ctx, ILO_ERR_INVALID, op->where.file, op->where.line, "\"%s\" is not an item of %s",
                            it->id, c->code);
            else if ((it->kind == ILO_ITEM_INCIDENT) != want_inc)
                ilo_ctx_set(l->ctx, ILO_ERR_INVALID, op->where.file, op->where.line, "\"%s\" is %s, not %s", it->id,
                            it->kind == ILO_ITEM_INCIDENT ? "an incident" : "a provision",
                            want_inc ? "an incident" : "a provision");
            else if (op->date.prec && op->date.last < it->start.first)
                ilo_ctx_set(l->ctx, ILO_ERR_INVALID, op->where.file, op->where.line,
                            "operation dated %s is before \"%s\" exists (%s)", op->date.text, it->id, it->start.text);
            else if (op->kind == ILO_OP_REPEAL && op->date.prec && op->date.first < it->start.first)
                repeal_too_early(l, op, it);
        }
    }
}

static void build_sdg_index(loader *l)
{
    ilo_model *m = l->m;
    int max = 0;
    for (size_t c = 0; c < m->n_criteria; c++)
        if (m->criteria[c].sdg > max) max = m->criteria[c].sdg;
    m->priv->n_sdg = (size_t)max + 1;
    m->priv->sdg_index = malloc(m->priv->n_sdg * sizeof *m->priv->sdg_index);
    if (!m->priv->sdg_index) {
        alloc(l, SIZE_MAX / 2);
        return;
    }
    for (size_t i = 0; i < m->priv->n_sdg; i++) m->priv->sdg_index[i] = SIZE_MAX;
    for (size_t c = 0; c < m->n_criteria; c++) {
        int n = m->criteria[c].sdg;
        if (!n) continue;
        size_t prev = m->priv->sdg_index[n];
        if (prev != SIZE_MAX)
            ilo_ctx_set(l->ctx, ILO_ERR_INVALID, m->criteria[c].where.file, m->criteria[c].where.line,
                        "duplicate sdg number %d (first at %s:%d)", n, m->criteria[prev].where.file,
                        m->criteria[prev].where.line);
        else m->priv->sdg_index[n] = c;
    }
}

/* Per convention, its criteria; per country, the sources that state what they examined. Scenario
 * sources belong to the scenario's country. */
static void index_sources(loader *l)
{
    ilo_model *m = l->m;
    m->priv->conv_criteria = calloc(m->n_conventions + 1, sizeof *m->priv->conv_criteria);
    if (!m->priv->conv_criteria) {
        alloc(l, SIZE_MAX / 2);
        return;
    }
    for (size_t k = 0; k < m->n_criteria; k++)
        if (m->criteria[k].convention < m->n_conventions)
            ilo_bitset_set(&m->priv->conv_criteria[m->criteria[k].convention], k);
    for (size_t i = 0; i < m->n_sources; i++) {
        size_t c = m->sources[i].country;
        if (c < m->n_countries && m->sources[i].examined) m->countries[c].n_examining++;
    }
    for (size_t c = 0; c < m->n_countries; c++) {
        m->countries[c].examining = alloc(l, m->countries[c].n_examining * sizeof(size_t));
        m->countries[c].n_examining = 0;
    }
    for (size_t i = 0; i < m->n_sources; i++) {
        size_t c = m->sources[i].country;
        if (c < m->n_countries && m->sources[i].examined && m->countries[c].examining)
            m->countries[c].examining[m->countries[c].n_examining++] = i;
    }
}

/* The criteria each method scores: those of its conventions, or every criterion when it names
 * none. */
static void method_scopes(ilo_model *m)
{
    for (size_t i = 0; i < m->n_methods; i++) {
        ilo_method *me = &m->methods[i];
        memset(&me->scope, 0, sizeof me->scope);
        for (size_t k = 0; k < m->n_criteria; k++) {
            bool in = me->n_conventions == 0;
            for (size_t j = 0; j < me->n_conventions && !in; j++) in = me->conventions[j] == m->criteria[k].convention;
            if (in) ilo_bitset_set(&me->scope, k);
        }
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Rules beyond the schema (docs/data-format.md, "Validation rules"): facts that cannot be true  */
/* are errors; what the format allows but an analyst hardly means is a warning.               */
/* ---------------------------------------------------------------------------------------- */

static void err_at(loader *l, ilo_where w, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err_at(loader *l, ilo_where w, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ilo_ctx_set(l->ctx, ILO_ERR_INVALID, w.file, w.line, "%s", msg);
}

/* A profile's published value: a figure as the published-figures files write it (sdg_value_ok,
 * ituc_value_ok), then nothing or a space and words ("5 (repeated, provisional)"). */
static bool leading_value_ok(const char *v, bool (*ok)(const char *, double *))
{
    char word[8];
    size_t n = strcspn(v, " ");
    double x;
    if (n >= sizeof word) return false;
    memcpy(word, v, n);
    word[n] = '\0';
    return ok(word, &x);
}

static void check_published(loader *l, const ilo_country *c)
{
    char q[ESC_MAX];
    for (size_t i = 0; i < c->n_published; i++) {
        const ilo_published *p = &c->published[i];
        if (!p->measure || !p->value) continue;
        bool sdg = strcmp(p->measure, "sdg-8.8.2") == 0;
        if (sdg && !leading_value_ok(p->value, sdg_value_ok))
            err_at(l, p->where, "published SDG 8.8.2 value \"%s\" is not a number from 0 to 10", esc(q, p->value));
        if (!sdg && !leading_value_ok(p->value, ituc_value_ok))
            err_at(l, p->where, "published ITUC rating \"%s\" is not 1 to 5 or 5+", esc(q, p->value));
        for (size_t j = 0; j < i; j++)
            if (c->published[j].measure && strcmp(c->published[j].measure, p->measure) == 0 &&
                c->published[j].year == p->year) {
                err_at(l, p->where, "a second published %s figure for %d (the first is at line %d)", p->measure,
                       p->year, c->published[j].where.line);
                break;
            }
    }
}

static void check_ratifications(loader *l, const ilo_country *c)
{
    for (size_t i = 0; i < c->n_ratifications; i++) {
        const ilo_ratification *r = &c->ratifications[i];
        if (r->convention >= l->m->n_conventions || !r->date.prec) continue;
        const ilo_convention *cv = &l->m->conventions[r->convention];
        if (cv->year && r->date.year < cv->year)
            err_at(l, r->where, "ratification of %s dated %s, before the convention was adopted (%d)", cv->id,
                   r->date.text, cv->year);
    }
}

static void check_conflict_targets(loader *l, const ilo_country *c)
{
    const ilo_model *m = l->m;
    char q[ESC_MAX];
    for (size_t i = 0; i < c->n_conflicts; i++) {
        const char *about = c->conflicts[i].about;
        if (!about || ilo_hash_get(&m->priv->ns[ILO_NS_CONFLICT], about) == SIZE_MAX) continue;
        if (ilo_hash_get(&m->priv->ns[ILO_NS_ITEM], about) != SIZE_MAX ||
            ilo_hash_get(&m->priv->ns[ILO_NS_EVENT], about) != SIZE_MAX ||
            ilo_hash_get(&m->priv->ns[ILO_NS_SOURCE], about) != SIZE_MAX)
            continue;
        err_at(l, c->conflicts[i].where,
               "conflict is about \"%s\", another conflict (name the provision, incident, event or source)",
               esc(q, about));
    }
}

/* Warnings: a criterion listed twice on an item; an item coding a criterion of the other kind (a
 * provision is law, an incident is practice). */
static void check_item_criteria(loader *l, const ilo_item *it)
{
    const ilo_model *m = l->m;
    bool prov = it->kind == ILO_ITEM_PROVISION;
    for (size_t k = 0; k < it->n_criteria; k++) {
        size_t a = it->criteria[k];
        if (a >= m->n_criteria) continue;
        for (size_t j = 0; j < k; j++)
            if (it->criteria[j] == a) {
                ilo_ctx_warn(l->ctx, it->where.file, it->where.line, "%s \"%s\" lists criterion \"%s\" twice",
                             prov ? "provision" : "incident", it->id, m->criteria[a].id);
                break;
            }
        if ((m->criteria[a].kind == ILO_LAW) != prov)
            ilo_ctx_warn(l->ctx, it->where.file, it->where.line, "%s \"%s\" codes \"%s\", a %s criterion",
                         prov ? "provision" : "incident", it->id, m->criteria[a].id, prov ? "practice" : "law");
    }
}

/* Warning: a url that is not a web address ("javascript:...", "file:..."); reports never make
 * one a link, but no analyst means it. */
static void check_urls(loader *l)
{
    char q[ESC_MAX];
    for (size_t i = 0; i < l->m->n_sources; i++) {
        const ilo_source *src = &l->m->sources[i];
        if (src->url && strncmp(src->url, "https://", 8) != 0 && strncmp(src->url, "http://", 7) != 0)
            ilo_ctx_warn(l->ctx, src->where.file, src->where.line,
                         "source \"%s\": url \"%s\" does not start with https:// or http://", src->id, esc(q, src->url));
    }
}

static void check_bands(loader *l)
{
    char q[ESC_MAX];
    for (size_t i = 0; i < l->m->n_methods; i++) {
        const ilo_method *me = &l->m->methods[i];
        for (size_t b = 0; me->bands && b < me->n_bands; b++)
            if (!me->bands[b].breakdown && me->bands[b].min > me->scale)
                err_at(l, me->where, "band \"%s\" starts at %g, above the method's scale (%g)",
                       me->bands[b].rating ? esc(q, me->bands[b].rating) : "?", me->bands[b].min, me->scale);
    }
}

/* Warning: a regime criterion with groups that selects no criterion of the catalogue (one without
 * groups whose conventions have no criteria is a deliberate "outside the catalogue"). */
static void check_regime_scopes(loader *l)
{
    const ilo_model *m = l->m;
    for (size_t r = 0; r < m->n_regimes; r++)
        for (size_t k = 0; k < m->regimes[r].n_criteria; k++) {
            const ilo_regime_criterion *rc = &m->regimes[r].criteria[k];
            if (rc->outside || !rc->n_groups || !rc->id) continue;
            ilo_bitset sel;
            ilo_brief_scope(m, r, k, &sel);
            if (ilo_bitset_count(&sel) == 0)
                ilo_ctx_warn(l->ctx, rc->where.file, rc->where.line,
                             "regime criterion \"%s\" selects no criterion: no criterion of its conventions is in its groups",
                             rc->id);
        }
}

/* One id added by two operations, of one scenario file or of two, would make the second fail
 * whenever both apply. */
static void check_scenario_adds(loader *l)
{
    ilo_model *m = l->m;
    ilo_hash seen = {0};
    const ilo_op **by = NULL;
    size_t cap = 0, n = 0;
    for (size_t s = 0; s < m->n_scenarios && !l->oom; s++)
        for (size_t i = 0; i < m->scenarios[s].n_ops; i++) {
            const ilo_op *op = &m->scenarios[s].ops[i];
            if ((op->kind != ILO_OP_ADD_PROVISION && op->kind != ILO_OP_ADD_INCIDENT) || !op->added.id) continue;
            size_t prev;
            if (!ilo_grow((void **)&by, &cap, n, sizeof *by) || !ilo_hash_add(&seen, op->added.id, n, &prev)) {
                alloc(l, SIZE_MAX / 2);
                break;
            }
            if (prev != SIZE_MAX) {
                err_at(l, op->where, "scenario adds \"%s\", which is also added at %s:%d", op->added.id,
                       by[prev]->where.file, by[prev]->where.line);
                continue;
            }
            by[n++] = op;
        }
    ilo_hash_free(&seen);
    free(by);
}

static void check_rules(loader *l)
{
    const ilo_model *m = l->m;
    for (size_t c = 0; c < m->n_countries; c++) {
        check_published(l, &m->countries[c]);
        check_ratifications(l, &m->countries[c]);
        check_conflict_targets(l, &m->countries[c]);
    }
    check_bands(l);
    check_scenario_adds(l);
    /* Warnings, grouped by rule, in the order of the files (regimes come before countries). */
    check_regime_scopes(l);
    check_urls(l);
    for (size_t i = 0; i < m->n_items; i++) check_item_criteria(l, &m->items[i]);
    for (size_t s = 0; s < m->n_scenarios; s++)
        for (size_t i = 0; i < m->scenarios[s].n_ops; i++)
            if (m->scenarios[s].ops[i].kind == ILO_OP_ADD_PROVISION || m->scenarios[s].ops[i].kind == ILO_OP_ADD_INCIDENT)
                check_item_criteria(l, &m->scenarios[s].ops[i].added);
}

static void finish(loader *l)
{
    ilo_model *m = l->m;
    l->file = NULL;
    resolve_fixups(l);
    resolve_examines(l);
    apply_rules(l);
    build_sdg_index(l);
    for (size_t i = 0; i < m->n_items; i++) ilo_item_finish(m, &m->items[i]);
    for (size_t c = 0; c < m->n_countries; c++) check_country(l, &m->countries[c]);
    check_scenarios(l);
    for (size_t i = 0; i < l->n_scen_sources; i++) {
        struct scen_src *ss = &l->scen_sources[i];
        if (ss->scenario >= m->n_scenarios) continue;
        for (size_t k = ss->first; k < ss->end; k++) m->sources[k].country = m->scenarios[ss->scenario].country;
    }
    index_sources(l);
    method_scopes(m);
    check_rules(l);
    m->c087 = ilo_model_find_convention(m, "C087");
    m->c098 = ilo_model_find_convention(m, "C098");
    if (!l->oom) ilo_published_finish(m, l->ctx);
}

ilo_status ilo_model_load(const char *dir, const char *const *extra, size_t n_extra, ilo_model **out,
                          ilo_ctx *ctx)
{
    *out = NULL;
    ilo_model *m = calloc(1, sizeof *m);
    if (!m || !(m->priv = calloc(1, sizeof *m->priv))) {
        free(m);
        return ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    }
    loader l = {.m = m, .A = &m->priv->arena, .ctx = ctx, .owner = SIZE_MAX};
    size_t before = ilo_ctx_count(ctx);
    ilo_file_list jobs = {0};
    list_dir(&l, &jobs, dir, "criteria", true, load_catalogue);
    list_dir(&l, &jobs, dir, "criteria/methods", true, load_method);
    list_dir(&l, &jobs, dir, "criteria/regimes", false, load_regime);
    list_dir(&l, &jobs, dir, "countries", false, load_country);
    list_dir(&l, &jobs, dir, "scenarios", false, load_scenario);
    list_dir(&l, &jobs, dir, "published", false, load_published_file);
    for (size_t i = 0; i < n_extra && !l.oom; i++)
        if (!ilo_files_add(&jobs, strdup(extra[i]), (ilo_file_fn)load_scenario, 0)) alloc(&l, SIZE_MAX / 2);
    if (!l.oom) ilo_files_run(&jobs, build_job, &l);
    if (!l.oom) finish(&l);
    /* The year index reads the resolved references: only a model without errors has them. */
    if (!l.oom && ilo_ctx_count(ctx) == before && !(m->priv->years = ilo_year_index_new(m)))
        ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
    ilo_files_free(&jobs);
    free(l.fix);
    free(l.exam);
    free(l.rules);
    free(l.scen_sources);
    for (int i = 0; i < ILO_NS__COUNT; i++) ilo_hash_free(&l.rejected[i]);
    if (ilo_ctx_count(ctx) > before) {
        ilo_model_free(m);
        return ilo_ctx_status(ctx) ? ilo_ctx_status(ctx) : ILO_ERR_INVALID;
    }
    *out = m;
    return ILO_OK;
}
