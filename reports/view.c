/* view.c: reading a document: lookups, year-to-year changes and source numbering that every
 * renderer shares, so that all formats say the same thing in the same order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char rep_direction_rule[] =
    "improving when slope + 2 se < 0, worsening when slope - 2 se > 0, stable otherwise; "
    "no direction with fewer than three years";

const char *const rep_measures[REP_NMEASURES] = {"sdg-8.8.2", "ituc"};

const ilo_published *rep_published(const ilo_model *m, size_t c, const char *measure, int year)
{
    if (c >= m->n_countries) return NULL; /* a coding sheet's country the data does not hold */
    const ilo_country *co = &m->countries[c];
    for (size_t i = 0; i < co->n_published; i++) {
        const ilo_published *p = &co->published[i];
        if (p->year == year && p->measure && strcmp(p->measure, measure) == 0) return p;
    }
    return NULL;
}

bool rep_parse_hundredths(const char *s, int64_t *out)
{
    if (!s || *s < '0' || *s > '9') return false;
    int64_t v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > INT64_MAX / 1000) return false;
        v = v * 10 + (*s - '0');
    }
    int decimals = 0, frac = 0;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9' && decimals < 3; s++, decimals++) frac = frac * 10 + (*s - '0');
        if (decimals == 0 || decimals > 2) return false;
    }
    if (*s) return false;
    if (decimals == 1) frac *= 10;
    *out = v * 100 + frac;
    return true;
}

bool rep_event_is_ilo(const ilo_event *e)
{
    static const char *const ilo[] = {"ceacr", "cas", "cfa", "mission"};
    for (size_t i = 0; i < sizeof ilo / sizeof ilo[0]; i++)
        if (e->kind && strcmp(e->kind, ilo[i]) == 0) return true;
    return false;
}

bool rep_event_shown(const ilo_event *e, int year) { return e->date.year == year && rep_event_is_ilo(e); }

const ilo_finding *rep_finding_of(const ilo_result *r, size_t item)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].item == item) return &r->findings[i];
    return NULL;
}

int64_t rep_score_hundredths(const ilo_result *r) { return ilo_round2(r->score); }

bool rep_coverage_note(const ilo_model *m, const ilo_result *r, char *out, size_t n)
{
    size_t c[3];
    rep_status_counts(m, r, c);
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

static bool part_assessed(const ilo_model *m, const ilo_result *r, size_t k, bool group)
{
    for (size_t i = 0; i < m->n_criteria; i++) {
        size_t part = group ? m->criteria[i].group : m->criteria[i].convention;
        if (part == k && ilo_result_status(r, i) != ILO_NOT_ASSESSED) return true;
    }
    return false;
}

bool rep_convention_assessed(const ilo_model *m, const ilo_result *r, size_t k) { return part_assessed(m, r, k, false); }

bool rep_group_assessed(const ilo_model *m, const ilo_result *r, size_t k) { return part_assessed(m, r, k, true); }

bool rep_convention_in_trend(const ilo_model *m, const ilo_trend *t, size_t k)
{
    for (size_t i = 0; i < t->n; i++)
        for (size_t c = 0; c < m->n_criteria; c++)
            if (m->criteria[c].convention == k && ilo_result_status(t->years[i], c) != ILO_NOT_ASSESSED) return true;
    return false;
}

void rep_status_counts(const ilo_model *m, const ilo_result *r, size_t n[3])
{
    n[0] = n[1] = n[2] = 0;
    for (size_t k = 0; k < m->n_criteria; k++) n[ilo_result_status(r, k)]++;
}

static int64_t change_of(const ilo_trend *t, size_t i)
{
    int64_t d = rep_score_hundredths(t->years[i]) - rep_score_hundredths(t->years[i - 1]);
    return d < 0 ? -d : d;
}

size_t rep_largest_changes(const ilo_model *m, const ilo_trend *t, size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 1; i < t->n; i++) {
        if (!ilo_result_assessed(m, t->years[i]) || !ilo_result_assessed(m, t->years[i - 1])) continue;
        int64_t d = change_of(t, i);
        if (d == 0) continue;
        /* Insertion into a short sorted list: larger change first, earlier year on ties. */
        size_t at = n;
        while (at > 0 && change_of(t, out[at - 1]) < d) at--;
        if (at >= max) continue;
        size_t last = n < max ? n : max - 1;
        for (size_t k = last; k > at; k--) out[k] = out[k - 1];
        out[at] = i;
        if (n < max) n++;
    }
    return n;
}

void rep_changes_of(const ilo_model *m, const ilo_trend *t, rep_changes *out)
{
    out->n = t ? rep_largest_changes(m, t, out->idx, REP_MAX_CHANGES) : 0;
}

void rep_changed_items(const ilo_trend *t, size_t i, rep_item_fn fn, void *arg)
{
    const ilo_result *now = t->years[i], *before = t->years[i - 1];
    for (size_t k = 0; k < now->n_findings; k++)
        if (!rep_finding_of(before, now->findings[k].item)) fn(arg, &now->findings[k], true);
    for (size_t k = 0; k < before->n_findings; k++)
        if (!rep_finding_of(now, before->findings[k].item)) fn(arg, &before->findings[k], false);
}

const ilo_band *rep_band(const ilo_model *m, const ilo_result *r)
{
    const ilo_method *me = &m->methods[r->method];
    return r->band < me->n_bands ? &me->bands[r->band] : NULL;
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

const char *rep_window_name(ilo_window w)
{
    return w == ILO_WINDOW_OCCURRENCE ? "occurrence" : w == ILO_WINDOW_CARRY_FORWARD ? "carry-forward" : "evidence";
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
    for (size_t k = 0; k < REP_NMEASURES; k++) {
        const ilo_published *p = rep_published(m, country, rep_measures[k], year);
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
        if (rep_event_shown(&co->events[i], r->year) && co->events[i].id && strcmp(co->events[i].id, cf->about) == 0)
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
        if (rep_event_shown(&co->events[i], r->year)) cite(c, co->events[i].sources, co->events[i].n_sources);
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
    for (size_t k = 0; k < ch.n && !x.hit; k++) rep_changed_items(doc->trend, ch.idx[k], about_item, &x);
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
    for (size_t k = 0; k < ch.n; k++) rep_changed_items(t, ch.idx[k], cite_finding, c);
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
