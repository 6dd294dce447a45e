/*
 * html.c: one self-contained HTML page: inline CSS (with print rules), an inline SVG line chart
 * of the score over the years beside the published SDG 8.8.2 series, the tables and the sources
 * with their links. No script, no external asset, so it can be mailed, archived and printed.
 *
 * Text goes through rep_put_html(), attribute values through rep_put_html_attr(), and only
 * http(s) addresses become links. Chart coordinates are printed with rep_buf_fixed(), never
 * with a locale-dependent printf.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief.h"
#include "internal.h"

/* The chart's colours, used nowhere else on the page: tests/html/run.sh finds the chart in a
 * screenshot by these exact pixel values. */
#define COMPUTED_COLOUR "#1f5fa8"
#define PUBLISHED_COLOUR "#c2410c"

static const char css[] =
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

static void put_c(rep_buf *b, int64_t c) { rep_buf_hundredths(b, c); }

static void sources_ref(rep_buf *b, const rep_cites *c, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++) rep_buf_printf(b, "%s<a href=\"#src-%zu\">[%zu]</a>", i ? " " : "", c->num[src[i]], c->num[src[i]]);
}

static void page_start(rep_buf *b, const ilo_model *m, size_t country, const char *what)
{
    const ilo_country *co = &m->countries[country];
    rep_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    rep_put_html(b, co->name);
    rep_buf_printf(b, " (%s), %s: iloscore</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", co->code,
                   what, css);
    rep_put_html(b, co->name);
    rep_buf_printf(b, " (%s), %s</h1>\n", co->code, what);
}

/* ---- the chart ---- */

enum { CW = 760, CH = 330, LEFT = 56, RIGHT = 24, TOP = 56, BOTTOM = 44 };

typedef struct axes {
    int from, to;
    double scale;
} axes;

static double x_of(const axes *a, int year)
{
    double pw = CW - LEFT - RIGHT;
    if (a->to == a->from) return LEFT + pw / 2;
    return LEFT + pw * (year - a->from) / (double)(a->to - a->from);
}

static double y_of(const axes *a, double v)
{
    double ph = CH - TOP - BOTTOM;
    if (v > a->scale) v = a->scale;
    if (v < 0) v = 0;
    return TOP + ph * (1.0 - v / a->scale);
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
        double v = a->scale * k / 5, y = y_of(a, v);
        rep_buf_printf(b, "<line x1=\"%d\" x2=\"%d\" y1=\"", LEFT, CW - RIGHT);
        rep_buf_fixed(b, y, 1, "0");
        rep_buf_puts(b, "\" y2=\"");
        rep_buf_fixed(b, y, 1, "0");
        rep_buf_printf(b, "\" stroke=\"#dddddd\" stroke-width=\"1\"/><text x=\"%d\" y=\"", LEFT - 8);
        rep_buf_fixed(b, y + 4, 1, "0");
        rep_buf_puts(b, "\" text-anchor=\"end\">");
        rep_buf_fixed(b, v, 0, "");
        rep_buf_puts(b, "</text>\n");
    }
    int step = (a->to - a->from) / 12 + 1;
    for (int y = a->from; y <= a->to; y += step) {
        rep_buf_puts(b, "<text x=\"");
        rep_buf_fixed(b, x_of(a, y), 1, "0");
        rep_buf_printf(b, "\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", CH - BOTTOM + 20, y);
    }
    rep_buf_printf(b, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">score (0 best)</text>\n",
                   TOP + (CH - TOP - BOTTOM) / 2, TOP + (CH - TOP - BOTTOM) / 2);
}

static void legend(rep_buf *b)
{
    rep_buf_printf(b,
                   "<line x1=\"%d\" x2=\"%d\" y1=\"20\" y2=\"20\" stroke=\"" COMPUTED_COLOUR "\" stroke-width=\"3\"/>"
                   "<circle cx=\"%d\" cy=\"20\" r=\"4.5\" fill=\"" COMPUTED_COLOUR "\"/>"
                   "<text x=\"%d\" y=\"24\">Computed score (this method)</text>\n",
                   LEFT, LEFT + 36, LEFT + 18, LEFT + 44);
    rep_buf_printf(b,
                   "<line x1=\"%d\" x2=\"%d\" y1=\"20\" y2=\"20\" stroke=\"" PUBLISHED_COLOUR "\" stroke-width=\"2\" "
                   "stroke-dasharray=\"7 5\"/><rect x=\"%d\" y=\"16\" width=\"8\" height=\"8\" fill=\"none\" "
                   "stroke=\"" PUBLISHED_COLOUR "\" stroke-width=\"2\"/>"
                   "<text x=\"%d\" y=\"24\">Published SDG 8.8.2 score (as published, not computed)</text>\n",
                   LEFT + 280, LEFT + 316, LEFT + 294, LEFT + 324);
}

