/*
 * brief.h: what the five brief renderers share and report.h does not show: which findings,
 * events and years a brief shows, how its sources are numbered, and the sentences every format
 * says alike (written as plain text into a buffer; each format escapes them its own way).
 * Not installed; not for cli/.
 */
#ifndef ILO_REPORTS_BRIEF_H
#define ILO_REPORTS_BRIEF_H

#include "internal.h"

typedef struct rep_brief_view {
    rep_cites cites;      /* regime sources, findings', events', published figures' */
    size_t *findings;     /* the result's findings that code a criterion of an in-scope regime
                             criterion, in the result's order (largest share first) */
    size_t n_findings;
    size_t *fnum;         /* per result finding: its number in the brief (F1 = 1), 0 if not shown */
    size_t *events;       /* country events of the ILO supervisory bodies dated from..year, by date */
    size_t n_events;
    size_t *trade;        /* country events of kinds trade and eu dated from..year, by date */
    size_t n_trade;
    int from, year;       /* the years the brief looks back on: the trend's first year (or the
                             year, without a trend) to the year */
    size_t *scenarios;    /* the scenarios whose operations the reforms cite, in model order */
    size_t n_scenarios;
    size_t *recs;         /* the country's recommendations made by the as-of day, in data order */
    size_t n_recs;
    size_t *laws;         /* the profile's provisions that entered into force or stopped in the
                             review period, by the as-of day, by the date of that change */
    size_t n_laws;
    size_t *conflicts;    /* the country's recorded conflicts about a finding's item, an event
                             shown or a source cited, in data order */
    size_t n_conflicts;
} rep_brief_view;

/* Numbers the sources src[0..n) not yet numbered, in order. */
void rep_cite(rep_cites *c, const size_t *src, size_t n);

/* Builds the view of doc; false when out of memory (then nothing is left to free). */
bool rep_brief_view_init(rep_brief_view *v, const rep_brief_doc *doc);
void rep_brief_view_free(rep_brief_view *v);

/* The regime of doc and the regime criterion of verdict vd. */
const ilo_regime *rep_brief_regime(const rep_brief_doc *doc);
const ilo_regime_criterion *rep_brief_criterion(const rep_brief_doc *doc, const ilo_brief_verdict *vd);
/* Whether finding f (index into the result's findings) bears on verdict vd. */
bool rep_brief_touches(const ilo_brief_verdict *vd, size_t f);

/* Plain-text pieces, appended to b (not escaped: the caller escapes the whole). */
/* "C087 ratified, C098 ratified" (status at the end of the year); "" when it has none. */
void rep_brief_ratification(rep_buf *b, const rep_brief_doc *doc, const ilo_brief_verdict *vd);
/* "3 coded, 1 clear, 0 not assessed of 4". */
void rep_brief_counts(rep_buf *b, const ilo_brief_measure *ms);
/* Ids of the criteria in set, in catalogue order, separated by ", "; "none" when empty. */
void rep_brief_criteria(rep_buf *b, const ilo_model *m, const ilo_bitset *set);
/* Where an item comes from: "Trade Union Act No. 1 of 2014, s. 10; in force from 2014-07-01" or
 * "2018-01-15; Capital; who: Union B". */
void rep_brief_item_where(rep_buf *b, const ilo_item *it);
/* A scenario the reforms cite: "ID (effective DATE): TITLE". */
void rep_brief_scenario(rep_buf *b, const rep_brief_doc *doc, size_t scenario);
/* A scenario operation that addresses a concern, as one sentence. */
void rep_brief_reform(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const ilo_brief_reform *rf);
/* The repeal search of a verdict, as one sentence ("" when it has nothing coded). */
void rep_brief_target(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const ilo_brief_verdict *vd);
/* The bottom line: the overall score, the change since the year before, and the count of
 * criteria per concern level, as sentences. */
void rep_brief_bottom_line(rep_buf *b, const rep_brief_doc *doc);
/* The source kinds the method admits, "ilo-ceacr, ilo-cas, ...". */
void rep_brief_admissible(rep_buf *b, const ilo_method *me);

/* The review parts (brief-review.c). Numbers the sources of the applicability paragraph. */
void rep_brief_cite_standing(rep_brief_view *v, const rep_brief_doc *doc);
/* Whether the regime applied on the as-of day: programme in force, the country's standing, its
 * latest decision, and the label of what follows (an illustrative assessment). */
void rep_brief_applicability(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v);
/* The as-of day, the evidence cut-off, the review period, the method, the SDG 8.8.2 reading
 * beside and the window rule. */
void rep_brief_period(rep_buf *b, const rep_brief_doc *doc);

/* Picks and cites the recommendations and law changes of the view (after the findings). False
 * when out of memory. */
bool rep_brief_progress_init(rep_brief_view *v, const rep_brief_doc *doc);
/* Recommendation v->recs[i] as one paragraph: body, date, what was asked, the items it concerns
 * (with their finding numbers), its status on the as-of day with the status's date, note and
 * sources, and the earlier statuses. */
void rep_brief_rec(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, size_t i);
/* The status word of v->recs[i] on the as-of day ("pending", "partly met", "met"). */
const char *rep_brief_rec_state(const rep_brief_doc *doc, const rep_brief_view *v, size_t i);
/* Law change v->laws[i] as one line: what changed, when, the provision and its sources. */
void rep_brief_law(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, size_t i);
/* The day v->laws[i] changed ("2020-05-04") and how ("entered into force", "repealed"). */
const ilo_date *rep_brief_law_date(const rep_brief_doc *doc, const rep_brief_view *v, size_t i, const char **how);

/* Conflict v->conflicts[i] as one sentence: what is disputed, the versions with their sources,
 * the value used and why. */
void rep_brief_conflict(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, size_t i);
/* " (published after the as-of day)" when source was published after it, else nothing. */
void rep_brief_later(rep_buf *b, const rep_brief_doc *doc, size_t source);

/* "yes", "no", "unknown". */
const char *rep_answer_name(ilo_answer a);

/* The ILO's own caveat, quoted (without quotation marks), and who says it. */
extern const char rep_brief_ilo_quote[];
extern const char rep_brief_ilo_quote_source[];
/* The caveat paragraphs in this project's words; the last is NULL. */
extern const char *const rep_brief_caveats[];

#endif
