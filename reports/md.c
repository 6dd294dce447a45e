/*
 * md.c: GitHub-flavoured Markdown: headings, pipe tables, numbered sources.
 *
 * Every string from the data goes through rep_put_md(), which escapes what would end a table
 * cell or start emphasis, code, a link or raw HTML. Ids (restricted by the loader to
 * [A-Za-z0-9._:+-]) are written in code spans as they are: escapes do not work inside code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void put_c(rep_buf *b, int64_t c) { rep_buf_hundredths(b, c); }

/* An id in a code span. */
static void code(rep_buf *b, const char *id)
{
    rep_buf_putc(b, '`');
    rep_buf_puts(b, id);
    rep_buf_putc(b, '`');
}

static void sources_ref(rep_buf *b, const rep_cites *c, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++) rep_buf_printf(b, "%s[%zu]", i ? " " : "", c->num[src[i]]);
}

/* A link for a checked web address, else the address as escaped text. */
static void url(rep_buf *b, const char *u)
{
    if (rep_url_linkable(u) && !strpbrk(u, " <>")) {
        rep_buf_putc(b, '<');
        rep_buf_puts(b, u);
        rep_buf_putc(b, '>');
    } else {
        rep_put_md(b, u);
    }
}

static const char *rating_of(const ilo_model *m, const ilo_result *r)
{
    const ilo_band *band = rep_band(m, r);
    return band ? band->rating : "-";
}

static void title_block(rep_buf *b, const ilo_model *m, size_t country, size_t method, const char *profile)
{
    const ilo_method *me = &m->methods[method];
    rep_buf_puts(b, "| | |\n|---|---|\n| Method | ");
    rep_put_md(b, me->title);
    rep_buf_puts(b, " (");
    code(b, me->id);
    rep_buf_printf(b, "), %s window |\n| Profile | ", rep_window_name(me->window));
    rep_put_md(b, rep_profile_name(profile));
    rep_buf_puts(b, " |\n");
    if (m->countries[country].synthetic) rep_buf_puts(b, "| Note | a synthetic country, not a real one |\n");
}

static void published_block(rep_buf *b, const ilo_model *m, size_t country, int year, const rep_cites *c)
{
    static const char *const labels[REP_NMEASURES] = {"SDG 8.8.2 score", "ITUC rating"};
    rep_buf_printf(b, "\n### Published figures for %d\n\nAs published by others; not computed here.\n\n", year);
    rep_buf_puts(b, "| Measure | Value | Status | Note | Sources |\n|---|--:|---|---|---|\n");
    for (size_t k = 0; k < REP_NMEASURES; k++) {
        const ilo_published *p = rep_published(m, country, rep_measures[k], year);
        rep_buf_printf(b, "| %s | ", labels[k]);
        if (!p) {
            rep_buf_puts(b, "none recorded | | | |\n");
            continue;
        }
        rep_put_md(b, p->value);
        rep_buf_puts(b, " | ");
        rep_put_md(b, p->status);
        rep_buf_puts(b, " | ");
        rep_put_md(b, p->note);
        rep_buf_puts(b, " | ");
        sources_ref(b, c, p->sources, p->n_sources);
        rep_buf_puts(b, " |\n");
    }
}

