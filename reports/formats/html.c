/*
 * html.c: any report document as one self-contained HTML page (inline CSS, no script, no
 * external resource), printable. The document's first key-value block is the page header's
 * meta line; sections are h2 (h3 deeper), tables have numbers right-aligned and ids as code,
 * cautions are boxed, and chart series are drawn as inline SVG: one row per point, a bar from
 * low to high and a dot at mid. Every string goes through rep_put_html() (or rep_put_html_attr()).
 */
#include <math.h>

#include "doc.h"

enum { CW = 760, CH = 330, LEFT = 56, RIGHT = 24, TOP = 56, BOTTOM = 44 }; /* chart size, margins */
#define ROW 6.0    /* height of one point's row in an interval chart */
/* The chart's colours, used nowhere else on the page: tests/html/run.sh finds the chart in a
 * screenshot by these exact pixel values. */
#define BAR_COLOUR "#1f5fa8"
#define DOT_COLOUR "#c2410c"

const char rep_html_css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;"
    "max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}\n"
    "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}\n"
    "h3{font-size:1.05rem}p.meta{color:#444;margin-top:0}\n"
    "table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}\n"
    "th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}\n"
    "th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".cards{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}\n"
    ".score{font-size:2.2rem;font-weight:700}.published th{background:#fff4ec}\n"
    "code{font-size:.88em}.note{color:#555;font-size:.9rem}.crit{font-weight:700}\n"
    ".caution{border-left:4px solid #b45309;padding:.3rem .6rem;background:#fff4ec;max-width:36rem}\n"
    "svg text{font-family:inherit;font-size:12px;fill:#333}\n"
    "ol.sources li{margin-bottom:.3rem}a{color:#0b4f8a}\n"
    "@media print{@page{margin:14mm}body{margin:0;max-width:none;font-size:10pt}h2,h3{break-after:avoid}"
    "figure,tr,li{break-inside:avoid}thead{display:table-header-group}table{max-width:100%}"
    "th,td{overflow-wrap:break-word}svg{max-width:100%;height:auto}a{color:#000;text-decoration:none}"
    "ol.sources a::after{content:' <' attr(href) '>';font-size:8pt;word-break:break-all}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static const rep_markup markup = {rep_put_html, "<code>", "</code>", "<span class=\"note\">(", ")</span>"};

static void value(rep_buf *b, const rep_value *v) { rep_value_put(b, v, &markup); }

static void spans(rep_buf *b, const rep_node *n)
{
    for (size_t i = 0; i < n->n_text; i++) {
        const rep_span *s = &n->text[i];
        const char *tag = s->mark == REP_MARK_CODE ? "code" : s->mark == REP_MARK_STRONG ? "strong" : NULL;
        if (tag) rep_buf_printf(b, "<%s>", tag);
        rep_put_html(b, s->text);
        if (tag) rep_buf_printf(b, "</%s>", tag);
    }
}

/* Items are spans; a link span ends the item before it. Numbered lists are the sources. */
static void list(rep_buf *b, const rep_node *n)
{
    bool numbered = n->style == REP_NUMBERED, open = false;
    rep_buf_puts(b, numbered ? "<ol class=\"sources\">\n" : "<ul>\n");
    for (size_t i = 0; i < n->n_text; i++) {
        const rep_span *s = &n->text[i];
        if (s->mark == REP_MARK_LINK) {
            rep_buf_puts(b, " ");
            if (rep_url_linkable(s->text)) {
                rep_buf_puts(b, "<a href=\"");
                rep_put_html_attr(b, s->text);
                rep_buf_puts(b, "\">");
                rep_put_html(b, s->text);
                rep_buf_puts(b, "</a>");
            } else {
                rep_put_html(b, s->text);
            }
            continue;
        }
        rep_buf_puts(b, open ? "</li>\n<li>" : "<li>");
        open = true;
        rep_put_html(b, s->text);
    }
    rep_buf_puts(b, open ? "</li>\n" : "");
    rep_buf_puts(b, numbered ? "</ol>\n" : "</ul>\n");
}

/* The meta line of the page header: "Label: value.<br>Label: value." */
static void meta(rep_buf *b, const rep_node *n)
{
    rep_buf_puts(b, "<p class=\"meta\">");
    size_t i = 0;
    for (const rep_field *f = rep_field_next(n, &i); f; f = rep_field_next(n, &i)) {
        rep_put_html(b, f->label);
        rep_buf_puts(b, ": ");
        value(b, &f->value);
        size_t j = i;
        rep_buf_puts(b, rep_field_next(n, &j) ? ".<br>" : ".");
    }
    rep_buf_puts(b, "</p>\n");
}

