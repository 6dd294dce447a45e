/*
 * doc.h: the format-neutral report document (cmark's node tree, much smaller).
 *
 * A builder (reports/kinds/) reads the engine's results once and says what a report says, in
 * order, as a tree of a few node types; a writer (reports/formats/) turns any tree into the bytes
 * of one format. Writers include this header and report.h's buffer and escapers, never the
 * engine.
 *
 * The tree:
 *   REP_SECTION  a heading (title) over its children; a key makes it a nested JSON object (an
 *                array of its child sections' objects when made by rep_section_array()).
 *   REP_FIELDS   key-value lines (rep_field): "Label: value" for people, "key": value in JSON,
 *                one CSV row per field with a measure.
 *   REP_TABLE    columns (rep_column) and rows of cells (rep_value): a table for people, an array
 *                of objects under the node's key in JSON, one CSV row per cell with a measure.
 *   REP_PARA     a paragraph of spans with inline marks; with a key it is also a JSON string.
 *                Its style says how people see it: plain, caution (a boxed warning), rule (a
 *                note on how something is computed), caveat (a quiet remark).
 *   REP_LIST     a bulleted list, one item per span; in JSON an array of strings.
 *   REP_SERIES   chart points (x, low, mid, high, label): the HTML writer draws them in SVG.
 *
 * Audience: every node is seen by people (text, md, html) and programs (json, csv) unless its
 * `audience` says only one of them. Columns and fields need no flag: a label makes them seen by
 * people, a key by JSON, a measure by CSV.
 *
 * Scope: the CSV columns country, year and method come from the node's scope, which a node takes
 * from its parent when it is added; a table column whose `scope` is set gives them per row.
 *
 * Ownership: a rep_doc owns every node, string and value added to it (strings are copied), and
 * rep_doc_free() releases them all. Pointers into a document stay valid until it is freed.
 * When an allocation fails the document marks itself failed, the add functions return NULL, and
 * later adds with a NULL parent do nothing, so a builder adds freely and checks once
 * (rep_doc_ok()). Writers take a const document and keep nothing.
 */
#ifndef ILO_REPORTS_DOC_H
#define ILO_REPORTS_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"

/* ---- values ---- */

typedef enum rep_vtype {
    REP_V_ABSENT,    /* not there: JSON leaves the key out, CSV the row, people see a blank */
    REP_V_NULL,      /* unknown: JSON null, no CSV row, people see "-" */
    REP_V_TEXT,      /* s */
    REP_V_ID,        /* s, an identifier: code in md and html */
    REP_V_BOOL,      /* i (0 or 1) */
    REP_V_INT,       /* i */
    REP_V_UINT,      /* u */
    REP_V_HUNDREDTHS,/* i in hundredths, printed with two decimals: 285 -> 2.85 */
    REP_V_FIXED,     /* x with `decimals` digits (people see `shown` digits when shown > 0);
                        NaN is JSON null and people's "-" */
    REP_V_IDS,       /* n ids in list (JSON array of strings; people: "a, b") */
    REP_V_TABLE,     /* node, a table made with rep_table_detached(): a JSON array of objects
                        inside a row (people do not see it; CSV projects its rows) */
    REP_V_OBJECT,    /* node, the same with one row: a JSON object */
    REP_V_NA,        /* not assessed, no evidence: JSON null, CSV "NA", people see s (or "-") */
} rep_vtype;

typedef struct rep_value {
    rep_vtype type;
    int decimals, shown;
    union {
        const char *s;
        int64_t i;
        uint64_t u;
        double x;
        const char *const *list;
        const struct rep_node *node;
    } v;
    size_t n;            /* REP_V_IDS: how many */
    const char *note;    /* people only: shown after the value in parentheses, e.g. "synthetic" */
    const char *measure; /* CSV: this cell's measure, instead of its column's */
    bool plus;           /* people see a "+" before a positive number (a change) */
} rep_value;

/* Value makers (the strings are copied when the value is added to a document). */
rep_value rep_v_absent(void);
rep_value rep_v_null(void);
rep_value rep_v_text(const char *s);     /* NULL gives rep_v_null() */
rep_value rep_v_id(const char *s);       /* NULL gives rep_v_null() */
rep_value rep_v_bool(bool b);
rep_value rep_v_int(int64_t i);
rep_value rep_v_uint(uint64_t u);
rep_value rep_v_hundredths(int64_t c);
rep_value rep_v_fixed(double x, int decimals, int shown);
rep_value rep_v_ids(const char *const *ids, size_t n);
/* A value that does not exist for lack of evidence (a score not assessed); people see `shown`
 * ("not assessed"), or "-" when NULL. */
rep_value rep_v_na(const char *shown);
/* v with its CSV measure (instead of its column's), with its people's note, or shown with a "+"
 * when positive (a change). */
rep_value rep_measured(rep_value v, const char *measure);
rep_value rep_noted(rep_value v, const char *note);
rep_value rep_plus(rep_value v);

/* ---- nodes ---- */