static void trend_table(rep_buf *b, const ilo_model *m, size_t country, const ilo_trend *t, bool conventions)
{
    /* Per-convention columns only for conventions assessed in some year of the trend. */
    size_t shown[ILO_MAX_CRITERIA], nconv = 0;
    for (size_t k = 0; conventions && k < m->n_conventions && nconv < ILO_MAX_CRITERIA; k++)
        if (rep_convention_in_trend(m, t, k)) shown[nconv++] = k;
    rep_buf_puts(b, "| Year | Score | Law | Practice |");
    for (size_t j = 0; j < nconv; j++) rep_buf_printf(b, " %s |", m->conventions[shown[j]].id);
    rep_buf_puts(b, " Rating | Assessed | SDG 8.8.2 (published) | ITUC (published) |\n|--:|--:|--:|--:|");
    for (size_t j = 0; j < nconv; j++) rep_buf_puts(b, "--:|");
    rep_buf_puts(b, "---|--:|--:|---|\n");
    for (size_t i = 0; i < t->n; i++) {
        const ilo_result *r = t->years[i];
        rep_buf_printf(b, "| %d | ", r->year);
        put_c(b, rep_score_c(r));
        rep_buf_puts(b, " | ");
        put_c(b, ilo_round2(r->law));
        rep_buf_puts(b, " | ");
        put_c(b, ilo_round2(r->practice));
        for (size_t j = 0; j < nconv; j++) {
            rep_buf_puts(b, " | ");
            put_c(b, ilo_round2(ilo_result_convention_score(m, r, shown[j])));
        }
        rep_buf_puts(b, " | ");
        rep_put_md(b, rating_of(m, r));
        size_t n[3];
        rep_status_counts(m, r, n);
        rep_buf_printf(b, " | %zu/%zu", n[ILO_CODED] + n[ILO_CLEAR], m->n_criteria);
        for (size_t k = 0; k < REP_NMEASURES; k++) {
            const ilo_published *p = rep_published(m, country, rep_measures[k], r->year);
            rep_buf_puts(b, " | ");
            rep_put_md(b, p ? p->value : "-");
        }
        rep_buf_puts(b, " |\n");
    }
    rep_buf_puts(b, "\nAssessed: criteria coded or clear, of all; a year with few assessed scores low for lack of "
                    "evidence, not for compliance.");
    if (conventions) rep_buf_puts(b, " Convention columns: those with a criterion assessed in some year.");
    rep_buf_putc(b, '\n');
}

static void slope_block(rep_buf *b, const ilo_trend *t)
{
    rep_buf_puts(b, "\nSlope: **");
    if (t->slope > 0) rep_buf_putc(b, '+');
    rep_buf_fixed(b, t->slope, 3, "none");
    rep_buf_puts(b, "** points a year (standard error ");
    rep_buf_fixed(b, t->slope_se, 3, "none");
    rep_buf_printf(b, "): **%s**. Rule: ", ilo_direction_name(t->direction));
    rep_put_md(b, rep_direction_rule);
    rep_buf_puts(b, "; lower scores are better.\n");
}

static void sources_block(rep_buf *b, const ilo_model *m, const rep_cites *c)
{
    rep_buf_puts(b, "\n## Sources\n\n");
    if (!c->n) rep_buf_puts(b, "None cited.\n");
    for (size_t i = 0; i < c->n; i++) {
        const ilo_source *s = &m->sources[c->order[i]];
        rep_buf_printf(b, "%zu. ", i + 1);
        rep_put_md(b, s->publisher);
        rep_buf_puts(b, ", \"");
        rep_put_md(b, s->title);
        rep_buf_printf(b, "\", %s (%s; ", s->date.text, ilo_source_kind_name(s->kind));
        code(b, s->id);
        rep_buf_puts(b, ")");
        if (s->url) {
            rep_buf_puts(b, ". ");
            url(b, s->url);
        }
        rep_buf_putc(b, '\n');
    }
}

/* The item of a finding in one cell, its parts separated by <br>. */
static void item_cell(rep_buf *b, const ilo_item *it)
{
    rep_buf_printf(b, "**%s** ", rep_item_kind(it));
    code(b, it->id);
    rep_buf_puts(b, "<br>");
    if (it->kind == ILO_ITEM_PROVISION) {
        rep_put_md(b, it->instrument);
        rep_buf_puts(b, ", ");
        rep_put_md(b, it->article);
        rep_buf_printf(b, "<br>in force from %s", it->start.text);
        if (it->stop.prec) rep_buf_printf(b, "; repealed %s", it->stop.text);
    } else {
        rep_buf_puts(b, it->start.text);
        if (it->stop.prec) rep_buf_printf(b, " to %s", it->stop.text);
        if (it->place) {
            rep_buf_puts(b, ", ");
            rep_put_md(b, it->place);
        }
        if (it->who) {
            rep_buf_puts(b, "<br>who: ");
            rep_put_md(b, it->who);
        }
        if (it->count) {
            rep_buf_puts(b, it->who ? "; how many: " : "<br>how many: ");
            rep_put_md(b, it->count);
        }
    }
    rep_buf_puts(b, "<br>");
    rep_put_md(b, it->summary);
}

