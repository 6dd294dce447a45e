/* sensitivity.c: the sensitivity document (iloscore sensitivity): score (and, for every
 * country, rank) percentiles over Monte Carlo draws of the criterion weights, year by year when
 * every country is run over several years; for one country the uncertainty of the coding itself
 * (coding()); and the impact of leaving out each criteria group. */
#include <stdlib.h>

#include "kinds.h"

static const char *impact_meaning(const ilo_sensitivity *s)
{
    return s->opts.all ? "mean absolute rank change over the ranked countries and the draws"
                       : "mean absolute score change over the assessed years and the draws";
}

static void rule_of(rep_buf *out, const ilo_sensitivity *s)
{
    const ilo_sens_opts *o = &s->opts;
    rep_buf_printf(out,
                   "Monte Carlo over the criterion weights: %zu draws, seed %llu. In each draw every criterion's "
                   "weight is multiplied by 1 + u, with u drawn uniformly on [-",
                   o->draws, (unsigned long long)o->seed);
    rep_buf_fixed(out, o->spread, 2, "?");
    rep_buf_puts(out, "%, +");
    rep_buf_fixed(out, o->spread, 2, "?");
    rep_buf_puts(out,
                 "%] for each criterion independently (GSL gsl_ran_flat; draw d uses gsl_rng_mt19937 seeded with "
                 "1 + (splitmix64(seed) + d) mod (2^32 - 1), so the results do not depend on the number of "
                 "threads). What is coded, the cap, the scale and the all-encompassing rule stay as evaluated. "
                 "Percentiles 5, 50 and 95 over the draws are GSL's gsl_stats_quantile_from_sorted_data (linear "
                 "interpolation between order statistics). Leaving a group out gives its criteria weight 0 and its "
                 "all-encompassing criteria no force; its impact is the ");
    rep_buf_puts(out, impact_meaning(s));
    rep_buf_puts(out, ".");
}

enum { U_STATUS, U_CODE, U_YEAR, U_ASSESSED, U_SCORE, U_RAW, U_P5, U_P50, U_P95, U_RANK, U_R5, U_R50, U_R95 };

static const rep_column unit_cols[] = {
    {NULL, NULL, "status", REP_COL_ENUM},
    {"code", "Code", NULL, REP_COL_ID, NULL, REP_SCOPE_COUNTRY},
    {"year", "Year", NULL, REP_COL_ID, NULL, REP_SCOPE_YEAR},
    {"assessed", NULL, NULL, REP_COL_ENUM},
    {"score", "Score", "score", REP_COL_NUMBER},
    {"raw", NULL, NULL, REP_COL_NUMBER},
    {"score_p5", "5%", "score:p5", REP_COL_NUMBER},
    {"score_p50", "50%", "score:p50", REP_COL_NUMBER},
    {"score_p95", "95%", "score:p95", REP_COL_NUMBER},
    {"rank", "Rank", "rank", REP_COL_NUMBER},
    {"rank_p5", "Rank 5%", "rank:p5", REP_COL_NUMBER},
    {"rank_p50", "Rank 50%", "rank:p50", REP_COL_NUMBER},
    {"rank_p95", "Rank 95%", "rank:p95", REP_COL_NUMBER},
};

static void unit_row(rep_doc *d, rep_node *t, const ilo_sensitivity *s, const ilo_sens_unit *un)
{
    bool all = s->opts.all;
    size_t row = REP_ROW(d, t, rep_v_text(un->assessed ? (all ? "ranked" : "assessed") : "not_assessed"),
                         rep_v_id(un->code), rep_v_int(un->year), rep_v_bool(un->assessed));
    if (!un->assessed) {
        rep_row_span(d, t, row, rep_na_text);
        REP_CELLS(d, t, row, U_SCORE, rep_v_na(NULL), rep_v_na(NULL));
        return;
    }
    REP_CELLS(d, t, row, U_SCORE, rep_v_hundredths(ilo_round2(un->score)), rep_v_hundredths(un->raw_hundredths),
              rep_v_fixed(un->p5, 4, 2), rep_v_fixed(un->p50, 4, 2), rep_v_fixed(un->p95, 4, 2));
    if (all)
        REP_CELLS(d, t, row, U_RANK, rep_v_int(un->rank), rep_v_fixed(un->rank_p5, 2, 1),
                  rep_v_fixed(un->rank_p50, 2, 1), rep_v_fixed(un->rank_p95, 2, 1));
}

