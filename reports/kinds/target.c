/* target.c: the "what would it take" document (iloscore target, ilo_target_new): the fewest
 * provisions to repeal to reach a score or rating, or why no set of repeals does. */
#include <string.h>

#include "kinds.h"

static const char *rating(const ilo_model *m, const ilo_target *t, size_t band)
{
    const ilo_method *me = &m->methods[t->method];
    return band < me->n_bands ? me->bands[band].rating : NULL;
}

/* "1.13 (raw 10.71, rating 3)" */
static rep_value state(rep_doc *d, const ilo_model *m, const ilo_target *t, double score, int64_t raw_hundredths, size_t band)
{
    const char *r = rating(m, t, band);
    return rep_v_text(rep_doc_printf(d, "%s (raw %s%s%s)", rep_doc_hundredths(d, ilo_round2(score)),
                                     rep_doc_hundredths(d, raw_hundredths), r ? ", rating " : "", r ? r : ""));
}

static void goal(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_target *t)
{
    static const char *const outcomes[] = {"met", "found", "unreachable"};
    static const char *const whys[] = {NULL, "practice", "forced", "breakdown"};
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "goal"), REP_PROGRAMS),
                   {"rating", NULL, "goal:rating", rep_v_text(rating(m, t, t->goal_band))},
                   {"score", NULL, "goal:score",
                    t->goal_hundredths != INT64_MAX ? rep_v_hundredths(t->goal_hundredths) : rep_v_null()});
    rep_node *f = rep_fields(d, root, NULL);
    const char *want;
    if (t->goal_band != SIZE_MAX && t->goal_hundredths != INT64_MAX)
        want = rep_doc_printf(d, "rating %s or better (a score of %s or less)", rating(m, t, t->goal_band),
                              rep_doc_hundredths(d, t->goal_hundredths));
    else if (t->goal_band != SIZE_MAX) want = rep_doc_printf(d, "rating %s or better", rating(m, t, t->goal_band));
    else want = rep_doc_printf(d, "a score of %s or less (0 best)", rep_doc_hundredths(d, t->goal_hundredths));
    REP_ADD_FIELDS(d, f, {NULL, "Target", NULL, rep_v_text(want)},
                   {NULL, "Now", NULL, state(d, m, t, t->score_before, t->raw_before_hundredths, t->band_before)},
                   {"outcome", NULL, "outcome", rep_v_text(outcomes[t->outcome])},
                   {"why", NULL, "why", rep_v_text(whys[t->why])});
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "before"), REP_PROGRAMS),
                   {"score", NULL, "before:score", rep_v_hundredths(ilo_round2(t->score_before))},
                   {"raw", NULL, "before:raw", rep_v_hundredths(t->raw_before_hundredths)},
                   {"rating", NULL, "before:rating", rep_v_text(rating(m, t, t->band_before))});
}

static void after(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_target *t)
{
    if (t->outcome == ILO_TARGET_FOUND)
        REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "after"), REP_PROGRAMS),
                       {"score", NULL, "after:score", rep_v_hundredths(ilo_round2(t->score_after))},
                       {"raw", NULL, "after:raw", rep_v_hundredths(t->raw_after_hundredths)},
                       {"law", NULL, "after:law", rep_v_hundredths(ilo_round2(t->law_after))},
                       {"practice", NULL, "after:practice", rep_v_hundredths(ilo_round2(t->practice_after))},
                       {"rating", NULL, "after:rating", rep_v_text(rating(m, t, t->band_after))},
                       {"change", NULL, "change",
                        rep_v_hundredths(ilo_round2(t->score_after) - ilo_round2(t->score_before))});
    else
        rep_key(d, root, "after", rep_v_null());
    if (t->outcome == ILO_TARGET_UNREACHABLE && t->why != ILO_TARGET_WHY_BREAKDOWN)
        REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "floor"), REP_PROGRAMS),
                       {"score", NULL, "floor:score", rep_v_hundredths(ilo_round2(t->score_floor))},
                       {"raw", NULL, "floor:raw", rep_v_hundredths(t->raw_floor_hundredths)});
    else
        rep_key(d, root, "floor", rep_v_null());
}

/* What people read about the outcome, before the provisions. */
static void outcome(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_target *t)
{
    const char *s = NULL;
    if (t->outcome == ILO_TARGET_MET) s = "The target is already met: nothing to repeal.";
    else if (t->outcome == ILO_TARGET_FOUND) return;
    else if (t->why == ILO_TARGET_WHY_BREAKDOWN)
        s = rep_doc_printf(d, "the profile marks %d as a breakdown of the rule of law, so the rating is %s whatever the "
                              "law says.", t->year, rating(m, t, t->band_before));
    else if (t->why == ILO_TARGET_WHY_FORCED)
        s = rep_doc_printf(d, "an incident codes an all-encompassing criterion, which keeps the score at the worst "
                              "(%.2f) whatever the law says.", m->methods[t->method].scale);
    else
        s = rep_doc_printf(d, "even with all %zu provision%s counted in %d repealed, the score would be %s: "
                              "practice (what the incidents code) alone keeps it above the target.",
                           t->n_provisions, t->n_provisions == 1 ? "" : "s", t->year,
                           rep_doc_hundredths(d, ilo_round2(t->score_floor)));
    rep_people_para(d, root, REP_PLAIN, t->outcome == ILO_TARGET_MET ? NULL : "Unreachable", s);
}

