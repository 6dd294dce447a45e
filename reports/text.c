/*
 * text.c: aligned plain text for a terminal, readable in 100 columns.
 *
 * Every table puts its fixed-width columns (ids, numbers) on the left and the free text (titles,
 * labels, summaries) last, wrapped with a hanging indent, so nothing is ever cut off. Strings
 * from the data go through rep_put_text(): a line break or an escape sequence in a summary
 * cannot break the layout or reach the terminal.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief.h"
#include "internal.h"

#define WIDTH 100

/* Display width of n bytes of UTF-8: one column per code point (continuation bytes skipped). */
static size_t width_of(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Writes s word-wrapped: the current line has `col` columns used, later lines start at `indent`.
 * Returns the column after the last word. Words longer than a line (URLs) stay whole. */
static size_t wrap(rep_buf *b, const char *s, size_t indent, size_t col)
{
    rep_buf clean = REP_BUF_INIT;
    rep_put_text(&clean, s);
    const char *p = clean.data ? clean.data : "";
    bool first = true;
    while (*p) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        if (e == p) break;
        size_t w = width_of(p, (size_t)(e - p));
        if (!first && col + 1 + w > WIDTH) {
            rep_buf_putc(b, '\n');
            rep_buf_pad(b, indent);
            col = indent;
        } else if (!first) {
            rep_buf_putc(b, ' ');
            col++;
        }
        rep_buf_put(b, p, (size_t)(e - p));
        col += w;
        first = false;
        p = e;
    }
    if (clean.failed) b->failed = true;
    rep_buf_free(&clean);
    return col;
}

/* wrap() of a printf-composed string (the parts are escaped together by wrap). */
static size_t wrapf(rep_buf *b, size_t indent, size_t col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static size_t wrapf(rep_buf *b, size_t indent, size_t col, const char *fmt, ...)
{
    char small[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof small) return wrap(b, small, indent, col);
    char *s = NULL;
    if (n >= 0 && (s = malloc((size_t)n + 1))) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
        col = wrap(b, s, indent, col);
    } else {
        b->failed = true;
    }
    free(s);
    return col;
}

/* s padded with spaces to `width` columns (longer strings are kept whole). */
static void cell(rep_buf *b, const char *s, size_t width)
{
    size_t before = b->len;
    rep_put_text(b, s);
    size_t w = b->data ? width_of(b->data + before, b->len - before) : 0;
    if (w < width) rep_buf_pad(b, width - w);
}

/* s right-aligned in `width` columns, after a space. */
static void rcell(rep_buf *b, const char *s, size_t width)
{
    size_t w = width_of(s, strlen(s));
    rep_buf_pad(b, w < width ? width - w : 1);
    rep_put_text(b, s);
}

/* A number in hundredths, right-aligned in `width` columns. */
static void num(rep_buf *b, int64_t c, size_t width)
{
    size_t digits = 0;
    for (uint64_t v = c < 0 ? (uint64_t)0 - (uint64_t)c : (uint64_t)c; v; v /= 10) digits++;
    size_t w = (digits < 3 ? 3 : digits) + 1 + (c < 0);
    if (w < width) rep_buf_pad(b, width - w);
    rep_buf_hundredths(b, c);
}

static void heading(rep_buf *b, const char *title)
{
    rep_buf_putc(b, '\n');
    rep_buf_puts(b, title);
    rep_buf_putc(b, '\n');
}

static void put_sources(rep_buf *b, const rep_cites *c, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++) rep_buf_printf(b, "%s[%zu]", i ? " " : "", c->num[src[i]]);
}

/* ---- shared sections ---- */

static void title_block(rep_buf *b, const ilo_model *m, size_t country, size_t method, const char *profile)
{
    const ilo_country *co = &m->countries[country];
    const ilo_method *me = &m->methods[method];
    rep_buf_puts(b, "Method:   ");
    wrap(b, me->title, 10, 10);
    rep_buf_puts(b, " [");
    rep_put_text(b, me->id);
    rep_buf_printf(b, "], %s window\n", rep_window_name(me->window));
    rep_buf_puts(b, "Profile:  ");
    rep_put_text(b, rep_profile_name(profile));
    rep_buf_putc(b, '\n');
    if (co->synthetic) rep_buf_puts(b, "Note:     a synthetic country, not a real one\n");
}

