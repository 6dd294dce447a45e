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
void ilo_ctx_clear(ilo_ctx *ctx);

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
    ilo_date date;
    size_t *conventions; /* conventions the text examines */
    size_t n_conventions;
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

typedef enum ilo_kind { ILO_LAW = 0, ILO_PRACTICE = 1 } ilo_kind;

typedef struct ilo_criterion {
    const char *id, *label, *article, *weight_note, *note; /* weight_note, note may be NULL */
    int sdg;            /* SDG 8.8.2 number, 0 when none */
    size_t group, convention;
    ilo_kind kind;
    int32_t weight_c;   /* weight in hundredths: 1.93 is 193 (weights have two decimals) */
    bool published;     /* weight_basis = "published" */
    bool general_prohibition, all_encompassing;
    ilo_bitset implies; /* itself and every criterion its rules imply, transitively */
    size_t *sources;
    size_t n_sources;
    ilo_where where;
} ilo_criterion;

typedef enum ilo_window { ILO_WINDOW_EVIDENCE, ILO_WINDOW_OCCURRENCE } ilo_window;
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

typedef struct ilo_regime {
    const char *id, *title, *basis, *note;
    ilo_regime_criterion *criteria;
    size_t n_criteria;
    size_t *sources;
    size_t n_sources;
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
    ilo_conflict *conflicts; size_t n_conflicts;
    ilo_published *published; size_t n_published;
    ilo_breakdown *breakdowns; size_t n_breakdowns;
    size_t *examining; size_t n_examining; /* its sources that list conventions they examine */
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

/* ------------------------------------------------------------------------------------------ */
/* 4. Loading                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* Loads the data tree under dir (criteria/, criteria/methods/, criteria/regimes/, countries/,
 * scenarios/) and then each of the n extra scenario files. Validates everything; on failure
 * records every error found in ctx (up to ILO_MAX_ERRORS), frees what it built and returns the
 * first error's code with *out set to NULL. On success *out is a new model; free it with
 * ilo_model_free(). */
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

typedef enum ilo_status3 { ILO_NOT_ASSESSED = 0, ILO_CLEAR = 1, ILO_CODED = 2 } ilo_status3;

typedef struct ilo_finding {
    size_t item;        /* index into the profile's items */
    int64_t share_c;    /* its share of the raw score, in hundredths */
    ilo_bitset criteria;/* coded criteria this item codes in the year */
    bool critical;      /* removing this item alone lowers the score */
    size_t *sources;    /* admissible sources that count in the year (points into result) */
    size_t n_sources;
} ilo_finding;

/* The evaluation of one country, year and method. */
typedef struct ilo_result {
    size_t country, method;
    int year;
    ilo_bitset coded;              /* coded criteria */
    ilo_bitset assessed;           /* coded or clear */
    int64_t raw_c;                 /* raw score in hundredths: sum of coded weights */
    int64_t law_c, practice_c;     /* raw split by kind */
    int64_t *convention_c;         /* raw per convention (n_conventions) */
    int64_t *group_c;              /* raw per group (n_groups) */
    bool forced;                   /* an all-encompassing criterion is coded: score 10 */
    bool breakdown;                /* the profile marks a breakdown of the rule of law */
    double score, law, practice;   /* normalised, unrounded */
    size_t band;                   /* index into the method's bands */
    ilo_finding *findings;         /* counted items, by share descending then data order */
    size_t n_findings;
    size_t *source_pool;           /* storage for the findings' sources */
    size_t n_source_pool;
    size_t cap_items, cap_pool;    /* capacities the arrays were sized for */
    void *scratch;                 /* per-criterion counters, private to the engine */
} ilo_result;

/* A result sized for model m. Reuse it across evaluations: evaluation does not allocate unless a
 * profile has more items than any before. Free with ilo_result_free(). */
ilo_result *ilo_result_new(const ilo_model *m);
void ilo_result_free(ilo_result *r);

/* Evaluates profile p in year under method. Returns ILO_OK, or an error in ctx. */
ilo_status ilo_eval(const ilo_model *m, const ilo_profile *p, size_t method, int year,
                    ilo_result *r, ilo_ctx *ctx);

/* The published-method normalisation: min(raw, cap) x scale / cap. */
double ilo_normalise(const ilo_method *method, double raw);
/* Rounds half-up to two decimals, exactly for values computed from hundredths, into hundredths. */
int64_t ilo_round2(double x);
/* Status of criterion k in r. */
ilo_status3 ilo_result_status(const ilo_result *r, size_t k);
/* Score of one convention or group, normalised as the total is (this project's convention). */
double ilo_result_convention_score(const ilo_model *m, const ilo_result *r, size_t conv);
double ilo_result_group_score(const ilo_model *m, const ilo_result *r, size_t group);

/* ------------------------------------------------------------------------------------------ */
/* 6. Trends                                                                                  */
/* ------------------------------------------------------------------------------------------ */

typedef enum ilo_direction { ILO_TREND_NONE, ILO_TREND_IMPROVING, ILO_TREND_WORSENING, ILO_TREND_STABLE } ilo_direction;

typedef struct ilo_trend {
    int from, to;
    size_t n;             /* years: to - from + 1 */
    ilo_result **years;   /* one result per year, owned */
    double slope, slope_se; /* least squares of score on year; NaN when n < 2 (se: n < 3) */
    ilo_direction direction;
} ilo_trend;

/* Evaluates every year from..to and fits the score's linear trend with gsl_fit_linear. The
 * direction rule: improving when slope + 2 se < 0, worsening when slope - 2 se > 0, stable
 * otherwise; with fewer than three years there is no direction (ILO_TREND_NONE). */
ilo_status ilo_trend_new(const ilo_model *m, const ilo_profile *p, size_t method, int from, int to,
                         ilo_trend **out, ilo_ctx *ctx);
void ilo_trend_free(ilo_trend *t);
const char *ilo_direction_name(ilo_direction d);

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

/* ------------------------------------------------------------------------------------------ */
/* 8. Coding sheets                                                                           */
/* ------------------------------------------------------------------------------------------ */

/* One externally coded country-year: the criteria coded, as read from a CSV sheet with the
 * columns country,year,criterion[,sources]. A criterion is an id or "sdg:N". */
typedef struct ilo_sheet_row {
    char country[ILO_MAX_ID + 1];
    int year;
    ilo_bitset coded;
} ilo_sheet_row;

typedef struct ilo_sheet {
    ilo_sheet_row *rows; /* one per country-year, in order of first appearance */
    size_t n_rows;
} ilo_sheet;

/* Reads a coding sheet. Unknown criteria, bad years and malformed lines are errors with their
 * line. Free with ilo_sheet_free(). */
ilo_status ilo_sheet_read(const ilo_model *m, const char *path, ilo_sheet **out, ilo_ctx *ctx);
void ilo_sheet_free(ilo_sheet *s);
/* Scores a coded set under method (default rules and the cap apply). */
void ilo_score_coded(const ilo_model *m, size_t method, const ilo_bitset *coded,
                     int64_t *raw_c, double *score, bool *forced);

/* ------------------------------------------------------------------------------------------ */
/* 9. Version                                                                                 */
/* ------------------------------------------------------------------------------------------ */

const char *ilo_version(void);

#ifdef __cplusplus
}
#endif
#endif
