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

/* An open-addressing table from string keys (borrowed: they must outlive the table) to indices
 * below UINT32_MAX. A slot is 8 bytes, its key pointer kept apart, so that the tables of a large
 * world (one per namespace: 47,500 items at 1x benchmark scale) stay small enough for the cache. */
typedef struct ilo_hash_slot {
    uint32_t tag; /* hash of the key, never 0; 0: the slot is free */
    uint32_t val;
} ilo_hash_slot;

typedef struct ilo_hash {
    ilo_hash_slot *slot;
    const char **key;
    size_t cap, n;
} ilo_hash;

/* Adds key -> val unless key is present; *prev gets the value already there, or SIZE_MAX when
 * key was added. False when out of memory (or val >= UINT32_MAX). One probe for both. */
bool ilo_hash_add(ilo_hash *h, const char *key, size_t val, size_t *prev);
size_t ilo_hash_get(const ilo_hash *h, const char *key);      /* SIZE_MAX when absent */
void ilo_hash_free(ilo_hash *h);

/* Grows *base (elements of size elem) so that index n fits; false when out of memory. */
bool ilo_grow(void **base, size_t *cap, size_t n, size_t elem);

enum { ILO_NS_SOURCE, ILO_NS_CONVENTION, ILO_NS_GROUP, ILO_NS_CRITERION, ILO_NS_METHOD,
       ILO_NS_REGIME, ILO_NS_COUNTRY, ILO_NS_ITEM, ILO_NS_SCENARIO, ILO_NS_EVENT,
       ILO_NS_CONFLICT, ILO_NS_RECOMMENDATION, ILO_NS__COUNT };

/* Per country, which of its items can count in each year and its examining sources by year
 * (yearindex.c says why and what evaluation relies on). Rows 0..n_years-1 are the years
 * first..first+n_years-1; row n_years (the tail) serves every later year; earlier years have no
 * row. Row k of `active` and `dated` is words 64-bit words from k * words: bit i for the
 * country's item i (item_first + i), in force or happening in the year (active), or with a source
 * dated in it (dated). `legal` (one row): the items citing a legislation source. The examining
 * sources dated in row k's year: exam[exam_start[k] .. exam_start[k + 1] - 1]. */
typedef struct ilo_year_index {
    int first, n_years; /* n_years == 0: the country has nothing dated, every year is empty */
    size_t words;
    size_t n_sources;   /* the sources of all its items: room enough for any year's findings */
    uint64_t *active, *dated, *legal;
    uint32_t *exam_start;
    size_t *exam;
} ilo_year_index;

/* One per country of m (NULL when out of memory); free with ilo_year_index_free(x, n_countries). */
ilo_year_index *ilo_year_index_new(const ilo_model *m);
void ilo_year_index_free(ilo_year_index *x, size_t n);
/* The row of year, or SIZE_MAX when the year has none (nothing can count in it). */
size_t ilo_year_row(const ilo_year_index *x, int year);

struct ilo_model_private {
    ilo_arena arena;
    ilo_hash ns[ILO_NS__COUNT];
    size_t *sdg_index; /* criterion index by SDG number (0..n_sdg-1), SIZE_MAX when none */
    size_t n_sdg;
    ilo_bitset *conv_criteria; /* per convention: its criteria */
    ilo_year_index *years;     /* per country (see above) */
};

/* The private part of an ilo_result (ilo_result->priv): made by ilo_result_new() and freed by
 * ilo_result_free() with everything it points to. The findings' `sources` point into
 * source_pool, so a function that adds findings to a result (ilo_brief_window) copies their
 * sources there; ilo_eval() sizes it for every source of the profile's items. The counters and
 * buffers after it are eval.c's alone, kept with the result so that evaluation never allocates
 * them. */
typedef struct ilo_result_private {
    size_t *source_pool;  /* n_source_pool used of cap_pool */
    size_t n_source_pool, cap_pool;
    size_t cap_items;     /* the result's findings[] has room for this many */
    uint32_t *count;      /* per criterion: counted items that code it */
    uint32_t *seen;       /* per criterion: coders met so far, in data order */
    size_t n_criteria;
    ilo_finding *tmp;     /* room for the findings, for sorting them */
    uint32_t *cand;       /* the items that can count in the year */
    size_t cap;           /* tmp[] and cand[] have room for this many */
} ilo_result_private;

/* Recomputes an item's coded bitset (rules applied) and its first and last days. */
void ilo_item_finish(const ilo_model *m, ilo_item *it);

/* Asks the kernel to map the pages of [p, p + n) writable at once (Linux's MADV_POPULATE_WRITE;
 * nothing elsewhere): one call instead of a page fault per page, which costs about 20 us in the
 * development VM. Contents are unchanged. For blocks of at least ILO_PREFAULT_MIN bytes. */
#define ILO_PREFAULT_MIN ((size_t)1 << 20)
void ilo_prefault(void *p, size_t n);

bool ilo_utf8_valid(const char *s, size_t n);