/* The computed scores: a solid line, a dot on each year; hollow where nothing was assessed. */
static void computed_series(rep_buf *b, const axes *a, const ilo_model *m, const ilo_result *const *years, size_t n)
{
    rep_buf_puts(b, "<polyline fill=\"none\" stroke=\"" COMPUTED_COLOUR "\" stroke-width=\"3\" points=\"");
    for (size_t i = 0; i < n; i++) {
        if (i) rep_buf_putc(b, ' ');
        xy(b, x_of(a, years[i]->year), y_of(a, rep_score_c(years[i]) / 100.0));
    }
    rep_buf_puts(b, "\"/>\n");
    for (size_t i = 0; i < n; i++) {
        double x = x_of(a, years[i]->year), y = y_of(a, rep_score_c(years[i]) / 100.0);
        rep_buf_puts(b, "<circle cx=\"");
        rep_buf_fixed(b, x, 1, "0");
        rep_buf_puts(b, "\" cy=\"");
        rep_buf_fixed(b, y, 1, "0");
        size_t st[3];
        rep_status_counts(m, years[i], st);
        rep_buf_puts(b, st[ILO_NOT_ASSESSED] == m->n_criteria
                            ? "\" r=\"4.5\" fill=\"#ffffff\" stroke=\"" COMPUTED_COLOUR "\" stroke-width=\"2\"/><text x=\""
                            : "\" r=\"4.5\" fill=\"" COMPUTED_COLOUR "\"/><text x=\"");
        rep_buf_fixed(b, x, 1, "0");
        rep_buf_puts(b, "\" y=\"");
        rep_buf_fixed(b, y - 10, 1, "0");
        rep_buf_puts(b, "\" text-anchor=\"middle\">");
        put_c(b, rep_score_c(years[i]));
        rep_buf_puts(b, "</text>\n");
    }
}

/* The published SDG 8.8.2 values: dashed runs over consecutive years, a square on each. */
static void published_series(rep_buf *b, const axes *a, const ilo_model *m, size_t country)
{
    bool open = false;
    for (int y = a->from; y <= a->to + 1; y++) {
        const ilo_published *p = y <= a->to ? rep_published(m, country, "sdg-8.8.2", y) : NULL;
        int64_t v;
        bool has = p && rep_parse_hundredths(p->value, &v);
        if (has && !open)
            rep_buf_puts(b, "<polyline fill=\"none\" stroke=\"" PUBLISHED_COLOUR "\" stroke-width=\"2\" "
                            "stroke-dasharray=\"7 5\" points=\"");
        if (has) {
            if (open) rep_buf_putc(b, ' ');
            xy(b, x_of(a, y), y_of(a, v / 100.0));
        }
        if (!has && open) rep_buf_puts(b, "\"/>\n");
        open = has;
    }
    for (int y = a->from; y <= a->to; y++) {
        const ilo_published *p = rep_published(m, country, "sdg-8.8.2", y);
        int64_t v;
        if (!p || !rep_parse_hundredths(p->value, &v)) continue;
        rep_buf_puts(b, "<rect x=\"");
        rep_buf_fixed(b, x_of(a, y) - 4, 1, "0");
        rep_buf_puts(b, "\" y=\"");
        rep_buf_fixed(b, y_of(a, v / 100.0) - 4, 1, "0");
        rep_buf_puts(b, "\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"" PUBLISHED_COLOUR "\" stroke-width=\"2\"/>\n");
    }
}