/* The intervals as a chart: ranks from 1 (left) with all, else scores from 0 (left). */
static void chart(rep_doc *d, rep_node *parent, const ilo_model *m, const ilo_sensitivity *s,
                  const ilo_sens_unit *const *order)
{
    bool all = s->opts.all;
    double max = all ? (double)(s->n_assessed > 1 ? s->n_assessed : 2) : m->methods[s->opts.method].scale;
    rep_node *c = rep_series(d, parent,
                             all ? "Rank over the draws: 5th to 95th percentile (bar), point rank (dot); rank 1 left"
                                 : "Score over the draws: 5th to 95th percentile (bar), point score (dot); 0 best",
                             all ? 1 : 0, max);
    for (size_t k = 0; k < s->n_units; k++) {
        const ilo_sens_unit *un = order[k];
        if (!un->assessed) continue;
        if (all && s->opts.to > s->opts.from)
            rep_point_add(d, c, rep_doc_printf(d, "%d %s", un->year, un->code), un->rank_p5, (double)un->rank, un->rank_p95);
        else if (all) rep_point_add(d, c, un->code, un->rank_p5, (double)un->rank, un->rank_p95);
        else rep_point_add(d, c, rep_doc_printf(d, "%d", un->year), un->p5, un->score, un->p95);
    }
}

static void groups(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_sensitivity *s)
{
    static const rep_column cols[] = {
        {"group", "Group", NULL, REP_COL_ID},
        {"title", "Title", NULL, REP_COL_TEXT},
        {"coded", NULL, NULL, REP_COL_ENUM},
        {"impact", "Impact", NULL, REP_COL_NUMBER},
        {NULL, NULL, "leave_out", REP_COL_NUMBER}, /* CSV: empty for a group nothing codes */
    };
    const ilo_sens_opts *o = &s->opts;
    rep_node *sec = rep_section(d, root, NULL, "Leaving out one criteria group");
    rep_para_text(d, sec, "impact", REP_RULE, "Impact", impact_meaning(s));
    rep_node *t = rep_table(d, sec, "leave_one_group_out", cols, sizeof cols / sizeof cols[0]);
    if (t) t->scope = (rep_scope){o->all ? "" : m->countries[o->country].code, o->all ? o->from : 0, t->scope.method};
    for (size_t g = 0; g < s->n_groups; g++) {
        const ilo_sens_group *sg = &s->groups[g];
        const ilo_group *gr = &m->groups[sg->group];
        REP_ROW(d, t, rep_v_id(gr->id), rep_noted(rep_v_text(gr->title), sg->coded ? NULL : "nothing coded"),
                rep_v_bool(sg->coded), rep_v_fixed(sg->impact, 4, 3),
                rep_measured(sg->coded ? rep_v_fixed(sg->impact, 4, 0) : rep_v_text(""),
                             rep_doc_printf(d, "leave_out:%s", gr->id)));
    }
}

/* ---- coding uncertainty (one country from the model) ---- */

enum { K_YEAR, K_SCORE, K_W, K_T, K_T_LOW, K_T_HIGH, K_T_W, K_UNASSESSING, K_WIN, K_WIN_LOW, K_WIN_HIGH, K_WIN_W,
       K_D, K_D_LOW, K_D_HIGH, K_D_W, K_DOMINANT };

/* People see each band as "low-high" beside its width; programs the two ends apart. */
static const rep_column kind_cols[] = {
    {"year", "Year", NULL, REP_COL_ID, NULL, REP_SCOPE_YEAR},
    {"score", "Score", NULL, REP_COL_NUMBER},
    {"weights_width", "Weights", "coding:weights_width", REP_COL_NUMBER},
    {NULL, "Texts", NULL, REP_COL_ID},
    {"texts_low", NULL, "coding:texts_low", REP_COL_NUMBER},
    {"texts_high", NULL, "coding:texts_high", REP_COL_NUMBER},
    {"texts_width", "Width", "coding:texts_width", REP_COL_NUMBER},
    {"texts_unassessing", NULL, "coding:texts_unassessing", REP_COL_NUMBER},
    {NULL, "Window", NULL, REP_COL_ID},
    {"window_low", NULL, "coding:window_low", REP_COL_NUMBER},
    {"window_high", NULL, "coding:window_high", REP_COL_NUMBER},
    {"window_width", "Width", "coding:window_width", REP_COL_NUMBER},
    {NULL, "Dates", NULL, REP_COL_ID},
    {"source_dates_low", NULL, "coding:source_dates_low", REP_COL_NUMBER},
    {"source_dates_high", NULL, "coding:source_dates_high", REP_COL_NUMBER},
    {"source_dates_width", "Width", "coding:source_dates_width", REP_COL_NUMBER},
    {"dominant", "Dominant", "coding:dominant", REP_COL_ENUM},
};