static void table(rep_buf *b, const rep_node *t)
{
    if (!t->n_rows) return;
    if (t->title) {
        rep_buf_puts(b, "<p class=\"note\">");
        rep_put_html(b, t->title);
        rep_buf_puts(b, "</p>\n");
    }
    size_t shown = 0;
    rep_buf_puts(b, "<table>\n<thead><tr>");
    for (size_t c = 0; c < t->n_cols; c++) {
        if (!t->cols[c].label) continue;
        shown++;
        rep_buf_puts(b, "<th>");
        rep_put_html(b, t->cols[c].label);
        rep_buf_puts(b, "</th>");
    }
    rep_buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < t->n_rows; r++) {
        rep_buf_puts(b, "<tr>");
        size_t done = 0;
        for (size_t c = 0; c < t->n_cols; c++) {
            if (!t->cols[c].label) continue;
            if (t->spans[r] && done > 0) {
                rep_buf_printf(b, "<td colspan=\"%zu\">", shown - done);
                rep_put_html(b, t->spans[r]);
                rep_buf_puts(b, "</td>");
                break;
            }
            done++;
            rep_buf_puts(b, t->cols[c].cls == REP_COL_NUMBER ? "<td class=\"n\">" : "<td>");
            value(b, &t->cells[r * t->n_cols + c]);
            rep_buf_puts(b, "</td>");
        }
        rep_buf_puts(b, "</tr>\n");
    }
    rep_buf_puts(b, "</tbody>\n</table>\n");
}

static void coord(rep_buf *b, const char *name, double v)
{
    rep_buf_printf(b, " %s=\"", name);
    rep_buf_fixed(b, v, 1, "0");
    rep_buf_putc(b, '"');
}

/* One row per point: a bar from low to high, a dot at mid, on an axis from min (left) to max. */
static void intervals(rep_buf *b, const rep_node *n)
{
    double span = n->max > n->min ? n->max - n->min : 1, w = CW - LEFT - RIGHT;
    rep_buf_printf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"", CW);
    rep_buf_fixed(b, TOP + 48 + ROW * (double)n->n_points, 0, "0");
    rep_buf_puts(b, "\" role=\"img\" aria-label=\"");
    rep_put_html_attr(b, n->title);
    rep_buf_puts(b, "\">\n<text x=\"56\" y=\"24\">");
    rep_put_html(b, n->title);
    rep_buf_puts(b, "</text>\n");
    for (size_t k = 0; k < n->n_points; k++) {
        const rep_point *p = &n->points[k];
        double y = TOP + ROW * (double)k + ROW / 2;
        if (!isfinite(p->low) || !isfinite(p->high) || !isfinite(p->mid)) continue;
        rep_buf_puts(b, "<line");
        coord(b, "x1", LEFT + w * (p->low - n->min) / span);
        coord(b, "x2", LEFT + w * (p->high - n->min) / span);
        coord(b, "y1", y);
        coord(b, "y2", y);
        rep_buf_puts(b, " stroke=\"" BAR_COLOUR "\" stroke-width=\"2\"><title>");
        rep_put_html(b, p->label);
        rep_buf_puts(b, "</title></line><circle");
        coord(b, "cx", LEFT + w * (p->mid - n->min) / span);
        coord(b, "cy", y);
        rep_buf_puts(b, " r=\"2\" fill=\"" DOT_COLOUR "\"/>\n");
    }
    rep_buf_puts(b, "</svg>\n</figure>\n");
}

/* ---- line charts ---- */

typedef struct axes {
    double from, to, min, max;
} axes;

static double x_of(const axes *a, double x)
{
    double pw = CW - LEFT - RIGHT;
    if (a->to == a->from) return LEFT + pw / 2;
    return LEFT + pw * (x - a->from) / (a->to - a->from);
}

static double y_of(const axes *a, double v)
{
    double ph = CH - TOP - BOTTOM;
    if (v > a->max) v = a->max;
    if (v < a->min) v = a->min;
    return TOP + ph * (1.0 - (v - a->min) / (a->max - a->min));
}