static void criteria_ids(rep_buf *b, const ilo_model *m, const ilo_bitset *set)
{
    bool first = true;
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (!ilo_bitset_has(set, k)) continue;
        if (!first) rep_buf_puts(b, ", ");
        code(b, m->criteria[k].id);
        first = false;
    }
}

/* ---- the assessment ---- */

static void score_block(rep_buf *b, const ilo_model *m, const ilo_result *r)
{
    const ilo_method *me = &m->methods[r->method];
    const ilo_band *band = rep_band(m, r);
    rep_buf_puts(b, "\n## Score\n\n| Measure | Value |\n|---|--:|\n| Score (0 best, ");
    rep_buf_fixed(b, me->scale, 2, "?");
    rep_buf_puts(b, " worst) | **");
    put_c(b, rep_score_c(r));
    rep_buf_puts(b, "** |\n| Raw (sum of the coded criteria's weights; cap ");
    rep_buf_fixed(b, me->cap, 2, "?");
    rep_buf_puts(b, ") | ");
    put_c(b, r->raw_c);
    rep_buf_puts(b, " |\n| Law | ");
    put_c(b, ilo_round2(r->law));
    rep_buf_puts(b, " |\n| Practice | ");
    put_c(b, ilo_round2(r->practice));
    rep_buf_puts(b, " |\n| Rating | ");
    if (band) {
        rep_buf_puts(b, "**");
        rep_put_md(b, band->rating);
        rep_buf_puts(b, "** ");
        rep_put_md(b, band->label);
    } else {
        rep_buf_puts(b, "- (the method has no bands)");
    }
    rep_buf_puts(b, " |\n");
    if (r->forced) rep_buf_puts(b, "\nThe score is forced to the worst: an all-encompassing criterion is coded.\n");
    if (r->breakdown) rep_buf_puts(b, "\nThe profile marks a breakdown of the rule of law this year.\n");
    rep_buf_puts(b, "\nRating bands: ");
    rep_put_md(b, me->bands_note);
    rep_buf_putc(b, '\n');
    char note[256];
    if (rep_coverage_note(m, r, note, sizeof note)) {
        rep_buf_puts(b, "\n**");
        rep_put_md(b, note);
        rep_buf_puts(b, "**\n");
    }
}

/* One paragraph naming the conventions (or groups) left out of a table: nothing assessed. */
static void not_shown(rep_buf *b, const ilo_model *m, const ilo_result *r, bool groups)
{
    size_t n = groups ? m->n_groups : m->n_conventions, hidden = 0;
    for (size_t k = 0; k < n; k++) {
        if (groups ? rep_group_assessed(m, r, k) : rep_convention_assessed(m, r, k)) continue;
        rep_buf_printf(b, hidden++ ? ", " : "\nNot shown, nothing assessed in %d: ", r->year);
        code(b, groups ? m->groups[k].id : m->conventions[k].id);
    }
    if (hidden) rep_buf_puts(b, ".\n");
}

static void conventions_block(rep_buf *b, const ilo_model *m, const ilo_result *r)
{
    rep_buf_puts(b, "\n## By convention\n\n| Convention | Title | Ratification | Raw | Score |\n|---|---|---|--:|--:|\n");
    for (size_t k = 0; k < m->n_conventions; k++) {
        const ilo_convention *cv = &m->conventions[k];
        if (!rep_convention_assessed(m, r, k)) continue;
        rep_buf_puts(b, "| ");
        code(b, cv->id);
        rep_buf_puts(b, " | ");
        rep_put_md(b, cv->title);
        rep_buf_printf(b, " | %s | ", rep_ratification(m, r->country, k, r->year));
        put_c(b, r->convention_c[k]);
        rep_buf_puts(b, " | ");
        put_c(b, ilo_round2(ilo_result_convention_score(m, r, k)));
        rep_buf_puts(b, " |\n");
    }
    not_shown(b, m, r, false);
}

