/*
 * kinds.h: the report builders (one file per kind in reports/kinds/) and what they share. A
 * builder reads the engine's results once and returns a new document (doc.h) that the caller
 * frees with rep_doc_free(); NULL, or a document marked failed (rep_doc_ok() false), when out of
 * memory. Not installed; only render.c calls them.
 */
#ifndef ILO_REPORTS_KINDS_H
#define ILO_REPORTS_KINDS_H

#include "../doc.h"

rep_doc *rep_build_rank(const rep_rank_doc *in);
rep_doc *rep_build_sensitivity(const rep_sensitivity_doc *in);
rep_doc *rep_build_target(const rep_target_doc *in);
rep_doc *rep_build_sheet_score(const rep_sheet_score_doc *in);
rep_doc *rep_build_trend(const rep_trend_doc *in);
rep_doc *rep_build_comparison(const rep_comparison *in);

/* ---- cited sources (cites.c) ---- */

/* The sources a document cites, numbered [1], [2], ... in order of first citation, so that every
 * format numbers them alike; and which of the country's recorded conflicts the document shows
 * (the engine's rule: ilo_result_conflict_shown(), ilo_trend_conflict_shown(), given the sources
 * cited before the conflicts' own). */
typedef struct rep_cites {
    size_t *num;   /* per model source: its number, 0 when not cited */
    size_t *order; /* the cited sources, by number - 1 */
    size_t n;
    bool *shown;   /* per conflict of the country: shown (assessment and trend; else NULL) */
} rep_cites;

/* Numbers the sources an assessment cites: the findings' (by rank), then the published
 * figures', then the events', then those of the versions of the conflicts shown. False when out
 * of memory (then out is marked failed by callers). */
bool rep_cites_assessment(rep_cites *c, const rep_assessment *doc);
/* The same for a trend: the published figures' by year, then the sources of the items that
 * entered or left in the years of largest change (ch[0..n-1], ilo_trend_largest_changes()), then
 * those of the conflicts shown. */
bool rep_cites_trend(rep_cites *c, const rep_trend_doc *doc, const size_t *ch, size_t n);
void rep_cites_free(rep_cites *c);

/* ---- shared parts (common.c) ---- */

/* "provision" or "incident". */
const char *rep_item_kind(const ilo_item *it);
/* "ratified", "not ratified", "denounced" or "unknown" at the end of year. */
const char *rep_ratification(const ilo_model *m, size_t c, size_t conv, int year);

/* A new document of this kind whose generator is this program and version (NULL when out of
 * memory); the builder sets its title. */
rep_doc *rep_kind_doc(const char *kind);

/* The ILO's caveat on comparing countries with SDG 8.8.2 (rank.c), plain text. */
extern const char rep_sdg_caveat[];

/* The method as programs read it: the keyed block "method" {id, title, window, cap, scale} and,
 * with note, bands_note. */
void rep_add_method(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method, bool note);
/* The head of a one-country document: people's Method, Profile and Note lines; programs'
 * "country" {code, name, region, synthetic}, "profile" and "method" (with bands_note). */
void rep_add_header(rep_doc *d, rep_node *parent, const ilo_model *m, size_t country, size_t method,
                    const char *profile);
/* The evidence the document rests on: people's "Evidence: as of DATE ..." or "all evidence ..."
 * field added to `people` (a fields node seen by people), programs' "as_of" (the date or null)
 * and CSV's as_of row (the date or "all") under parent; either may be NULL (then that part is
 * left out, to be added where it belongs in order). */
void rep_add_as_of(rep_doc *d, rep_node *parent, rep_node *people, const ilo_model *m);
/* The scenarios applied, in order: the table "scenarios" (people see it only when there are some;
 * CSV has applied:N rows). */
rep_node *rep_add_scenarios(rep_doc *d, rep_node *parent, const ilo_model *m, const size_t *sc, size_t n);
/* The ids of the criteria in set, in catalogue order, in d's memory; *n gets how many. */
const char *const *rep_criteria_ids(rep_doc *d, const ilo_model *m, const ilo_bitset *set, size_t *n);
/* The method as people read it: "Title (id), evidence window". */
const char *rep_method_line(rep_doc *d, const ilo_model *m, size_t method);
/* People's Note that the country is synthetic, not a real one, or with country SIZE_MAX how many
 * of the data's countries are; nothing when none is. */
void rep_add_synthetic_note(rep_doc *d, rep_node *people, const ilo_model *m, size_t country);
/* A paragraph of one plain span. */
rep_node *rep_para_text(rep_doc *d, rep_node *parent, const char *key, rep_style style, const char *title,
                        const char *text);
/* The same, seen by people only (no key). */
rep_node *rep_people_para(rep_doc *d, rep_node *parent, rep_style style, const char *title, const char *text);

/* Sources: the value of a row's "sources" (an array of source objects), the people's marks
 * "[1] [3]", and the document's list of every cited source (programs' table "sources", people's
 * numbered section "Sources"). */
rep_value rep_sources_value(rep_doc *d, const ilo_model *m, const rep_cites *c, const size_t *src, size_t n);
const char *rep_cite_marks(rep_doc *d, const rep_cites *c, const size_t *src, size_t n);
void rep_add_sources(rep_doc *d, rep_node *parent, const ilo_model *m, const rep_cites *c);
/* A published figure in columns 0-5 of row: measure, year, value, status, note, sources. With
 * `measured` the value carries the CSV measure "published:MEASURE". */