static void slope_block(rep_buf *b, const ilo_trend *t)
{
    rep_buf_puts(b, "  Slope: ");
    if (t->slope > 0) rep_buf_putc(b, '+');
    rep_buf_fixed(b, t->slope, 3, "none");
    rep_buf_puts(b, " points a year (standard error ");
    rep_buf_fixed(b, t->slope_se, 3, "none");
    rep_buf_printf(b, "): %s\n  Rule:  ", ilo_direction_name(t->direction));
    wrap(b, rep_direction_rule, 9, 9);
    rep_buf_puts(b, "; lower scores are better.\n");
}

/* The sources cited, each published after the brief's as-of day saying so. */
static void sources_block(rep_buf *b, const ilo_model *m, const rep_cites *c, const rep_brief_doc *doc)
{
    heading(b, "Sources");
    if (!c->n) rep_buf_puts(b, "  none cited\n");
    for (size_t i = 0; i < c->n; i++) {
        const ilo_source *s = &m->sources[c->order[i]];
        size_t len = b->len;
        rep_buf_printf(b, "  [%zu]", i + 1);
        rep_buf_pad(b, b->len - len < 8 ? 8 - (b->len - len) : 1);
        rep_buf later = REP_BUF_INIT;
        rep_brief_later(&later, doc, c->order[i]);
        wrapf(b, 8, 8, "%s, \"%s\", %s (%s; id %s)%s", s->publisher, s->title, s->date.text,
              ilo_source_kind_name(s->kind), s->id, later.data ? later.data : "");
        rep_buf_free(&later);
        rep_buf_putc(b, '\n');
        if (s->url) {
            rep_buf_pad(b, 8);
            rep_put_text(b, s->url);
            rep_buf_putc(b, '\n');
        }
    }
}

/* ---- the assessment ---- */

/* ---- the trend ---- */


/* ---- the scenario comparison (reports/compare.c) ---- */

/* ---- what would it take (ilo_target_new) ---- */

#include "brief.h"

/* ---- the trade-review brief ---- */


/* Ends a line without the padding a last cell left. */
static void brief_eol(rep_buf *b)
{
    while (b->len && b->data[b->len - 1] == ' ') b->len--;
    rep_buf_putc(b, '\n');
}

static size_t brief_wrap(rep_buf *b, const rep_buf *s, size_t indent, size_t col)
{
    if (s->failed) b->failed = true;
    return wrap(b, s->data ? s->data : "", indent, col);
}

static void brief_verdicts(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief *br = doc->brief;
    size_t w = 2;
    for (size_t k = 0; k < br->n_verdicts; k++) {
        size_t l = strlen(rep_brief_criterion(doc, &br->verdicts[k])->id);
        if (l > w) w = l;
    }
    if (w > 24) w = 24;
    size_t ind = 2 + w + 2;
    heading(b, "Verdicts by regime criterion");
    rep_buf_puts(b, "  ");
    cell(b, "id", w);
    rep_buf_puts(b, "  concern       score  criteria: coded, clear, not assessed\n");
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
        const ilo_brief_measure *ms = &vd->measure;
        rep_buf_puts(b, "  ");
        cell(b, rc->id, w);
        rep_buf_puts(b, "  ");
        cell(b, ilo_concern_name(ms->concern), 13);
        if (ms->concern == ILO_CONCERN_OUTSIDE) {
            rep_buf_puts(b, "     -  not examined\n");
        } else {
            if (ms->concern == ILO_CONCERN_NOT_ASSESSED) rcell(b, "-", 6);
            else num(b, ilo_round2(ms->score), 6);
            rep_buf_printf(b, "  %zu, %zu, %zu of %zu\n", ms->n_coded, ms->n_clear, ms->n_not_assessed, ms->n_criteria);
        }
        rep_buf_pad(b, ind);
        wrap(b, rc->label, ind, ind);
        rep_buf_putc(b, '\n');
        if (rc->n_conventions) {
            rep_buf s = REP_BUF_INIT;
            rep_buf_puts(&s, "Conventions: ");
            rep_brief_ratification(&s, doc, vd);
            rep_buf_pad(b, ind);
            brief_wrap(b, &s, ind, ind);
            rep_buf_putc(b, '\n');
            rep_buf_free(&s);
        }
        if (ms->concern == ILO_CONCERN_OUTSIDE) continue; /* said in the row and under Gaps */
        rep_buf_pad(b, ind);
        wrapf(b, ind, ind, "Why: %s", ms->why);
        rep_buf_putc(b, '\n');
        if (!vd->n_findings) continue;
        rep_buf f = REP_BUF_INIT;
        rep_buf_puts(&f, "Findings: ");
        for (size_t i = 0; i < vd->n_findings; i++) rep_buf_printf(&f, "%sF%zu", i ? ", " : "", v->fnum[vd->findings[i]]);
        rep_buf_pad(b, ind);
        brief_wrap(b, &f, ind + 10, ind);
        rep_buf_free(&f);
        rep_buf_putc(b, '\n');
    }
    rep_buf_puts(b, "  Concern rule: ");
    wrap(b, ilo_brief_rule, 16, 16);
    rep_buf_putc(b, '\n');
}