/* The first n (n <= 227) numbers gsl_rng_uniform() gives from gsl_rng_mt19937 seeded with seed,
 * into u, faster than GSL (sensitivity.c: every draw seeds its own generator). */
void ilo_mt19937_uniform(unsigned long seed, size_t n, double *u);

/* After loading (published.c): sorts each vintage's figures and each regime's periods and
 * decisions, resolves their country codes to profiles, computes each figure's `known` day, and
 * reports duplicate vintage ids and duplicate figures (errors in ctx). */
void ilo_published_finish(ilo_model *m, ilo_ctx *ctx);

/*
 * A parsed data file, flattened: libconfig parses the text, then every setting is copied into an
 * array of nodes (the children of a group, list or array side by side) and the string buffer
 * beside it, and libconfig's tree is destroyed at once. The loader reads these nodes rather than
 * the tree: they are a few contiguous blocks instead of thousands of scattered allocations, and
 * they can be made by another thread than the one that reads them (see load.c), since nothing
 * of libconfig's is shared. Only doc.c includes libconfig.
 */
typedef enum ilo_node_type {
    ILO_NODE_NONE, ILO_NODE_GROUP, ILO_NODE_INT, ILO_NODE_INT64, ILO_NODE_FLOAT, ILO_NODE_STRING,
    ILO_NODE_BOOL, ILO_NODE_ARRAY, ILO_NODE_LIST
} ilo_node_type;

typedef struct ilo_node ilo_node;
struct ilo_node {
    /* The member's name (NULL for an element of a list or array), and the children of a group,
     * list or array (n of them). Each is an offset (.at) while the doc is built, a pointer (.p)
     * once ilo_doc_parse() has returned. */
    union {
        const char *p;
        size_t at;
    } name;
    union {
        const ilo_node *p;
        size_t at;
    } kids;
    union {
        const char *s;     /* ILO_NODE_STRING: the value, NUL-terminated */
        long long i;       /* ILO_NODE_INT, ILO_NODE_INT64 */
        double f;          /* ILO_NODE_FLOAT */
        bool b;            /* ILO_NODE_BOOL */
    } v;
    uint32_t n;
    uint32_t len;          /* a string's length in bytes */
    uint32_t line;         /* the line libconfig gives the setting (0 for the root) */
    uint8_t type;          /* ilo_node_type */
};

/* Owns its nodes and strings; reused from file to file. Zero-initialise; release with
 * ilo_doc_free(). */
typedef struct ilo_doc {
    ilo_node *node; /* node[0] is the root group */
    size_t n, cap;
    char *text;
    size_t used, text_cap;
} ilo_doc;

/* Parses text (len bytes and a NUL) with libconfig and flattens it into d (what d held before is
 * dropped). Returns ILO_OK; or ILO_ERR_PARSE with libconfig's line and message in *e, or
 * ILO_ERR_NOMEM. Thread-safe for distinct docs. The nodes hold offsets until ilo_doc_settle()
 * turns them into pointers, once, after a successful parse: the thread that reads the doc calls
 * it, so that the thread that parses spends no time on it. */
ilo_status ilo_doc_parse(ilo_doc *d, const char *text, size_t len, ilo_error *e);
void ilo_doc_settle(ilo_doc *d);
void ilo_doc_free(ilo_doc *d); /* accepts NULL */

/* ---- files.c: the files of a data tree, read and parsed in order ---- */

/* What the loader does with a file; files.c only carries it (load.c casts it back). */
typedef void (*ilo_file_fn)(void);

/* One file to load, in loading order; or a folder that could not be opened (fn NULL, dir_errno
 * set), reported at its place in that order. The list owns each path (malloc'd). */
typedef struct ilo_file_job {
    char *path;
    ilo_file_fn fn;
    int dir_errno;
} ilo_file_job;
typedef struct ilo_file_list {
    ilo_file_job *v;
    size_t n, cap;
} ilo_file_list;

/* Appends a job, taking path (freed here when it cannot be kept); false when out of memory. */
bool ilo_files_add(ilo_file_list *J, char *path, ilo_file_fn fn, int dir_errno);
/* Appends every *.cfg of top/sub, in byte order of names, with fn. A missing folder is a job
 * with dir_errno when `required` (or when it exists but cannot be opened), else nothing. False
 * when out of memory. */
bool ilo_files_list_dir(ilo_file_list *J, const char *top, const char *sub, bool required, ilo_file_fn fn);
void ilo_files_free(ilo_file_list *J); /* the paths and the vector; accepts NULL */

/* Called once per job, in order, on the caller's thread: doc is the file parsed (root at
 * doc->node[0]) when the file was read and parsed, else NULL with the reason in e (a folder job
 * carries no doc and an ILO_OK e). Returns false to stop (out of memory). */
typedef bool (*ilo_file_build)(void *arg, const ilo_file_job *job, ilo_doc *doc, const ilo_error *e);
/* Reads, prescans and parses every job, a few files ahead and on a second thread when one can be
 * started, and hands each to build in job order: the errors and the order are those of a
 * single-threaded run. */
void ilo_files_run(const ilo_file_list *J, ilo_file_build build, void *arg);

#endif
