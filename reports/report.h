/*
 * report.h: the iloscore reports library, its one public header.
 *
 * The reports library turns evaluated results into documents for people and programs: aligned
 * text for a terminal, GitHub-flavoured Markdown, JSON (schema_version 1, docs/reports.md), long
 * CSV (RFC 4180) and one self-contained HTML page with an inline SVG chart. It only reads what
 * the engine computed: it never evaluates, never prints and never exits. Everything is rendered
 * into a growable buffer that the caller then writes where it wants (a file, standard output, a
 * test's string comparison).
 *
 * Sections, in the order a caller needs them:
 *   1. The buffer (rep_buf)
 *   2. Escaping, one function per target syntax
 *   3. Formats
 *   4. Report kinds, their inputs, and the one entry point rep_render()
 *   5. Constants of every document
 *
 * Ownership, once for the whole header: an input struct (rep_assessment, rep_trend_doc, ...) only
 * borrows: the model, profile, results and trend it points to must outlive the call that renders
 * it. A rep_buf owns its bytes until rep_buf_detach() hands them to the caller (release with
 * free()) or rep_buf_free() releases them. No function keeps a pointer to its arguments after it
 * returns.
 *
 * Determinism: the same input gives the same bytes. Reports hold no timestamps, no addresses and
 * no hash orders; numbers never depend on the locale (scores are printed from integer
 * hundredths, other numbers through rep_buf_fixed or a C-locale printf).
 *
 * How a report is made: rep_render() asks the kind's builder (reports/kinds/KIND.c) for a
 * format-neutral document (reports/doc.h), which reads the engine's results once, then hands it
 * to the format's writer (reports/formats/FORMAT.c), which renders any document and calls no
 * engine function.
 *
 * Adding a report kind: write one builder, reports/kinds/KIND.c (rep_doc *rep_build_KIND(const
 * KIND_input *)), declare its input struct and a REP_KIND_ value in section 4 and its builder in
 * reports/kinds/kinds.h, add one line to build() in render.c, and call rep_render() from the
 * command. Every format then renders it. Adding a format: write one writer,
 * reports/formats/FORMAT.c (void rep_write_FORMAT(rep_buf *, const rep_doc *)), and add it to
 * rep_format and to the writers table in render.c. Every kind is then offered in it.
 *
 * Files: buf.c (section 1), escape.c (2), render.c (3 and 4: the dispatch), doc.h/doc.c (the
 * document), kinds/ (builders, and what they share: reports/kinds/kinds.h, not installed),
 * formats/ (writers). Only the builders call the engine.
 */
#ifndef ILO_REPORT_H
#define ILO_REPORT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "iloscore.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* 1. The buffer                                                                              */
/* ------------------------------------------------------------------------------------------ */

/* A growable byte string. After any put, data is NUL-terminated (the NUL is not counted in len).
 * When an allocation fails the buffer sets `failed`, keeps what it had and ignores later puts,
 * so a renderer can put freely and check once at the end with rep_buf_ok(). */
typedef struct rep_buf {
    char *data; /* NULL until the first put */
    size_t len, cap;
    bool failed;
} rep_buf;

#define REP_BUF_INIT {NULL, 0, 0, false}

void rep_buf_init(rep_buf *b);
void rep_buf_put(rep_buf *b, const char *s, size_t n);
void rep_buf_puts(rep_buf *b, const char *s);
void rep_buf_putc(rep_buf *b, char c);
/* n spaces. */
void rep_buf_pad(rep_buf *b, size_t n);
/* printf into the buffer, always in the C locale (a decimal point, never a comma), whatever
 * setlocale() the program did. For scores prefer rep_buf_hundredths(). */
