/* common.c: the parts several report builders share (kinds.h). */
#include <math.h>
#include <string.h>

#include "kinds.h"

const char *rep_item_kind(const ilo_item *it) { return it->kind == ILO_ITEM_PROVISION ? "provision" : "incident"; }

/* The profile's name for the reader. */
static const char *profile_name(const char *name) { return name ? name : "baseline"; }

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

rep_doc *rep_kind_doc(const char *kind)
{
    rep_doc *d = rep_doc_new(kind, NULL);
    if (d) d->generator = rep_doc_printf(d, "iloscore %s", ilo_version());
    return d;
}

void rep_add_method(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method, bool note)
{
    const ilo_method *me = &m->methods[method];
    rep_node *f = rep_only(rep_fields(d, parent, "method"), REP_PROGRAMS);
    REP_ADD_FIELDS(d, f, {"id", NULL, NULL, rep_v_text(me->id)}, {"title", NULL, NULL, rep_v_text(me->title)},
                   {"window", NULL, NULL, rep_v_text(ilo_window_name(me->window))},
                   {"cap", NULL, NULL, rep_v_fixed(me->cap, 2, 0)},
                   {"scale", NULL, NULL, rep_v_fixed(me->scale, 2, 0)});
    if (note) rep_field_add(d, f, "bands_note", NULL, NULL, rep_v_text(me->bands_note));
}

void rep_add_as_of(rep_doc *d, rep_node *parent, rep_node *people, const ilo_model *m)
{
    bool cut = m->as_of.prec != ILO_DATE_NONE;
    if (people)
        rep_field_add(d, people, NULL, "Evidence", NULL,
                      rep_v_text(cut ? rep_doc_printf(d, "as of %s: sources published later, and what only they "
                                                         "support, are left out",
                                                      m->as_of.text)
                                     : "all evidence in the data (no --as-of date)"));
    if (!parent) return;
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, parent, NULL), REP_PROGRAMS),
                   {"as_of", NULL, NULL, rep_v_text(cut ? m->as_of.text : NULL)},
                   {NULL, NULL, "as_of", rep_v_text(cut ? m->as_of.text : "all")});
}

void rep_add_header(rep_doc *d, rep_node *parent, const ilo_model *m, size_t country, size_t method,
                    const char *profile)
{
    const ilo_country *co = &m->countries[country];
    rep_node *h = rep_only(rep_fields(d, parent, NULL), REP_PEOPLE);
    REP_ADD_FIELDS(d, h, {NULL, "Method", NULL, rep_v_text(rep_method_line(d, m, method))},
                   {NULL, "Profile", NULL, rep_v_text(profile_name(profile))});
    /* The brief states its evidence date its own way (with its later-text markers). */
    bool brief = d->kind && strcmp(d->kind, "brief") == 0;
    if (!brief) rep_add_as_of(d, NULL, h, m);
    rep_add_synthetic_note(d, h, m, country);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, parent, "country"), REP_PROGRAMS),
                   {"code", NULL, NULL, rep_v_text(co->code)}, {"name", NULL, NULL, rep_v_text(co->name)},
                   {"region", NULL, NULL, rep_v_text(co->region)},
                   {"synthetic", NULL, NULL, rep_v_bool(co->synthetic)});
    rep_key(d, parent, "profile", rep_v_text(profile_name(profile)));
    if (!brief) rep_add_as_of(d, parent, NULL, m);
    rep_add_method(d, parent, m, method, true);
}