typedef enum rep_ntype { REP_SECTION, REP_FIELDS, REP_TABLE, REP_PARA, REP_LIST, REP_SERIES } rep_ntype;
typedef enum rep_audience { REP_ALL, REP_PEOPLE, REP_PROGRAMS } rep_audience;
/* REP_NUMBERED is for lists: the numbered citations [1], [2], ... */
typedef enum rep_style { REP_PLAIN, REP_CAUTION, REP_RULE, REP_CAVEAT, REP_NUMBERED } rep_style;
/* A REP_MARK_LINK span is an address: a link in md and html when rep_url_linkable(); in a list it
 * belongs to the item before it. */
typedef enum rep_mark { REP_MARK_NONE, REP_MARK_CODE, REP_MARK_STRONG, REP_MARK_LINK } rep_mark;
/* What a column is: ids and numbers do not wrap (numbers align right), enums are short words,
 * wrapping text takes what is left of the line. */
typedef enum rep_class { REP_COL_ID, REP_COL_NUMBER, REP_COL_ENUM, REP_COL_TEXT } rep_class;
typedef enum rep_scope_role { REP_SCOPE_NONE, REP_SCOPE_COUNTRY, REP_SCOPE_YEAR } rep_scope_role;

typedef struct rep_scope {
    const char *country; /* "" when none */
    int year;            /* 0 when none */
    const char *method;  /* "" when none */
} rep_scope;

typedef struct rep_span {
    rep_mark mark;
    const char *text;
} rep_span;

typedef struct rep_field {
    const char *key, *label, *measure; /* each NULL when not seen by JSON, people, CSV */
    rep_value value;
} rep_field;

typedef struct rep_column {
    const char *key;     /* JSON key; "a/b" nests b in an object a (consecutive columns) */
    const char *label;   /* people's heading; NULL: not shown to people */
    const char *measure; /* CSV measure; NULL: not in the CSV */
    rep_class cls;
    const char *unit;    /* people: shown after the label, e.g. "%" */
    rep_scope_role scope;/* this column's value gives the row's CSV country or year */
} rep_column;

/* A chart point. Interval charts: a bar from low to high and a dot at mid, one row per point.
 * Line charts: at x, the main series' mid (solid line, a dot, hollow when `hollow`) and the
 * second series' alt (dashed line, squares; NaN where it has no value). */
typedef struct rep_point {
    const char *label;
    double x, low, mid, high, alt;
    bool hollow;
} rep_point;
typedef enum rep_chart { REP_CHART_INTERVALS, REP_CHART_LINES } rep_chart;

typedef struct rep_node rep_node;
struct rep_node {
    rep_ntype type;
    rep_audience audience;
    const char *key, *title; /* title: a section's heading, a table's or a para's lead-in label */
    rep_scope scope;
    rep_style style;
    bool array;              /* a keyed REP_SECTION whose child sections are the objects of a JSON array */
    rep_node *parent, *first, *last, *next;
    /* REP_FIELDS */
    rep_field *fields;
    size_t n_fields, cap_fields;
    /* REP_TABLE: rows x n_cols cells, row-major; a row's `span` (people only) replaces every
     * cell after the first that is absent, e.g. "not assessed" */
    rep_column *cols;
    size_t n_cols;
    rep_value *cells;
    const char **spans;
    size_t n_rows, cap_rows;
    /* REP_PARA, REP_LIST */
    rep_span *text;
    size_t n_text, cap_text;
    /* REP_SERIES: points; the value axis from `min` to `max`; line charts name their two series
     * (`title` is the first's legend, `alt_title` the second's) and say what the chart shows in
     * `caption` */
    rep_chart chart;
    rep_point *points;
    size_t n_points, cap_points;
    double min, max;
    const char *alt_title, *caption;
};

typedef struct rep_doc {
    const char *kind;      /* JSON "document", e.g. "ranking" */
    const char *title;     /* the document's title (people's heading, HTML <title>) */
    int schema_version;    /* JSON "schema_version" */
    const char *generator; /* JSON "generator": what made it ("" until a builder says) */
    bool failed;
    rep_node root;         /* a REP_SECTION holding the document */
    rep_node detached;     /* holds the tables made by rep_table_detached() (never written) */
    struct rep_block *blocks; /* the document's memory */
} rep_doc;

