/* view.c: what the builders share that is about the document, not the results: the numbering of
 * cited sources (so that every format numbers them alike), a few words for the reader, and the
 * comparison's year differences and columns read through the engine (ilo_year_diff_of). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

bool rep_coverage_note(const ilo_model *m, const ilo_result *r, char *out, size_t n)
{
    size_t c[3];
    ilo_result_status_counts(m, r, c);
    out[0] = '\0';
    if (!c[ILO_NOT_ASSESSED]) return false;
    if (c[ILO_NOT_ASSESSED] == m->n_criteria)
        snprintf(out, n, "Caution: nothing is assessed in %d. Nothing is coded and no admissible source dated %d "
                         "states what it examined, so there is no score: no evidence, not compliance.", r->year, r->year);
    else
        snprintf(out, n, "Caution: %zu of %zu criteria %s not assessed in %d; unknown, not compliant.",
                 c[ILO_NOT_ASSESSED], m->n_criteria, c[ILO_NOT_ASSESSED] == 1 ? "is" : "are", r->year);
    return true;
}

void rep_changes_of(const ilo_model *m, const ilo_trend *t, rep_changes *out)
{
    out->n = t ? ilo_trend_largest_changes(m, t, out->idx, REP_MAX_CHANGES) : 0;
}

const char *rep_item_kind(const ilo_item *it) { return it->kind == ILO_ITEM_PROVISION ? "provision" : "incident"; }

const char *rep_profile_name(const char *name) { return name ? name : "baseline"; }

const char *rep_ratification(const ilo_model *m, size_t c, size_t conv, int year)
{
    switch (ilo_country_ratified(m, c, conv, year)) {
    case ILO_RAT_RATIFIED: return "ratified";
    case ILO_RAT_NOT_RATIFIED: return "not ratified";
    case ILO_RAT_DENOUNCED: return "denounced";
    case ILO_RAT_NONE: break;
    }
    return "unknown";
}

bool rep_year_diff_of(const rep_comparison *doc, size_t i, ilo_year_diff *out)
{
    return ilo_year_diff_of(doc->baseline, doc->base->years[i], doc->scenario, doc->alt->years[i], out);
}

bool rep_comparison_shows(const rep_comparison *doc, size_t conv)
{
    for (size_t i = 0; i < doc->base->n; i++)
        if (doc->base->years[i]->convention_hundredths[conv] > 0 || doc->alt->years[i]->convention_hundredths[conv] > 0) return true;
    return false;
}

/* ---- source numbering ---- */

static bool cites_init(rep_cites *c, const ilo_model *m)
{
    c->n = c->n_base = 0;
    c->num = calloc(m->n_sources + 1, sizeof *c->num);
    c->order = calloc(m->n_sources + 1, sizeof *c->order);
    if (c->num && c->order) return true;
    rep_cites_free(c);
    return false;
}

static void cite(rep_cites *c, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!c->num[src[i]]) {
            c->order[c->n++] = src[i];
            c->num[src[i]] = c->n;
        }
}

static void cite_published(rep_cites *c, const ilo_model *m, size_t country, int year)
{
    for (size_t k = 0; k < ILO_N_MEASURES; k++) {
        const ilo_published *p = ilo_country_published(m, country, ilo_measure_name(k), year);
        if (p) cite(c, p->sources, p->n_sources);
    }
}

/* Whether id names item `it` (or the text it amends: "ID@DATE"). */
static bool names_item(const char *id, const char *item)
{
    size_t n = strlen(id);
    return strncmp(id, item, n) == 0 && (item[n] == '\0' || item[n] == '@');
}

bool rep_conflict_shown(const rep_assessment *doc, const rep_cites *c, const ilo_conflict *cf)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    if (!cf->about) return false;
    for (size_t i = 0; i < r->n_findings; i++)
        if (names_item(cf->about, doc->profile->items[r->findings[i].item].id)) return true;
    const ilo_country *co = &m->countries[r->country];
    for (size_t i = 0; i < co->n_events; i++)
        if (ilo_event_supervisory_in(&co->events[i], r->year) && co->events[i].id && strcmp(co->events[i].id, cf->about) == 0)
            return true;
    for (size_t i = 0; i < c->n_base && i < c->n; i++)
        if (m->sources[c->order[i]].id && strcmp(m->sources[c->order[i]].id, cf->about) == 0) return true;
    return false;
}

bool rep_cites_assessment(rep_cites *c, const rep_assessment *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    if (!cites_init(c, m)) return false;
    for (size_t i = 0; i < r->n_findings; i++) cite(c, r->findings[i].sources, r->findings[i].n_sources);
    cite_published(c, m, r->country, r->year);
    const ilo_country *co = &m->countries[r->country];
    for (size_t i = 0; i < co->n_events; i++)
        if (ilo_event_supervisory_in(&co->events[i], r->year)) cite(c, co->events[i].sources, co->events[i].n_sources);
    c->n_base = c->n;
    for (size_t i = 0; i < co->n_conflicts; i++) {
        const ilo_conflict *cf = &co->conflicts[i];
        if (!rep_conflict_shown(doc, c, cf)) continue;
        for (size_t k = 0; k < cf->n_versions; k++) cite(c, cf->versions[k].sources, cf->versions[k].n_sources);
    }
    return true;
}

static void cite_finding(void *arg, const ilo_finding *f, bool entered)
{
    (void)entered;
    cite(arg, f->sources, f->n_sources);
}

typedef struct about_ctx {
    const rep_trend_doc *doc;
    const char *about;
    bool hit;
} about_ctx;

static void about_item(void *arg, const ilo_finding *f, bool entered)
{
    (void)entered;
    about_ctx *x = arg;
    if (names_item(x->about, x->doc->profile->items[f->item].id)) x->hit = true;
}

bool rep_trend_conflict_shown(const rep_trend_doc *doc, const rep_cites *c, const ilo_conflict *cf)
{
    if (!cf->about) return false;
    about_ctx x = {doc, cf->about, false};
    rep_changes ch;
    rep_changes_of(doc->model, doc->trend, &ch);
    for (size_t k = 0; k < ch.n && !x.hit; k++) ilo_trend_changed_items(doc->trend, ch.idx[k], about_item, &x);
    for (size_t i = 0; !x.hit && i < c->n_base && i < c->n; i++)
        if (doc->model->sources[c->order[i]].id && strcmp(doc->model->sources[c->order[i]].id, cf->about) == 0)
            x.hit = true;
    return x.hit;
}

bool rep_cites_trend(rep_cites *c, const rep_trend_doc *doc)
{
    const ilo_trend *t = doc->trend;
    if (!cites_init(c, doc->model)) return false;
    for (size_t i = 0; i < t->n; i++) cite_published(c, doc->model, doc->profile->country, t->years[i]->year);
    rep_changes ch;
    rep_changes_of(doc->model, t, &ch);
    for (size_t k = 0; k < ch.n; k++) ilo_trend_changed_items(t, ch.idx[k], cite_finding, c);
    c->n_base = c->n;
    const ilo_country *co = &doc->model->countries[doc->profile->country];
    for (size_t i = 0; i < co->n_conflicts; i++) {
        const ilo_conflict *cf = &co->conflicts[i];
        if (!rep_trend_conflict_shown(doc, c, cf)) continue;
        for (size_t k = 0; k < cf->n_versions; k++) cite(c, cf->versions[k].sources, cf->versions[k].n_sources);
    }
    return true;
}

void rep_cites_free(rep_cites *c)
{
    free(c->num);
    free(c->order);
    c->num = c->order = NULL;
    c->n = 0;
}