static void brief_findings(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    heading(b, "Key findings (the evidence behind the verdicts)");
    if (!v->n_findings) rep_buf_puts(b, "  none: no item codes a criterion of this regime in this year\n");
    for (size_t i = 0; i < v->n_findings; i++) {
        const ilo_finding *f = &r->findings[v->findings[i]];
        const ilo_item *it = &doc->profile->items[f->item];
        rep_buf s = REP_BUF_INIT;
        rep_buf_printf(b, "  F%-5zu", i + 1);
        wrapf(b, 8, 8, "%s %s", rep_item_kind(it), it->id);
        rep_buf_puts(b, " (share ");
        rep_buf_hundredths(b, f->share_c);
        rep_buf_puts(b, " of the raw score)\n        ");
        rep_brief_item_where(&s, it);
        brief_wrap(b, &s, 8, 8);
        rep_buf_puts(b, "\n        ");
        wrap(b, it->summary, 8, 8);
        rep_buf_puts(b, "\n        ");
        s.len = 0;
        rep_buf_puts(&s, "Bears on: ");
        for (size_t k = 0, n = 0; k < br->n_verdicts; k++) {
            const ilo_brief_verdict *vd = &br->verdicts[k];
            if (!rep_brief_touches(vd, v->findings[i])) continue;
            ilo_bitset in = f->criteria;
            for (size_t w = 0; w < ILO_BITSET_WORDS; w++) in.w[w] &= vd->coded.w[w];
            rep_buf_printf(&s, "%s%s (", n++ ? "; " : "", rep_brief_criterion(doc, vd)->id);
            rep_brief_criteria(&s, m, &in);
            rep_buf_putc(&s, ')');
        }
        brief_wrap(b, &s, 8, 8);
        rep_buf_puts(b, "\n        Coded by: ");
        put_sources(b, &v->cites, f->sources, f->n_sources);
        size_t others = 0;
        for (size_t j = 0; j < it->n_sources; j++) {
            bool counted = false;
            for (size_t q = 0; q < f->n_sources; q++) counted |= f->sources[q] == it->sources[j];
            if (counted) continue;
            rep_buf_puts(b, others++ ? " " : "; also reported by: ");
            rep_buf_printf(b, "[%zu]", v->cites.num[it->sources[j]]);
        }
        rep_buf_putc(b, '\n');
        rep_buf_free(&s);
    }
    rep_buf_puts(b, "  Coded by: the admissible sources that make the item count this year under the method.\n");
}