/* A new empty document (kind and title copied), NULL when out of memory. */
rep_doc *rep_doc_new(const char *kind, const char *title);
void rep_doc_free(rep_doc *d);
bool rep_doc_ok(const rep_doc *d);
/* A string kept by the document: printf into the document's memory. */
const char *rep_doc_printf(rep_doc *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* n zeroed bytes that live as long as the document (NULL when out of memory). */
void *rep_doc_alloc(rep_doc *d, size_t n);
/* The same from a buffer (consumed: b is freed). */
const char *rep_doc_take(rep_doc *d, rep_buf *b);
/* Hundredths as people read them, in the document's memory: 285 -> "2.85", -50 -> "-0.50". */
const char *rep_doc_hundredths(rep_doc *d, int64_t c);

/* Adding nodes: each returns the new node (NULL when out of memory or parent is NULL). */
rep_node *rep_section(rep_doc *d, rep_node *parent, const char *key, const char *title);
rep_node *rep_fields(rep_doc *d, rep_node *parent, const char *key);
void rep_field_add(rep_doc *d, rep_node *n, const char *key, const char *label, const char *measure, rep_value v);
/* k fields at once: REP_ADD_FIELDS(d, n, {key, label, measure, value}, ...) lists them in order. */
void rep_fields_add(rep_doc *d, rep_node *n, const rep_field *f, size_t k);
#define REP_FIELD_LIST(...) (const rep_field[]){__VA_ARGS__}, sizeof((const rep_field[]){__VA_ARGS__}) / sizeof(rep_field)
#define REP_ADD_FIELDS(d, n, ...) rep_fields_add((d), (n), REP_FIELD_LIST(__VA_ARGS__))
/* One key-value only programs see, in a fields node of its own under parent. */
void rep_key(rep_doc *d, rep_node *parent, const char *key, rep_value v);
/* A table with n columns (copied). */
rep_node *rep_table(rep_doc *d, rep_node *parent, const char *key, const rep_column *cols, size_t n);
/* A table not in the tree, to be the value of a cell (rep_v_table()). */
rep_node *rep_table_detached(rep_doc *d, const rep_column *cols, size_t n);
rep_value rep_v_table(const rep_node *t);
rep_value rep_v_object(const rep_node *t);
/* A keyed section whose child sections are the objects of a JSON array (people see sections). */
rep_node *rep_section_array(rep_doc *d, rep_node *parent, const char *key, const char *title);
/* A new row, every cell absent; returns its index, or SIZE_MAX. */
size_t rep_row(rep_doc *d, rep_node *t);
void rep_cell(rep_doc *d, rep_node *t, size_t row, size_t col, rep_value v);
/* n cells of row from column `at` on. REP_CELLS(d, t, row, at, v0, v1, ...) lists them; REP_ROW(d,
 * t, v0, v1, ...) adds a row whose cells from column 0 on are these (the rest absent) and
 * returns its index. A row reads as one list of values, in column order. */
void rep_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const rep_value *v, size_t n);
size_t rep_row_of(rep_doc *d, rep_node *t, const rep_value *v, size_t n);
#define REP_VALUES(...) (const rep_value[]){__VA_ARGS__}, sizeof((const rep_value[]){__VA_ARGS__}) / sizeof(rep_value)
#define REP_CELLS(d, t, row, at, ...) rep_cells((d), (t), (row), (at), REP_VALUES(__VA_ARGS__))
#define REP_ROW(d, t, ...) rep_row_of((d), (t), REP_VALUES(__VA_ARGS__))
void rep_row_span(rep_doc *d, rep_node *t, size_t row, const char *text);
rep_node *rep_para(rep_doc *d, rep_node *parent, const char *key, rep_style style, const char *title);
void rep_span_add(rep_doc *d, rep_node *n, rep_mark mark, const char *text);
rep_node *rep_list(rep_doc *d, rep_node *parent, const char *key);
rep_node *rep_series(rep_doc *d, rep_node *parent, const char *title, double min, double max);
void rep_point_add(rep_doc *d, rep_node *n, const char *label, double low, double mid, double high);
/* A line chart (values from min to max, 0 at the bottom when min is 0) with two series. */
rep_node *rep_series_lines(rep_doc *d, rep_node *parent, const char *title, const char *alt_title,
                           const char *caption, double min, double max);
void rep_point_line(rep_doc *d, rep_node *n, double x, double y, double alt, bool hollow);

/* Makes n seen by one audience only; returns n (NULL stays NULL). */
rep_node *rep_only(rep_node *n, rep_audience a);
/* The next field of n that people see (a label, a value), from *i on; NULL after the last. */
const rep_field *rep_field_next(const rep_node *n, size_t *i);
/* Whether node n is seen by people (people = true) or by programs. */
bool rep_seen(const rep_node *n, bool people);

/* ---- writers (reports/formats/) ---- */

void rep_write_text(rep_buf *out, const rep_doc *d);
void rep_write_md(rep_buf *out, const rep_doc *d);
void rep_write_json(rep_buf *out, const rep_doc *d);
void rep_write_csv(rep_buf *out, const rep_doc *d);
void rep_write_html(rep_buf *out, const rep_doc *d);

/* The page style every HTML report shares (reports/formats/html.c). */
extern const char rep_html_css[];

/* People's rendering of a value, as plain text (the writers escape it): "2.85", "-", "a, b";
 * note not included. */
void rep_value_text(rep_buf *out, const rep_value *v);
/* A value in a markup: an id between code_open and code_close (as is: ids need no escaping in a
 * code span), other text through escape, then the note between note_open and note_close. */
typedef struct rep_markup {
    void (*escape)(rep_buf *b, const char *s);
    const char *code_open, *code_close, *note_open, *note_close;
} rep_markup;
void rep_value_put(rep_buf *out, const rep_value *v, const rep_markup *mk);
/* The JSON/CSV rendering of a number or text value (no quotes). */
void rep_value_data(rep_buf *out, const rep_value *v);

#endif