static void groups_block(rep_buf *b, const ilo_model *m, const ilo_result *r)
{
    rep_buf_puts(b, "\n## By group\n\n| Group | | Title | Raw | Score |\n|---|---|---|--:|--:|\n");
    for (size_t k = 0; k < m->n_groups; k++) {
        const ilo_group *g = &m->groups[k];
        if (!rep_group_assessed(m, r, k)) continue;
        rep_buf_puts(b, "| ");
        rep_put_md(b, g->numeral);
        rep_buf_puts(b, " | ");
        code(b, g->id);
        rep_buf_puts(b, " | ");
        rep_put_md(b, g->title);
        rep_buf_puts(b, " | ");
        put_c(b, r->group_c[k]);
        rep_buf_puts(b, " | ");
        put_c(b, ilo_round2(ilo_result_group_score(m, r, k)));
        rep_buf_puts(b, " |\n");
    }
    not_shown(b, m, r, true);
}

static void findings_block(rep_buf *b, const ilo_model *m, const ilo_profile *p, const ilo_result *r,
                           const rep_cites *c)
{
    rep_buf_printf(b, "\n## Findings\n\n%zu counted item%s; their shares add up to the raw score, ", r->n_findings,
                   r->n_findings == 1 ? "" : "s");
    put_c(b, r->raw_c);
    rep_buf_puts(b, ". Critical: removing that item alone would lower the score.\n\n");
    rep_buf_puts(b, "| # | Share | Critical | Item | Criteria | Sources |\n|--:|--:|---|---|---|---|\n");
    for (size_t i = 0; i < r->n_findings; i++) {
        const ilo_finding *f = &r->findings[i];
        rep_buf_printf(b, "| %zu | ", i + 1);
        put_c(b, f->share_c);
        rep_buf_puts(b, f->critical ? " | yes | " : " | no | ");
        item_cell(b, &p->items[f->item]);
        rep_buf_puts(b, " | ");
        criteria_ids(b, m, &f->criteria);
        rep_buf_puts(b, " | ");
        sources_ref(b, c, f->sources, f->n_sources);
        rep_buf_puts(b, " |\n");
    }
    if (!r->n_findings) rep_buf_puts(b, "| | | | none: no item counts in this year under this method | | |\n");
}

static void criteria_block(rep_buf *b, const ilo_model *m, const ilo_result *r, ilo_status3 which)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n_criteria; k++) n += ilo_result_status(r, k) == which;
    if (which == ILO_CODED) rep_buf_printf(b, "\n### Coded (%zu)\n\n", n);
    else if (which == ILO_CLEAR)
        rep_buf_printf(b, "\n### Clear (%zu)\n\nAn admissible source dated %d states it examined them and nothing "
                          "codes them.\n\n", n, r->year);
    else
        rep_buf_printf(b, "\n### Not assessed (%zu)\n\nNothing codes them and no admissible source dated %d states it "
                          "examined them: unknown, not compliant.\n\n", n, r->year);
    if (!n) {
        rep_buf_puts(b, "None.\n");
        return;
    }
    rep_buf_puts(b, which == ILO_CODED ? "| Criterion | SDG | Kind | Weight | Findings | Label |\n|---|--:|---|--:|---|---|\n"
                                       : "| Criterion | SDG | Kind | Weight | Label |\n|---|--:|---|--:|---|\n");
    for (size_t k = 0; k < m->n_criteria; k++) {
        if (ilo_result_status(r, k) != which) continue;
        const ilo_criterion *cr = &m->criteria[k];
        rep_buf_puts(b, "| ");
        code(b, cr->id);
        if (cr->sdg) rep_buf_printf(b, " | %d | ", cr->sdg);
        else rep_buf_puts(b, " | - | ");
        rep_buf_puts(b, cr->kind == ILO_LAW ? "law | " : "practice | ");
        put_c(b, cr->weight_c);
        rep_buf_puts(b, " | ");
        for (size_t i = 0, first = 1; which == ILO_CODED && i < r->n_findings; i++)
            if (ilo_bitset_has(&r->findings[i].criteria, k)) {
                rep_buf_printf(b, "%s%zu", first ? "" : ", ", i + 1);
                first = 0;
            }
        if (which == ILO_CODED) rep_buf_puts(b, " | ");
        rep_put_md(b, cr->label);
        rep_buf_puts(b, " |\n");
    }
}