static void brief_events(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const size_t *ev, size_t n)
{
    const ilo_country *co = &doc->model->countries[doc->result->country];
    if (!n) rep_buf_puts(b, "  none recorded\n");
    for (size_t i = 0; i < n; i++) {
        const ilo_event *e = &co->events[ev[i]];
        rep_buf s = REP_BUF_INIT;
        rep_buf_puts(&s, e->title);
        for (size_t j = 0; j < e->n_sources; j++) rep_buf_printf(&s, "%s[%zu]", j ? " " : "  ", v->cites.num[e->sources[j]]);
        rep_buf_puts(b, "  ");
        cell(b, e->date.text, 12);
        cell(b, e->kind, 9);
        brief_wrap(b, &s, 23, 23);
        rep_buf_free(&s);
        rep_buf_putc(b, '\n');
    }
}

/* Years as columns, the total and each examined regime criterion as rows: score and concern. */
static void brief_trend(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_trend *t = doc->trend;
    const ilo_brief *br = doc->brief;
    if (!t) return;
    rep_buf_printf(b, "\nTrend %d-%d (score over each criterion's catalogue criteria, and its concern level)\n",
                   t->from, t->to);
    rep_buf_puts(b, "  ");
    cell(b, "criterion", 12);
    for (size_t i = 0; i < t->n; i++) rep_buf_printf(b, "  %5d%7s", t->years[i]->year, "");
    brief_eol(b);
    rep_buf_puts(b, "  ");
    cell(b, "total", 12);
    for (size_t i = 0; i < t->n; i++) {
        rep_buf_puts(b, "  ");
        num(b, rep_score_c(t->years[i]), 5);
        rep_buf_pad(b, 7);
    }
    brief_eol(b);
    for (size_t k = 0; k < br->n_verdicts; k++) {
        if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) continue;
        rep_buf_puts(b, "  ");
        cell(b, rep_brief_criterion(doc, &br->verdicts[k])->id, 12);
        for (size_t i = 0; i < t->n; i++) {
            ilo_brief_measure ms;
            ilo_brief_measure_of(doc->model, br->regime, br->verdicts[k].criterion, t->years[i], &ms);
            rep_buf_puts(b, "  ");
            if (ms.concern == ILO_CONCERN_NOT_ASSESSED) {
                cell(b, " n.a.", 12);
                continue;
            }
            num(b, ilo_round2(ms.score), 5);
            rep_buf_putc(b, ' ');
            cell(b, ilo_concern_name(ms.concern), 6);
        }
        brief_eol(b);
    }
    rep_buf_puts(b, "  n.a.: not assessed (no evidence either way). Total:\n");
    slope_block(b, t);
}

static void brief_published(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    rep_buf_puts(b, "\nPublished figures beside the computed score (as published by others; never fed into the "
                    "score)\n  year  computed  sdg-8.8.2 (published)     ituc (published)\n");
    for (int y = v->from; y <= v->year; y++) {
        const ilo_result *yr = NULL;
        for (size_t i = 0; doc->trend && i < doc->trend->n; i++)
            if (doc->trend->years[i]->year == y) yr = doc->trend->years[i];
        if (y == r->year) yr = r;
        rep_buf_printf(b, "  %d", y);
        if (yr) num(b, rep_score_c(yr), 10);
        else rcell(b, "-", 10);
        rep_buf_puts(b, "  ");
        for (size_t k = 0; k < REP_NMEASURES; k++) {
            const ilo_published *p = rep_published(m, r->country, rep_measures[k], y);
            rep_buf s = REP_BUF_INIT;
            if (p) {
                rep_buf_printf(&s, "%s%s%s ", p->value, strcmp(p->status, "exact") ? " " : "",
                               strcmp(p->status, "exact") ? p->status : "");
                for (size_t j = 0; j < p->n_sources; j++) rep_buf_printf(&s, "[%zu]", v->cites.num[p->sources[j]]);
            } else {
                rep_buf_puts(&s, "-");
            }
            if (k + 1 < REP_NMEASURES) cell(b, s.data ? s.data : "", 26);
            else rep_put_text(b, s.data ? s.data : "");
            if (s.failed) b->failed = true;
            rep_buf_free(&s);
        }
        brief_eol(b);
    }
    rep_buf_printf(b, "  computed: this engine's score under %s.\n", m->methods[r->method].id);
}

