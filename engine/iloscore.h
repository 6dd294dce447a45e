/*
 * iloscore.h: the iloscore engine, its one public header.
 *
 * The engine loads a data tree (conventions, criteria, methods, trade regimes, country
 * profiles, scenarios), validates it strictly, and evaluates a country's compliance with ILO
 * conventions per year and per method. It never prints and never exits: every function returns
 * a status (ILO_OK or an ILO_ERR_* code) and records what went wrong, with file and line, in an
 * ilo_ctx that the caller owns.
 *
 * Sections, in the order a caller needs them:
 *   1. Status codes, limits and the error context
 *   2. Dates
 *   3. The model (read-only after loading)
 *   4. Loading
 *   5. Evaluation of one country-year under one method
 *   6. Trends
 *   7. Scenarios
 *   8. Coding sheets
 *   9. Version
 *  10. Trade-review briefs
 *  11. Ranking and sensitivity
 *  12. Synthetic worlds
 *  13. Published figures and the place of a score among them
 *  14. Trade programmes in force and beneficiary standing
 *  15. Evidence as of a date
 *
 * Ownership, once for the whole header: every pointer inside an ilo_model is owned by the model
 * and is valid until ilo_model_free(). Strings in the model are UTF-8 and NUL-terminated. Objects
 * returned by an ilo_*_new() function are owned by the caller and released with the matching
 * ilo_*_free(), which accepts NULL. Indices (size_t) refer to the arrays of the model: they are
 * resolved from ids once, at load time, so evaluation never compares strings.
 */
#ifndef ILOSCORE_H
#define ILOSCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ILO_VERSION "0.1.0"

/* ------------------------------------------------------------------------------------------ */
/* 1. Status codes, limits and the error context                                              */
/* ------------------------------------------------------------------------------------------ */

typedef enum ilo_status {
    ILO_OK = 0,
    ILO_ERR_IO = 1,       /* a file is missing, unreadable or unwritable */
    ILO_ERR_PARSE = 2,    /* libconfig or CSV syntax error */
    ILO_ERR_INVALID = 3,  /* the data breaks a validation rule */
    ILO_ERR_NOTFOUND = 4, /* an id asked for (country, method, ...) does not exist */
    ILO_ERR_LIMIT = 5,    /* a documented limit is exceeded */
    ILO_ERR_NOMEM = 6,    /* out of memory */
    ILO_ERR_DOMAIN = 7    /* a statistic cannot be computed (too few values) */
} ilo_status;

#define ILO_MAX_ERRORS 100          /* errors kept in a context; later ones are counted */
#define ILO_MAX_FILE_BYTES (16L * 1024 * 1024)
#define ILO_MAX_SHEET_BYTES (256L * 1024 * 1024) /* a coding sheet (section 8) */
#define ILO_MAX_STRING 4096
#define ILO_MAX_ID 64
#define ILO_MAX_LIST 100000
#define ILO_MAX_CRITERIA 512
#define ILO_YEAR_MIN 1900
#define ILO_YEAR_MAX 2100

typedef struct ilo_error {
    ilo_status code;
    char file[512]; /* "" when no file applies */
    int line;       /* 0 when no line applies */
    char msg[512];
} ilo_error;

/* An error context. Create with ilo_ctx_new(), release with ilo_ctx_free(). */
typedef struct ilo_ctx ilo_ctx;