static void events_block(rep_buf *b, const ilo_model *m, const ilo_result *r, const rep_cites *c)
{
    const ilo_country *co = &m->countries[r->country];
    size_t n = 0;
    rep_buf_printf(b, "\n## ILO supervisory events in %d\n\n", r->year);
    for (size_t i = 0; i < co->n_events; i++) {
        const ilo_event *e = &co->events[i];
        if (!rep_event_shown(e, r->year)) continue;
        if (!n++) rep_buf_puts(b, "| Date | Body | Event | Sources |\n|---|---|---|---|\n");
        rep_buf_printf(b, "| %s | %s | ", e->date.text, e->kind);
        rep_put_md(b, e->title);
        if (e->note) {
            rep_buf_puts(b, "<br>");
            rep_put_md(b, e->note);
        }
        rep_buf_puts(b, " | ");
        sources_ref(b, c, e->sources, e->n_sources);
        rep_buf_puts(b, " |\n");
    }
    if (!n) rep_buf_puts(b, "None recorded.\n");
}

static void heading(rep_buf *b, const ilo_model *m, size_t country, const char *what)
{
    const ilo_country *co = &m->countries[country];
    rep_buf_puts(b, "# ");
    rep_put_md(b, co->name);
    rep_buf_printf(b, " (%s), %s\n\n", co->code, what);
}

void rep_md_assessment(rep_buf *b, const rep_assessment *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    rep_cites c;
    if (!rep_cites_assessment(&c, doc)) {
        b->failed = true;
        return;
    }
    char what[64];
    snprintf(what, sizeof what, "%d", r->year);
    heading(b, m, r->country, what);
    rep_buf_puts(b, "Compliance with ILO conventions on freedom of association and collective bargaining.\n\n");
    title_block(b, m, r->country, r->method, doc->profile_name);
    score_block(b, m, r);
    published_block(b, m, r->country, r->year, &c);
    conventions_block(b, m, r);
    groups_block(b, m, r);
    findings_block(b, m, doc->profile, r, &c);
    rep_buf_puts(b, "\n## Criteria\n");
    criteria_block(b, m, r, ILO_CODED);
    criteria_block(b, m, r, ILO_CLEAR);
    criteria_block(b, m, r, ILO_NOT_ASSESSED);
    events_block(b, m, r, &c);
    if (doc->trend) {
        rep_buf_printf(b, "\n## Trend %d-%d\n\n", doc->trend->from, doc->trend->to);
        trend_table(b, m, r->country, doc->trend, false);
        slope_block(b, doc->trend);
    }
    sources_block(b, m, &c);
    rep_cites_free(&c);
}

/* ---- the trend ---- */


/* ---- the scenario comparison (reports/compare.c) ---- */

#include "brief.h"

/* ---- the trade-review brief ---- */

/* A sentence built by the shared brief helpers, escaped. */
static void brief_md(rep_buf *b, rep_buf *s)
{
    if (s->failed) b->failed = true;
    rep_put_md(b, s->data ? s->data : "");
    rep_buf_free(s);
}

static void brief_md_findings_ref(rep_buf *b, const rep_brief_view *v, const ilo_brief_verdict *vd)
{
    for (size_t i = 0; i < vd->n_findings; i++) rep_buf_printf(b, "%sF%zu", i ? ", " : "", v->fnum[vd->findings[i]]);
    if (!vd->n_findings) rep_buf_puts(b, "-");
}

static void brief_md_verdicts(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "\n## Verdicts by regime criterion\n\n"
                    "| Criterion | Conventions (ratification at the end of the year) | Concern | Why | Score | "
                    "Coded | Clear | Not assessed | Findings |\n|---|---|---|---|--:|--:|--:|--:|---|\n");
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        const ilo_regime_criterion *rc = rep_brief_criterion(doc, vd);
        const ilo_brief_measure *ms = &vd->measure;
        rep_buf_puts(b, "| **");
        rep_put_md(b, rc->id);
        rep_buf_puts(b, "** ");
        rep_put_md(b, rc->label);
        rep_buf_puts(b, " | ");
        rep_buf s = REP_BUF_INIT;
        rep_brief_ratification(&s, doc, vd);
        if (!rc->n_conventions) rep_buf_puts(&s, "-");
        brief_md(b, &s);
        rep_buf_printf(b, " | **%s** | ", ilo_concern_name(ms->concern));
        rep_put_md(b, ms->why);
        if (ms->concern == ILO_CONCERN_OUTSIDE) {
            rep_buf_puts(b, " | - | - | - | - | - |\n");
            continue;
        }
        rep_buf_puts(b, " | ");
        if (ms->concern == ILO_CONCERN_NOT_ASSESSED) rep_buf_puts(b, "-");
        else put_c(b, ilo_round2(ms->score));
        rep_buf_printf(b, " | %zu | %zu | %zu of %zu | ", ms->n_coded, ms->n_clear, ms->n_not_assessed, ms->n_criteria);
        brief_md_findings_ref(b, v, vd);
        rep_buf_puts(b, " |\n");
    }
    rep_buf_puts(b, "\n**Concern rule.** ");
    rep_put_md(b, ilo_brief_rule);
    rep_buf_putc(b, '\n');
}