static void xy(rep_buf *b, double x, double y)
{
    rep_buf_fixed(b, x, 1, "0");
    rep_buf_putc(b, ',');
    rep_buf_fixed(b, y, 1, "0");
}

static void grid(rep_buf *b, const axes *a)
{
    for (int k = 0; k <= 5; k++) {
        double v = a->min + (a->max - a->min) * k / 5, y = y_of(a, v);
        rep_buf_printf(b, "<line x1=\"%d\" x2=\"%d\"", LEFT, CW - RIGHT);
        coord(b, "y1", y);
        coord(b, "y2", y);
        rep_buf_printf(b, " stroke=\"#dddddd\" stroke-width=\"1\"/><text x=\"%d\"", LEFT - 8);
        coord(b, "y", y + 4);
        rep_buf_puts(b, " text-anchor=\"end\">");
        rep_buf_fixed(b, v, 0, "");
        rep_buf_puts(b, "</text>\n");
    }
    int from = (int)a->from, to = (int)a->to, step = (to - from) / 12 + 1;
    for (int x = from; x <= to; x += step) {
        rep_buf_puts(b, "<text");
        coord(b, "x", x_of(a, x));
        rep_buf_printf(b, " y=\"%d\" text-anchor=\"middle\">%d</text>\n", CH - BOTTOM + 20, x);
    }
    rep_buf_printf(b, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">score (0 best)</text>\n",
                   TOP + (CH - TOP - BOTTOM) / 2, TOP + (CH - TOP - BOTTOM) / 2);
}

static void legend(rep_buf *b, const rep_node *n)
{
    rep_buf_printf(b,
                   "<line x1=\"%d\" x2=\"%d\" y1=\"20\" y2=\"20\" stroke=\"" BAR_COLOUR "\" stroke-width=\"3\"/>"
                   "<circle cx=\"%d\" cy=\"20\" r=\"4.5\" fill=\"" BAR_COLOUR "\"/><text x=\"%d\" y=\"24\">",
                   LEFT, LEFT + 36, LEFT + 18, LEFT + 44);
    rep_put_html(b, n->title);
    rep_buf_printf(b,
                   "</text>\n<line x1=\"%d\" x2=\"%d\" y1=\"20\" y2=\"20\" stroke=\"" DOT_COLOUR "\" stroke-width=\"2\" "
                   "stroke-dasharray=\"7 5\"/><rect x=\"%d\" y=\"16\" width=\"8\" height=\"8\" fill=\"none\" "
                   "stroke=\"" DOT_COLOUR "\" stroke-width=\"2\"/><text x=\"%d\" y=\"24\">",
                   LEFT + 280, LEFT + 316, LEFT + 294, LEFT + 324);
    rep_put_html(b, n->alt_title);
    rep_buf_puts(b, "</text>\n");
}

/* One series' line (its mid values, or with alt its alt values) as polylines over the runs of
 * consecutive points that have a value; `tag` opens each polyline up to its points. */
static void runs(rep_buf *b, const axes *a, const rep_node *n, bool alt, const char *tag)
{
    bool open = false;
    for (size_t i = 0; i <= n->n_points; i++) {
        const rep_point *p = i < n->n_points ? &n->points[i] : NULL;
        bool has = p && (alt ? isfinite(p->alt) : !p->hollow);
        if (has && !open) rep_buf_puts(b, tag);
        if (has) {
            if (open) rep_buf_putc(b, ' ');
            xy(b, x_of(a, p->x), y_of(a, alt ? p->alt : p->mid));
        }
        if (!has && open) rep_buf_puts(b, "\"/>\n");
        open = has;
    }
}

/* The main series: a solid line, a dot on each point with its value; a hollow point has no score:
 * its dot is hollow, labelled "no score", and the line does not pass through it. */
static void main_series(rep_buf *b, const axes *a, const rep_node *n)
{
    /* Solid runs over consecutive points with a score: a hollow point (no score) breaks the line. */
    runs(b, a, n, false, "<polyline fill=\"none\" stroke=\"" BAR_COLOUR "\" stroke-width=\"3\" points=\"");
    for (size_t i = 0; i < n->n_points; i++) {
        const rep_point *p = &n->points[i];
        double x = x_of(a, p->x), y = y_of(a, p->mid);
        rep_buf_puts(b, "<circle");
        coord(b, "cx", x);
        coord(b, "cy", y);
        rep_buf_puts(b, p->hollow ? " r=\"4.5\" fill=\"#ffffff\" stroke=\"" BAR_COLOUR "\" stroke-width=\"2\"/><text"
                                  : " r=\"4.5\" fill=\"" BAR_COLOUR "\"/><text");
        coord(b, "x", x);
        coord(b, "y", y - 10);
        rep_buf_puts(b, " text-anchor=\"middle\">");
        /* A hollow dot is a year with nothing assessed: it has no score to print. */
        if (p->hollow) rep_buf_puts(b, "no score");
        else rep_buf_fixed(b, p->mid, 2, "");
        rep_buf_puts(b, "</text>\n");
    }
}