void rep_buf_printf(rep_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The same with a va_list (rep_doc_printf formats through it). */
void rep_buf_vprintf(rep_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
/* An exact amount in hundredths as a decimal with two digits: 285 -> "2.85", -5 -> "-0.05". */
void rep_buf_hundredths(rep_buf *b, int64_t c);
/* x rounded half away from zero to `decimals` (0..9) digits, without a locale and without a
 * "-0": -0.00001 -> "0.0000". NaN and infinities are written as `nan_text`. */
void rep_buf_fixed(rep_buf *b, double x, int decimals, const char *nan_text);
/* false if an allocation failed at any point. */
bool rep_buf_ok(const rep_buf *b);
/* Hands the bytes to the caller (release with free()); *len (if not NULL) gets their length.
 * Returns an empty string for an empty buffer, NULL if the buffer failed. Leaves b empty. */
char *rep_buf_detach(rep_buf *b, size_t *len);
void rep_buf_free(rep_buf *b);

/* ------------------------------------------------------------------------------------------ */
/* 2. Escaping                                                                                */
/* ------------------------------------------------------------------------------------------ */

/* Each escaper appends s (UTF-8, NUL-terminated; NULL is treated as "") to b, escaped for one
 * syntax. They are byte-table driven: bytes >= 0x80 (UTF-8) always pass through unchanged. */

/* A JSON string with its quotes: " \ and control characters escaped (\n, \t, \u001f ...). */
void rep_put_json(rep_buf *b, const char *s);
/* One RFC 4180 field: quoted (with " doubled) when it holds , " CR or LF, or begins or ends with
 * a space; as is otherwise. */
void rep_put_csv(rep_buf *b, const char *s);
/* HTML text content: & < > escaped. */
void rep_put_html(rep_buf *b, const char *s);
/* An HTML attribute value inside double quotes: & < > " ' escaped. */
void rep_put_html_attr(rep_buf *b, const char *s);
/* A GitHub-flavoured Markdown table cell or inline text: | \ ` * _ [ ] < > ~ escaped with a
 * backslash (< as &lt;), line breaks and other control characters turned into spaces. */
void rep_put_md(rep_buf *b, const char *s);
/* Plain terminal text on one line: control characters (line breaks, tabs, ESC) turned into
 * spaces so data cannot move the cursor or break the layout. */
void rep_put_text(rep_buf *b, const char *s);
/* Whether url may be a link target: it starts with http:// or https:// (so data cannot inject a
 * javascript: link). Other addresses are shown as text. */
bool rep_url_linkable(const char *url);

/* ------------------------------------------------------------------------------------------ */
/* 3. Formats                                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef enum rep_format { REP_TEXT, REP_MD, REP_JSON, REP_CSV, REP_HTML } rep_format;
#define REP_NFORMATS 5

/* "text", "md", "json", "csv", "html". */
const char *rep_format_name(rep_format f);
/* The format named s (as above), or -1. */
int rep_format_parse(const char *s);
/* The format of a file name by its extension (.txt .md .json .csv .html, also .text .markdown
 * .htm; case-insensitive), or -1. */
int rep_format_from_path(const char *path);

/* ------------------------------------------------------------------------------------------ */
/* 4. Report kinds and the one entry point                                                    */
/* ------------------------------------------------------------------------------------------ */

/* An annual country assessment: one country, year and method, with an optional trend over the
 * years before it. */
typedef struct rep_assessment {
    const ilo_model *model;
    const ilo_profile *profile;  /* the profile `result` (and `trend`) evaluated */
    const char *profile_name;    /* "baseline" when NULL */
    const ilo_result *result;    /* the year assessed; its method is the document's method */
    const ilo_trend *trend;      /* NULL, or a trend of the same profile and method ending at or
                                    before result->year (usually the years before it and it) */
} rep_assessment;

/* A trend over a range of years. */
typedef struct rep_trend_doc {
    const ilo_model *model;
    const ilo_profile *profile;
    const char *profile_name;    /* "baseline" when NULL */
    const ilo_trend *trend;      /* at least one year */
} rep_trend_doc;

/* A scenario comparison: the baseline and the profile after the
 * scenarios, over the same years and method, year by year: total, law, practice and
 * per-convention scores, the delta (scenario - baseline), the rating change, the findings removed,
 * added or changed, and the criteria that stop or start being coded. */
typedef struct rep_comparison {
    const ilo_model *model;
    const ilo_profile *baseline;  /* the country's baseline profile */
    const ilo_profile *scenario;  /* the profile after the scenarios (ilo_profile_apply) */
    const size_t *scenarios;      /* indices into model->scenarios, in the order applied */
    size_t n_scenarios;
    const ilo_trend *base, *alt;  /* baseline and scenario evaluated over the same years and method */
    int last_year;                /* the year of the latest dated evidence on the country: later
                                     years are projections, marked "beyond the data" (0: none) */
} rep_comparison;

/* "What would it take" (ilo_target_new): the provisions to repeal, or why none suffices. */
typedef struct rep_target_doc {
    const ilo_model *model;
    const ilo_profile *profile;   /* the profile searched (baseline or after scenarios) */
    const size_t *scenarios;      /* the scenarios applied to it, in order (none: baseline) */
    size_t n_scenarios;
    const ilo_target *target;
} rep_target_doc;

/* A ranking of every country of the data in one year (iloscore rank): ranks with their ties,
 * the published figures beside, the countries not assessed, and the SDG 8.8.2 caveat. */
typedef struct rep_rank_doc {
    const ilo_model *model;
    const ilo_ranking *ranking;
} rep_rank_doc;

/* A Monte Carlo analysis over the criterion weights (iloscore sensitivity): score (and, for
 * every country, rank) percentiles, and the impact of leaving out each criteria group. Nothing
 * in it depends on the number of threads the analysis ran on. */
typedef struct rep_sensitivity_doc {
    const ilo_model *model;
    const ilo_sensitivity *sens;
} rep_sensitivity_doc;

/* A trade-review brief (engine/iloscore.h section 10): one country-year mapped onto a trade
 * regime's criteria (US GSP A-E, EU GSP+ conventions), in the order of the suggested brief
 * skeleton: header, bottom line, a verdict per regime criterion with its concern level and the
 * rule stated, the key findings with numbered sources, the ILO supervisory record, the trend over
 * the years before, published figures beside, the reforms that would address each concern, the
 * gaps (not assessed, outside scope) and the caveat. */
typedef struct rep_brief_doc {
    const ilo_model *model;
    const ilo_profile *profile;  /* the profile `result`, `brief` and `trend` evaluated */
    const char *profile_name;    /* "baseline" when NULL */
    const ilo_result *result;    /* the year of the brief; its method is the document's */
    const ilo_brief *brief;      /* ilo_brief_new() of `result` */
    const ilo_trend *trend;      /* NULL, or the same profile and method over years ending at
                                    result->year (the brief's default: ILO_BRIEF_TREND_YEARS before it) */
    int window_from;             /* the review period's first year (result is its reading over
                                    window_from..result->year, ilo_brief_window()); 0: the year only */
    ilo_brief_standing standing; /* the regime's application to the country on the as-of day */
    bool as_of_given;            /* the as-of day is the evidence cut-off (--as-of); otherwise it is
                                    the end of the year and all evidence is read */
    const ilo_result *sdg;       /* NULL, or the year under method sdg-8.8.2 (shown beside when the
                                    brief's method is another) */
} rep_brief_doc;

/* The scores of an external coding sheet (iloscore score --sheet): each country-year of the
 * sheet scored under one method, with this engine's arithmetic (ilo_score_coded). */
typedef struct rep_sheet_score_doc {
    const ilo_model *model;
    size_t method;             /* index into model->methods */
    const ilo_sheet *sheet;
    const char *path;          /* the sheet's file name, shown to people (NULL: not shown) */
} rep_sheet_score_doc;

/* Every kind of report, for rep_render(). */
typedef enum rep_kind {
    REP_KIND_ASSESSMENT,  /* input: const rep_assessment * */
    REP_KIND_TREND,       /* const rep_trend_doc * */
    REP_KIND_COMPARISON,  /* const rep_comparison * */
    REP_KIND_TARGET,      /* const rep_target_doc * */
    REP_KIND_BRIEF,       /* const rep_brief_doc * */
    REP_KIND_RANK,        /* const rep_rank_doc * */
    REP_KIND_SENSITIVITY, /* const rep_sensitivity_doc * */
    REP_KIND_SHEET_SCORE, /* const rep_sheet_score_doc * */
} rep_kind;
#define REP_NKINDS 8

/* The one entry point: renders the report of kind k from `input` (the struct named above, which
 * only has to live through the call) in format f, appending to out. Every kind renders in every
 * format, so a caller (a command, a test, a renderer fuzz target) can loop over both:
 *
 *     rep_buf out = REP_BUF_INIT;
 *     rep_rank_doc in = {model, ranking};
 *     if (!rep_render(&out, REP_JSON, REP_KIND_RANK, &in)) ...out of memory...
 *     fwrite(out.data, 1, out.len, stdout);
 *     rep_buf_free(&out);
 *
 * Returns false when out of memory (out->failed is then set) or when f or k is out of range. */
bool rep_render(rep_buf *out, rep_format f, rep_kind k, const void *input);

/* ------------------------------------------------------------------------------------------ */
/* 5. Constants of every document                                                             */
/* ------------------------------------------------------------------------------------------ */

/* What the reports read from results (the published figures beside a score, a result's statuses,
 * a trend's years of largest change, a comparison's year differences, ...) the engine computes:
 * engine/iloscore.h, sections 3, 5, 6 and 7. */

/* The JSON schema version written as "schema_version". */
#define REP_SCHEMA_VERSION 2
/* How many of a trend's year-to-year changes are explained ("the years of largest change",
 * ilo_trend_largest_changes). */
#define REP_MAX_CHANGES 3

#ifdef __cplusplus
}
#endif
#endif