static void brief_md_findings(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "\n## Key findings\n\n");
    if (!v->n_findings) {
        rep_buf_puts(b, "None: no item codes a criterion of this regime in this year.\n");
        return;
    }
    rep_buf_puts(b, "| # | Item | Bears on | Share | Coded by | Also reported by |\n|---|---|---|--:|---|---|\n");
    for (size_t i = 0; i < v->n_findings; i++) {
        const ilo_finding *f = &r->findings[v->findings[i]];
        const ilo_item *it = &doc->profile->items[f->item];
        rep_buf_printf(b, "| F%zu | ", i + 1);
        item_cell(b, it);
        rep_buf_puts(b, " | ");
        for (size_t k = 0, n = 0; k < br->n_verdicts; k++) {
            const ilo_brief_verdict *vd = &br->verdicts[k];
            if (!rep_brief_touches(vd, v->findings[i])) continue;
            ilo_bitset in = f->criteria;
            for (size_t w = 0; w < ILO_BITSET_WORDS; w++) in.w[w] &= vd->coded.w[w];
            rep_buf_puts(b, n++ ? "<br>**" : "**");
            rep_put_md(b, rep_brief_criterion(doc, vd)->id);
            rep_buf_puts(b, "**: ");
            criteria_ids(b, m, &in);
        }
        rep_buf_puts(b, " | ");
        put_c(b, f->share_c);
        rep_buf_puts(b, " | ");
        sources_ref(b, &v->cites, f->sources, f->n_sources);
        rep_buf_puts(b, " | ");
        for (size_t j = 0, n = 0; j < it->n_sources; j++) {
            bool counted = false;
            for (size_t q = 0; q < f->n_sources; q++) counted |= f->sources[q] == it->sources[j];
            if (!counted) rep_buf_printf(b, "%s[%zu]", n++ ? " " : "", v->cites.num[it->sources[j]]);
        }
        rep_buf_puts(b, " |\n");
    }
    rep_buf_puts(b, "\n*Share*: the item's part of the raw score. *Coded by*: the admissible sources that make it "
                    "count this year under the method.\n");
}

static void brief_md_events(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, const size_t *ev, size_t n)
{
    const ilo_country *co = &doc->model->countries[doc->result->country];
    if (!n) {
        rep_buf_puts(b, "None recorded.\n");
        return;
    }
    rep_buf_puts(b, "| Date | Kind | Event | Sources |\n|---|---|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        const ilo_event *e = &co->events[ev[i]];
        rep_buf_printf(b, "| %s | ", e->date.text);
        rep_put_md(b, e->kind);
        rep_buf_puts(b, " | ");
        rep_put_md(b, e->title);
        rep_buf_puts(b, " | ");
        sources_ref(b, &v->cites, e->sources, e->n_sources);
        rep_buf_puts(b, " |\n");
    }
}