/* The second series: dashed runs over consecutive points that have a value, a square on each. */
static void alt_series(rep_buf *b, const axes *a, const rep_node *n)
{
    runs(b, a, n, true,
         "<polyline fill=\"none\" stroke=\"" DOT_COLOUR "\" stroke-width=\"2\" stroke-dasharray=\"7 5\" points=\"");
    for (size_t i = 0; i < n->n_points; i++) {
        const rep_point *p = &n->points[i];
        if (!isfinite(p->alt)) continue;
        rep_buf_puts(b, "<rect");
        coord(b, "x", x_of(a, p->x) - 4);
        coord(b, "y", y_of(a, p->alt) - 4);
        rep_buf_puts(b, " width=\"8\" height=\"8\" fill=\"none\" stroke=\"" DOT_COLOUR "\" stroke-width=\"2\"/>\n");
    }
}

static void lines(rep_buf *b, const rep_node *n)
{
    axes a = {n->points[0].x, n->points[n->n_points - 1].x, n->min, n->max > n->min ? n->max : n->min + 10};
    rep_buf_printf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                      "height=\"%d\" role=\"img\" aria-label=\"",
                   CW, CH, CW, CH);
    rep_put_html_attr(b, n->caption);
    rep_buf_printf(b, "\">\n<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", CW, CH);
    grid(b, &a);
    legend(b, n);
    alt_series(b, &a, n);
    main_series(b, &a, n);
    rep_buf_puts(b, "</svg>\n<figcaption class=\"note\">");
    rep_put_html(b, n->caption);
    rep_buf_puts(b, "</figcaption>\n</figure>\n");
}

/* A chart series node as inline SVG; nothing for no points. */
static void chart(rep_buf *b, const rep_node *n)
{
    if (!n->n_points) return;
    if (n->chart == REP_CHART_LINES) lines(b, n);
    else intervals(b, n);
}

static void node(rep_buf *b, const rep_node *n, int level)
{
    if (!rep_seen(n, true)) return;
    switch (n->type) {
    case REP_SECTION:
        if (n->title) {
            rep_buf_printf(b, "<h%d>", level);
            rep_put_html(b, n->title);
            rep_buf_printf(b, "</h%d>\n", level);
        }
        for (const rep_node *c = n->first; c; c = c->next) node(b, c, level + (n->title != NULL));
        break;
    case REP_FIELDS: meta(b, n); break;
    case REP_TABLE: table(b, n); break;
    case REP_PARA:
        rep_buf_puts(b, n->style == REP_CAUTION ? "<div class=\"caution\"><p>"
                        : n->style == REP_PLAIN ? "<p>"
                                                : "<p class=\"note\">");
        if (n->title) {
            rep_buf_puts(b, "<strong>");
            rep_put_html(b, n->title);
            rep_buf_puts(b, n->style == REP_CAUTION ? ".</strong> " : ":</strong> ");
        }
        spans(b, n);
        rep_buf_puts(b, n->style == REP_CAUTION ? "</p></div>\n" : "</p>\n");
        break;
    case REP_LIST: list(b, n); break;
    case REP_SERIES: chart(b, n); break;
    }
}

void rep_write_html(rep_buf *out, const rep_doc *d)
{
    rep_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    rep_put_html(out, d->title);
    rep_buf_printf(out, ": iloscore</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", rep_html_css);
    rep_put_html(out, d->title);
    rep_buf_puts(out, "</h1>\n");
    const rep_node *c = d->root.first;
    while (c && !rep_seen(c, true)) c = c->next;
    if (c && c->type == REP_FIELDS) {
        meta(out, c);
        c = c->next;
    }
    rep_buf_puts(out, "</header>\n<main>\n");
    for (; c; c = c->next) node(out, c, 2);
    rep_buf_puts(out, "</main>\n</body>\n</html>\n");
}