static void chart(rep_buf *b, const ilo_model *m, size_t country, const ilo_result *const *years, size_t n)
{
    if (!n) return;
    axes a = {years[0]->year, years[n - 1]->year, m->methods[years[0]->method].scale};
    if (!(a.scale > 0)) a.scale = 10;
    rep_buf_printf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                      "height=\"%d\" role=\"img\" aria-labelledby=\"chart-title\">\n",
                   CW, CH, CW, CH);
    rep_buf_printf(b, "<title id=\"chart-title\">Score by year, %d-%d, computed and published</title>\n", a.from, a.to);
    rep_buf_printf(b, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", CW, CH);
    grid(b, &a);
    legend(b);
    published_series(b, &a, m, country);
    computed_series(b, &a, m, years, n);
    rep_buf_puts(b, "</svg>\n<figcaption class=\"note\">The computed score (solid line, dots) beside the SDG 8.8.2 "
                    "score as published by the ILO and the UN (dashed line, squares), where one is recorded. "
                    "0 is the best score. A hollow dot marks a year in which nothing was assessed: no evidence, "
                    "not compliance.</figcaption>\n</figure>\n");
}

/* ---- shared tables ---- */

static void slope_para(rep_buf *b, const ilo_trend *t)
{
    rep_buf_puts(b, "<p>Slope: <strong>");
    if (t->slope > 0) rep_buf_putc(b, '+');
    rep_buf_fixed(b, t->slope, 3, "none");
    rep_buf_puts(b, "</strong> points a year (standard error ");
    rep_buf_fixed(b, t->slope_se, 3, "none");
    rep_buf_printf(b, "): <strong>%s</strong>. <span class=\"note\">Rule: ", ilo_direction_name(t->direction));
    rep_put_html(b, rep_direction_rule);
    rep_buf_puts(b, "; lower scores are better.</span></p>\n");
}

static void sources_list(rep_buf *b, const rep_brief_doc *doc, const ilo_model *m, const rep_cites *c)
{
    rep_buf_puts(b, "<h2>Sources</h2>\n");
    if (!c->n) {
        rep_buf_puts(b, "<p>None cited.</p>\n");
        return;
    }
    rep_buf_puts(b, "<ol class=\"sources\">\n");
    for (size_t i = 0; i < c->n; i++) {
        const ilo_source *s = &m->sources[c->order[i]];
        rep_buf_printf(b, "<li id=\"src-%zu\">", i + 1);
        rep_put_html(b, s->publisher);
        rep_buf_puts(b, ", &ldquo;");
        if (rep_url_linkable(s->url)) {
            rep_buf_puts(b, "<a href=\"");
            rep_put_html_attr(b, s->url);
            rep_buf_puts(b, "\">");
            rep_put_html(b, s->title);
            rep_buf_puts(b, "</a>");
        } else {
            rep_put_html(b, s->title);
        }
        rep_buf_printf(b, "&rdquo;, %s <span class=\"note\">(%s; <code>", s->date.text, ilo_source_kind_name(s->kind));
        rep_put_html(b, s->id);
        rep_buf_puts(b, "</code>)</span>");
        rep_brief_later(b, doc, c->order[i]);
        if (s->url && !rep_url_linkable(s->url)) {
            rep_buf_puts(b, "<br><span class=\"note\">address (not linked): ");
            rep_put_html(b, s->url);
            rep_buf_puts(b, "</span>");
        }
        rep_buf_puts(b, "</li>\n");
    }
    rep_buf_puts(b, "</ol>\n");
}

static void item_cell(rep_buf *b, const ilo_item *it)
{
    rep_buf_printf(b, "<strong>%s</strong> <code>", rep_item_kind(it));
    rep_put_html(b, it->id);
    rep_buf_puts(b, "</code><br>");
    if (it->kind == ILO_ITEM_PROVISION) {
        rep_put_html(b, it->instrument);
        rep_buf_puts(b, ", ");
        rep_put_html(b, it->article);
        rep_buf_printf(b, "<br>in force from %s", it->start.text);
        if (it->stop.prec) rep_buf_printf(b, "; repealed %s", it->stop.text);
    } else {
        rep_buf_puts(b, it->start.text);
        if (it->stop.prec) rep_buf_printf(b, " to %s", it->stop.text);
        if (it->place) {
            rep_buf_puts(b, ", ");
            rep_put_html(b, it->place);
        }
        if (it->who) {
            rep_buf_puts(b, "<br>who: ");
            rep_put_html(b, it->who);
        }
        if (it->count) {
            rep_buf_puts(b, it->who ? "; how many: " : "<br>how many: ");
            rep_put_html(b, it->count);
        }
    }
    rep_buf_puts(b, "<br>");
    rep_put_html(b, it->summary);
}

