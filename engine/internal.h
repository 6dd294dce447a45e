/*
 * internal.h: what the engine's files share and the public header does not show: an arena that
 * owns every string and array of a model, a string-to-index hash table, and growable vectors.
 * Not installed; not for reports/ or cli/.
 */
#ifndef ILO_INTERNAL_H
#define ILO_INTERNAL_H

#include "iloscore.h"

/* A bump allocator. Everything allocated from it is freed at once by ilo_arena_free(). */
typedef struct ilo_arena_chunk ilo_arena_chunk;
typedef struct ilo_arena {
    ilo_arena_chunk *head;
    size_t used, cap;
    size_t ready; /* bytes of the head chunk already prefaulted (see ilo_prefault) */
} ilo_arena;

void *ilo_arena_alloc(ilo_arena *a, size_t n);   /* zeroed; NULL when out of memory */
char *ilo_arena_strdup(ilo_arena *a, const char *s);
void ilo_arena_free(ilo_arena *a);

/* Open-addressing hash from a string (borrowed: must outlive the table) to an index. */
/* One slot of a hash table. Key, value and hash side by side: a probe reads one cache line, not
 * one per array (a loaded world's tables are megabytes, so most probes miss the cache). */
typedef struct ilo_hash_entry {
    const char *key; /* NULL: the slot is free */
    size_t val;
    size_t hash; /* hash_str() of key: rehashing and probing need no string */
} ilo_hash_entry;

typedef struct ilo_hash {
    ilo_hash_entry *e;
    size_t cap, n;
} ilo_hash;

bool ilo_hash_put(ilo_hash *h, const char *key, size_t val); /* false when out of memory */
size_t ilo_hash_get(const ilo_hash *h, const char *key);      /* SIZE_MAX when absent */
void ilo_hash_free(ilo_hash *h);

/* Grows *base (elements of size elem) so that index n fits; false when out of memory. */
bool ilo_grow(void **base, size_t *cap, size_t n, size_t elem);

enum { ILO_NS_SOURCE, ILO_NS_CONVENTION, ILO_NS_GROUP, ILO_NS_CRITERION, ILO_NS_METHOD,
       ILO_NS_REGIME, ILO_NS_COUNTRY, ILO_NS_ITEM, ILO_NS_SCENARIO, ILO_NS_EVENT,
       ILO_NS_CONFLICT, ILO_NS__COUNT };

struct ilo_model_private {
    ilo_arena arena;
    ilo_hash ns[ILO_NS__COUNT];
    size_t *sdg_index; /* criterion index by SDG number (0..n_sdg-1), SIZE_MAX when none */
    size_t n_sdg;
    ilo_bitset *conv_criteria; /* per convention: its criteria */
};

/* Recomputes an item's coded bitset (rules applied) and its first and last days. */
void ilo_item_finish(const ilo_model *m, ilo_item *it);

/* Asks the kernel to map the pages of [p, p + n) writable at once (Linux's MADV_POPULATE_WRITE;
 * nothing elsewhere): one call instead of a page fault per page, which costs about 20 us in the
 * development VM. Contents are unchanged. For blocks of at least ILO_PREFAULT_MIN bytes. */
#define ILO_PREFAULT_MIN ((size_t)1 << 20)
void ilo_prefault(void *p, size_t n);

bool ilo_utf8_valid(const char *s, size_t n);

#endif