/* A band's cells: people's "low-high", programs' low, high and the width. */
static void band(rep_doc *d, rep_node *t, size_t row, size_t at, double low, double high, double width)
{
    rep_buf b = REP_BUF_INIT;
    rep_buf_fixed(&b, low, 2, "-");
    rep_buf_putc(&b, '-');
    rep_buf_fixed(&b, high, 2, "-");
    REP_CELLS(d, t, row, at, rep_v_text(rep_doc_take(d, &b)), rep_v_fixed(low, 4, 2), rep_v_fixed(high, 4, 2),
              rep_v_fixed(width, 4, 2));
}

/* One row per assessed year: each kind's band and width side by side, and the widest. */
static void coding_kinds(rep_doc *d, rep_node *sec, const ilo_sensitivity *s)
{
    rep_node *t = rep_table(d, sec, "by_kind", kind_cols, sizeof kind_cols / sizeof kind_cols[0]);
    for (size_t u = 0; u < s->n_units; u++) {
        const ilo_sens_unit *un = &s->units[u];
        const ilo_sens_coding *c = &s->coding[u];
        if (!un->assessed) continue;
        size_t row = REP_ROW(d, t, rep_v_int(un->year), rep_v_hundredths(ilo_round2(un->score)),
                             rep_v_fixed(c->width[ILO_SENS_WEIGHTS], 4, 2));
        band(d, t, row, K_T, c->text_low, c->text_high, c->width[ILO_SENS_TEXTS]);
        rep_cell(d, t, row, K_UNASSESSING, rep_v_int((int64_t)c->n_unassessing));
        band(d, t, row, K_WIN, c->window_low, c->window_high, c->width[ILO_SENS_WINDOW]);
        if (c->source_dates) {
            band(d, t, row, K_D, c->dates_low, c->dates_high, c->width[ILO_SENS_DATES]);
        } else { /* not available: unknown (JSON null, no CSV row, people's "-"), never a width of 0 */
            for (size_t k = K_D; k <= K_D_W; k++) rep_cell(d, t, row, k, rep_v_null());
        }
        rep_cell(d, t, row, K_DOMINANT, rep_v_text(ilo_sens_kind_name(c->dominant)));
    }
}

/* The other window readings and the source-date reading of each assessed year: one row each. */
static void coding_readings(rep_doc *d, rep_node *sec, const ilo_sensitivity *s)
{
    static const rep_column cols[] = {
        {"year", "Year", NULL, REP_COL_ID, NULL, REP_SCOPE_YEAR},
        {NULL, "Reading", NULL, REP_COL_TEXT},
        {"kind", NULL, NULL, REP_COL_ENUM},   /* "window" or "source_dates" */
        {"window", NULL, NULL, REP_COL_ENUM}, /* a window reading's window */
        {"assessed", NULL, NULL, REP_COL_ENUM},
        {"score", "Score", NULL, REP_COL_NUMBER},
        {"change", "Change", NULL, REP_COL_NUMBER},
    };
    rep_node *t = rep_table(d, sec, "readings", cols, sizeof cols / sizeof cols[0]);
    for (size_t u = 0; u < s->n_units; u++) {
        const ilo_sens_coding *c = &s->coding[u];
        if (!s->units[u].assessed) continue;
        for (size_t i = 0; i <= c->n_readings; i++) {
            bool dates = i == c->n_readings;
            if (dates && !c->source_dates) break;
            const ilo_sens_reading *r = dates ? NULL : &c->readings[i];
            bool assessed = dates ? c->dates_assessed : r->assessed;
            double score = dates ? c->dates_score : r->score, delta = dates ? c->dates_delta : r->delta;
            const char *name = dates ? "source dates: publication year"
                                     : rep_doc_printf(d, "window: %s", ilo_window_name(r->window));
            size_t row = REP_ROW(d, t, rep_v_int(s->units[u].year), rep_v_text(name),
                                 rep_v_text(dates ? "source_dates" : "window"),
                                 dates ? rep_v_absent() : rep_v_text(ilo_window_name(r->window)), rep_v_bool(assessed));
            if (!assessed) /* unknown under that reading: no score to compare */
                REP_CELLS(d, t, row, 5, rep_v_null(), rep_v_null());
            else
                REP_CELLS(d, t, row, 5,
                          rep_measured(rep_v_fixed(score, 4, 2),
                                       dates ? "coding:source_dates"
                                             : rep_doc_printf(d, "coding:window:%s", ilo_window_name(r->window))),
                          rep_plus(rep_v_fixed(delta, 4, 2)));
        }
    }
}