static void brief_md_trend(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_trend *t = doc->trend;
    const ilo_brief *br = doc->brief;
    if (!t) return;
    rep_buf_printf(b, "\n## Trend %d-%d\n\nScore over each criterion's catalogue criteria and its concern level; "
                      "*not assessed*: no evidence either way.\n\n| Criterion |", t->from, t->to);
    for (size_t i = 0; i < t->n; i++) rep_buf_printf(b, " %d |", t->years[i]->year);
    rep_buf_puts(b, "\n|---|");
    for (size_t i = 0; i < t->n; i++) rep_buf_puts(b, "--:|");
    rep_buf_puts(b, "\n| Total |");
    for (size_t i = 0; i < t->n; i++) {
        rep_buf_putc(b, ' ');
        put_c(b, rep_score_c(t->years[i]));
        rep_buf_puts(b, " |");
    }
    rep_buf_putc(b, '\n');
    for (size_t k = 0; k < br->n_verdicts; k++) {
        if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) continue;
        rep_buf_puts(b, "| ");
        rep_put_md(b, rep_brief_criterion(doc, &br->verdicts[k])->id);
        rep_buf_puts(b, " |");
        for (size_t i = 0; i < t->n; i++) {
            ilo_brief_measure ms;
            ilo_brief_measure_of(doc->model, br->regime, br->verdicts[k].criterion, t->years[i], &ms);
            if (ms.concern == ILO_CONCERN_NOT_ASSESSED) {
                rep_buf_puts(b, " not assessed |");
                continue;
            }
            rep_buf_putc(b, ' ');
            put_c(b, ilo_round2(ms.score));
            rep_buf_printf(b, " %s |", ilo_concern_name(ms.concern));
        }
        rep_buf_putc(b, '\n');
    }
    rep_buf_puts(b, "\nTotal score:\n");
    slope_block(b, t);
}

static void brief_md_published(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    rep_buf_puts(b, "\n## Published figures beside the computed score\n\nAs published by others; never fed into the "
                    "score.\n\n");
    rep_buf_printf(b, "| Year | Computed (`%s`) | SDG 8.8.2 (published) | ITUC rating (published) |\n"
                      "|--:|--:|---|---|\n", m->methods[r->method].id);
    for (int y = v->from; y <= v->year; y++) {
        const ilo_result *yr = y == r->year ? r : NULL;
        for (size_t i = 0; !yr && doc->trend && i < doc->trend->n; i++)
            if (doc->trend->years[i]->year == y) yr = doc->trend->years[i];
        rep_buf_printf(b, "| %d | ", y);
        if (yr) put_c(b, rep_score_c(yr));
        else rep_buf_puts(b, "-");
        for (size_t k = 0; k < REP_NMEASURES; k++) {
            const ilo_published *p = rep_published(m, r->country, rep_measures[k], y);
            rep_buf_puts(b, " | ");
            if (!p) {
                rep_buf_puts(b, "-");
                continue;
            }
            rep_put_md(b, p->value);
            if (strcmp(p->status, "exact") != 0) {
                rep_buf_puts(b, " (");
                rep_put_md(b, p->status);
                rep_buf_putc(b, ')');
            }
            rep_buf_putc(b, ' ');
            sources_ref(b, &v->cites, p->sources, p->n_sources);
        }
        rep_buf_puts(b, " |\n");
    }
}

static void brief_md_reforms(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "\n## Reforms that would address each concern\n");
    size_t shown = 0;
    for (size_t k = 0; k < br->n_verdicts; k++) {
        const ilo_brief_verdict *vd = &br->verdicts[k];
        if (vd->measure.concern < ILO_CONCERN_LOW) continue;
        shown++;
        rep_buf_puts(b, "\n### ");
        rep_put_md(b, rep_brief_criterion(doc, vd)->id);
        rep_buf_printf(b, " (%s)\n\n", ilo_concern_name(vd->measure.concern));
        if (!vd->n_reforms) rep_buf_puts(b, "No scenario in the data addresses it.\n");
        for (size_t i = 0; i < vd->n_reforms; i++) {
            rep_buf s = REP_BUF_INIT;
            rep_brief_reform(&s, doc, v, &vd->reforms[i]);
            rep_buf_puts(b, "- ");
            brief_md(b, &s);
            rep_buf_putc(b, '\n');
        }
        rep_buf s = REP_BUF_INIT;
        rep_brief_target(&s, doc, v, vd);
        rep_buf_putc(b, '\n');
        brief_md(b, &s);
        rep_buf_putc(b, '\n');
    }
    if (!shown) rep_buf_puts(b, "\nNone: no criterion of the regime has a coded criterion this year.\n");
    if (v->n_scenarios) rep_buf_puts(b, "\nScenarios cited (this project's data, `scenarios/`):\n\n");
    for (size_t i = 0; i < v->n_scenarios; i++) {
        rep_buf s = REP_BUF_INIT;
        rep_brief_scenario(&s, doc, v->scenarios[i]);
        rep_buf_puts(b, "- ");
        brief_md(b, &s);
        rep_buf_putc(b, '\n');
    }
}