static void criteria_ids(rep_buf *b, const ilo_model *m, const ilo_bitset *set)
{
    bool first = true;
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (!ilo_bitset_has(set, k)) continue;
        rep_buf_puts(b, first ? "<code>" : ", <code>");
        rep_put_html(b, m->criteria[k].id);
        rep_buf_puts(b, "</code>");
        first = false;
    }
}

/* ---- the assessment ---- */

/* ---- the trend ---- */


/* ---- the scenario comparison (reports/compare.c) ---- */

#define SCENARIO_COLOUR "#15803d"

#include "brief.h"

/* ---- the trade-review brief ---- */

/* A sentence built by the shared brief helpers, escaped. */
static void brief_html(rep_buf *b, rep_buf *s)
{
    if (s->failed) b->failed = true;
    rep_put_html(b, s->data ? s->data : "");
    rep_buf_free(s);
}

/* A concern level in a cell, shaded by level (inline: the page has one style sheet for all). */
static void brief_concern_cell(rep_buf *b, ilo_concern c, const char *extra)
{
    static const char *const shade[ILO_CONCERN__COUNT] = {"#eeeeee", "#fff7d6", "#e6f4ea", "#fdf0e1", "#fbd9bf",
                                                          "#f6b8b8"};
    rep_buf_printf(b, "<td style=\"background:%s\"><strong>%s</strong>", shade[c], ilo_concern_name(c));
    if (extra) rep_buf_puts(b, extra);
    rep_buf_puts(b, "</td>");
}

static void brief_html_fref(rep_buf *b, const rep_brief_view *v, size_t f)
{
    rep_buf_printf(b, "<a href=\"#f-%zu\">F%zu</a>", v->fnum[f], v->fnum[f]);
}

static void brief_html_verdicts(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "<h2>Verdicts by regime criterion</h2>\n<table>\n<tr><th>Criterion</th><th>Conventions "
                    "(ratification at the end of the year)</th><th>Concern</th><th>Why</th><th>Score</th><th>Coded</th>"
                    "<th>Clear</th><th>Not assessed</th><th>Findings</th></tr>\n");
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
        const ilo_brief_measure *ms = &vd->measure;
        rep_buf_puts(b, "<tr><td><strong>");
        rep_put_html(b, rc->id);
        rep_buf_puts(b, "</strong> ");
        rep_put_html(b, rc->label);
        rep_buf_puts(b, "</td><td>");
        rep_buf s = REP_BUF_INIT;
        rep_brief_ratification(&s, doc, vd);
        if (!rc->n_conventions) rep_buf_puts(&s, "-");
        brief_html(b, &s);
        rep_buf_puts(b, "</td>");
        brief_concern_cell(b, ms->concern, NULL);
        rep_buf_puts(b, "<td>");
        rep_put_html(b, ms->why);
        if (ms->concern == ILO_CONCERN_OUTSIDE) {
            rep_buf_puts(b, "</td><td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td>"
                            "<td>-</td></tr>\n");
            continue;
        }
        rep_buf_puts(b, "</td><td class=\"n\">");
        if (ms->concern == ILO_CONCERN_NOT_ASSESSED) rep_buf_puts(b, "-");
        else put_c(b, ilo_round2(ms->score));
        rep_buf_printf(b, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu of %zu</td><td>",
                       ms->n_coded, ms->n_clear, ms->n_not_assessed, ms->n_criteria);
        for (size_t i = 0; i < vd->n_findings; i++) {
            if (i) rep_buf_puts(b, ", ");
            brief_html_fref(b, v, vd->findings[i]);
        }
        if (!vd->n_findings) rep_buf_puts(b, "-");
        rep_buf_puts(b, "</td></tr>\n");
    }
    rep_buf_puts(b, "</table>\n<p class=\"note\"><strong>Concern rule.</strong> ");
    rep_put_html(b, ilo_brief_rule);
    rep_buf_puts(b, "</p>\n");
}

