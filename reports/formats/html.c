/*
 * html.c: any report document as one self-contained HTML page (inline CSS, no script, no
 * external resource), printable. The document's first key-value block is the page header's
 * meta line; sections are h2 (h3 deeper), tables have numbers right-aligned and ids as code,
 * cautions are boxed, and chart series are drawn as inline SVG: one row per point, a bar from
 * low to high and a dot at mid. Every string goes through rep_put_html() (or rep_put_html_attr()).
 */
#include <math.h>

#include "doc.h"

#define CW 760     /* chart width */
#define LEFT 56.0  /* chart margins */
#define RIGHT 24.0
#define TOP 56.0
#define BOTTOM 48.0
#define ROW 6.0    /* height of one point's row */
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
    "@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}"
    "table,figure,tr{break-inside:avoid}a{color:#000;text-decoration:none}"
    "ol.sources a::after{content:' <' attr(href) '>';font-size:8pt;word-break:break-all}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void value(rep_buf *b, const rep_value *v)
{
    rep_buf t = REP_BUF_INIT;
    rep_value_text(&t, v);
    if (v->type == REP_V_ID) rep_buf_puts(b, "<code>");
    rep_put_html(b, t.data ? t.data : "");
    if (v->type == REP_V_ID) rep_buf_puts(b, "</code>");
    if (v->note) {
        rep_buf_puts(b, v->type == REP_V_ABSENT ? "<span class=\"note\">(" : " <span class=\"note\">(");
        rep_put_html(b, v->note);
        rep_buf_puts(b, ")</span>");
    }
    if (t.failed) b->failed = true;
    rep_buf_free(&t);
}

static void spans(rep_buf *b, const rep_node *n)
{
    for (size_t i = 0; i < n->n_text; i++) {
        const rep_span *s = &n->text[i];
        if (s->mark == REP_MARK_CODE) rep_buf_puts(b, "<code>");
        if (s->mark == REP_MARK_STRONG) rep_buf_puts(b, "<strong>");
        rep_put_html(b, s->text);
        if (s->mark == REP_MARK_CODE) rep_buf_puts(b, "</code>");
        if (s->mark == REP_MARK_STRONG) rep_buf_puts(b, "</strong>");
    }
}

/* The meta line of the page header: "Label: value.<br>Label: value." */
static void meta(rep_buf *b, const rep_node *n)
{
    rep_buf_puts(b, "<p class=\"meta\">");
    bool first = true;
    for (size_t i = 0; i < n->n_fields; i++) {
        const rep_field *f = &n->fields[i];
        if (!f->label || f->value.type == REP_V_ABSENT) continue;
        if (!first) rep_buf_puts(b, "<br>");
        first = false;
        rep_put_html(b, f->label);
        rep_buf_puts(b, ": ");
        value(b, &f->value);
        rep_buf_putc(b, '.');
    }
    rep_buf_puts(b, "</p>\n");
}

static void table(rep_buf *b, const rep_node *t)
{
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
static void chart(rep_buf *b, const rep_node *n)
{
    if (!n->n_points) return;
    double span = n->max > n->min ? n->max - n->min : 1, w = CW - LEFT - RIGHT;
    rep_buf_printf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"", CW);
    rep_buf_fixed(b, TOP + BOTTOM + ROW * (double)n->n_points, 0, "0");
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
    case REP_LIST:
        rep_buf_puts(b, "<ul>\n");
        for (size_t i = 0; i < n->n_text; i++) {
            rep_buf_puts(b, "<li>");
            rep_put_html(b, n->text[i].text);
            rep_buf_puts(b, "</li>\n");
        }
        rep_buf_puts(b, "</ul>\n");
        break;
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
