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

#include "brief.h"
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

static void sources_block(rep_buf *b, const rep_brief_doc *doc, const ilo_model *m, const rep_cites *c)
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
        rep_brief_later(b, doc, c->order[i]);
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

    rep_buf_puts(b, "\n## Applicability\n\n");
    rep_buf s = REP_BUF_INIT;
    rep_brief_applicability(&s, doc, &v);
    brief_md(b, &s);
    rep_buf_puts(b, "\n\n## Review period\n\n");
    rep_brief_period(&s, doc);
    brief_md(b, &s);
    rep_buf_putc(b, '\n');

    rep_buf_puts(b, "\n## Bottom line\n\n");
    rep_brief_bottom_line(&s, doc);
    brief_md(b, &s);
    rep_buf_putc(b, '\n');

    brief_md_verdicts(b, doc, &v);
    brief_md_findings(b, doc, &v);
    rep_buf_puts(b, "\n## Progress: recommendations and their status, law changes in the review period\n\n");
    if (!v.n_recs) rep_buf_puts(b, "No recommendation recorded in the data by the as-of day.\n");
    for (size_t i = 0; i < v.n_recs; i++) {
        rep_buf_puts(b, "- ");
        rep_brief_rec(&s, doc, &v, i);
        brief_md(b, &s);
        rep_buf_putc(b, '\n');
    }
    if (!v.n_laws) rep_buf_puts(b, "\nNo provision entered into force or stopped in the review period.\n");
    else rep_buf_putc(b, '\n');
    for (size_t i = 0; i < v.n_laws; i++) {
        rep_buf_puts(b, "- ");
        rep_brief_law(&s, doc, &v, i);
        brief_md(b, &s);
        rep_buf_putc(b, '\n');
    }
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
    rep_buf_puts(b, "\n## Disputed or uncertain\n\n");
    if (!v.n_conflicts) rep_buf_puts(b, "No recorded conflict between sources bears on what this brief shows.\n");
    for (size_t i = 0; i < v.n_conflicts; i++) {
        rep_buf_puts(b, "- ");
        rep_brief_conflict(&s, doc, &v, i);
        brief_md(b, &s);
        rep_buf_putc(b, '\n');
    }
    brief_md_caveat(b, doc);
    sources_block(b, doc, m, &v.cites);
    rep_brief_view_free(&v);
}