static void brief_html_findings(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "<h2>Key findings</h2>\n");
    if (!v->n_findings) {
        rep_buf_puts(b, "<p>None: no item codes a criterion of this regime in this year.</p>\n");
        return;
    }
    rep_buf_puts(b, "<table>\n<tr><th>#</th><th>Item</th><th>Bears on</th><th>Share</th><th>Coded by</th>"
                    "<th>Also reported by</th></tr>\n");
    for (size_t i = 0; i < v->n_findings; i++) {
        const ilo_finding *f = &r->findings[v->findings[i]];
        const ilo_item *it = &doc->profile->items[f->item];
        rep_buf_printf(b, "<tr id=\"f-%zu\"><td>F%zu</td><td>", i + 1, i + 1);
        item_cell(b, it);
        rep_buf_puts(b, "</td><td>");
        for (size_t k = 0, n = 0; k < br->n_verdicts; k++) {
            const ilo_brief_verdict *vd = &br->verdicts[k];
            if (!rep_brief_touches(vd, v->findings[i])) continue;
            ilo_bitset in = f->criteria;
            for (size_t w = 0; w < ILO_BITSET_WORDS; w++) in.w[w] &= vd->coded.w[w];
            rep_buf_puts(b, n++ ? "<br><strong>" : "<strong>");
            rep_put_html(b, rep_brief_criterion(doc, vd)->id);
            rep_buf_puts(b, "</strong>: ");
            criteria_ids(b, m, &in);
        }
        rep_buf_puts(b, "</td><td class=\"n\">");
        put_c(b, f->share_c);
        rep_buf_puts(b, "</td><td>");
        sources_ref(b, &v->cites, f->sources, f->n_sources);
        rep_buf_puts(b, "</td><td>");
        for (size_t j = 0, n = 0; j < it->n_sources; j++) {
            bool counted = false;
            for (size_t q = 0; q < f->n_sources; q++) counted |= f->sources[q] == it->sources[j];
            if (counted) continue;
            if (n++) rep_buf_putc(b, ' ');
            sources_ref(b, &v->cites, &it->sources[j], 1);
        }
        rep_buf_puts(b, "</td></tr>\n");
    }
    rep_buf_puts(b, "</table>\n<p class=\"note\">Share: the item's part of the raw score. Coded by: the admissible "
                    "sources that make it count this year under the method.</p>\n");
}

static void brief_html_events(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const size_t *ev, size_t n)
{
    const ilo_country *co = &doc->model->countries[doc->result->country];
    if (!n) {
        rep_buf_puts(b, "<p>None recorded.</p>\n");
        return;
    }
    rep_buf_puts(b, "<table>\n<tr><th>Date</th><th>Kind</th><th>Event</th><th>Sources</th></tr>\n");
    for (size_t i = 0; i < n; i++) {
        const ilo_event *e = &co->events[ev[i]];
        rep_buf_printf(b, "<tr><td>%s</td><td>", e->date.text);
        rep_put_html(b, e->kind);
        rep_buf_puts(b, "</td><td>");
        rep_put_html(b, e->title);
        rep_buf_puts(b, "</td><td>");
        sources_ref(b, &v->cites, e->sources, e->n_sources);
        rep_buf_puts(b, "</td></tr>\n");
    }
    rep_buf_puts(b, "</table>\n");
}

static void brief_html_trend(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_trend *t = doc->trend;
    const ilo_brief *br = doc->brief;
    if (!t) return;
    rep_buf_printf(b, "<h2>Trend %d-%d</h2>\n", t->from, t->to);
    chart(b, doc->model, doc->result->country, (const ilo_result *const *)t->years, t->n);
    rep_buf_puts(b, "<table>\n<caption>Score over each criterion's catalogue criteria and its concern level; not "
                    "assessed: no evidence either way</caption>\n<tr><th>Criterion</th>");
    for (size_t i = 0; i < t->n; i++) rep_buf_printf(b, "<th>%d</th>", t->years[i]->year);
    rep_buf_puts(b, "</tr>\n<tr><th>Total</th>");
    for (size_t i = 0; i < t->n; i++) {
        rep_buf_puts(b, "<td class=\"n\">");
        put_c(b, rep_score_c(t->years[i]));
        rep_buf_puts(b, "</td>");
    }
    rep_buf_puts(b, "</tr>\n");
    for (size_t k = 0; k < br->n_verdicts; k++) {
        if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) continue;
        rep_buf_puts(b, "<tr><th>");
        rep_put_html(b, rep_brief_criterion(doc, &br->verdicts[k])->id);
        rep_buf_puts(b, "</th>");
        for (size_t i = 0; i < t->n; i++) {
            ilo_brief_measure ms;
            ilo_brief_measure_of(doc->model, br->regime, br->verdicts[k].criterion, t->years[i], &ms);
            if (ms.concern == ILO_CONCERN_NOT_ASSESSED) {
                brief_concern_cell(b, ms.concern, NULL);
                continue;
            }
            rep_buf s = REP_BUF_INIT;
            rep_buf_puts(&s, " ");
            rep_buf_hundredths(&s, ilo_round2(ms.score));
            brief_concern_cell(b, ms.concern, s.data);
            if (s.failed) b->failed = true;
            rep_buf_free(&s);
        }
        rep_buf_puts(b, "</tr>\n");
    }
    rep_buf_puts(b, "</table>\n");
    slope_para(b, t);
}

