/*
 * internal.h: what the renderers share and report.h does not show: the numbering of cited
 * sources and small lookups. Not installed; not for cli/.
 */
#ifndef ILO_REPORTS_INTERNAL_H
#define ILO_REPORTS_INTERNAL_H

#include "report.h"

/* The sources a document cites, numbered [1], [2], ... in order of first citation, so that every
 * format numbers them alike. */
typedef struct rep_cites {
    size_t *num;   /* per model source: its number, 0 when not cited */
    size_t *order; /* the cited sources, by number - 1 */
    size_t n;
} rep_cites;

/* Numbers the sources an assessment cites: the findings' (by rank), then the published
 * figures', then the events'. False when out of memory (then out is marked failed by callers). */
bool rep_cites_assessment(rep_cites *c, const rep_assessment *doc);
/* The same for a trend: the published figures' by year, then the sources of the items that
 * entered or left in the years of largest change. */
bool rep_cites_trend(rep_cites *c, const rep_trend_doc *doc);
void rep_cites_free(rep_cites *c);

/* The band of r under its method, or NULL if the method has none. */
const ilo_band *rep_band(const ilo_model *m, const ilo_result *r);
/* "provision" or "incident". */
const char *rep_item_kind(const ilo_item *it);
/* The profile's name for the reader. */
const char *rep_profile_name(const char *name);
/* "ratified", "not ratified", "denounced" or "unknown" at the end of year. */
const char *rep_ratification(const ilo_model *m, size_t c, size_t conv, int year);
/* The window's data name ("evidence", "occurrence"). */
const char *rep_window_name(ilo_window w);
/* Whether event e is shown for year: an ILO supervisory event dated in that year. */
bool rep_event_shown(const ilo_event *e, int year);
/* A caution about criteria not assessed in r's year, written into out (one sentence, plain
 * text); false (and out empty) when every criterion is assessed. */
bool rep_coverage_note(const ilo_model *m, const ilo_result *r, char *out, size_t n);
/* Whether any criterion of convention k is assessed, coded or clear, in any year of t. */
bool rep_convention_in_trend(const ilo_model *m, const ilo_trend *t, size_t k);
/* The measures of published figures, in the order reports show them. */
extern const char *const rep_measures[];
#define REP_NMEASURES 2
/* The years of largest change, with the change's index i: year i versus year i - 1. */
typedef struct rep_changes {
    size_t idx[REP_MAX_CHANGES];
    size_t n;
} rep_changes;
void rep_changes_of(const ilo_trend *t, rep_changes *out);
/* The items that entered (in year i, not in i - 1) or left (the other way round); calls fn for
 * each with the finding it had in the year it was counted. */
typedef void (*rep_item_fn)(void *arg, const ilo_finding *f, bool entered);
void rep_changed_items(const ilo_trend *t, size_t i, rep_item_fn fn, void *arg);

#endif