rep_node *rep_add_scenarios(rep_doc *d, rep_node *parent, const ilo_model *m, const size_t *sc, size_t n)
{
    static const rep_column cols[] = {
        {"id", "Scenario", NULL, REP_COL_ID},
        {"title", "Title", NULL, REP_COL_TEXT},
        {"effective", "Effective", NULL, REP_COL_ID},
        {"note", NULL, NULL, REP_COL_TEXT},
        {"file", "File", NULL, REP_COL_ID},
        {"operations", "Operations", NULL, REP_COL_NUMBER},
    };
    rep_node *t = rep_table(d, parent, "scenarios", cols, sizeof cols / sizeof cols[0]);
    if (t) t->title = "Scenarios, applied in this order to a copy of the baseline:";
    if (!n) rep_only(t, REP_PROGRAMS);
    for (size_t i = 0; i < n; i++) {
        const ilo_scenario *s = &m->scenarios[sc[i]];
        REP_ROW(d, t, rep_measured(rep_v_id(s->id), rep_doc_printf(d, "applied:%zu", i + 1)), rep_v_text(s->title),
                rep_v_id(s->effective.text), rep_v_text(s->note), rep_v_id(s->where.file),
                rep_v_int((int64_t)s->n_ops));
    }
    return t;
}

const char *const *rep_criteria_ids(rep_doc *d, const ilo_model *m, const ilo_bitset *set, size_t *n)
{
    *n = 0;
    const char **ids = rep_doc_alloc(d, (m->n_criteria + 1) * sizeof *ids);
    for (size_t k = 0; ids && k < m->n_criteria; k++)
        if (ilo_bitset_has(set, k)) ids[(*n)++] = m->criteria[k].id;
    return ids;
}

const char *rep_method_line(rep_doc *d, const ilo_model *m, size_t method)
{
    const ilo_method *me = &m->methods[method];
    return rep_doc_printf(d, "%s (%s), %s window", me->title, me->id, ilo_window_name(me->window));
}

void rep_add_synthetic_note(rep_doc *d, rep_node *people, const ilo_model *m, size_t country)
{
    size_t n = 0;
    for (size_t c = 0; country == SIZE_MAX && c < m->n_countries; c++) n += m->countries[c].synthetic;
    if (country != SIZE_MAX && m->countries[country].synthetic)
        rep_field_add(d, people, NULL, "Note", NULL, rep_v_text("a synthetic country, not a real one"));
    if (n)
        rep_field_add(d, people, NULL, "Note", NULL,
                      rep_v_text(rep_doc_printf(d, "%zu of the countries are synthetic, not real ones", n)));
}

rep_node *rep_para_text(rep_doc *d, rep_node *parent, const char *key, rep_style style, const char *title,
                        const char *text)
{
    rep_node *p = rep_para(d, parent, key, style, title);
    rep_span_add(d, p, REP_MARK_NONE, text);
    return p;
}

rep_node *rep_people_para(rep_doc *d, rep_node *parent, rep_style style, const char *title, const char *text)
{
    return rep_only(rep_para_text(d, parent, NULL, style, title, text), REP_PEOPLE);
}

/* ---- no score without evidence ---- */

const char rep_na_text[] = "not assessed: no evidence";

rep_value rep_assessed_v(const ilo_model *m, const ilo_result *r, int64_t c, const char *shown)
{
    return ilo_result_assessed(m, r) ? rep_v_hundredths(c) : rep_v_na(shown);
}

rep_value rep_rating_v(const ilo_model *m, const ilo_result *r)
{
    if (!m->methods[r->method].n_bands) return rep_v_absent();
    if (!ilo_result_assessed(m, r)) return rep_v_na(NULL);
    const ilo_band *b = ilo_result_band(m, r);
    return b ? rep_v_text(b->rating) : rep_v_null();
}

rep_value rep_part_v(const ilo_model *m, const ilo_result *r, bool group, size_t k)
{
    bool a = group ? ilo_result_group_assessed(m, r, k) : ilo_result_convention_assessed(m, r, k);
    double score = group ? ilo_result_group_score(m, r, k) : ilo_result_convention_score(m, r, k);
    return a ? rep_v_hundredths(ilo_round2(score)) : rep_v_na(NULL);
}

void rep_score_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, const ilo_result *r)
{
    rep_value rating = rep_rating_v(m, r);
    REP_CELLS(d, t, row, at, rep_assessed_v(m, r, ilo_result_score_hundredths(r), "not assessed"),
              rep_assessed_v(m, r, r->raw_hundredths, NULL), rep_assessed_v(m, r, ilo_round2(r->law), NULL),
              rep_assessed_v(m, r, ilo_round2(r->practice), NULL),
              rating.type == REP_V_ABSENT ? rep_v_null() : rating);
}

