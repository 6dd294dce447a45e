/* util.c: the arena, the hash table, vectors, UTF-8 validation, bitset counting. */
/* MAP_ANONYMOUS and MADV_POPULATE_WRITE are not POSIX: glibc shows them under _DEFAULT_SOURCE. */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

void ilo_prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
    /* madvise() wants a page-aligned start; the page before p's is part of the same mapping
     * (a malloc() block's header or the heap), and populating does not change its contents. */
    uintptr_t lo = (uintptr_t)p & ~(uintptr_t)4095, hi = (uintptr_t)p + n;
    if (n) (void)madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE); /* a hint: failure is harmless */
#else
    (void)p;
    (void)n;
#endif
}

struct ilo_arena_chunk {
    ilo_arena_chunk *next;
    size_t cap;    /* bytes of data[] */
    size_t mapped; /* bytes of the whole mmap()ed chunk; 0 when it came from malloc() */
    max_align_t data[];
};

/* Chunk sizes double from 1 MB to 16 MB: a small arena (a brief, a scenario copy) stays small,
 * and a big model takes few chunks. */
#define ARENA_MIN ((size_t)1 << 20)
#define ARENA_MAX ((size_t)16 << 20)

/* A new chunk of at least `need` data bytes. mmap()ed memory is already zeroed, so allocations
 * from it skip the memset; malloc() is the fallback where mmap() fails. */
static ilo_arena_chunk *chunk_new(ilo_arena *a, size_t need)
{
    size_t cap = a->cap ? a->cap * 2 : ARENA_MIN;
    if (cap > ARENA_MAX) cap = ARENA_MAX;
    if (cap < need) cap = need;
    if (cap > SIZE_MAX - sizeof(ilo_arena_chunk) - 4096) return NULL;
    size_t len = (sizeof(ilo_arena_chunk) + cap + 4095) & ~(size_t)4095;
    ilo_arena_chunk *c = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (c != MAP_FAILED) {
        c->mapped = len;
        c->cap = len - sizeof *c;
    } else {
        if (!(c = malloc(sizeof *c + cap))) return NULL;
        c->mapped = 0;
        c->cap = cap;
    }
    return c;
}

void *ilo_arena_alloc(ilo_arena *a, size_t n)
{
    if (n > SIZE_MAX - 15) return NULL;
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->used + n > a->cap) {
        ilo_arena_chunk *c = chunk_new(a, n);
        if (!c) return NULL;
        c->next = a->head;
        a->head = c;
        a->used = a->ready = 0;
        a->cap = c->cap;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += n;
    if (!a->head->mapped) {
        memset(p, 0, n);
    } else if (a->used > a->ready) {
        /* Prefault the chunk ahead of the bump pointer, by as much as is already used (64 KB to
         * 1 MB): one call instead of a fault per page, and at most 1 MB mapped but unused. */
        size_t ahead = a->used < ((size_t)64 << 10) ? (size_t)64 << 10 : a->used;
        if (ahead > ILO_PREFAULT_MIN) ahead = ILO_PREFAULT_MIN;
        size_t end = a->cap - a->used < ahead ? a->cap : a->used + ahead;
        ilo_prefault((char *)a->head->data + a->ready, end - a->ready);
        a->ready = end;
    }
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
        if (c->mapped) munmap(c, c->mapped);
        else free(c);
        c = next;
    }
    a->head = NULL;
    a->used = a->cap = a->ready = 0;
}

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h ? h : 1u; /* never 0, the tag of a free slot (setting a bit instead would leave half
                        * the slots never a key's first probe) */
}

/* calloc() for a hash table's arrays. Hashing spreads the entries over every page of a table, so
 * a big one is prefaulted at once rather than a fault per page, before it is zeroed. */
static void *table_alloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = malloc(n * size);
    if (p && n * size >= ((size_t)64 << 10)) ilo_prefault(p, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

static bool hash_resize(ilo_hash *h, size_t cap)
{
    ilo_hash_slot *s = table_alloc(cap, sizeof *s);
    const char **k = table_alloc(cap, sizeof *k);
    if (!s || !k) {
        free(s);
        free(k);
        return false;
    }
    /* The stored tags move the entries without reading their keys (scattered strings). */
    for (size_t i = 0; i < h->cap; i++) {
        if (!h->slot[i].tag) continue;
        size_t j = h->slot[i].tag & (cap - 1);
        while (s[j].tag) j = (j + 1) & (cap - 1);
        s[j] = h->slot[i];
        k[j] = h->key[i];
    }
    free(h->slot);
    free(h->key);
    h->slot = s;
    h->key = k;
    h->cap = cap;
    return true;
}

/* The slot holding key (tag hv), or the free slot where it would go. Keys are compared only
 * when the tags match, so a probe usually reads the slot array alone. */
static size_t hash_find(const ilo_hash *h, const char *key, uint32_t hv)
{
    size_t j = hv & (h->cap - 1);
    while (h->slot[j].tag && (h->slot[j].tag != hv || strcmp(h->key[j], key) != 0)) j = (j + 1) & (h->cap - 1);
    return j;
}

bool ilo_hash_add(ilo_hash *h, const char *key, size_t val, size_t *prev)
{
    *prev = SIZE_MAX;
    if (val >= UINT32_MAX) return false;
    if ((h->n + 1) * 2 > h->cap && !hash_resize(h, h->cap ? h->cap * 2 : 64)) return false;
    uint32_t hv = hash_str(key);
    size_t j = hash_find(h, key, hv);
    if (h->slot[j].tag) {
        *prev = h->slot[j].val;
        return true;
    }
    h->slot[j] = (ilo_hash_slot){hv, (uint32_t)val};
    h->key[j] = key;
    h->n++;
    return true;
}

size_t ilo_hash_get(const ilo_hash *h, const char *key)
{
    if (!h->cap) return SIZE_MAX;
    size_t j = hash_find(h, key, hash_str(key));
    return h->slot[j].tag ? h->slot[j].val : SIZE_MAX;
}

void ilo_hash_free(ilo_hash *h)
{
    free(h->slot);
    free(h->key);
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
        /* Most text is ASCII: eight bytes at a time while none has its high bit set. */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080u) break;
            p += 8;
        }
        if (p == end) break;
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