static void repeal(rep_doc *d, rep_node *root, const rep_target_doc *in)
{
    static const rep_column cols[] = {
        {"id", "Provision", "repeal", REP_COL_ID},
        {"kind", NULL, NULL, REP_COL_ENUM},
        {"instrument", "Instrument", NULL, REP_COL_ID},
        {"article", "Article", NULL, REP_COL_ID},
        {"in_force", NULL, NULL, REP_COL_ID},
        {"repealed", NULL, NULL, REP_COL_ID},
        {"summary", "Summary", NULL, REP_COL_TEXT},
        {"criteria", "Criteria", NULL, REP_COL_ID},
    };
    const ilo_model *m = in->model;
    const ilo_target *t = in->target;
    rep_node *tb = rep_table(d, root, "repeal", cols, sizeof cols / sizeof cols[0]);
    if (tb && t->outcome == ILO_TARGET_FOUND)
        tb->title = rep_doc_printf(d, "Repeal %zu provision%s (the smallest set that meets the target):", t->n_repeal,
                                   t->n_repeal == 1 ? "" : "s");
    else rep_only(tb, REP_PROGRAMS);
    for (size_t i = 0; i < t->n_repeal; i++) {
        const ilo_item *it = &in->profile->items[t->repeal[i]];
        size_t n;
        const char *const *ids = rep_criteria_ids(d, m, &it->coded, &n);
        rep_value id = rep_v_id(it->id);
        if (strchr(it->id, '@')) id.note = rep_doc_printf(d, "the text as amended from %s", it->start.text);
        REP_ROW(d, tb, id, rep_v_text(rep_item_kind(it)), rep_v_text(it->instrument), rep_v_text(it->article),
                rep_v_text(it->start.text), rep_v_text(it->stop.prec ? it->stop.text : NULL), rep_v_text(it->summary),
                rep_v_ids(ids, n));
    }
    if (t->outcome != ILO_TARGET_FOUND) return;
    rep_node *f = rep_only(rep_fields(d, root, NULL), REP_PEOPLE);
    int64_t ch = ilo_round2(t->score_after) - ilo_round2(t->score_before);
    REP_ADD_FIELDS(d, f, {NULL, "After", NULL, state(d, m, t, t->score_after, t->raw_after_hundredths, t->band_after)},
                   {NULL, "Change", NULL,
                    rep_v_text(rep_doc_printf(d, "%s%s (law %s, practice %s after)", ch > 0 ? "+" : "",
                                              rep_doc_hundredths(d, ch), rep_doc_hundredths(d, ilo_round2(t->law_after)),
                                              rep_doc_hundredths(d, ilo_round2(t->practice_after))))});
}

static void search(rep_doc *d, rep_node *root, const ilo_target *t)
{
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, "search"), REP_PROGRAMS), {"kind", NULL, NULL, rep_v_text("exact")},
                   {"provisions", NULL, "search:provisions", rep_v_int((int64_t)t->n_provisions)},
                   {"relevant", NULL, "search:relevant", rep_v_int((int64_t)t->n_relevant)},
                   {"subsets_scored", NULL, "search:subsets_scored", rep_v_uint(t->n_subsets)},
                   {"max_relevant", NULL, NULL, rep_v_int(ILO_TARGET_MAX_PROVISIONS)},
                   {"max_subsets", NULL, NULL, rep_v_int((int64_t)ILO_TARGET_MAX_SUBSETS)});
    const char *p = NULL, *ps = t->n_provisions == 1 ? "" : "s";
    if (t->outcome == ILO_TARGET_FOUND)
        p = rep_doc_printf(d, "exact, smallest set first; %zu provision%s counted in %d, %zu of them coding a criterion "
                              "no incident codes (only those can change the score); %llu set%s scored. Ties: the "
                              "larger improvement, then the provisions first in the profile.",
                           t->n_provisions, ps, t->year, t->n_relevant, (unsigned long long)t->n_subsets,
                           t->n_subsets == 1 ? "" : "s");
    else if (t->outcome == ILO_TARGET_UNREACHABLE && t->why != ILO_TARGET_WHY_BREAKDOWN)
        p = rep_doc_printf(d, "%zu provision%s counted in %d, %zu of them coding a criterion no incident codes; "
                              "repealing all of them was scored first and misses the target, so no smaller set can "
                              "meet it.",
                           t->n_provisions, ps, t->year, t->n_relevant);
    if (p) rep_people_para(d, root, REP_RULE, "Search", p);
}

rep_doc *rep_build_target(const rep_target_doc *in)
{
    const ilo_model *m = in->model;
    const ilo_target *t = in->target;
    const ilo_country *co = &m->countries[t->country];
    rep_doc *d = rep_kind_doc("target");
    if (!d) return NULL;
    d->title = rep_doc_printf(d, "%s (%s), %d: what would it take?", co->name, co->code, t->year);
    rep_node *root = &d->root;
    root->scope = (rep_scope){co->code, t->year, m->methods[t->method].id};
    rep_add_header(d, root, m, t->country, t->method, in->n_scenarios ? "after the scenarios" : NULL);
    rep_add_scenarios(d, root, m, in->scenarios, in->n_scenarios);
    rep_key(d, root, "year", rep_v_int(t->year));
    goal(d, root, m, t);
    after(d, root, m, t);
    outcome(d, root, m, t);
    repeal(d, root, in);
    search(d, root, t);
    return d;
}
