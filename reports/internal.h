/*
 * internal.h: what the builders share and report.h does not show: the numbering of cited
 * sources and a few words for the reader (view.c). Not installed; not for cli/.
 */
#ifndef ILO_REPORTS_INTERNAL_H
#define ILO_REPORTS_INTERNAL_H

#include "report.h"

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
 * entered or left in the years of largest change, then those of the conflicts shown. */
bool rep_cites_trend(rep_cites *c, const rep_trend_doc *doc);
void rep_cites_free(rep_cites *c);

/* "provision" or "incident". */
const char *rep_item_kind(const ilo_item *it);
/* The profile's name for the reader. */
const char *rep_profile_name(const char *name);
/* "ratified", "not ratified", "denounced" or "unknown" at the end of year. */
const char *rep_ratification(const ilo_model *m, size_t c, size_t conv, int year);

#endif
