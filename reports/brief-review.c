/* brief-review.c: the parts of a trade-review brief that answer a reviewing official's first
 * questions, as plain-text sentences every format says alike: did the regime apply to the country
 * on the as-of day (programme in force, beneficiary standing), and over which review period, on
 * which evidence, the brief reads the situation. Source numbers come from the brief's view. */
#include <stdlib.h>
#include <string.h>

#include "brief.h"

static void cites(rep_buf *b, const rep_brief_view *v, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++) rep_buf_printf(b, " [%zu]", v->cites.num[src[i]]);
}

/* YYYY-MM-DD of a day counted from 1970-01-01 (proleptic Gregorian; H. Hinnant's civil_from_days). */
static void day_text(rep_buf *b, int32_t day)
{
    int64_t z = (int64_t)day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1, mo = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (mo <= 2);
    rep_buf_printf(b, "%04d-%02d-%02d", (int)y, (int)mo, (int)d);
}

static const char *standing_words(ilo_benefit s)
{
    switch (s) {
    case ILO_BENEFIT_YES: return "a beneficiary";
    case ILO_BENEFIT_PARTIAL: return "a beneficiary with preferences withdrawn for part of its products";
    case ILO_BENEFIT_SUSPENDED: return "suspended from the programme";
    case ILO_BENEFIT_WITHDRAWN: return "withdrawn from the programme";
    case ILO_BENEFIT_NOT_ELIGIBLE: return "not a beneficiary";
    case ILO_BENEFIT_UNKNOWN: break;
    }
    return "of unknown standing";
}

const char *rep_answer_name(ilo_answer a)
{
    return a == ILO_ANSWER_YES ? "yes" : a == ILO_ANSWER_NO ? "no" : "unknown";
}

/* Whether source may be cited as of the brief's day: always on all the evidence; under --as-of
 * only when published by the day (ilo_model_as_of() leaves the regimes' own sources alone). */
static bool citable(const rep_brief_doc *doc, size_t source)
{
    const ilo_date *d = &doc->model->sources[source].date;
    return !doc->as_of_given || !d->prec || d->last <= doc->standing.day;
}

static void cite_by(rep_brief_view *v, const rep_brief_doc *doc, const size_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (citable(doc, src[i])) rep_cite(&v->cites, &src[i], 1);
}

/* Cites the sources citable as of the day; says so when there is none. */
static void cites_by(rep_buf *b, const rep_brief_view *v, const rep_brief_doc *doc, const size_t *src, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (citable(doc, src[i])) {
            rep_buf_printf(b, " [%zu]", v->cites.num[src[i]]);
            k++;
        }
    if (n && !k) rep_buf_puts(b, " (its sources in the data were published after the as-of day)");
}

void rep_brief_cite_standing(rep_brief_view *v, const rep_brief_doc *doc)
{
    const ilo_brief_standing *st = &doc->standing;
    if (st->period) cite_by(v, doc, st->period->sources, st->period->n_sources);
    if (st->why) cite_by(v, doc, st->why->sources, st->why->n_sources);
    if (st->last && st->last != st->why) cite_by(v, doc, st->last->sources, st->last->n_sources);
}

/* A period as known on day: an end after the day is not yet known then. */
static void period(rep_buf *b, const ilo_regime_period *p, int32_t day)
{
    rep_buf_printf(b, "from %s", p->from.text);
    if (p->until.prec && p->until.first <= day) rep_buf_printf(b, " to %s", p->until.text);
}