static void brief_html_published(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    rep_buf_puts(b, "<h2>Published figures beside the computed score</h2>\n<table class=\"published\">\n<caption>As "
                    "published by others; never fed into the score</caption>\n<tr><th>Year</th><th>Computed (<code>");
    rep_put_html(b, m->methods[r->method].id);
    rep_buf_puts(b, "</code>)</th><th>SDG 8.8.2 (published)</th><th>ITUC rating (published)</th></tr>\n");
    for (int y = v->from; y <= v->year; y++) {
        const ilo_result *yr = y == r->year ? r : NULL;
        for (size_t i = 0; !yr && doc->trend && i < doc->trend->n; i++)
            if (doc->trend->years[i]->year == y) yr = doc->trend->years[i];
        rep_buf_printf(b, "<tr><td>%d</td><td class=\"n\">", y);
        if (yr) put_c(b, rep_score_c(yr));
        else rep_buf_puts(b, "-");
        rep_buf_puts(b, "</td>");
        for (size_t k = 0; k < REP_NMEASURES; k++) {
            const ilo_published *p = rep_published(m, r->country, rep_measures[k], y);
            rep_buf_puts(b, "<td>");
            if (p) {
                rep_put_html(b, p->value);
                if (strcmp(p->status, "exact") != 0) {
                    rep_buf_puts(b, " (");
                    rep_put_html(b, p->status);
                    rep_buf_putc(b, ')');
                }
                rep_buf_putc(b, ' ');
                sources_ref(b, &v->cites, p->sources, p->n_sources);
            } else {
                rep_buf_puts(b, "-");
            }
            rep_buf_puts(b, "</td>");
        }
        rep_buf_puts(b, "</tr>\n");
    }
    rep_buf_puts(b, "</table>\n");
}

static void brief_html_reforms(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "<h2>Reforms that would address each concern</h2>\n");
    size_t shown = 0;
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        if (vd->measure.concern < ILO_CONCERN_LOW) continue;
        shown++;
        rep_buf_puts(b, "<h3>");
        rep_put_html(b, rep_brief_criterion(doc, vd)->id);
        rep_buf_printf(b, " (%s)</h3>\n", ilo_concern_name(vd->measure.concern));
        if (!vd->n_reforms) rep_buf_puts(b, "<p>No scenario in the data addresses it.</p>\n");
        else rep_buf_puts(b, "<ul>\n");
        for (size_t i = 0; i < vd->n_reforms; i++) {
            rep_buf s = REP_BUF_INIT;
            rep_brief_reform(&s, doc, v, &vd->reforms[i]);
            rep_buf_puts(b, "<li>");
            brief_html(b, &s);
            rep_buf_puts(b, "</li>\n");
        }
        if (vd->n_reforms) rep_buf_puts(b, "</ul>\n");
        rep_buf s = REP_BUF_INIT;
        rep_brief_target(&s, doc, v, vd);
        rep_buf_puts(b, "<p>");
        brief_html(b, &s);
        rep_buf_puts(b, "</p>\n");
    }
    if (!shown) rep_buf_puts(b, "<p>None: no criterion of the regime has a coded criterion this year.</p>\n");
    if (v->n_scenarios) rep_buf_puts(b, "<p class=\"note\">Scenarios cited (this project's data, <code>scenarios/</code>):</p>\n<ul class=\"note\">\n");
    for (size_t i = 0; i < v->n_scenarios; i++) {
        rep_buf s = REP_BUF_INIT;
        rep_brief_scenario(&s, doc, v->scenarios[i]);
        rep_buf_puts(b, "<li>");
        brief_html(b, &s);
        rep_buf_puts(b, "</li>\n");
    }
    if (v->n_scenarios) rep_buf_puts(b, "</ul>\n");
}

