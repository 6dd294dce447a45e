/*
 * doc.c: a data file parsed by libconfig and flattened into an ilo_doc (see internal.h). The
 * only file of the engine that includes libconfig.
 */
/* memccpy() is XSI. */
#define _XOPEN_SOURCE 700
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ilo_node_type uses libconfig's numbering, so a type is copied as it is. */
_Static_assert(CONFIG_TYPE_NONE == ILO_NODE_NONE && CONFIG_TYPE_GROUP == ILO_NODE_GROUP &&
                   CONFIG_TYPE_INT == ILO_NODE_INT && CONFIG_TYPE_INT64 == ILO_NODE_INT64 &&
                   CONFIG_TYPE_FLOAT == ILO_NODE_FLOAT && CONFIG_TYPE_STRING == ILO_NODE_STRING &&
                   CONFIG_TYPE_BOOL == ILO_NODE_BOOL && CONFIG_TYPE_ARRAY == ILO_NODE_ARRAY &&
                   CONFIG_TYPE_LIST == ILO_NODE_LIST,
               "libconfig's type numbers changed");

/* Copies the string s into the doc's text; returns the copy's offset and sets *len to its
 * length, or returns UINT32_MAX when out of memory (or beyond 4 GB: offsets are 32-bit). One pass:
 * memccpy() copies up to the NUL and says where it stopped, so no strlen() first. */
static uint32_t keep(ilo_doc *d, const char *s, size_t *len)
{
    for (;;) {
        if (d->text) {
            char *at = d->text + d->used, *end = memccpy(at, s, '\0', d->text_cap - d->used);
            if (end) {
                *len = (size_t)(end - at) - 1;
                d->used += *len + 1;
                return (uint32_t)(at - d->text);
            }
        }
        size_t cap = d->text_cap ? 2 * d->text_cap : 4096;
        if (cap > UINT32_MAX) return UINT32_MAX;
        char *t = realloc(d->text, cap);
        if (!t) return UINT32_MAX;
        d->text = t;
        d->text_cap = cap;
    }
}

/* Makes room for k more nodes. */
static bool room(ilo_doc *d, size_t k)
{
    if (d->n + k <= d->cap) return true;
    size_t cap = d->cap ? d->cap : 1024;
    while (cap < d->n + k) cap *= 2;
    if (cap > UINT32_MAX) return false;
    ilo_node *v = realloc(d->node, cap * sizeof *v);
    if (!v) return false;
    d->node = v;
    d->cap = cap;
    return true;
}

/* Fills node i from setting s, its children not yet. */
static bool fill(ilo_doc *d, size_t i, const config_setting_t *s)
{
    ilo_node *nd = &d->node[i];
    memset(nd, 0, sizeof *nd);
    nd->type = (uint8_t)config_setting_type(s);
    nd->line = config_setting_source_line(s);
    nd->name.at = SIZE_MAX;
    const char *name = config_setting_name(s);
    size_t len;
    if (name && (nd->name.at = keep(d, name, &len)) == UINT32_MAX) return false;
    switch (nd->type) {
    case ILO_NODE_INT:
    case ILO_NODE_INT64: nd->v.i = config_setting_get_int64(s); break;
    case ILO_NODE_FLOAT: nd->v.f = config_setting_get_float(s); break;
    case ILO_NODE_BOOL: nd->v.b = config_setting_get_bool(s) != 0; break;
    case ILO_NODE_STRING: {
        uint32_t at = keep(d, config_setting_get_string(s), &len);
        if (at == UINT32_MAX) return false;
        nd->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
        nd->v.i = at; /* an offset until ilo_doc_parse() ends */
        break;
    }
    default: break;
    }
    return true;
}

/* Flattens the children of setting s, whose node is i: first all of them side by side, then each
 * one's own children. Depth is bounded by the loader's prescan (64 levels). */
static bool flatten(ilo_doc *d, size_t i, const config_setting_t *s)
{
    unsigned n = (unsigned)config_setting_length(s);
    if (!room(d, n)) return false;
    size_t first = d->n;
    d->n += n;
    d->node[i].kids.at = first;
    d->node[i].n = n;
    for (unsigned k = 0; k < n; k++)
        if (!fill(d, first + k, config_setting_get_elem(s, k))) return false;
    for (unsigned k = 0; k < n; k++) {
        const config_setting_t *c = config_setting_get_elem(s, k);
        if (config_setting_is_aggregate(c) && !flatten(d, first + k, c)) return false;
    }
    return true;
}

/* Turns the offsets into pointers, once the arrays have stopped moving. Once per parse: a
 * second call would take the pointers for offsets. */
void ilo_doc_settle(ilo_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        ilo_node *nd = &d->node[i];
        nd->name.p = nd->name.at == SIZE_MAX ? NULL : d->text + nd->name.at;
        nd->kids.p = nd->n ? d->node + nd->kids.at : NULL;
        if (nd->type == ILO_NODE_STRING) nd->v.s = d->text + (size_t)nd->v.i;
    }
}

ilo_status ilo_doc_parse(ilo_doc *d, const char *text, size_t len, ilo_error *e)
{
    d->n = 0;
    d->used = 0;
    /* The names and strings of a file, with a NUL each, take at most twice its length, so the
     * text rarely has to grow while it is filled. */
    size_t want = 2 * len + 64;
    if (want > d->text_cap && want <= UINT32_MAX) {
        char *t = realloc(d->text, want);
        if (t) {
            d->text = t;
            d->text_cap = want;
        }
    }
    config_t cfg;
    config_init(&cfg);
    config_set_auto_convert(&cfg, CONFIG_TRUE);
    ilo_status st = ILO_OK;
    /* libconfig reads the text through a stream over it, in its scanner's small chunks, as it reads
     * a file: config_read_string() would first copy the whole text into a fresh allocation. */
    FILE *mem = fmemopen((void *)text, len, "r"); /* read only: the cast drops no promise */
    int ok = mem ? config_read(&cfg, mem) : config_read_string(&cfg, text);
    if (mem) fclose(mem);
    if (!ok) {
        e->code = st = ILO_ERR_PARSE;
        e->line = config_error_line(&cfg);
        snprintf(e->msg, sizeof e->msg, "%s", config_error_text(&cfg));
        goto out;
    }
    const config_setting_t *root = config_root_setting(&cfg);
    bool ok_room = room(d, 1);
    if (ok_room) d->n = 1; /* the root, whose children flatten() places after it */
    if (!ok_room || !fill(d, 0, root) || !flatten(d, 0, root)) {
        e->code = st = ILO_ERR_NOMEM;
        e->line = 0;
        snprintf(e->msg, sizeof e->msg, "out of memory");
        goto out;
    }
out:
    config_destroy(&cfg);
    if (st != ILO_OK) d->n = 0;
    return st;
}

void ilo_doc_free(ilo_doc *d)
{
    if (!d) return;
    free(d->node);
    free(d->text);
    memset(d, 0, sizeof *d);
}