static void brief_md_gaps(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_brief *br = doc->brief;
    rep_buf_puts(b, "\n## Gaps: what this brief cannot say\n\n");
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
            rep_buf_puts(b, "- ");
            brief_md(b, &s);
            rep_buf_putc(b, '\n');
        } else {
            rep_buf_free(&s);
        }
    }
    if (br->count[ILO_CONCERN_OUTSIDE]) {
        n++;
        rep_buf_puts(b, "- Outside this engine's scope (listed by the regime, not examined, never read as met): ");
        for (size_t k = 0, i = 0; k < br->n_verdicts; k++)
            if (br->verdicts[k].measure.concern == ILO_CONCERN_OUTSIDE) {
                rep_buf_puts(b, i++ ? ", " : "");
                rep_put_md(b, rep_brief_criterion(doc, &br->verdicts[k])->id);
            }
        rep_buf_puts(b, ".\n");
    }
    if (!n) rep_buf_puts(b, "None.\n");
}

static void brief_md_caveat(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_method *me = &doc->model->methods[doc->result->method];
    const ilo_regime *rg = rep_brief_regime(doc);
    rep_buf_puts(b, "\n## Caveat\n\n");
    rep_put_md(b, rep_brief_ilo_quote_source);
    rep_buf_puts(b, ":\n\n> ");
    rep_put_md(b, rep_brief_ilo_quote);
    rep_buf_puts(b, ".\n");
    for (size_t i = 0; rep_brief_caveats[i]; i++) {
        rep_buf_putc(b, '\n');
        rep_put_md(b, rep_brief_caveats[i]);
        rep_buf_putc(b, '\n');
    }
    rep_buf s = REP_BUF_INIT;
    rep_buf_printf(&s, "Evidence admitted under %s: ", me->id);
    rep_brief_admissible(&s, me);
    rep_buf_puts(&s, "; other sources are cited but do not code criteria.");
    rep_buf_putc(b, '\n');
    brief_md(b, &s);
    rep_buf_putc(b, '\n');
    if (rg->note) {
        rep_buf_puts(b, "\nAbout the regime (from its data file): ");
        rep_put_md(b, rg->note);
        rep_buf_putc(b, '\n');
    }
}

void rep_md_brief(rep_buf *b, const rep_brief_doc *doc)
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
    rep_buf_puts(b, "# ");
    rep_put_md(b, co->name);
    rep_buf_printf(b, " (%s), %d: trade-review brief\n\n", co->code, r->year);
    title_block(b, m, r->country, r->method, doc->profile_name);
    rep_buf_puts(b, "| Regime | ");
    rep_put_md(b, rg->title);
    rep_buf_puts(b, " (");
    code(b, rg->id);
    rep_buf_puts(b, ") |\n| Legal basis | ");
    rep_put_md(b, rg->basis);
    rep_buf_putc(b, ' ');
    sources_ref(b, &v.cites, rg->sources, rg->n_sources);
    rep_buf_printf(b, " |\n| Engine | iloscore %s |\n", ilo_version());

    rep_buf_puts(b, "\n## Bottom line\n\n");
    rep_buf s = REP_BUF_INIT;
    rep_brief_bottom_line(&s, doc);
    brief_md(b, &s);
    rep_buf_putc(b, '\n');

    brief_md_verdicts(b, doc, &v);
    brief_md_findings(b, doc, &v);
    rep_buf_printf(b, "\n## ILO supervisory record, %d-%d\n\n", v.from, v.year);
    brief_md_events(b, doc, &v, v.events, v.n_events);
    if (v.n_trade) {
        rep_buf_printf(b, "\n## Trade-review record, %d-%d\n\n", v.from, v.year);
        brief_md_events(b, doc, &v, v.trade, v.n_trade);
    }
    brief_md_trend(b, doc);
    brief_md_published(b, doc, &v);
    brief_md_reforms(b, doc, &v);
    brief_md_gaps(b, doc);
    brief_md_caveat(b, doc);
    sources_block(b, m, &v.cites);
    rep_brief_view_free(&v);
}