static void brief_html_gaps(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "<h2>Gaps: what this brief cannot say</h2>\n<ul>\n");
    size_t n = 0;
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
        rep_buf s = REP_BUF_INIT;
        if (vd->measure.concern == ILO_CONCERN_NOT_ASSESSED) {
            rep_buf_printf(&s, "%s (%s): not assessed in %d: %s", rc->id, rc->label, doc->result->year, vd->measure.why);
            if (rc->n_conventions) {
                rep_buf_puts(&s, "; ");
                rep_brief_ratification(&s, doc, vd);
            }
            rep_buf_putc(&s, '.');
        } else if (vd->measure.concern >= ILO_CONCERN_NONE && vd->measure.n_not_assessed) {
            rep_buf_printf(&s, "%s: %zu of its %zu criteria not assessed (no evidence either way).", rc->id,
                           vd->measure.n_not_assessed, vd->measure.n_criteria);
        } else if (vd->n_unknown_ratification && vd->measure.concern != ILO_CONCERN_OUTSIDE) {
            rep_buf_printf(&s, "%s: the profile does not record the ratification of ", rc->id);
            rep_brief_ratification(&s, doc, vd);
            rep_buf_putc(&s, '.');
        }
        if (s.len) {
            n++;
            rep_buf_puts(b, "<li>");
            brief_html(b, &s);
            rep_buf_puts(b, "</li>\n");
        } else {
            rep_buf_free(&s);
        }
    }
    if (br->count[ILO_CONCERN_OUTSIDE]) {
        n++;
        rep_buf_puts(b, "<li>Outside this engine's scope (listed by the regime, not examined, never read as met): ");
        for (size_t k = 0, i = 0; k < br->n_verdicts; k++)
            if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) {
                rep_buf_puts(b, i++ ? ", " : "");
                rep_put_html(b, rep_brief_criterion(doc, &br->verdicts[k])->id);
            }
        rep_buf_puts(b, ".</li>\n");
    }
    if (!n) rep_buf_puts(b, "<li>None.</li>\n");
    rep_buf_puts(b, "</ul>\n");
}

static void brief_html_caveat(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_method *me = &doc->model->methods[doc->result->method];
    const ilo_regime *rg = rep_brief_regime(doc);
    rep_buf_puts(b, "<h2>Caveat</h2>\n<div class=\"caution\"><p>");
    rep_put_html(b, rep_brief_ilo_quote_source);
    rep_buf_puts(b, ":</p>\n<blockquote>");
    rep_put_html(b, rep_brief_ilo_quote);
    rep_buf_puts(b, ".</blockquote></div>\n");
    for (size_t i = 0; rep_brief_caveats[i]; i++) {
        rep_buf_puts(b, "<p>");
        rep_put_html(b, rep_brief_caveats[i]);
        rep_buf_puts(b, "</p>\n");
    }
    rep_buf s = REP_BUF_INIT;
    rep_buf_printf(&s, "Evidence admitted under %s: ", me->id);
    rep_brief_admissible(&s, me);
    rep_buf_puts(&s, "; other sources are cited but do not code criteria.");
    rep_buf_puts(b, "<p>");
    brief_html(b, &s);
    rep_buf_puts(b, "</p>\n");
    if (rg->note) {
        rep_buf_puts(b, "<p class=\"note\">About the regime (from its data file): ");
        rep_put_html(b, rg->note);
        rep_buf_puts(b, "</p>\n");
    }
}