static void brief_reforms(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief *br = doc->brief;
    heading(b, "Reforms that would address each concern");
    size_t shown = 0;
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        if (vd->measure.concern < ILO_CONCERN_LOW) continue;
        shown++;
        rep_buf_printf(b, "  %s (%s)\n", rep_brief_criterion(doc, vd)->id, ilo_concern_name(vd->measure.concern));
        if (!vd->n_reforms) rep_buf_puts(b, "    No scenario in the data addresses it.\n");
        for (size_t i = 0; i < vd->n_reforms; i++) {
            rep_buf s = REP_BUF_INIT;
            rep_brief_reform(&s, doc, v, &vd->reforms[i]);
            rep_buf_puts(b, "    - ");
            brief_wrap(b, &s, 6, 6);
            rep_buf_putc(b, '\n');
            rep_buf_free(&s);
        }
        rep_buf s = REP_BUF_INIT;
        rep_brief_target(&s, doc, v, vd);
        rep_buf_puts(b, "    ");
        brief_wrap(b, &s, 4, 4);
        rep_buf_putc(b, '\n');
        rep_buf_free(&s);
    }
    if (!shown) rep_buf_puts(b, "  none: no criterion of the regime has a coded criterion this year\n");
    if (v->n_scenarios) rep_buf_puts(b, "  Scenarios cited (this project's data, scenarios/):\n");
    for (size_t i = 0; i < v->n_scenarios; i++) {
        rep_buf s = REP_BUF_INIT;
        rep_brief_scenario(&s, doc, v->scenarios[i]);
        rep_buf_puts(b, "    ");
        brief_wrap(b, &s, 6, 4);
        rep_buf_putc(b, '\n');
        rep_buf_free(&s);
    }
}

static void brief_gaps(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_brief *br = doc->brief;
    heading(b, "Gaps: what this brief cannot say");
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
            rep_buf_puts(b, "  - ");
            brief_wrap(b, &s, 4, 4);
            rep_buf_putc(b, '\n');
        }
        rep_buf_free(&s);
    }
    if (br->count[ILO_CONCERN_OUTSIDE]) {
        n++;
        rep_buf s = REP_BUF_INIT;
        rep_buf_printf(&s, "Outside this engine's scope (listed by the regime, not examined, never read as met): ");
        for (size_t k = 0, i = 0; k < br->n_verdicts; k++)
            if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE)
                rep_buf_printf(&s, "%s%s", i++ ? ", " : "", rep_brief_criterion(doc, &br->verdicts[k])->id);
        rep_buf_putc(&s, '.');
        rep_buf_puts(b, "  - ");
        brief_wrap(b, &s, 4, 4);
        rep_buf_putc(b, '\n');
        rep_buf_free(&s);
    }
    if (!n) rep_buf_puts(b, "  none\n");
}

static void brief_caveat(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_method *me = &doc->model->methods[doc->result->method];
    const ilo_regime *rg = rep_brief_regime(doc);
    heading(b, "Caveat");
    rep_buf_puts(b, "  ");
    wrapf(b, 2, 2, "%s: \"%s.\"", rep_brief_ilo_quote_source, rep_brief_ilo_quote);
    rep_buf_putc(b, '\n');
    for (size_t i = 0; rep_brief_caveats[i]; i++) {
        rep_buf_puts(b, "  ");
        wrap(b, rep_brief_caveats[i], 2, 2);
        rep_buf_putc(b, '\n');
    }
    rep_buf s = REP_BUF_INIT;
    rep_buf_printf(&s, "Evidence admitted under %s: ", me->id);
    rep_brief_admissible(&s, me);
    rep_buf_puts(&s, "; other sources are cited but do not code criteria.");
    rep_buf_puts(b, "  ");
    brief_wrap(b, &s, 2, 2);
    rep_buf_putc(b, '\n');
    rep_buf_free(&s);
    if (rg->note) {
        rep_buf_puts(b, "  ");
        wrapf(b, 2, 2, "About the regime (from its data file): %s", rg->note);
        rep_buf_putc(b, '\n');
    }
}