void rep_add_rating(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method, const ilo_band *band,
                    const char *measure)
{
    const ilo_method *me = &m->methods[method];
    if (!band) {
        rep_field_add(d, rep_only(rep_fields(d, parent, NULL), REP_PROGRAMS), "rating", NULL, measure,
                      measure && me->n_bands ? rep_v_na(NULL) : rep_v_null());
        return;
    }
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, parent, "rating"), REP_PROGRAMS),
                   {"band", NULL, measure, rep_v_text(band->rating)}, {"label", NULL, NULL, rep_v_text(band->label)},
                   {"bands_note", NULL, NULL, rep_v_text(me->bands_note)});
}

/* ---- the place among published scores ---- */

/* Why a score has no place, in the reader's words; NULL when it has one (*out filled then). */
static const char *unplaced(const ilo_model *m, size_t method, int year, bool assessed, double score, ilo_place *out)
{
    static const char *const why[] = {
        [ILO_PLACED] = NULL,
        [ILO_UNPLACED_NOT_ASSESSED] = "not assessed",
        [ILO_UNPLACED_METHOD] = "this method admits sources SDG 8.8.2 does not, so its scores are not comparable "
                                "with published ones",
        [ILO_UNPLACED_NO_VINTAGE] = "the vintage of published scores is not in the data",
        [ILO_UNPLACED_NO_YEAR] = "no published score of the year in the vintage",
    };
    return why[ilo_score_place(m, method, year, assessed, score, out)];
}

void rep_add_place(rep_doc *d, rep_node *parent, rep_node *people, const ilo_model *m, const ilo_result *r)
{
    ilo_place p;
    const char *why = unplaced(m, r->method, r->year, ilo_result_assessed(m, r), r->score, &p);
    if (why) {
        rep_field_add(d, people, NULL, "Place", NULL, rep_v_text(rep_doc_printf(d, "none (%s)", why)));
        rep_key(d, parent, "place", rep_v_null());
        return;
    }
    /* "percentile 31.5, quintile 2 of 5, among 62 published SDG 8.8.2 scores of ..." */
    rep_buf b = REP_BUF_INIT;
    rep_buf_puts(&b, "percentile ");
    rep_buf_fixed(&b, p.percentile, 1, "-");
    rep_buf_printf(&b, ", quintile %d of 5, among %zu published SDG 8.8.2 scores of %d (vintage %s); 0 best, so a low "
                       "percentile means most published scores are worse",
                   p.quintile, p.n, r->year, ILO_PLACE_VINTAGE);
    rep_field_add(d, people, NULL, "Place", NULL, rep_v_text(rep_doc_take(d, &b)));
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, parent, "place"), REP_PROGRAMS),
                   {"vintage", NULL, NULL, rep_v_text(ILO_PLACE_VINTAGE)}, {"year", NULL, NULL, rep_v_int(p.year)},
                   {"n", NULL, "place:n", rep_v_int((int64_t)p.n)}, {"below", NULL, NULL, rep_v_int((int64_t)p.below)},
                   {"equal", NULL, NULL, rep_v_int((int64_t)p.equal)},
                   {"percentile", NULL, "place:percentile", rep_v_fixed(p.percentile, 1, 0)},
                   {"quintile", NULL, "place:quintile", rep_v_int(p.quintile)});
}

static const char place_rule[] =
    "the mid-rank percentile of the computed score, rounded to two decimals as printed, among the "
    "published SDG 8.8.2 scores of the same year in this vintage (100 x (below + equal / 2) / n; 0 is "
    "the best score, so a low percentile means most published scores are worse); quintile 1 + "
    "floor(percentile / 20), at most 5. A place, not a rating: no words are attached to it.";