void rep_html_brief(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_regime *rg = rep_brief_regime(doc);
    const ilo_method *me = &m->methods[r->method];
    rep_brief_view v;
    if (!rep_brief_view_init(&v, doc)) {
        b->failed = true;
        return;
    }
    char what[96];
    snprintf(what, sizeof what, "%d: trade-review brief", r->year);
    page_start(b, m, r->country, what);
    rep_buf_puts(b, "<p class=\"meta\">Regime: ");
    rep_put_html(b, rg->title);
    rep_buf_puts(b, " (<code>");
    rep_put_html(b, rg->id);
    rep_buf_puts(b, "</code>). Legal basis: ");
    rep_put_html(b, rg->basis);
    rep_buf_putc(b, ' ');
    sources_ref(b, &v.cites, rg->sources, rg->n_sources);
    rep_buf_puts(b, ".<br>Method: ");
    rep_put_html(b, me->title);
    rep_buf_puts(b, " (<code>");
    rep_put_html(b, me->id);
    rep_buf_printf(b, "</code>), %s window. Profile: ", rep_window_name(me->window));
    rep_put_html(b, rep_profile_name(doc->profile_name));
    rep_buf_printf(b, ". Engine: iloscore %s.", ilo_version());
    if (m->countries[r->country].synthetic) rep_buf_puts(b, " <strong>A synthetic country, not a real one.</strong>");
    rep_buf_puts(b, "</p>\n</header>\n<main>\n<h2>Applicability</h2>\n<p>");
    rep_buf s = REP_BUF_INIT;
    rep_brief_applicability(&s, doc, &v);
    brief_html(b, &s);
    rep_buf_puts(b, "</p>\n<h2>Review period</h2>\n<p>");
    rep_brief_period(&s, doc);
    brief_html(b, &s);
    rep_buf_puts(b, "</p>\n<h2>Bottom line</h2>\n<p>");
    rep_brief_bottom_line(&s, doc);
    brief_html(b, &s);
    rep_buf_puts(b, "</p>\n");
    brief_html_verdicts(b, doc, &v);
    brief_html_findings(b, doc, &v);
    rep_buf_puts(b, "<h2>Progress: recommendations and their status, law changes in the review period</h2>\n");
    if (!v.n_recs) rep_buf_puts(b, "<p>No recommendation recorded in the data by the as-of day.</p>\n");
    else rep_buf_puts(b, "<ul>\n");
    for (size_t i = 0; i < v.n_recs; i++) {
        rep_buf_puts(b, "<li>");
        rep_brief_rec(&s, doc, &v, i);
        brief_html(b, &s);
        rep_buf_puts(b, "</li>\n");
    }
    if (v.n_recs) rep_buf_puts(b, "</ul>\n");
    if (!v.n_laws) rep_buf_puts(b, "<p>No provision entered into force or stopped in the review period.</p>\n");
    else rep_buf_puts(b, "<ul>\n");
    for (size_t i = 0; i < v.n_laws; i++) {
        rep_buf_puts(b, "<li>");
        rep_brief_law(&s, doc, &v, i);
        brief_html(b, &s);
        rep_buf_puts(b, "</li>\n");
    }
    if (v.n_laws) rep_buf_puts(b, "</ul>\n");
    rep_buf_printf(b, "<h2>ILO supervisory record, %d-%d</h2>\n", v.from, v.year);
    brief_html_events(b, doc, &v, v.events, v.n_events);
    if (v.n_trade) {
        rep_buf_printf(b, "<h2>Trade-review record, %d-%d</h2>\n", v.from, v.year);
        brief_html_events(b, doc, &v, v.trade, v.n_trade);
    }
    brief_html_trend(b, doc);
    brief_html_published(b, doc, &v);
    brief_html_reforms(b, doc, &v);
    brief_html_gaps(b, doc);
    rep_buf_puts(b, "<h2>Disputed or uncertain</h2>\n");
    if (!v.n_conflicts) rep_buf_puts(b, "<p>No recorded conflict between sources bears on what this brief shows.</p>\n");
    else rep_buf_puts(b, "<ul>\n");
    for (size_t i = 0; i < v.n_conflicts; i++) {
        rep_buf_puts(b, "<li>");
        rep_brief_conflict(&s, doc, &v, i);
        brief_html(b, &s);
        rep_buf_puts(b, "</li>\n");
    }
    if (v.n_conflicts) rep_buf_puts(b, "</ul>\n");
    brief_html_caveat(b, doc);
    sources_list(b, doc, m, &v.cites);
    rep_buf_puts(b, "</main>\n</body>\n</html>\n");
    rep_brief_view_free(&v);
}