/* The texts left out: programs get every text of every assessed year; people the five that move
 * the score most in each year (or without which it would not be assessed). */
static void coding_texts(rep_doc *d, rep_node *sec, const ilo_model *m, const ilo_sensitivity *s)
{
    static const rep_column cols[] = {
        {"year", "Year", NULL, REP_COL_ID, NULL, REP_SCOPE_YEAR},
        {"source", NULL, NULL, REP_COL_ID},
        {"assessed", NULL, NULL, REP_COL_ENUM},
        {"score_without", "Without", NULL, REP_COL_NUMBER},
        {"change", "Change", NULL, REP_COL_NUMBER},
        {NULL, "Text", NULL, REP_COL_TEXT},
    };
    for (int people = 1; people >= 0; people--) {
        rep_node *t = rep_table(d, sec, people ? NULL : "texts", cols, sizeof cols / sizeof cols[0]);
        if (t && people) t->title = "Texts that move the score most (the score without each)";
        rep_only(t, people ? REP_PEOPLE : REP_PROGRAMS);
        for (size_t u = 0; u < s->n_units; u++) {
            const ilo_sens_coding *c = &s->coding[u];
            if (!s->units[u].assessed) continue;
            size_t shown = 0;
            for (size_t i = 0; i < c->n_texts; i++) {
                const ilo_sens_text *x = &c->texts[i];
                if (people && (shown == 5 || (x->delta == 0 && x->assessed))) break;
                shown++;
                const ilo_source *src = &m->sources[x->source];
                rep_value without = rep_v_null(), change = rep_v_null(); /* unknown without it: not assessed */
                if (x->assessed) {
                    without =
                        rep_measured(rep_v_fixed(x->score, 4, 2), rep_doc_printf(d, "coding:without:%s", src->id));
                    change = rep_plus(rep_v_fixed(x->delta, 4, 2));
                }
                REP_ROW(d, t, rep_v_int(s->units[u].year), rep_v_id(src->id), rep_v_bool(x->assessed), without, change,
                        rep_v_text(rep_doc_printf(d, "%s (%s, %s, %s)", src->id, src->publisher,
                                                  ilo_source_kind_name(src->kind), src->date.text)));
            }
        }
    }
}

/* The coding uncertainty of a one-country run (engine: ilo_sens_coding), in every format from
 * this one function: what the coding itself, not the weights, does to each assessed year's score,
 * each kind apart, and the one that dominates. */
static void coding(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_sensitivity *s)
{
    if (!s->coding) return;
    const ilo_method *me = &m->methods[s->opts.method];
    rep_node *sec = rep_section(d, root, "coding", "Uncertainty by kind");
    if (sec) sec->scope.country = m->countries[s->opts.country].code; /* CSV rows name the country */
    rep_buf b = REP_BUF_INIT;
    rep_buf_printf(&b,
                   "Each kind apart; width: the highest minus the lowest score. Weights: the 5-95%% band of the draws. "
                   "Texts: each admissible text that makes a finding count is left out in turn (a text without which "
                   "the year would not be assessed is unknown, not 0, and stays out of the band). Window: the score "
                   "under each other window reading (the method reads the %s window). Source dates: every source that "
                   "records its publication beside its date (an ILO text: adopted one year, published the next) "
                   "counted in its publication year; ",
                   ilo_window_name(me->window));
    size_t twice = 0;
    for (size_t u = 0; u < s->n_units && !twice; u++) twice = s->coding[u].n_dated_twice;
    if (twice)
        rep_buf_printf(&b, "%zu source%s of the country record%s both dates.", twice, twice == 1 ? "" : "s",
                       twice == 1 ? "s" : "");
    else
        rep_buf_puts(&b, "not available: no source of the country records both dates.");
    rep_para_text(d, sec, "rule", REP_RULE, "Kinds", rep_doc_take(d, &b));
    coding_kinds(d, sec, s);
    coding_readings(d, sec, s);
    coding_texts(d, sec, m, s);
}