void rep_published_cells(rep_doc *d, rep_node *t, size_t row, const ilo_model *m, const rep_cites *c,
                         const ilo_published *p, bool measured);

/* The events ev[0..n-1] of the country (indices into its events): the table `key` ({id, date,
 * kind, title, note, sources}; people see Date, Kind, Title, Sources), or "None recorded.". */
void rep_add_events(rep_doc *d, rep_node *parent, const char *key, const ilo_model *m, size_t country,
                    const size_t *ev, size_t n, const rep_cites *c);

/* The columns of an item with its finding, in a table's columns at..at+REP_ITEM_NCOLS-1: id,
 * kind, the provision's or the incident's fields, summary (programs; REP_ITEM_FIELDS of them),
 * people's Item text, then the finding's share, critical, criteria, sources (programs) and
 * people's Sources marks; rep_item_cells() fills them (f NULL: the item alone). */
#define REP_ITEM_FIELDS 13
const char *rep_item_text(rep_doc *d, const ilo_item *it);
#define REP_ITEM_NCOLS 18
extern const rep_column rep_item_cols[REP_ITEM_NCOLS];
void rep_item_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, const ilo_item *it,
                    const ilo_finding *f, const rep_cites *c);

/* Trend parts (trend.c): the table "years" (per convention and group with detail; a year equal
 * to skip_csv says nothing to CSV), the programs' from/to/slope/direction, CSV's trend:* rows,
 * and the people's "Slope: ... Rule: ..." sentence. */
rep_node *rep_add_years(rep_doc *d, rep_node *parent, const ilo_model *m, size_t country, const ilo_trend *t,
                        bool detail, int skip_csv);
void rep_add_trend_stats(rep_doc *d, rep_node *parent, const ilo_trend *t);
void rep_add_trend_rows(rep_doc *d, rep_node *parent, const ilo_trend *t);
const char *rep_slope_text(rep_doc *d, const ilo_trend *t);
/* The same, saying how many years the slope was fitted on and which were left out (not assessed). */
const char *rep_slope_fit_text(rep_doc *d, const ilo_model *m, const ilo_trend *t);
rep_doc *rep_build_assessment(const rep_assessment *in);
rep_doc *rep_build_brief(const rep_brief_doc *in);

/* What people read for a score that does not exist: the country-year is not assessed
 * (ilo_result_assessed() false): nothing coded and nothing examined. */
extern const char rep_na_text[];
/* A score in hundredths when r is assessed, else rep_v_na(shown). */
rep_value rep_assessed_v(const ilo_model *m, const ilo_result *r, int64_t c, const char *shown);
/* The rating of r: its band's rating when the method has bands and r is assessed; NA when it
 * has bands and r is not assessed; absent when the method has none. */
rep_value rep_rating_v(const ilo_model *m, const ilo_result *r);
/* The score of convention k (with group, of group k) in r, NA when the part is not assessed. */
rep_value rep_part_v(const ilo_model *m, const ilo_result *r, bool group, size_t k);
/* The cells of r's score, raw, law, practice (each NA when r is not assessed, the score's shown
 * as "not assessed") and rating (rep_rating_v(), null when the method has no bands), from column
 * `at` on. */
void rep_score_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, const ilo_result *r);
/* Programs' "rating": {band, label, bands_note} of `band` of the method, the band with the CSV
 * measure `measure` (NULL: no CSV row). With no band: null, or NA (not assessed) when `measure` is
 * given and the method has bands. */
void rep_add_rating(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method, const ilo_band *band,
                    const char *measure);

/* ---- the place of a score among published SDG 8.8.2 scores (common.c) ---- */

/* The place of r as people read it (a "Place" field added to `people`, a fields node) and as
 * programs read it (the keyed object "place" under parent, or null; CSV place:n,
 * place:percentile, place:quintile). */
void rep_add_place(rep_doc *d, rep_node *parent, rep_node *people, const ilo_model *m, const ilo_result *r);
/* The vintage the places of a document come from: people's line, programs' "place_vintage"
 * {id, title, rule} (null when the method's scores are not placed or the vintage is missing). */
void rep_add_place_vintage(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method);
/* Three table columns under key `prefix` ("place" or "baseline/place"): percentile, quintile, n;
 * CSV measures `measure_prefix`:percentile etc.; people see the quintile ("Q") when `label` is 1,
 * and the percentile ("Pctile") too when it is 2. */
void rep_place_columns(rep_doc *d, rep_column *cols, const char *prefix, const char *measure_prefix, int label);
/* The three cells of the place of a score (ilo_score_place(); null when it has none). */
void rep_place_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, size_t method, int year,
                     bool assessed, double score);

/* "Disputed or uncertain": the country's conflicts marked in shown[] (one per conflict), each with
 * its versions, their numbered sources, the version used and why (programs' "conflicts", CSV
 * conflict:ID); then the published figures of the given years that are inferred, not stated. */
void rep_add_disputed(rep_doc *d, rep_node *root, const ilo_model *m, size_t country, const rep_cites *c,
                      const bool *shown, const int *years, size_t n_years);

/* The HTML chart of the score by year beside the published SDG 8.8.2 series. */
rep_node *rep_add_score_chart(rep_doc *d, rep_node *parent, const ilo_model *m, size_t country,
                              const ilo_result *const *years, size_t n);

#endif