void rep_brief_applicability(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v)
{
    const ilo_brief_standing *st = &doc->standing;
    const char *name = doc->model->countries[doc->result->country].name;
    rep_buf_puts(b, "On ");
    day_text(b, st->day);
    if (st->applies == ILO_ANSWER_NO) rep_buf_printf(b, " the regime did not apply to %s: ", name);
    else if (st->applies == ILO_ANSWER_YES) rep_buf_printf(b, " the regime applied to %s: ", name);
    else rep_buf_puts(b, ", whether the regime applied is not established by its data: ");
    if (st->in_force == ILO_ANSWER_YES) {
        rep_buf_puts(b, "the programme was in force (");
        period(b, st->period, st->day);
        rep_buf_putc(b, ')');
        cites_by(b, v, doc, st->period->sources, st->period->n_sources);
    } else if (st->in_force == ILO_ANSWER_NO && st->period) {
        rep_buf_printf(b, "the programme had lapsed on %s and was not in force (", st->period->until.text);
        period(b, st->period, st->day);
        rep_buf_putc(b, ')');
        cites_by(b, v, doc, st->period->sources, st->period->n_sources);
    } else if (st->in_force == ILO_ANSWER_NO) {
        rep_buf_puts(b, "the programme was not in force");
    } else {
        rep_buf_puts(b, "when the programme was in force is not recorded");
    }
    if (st->benefit == ILO_BENEFIT_UNKNOWN) {
        rep_buf_printf(b, "; the regime data do not record %s's standing under it", name);
    } else {
        rep_buf_printf(b, "; %s was ", name);
        rep_buf_puts(b, standing_words(st->benefit));
        if (st->implied) rep_buf_puts(b, " (implied by a later withdrawal or suspension)");
        else if (st->why) {
            rep_buf_printf(b, " from %s (%s)", st->why->effective.text, st->why->title);
            cites_by(b, v, doc, st->why->sources, st->why->n_sources);
        }
    }
    rep_buf_putc(b, '.');
    if (st->last && st->last != st->why) {
        rep_buf_printf(b, " Latest decision on %s by then: %s, %s", name, st->last->decided.text, st->last->title);
        cites_by(b, v, doc, st->last->sources, st->last->n_sources);
        rep_buf_putc(b, '.');
    }
    rep_buf_puts(b, st->applies == ILO_ANSWER_NO
                        ? " What follows is an illustrative assessment against the regime's criteria only: no "
                          "review under the regime could have taken place on that day."
                        : " What follows is an illustrative assessment against the regime's criteria: this "
                          "project's reading of the evidence, not the regime's determination.");
}

void rep_brief_period(rep_buf *b, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_result *r = doc->result;
    int from = doc->window_from ? doc->window_from : r->year;
    rep_buf_puts(b, "The situation as of ");
    day_text(b, doc->standing.day);
    if (doc->as_of_given) rep_buf_puts(b, ", on the evidence published by that day (evidence as of ");
    else rep_buf_puts(b, ", on all the evidence in the data, including texts published later (evidence as of ");
    if (doc->as_of_given) day_text(b, doc->standing.day);
    else rep_buf_puts(b, "the latest in the data");
    rep_buf_printf(b, "), over the review period %d-%d (%d year%s), under method %s.", from, r->year,
                   r->year - from + 1, r->year == from ? "" : "s", m->methods[r->method].id);
    if (doc->sdg) {
        rep_buf_printf(b, " Beside it, the SDG 8.8.2 reading of %d (method %s, this engine): ", r->year,
                       m->methods[doc->sdg->method].id);
        if (ilo_result_assessed(m, doc->sdg)) {
            rep_buf_puts(b, "score ");
            rep_buf_hundredths(b, rep_score_c(doc->sdg));
            rep_buf_putc(b, '.');
        } else {
            rep_buf_puts(b, "nothing assessed, no score.");
        }
    }
    rep_buf_putc(b, ' ');
    rep_buf_puts(b, ilo_brief_window_rule);
}

/* ---- progress: recommendations and law changes ---- */

/* A provision's change in [d0, d1]: its entry into force or its stop; NULL when none. A change
 * on a day the date does not fix (a year, a month) counts when the whole of it has passed d0's
 * start and its last day is by d1. */