void rep_add_place_vintage(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method)
{
    size_t v = ilo_model_find_vintage(m, ILO_PLACE_VINTAGE);
    rep_node *h = rep_only(rep_fields(d, parent, NULL), REP_PEOPLE);
    if (!ilo_method_can_place(m, method)) {
        rep_field_add(d, h, NULL, "Places", NULL,
                      rep_v_text(!ilo_method_comparable(m, method)
                                     ? "none: this method admits sources SDG 8.8.2 does not, so its scores are not "
                                       "comparable with published SDG 8.8.2 scores"
                                     : rep_doc_printf(d, "none: the vintage %s of published scores is not in the data",
                                                      ILO_PLACE_VINTAGE)));
        rep_key(d, parent, "place_vintage", rep_v_null());
        return;
    }
    const ilo_vintage *vi = &m->vintages[v];
    rep_field_add(d, h, NULL, "Places", NULL,
                  rep_v_text(rep_doc_printf(d, "among the published SDG 8.8.2 scores of each year in one vintage, %s (%s): %s",
                                            vi->title, vi->id, place_rule)));
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, parent, "place_vintage"), REP_PROGRAMS),
                   {"id", NULL, NULL, rep_v_text(vi->id)}, {"title", NULL, NULL, rep_v_text(vi->title)},
                   {"rule", NULL, NULL, rep_v_text(place_rule)});
}

void rep_place_columns(rep_doc *d, rep_column *cols, const char *prefix, const char *mp, int label)
{
    cols[0] = (rep_column){rep_doc_printf(d, "%s/percentile", prefix), label == 2 ? "Pctile" : NULL,
                           rep_doc_printf(d, "%s:percentile", mp), REP_COL_NUMBER};
    cols[1] = (rep_column){rep_doc_printf(d, "%s/quintile", prefix), label ? "Q" : NULL,
                           rep_doc_printf(d, "%s:quintile", mp), REP_COL_NUMBER};
    cols[2] = (rep_column){rep_doc_printf(d, "%s/n", prefix), NULL, rep_doc_printf(d, "%s:n", mp), REP_COL_NUMBER};
}

void rep_place_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, size_t method, int year,
                     bool assessed, double score)
{
    ilo_place p;
    if (ilo_score_place(m, method, year, assessed, score, &p) != ILO_PLACED)
        REP_CELLS(d, t, row, at, rep_v_null(), rep_v_null(), rep_v_null());
    else
        REP_CELLS(d, t, row, at, rep_v_fixed(p.percentile, 1, 0), rep_v_int(p.quintile), rep_v_int((int64_t)p.n));
}

/* "Disputed or uncertain": the recorded conflicts about what the report shows (with the version
 * used and why) and the published figures shown that are inferred rather than stated. */