static void head(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_sensitivity *s)
{
    const ilo_sens_opts *o = &s->opts;
    rep_node *h = rep_only(rep_fields(d, root, NULL), REP_PEOPLE);
    rep_buf draws = REP_BUF_INIT;
    rep_buf_printf(&draws, "%zu, seed %llu, each weight x (1 + u), u uniform on +-", o->draws,
                   (unsigned long long)o->seed);
    rep_buf_fixed(&draws, o->spread, 2, "?");
    rep_buf_putc(&draws, '%');
    const char *counted = o->all ? rep_doc_printf(d, "%zu of %zu (the others are not assessed)", s->n_assessed, s->n_units)
                                 : rep_doc_printf(d, "%zu of %zu years", s->n_assessed, s->n_units);
    REP_ADD_FIELDS(d, h, {NULL, "Method", NULL, rep_v_text(rep_method_line(d, m, o->method))},
                   {NULL, "Draws", NULL, rep_v_text(rep_doc_take(d, &draws))},
                   {NULL, o->all ? "Ranked" : "Assessed", NULL, rep_v_text(counted)});
    rep_add_as_of(d, root, h, m);
    rep_add_synthetic_note(d, h, m, o->all ? SIZE_MAX : o->country);
    rep_add_method(d, root, m, o->method, false);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS),
                   {"scope", NULL, NULL, rep_v_text(o->all ? "all" : "country")},
                   {"country", NULL, NULL, rep_v_text(o->all ? NULL : m->countries[o->country].code)},
                   {"from", NULL, NULL, rep_v_int(o->from)}, {"to", NULL, NULL, rep_v_int(o->to)},
                   {"draws", NULL, NULL, rep_v_int((int64_t)o->draws)}, {"seed", NULL, NULL, rep_v_uint(o->seed)},
                   {"spread_percent", NULL, NULL, rep_v_fixed(o->spread, 2, 0)});
}

rep_doc *rep_build_sensitivity(const rep_sensitivity_doc *in)
{
    const ilo_model *m = in->model;
    const ilo_sensitivity *s = in->sens;
    const ilo_sens_opts *o = &s->opts;
    const ilo_country *co = o->all ? NULL : &m->countries[o->country];
    const ilo_sens_unit **order = ilo_sensitivity_order(s);
    rep_doc *d = order ? rep_kind_doc("sensitivity") : NULL;
    if (!d) {
        free(order);
        return NULL;
    }
    size_t ny = (size_t)(o->to - o->from + 1);
    if (o->all && ny > 1)
        d->title = rep_doc_printf(d,
                                  "Sensitivity of the scores and ranks of %zu countries to the criterion weights, %d-%d "
                                  "(ranks within each year)",
                                  s->n_units / ny, o->from, o->to);
    else if (o->all)
        d->title = rep_doc_printf(d, "Sensitivity of the scores and ranks of %zu countries to the criterion weights, %d",
                                  s->n_units, o->from);
    else
        d->title = rep_doc_printf(d, "%s (%s), %d-%d: sensitivity of the score to the criterion weights", co->name,
                                  co->code, o->from, o->to);
    rep_node *root = &d->root;
    root->scope = (rep_scope){"", 0, m->methods[o->method].id};
    head(d, root, m, s);
    rep_buf rule = REP_BUF_INIT;
    rule_of(&rule, s);
    rep_para_text(d, root, "rule", REP_RULE, "Method", rep_doc_take(d, &rule));
    if (o->all) rep_para_text(d, root, "caveat", REP_CAUTION, "Caution", rep_sdg_caveat);
    rep_key(d, root, "assessed", rep_v_int((int64_t)s->n_assessed));
    chart(d, root, m, s, order);
    rep_column cols[sizeof unit_cols / sizeof unit_cols[0]];
    size_t n = o->all ? sizeof cols / sizeof cols[0] : U_RANK;
    for (size_t i = 0; i < n; i++) cols[i] = unit_cols[i];
    if (!o->all) cols[U_CODE].label = NULL;
    else if (ny == 1) cols[U_YEAR].label = NULL; /* several years: a year column */
    rep_node *t = rep_table(d, root, "units", cols, n);
    for (size_t k = 0; k < s->n_units; k++) unit_row(d, t, s, order[k]);
    free(order);
    coding(d, root, m, s);
    groups(d, root, m, s);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS),
                   {NULL, NULL, "draws", rep_v_int((int64_t)o->draws)}, {NULL, NULL, "seed", rep_v_uint(o->seed)},
                   {NULL, NULL, "spread_percent", rep_v_fixed(o->spread, 2, 0)});
    return d;
}