static const ilo_date *law_change(const ilo_item *it, int32_t d0, int32_t d1, const char **how)
{
    if (it->kind != ILO_ITEM_PROVISION) return NULL;
    if (it->stop.prec && it->stop.first >= d0 && it->stop.last <= d1) {
        *how = "repealed or replaced";
        return &it->stop;
    }
    if (it->start.prec && it->start.first >= d0 && it->start.last <= d1) {
        *how = "entered into force";
        return &it->start;
    }
    return NULL;
}

const ilo_date *rep_brief_law_date(const rep_brief_doc *doc, const rep_brief_view *v, size_t i, const char **how)
{
    int from = doc->window_from ? doc->window_from : doc->result->year;
    return law_change(&doc->profile->items[v->laws[i]], ilo_year_first_day(from), doc->standing.day, how);
}

/* Whether a conflict is about something the brief shows: a finding's item, an event of its
 * records, a source it cites. */
static bool conflict_shown(const rep_brief_doc *doc, const rep_brief_view *v, const ilo_conflict *cf)
{
    const ilo_model *m = doc->model;
    const ilo_country *co = &m->countries[doc->result->country];
    for (size_t i = 0; i < v->n_findings; i++)
        if (!strcmp(doc->profile->items[doc->result->findings[v->findings[i]].item].id, cf->about)) return true;
    for (size_t i = 0; i < v->n_events; i++)
        if (!strcmp(co->events[v->events[i]].id, cf->about)) return true;
    for (size_t i = 0; i < v->n_trade; i++)
        if (!strcmp(co->events[v->trade[i]].id, cf->about)) return true;
    for (size_t i = 0; i < v->cites.n; i++)
        if (!strcmp(m->sources[v->cites.order[i]].id, cf->about)) return true;
    return false;
}

bool rep_brief_progress_init(rep_brief_view *v, const rep_brief_doc *doc)
{
    const ilo_model *m = doc->model;
    const ilo_country *co = &m->countries[doc->result->country];
    const ilo_profile *p = doc->profile;
    int32_t day = doc->standing.day;
    v->recs = calloc(co->n_recommendations + 1, sizeof *v->recs);
    v->laws = calloc(p->n_items + 1, sizeof *v->laws);
    if (!v->recs || !v->laws) return false;
    for (size_t i = 0; i < co->n_recommendations; i++) {
        const ilo_recommendation *r = &co->recommendations[i];
        const ilo_rec_status *st = ilo_rec_status_on(r, day);
        if (!st) continue;
        v->recs[v->n_recs++] = i;
        rep_cite(&v->cites, r->sources, r->n_sources);
        for (const ilo_rec_status *s = r->status; s <= st; s++) rep_cite(&v->cites, s->sources, s->n_sources);
    }
    int from = doc->window_from ? doc->window_from : doc->result->year;
    int32_t d0 = ilo_year_first_day(from);
    v->conflicts = calloc(co->n_conflicts + 1, sizeof *v->conflicts);
    if (!v->conflicts) return false;
    for (size_t i = 0; i < p->n_items; i++) {
        const char *how;
        const ilo_date *d = law_change(&p->items[i], d0, day, &how);
        if (!d) continue;
        size_t at = v->n_laws++;
        for (; at > 0; at--) {
            const ilo_date *e = law_change(&p->items[v->laws[at - 1]], d0, day, &how);
            if (e->first <= d->first) break;
            v->laws[at] = v->laws[at - 1];
        }
        v->laws[at] = i;
        rep_cite(&v->cites, p->items[i].sources, p->items[i].n_sources);
    }
    for (size_t i = 0; i < co->n_conflicts; i++)
        if (conflict_shown(doc, v, &co->conflicts[i])) {
            v->conflicts[v->n_conflicts++] = i;
            for (size_t k = 0; k < co->conflicts[i].n_versions; k++)
                rep_cite(&v->cites, co->conflicts[i].versions[k].sources, co->conflicts[i].versions[k].n_sources);
        }
    return true;
}