void rep_add_disputed(rep_doc *d, rep_node *root, const ilo_model *m, size_t country, const rep_cites *c,
                      const bool *shown, const int *years, size_t n_years)
{
    static const rep_column cols[] = {
        {"id", NULL, NULL, REP_COL_ID},       {"about", NULL, NULL, REP_COL_ID}, {"field", NULL, NULL, REP_COL_TEXT},
        {"used", NULL, NULL, REP_COL_TEXT},   {"note", NULL, NULL, REP_COL_TEXT}, {"versions", NULL, NULL, REP_COL_ID},
        {NULL, NULL, "conflict", REP_COL_TEXT},
    };
    static const rep_column vcols[] = {{"value", NULL, NULL, REP_COL_TEXT}, {"sources", NULL, NULL, REP_COL_ID}};
    const ilo_country *co = &m->countries[country];
    rep_node *s = rep_section(d, root, NULL, "Disputed or uncertain");
    rep_node *t = rep_only(rep_table(d, s, "conflicts", cols, sizeof cols / sizeof cols[0]), REP_PROGRAMS);
    rep_node *l = rep_only(rep_list(d, s, NULL), REP_PEOPLE);
    for (size_t i = 0; i < co->n_conflicts; i++) {
        const ilo_conflict *cf = &co->conflicts[i];
        if (!shown[i]) continue;
        rep_node *vt = rep_table_detached(d, vcols, 2);
        rep_buf b = REP_BUF_INIT;
        rep_buf_printf(&b, "%s, %s: the sources differ (", cf->about, cf->field ? cf->field : "a fact");
        for (size_t k = 0; k < cf->n_versions; k++) {
            const ilo_variant *v = &cf->versions[k];
            REP_ROW(d, vt, rep_v_text(v->value), rep_sources_value(d, m, c, v->sources, v->n_sources));
            rep_buf_printf(&b, "%s%s %s", k ? "; " : "", v->value ? v->value : "-",
                           rep_cite_marks(d, c, v->sources, v->n_sources));
        }
        rep_buf_printf(&b, "); used: %s.", cf->used ? cf->used : "-");
        if (cf->note) rep_buf_printf(&b, " %s", cf->note);
        rep_span_add(d, l, REP_MARK_NONE, rep_doc_take(d, &b));
        REP_ROW(d, t, rep_v_text(cf->id), rep_v_text(cf->about), rep_v_text(cf->field), rep_v_text(cf->used),
                rep_v_text(cf->note), rep_v_table(vt),
                rep_measured(rep_v_text(cf->used), rep_doc_printf(d, "conflict:%s", cf->id)));
    }
    for (size_t y = 0; y < n_years; y++)
        for (size_t k = 0; k < ILO_N_MEASURES; k++) {
            const ilo_published *p = ilo_country_published(m, country, ilo_measure_name(k), years[y]);
            if (!p || !p->status || strcmp(p->status, "exact") == 0) continue;
            rep_span_add(d, l, REP_MARK_NONE,
                         rep_doc_printf(d, "Published %s for %d, %s: %s, not stated by its source.%s%s", p->measure,
                                        years[y], p->value, p->status, p->note ? " " : "", p->note ? p->note : ""));
        }
    if (!l || !l->n_text) {
        rep_people_para(d, s, REP_CAVEAT, NULL,
                        "Nothing recorded: no conflict between sources about what this report shows, and no "
                        "inferred published figure.");
        rep_only(l, REP_PROGRAMS); /* an empty list: programs see no key, people nothing */
    }
}

/* ---- sources ---- */

static const rep_column source_cols[] = {
    {"id", NULL, NULL, REP_COL_ID},         {"number", NULL, NULL, REP_COL_NUMBER},
    {"publisher", NULL, NULL, REP_COL_TEXT}, {"kind", NULL, NULL, REP_COL_ENUM},
    {"title", NULL, NULL, REP_COL_TEXT},     {"date", NULL, NULL, REP_COL_ID},
    {"url", NULL, NULL, REP_COL_ID},         {"note", NULL, NULL, REP_COL_TEXT},
};
#define N_SOURCE_COLS (sizeof source_cols / sizeof source_cols[0])

static void source_row(rep_doc *d, rep_node *t, const ilo_model *m, const rep_cites *c, size_t s)
{
    const ilo_source *src = &m->sources[s];
    REP_ROW(d, t, rep_v_text(src->id), rep_v_int((int64_t)c->num[s]), rep_v_text(src->publisher),
            rep_v_text(ilo_source_kind_name(src->kind)), rep_v_text(src->title), rep_v_text(src->date.text),
            rep_v_text(src->url), rep_v_text(src->note));
}

rep_value rep_sources_value(rep_doc *d, const ilo_model *m, const rep_cites *c, const size_t *src, size_t n)
{
    rep_node *t = rep_table_detached(d, source_cols, N_SOURCE_COLS);
    for (size_t i = 0; i < n; i++) source_row(d, t, m, c, src[i]);
    return rep_v_table(t);
}

const char *rep_cite_marks(rep_doc *d, const rep_cites *c, const size_t *src, size_t n)
{
    rep_buf b = REP_BUF_INIT;
    for (size_t i = 0; i < n; i++) rep_buf_printf(&b, "%s[%zu]", i ? " " : "", c->num[src[i]]);
    return rep_doc_take(d, &b);
}