/* Taking steps: the recommendations with their status on the as-of day, the law changes. */
static void brief_progress(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    heading(b, "Progress: recommendations and their status, law changes in the review period");
    rep_buf s = REP_BUF_INIT;
    if (!v->n_recs) rep_buf_puts(b, "  No recommendation recorded in the data by the as-of day.\n");
    for (size_t i = 0; i < v->n_recs; i++) {
        rep_brief_rec(&s, doc, v, i);
        rep_buf_puts(b, "  - ");
        brief_wrap(b, &s, 4, 4);
        rep_buf_putc(b, '\n');
        rep_buf_free(&s);
    }
    if (!v->n_laws) rep_buf_puts(b, "  No provision entered into force or stopped in the review period.\n");
    for (size_t i = 0; i < v->n_laws; i++) {
        rep_brief_law(&s, doc, v, i);
        rep_buf_puts(b, "  - ");
        brief_wrap(b, &s, 4, 4);
        rep_buf_putc(b, '\n');
        rep_buf_free(&s);
    }
}

void rep_text_brief(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_country *co = &m->countries[r->country];
    const ilo_regime *rg = rep_brief_regime(doc);
    rep_brief_view v;
    if (!rep_brief_view_init(&v, doc)) {
        b->failed = true;
        return;
    }
    rep_put_text(b, co->name);
    rep_buf_puts(b, " (");
    rep_put_text(b, co->code);
    rep_buf_printf(b, "), %d: trade-review brief\n", r->year);
    rep_buf_puts(b, "Regime:   ");
    wrapf(b, 10, 10, "%s [%s]", rg->title, rg->id);
    rep_buf_puts(b, "\nBasis:    ");
    wrap(b, rg->basis, 10, 10);
    if (rg->n_sources) {
        rep_buf_putc(b, ' ');
        put_sources(b, &v.cites, rg->sources, rg->n_sources);
    }
    rep_buf_putc(b, '\n');
    title_block(b, m, r->country, r->method, doc->profile_name);
    rep_buf_printf(b, "Engine:   iloscore %s\n", ilo_version());

    heading(b, "Applicability");
    rep_buf s = REP_BUF_INIT;
    rep_brief_applicability(&s, doc, &v);
    rep_buf_puts(b, "  ");
    brief_wrap(b, &s, 2, 2);
    rep_buf_putc(b, '\n');
    rep_buf_free(&s);
    heading(b, "Review period");
    rep_brief_period(&s, doc);
    rep_buf_puts(b, "  ");
    brief_wrap(b, &s, 2, 2);
    rep_buf_putc(b, '\n');
    rep_buf_free(&s);

    heading(b, "Bottom line");
    rep_brief_bottom_line(&s, doc);
    rep_buf_puts(b, "  ");
    brief_wrap(b, &s, 2, 2);
    rep_buf_putc(b, '\n');
    rep_buf_free(&s);

    brief_verdicts(b, doc, &v);
    brief_findings(b, doc, &v);
    brief_progress(b, doc, &v);
    rep_buf_printf(b, "\nILO supervisory record, %d-%d\n", v.from, v.year);
    brief_events(b, doc, &v, v.events, v.n_events);
    if (v.n_trade) {
        rep_buf_printf(b, "\nTrade-review record, %d-%d\n", v.from, v.year);
        brief_events(b, doc, &v, v.trade, v.n_trade);
    }
    brief_trend(b, doc);
    brief_published(b, doc, &v);
    brief_reforms(b, doc, &v);
    brief_gaps(b, doc);
    heading(b, "Disputed or uncertain");
    if (!v.n_conflicts) rep_buf_puts(b, "  No recorded conflict between sources bears on what this brief shows.\n");
    for (size_t i = 0; i < v.n_conflicts; i++) {
        rep_brief_conflict(&s, doc, &v, i);
        rep_buf_puts(b, "  - ");
        brief_wrap(b, &s, 4, 4);
        rep_buf_putc(b, '\n');
        rep_buf_free(&s);
    }
    brief_caveat(b, doc);
    sources_block(b, m, &v.cites, doc);
    rep_brief_view_free(&v);
}
