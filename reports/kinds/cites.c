/* cites.c: the numbering of the sources a document cites, so that every format numbers them
 * alike, and the conflicts it shows (kinds.h). */
#include <stdlib.h>

#include "kinds.h"

static bool cites_init(rep_cites *c, const ilo_model *m, size_t country)
{
    c->n = 0;
    c->num = calloc(m->n_sources + 1, sizeof *c->num);
    c->order = calloc(m->n_sources + 1, sizeof *c->order);
    c->shown = calloc(m->countries[country].n_conflicts + 1, sizeof *c->shown);
    if (c->num && c->order && c->shown) return true;
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

/* The versions' sources of the conflicts shown, numbered after everything else. */
static void cite_conflicts(rep_cites *c, const ilo_country *co)
{
    for (size_t i = 0; i < co->n_conflicts; i++)
        for (size_t k = 0; c->shown[i] && k < co->conflicts[i].n_versions; k++)
            cite(c, co->conflicts[i].versions[k].sources, co->conflicts[i].versions[k].n_sources);
}

bool rep_cites_assessment(rep_cites *c, const rep_assessment *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    if (!cites_init(c, m, r->country)) return false;
    for (size_t i = 0; i < r->n_findings; i++) cite(c, r->findings[i].sources, r->findings[i].n_sources);
    cite_published(c, m, r->country, r->year);
    const ilo_country *co = &m->countries[r->country];
    for (size_t i = 0; i < co->n_events; i++)
        if (ilo_event_supervisory_in(&co->events[i], r->year)) cite(c, co->events[i].sources, co->events[i].n_sources);
    for (size_t i = 0; i < co->n_conflicts; i++)
        c->shown[i] = ilo_result_conflict_shown(m, doc->profile, r, &co->conflicts[i], c->num);
    cite_conflicts(c, co);
    return true;
}

static void cite_finding(void *arg, const ilo_finding *f, bool entered)
{
    (void)entered;
    cite(arg, f->sources, f->n_sources);
}

bool rep_cites_trend(rep_cites *c, const rep_trend_doc *doc, const size_t *ch, size_t n)
{
    const ilo_model *m = doc->model;
    const ilo_trend *t = doc->trend;
    if (!cites_init(c, m, doc->profile->country)) return false;
    for (size_t i = 0; i < t->n; i++) cite_published(c, m, doc->profile->country, t->years[i]->year);
    for (size_t k = 0; k < n; k++) ilo_trend_changed_items(t, ch[k], cite_finding, c);
    const ilo_country *co = &m->countries[doc->profile->country];
    for (size_t i = 0; i < co->n_conflicts; i++)
        c->shown[i] = ilo_trend_conflict_shown(m, doc->profile, t, ch, n, &co->conflicts[i], c->num);
    cite_conflicts(c, co);
    return true;
}

void rep_cites_free(rep_cites *c)
{
    free(c->num);
    free(c->order);
    free(c->shown);
    c->num = c->order = NULL;
    c->shown = NULL;
    c->n = 0;
}