const char *rep_brief_rec_state(const rep_brief_doc *doc, const rep_brief_view *v, size_t i)
{
    const ilo_recommendation *r = &doc->model->countries[doc->result->country].recommendations[v->recs[i]];
    return ilo_rec_state_name(ilo_rec_status_on(r, doc->standing.day)->state);
}

static const char *body_name(const char *body)
{
    if (!strcmp(body, "ceacr")) return "CEACR";
    if (!strcmp(body, "cas")) return "CAS";
    if (!strcmp(body, "cfa")) return "CFA";
    if (!strcmp(body, "mission")) return "ILO mission";
    if (!strcmp(body, "trade")) return "Trade partner";
    return "Other";
}

/* The finding number of model item `item` in the brief, or 0. */
static size_t finding_num(const rep_brief_doc *doc, const rep_brief_view *v, size_t item)
{
    const ilo_result *r = doc->result;
    for (size_t f = 0; f < r->n_findings; f++)
        if (v->fnum[f] && !strcmp(doc->profile->items[r->findings[f].item].id, doc->model->items[item].id))
            return v->fnum[f];
    return 0;
}

void rep_brief_rec(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, size_t i)
{
    const ilo_model *m = doc->model;
    const ilo_recommendation *r = &m->countries[doc->result->country].recommendations[v->recs[i]];
    const ilo_rec_status *st = ilo_rec_status_on(r, doc->standing.day);
    rep_buf_printf(b, "%s, %s (%s): %s", body_name(r->body), r->date.text, r->id, r->asked);
    cites(b, v, r->sources, r->n_sources);
    if (r->n_items) {
        rep_buf_puts(b, " Concerns: ");
        for (size_t k = 0; k < r->n_items; k++) {
            size_t f = finding_num(doc, v, r->items[k]);
            rep_buf_printf(b, "%s%s", k ? ", " : "", m->items[r->items[k]].id);
            if (f) rep_buf_printf(b, " (F%zu)", f);
        }
        rep_buf_putc(b, '.');
    }
    rep_buf_printf(b, " Status on the as-of day: %s, since %s", ilo_rec_state_name(st->state), st->date.text);
    cites(b, v, st->sources, st->n_sources);
    rep_buf_putc(b, '.');
    if (st->note) rep_buf_printf(b, " %s", st->note);
    if (st != r->status) {
        rep_buf_puts(b, " Before:");
        for (const ilo_rec_status *s = r->status; s < st; s++) {
            rep_buf_printf(b, "%s %s %s", s == r->status ? "" : ";", ilo_rec_state_name(s->state), s->date.text);
            cites(b, v, s->sources, s->n_sources);
        }
        rep_buf_putc(b, '.');
    }
}

void rep_brief_law(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, size_t i)
{
    const char *how;
    const ilo_date *d = rep_brief_law_date(doc, v, i, &how);
    const ilo_item *it = &doc->profile->items[v->laws[i]];
    rep_buf_printf(b, "%s %s: provision %s (%s, %s)", d->text, how, it->id, it->instrument, it->article);
    cites(b, v, it->sources, it->n_sources);
    rep_buf_putc(b, '.');
}

void rep_brief_conflict(rep_buf *b, const rep_brief_doc *doc, const rep_brief_view *v, size_t i)
{
    const ilo_conflict *cf = &doc->model->countries[doc->result->country].conflicts[v->conflicts[i]];
    rep_buf_printf(b, "%s, %s: ", cf->about, cf->field);
    for (size_t k = 0; k < cf->n_versions; k++) {
        rep_buf_printf(b, "%s\"%s\"", k ? " or " : "", cf->versions[k].value);
        cites(b, v, cf->versions[k].sources, cf->versions[k].n_sources);
    }
    rep_buf_printf(b, ". Used: \"%s\". %s", cf->used, cf->note);
}

void rep_brief_later(rep_buf *b, const rep_brief_doc *doc, size_t source)
{
    const ilo_date *d = &doc->model->sources[source].date;
    if (d->prec && d->first > doc->standing.day) rep_buf_puts(b, " (published after the as-of day)");
}
