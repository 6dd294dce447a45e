/* brief-review.c: the parts of a trade-review brief that answer a reviewing official's first
 * questions, as plain-text sentences every format says alike: did the regime apply to the country
 * on the as-of day (programme in force, beneficiary standing), and over which review period, on
 * which evidence, the brief reads the situation. Source numbers come from the brief's view. */
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

void rep_brief_cite_standing(rep_brief_view *v, const rep_brief_doc *doc)
{
    const ilo_brief_standing *st = &doc->standing;
    if (st->period) rep_cite(&v->cites, st->period->sources, st->period->n_sources);
    if (st->why) rep_cite(&v->cites, st->why->sources, st->why->n_sources);
    if (st->last && st->last != st->why) rep_cite(&v->cites, st->last->sources, st->last->n_sources);
}

static void period(rep_buf *b, const ilo_regime_period *p)
{
    rep_buf_printf(b, "from %s", p->from.text);
    if (p->until.prec) rep_buf_printf(b, " to %s", p->until.text);
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
        period(b, st->period);
        rep_buf_putc(b, ')');
        cites(b, v, st->period->sources, st->period->n_sources);
    } else if (st->in_force == ILO_ANSWER_NO && st->period) {
        rep_buf_printf(b, "the programme had lapsed on %s and was not in force (", st->period->until.text);
        period(b, st->period);
        rep_buf_putc(b, ')');
        cites(b, v, st->period->sources, st->period->n_sources);
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
            cites(b, v, st->why->sources, st->why->n_sources);
        }
    }
    rep_buf_putc(b, '.');
    if (st->last && st->last != st->why) {
        rep_buf_printf(b, " Latest decision on %s by then: %s, %s", name, st->last->decided.text, st->last->title);
        cites(b, v, st->last->sources, st->last->n_sources);
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