void rep_add_sources(rep_doc *d, rep_node *parent, const ilo_model *m, const rep_cites *c)
{
    rep_node *t = rep_only(rep_table(d, parent, "sources", source_cols, N_SOURCE_COLS), REP_PROGRAMS);
    for (size_t i = 0; i < c->n; i++) source_row(d, t, m, c, c->order[i]);
    if (!c->n) return;
    rep_node *sec = rep_only(rep_section(d, parent, NULL, "Sources"), REP_PEOPLE);
    rep_node *l = rep_list(d, sec, NULL);
    if (l) l->style = REP_NUMBERED;
    for (size_t i = 0; i < c->n; i++) {
        const ilo_source *s = &m->sources[c->order[i]];
        rep_span_add(d, l, REP_MARK_NONE,
                     rep_doc_printf(d, "%s, \"%s\", %s (%s; id %s)", s->publisher, s->title, s->date.text,
                                    ilo_source_kind_name(s->kind), s->id));
        if (s->url) rep_span_add(d, l, REP_MARK_LINK, s->url);
    }
}

/* ---- items (provisions and incidents) with their findings ---- */

const rep_column rep_item_cols[REP_ITEM_NCOLS] = {
    /* the item: both kinds, the provision's, the incident's, both */
    {"id", NULL, NULL, REP_COL_ID},          {"kind", NULL, NULL, REP_COL_ENUM},
    {"instrument", NULL, NULL, REP_COL_TEXT}, {"article", NULL, NULL, REP_COL_TEXT},
    {"in_force", NULL, NULL, REP_COL_ID},    {"repealed", NULL, NULL, REP_COL_ID},
    {"date", NULL, NULL, REP_COL_ID},        {"end", NULL, NULL, REP_COL_ID},
    {"place", NULL, NULL, REP_COL_TEXT},     {"who", NULL, NULL, REP_COL_TEXT},
    {"count", NULL, NULL, REP_COL_TEXT},     {"summary", NULL, NULL, REP_COL_TEXT},
    {NULL, "Item", NULL, REP_COL_TEXT},
    /* the finding */
    {"share", "Share", NULL, REP_COL_NUMBER}, {"critical", "Critical", NULL, REP_COL_ENUM},
    {"criteria", "Criteria", NULL, REP_COL_ID}, {"sources", NULL, NULL, REP_COL_ID},
    {NULL, "Sources", NULL, REP_COL_ID},
};

/* The item as people read it: "provision ID: instrument, article; in force from D; repealed D.
 * Summary." or "incident ID: date to date, place; who: ...; how many: N. Summary." */
const char *rep_item_text(rep_doc *d, const ilo_item *it)
{
    rep_buf b = REP_BUF_INIT;
    if (it->kind == ILO_ITEM_PROVISION) {
        rep_buf_printf(&b, "provision %s: %s, %s; in force from %s", it->id, it->instrument, it->article, it->start.text);
        if (it->stop.prec) rep_buf_printf(&b, "; repealed %s", it->stop.text);
    } else {
        rep_buf_printf(&b, "incident %s: %s", it->id, it->start.text);
        if (it->stop.prec) rep_buf_printf(&b, " to %s", it->stop.text);
        if (it->place) rep_buf_printf(&b, ", %s", it->place);
        if (it->who) rep_buf_printf(&b, "; who: %s", it->who);
        if (it->count) rep_buf_printf(&b, "; how many: %s", it->count);
    }
    rep_buf_printf(&b, ". %s", it->summary);
    return rep_doc_take(d, &b);
}