ilo_ctx *ilo_ctx_new(void);
void ilo_ctx_free(ilo_ctx *ctx);
/* Records an error (printf-style message) and returns code. Keeps the first ILO_MAX_ERRORS. */
ilo_status ilo_ctx_set(ilo_ctx *ctx, ilo_status code, const char *file, int line,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
size_t ilo_ctx_count(const ilo_ctx *ctx);   /* errors recorded, including the ones not kept */
size_t ilo_ctx_kept(const ilo_ctx *ctx);    /* errors kept: min(count, ILO_MAX_ERRORS) */
/* Borrowed; valid until the next call on ctx. i < ilo_ctx_kept(). */
const ilo_error *ilo_ctx_error(const ilo_ctx *ctx, size_t i);
/* The code of the first error, or ILO_OK. */
ilo_status ilo_ctx_status(const ilo_ctx *ctx);
void ilo_ctx_clear(ilo_ctx *ctx); /* forgets errors and warnings */
/* Warnings: data that the format allows but that is likely a mistake (docs/data-format.md lists
 * them). Kept apart from errors: a warning never fails a load, and ilo_ctx_count() and
 * ilo_ctx_status() ignore them. The first ILO_MAX_ERRORS are kept, in the order found; the code
 * of a kept warning is ILO_OK. */
void ilo_ctx_warn(ilo_ctx *ctx, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
size_t ilo_ctx_warning_count(const ilo_ctx *ctx); /* warnings recorded, including the ones not kept */
/* Borrowed; valid until the next call on ctx. i < min(ilo_ctx_warning_count(), ILO_MAX_ERRORS). */
const ilo_error *ilo_ctx_warning(const ilo_ctx *ctx, size_t i);
/* Copies the NUL-terminated src into dst (cap bytes, cap > 0, always NUL-terminated) so that it
 * prints on one line and cannot drive a terminal: control characters (C0, DEL, and C1 in UTF-8)
 * become \n, \r, \t or \xNN (\u0080 and the like for C1), and bytes that are not UTF-8 become \xNN.
 * Cuts at a character boundary when dst is full. Every message and file name that ilo_ctx_set()
 * records goes through it; the program prints its own messages through it too. Returns dst. */
char *ilo_escape_controls(char *dst, size_t cap, const char *src);

/* ------------------------------------------------------------------------------------------ */
/* 2. Dates                                                                                   */
/* ------------------------------------------------------------------------------------------ */

typedef enum ilo_precision { ILO_DATE_NONE = 0, ILO_DATE_YEAR, ILO_DATE_MONTH, ILO_DATE_DAY } ilo_precision;

/* A date as written in the data, "YYYY", "YYYY-MM" or "YYYY-MM-DD", and the days it covers.
 * Day numbers count from 1970-01-01 (day 0). A partial date covers its whole period. */
typedef struct ilo_date {
    int32_t first; /* first day covered */
    int32_t last;  /* last day covered */
    int16_t year;  /* year of `first` */
    uint8_t prec;  /* ilo_precision; ILO_DATE_NONE when absent */
    char text[11];
} ilo_date;

/* Parses s into *out. Returns false for a malformed or impossible date (2017-02-30) or a year
 * outside ILO_YEAR_MIN..ILO_YEAR_MAX. */
bool ilo_date_parse(const char *s, ilo_date *out);
int32_t ilo_days_from_civil(int y, int m, int d);
/* The date of day (days from 1970-01-01) at day precision, its text YYYY-MM-DD (years 0-9999). */
void ilo_date_of_day(int32_t day, ilo_date *out);
int32_t ilo_year_first_day(int year);
int32_t ilo_year_last_day(int year);

/* ------------------------------------------------------------------------------------------ */
/* 3. The model                                                                               */
/* ------------------------------------------------------------------------------------------ */

#define ILO_BITSET_WORDS (ILO_MAX_CRITERIA / 64)
/* A set of criteria, by index. Fixed size so evaluation never allocates per criterion. */
typedef struct ilo_bitset {
    uint64_t w[ILO_BITSET_WORDS];
} ilo_bitset;

static inline void ilo_bitset_set(ilo_bitset *b, size_t i) { b->w[i >> 6] |= (uint64_t)1 << (i & 63); }
static inline bool ilo_bitset_has(const ilo_bitset *b, size_t i) { return (b->w[i >> 6] >> (i & 63)) & 1; }
static inline void ilo_bitset_or(ilo_bitset *a, const ilo_bitset *b)
{
    for (size_t k = 0; k < ILO_BITSET_WORDS; k++) a->w[k] |= b->w[k];
}
size_t ilo_bitset_count(const ilo_bitset *b);

/* Where a record was read from, for error messages. */
typedef struct ilo_where {
    const char *file;
    int line;
} ilo_where;

typedef enum ilo_source_kind {
    ILO_SRC_CEACR, ILO_SRC_CAS, ILO_SRC_CFA, ILO_SRC_ART24, ILO_SRC_ART26, ILO_SRC_BASELINE,
    ILO_SRC_MISSION, ILO_SRC_ILO_OTHER, ILO_SRC_ITUC, ILO_SRC_NGO, ILO_SRC_UN, ILO_SRC_MEDIA,
    ILO_SRC_GOVERNMENT, ILO_SRC_LEGISLATION, ILO_SRC_EU, ILO_SRC_US_GOVERNMENT, ILO_SRC_ACADEMIC,
    ILO_SRC_OTHER, ILO_SRC__COUNT
} ilo_source_kind;

/* The data name of a kind ("ilo-ceacr", ...); ilo_source_kind_parse() returns -1 if unknown. */
const char *ilo_source_kind_name(ilo_source_kind k);
int ilo_source_kind_parse(const char *s);

typedef struct ilo_source {
    const char *id, *publisher, *title, *url, *file, *note; /* url, file, note may be NULL */
    ilo_source_kind kind;
    ilo_date date;        /* the date that counts: for an ILO text, its adoption (data-format.md) */
    ilo_date publication; /* when it was published, if the data gives it (prec ILO_DATE_NONE if not) */
    size_t *conventions; /* conventions the text is about (descriptive: marks nothing clear) */
    size_t n_conventions;
    /* The criteria the text states it examined (`examines`: criteria and groups, groups expanded
     * to their criteria), or NULL when it states none. Only these can be "clear" in its year.
     * Owned by the model's arena. */
    const ilo_bitset *examined;
    size_t country;      /* the country whose profile (or scenario) defines it, or SIZE_MAX */
    ilo_where where;
} ilo_source;

typedef struct ilo_convention {
    const char *id, *title, *note;
    int number, year;
    bool fundamental;
    ilo_where where;
} ilo_convention;

typedef struct ilo_group {
    const char *id, *title, *numeral, *note; /* numeral, note may be NULL */
    ilo_where where;
} ilo_group;

typedef enum ilo_criterion_kind { ILO_LAW = 0, ILO_PRACTICE = 1 } ilo_criterion_kind;

typedef struct ilo_criterion {
    const char *id, *label, *article, *weight_note, *note; /* weight_note, note may be NULL */
    int sdg;            /* SDG 8.8.2 number, 0 when none */
    size_t group, convention;
    ilo_criterion_kind kind;
    int32_t weight_hundredths;   /* weight in hundredths: 1.93 is 193 (weights have two decimals) */
    bool published;     /* weight_basis = "published" */
    bool general_prohibition, all_encompassing;
    ilo_bitset implies; /* itself and every criterion its rules imply, transitively */
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_criterion;

/* Which years an item counts in (docs/data-format.md, "Methods"). EVIDENCE: the years of the
 * admissible texts that report it (a text codes its own year). OCCURRENCE: the years it is in
 * force or happening. CARRY_FORWARD: as EVIDENCE, and also every later year in which it is still
 * in force or happening, until an admissible text of its `resolved_by` reports it resolved. */
typedef enum ilo_window { ILO_WINDOW_EVIDENCE, ILO_WINDOW_OCCURRENCE, ILO_WINDOW_CARRY_FORWARD } ilo_window;
typedef enum ilo_legislation { ILO_LEG_NON_RATIFYING, ILO_LEG_ALWAYS, ILO_LEG_NEVER } ilo_legislation;

typedef struct ilo_band {
    const char *rating, *label;
    double min;     /* lowest score of the band (inclusive); unused for the breakdown band */
    bool breakdown; /* the 5+ band */
} ilo_band;

typedef struct ilo_method {
    const char *id, *title, *bands_note, *note;
    ilo_window window;
    uint32_t admissible; /* bit k set: kind k is admissible */
    size_t *conventions; /* the conventions whose criteria the total scores (empty: all) */
    size_t n_conventions;
    ilo_bitset scope;    /* the criteria the total, law and practice scores count */
    ilo_legislation legislation;
    double cap, scale;
    ilo_band *bands; /* sorted by min, the breakdown band (if any) last */
    size_t n_bands;
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_method;

typedef struct ilo_regime_criterion {
    const char *id, *label, *note;
    size_t *conventions;
    size_t n_conventions;
    size_t *groups; /* empty: every group */
    size_t n_groups;
    bool outside;   /* listed but outside this engine's scope */
    ilo_where where;
} ilo_regime_criterion;

/* A yes/no answer that may be unknown (section 14). */
typedef enum ilo_answer { ILO_ANSWER_UNKNOWN = 0, ILO_ANSWER_YES, ILO_ANSWER_NO } ilo_answer;

/* When a trade programme was in force (regime key `in_force`): from `from` (first day) to `until`
 * (last day), or open when `until` is absent. See section 14. */
typedef struct ilo_regime_period {
    ilo_date from, until;
    const char *note;
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_regime_period;

/* A country's standing under a programme from `effective` on (section 14). */
typedef enum ilo_benefit {
    ILO_BENEFIT_UNKNOWN = 0,  /* nothing recorded */
    ILO_BENEFIT_YES,          /* a beneficiary ("beneficiary") */
    ILO_BENEFIT_PARTIAL,      /* preferences withdrawn for part of its products ("partial") */
    ILO_BENEFIT_SUSPENDED,    /* "suspended" */
    ILO_BENEFIT_WITHDRAWN,    /* "withdrawn" */
    ILO_BENEFIT_NOT_ELIGIBLE  /* no longer or never eligible, e.g. by income ("not-beneficiary") */
} ilo_benefit;

/* A dated decision on one country (regime key `decisions`): `decided` is when it was taken (a
 * proclamation, a regulation's adoption, the opening of a review); when it changes the country's
 * standing, `status` holds from `effective` on. Country codes need no profile. */
typedef struct ilo_regime_decision {
    char country[4];
    size_t profile;       /* index into m->countries, or SIZE_MAX when the country has no profile */
    ilo_date decided;     /* always set */
    ilo_date effective;   /* prec ILO_DATE_NONE when the decision changes no standing */
    ilo_benefit status;   /* ILO_BENEFIT_UNKNOWN when it changes no standing */
    const char *title;    /* what was decided, with the act */
    const char *note;
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_regime_decision;

typedef struct ilo_regime {
    const char *id, *title, *basis, *note;
    ilo_regime_criterion *criteria;
    size_t n_criteria;
    size_t *sources;
    size_t n_sources;
    ilo_regime_period *in_force;   /* by `from` */
    size_t n_in_force;
    ilo_regime_decision *decisions; /* by country code, then `decided`, then data order */
    size_t n_decisions;
    ilo_where where;
} ilo_regime;

typedef enum ilo_item_kind { ILO_ITEM_PROVISION, ILO_ITEM_INCIDENT } ilo_item_kind;

/* A law provision or an incident: the evidence that codes criteria. */
typedef struct ilo_item {
    const char *id, *summary, *note;
    ilo_item_kind kind;
    const char *instrument, *article;       /* provisions */
    const char *place, *who, *count;        /* incidents; may be NULL */
    ilo_date start;  /* provision: in_force; incident: date */
    ilo_date stop;   /* provision: repealed (first day no longer in force); incident: end (last
                        day). prec == ILO_DATE_NONE when open. */
    int32_t first_day, last_day; /* days it is in force or happening; last_day INT32_MAX if open */
    size_t *criteria;            /* as written */
    size_t n_criteria;
    ilo_bitset coded;            /* criteria plus everything the rules imply */
    size_t *sources;
    size_t n_sources;
    size_t *resolved_by;         /* texts that report the matter resolved (carry-forward stops) */
    size_t n_resolved_by;
    ilo_where where;
} ilo_item;

typedef enum ilo_ratification_status { ILO_RAT_NONE = 0, ILO_RAT_RATIFIED, ILO_RAT_NOT_RATIFIED, ILO_RAT_DENOUNCED } ilo_ratification_status;

typedef struct ilo_ratification {
    size_t convention;
    ilo_ratification_status status;
    ilo_date date;
    const char *note;
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_ratification;

typedef struct ilo_event {
    const char *id, *kind, *title, *note;
    ilo_date date;
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_event;

/* An ILO supervisory recommendation and its status over time (country key `recommendations`):
 * what a body asked of the government, when, about which of the profile's provisions or
 * incidents, and, dated, whether it was pending, partly met or met, each with the source that
 * says so. Shown by the trade-review brief as of its day; never scored. */
typedef enum ilo_rec_state { ILO_REC_PENDING, ILO_REC_PARTLY_MET, ILO_REC_MET } ilo_rec_state;
/* "pending", "partly met", "met". */
const char *ilo_rec_state_name(ilo_rec_state s);

typedef struct ilo_rec_status {
    ilo_rec_state state;
    ilo_date date;        /* from when the status holds */
    const char *note;
    size_t *sources;      /* at least one */
    size_t n_sources;
    ilo_where where;
} ilo_rec_status;

typedef struct ilo_recommendation {
    const char *id, *body, *asked, *note; /* body: "ceacr", "cas", "cfa", "inquiry" (an
                                             article 26 Commission of Inquiry), "mission", "trade" (a trade
                                             partner's benchmark), "other" */
    ilo_date date;        /* when it was made */
    size_t *items;        /* indices into m->items, the country's own; may be empty */
    size_t n_items;
    size_t *sources;      /* the text that makes it, at least one */
    size_t n_sources;
    ilo_rec_status *status; /* by date, at least one */
    size_t n_status;
    ilo_where where;
} ilo_recommendation;

/* The status of recommendation r on day: its latest status dated (its last day) on or before the
 * day, or NULL when none is (or the recommendation was made later). */
const ilo_rec_status *ilo_rec_status_on(const ilo_recommendation *r, int32_t day);

typedef struct ilo_variant {
    const char *value;
    size_t *sources;
    size_t n_sources;
} ilo_variant;

typedef struct ilo_conflict {
    const char *id, *about, *field, *used, *note;
    ilo_variant *versions;
    size_t n_versions;
    ilo_where where;
} ilo_conflict;

typedef struct ilo_published {
    const char *measure, *value, *status, *note;
    int year;
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_published;

typedef struct ilo_breakdown {
    ilo_date from, until;
    const char *note;
    size_t *sources;
    size_t n_sources;
} ilo_breakdown;

/* A country profile. Its items are a contiguous range of the model's items. */
typedef struct ilo_country {
    const char *code, *name, *region, *note;
    bool synthetic;
    ilo_ratification *ratifications; size_t n_ratifications;
    size_t item_first, n_items;
    ilo_event *events; size_t n_events;
    ilo_recommendation *recommendations; size_t n_recommendations; /* in data order */
    ilo_conflict *conflicts; size_t n_conflicts;
    ilo_published *published; size_t n_published;
    ilo_breakdown *breakdowns; size_t n_breakdowns;
    size_t *examining; size_t n_examining; /* its sources that state what they examined */
    ilo_where where;
} ilo_country;

typedef enum ilo_op_kind { ILO_OP_REPEAL, ILO_OP_AMEND, ILO_OP_ADD_PROVISION, ILO_OP_END_INCIDENT, ILO_OP_ADD_INCIDENT } ilo_op_kind;

typedef struct ilo_op {
    ilo_op_kind kind;
    size_t target;       /* repeal, amend, end-incident: index of the baseline item */
    ilo_date date;
    size_t *criteria;    /* amend */
    size_t n_criteria;
    ilo_item added;      /* add-provision, add-incident */
    ilo_where where;
} ilo_op;

typedef struct ilo_scenario {
    const char *id, *title, *note;
    size_t country;
    ilo_date effective;
    ilo_op *ops;
    size_t n_ops;
    ilo_where where;
} ilo_scenario;

/* Everything loaded from one data tree. Read-only after ilo_model_load(). */
typedef struct ilo_model {
    ilo_source *sources;           size_t n_sources;
    ilo_convention *conventions;   size_t n_conventions;
    ilo_group *groups;             size_t n_groups;
    ilo_criterion *criteria;       size_t n_criteria;
    ilo_method *methods;           size_t n_methods;
    ilo_regime *regimes;           size_t n_regimes;
    ilo_country *countries;        size_t n_countries;
    ilo_item *items;               size_t n_items;
    ilo_scenario *scenarios;       size_t n_scenarios;
    size_t n_files;
    size_t c087, c098;             /* indices of C087 and C098, or SIZE_MAX */
    struct ilo_vintage *vintages;  /* published figures (published/, section 13), file order */
    size_t n_vintages;
    ilo_date as_of;                /* the evidence cut-off (ilo_model_as_of()); prec
                                      ILO_DATE_NONE: all evidence */
    struct ilo_model_private *priv;
} ilo_model;

/* Lookups by id; return SIZE_MAX when absent. Hash lookups, for the CLI and loaders only. */
size_t ilo_model_find_country(const ilo_model *m, const char *code);
size_t ilo_model_find_method(const ilo_model *m, const char *id);
size_t ilo_model_find_regime(const ilo_model *m, const char *id);
size_t ilo_model_find_criterion(const ilo_model *m, const char *id);
size_t ilo_model_find_criterion_sdg(const ilo_model *m, int sdg);
size_t ilo_model_find_convention(const ilo_model *m, const char *id);
size_t ilo_model_find_item(const ilo_model *m, const char *id);
size_t ilo_model_find_scenario(const ilo_model *m, const char *id);

/* The ratification status of convention conv for country c at the end of year (ILO_RAT_NONE if
 * the profile says nothing). */
ilo_ratification_status ilo_country_ratified(const ilo_model *m, size_t c, size_t conv, int year);
/* The figure of country c's own `published` list (the profile's, not a vintage's: section 13) for
 * measure ("sdg-8.8.2", "ituc") and year, or NULL; also NULL when c is not a country of m (a coding
 * sheet's country the data does not hold). */
const ilo_published *ilo_country_published(const ilo_model *m, size_t c, const char *measure, int year);
/* Whether event e is an ILO supervisory body's: of kind "ceacr", "cas", "cfa" or "mission" (the
 * others: "trade", "eu", "un", "other"). */
bool ilo_event_supervisory(const ilo_event *e);
/* The same, and dated in year: the supervisory record a report shows for that year. */
bool ilo_event_supervisory_in(const ilo_event *e, int year);
/* Whether conflict cf is about profile item id `item`: its `about` names the item, or the text
 * the item amends (an amended text's id is "ID@DATE"). */
bool ilo_conflict_about_item(const ilo_conflict *cf, const char *item);
/* Whether cf is about a model source s with cited[s] != 0 (the sources a report cites). */
bool ilo_conflict_about_source(const ilo_model *m, const ilo_conflict *cf, const size_t *cited);

/* ------------------------------------------------------------------------------------------ */
/* 4. Loading                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* Loads the data tree under dir (criteria/, criteria/methods/, criteria/regimes/, countries/,
 * scenarios/) and then each of the n extra scenario files. Validates everything; on failure
 * records every error found in ctx (up to ILO_MAX_ERRORS), frees what it built and returns the
 * first error's code with *out set to NULL. On success *out is a new model; free it with
 * ilo_model_free(). While it runs it uses one more thread, which parses the files (libconfig)
 * while the calling thread builds the model; the thread has ended when it returns, and the
 * result and the errors, in file order, are those of a single-threaded load. */
ilo_status ilo_model_load(const char *dir, const char *const *extra_scenarios, size_t n,
                          ilo_model **out, ilo_ctx *ctx);
void ilo_model_free(ilo_model *m);

/* ------------------------------------------------------------------------------------------ */
/* 5. Evaluation                                                                              */
/* ------------------------------------------------------------------------------------------ */

/* A profile to evaluate: a country and its items. The baseline profile borrows the model's items;
 * a scenario profile owns a modified copy (see ilo_profile_apply). */
typedef struct ilo_profile {
    size_t country;
    const ilo_item *items;
    size_t n_items;
    struct ilo_profile_private *priv; /* NULL for a baseline */
} ilo_profile;

/* The baseline profile of country c; borrows from m. No need to free it. */
ilo_profile ilo_profile_baseline(const ilo_model *m, size_t c);

typedef enum ilo_criterion_status { ILO_NOT_ASSESSED = 0, ILO_CLEAR = 1, ILO_CODED = 2 } ilo_criterion_status;

typedef struct ilo_finding {
    size_t item;        /* index into the profile's items */
    int64_t share_hundredths;    /* its share of the raw score, in hundredths */
    ilo_bitset criteria;/* coded criteria this item codes in the year */
    bool critical;      /* removing this item alone lowers the score */
    size_t *sources;    /* admissible sources that count in the year (points into result) */
    size_t n_sources;
} ilo_finding;

/* The evaluation of one country, year and method. */
typedef struct ilo_result {
    size_t country, method;
    int year;
    ilo_bitset coded;              /* coded criteria, of every convention */
    ilo_bitset scored;             /* coded criteria within the method's scope: the total counts these */
    ilo_bitset assessed;           /* coded or clear */
    int64_t raw_hundredths;                 /* raw score in hundredths: sum of coded weights */
    int64_t law_hundredths, practice_hundredths;     /* raw split by kind */
    int64_t *convention_hundredths;         /* raw per convention (n_conventions) */
    int64_t *group_hundredths;              /* raw per group (n_groups) */
    bool forced;                   /* an all-encompassing criterion is coded: score 10 */
    bool breakdown;                /* the profile marks a breakdown of the rule of law */
    double score, law, practice;   /* normalised, unrounded */
    size_t band;                   /* index into the method's bands */
    ilo_finding *findings;         /* counted items, by share descending then data order */
    size_t n_findings;
    struct ilo_result_private *priv; /* the engine's: the storage the findings' sources point
                                        into, and evaluation's counters */
} ilo_result;

/* A result sized for model m. Reuse it across evaluations: evaluation does not allocate unless a
 * profile has more items than any before. Free with ilo_result_free(). The result owns everything
 * it points to (findings, their sources, the per-convention and per-group arrays, priv); they stay
 * valid until the next evaluation into it or ilo_result_free(). */
ilo_result *ilo_result_new(const ilo_model *m);
void ilo_result_free(ilo_result *r);

/* Evaluates profile p in year under method. Returns ILO_OK, or an error in ctx. */
ilo_status ilo_eval(const ilo_model *m, const ilo_profile *p, size_t method, int year,
                    ilo_result *r, ilo_ctx *ctx);

/* The published-method normalisation: min(raw, cap) x scale / cap. */
double ilo_normalise(const ilo_method *method, double raw);
/* Rounds half-up to two decimals, exactly for values computed from hundredths, into hundredths. */
int64_t ilo_round2(double x);
/* Parses a decimal written with digits, an optional point and one or two decimals ("2.69", "10",
 * "0.5") into hundredths (269, 1000, 50), exactly. False, leaving *out alone, for anything else:
 * NULL, "", "5+", "n/a", "3.", ".5", "-1", "2,69", three decimals, or a whole part too large to scale
 * safely (its value without the last digit above INT64_MAX / 1000: 18 digits always are). */
bool ilo_parse_hundredths(const char *s, int64_t *out);
/* The score of r as printed, in hundredths: ilo_round2(r->score). */
int64_t ilo_result_score_hundredths(const ilo_result *r);
/* Status of criterion k in r. */
ilo_criterion_status ilo_result_status(const ilo_result *r, size_t k);
/* Whether r has evidence for its method's score: some criterion within the method's scope (the
 * conventions its total counts) is coded or clear in the year. Evidence on other conventions
 * alone (forced labour, say, under a method that scores C087 and C098) gives no total. A result
 * that is not assessed has no score (its score fields hold 0, which means "no evidence", not compliance):
 * reports print none, trends leave it out of the fit, ranks and sensitivity leave it unranked.
 * This is the one rule every command uses. */
bool ilo_result_assessed(const ilo_model *m, const ilo_result *r);
/* Score of one convention or group, normalised as the total is (this project's convention). */
double ilo_result_convention_score(const ilo_model *m, const ilo_result *r, size_t conv);
double ilo_result_group_score(const ilo_model *m, const ilo_result *r, size_t group);
/* Whether some criterion of convention (or group) k is coded or clear in r. A part that is not
 * has no score of its own (its 0 means no evidence), like a year not assessed. */
bool ilo_result_convention_assessed(const ilo_model *m, const ilo_result *r, size_t k);
bool ilo_result_group_assessed(const ilo_model *m, const ilo_result *r, size_t k);
/* How many criteria of the model r has not assessed, clear and coded: n[ILO_NOT_ASSESSED],
 * n[ILO_CLEAR], n[ILO_CODED]; they add up to m->n_criteria. */
void ilo_result_status_counts(const ilo_model *m, const ilo_result *r, size_t n[3]);
/* The finding of r that counts profile item `item`, or NULL when the item does not count. */
const ilo_finding *ilo_result_finding(const ilo_result *r, size_t item);
/* The band of r under its method (r->band), or NULL when the method has no bands. */
const ilo_band *ilo_result_band(const ilo_model *m, const ilo_result *r);
/* Whether conflict cf of r's country bears on what an assessment of r shows: it is about the
 * item of one of r's findings (ilo_conflict_about_item(); p is the profile r was evaluated on),
 * an ILO supervisory event of r's year (ilo_event_supervisory_in()), or a source the report
 * cites (cited[s] != 0 for model source s). */
bool ilo_result_conflict_shown(const ilo_model *m, const ilo_profile *p, const ilo_result *r, const ilo_conflict *cf,
                               const size_t *cited);

/* ------------------------------------------------------------------------------------------ */
/* 6. Trends                                                                                  */
/* ------------------------------------------------------------------------------------------ */

typedef enum ilo_direction { ILO_TREND_NONE, ILO_TREND_IMPROVING, ILO_TREND_WORSENING, ILO_TREND_STABLE } ilo_direction;

typedef struct ilo_trend {
    int from, to;
    size_t n;             /* years: to - from + 1 */
    ilo_result **years;   /* one result per year, owned */
    size_t n_fit;         /* the assessed years (ilo_result_assessed), the only ones fitted */
    double slope, slope_se; /* least squares of score on the assessed years; NaN when n_fit < 2
                               (se: n_fit < 3) */
    ilo_direction direction;
} ilo_trend;

/* Evaluates every year from..to and fits the score's linear trend with gsl_fit_linear over the
 * assessed years only: a year with no evidence has no score and must not pull the slope. The
 * direction rule: improving when slope + 2 se < 0, worsening when slope - 2 se > 0, stable
 * otherwise; with fewer than three assessed years there is no direction (ILO_TREND_NONE). */
ilo_status ilo_trend_new(const ilo_model *m, const ilo_profile *p, size_t method, int from, int to,
                         ilo_trend **out, ilo_ctx *ctx);
void ilo_trend_free(ilo_trend *t);
const char *ilo_direction_name(ilo_direction d);
/* The direction rule of ilo_trend_new() in one sentence, for the reader. */
extern const char ilo_direction_rule[];

/* The years of largest change in t: indices i (1..n-1) of the years whose printed score
 * (ilo_result_score_hundredths) differs from the year before, both assessed (a year with no
 * evidence has no score to change from or to), by decreasing size of the change, then by year;
 * at most max of them into out. Returns how many. */
size_t ilo_trend_largest_changes(const ilo_model *m, const ilo_trend *t, size_t *out, size_t max);
/* The findings that differ between year i (1..n-1) of t and the year before: fn is called for
 * each item counted in year i and not in i - 1 (entered, with its finding of year i), then for
 * each counted in i - 1 and not in i (left, with its finding of year i - 1), in findings order. */
typedef void (*ilo_finding_fn)(void *arg, const ilo_finding *f, bool entered);
void ilo_trend_changed_items(const ilo_trend *t, size_t i, ilo_finding_fn fn, void *arg);
/* Whether some criterion of convention k is coded or clear in some year of t. */
bool ilo_trend_convention_assessed(const ilo_model *m, const ilo_trend *t, size_t k);
/* Whether convention k has a raw score above 0 (a criterion of it coded) in some year of t. */
bool ilo_trend_convention_scored(const ilo_trend *t, size_t k);
/* Whether conflict cf of t's country bears on what a trend report shows: it is about an item
 * that entered or left (ilo_trend_changed_items()) in one of the years changes[0..n-1] (p: the
 * profile t was evaluated on), or about a source the report cites (cited[s] != 0). */
bool ilo_trend_conflict_shown(const ilo_model *m, const ilo_profile *p, const ilo_trend *t, const size_t *changes,
                              size_t n, const ilo_conflict *cf, const size_t *cited);

/* ------------------------------------------------------------------------------------------ */
/* 7. Scenarios                                                                               */
/* ------------------------------------------------------------------------------------------ */

/* Applies scenarios (indices into m->scenarios, in order) to a copy of country c's baseline.
 * The baseline is never changed. On success *out is a new profile; free it with
 * ilo_profile_free(). Errors (an operation dated before what it changes, a scenario of another
 * country) are recorded with the scenario file and line. */
ilo_status ilo_profile_apply(const ilo_model *m, size_t c, const size_t *scenarios, size_t n,
                             ilo_profile **out, ilo_ctx *ctx);
void ilo_profile_free(ilo_profile *p);

/* What differs in one year between two evaluations of a country, a baseline and a scenario
 * profile (same year and method): the findings removed, changed and added, and the criteria that
 * stop or start being coded. Findings are matched by item id; an amended text ("ID@DATE", see
 * ilo_profile_apply) counted in place of its original ID is one change, not a removal and an
 * addition, and so is the same item coding other criteria. */
typedef enum ilo_change_kind { ILO_CHANGE_REMOVED, ILO_CHANGE_ADDED, ILO_CHANGE_CHANGED } ilo_change_kind;
typedef struct ilo_change {
    ilo_change_kind kind;
    const ilo_item *base_item;     /* the baseline's item (NULL when added) */
    const ilo_item *alt_item;      /* the scenario's item (NULL when removed) */
    const ilo_finding *base, *alt; /* their findings in the year (NULL likewise) */
} ilo_change;
typedef struct ilo_year_diff {
    ilo_change *changes;           /* removed, then changed (both in the baseline's findings
                                      order), then added (in the scenario's); owned */
    size_t n;
    ilo_bitset stopped;            /* coded in the baseline, not in the scenario */
    ilo_bitset started;            /* the reverse */
} ilo_year_diff;
/* Fills *out with the differences between rb (an evaluation of profile base) and ra (of alt).
 * The items and findings it points to are borrowed from the profiles and results, which must
 * outlive it. False when out of memory (then *out holds nothing to free). Release what it owns
 * with ilo_year_diff_free(), which accepts NULL and leaves *d empty. */
bool ilo_year_diff_of(const ilo_profile *base, const ilo_result *rb, const ilo_profile *alt, const ilo_result *ra,
                      ilo_year_diff *out);
void ilo_year_diff_free(ilo_year_diff *d);

/* "What would it take": the smallest set of law provisions whose repeal brings a year's score to
 * a target (or the rating to a target band or a better one).
 *
 * The search is exact, not greedy. The year is evaluated once. Incidents keep the criteria they
 * code; each provision counted in the year is a candidate, and repealing it means it does not
 * count in that year at all. A criterion coded only by provisions goes when every provision
 * coding it is repealed; a criterion that an incident also codes never goes. So only provisions
 * that code at least one criterion no incident codes can change the score (the "relevant"
 * provisions); the others are left out of the search. (A criterion coded by several provisions
 * goes only when all of them are repealed, so a provision may matter without being any
 * criterion's sole coder.) The search first scores the repeal of every relevant provision: if
 * that misses the target, the target is unreachable and no subset is tried. Otherwise it scores
 * the subsets of 1, 2, ... relevant provisions in turn and stops at the first size that reaches
 * the target; among the sets of that size it keeps the one with the largest improvement (the
 * lowest raw score), then the one whose sorted item indices are lexicographically smallest.
 * A size whose best conceivable improvement (the sum of its largest per-provision upper bounds)
 * falls short is skipped without enumeration.
 *
 * Limits: at most ILO_TARGET_MAX_PROVISIONS relevant provisions (ILO_ERR_LIMIT beyond), and at
 * most ILO_TARGET_MAX_SUBSETS subsets scored (ILO_ERR_LIMIT, said before a size is started, if
 * the next size would pass it). The work is the number of subsets up to the answer's size, k:
 * C(n,1) + ... + C(n,k); the worst case is 2^n (n = 24: 16.8 million subsets). */
#define ILO_TARGET_MAX_PROVISIONS 64
#define ILO_TARGET_MAX_SUBSETS ((uint64_t)1 << 32)

typedef enum ilo_target_outcome {
    ILO_TARGET_MET,        /* the year already meets the target: nothing to repeal */
    ILO_TARGET_FOUND,      /* repealing `repeal` meets it */
    ILO_TARGET_UNREACHABLE /* no set of repeals meets it; `why` says what stands in the way */
} ilo_target_outcome;

typedef enum ilo_target_why {
    ILO_TARGET_WHY_NONE,
    ILO_TARGET_WHY_PRACTICE,  /* with every provision repealed, what incidents code keeps the
                                 score above the target (score_floor) */
    ILO_TARGET_WHY_FORCED,    /* an incident codes an all-encompassing criterion: the score stays
                                 at the method's maximum whatever the law */
    ILO_TARGET_WHY_BREAKDOWN  /* the profile marks the year as a breakdown of the rule of law: the
                                 rating is the breakdown band whatever the law */
} ilo_target_why;

typedef struct ilo_target {
    size_t country, method;
    int year;
    int64_t goal_hundredths;        /* highest printed score (hundredths) that meets the target */
    size_t goal_band;      /* the band asked for, or SIZE_MAX when the target is a score */
    ilo_target_outcome outcome;
    ilo_target_why why;
    /* Before, after the repeals (= before when none) and with every provision repealed: */
    int64_t raw_before_hundredths, raw_after_hundredths, raw_floor_hundredths;
    double score_before, score_after, score_floor; /* normalised, unrounded */
    double law_after, practice_after;
    size_t band_before, band_after;
    size_t *repeal;        /* the provisions to repeal: indices into the profile's items,
                              ascending; owned by the target; NULL when none */
    size_t n_repeal;
    size_t n_provisions;   /* provisions counted in the year: the candidates */
    size_t n_relevant;     /* of them, those coding a criterion no incident codes */
    uint64_t n_subsets;    /* subsets scored by the search */
} ilo_target;

/* Searches profile p (a baseline or a scenario profile) in year under method. The target is a
 * score when rating is NULL: the printed score (hundredths, e.g. 285 for 2.85) must be at most
 * score_hundredths. Otherwise it is a rating of the method's bands ("3"): the year's band must be that one
 * or a better (lower) one. On success *out is a new target (free with ilo_target_free()) whose
 * outcome may be ILO_TARGET_UNREACHABLE: that is an answer, not an error. Errors: an unknown
 * rating (ILO_ERR_NOTFOUND), a negative score (ILO_ERR_INVALID), the limits above
 * (ILO_ERR_LIMIT), out of memory. */
ilo_status ilo_target_new(const ilo_model *m, const ilo_profile *p, size_t method, int year, int64_t score_hundredths,
                          const char *rating, ilo_target **out, ilo_ctx *ctx);
void ilo_target_free(ilo_target *t);

/* ------------------------------------------------------------------------------------------ */
/* 8. Coding sheets                                                                           */
/* ------------------------------------------------------------------------------------------ */

/* One externally coded country-year: the criteria coded, as read from a CSV sheet with the
 * columns country,year,criterion[,sources]. A criterion is an id, "sdg:N", or the bare SDG
 * number "N" (the ILO's way of writing a coding; an id is looked up first). */
typedef struct ilo_sheet_row {
    char country[ILO_MAX_ID + 1];
    int year;
    ilo_bitset coded;
} ilo_sheet_row;

typedef struct ilo_sheet {
    ilo_sheet_row *rows; /* one per country-year, in order of first appearance */
    size_t n_rows;
} ilo_sheet;

/* Reads a coding sheet, CSV as RFC 4180 writes it: quoted fields (commas, doubled quotes and
 * line breaks inside), CRLF or LF, a UTF-8 byte-order mark; an optional header
 * country,year,criterion[,sources], also as R's write.csv() writes it with row names (a first
 * empty column, then dropped from every record). Unknown criteria, bad years, malformed quoting,
 * NUL bytes, bytes that are not UTF-8, records over 64 KiB and files over ILO_MAX_SHEET_BYTES
 * are errors with their line (reading stops at the ones that make the rest unreadable). Time is
 * linear in the size of the sheet. Free with ilo_sheet_free(). */
ilo_status ilo_sheet_read(const ilo_model *m, const char *path, ilo_sheet **out, ilo_ctx *ctx);
void ilo_sheet_free(ilo_sheet *s);
/* Scores a coded set under method (default rules and the cap apply). */
void ilo_score_coded(const ilo_model *m, size_t method, const ilo_bitset *coded,
                     int64_t *raw_hundredths, double *score, bool *forced);

/* ------------------------------------------------------------------------------------------ */
/* 9. Version                                                                                 */
/* ------------------------------------------------------------------------------------------ */

const char *ilo_version(void);

/* ------------------------------------------------------------------------------------------ */
/* 10. Trade-review briefs                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* A brief maps one evaluated country-year onto the criteria of a trade regime
 * (criteria/regimes/: US GSP A-E, EU GSP+ conventions). Per regime criterion it gives the
 * ratification of its conventions at the end of the year, its score over the catalogue criteria
 * it covers, how many of those are coded, clear or not assessed, the findings that touch it, a
 * concern level by the rule below, and the scenario operations of the country's scenarios that
 * would address it.
 *
 * The catalogue criteria a regime criterion covers ("its criteria"): every criterion of one of
 * its conventions, restricted to its groups when it lists any. Its score is the raw weight of its
 * coded criteria normalised as the total is (min(raw, cap) x scale / cap, like the per-convention
 * scores: this project's convention, not a published figure). An all-encompassing criterion does
 * not force the sub-score to the scale; it decides the concern instead.
 *
 * The concern rule: the first clause that holds decides.
 *   outside scope  the criterion is listed with scope = "outside": not examined by this engine
 *   not assessed   none of its criteria is coded or clear in the year (also when its conventions
 *                  have no criteria in the catalogue): unknown, never compliant
 *   high           an all-encompassing criterion of it is coded; or a practice criterion of the
 *                  civil-liberties group ILO_BRIEF_GRAVE_GROUP (killings, violence, arrests and
 *                  detention of unionists) is coded; or its score is at least
 *                  ILO_BRIEF_HIGH_SCORE_HUNDREDTHS hundredths; or at least ILO_BRIEF_HIGH_SHARE_PCT per cent
 *                  of the weight of its criteria is coded
 *   medium         its score is at least ILO_BRIEF_MEDIUM_SCORE_HUNDREDTHS hundredths, or at least
 *                  ILO_BRIEF_MEDIUM_SHARE_PCT per cent of the weight of its criteria is coded
 *   low            any other coded criterion
 *   none           nothing coded among the criteria assessed; criteria not assessed stay unknown
 *                  and are counted, so "none" says "no violation found where examined", not
 *                  "compliant"
 * Why two measures: the score uses the total's cap (95), so a regime criterion covering a small
 * catalogue (C100 has six criteria, 10.80 of weight: at most 1.14) could never reach a score
 * threshold; the share of its weight makes small and large catalogues comparable, and the score
 * keeps a large catalogue with many coded criteria from hiding behind its size. 2.00 is a raw
 * 19.00, about ten criteria of average weight; 1.00 about five. Ratification does not enter the
 * concern: the verdict states it beside (a regime such as EU GSP+ asks for it in its own right). */
#define ILO_BRIEF_HIGH_SCORE_HUNDREDTHS 200
#define ILO_BRIEF_MEDIUM_SCORE_HUNDREDTHS 100
#define ILO_BRIEF_HIGH_SHARE_PCT 50
#define ILO_BRIEF_MEDIUM_SHARE_PCT 25
#define ILO_BRIEF_GRAVE_GROUP "facb-1"
/* How many years before the brief's year its trend covers (reports show year - N .. year). */
#define ILO_BRIEF_TREND_YEARS 5

/* Ordered: the levels from ILO_CONCERN_NONE up rank, the first two do not. */
typedef enum ilo_concern {
    ILO_CONCERN_OUTSIDE = 0, ILO_CONCERN_NOT_ASSESSED, ILO_CONCERN_NONE, ILO_CONCERN_LOW,
    ILO_CONCERN_MEDIUM, ILO_CONCERN_HIGH, ILO_CONCERN__COUNT
} ilo_concern;

/* "outside scope", "not assessed", "none", "low", "medium", "high". */
const char *ilo_concern_name(ilo_concern c);
/* The concern rule in plain words with its thresholds, for the reader of a brief. */
extern const char ilo_brief_rule[];

/* One regime criterion measured on one result. No allocation. */
typedef struct ilo_brief_measure {
    size_t n_criteria;            /* its criteria */
    size_t n_coded, n_clear, n_not_assessed;
    int64_t raw_hundredths;                /* weight of its coded criteria, hundredths */
    int64_t total_hundredths;              /* weight of all its criteria, hundredths */
    double score;                 /* ilo_normalise(raw), unrounded */
    bool all_encompassing;        /* an all-encompassing criterion of it is coded */
    bool grave;                   /* a practice criterion of ILO_BRIEF_GRAVE_GROUP is coded */
    ilo_concern concern;
    const char *why;              /* the clause of the rule that decided, static text */
} ilo_brief_measure;

/* The catalogue criteria that criterion k of regime covers (empty for scope = "outside"). */
void ilo_brief_scope(const ilo_model *m, size_t regime, size_t k, ilo_bitset *out);
/* Measures criterion k of regime on result r (r->country's evaluation in r->year). */
void ilo_brief_measure_of(const ilo_model *m, size_t regime, size_t k, const ilo_result *r,
                          ilo_brief_measure *out);

/* A scenario operation that addresses a concern: it repeals or amends a provision, or ends an
 * incident, that codes criteria of the regime criterion in the year. */
typedef struct ilo_brief_reform {
    size_t scenario, op;          /* m->scenarios[scenario].ops[op] */
    size_t finding;               /* index into the result's findings: the item it changes */
    ilo_bitset removes;           /* criteria of the regime criterion the item would stop coding */
    ilo_bitset clears;            /* of those, the ones no other finding of the year codes: they
                                     would no longer be coded at all */
} ilo_brief_reform;

/* The smallest set of provisions whose repeal ends what the law contributes to a regime
 * criterion, found with ilo_target_new() on the profile restricted to its criteria: first with
 * the goal 0.00 (nothing of it coded); when incidents keep some of its criteria coded, with the
 * goal of its score with every provision repealed (the practice floor). The concern after the
 * repeals is measured on a fresh evaluation without them. */
typedef enum ilo_brief_target_status {
    ILO_BRIEF_TARGET_NONE = 0, /* nothing of it is coded: no search */
    ILO_BRIEF_TARGET_CLEARS,   /* repealing `repeal` leaves none of its criteria coded */
    ILO_BRIEF_TARGET_PARTIAL,  /* repealing `repeal` removes all the law codes; incidents keep the rest */
    ILO_BRIEF_TARGET_PRACTICE, /* only incidents code it: no repeal changes it */
    ILO_BRIEF_TARGET_FORCED,   /* an incident codes an all-encompassing criterion of it: no repeal
                                  lowers its concern */
    ILO_BRIEF_TARGET_LIMIT,    /* the search passed ILO_TARGET_MAX_PROVISIONS or _MAX_SUBSETS */
    ILO_BRIEF_TARGET_UNSCORED  /* provisions code it, but its coded criteria weigh nothing in the
                                  method's score, so no repeal lowers the score; `repeal` lists
                                  the provisions whose repeal would end that coding */
} ilo_brief_target_status;

typedef struct ilo_brief_target {
    ilo_brief_target_status status;
    size_t *repeal;               /* indices into the profile's items, ascending */
    size_t n_repeal;
    ilo_brief_measure after;      /* the regime criterion measured after the repeals (CLEARS,
                                     PARTIAL, PRACTICE: then the same as before) */
} ilo_brief_target;

typedef struct ilo_brief_verdict {
    size_t criterion;             /* index into the regime's criteria */
    ilo_ratification_status *ratified; /* per convention of the criterion, at the end of the year */
    size_t n_unratified;          /* conventions not ratified or denounced */
    size_t n_unknown_ratification;/* conventions the profile says nothing about */
    ilo_bitset scope;             /* its criteria */
    ilo_bitset coded;             /* its coded criteria */
    ilo_brief_measure measure;
    size_t *findings;             /* indices into the result's findings that code its criteria,
                                     in the result's order (largest share first) */
    size_t n_findings;
    ilo_brief_reform *reforms;    /* in scenario, then operation, order */
    size_t n_reforms;
    ilo_brief_target target;
} ilo_brief_verdict;

typedef struct ilo_brief {
    size_t regime;
    const ilo_result *result;     /* borrowed */
    ilo_brief_verdict *verdicts;  /* one per regime criterion, in data order */
    size_t n_verdicts;
    size_t count[ILO_CONCERN__COUNT]; /* verdicts per concern level */
    ilo_concern worst;            /* highest level from ILO_CONCERN_NONE up among the verdicts, or
                                     ILO_CONCERN_NOT_ASSESSED when none was assessed */
    struct ilo_brief_private *priv;
} ilo_brief;

/* Builds the brief of result r (an evaluation of profile p) against regime. Reforms come from
 * every scenario of r's country in the model; an operation is matched to a finding by the id of
 * the item it changes. r and p are borrowed and must outlive the brief. Free with
 * ilo_brief_free(). */
ilo_status ilo_brief_new(const ilo_model *m, const ilo_profile *p, const ilo_result *r, size_t regime,
                         ilo_brief **out, ilo_ctx *ctx);
void ilo_brief_free(ilo_brief *b);

/* The review period. A brief assesses the situation as of a day over a look-back window of
 * ILO_BRIEF_WINDOW_YEARS calendar years by default (the as-of day's year and the years before it),
 * so that one year without a mention in an admissible source does not clear a practice that the
 * sources report as continuing: a criterion counts as coded when it is coded in any year of the
 * window, as clear when it is clear in some year and coded in none, and is not assessed
 * otherwise. ilo_brief_window() builds that reading as one result, on which ilo_brief_new() works
 * unchanged. */
#define ILO_BRIEF_WINDOW_YEARS 3
#define ILO_BRIEF_WINDOW_MAX 10
/* The window rule in plain words, for the reader of a brief. */
extern const char ilo_brief_window_rule[];

/* Evaluates profile p under method in each year from..year (from <= year, at most
 * ILO_BRIEF_WINDOW_MAX years) and folds them into r: r is the evaluation of `year` (its year,
 * score, raw and per-convention figures, band and the findings of that year, in its order),
 * with `coded` and `assessed` the union over the window, followed by the findings of items
 * counted only in earlier years (latest year first, each with its criteria and counting sources
 * of the latest year that counted it). r->scored is left as the year's. r is reused as by
 * ilo_eval(). Errors as ilo_eval(); ILO_ERR_INVALID for a bad window. */
ilo_status ilo_brief_window(const ilo_model *m, const ilo_profile *p, size_t method, int from, int year,
                            ilo_result *r, ilo_ctx *ctx);

/* Whether the regime applied to a country on a day: is its programme in force, and is the
 * country a beneficiary (ilo_regime_in_force(), ilo_regime_benefit()). No allocation; the
 * pointers borrow from the model. */
typedef struct ilo_brief_standing {
    int32_t day;                       /* the as-of day, days from 1970-01-01 */
    ilo_answer in_force;
    const ilo_regime_period *period;   /* the period covering the day; when not in force, the
                                          last one that ended before it (NULL: none) */
    ilo_benefit benefit;               /* the country's standing on the day */
    const ilo_regime_decision *why;    /* the decision that gives it, or NULL */
    bool implied;                      /* see ilo_regime_benefit() */
    const ilo_regime_decision *last;   /* the country's latest decision taken by the day (a review
                                          opened counts), or NULL */
    ilo_answer applies;                /* no when the programme was not in force or the country
                                          was not (or no longer) a beneficiary; yes when in force
                                          and a beneficiary (or partly); unknown otherwise */
} ilo_brief_standing;
void ilo_brief_standing_of(const ilo_model *m, size_t regime, const char *country, int32_t day,
                           ilo_brief_standing *out);

/* What a brief shows of the evidence on its day: which findings (and their numbers), which
 * events, recommendations, law changes, CEACR texts and recorded conflicts, and the sources it
 * cites in the order it shows them (ilo_brief_record_cite()). Facts about the evidence, computed
 * once here; the wording is the reports'. All indices are into the brief's model, profile and
 * result; the pointers borrow from them, and they must outlive the record. */
typedef struct ilo_brief_law {
    size_t item;                  /* index into the profile's items: a provision */
    bool stopped;                 /* repealed or replaced; false: it entered into force */
    const ilo_date *date;         /* that change's date (the item's stop or start) */
} ilo_brief_law;

typedef struct ilo_brief_rec {
    const ilo_recommendation *rec;
    const ilo_rec_status *status; /* its status on the day (ilo_rec_status_on()) */
} ilo_brief_rec;

typedef struct ilo_brief_record {
    const ilo_model *model;
    const ilo_profile *profile;
    const ilo_brief *brief;       /* its result is the record's */
    int from, year;               /* the years looked back on: the trend's first year (or the
                                     result's year, when no trend or a later one) to the year */
    size_t *findings;             /* the result's findings that code a criterion of some regime
                                     criterion (a verdict touches them), in the result's order */
    size_t n_findings;
    size_t *number;               /* per result finding: its number in the brief (F1 = 1), 0 when
                                     not shown */
    size_t *events;               /* the country's events of the ILO supervisory bodies (kinds
                                     ceacr, cas, cfa, mission) dated from..year, by date, ties in
                                     data order */
    size_t n_events;
    size_t *trade;                /* the same for the kinds trade and eu */
    size_t n_trade;
    size_t *scenarios;            /* the scenarios whose operations the verdicts' reforms cite, in
                                     model order */
    size_t n_scenarios;
    ilo_brief_rec *recs;          /* the country's recommendations with a status on the day, in
                                     data order */
    size_t n_recs;
    ilo_brief_law *laws;          /* the profile's provisions that entered into force or stopped
                                     in the review period (1 January of its first year to the day;
                                     a change dated only to a month or year counts when the whole
                                     of it lies inside), by the date of that change, ties in
                                     profile order; when both its start and its stop lie inside,
                                     the stop */
    size_t n_laws;
    size_t *latest;               /* per regime criterion with one convention: the country's
                                     latest CEACR text about it dated (its last day) by the day,
                                     the later in data order on a tie; SIZE_MAX when none, or
                                     for none or several conventions */
    size_t *conflicts;            /* filled by ilo_brief_record_conflicts() (none before) */
    size_t n_conflicts;
    size_t *cited;                /* filled by ilo_brief_record_cite(): per model source, its number
                                     in the brief ([1] = 1), 0 when not cited */
    size_t *sources;              /* the cited sources, by number - 1 */
    size_t n_sources;
} ilo_brief_record;

/* The record of brief b (of profile p) on day, over the review period from window_from (0: the
 * result's year only) and the look-back from trend_from (0: no trend). NULL when out of memory.
 * The record owns its arrays; m, p and b are borrowed. ilo_brief_record_free() accepts NULL. */
ilo_brief_record *ilo_brief_record_new(const ilo_model *m, const ilo_profile *p, const ilo_brief *b, int32_t day,
                                       int window_from, int trend_from);
void ilo_brief_record_free(ilo_brief_record *rec);
/* Fills rec->conflicts: the country's recorded conflicts, in data order, about the item of a
 * finding shown, an event of the record, or a source the brief cites (cited[s] != 0 for model
 * source s; the reports' source numbers). */
void ilo_brief_record_conflicts(ilo_brief_record *rec, const size_t *cited);
/* Numbers the sources the brief cites, each once, in the order it shows them: the regime's; the
 * standing's (its period, the decision behind it, the latest decision; with cutoff only those
 * published by st->day); the findings' and their items'; the events' (ILO, then trade); the
 * published figures' of from..year (SDG 8.8.2, then ITUC, each year); the recommendations' and
 * those of their statuses up to the day's; the changed provisions'; the latest CEACR texts; then,
 * after filling rec->conflicts from those, the sources of the conflicts' versions. Fills
 * rec->cited, rec->sources and rec->n_sources; no allocation. */
void ilo_brief_record_cite(ilo_brief_record *rec, const ilo_brief_standing *st, bool cutoff);
/* Whether model source may be cited by a brief as of day: always without cutoff (a brief on all
 * the evidence); with it only when published by the day (ilo_model_as_of() leaves the regimes'
 * own sources alone, so the standing's are checked here). */
bool ilo_brief_citable(const ilo_model *m, size_t source, int32_t day, bool cutoff);
/* Whether a verdict's findings include result finding f. */
bool ilo_brief_touches(const ilo_brief_verdict *v, size_t f);
/* The sources of item it (the item of finding f) that do not make it count this year: it is also
 * reported by them. Fills out (room for it->n_sources) in the item's order; returns how many. */
size_t ilo_brief_also_reported(const ilo_finding *f, const ilo_item *it, size_t *out);
/* The number in the brief (F1 = 1) of the finding about model item `item` (matched by id, so
 * that a scenario's profile matches too), or 0 when none is shown. */
size_t ilo_brief_record_number(const ilo_brief_record *rec, size_t item);

/* ------------------------------------------------------------------------------------------ */
/* 11. Ranking and sensitivity (engine/sensitivity.c)                                         */
/* ------------------------------------------------------------------------------------------ */

/* Standard competition ranks ("1224") of v[0..n-1], ascending: rank[i] is 1 + the number of
 * values strictly below v[i], so equal values share a rank and the next rank is skipped. Values
 * are compared exactly (no tolerance). Returns false when out of memory. */
bool ilo_competition_ranks(const double *v, size_t n, uint32_t *rank);

typedef struct ilo_rank_entry {
    size_t country;
    bool assessed;   /* some criterion is coded or clear in the year; false: not ranked */
    int64_t raw_hundredths;   /* raw score in hundredths */
    bool forced;     /* an all-encompassing criterion is coded */
    double score;    /* unrounded: ranks use it, never the 2-decimal display */
    size_t band;     /* index into the method's bands */
    uint32_t rank;   /* 1 = lowest score, the least distance from the conventions; 0: not ranked */
    uint32_t tied;   /* countries sharing this rank, this one included (1: no tie) */
} ilo_rank_entry;

/* Every country of the model (or of a coding sheet) ranked by its score in one year under one
 * method. */
typedef struct ilo_ranking {
    size_t method;
    int year;
    ilo_rank_entry *entries; /* the ranked by rank then code, then the not assessed by code */
    size_t n, n_ranked;
    size_t n_tie_groups;     /* ranks shared by two countries or more */
    /* From a sheet, its countries the model does not hold: entry country m->n_countries + i is
     * extra[i] (code and name the sheet's code, nothing else known). Owned; the strings are
     * borrowed from the sheet. ilo_ranking_country() resolves either. */
    ilo_country *extra;
    size_t n_extra;
} ilo_ranking;

/* The country of an entry: the model's, or the ranking's extra ones. */
const ilo_country *ilo_ranking_country(const ilo_model *m, const ilo_ranking *r, size_t country);

/* Evaluates every country of m in year under method (baseline profiles) and ranks the assessed
 * ones by unrounded score, ties by standard competition ranking. A country with no criterion
 * coded or clear in the year is listed as not assessed, never ranked as compliant. */
ilo_status ilo_ranking_new(const ilo_model *m, size_t method, int year, ilo_ranking **out, ilo_ctx *ctx);
/* The same from a coding sheet (weights and rules from the model's catalogue): the sheet's
 * countries, in order of first appearance; a country with a row for the year is assessed (a sheet
 * lists coded criteria, so a country-year examined and found clear is not assessed). The sheet
 * must outlive the ranking. */
ilo_status ilo_ranking_from_sheet(const ilo_model *m, size_t method, const ilo_sheet *sheet, int year,
                                  ilo_ranking **out, ilo_ctx *ctx);
void ilo_ranking_free(ilo_ranking *r);

/* Monte Carlo over the criterion weights. Draw d (0-based) takes its own generator,
 * gsl_rng_mt19937 seeded with 1 + (splitmix64(seed) + d) mod (2^32 - 1), and multiplies every
 * criterion's weight, in catalogue order, by 1 + u with u uniform on [-spread/100, +spread/100]
 * (gsl_ran_flat). The cap, the scale and the all-encompassing rule are not perturbed. Each
 * country-year is evaluated once (ilo_eval), or read from a coding sheet, for its coded
 * criteria; a draw only re-weights them, and draw d has the same weights in every year, so the
 * results do not depend on the number of threads. Percentiles are those of
 * gsl_stats_quantile_from_sorted_data over the draws (linear interpolation between order
 * statistics), found by selection rather than sorting.
 *
 * With all, every country in every year from..to: ranks are within a year (the countries of the
 * data, or of the sheet). Without, one country's years. From a sheet, a country-year is assessed
 * when the sheet has a row for it (a sheet lists coded criteria only, so a country-year examined
 * and found clear cannot be told from one not examined: it is not assessed). */
typedef struct ilo_sens_opts {
    size_t method;
    bool all;          /* every country, ranked within each year; else one country over years */
    size_t country;    /* when !all and no sheet */
    int from, to;      /* years */
    size_t draws;      /* 1..ILO_SENS_MAX_DRAWS */
    uint64_t seed;
    double spread;     /* percent, 0..100 */
    unsigned threads;  /* 1..ILO_SENS_MAX_THREADS */
    /* Optional, with all: score this coding sheet (borrowed; it must outlive the result, whose
     * units point at its country codes) instead of the model's profiles; weights and rules come
     * from the model's catalogue. */
    const ilo_sheet *sheet;
    bool no_groups;    /* skip the leave-one-group-out impacts (NaN): the percentiles alone, about
                          a third of the work with all */
    /* Optional; called from the calling thread only, about ten times a second and once at the
     * end, with the draws done so far (a draw counts once per year with all). */
    void (*progress)(void *arg, size_t done, size_t total);
    void *progress_arg;
} ilo_sens_opts;

#define ILO_SENS_MAX_DRAWS 10000000
#define ILO_SENS_MAX_THREADS 64
#define ILO_SENS_MAX_VALUES 50000000 /* draws x the units ranked together (a year's countries, or
                                        one country's years) kept in memory */

/* One country-year. Percentiles are NaN for a country-year that is not assessed. */
typedef struct ilo_sens_unit {
    size_t country;             /* index into the model's countries; SIZE_MAX for a sheet's country
                                   the model does not hold */
    const char *code;           /* the country's code (borrowed from the model or the sheet) */
    int year;
    bool assessed;
    int64_t raw_hundredths;              /* the point (unperturbed) evaluation */
    bool forced;
    double score;
    double p5, p50, p95;        /* score over the draws */
    uint32_t rank;              /* all: the point rank in its year (competition); 0 when not ranked */
    double rank_p5, rank_p50, rank_p95; /* all: rank in its year over the draws */
} ilo_sens_unit;

/* Leaving one criteria group out (its criteria weigh 0, and its all-encompassing criteria force
 * nothing): with all, the mean absolute rank change over ranked countries and draws; otherwise
 * the mean absolute score change over assessed years and draws. */
typedef struct ilo_sens_group {
    size_t group;
    bool coded;                 /* some unit codes a criterion of the group; impact 0 otherwise */
    double impact;
} ilo_sens_group;

/* Coding uncertainty of one country-year: what the coding itself, not the weights, does to the
 * score. Leave one text out: for each admissible source that makes an item count in the year, the
 * score with that source left out of every item (its sources and resolved_by), evaluated again
 * (an item still cited by another counting text stays; under carry-forward an item whose latest
 * text is left out carries from the one before). Window
 * reading: the score under each window reading the engine offers other than the method's own
 * (evidence: the year of the text; occurrence: the years in force or happening; carry-forward:
 * the evidence window, a finding carried while the item lasts). Source dates: the score when
 * every source that records its publication beside its date (an ILO text: adopted one year,
 * published the next) counts in its publication year instead; available only where the data
 * records both for a source of the country. Widths are max - min over the point score and the
 * alternatives; `dominant` names the largest of the four kinds (weights: the 5-95% band of the
 * Monte Carlo), first in the order weights, texts, window, source dates on a tie. */
typedef struct ilo_sens_text {
    size_t source;              /* index into m->sources */
    bool assessed;              /* without it something is still coded, or another admissible text
                                   dated in the year examines a convention; false: the year would
                                   not be assessed (unknown, not 0: left out of the band) */
    int64_t raw_hundredths;              /* without it */
    double score, delta;        /* without it; delta = score without it - the point score */
} ilo_sens_text;

typedef struct ilo_sens_reading {
    ilo_window window;
    bool assessed;
    int64_t raw_hundredths;
    double score, delta;
} ilo_sens_reading;

typedef enum ilo_sens_kind { ILO_SENS_WEIGHTS, ILO_SENS_TEXTS, ILO_SENS_WINDOW, ILO_SENS_DATES, ILO_SENS__KINDS } ilo_sens_kind;

typedef struct ilo_sens_coding {
    ilo_sens_text *texts;       /* by |delta| descending, then source index; owned */
    size_t n_texts;
    double text_low, text_high; /* over the point score and every text left out (assessed) */
    size_t n_unassessing;       /* texts without which the year would not be assessed */
    ilo_sens_reading *readings; /* owned */
    size_t n_readings;
    double window_low, window_high;
    size_t n_dated_twice;       /* the country's sources recording a publication beside their date */
    bool source_dates;          /* the source-date reading was made (n_dated_twice > 0) */
    bool dates_assessed;        /* the year is assessed under it (false: unknown, left out) */
    int64_t dates_raw_hundredths;
    double dates_score, dates_delta; /* under it; delta = its score - the point score */
    double dates_low, dates_high;    /* over the point score and that reading (assessed) */
    double width[ILO_SENS__KINDS]; /* per ilo_sens_kind */
    ilo_sens_kind dominant;
} ilo_sens_coding;

/* "weights", "texts", "window reading", "source dates"; and a window's name ("evidence",
 * "occurrence", "carry-forward"). */
const char *ilo_sens_kind_name(ilo_sens_kind k);
const char *ilo_window_name(ilo_window w);

typedef struct ilo_sensitivity {
    ilo_sens_opts opts;         /* as given (progress cleared) */
    ilo_sens_coding *coding;    /* one country from the model: one per unit (zeroed for a unit not
                                   assessed); else NULL. Owned, with what it points to. */
    ilo_sens_unit *units;       /* all: year by year, the countries in model (or sheet) order within
                                   a year; else one per year */
    size_t n_units, n_assessed; /* n_assessed: the ranked country-years when all */
    ilo_sens_group *groups;     /* one per model group, in model order */
    size_t n_groups;
} ilo_sensitivity;

ilo_status ilo_sensitivity_new(const ilo_model *m, const ilo_sens_opts *o, ilo_sensitivity **out, ilo_ctx *ctx);
void ilo_sensitivity_free(ilo_sensitivity *s);
/* The units in the order reports show them: year by year; within a year (every country over
 * several years) the assessed by rank, then the rest; equal ranks, and the rest, by code; units
 * equal in all of these keep their order in s->units. A new array of s->n_units pointers into
 * s->units, which the caller frees with free(); NULL when out of memory. */
const ilo_sens_unit **ilo_sensitivity_order(const ilo_sensitivity *s);

/* ------------------------------------------------------------------------------------------ */
/* 12. Synthetic worlds (engine/synth.c)                                                      */
/* ------------------------------------------------------------------------------------------ */

/* A synthetic world: countries with codes from ISO 3166-1 alpha-3's user-assigned ranges (QMA-QZZ,
 * then ZZA-ZZZ, AAA-AAZ, then XAA-XZZ without the X codes in use: XK*, XX*, and ICAO's XBA XCC
 * XCE XCO XDC XEC XES XIM XMP XOM XPO), each marked synthetic = true, with span + 20 provisions
 * (50 for 30 years; each in force 1 to 20 years, the first from 20 years before the span) and
 * about 200 incidents per 30 years (most on one day, a quarter lasting months), and their
 * sources: a year of a long world holds about what a year of a short one does. Its ILO texts
 * state what they examined (`examines`: the catalogue's groups within their conventions), so
 * criteria they do not code are clear in their year. Country i depends only on
 * (seed, i, from, to): a bigger world with the same seed and years starts with the smaller. */
typedef struct ilo_synth_opts {
    size_t countries; /* 1..ilo_synth_capacity() */
    int from, to;     /* years, from <= to */
    uint64_t seed;
} ilo_synth_opts;

size_t ilo_synth_capacity(void);
/* The code of synthetic country i (0-based) into code[4]; false when i >= capacity. */
bool ilo_synth_code(size_t i, char code[4]);
/* Writes a synthetic data tree at out_dir, which must not exist or be an empty folder: the
 * catalogue files of the data tree `catalogue` (criteria/, criteria/methods/, criteria/regimes/,
 * copied byte for byte and loaded from the copy; its countries and scenarios are not read) and
 * countries/CODE.cfg per country. Built in a temporary sibling folder and renamed into place, so
 * a failure leaves nothing behind. The same options give the same bytes. */
ilo_status ilo_synth_write(const char *catalogue, const ilo_synth_opts *o, const char *out_dir, ilo_ctx *ctx);

/* ------------------------------------------------------------------------------------------ */
/* 13. Published figures (published/, engine/published.c)                                     */
/* ------------------------------------------------------------------------------------------ */

/* Figures published by others (SDG 8.8.2 scores, ITUC ratings), one file per vintage: a vintage
 * is one publication or copy of a series (the UN SDG database as pulled on a day, a national
 * portal's file, ...). Vintages are never mixed: every figure belongs to exactly one, every
 * function below works within one, and the vintage is reported with what it gives. Figures are
 * context, shown beside computed scores; they never enter a computed score. Countries need no
 * profile. The figures of a country profile's `published` list (section 3) are kept apart: they
 * are what reports print beside that country's scores.
 *
 * Owned by the model like everything in it. */
typedef enum ilo_measure { ILO_MEASURE_SDG = 0, ILO_MEASURE_ITUC = 1 } ilo_measure;
/* How many measures there are: ilo_measure_name(k) for k below it names each, in the order
 * reports show them. */
#define ILO_N_MEASURES 2

typedef struct ilo_figure {
    char country[4];     /* ISO 3166 alpha-3 */
    size_t profile;      /* index into m->countries, or SIZE_MAX when it has no profile */
    int year;            /* the year scored; ITUC: the edition */
    const char *value;   /* as published ("2.69", "5+"); NULL for an ITUC ten-worst entry whose
                            rating the source does not state */
    double score;        /* SDG: the value (0-10); ITUC: 1-5, 6 for "5+"; NaN when no value */
    bool ten_worst;      /* ITUC: among the edition's ten worst countries */
    bool inferred;       /* status = "inferred": derived from what the source states */
    const char *note;    /* may be NULL */
    size_t *sources;     /* its own sources, or the vintage's when it names none */
    size_t n_sources;
    int32_t known;       /* the first day it is surely published: the earliest last day covered
                            by the date of one of its sources (used by ilo_model_as_of()) */
    ilo_where where;
} ilo_figure;

typedef struct ilo_vintage {
    const char *id, *title, *note; /* note may be NULL */
    ilo_measure measure;
    size_t *sources;
    size_t n_sources;
    ilo_figure *figures;           /* by year, then country code: one per country and year */
    size_t n_figures;
    ilo_where where;
} ilo_vintage;

/* "sdg-8.8.2" or "ituc". */
const char *ilo_measure_name(ilo_measure k);
/* The vintage with that id, or SIZE_MAX. */
size_t ilo_model_find_vintage(const ilo_model *m, const char *id);
/* The figure of country (alpha-3) in year, or NULL. Binary search. */
const ilo_figure *ilo_vintage_figure(const ilo_vintage *v, const char *country, int year);
/* The figures of year: *n of them from the returned pointer (NULL and 0 when none). */
const ilo_figure *ilo_vintage_year(const ilo_vintage *v, int year, size_t *n);
/* The figures of `measure` for country (alpha-3) in year, one per vintage that has one, in
 * vintage (file) order: up to cap of them into figs[] (and their vintages' indices into vints[]
 * when not NULL). Returns how many vintages have one (which may exceed cap). For showing
 * published figures beside a computed score with each vintage named, never merged. */
size_t ilo_published_of(const ilo_model *m, const char *country, int year, ilo_measure measure,
                        const ilo_figure **figs, size_t *vints, size_t cap);
/* The default vintage of `measure` for year: the one with the most figures with a value in that
 * year (the widest comparison); ties go to the one whose latest source is the most recent, then
 * to data order. SIZE_MAX when no vintage has a figure in year. */
size_t ilo_published_default_vintage(const ilo_model *m, ilo_measure measure, int year);

/* The place of a score among the published SDG 8.8.2 scores of one vintage and year.
 *   below, equal  published scores lower than, and equal to, the score (compared at two
 *                 decimals: the score is rounded half-up with ilo_round2(), as it is printed,
 *                 and published values have two decimals at most)
 *   percentile    100 x (below + equal / 2) / n: the mid-rank percentile, 0-100. Low is the good
 *                 end: 10th means 90% of the published scores are higher (further from the
 *                 conventions)
 *   quintile      1 + floor(percentile / 20), at most 5: 1 holds the lowest fifth of scores
 * The score is not one of the n: it is placed among them. */
typedef struct ilo_place {
    size_t vintage;
    int year;
    size_t n, below, equal;
    double percentile;
    int quintile;
} ilo_place;

/* Errors: an unknown vintage or one that is not SDG 8.8.2 (ILO_ERR_NOTFOUND), a score outside
 * 0-10 or NaN (ILO_ERR_INVALID), no published score in that vintage and year (ILO_ERR_DOMAIN). */
ilo_status ilo_published_place(const ilo_model *m, size_t vintage, int year, double score,
                               ilo_place *out, ilo_ctx *ctx);

/* The one vintage reports place computed scores in (published/README.md): the UN SDG Global
 * Database copy of 18 March 2024. One vintage for every year and every country, so that places
 * are never computed in one vintage and compared with another's. */
#define ILO_PLACE_VINTAGE "sdg-un-db-2024"

/* The published SDG 8.8.2 value reports show for a country in year: from ILO_PLACE_VINTAGE
 * when the data have it (never another vintage's, even where it has none), else as recorded in
 * the country profile's `published` list (section 3). code: the country's alpha-3 code; country:
 * its index in m->countries (a sheet's country the model does not hold has none). NULL when
 * there is none. */
const char *ilo_published_sdg(const ilo_model *m, const char *code, size_t country, int year);

/* Whether the scores of method can be compared with published SDG 8.8.2 scores: it admits no
 * source kind that SDG 8.8.2 does not read (only the ILO's kinds, ILO_SRC_CEACR to
 * ILO_SRC_ILO_OTHER, and legislation). */
bool ilo_method_comparable(const ilo_model *m, size_t method);
/* Whether any score of method can have a place: it is comparable and ILO_PLACE_VINTAGE is in
 * the data. */
bool ilo_method_can_place(const ilo_model *m, size_t method);

/* Why a computed score has no place (ilo_score_place()), in the order the reasons are checked. */
typedef enum ilo_unplaced {
    ILO_PLACED = 0,            /* it has one */
    ILO_UNPLACED_NOT_ASSESSED, /* the country-year is not assessed: there is no score to place */
    ILO_UNPLACED_METHOD,       /* the method is not comparable (ilo_method_comparable()) */
    ILO_UNPLACED_NO_VINTAGE,   /* ILO_PLACE_VINTAGE is not in the data */
    ILO_UNPLACED_NO_YEAR,      /* ilo_published_place() fails: no published score of the year */
} ilo_unplaced;
/* The place of a score of method in year (assessed false: the country-year is not assessed)
 * among the published SDG 8.8.2 scores of ILO_PLACE_VINTAGE, into *out, zeroed when there is
 * none; ILO_PLACED, or why there is none. */
ilo_unplaced ilo_score_place(const ilo_model *m, size_t method, int year, bool assessed, double score,
                             ilo_place *out);

/* ------------------------------------------------------------------------------------------ */
/* 14. Trade programmes in force and beneficiary standing (engine/published.c)                */
/* ------------------------------------------------------------------------------------------ */

/* ilo_answer is defined above, with the regimes. "yes", "no", "unknown". */
const char *ilo_answer_name(ilo_answer a);

/* Whether regime's programme was in force on day (days from 1970-01-01): yes when a period of its
 * `in_force` list covers the day (a partial `from` counts from its first day, a partial `until`
 * to its last); no when the list is not empty and none covers it; unknown when it is empty. */
ilo_answer ilo_regime_in_force(const ilo_regime *r, int32_t day);

/* Country's standing under regime on day: the status of its latest decision whose `effective`
 * date has surely arrived (the last day a partial date covers is on or before day). Before its
 * first such decision the standing is unknown, except that a withdrawal, suspension or partial
 * withdrawal presupposes that the country was a beneficiary until it took effect: then
 * ILO_BENEFIT_YES, with *implied set. *why (may be NULL) gets the decision that answers, or NULL.
 * country is an alpha-3 code. */
ilo_benefit ilo_regime_benefit(const ilo_regime *r, const char *country, int32_t day,
                               const ilo_regime_decision **why, bool *implied);
/* "beneficiary", "partial", "suspended", "withdrawn", "not-beneficiary", "unknown". */
const char *ilo_benefit_name(ilo_benefit b);

/* ------------------------------------------------------------------------------------------ */
/* 15. Evidence as of a date (engine/asof.c)                                                  */
/* ------------------------------------------------------------------------------------------ */

/* Restricts a freshly loaded model, in place and once, to the evidence published by the end of
 * day `as_of`: a source counts only when the whole period its date covers has ended by then
 * (a source dated "2018" counts as of 2018-12-31, not before: it may have appeared on any day of
 * the year). Removed are the references to later sources in items (baseline and scenario-added),
 * ratifications, events, conflicts and the profile's published figures; the events dated after
 * the day; the profile figures and the published/ figures none of whose sources counts; and the
 * later sources from each country's examining sources. An item left with no source is never
 * counted by any method. Everything else (the catalogue, methods, regimes and their dates, the
 * items' own dates) is unchanged, so every command sees the same restricted evidence and nothing
 * is tested per evaluation. Records m->as_of. Call it before any evaluation; calling it twice is
 * an error (ILO_ERR_INVALID), as is a date without a day (a cut-off is a day). */
ilo_status ilo_model_as_of(ilo_model *m, const ilo_date *as_of, ilo_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
