/* util.c: the arena, the hash table, vectors, UTF-8 validation, bitset counting. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ilo_arena_chunk {
    ilo_arena_chunk *next;
    size_t cap;
    max_align_t data[];
};

void *ilo_arena_alloc(ilo_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->used + n > a->cap) {
        size_t cap = n > (size_t)1 << 20 ? n : (size_t)1 << 20;
        ilo_arena_chunk *c = malloc(sizeof *c + cap);
        if (!c) return NULL;
        c->next = a->head;
        c->cap = cap;
        a->head = c;
        a->used = 0;
        a->cap = cap;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += n;
    memset(p, 0, n);
    return p;
}

char *ilo_arena_strdup(ilo_arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = ilo_arena_alloc(a, n);
    if (p) memcpy(p, s, n);
    return p;
}

void ilo_arena_free(ilo_arena *a)
{
    ilo_arena_chunk *c = a->head;
    while (c) {
        ilo_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->used = a->cap = 0;
}

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static bool hash_resize(ilo_hash *h, size_t cap)
{
    const char **keys = calloc(cap, sizeof *keys);
    size_t *vals = calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return false;
    }
    for (size_t i = 0; i < h->cap; i++) {
        if (!h->keys[i]) continue;
        size_t j = hash_str(h->keys[i]) & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = h->keys[i];
        vals[j] = h->vals[i];
    }
    free(h->keys);
    free(h->vals);
    h->keys = keys;
    h->vals = vals;
    h->cap = cap;
    return true;
}

bool ilo_hash_put(ilo_hash *h, const char *key, size_t val)
{
    if ((h->n + 1) * 2 > h->cap && !hash_resize(h, h->cap ? h->cap * 2 : 64)) return false;
    size_t j = hash_str(key) & (h->cap - 1);
    while (h->keys[j] && strcmp(h->keys[j], key) != 0) j = (j + 1) & (h->cap - 1);
    if (!h->keys[j]) h->n++;
    h->keys[j] = key;
    h->vals[j] = val;
    return true;
}

size_t ilo_hash_get(const ilo_hash *h, const char *key)
{
    if (!h->cap) return SIZE_MAX;
    size_t j = hash_str(key) & (h->cap - 1);
    while (h->keys[j]) {
        if (strcmp(h->keys[j], key) == 0) return h->vals[j];
        j = (j + 1) & (h->cap - 1);
    }
    return SIZE_MAX;
}

void ilo_hash_free(ilo_hash *h)
{
    free(h->keys);
    free(h->vals);
    memset(h, 0, sizeof *h);
}

bool ilo_grow(void **base, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return true;
    size_t c = *cap ? *cap : 16;
    while (c <= n) c *= 2;
    void *p = realloc(*base, c * elem);
    if (!p) return false;
    memset((char *)p + *cap * elem, 0, (c - *cap) * elem);
    *base = p;
    *cap = c;
    return true;
}

bool ilo_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        size_t len;
        unsigned min;
        if (c < 0x80) { p++; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; c &= 0x07; }
        else return false;
        if ((size_t)(end - p) < len) return false;
        for (size_t i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80) return false;
            c = (c << 6) | (p[i] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
        p += len;
    }
    return true;
}

size_t ilo_bitset_count(const ilo_bitset *b)
{
    size_t n = 0;
    for (size_t k = 0; k < ILO_BITSET_WORDS; k++) n += (size_t)__builtin_popcountll(b->w[k]);
    return n;
}

static const char *const kind_names[ILO_SRC__COUNT] = {
    "ilo-ceacr", "ilo-cas", "ilo-cfa", "ilo-art24", "ilo-art26", "ilo-baseline", "ilo-mission",
    "ilo-other", "ituc", "ngo", "un", "media", "government", "legislation", "eu",
    "us-government", "academic", "other"};

const char *ilo_source_kind_name(ilo_source_kind k)
{
    return (unsigned)k < ILO_SRC__COUNT ? kind_names[k] : "?";
}

int ilo_source_kind_parse(const char *s)
{
    for (int k = 0; k < ILO_SRC__COUNT; k++)
        if (strcmp(kind_names[k], s) == 0) return k;
    return -1;
}