void rep_item_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, const ilo_item *it,
                    const ilo_finding *f, const rep_cites *c)
{
    rep_value start = rep_v_text(it->start.text), stop = rep_v_text(it->stop.prec ? it->stop.text : NULL);
    REP_CELLS(d, t, row, at, rep_v_text(it->id), rep_v_text(rep_item_kind(it)));
    /* A provision's fields, or an incident's; the other kind's stay absent. */
    if (it->kind == ILO_ITEM_PROVISION)
        REP_CELLS(d, t, row, at + 2, rep_v_text(it->instrument), rep_v_text(it->article), start, stop);
    else
        REP_CELLS(d, t, row, at + 6, start, stop, rep_v_text(it->place), rep_v_text(it->who), rep_v_text(it->count));
    REP_CELLS(d, t, row, at + 11, rep_v_text(it->summary), rep_v_text(rep_item_text(d, it)));
    if (!f) return;
    size_t n;
    const char *const *ids = rep_criteria_ids(d, m, &f->criteria, &n);
    REP_CELLS(d, t, row, at + 13, rep_v_hundredths(f->share_hundredths), rep_v_bool(f->critical), rep_v_ids(ids, n),
              rep_sources_value(d, m, c, f->sources, f->n_sources),
              rep_v_text(rep_cite_marks(d, c, f->sources, f->n_sources)));
}

rep_node *rep_add_score_chart(rep_doc *d, rep_node *parent, const ilo_model *m, size_t country,
                              const ilo_result *const *years, size_t n)
{
    if (!n) return NULL;
    double scale = m->methods[years[0]->method].scale;
    rep_node *c = rep_series_lines(
        d, parent, "Computed score (this method)", "Published SDG 8.8.2 score (as published, not computed)",
        "The computed score (solid line, dots) beside the SDG 8.8.2 score as published by the ILO and the UN "
        "(dashed line, squares), where one is recorded. 0 is the best score. A hollow dot marks a year in which "
        "nothing was assessed: it has no score (no evidence, not compliance) and sits at 0 only to carry the line.",
        0, scale > 0 ? scale : 10);
    for (size_t i = 0; i < n; i++) {
        const ilo_published *p = ilo_country_published(m, country, "sdg-8.8.2", years[i]->year);
        int64_t v;
        rep_point_line(d, c, years[i]->year, (double)ilo_result_score_hundredths(years[i]) / 100.0,
                       p && ilo_parse_hundredths(p->value, &v) ? (double)v / 100.0 : NAN,
                       !ilo_result_assessed(m, years[i]));
    }
    return c;
}

void rep_add_events(rep_doc *d, rep_node *parent, const char *key, const ilo_model *m, size_t country,
                    const size_t *ev, size_t n, const rep_cites *c)
{
    static const rep_column cols[] = {
        {"id", NULL, NULL, REP_COL_ID},     {"date", "Date", NULL, REP_COL_ID}, {"kind", "Kind", NULL, REP_COL_ENUM},
        {"title", "Title", NULL, REP_COL_TEXT}, {"note", NULL, NULL, REP_COL_TEXT}, {"sources", NULL, NULL, REP_COL_ID},
        {NULL, "Sources", NULL, REP_COL_ID},
    };
    const ilo_country *co = &m->countries[country];
    rep_node *t = rep_table(d, parent, key, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; i < n; i++) {
        const ilo_event *e = &co->events[ev[i]];
        REP_ROW(d, t, rep_v_text(e->id), rep_v_text(e->date.text), rep_v_text(e->kind), rep_v_text(e->title),
                rep_v_text(e->note), rep_sources_value(d, m, c, e->sources, e->n_sources),
                rep_v_text(rep_cite_marks(d, c, e->sources, e->n_sources)));
    }
    if (!n) rep_people_para(d, parent, REP_PLAIN, NULL, "None recorded.");
}

void rep_published_cells(rep_doc *d, rep_node *t, size_t row, const ilo_model *m, const rep_cites *c,
                         const ilo_published *p, bool measured)
{
    const char *measure = measured ? rep_doc_printf(d, "published:%s", p->measure) : NULL;
    REP_CELLS(d, t, row, 0, rep_v_text(p->measure), rep_v_int(p->year), rep_measured(rep_v_text(p->value), measure),
              rep_v_text(p->status), rep_v_text(p->note), rep_sources_value(d, m, c, p->sources, p->n_sources));
}
