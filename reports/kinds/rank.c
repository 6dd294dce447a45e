/* rank.c: the ranking document (iloscore rank): every country of the data in one year, ranked
 * with its ties, the published figures beside, the countries not assessed, and the SDG 8.8.2
 * caveat. */
#include "kinds.h"

/* research/methodology.md §1.5: the tripartite chapeau of the SDG 8.8.2 metadata (REC_USE_LIM). */
const char rep_sdg_caveat[] =
    "The ILO states that SDG indicator 8.8.2 \"is not intended as a tool to compare compliance among ILO "
    "member States\" (SDG 8.8.2 metadata): reporting obligations differ for member States that have ratified "
    "C87 and C98 and those that have not, and neither national law nor the ILO's texts were written to produce "
    "a statistic. A ranking only orders the computed scores; it does not say that one country respects freedom "
    "of association better than another.";

static const char rank_rule[] =
    "Rank 1 is the lowest score, the least distance from the conventions as coded. Countries are ranked on the "
    "unrounded score (exact: it follows the raw score in hundredths, capped), so two scores printed alike at two "
    "decimals but with different raw scores are not tied. Equal scores share a rank, marked \"=\", and the ranks "
    "they take up are skipped (standard competition ranking, 1224). A country with no criterion coded or clear in "
    "the year is not assessed and not ranked: unknown is not compliant.";

enum { C_STATUS, C_SHOWN, C_RANK, C_TIED, C_CODE, C_NAME, C_SYNTH, C_SCORE, C_RAW, C_FORCED, C_RATING, C_PLACE,
       C_PUB = C_PLACE + 3 };

static const rep_column rank_cols[] = {
    {NULL, NULL, "status", REP_COL_ENUM},
    {NULL, "Rank", NULL, REP_COL_NUMBER},
    {"rank", NULL, "rank", REP_COL_NUMBER},
    {"tied", NULL, "tied", REP_COL_NUMBER},
    {"code", "Code", NULL, REP_COL_ID, NULL, REP_SCOPE_COUNTRY},
    {"name", "Country", NULL, REP_COL_TEXT},
    {"synthetic", NULL, NULL, REP_COL_ENUM},
    {"score", "Score", "score", REP_COL_NUMBER},
    {"raw", "Raw", "raw", REP_COL_NUMBER},
    {"all_encompassing", NULL, NULL, REP_COL_ENUM},
    {"rating", "Rating", "rating", REP_COL_ENUM},
    {0}, {0}, {0}, /* the place: rep_place_columns() */
    {"published/sdg-8.8.2", "Published SDG 8.8.2", "published:sdg-8.8.2", REP_COL_NUMBER},
    {"published/ituc", "Published ITUC", "published:ituc", REP_COL_ENUM},
};
#define N_RANK_COLS (sizeof rank_cols / sizeof rank_cols[0])

/* The published SDG 8.8.2 value and ITUC rating of country c in year, in columns at and at + 1. */
static void published_cells(rep_doc *d, rep_node *t, size_t row, size_t at, const ilo_model *m, const char *code,
                            size_t c, int year)
{
    const ilo_published *p = ilo_country_published(m, c, "ituc", year);
    REP_CELLS(d, t, row, at, rep_v_text(ilo_published_sdg(m, code, c, year)), rep_v_text(p ? p->value : NULL));
}

static void ranked(rep_doc *d, rep_node *t, const ilo_model *m, const ilo_ranking *r, const ilo_rank_entry *e)
{
    const ilo_method *me = &m->methods[r->method];
    const ilo_country *co = ilo_ranking_country(m, r, e->country); /* a sheet's country may not be the data's */
    size_t row = REP_ROW(d, t, rep_v_text("ranked"),
                         rep_v_text(rep_doc_printf(d, "%u%s", (unsigned)e->rank, e->tied > 1 ? "=" : "")),
                         rep_v_int(e->rank), rep_v_int(e->tied), rep_v_id(co->code),
                         rep_noted(rep_v_text(co->name), co->synthetic ? "synthetic" : NULL), rep_v_bool(co->synthetic),
                         rep_noted(rep_v_hundredths(ilo_round2(e->score)), e->forced ? "all-encompassing" : NULL),
                         rep_v_hundredths(e->raw_hundredths), rep_v_bool(e->forced),
                         rep_v_text(e->band < me->n_bands ? me->bands[e->band].rating : NULL));
    published_cells(d, t, row, C_PUB, m, co->code, e->country, r->year);
    rep_place_cells(d, t, row, C_PLACE, m, r->method, r->year, true, e->score);
}

static void not_assessed(rep_doc *d, rep_node *root, const ilo_model *m, const ilo_ranking *r)
{
    rep_node *where = root;
    if (r->n_ranked < r->n) {
        where = rep_section(d, root, NULL, rep_doc_printf(d, "Not assessed in %d", r->year));
        rep_people_para(d, where, REP_CAVEAT, NULL,
                        rep_doc_printf(d, "Not assessed, no evidence: nothing coded or examined in %d, so no "
                                          "score and no rank.",
                                       r->year));
    }
    static const rep_column cols[] = {
        {NULL, NULL, "status", REP_COL_ENUM},
        {"code", "Code", NULL, REP_COL_ID, NULL, REP_SCOPE_COUNTRY},
        {"name", "Country", NULL, REP_COL_TEXT},
        {"synthetic", NULL, NULL, REP_COL_ENUM},
        {NULL, NULL, "published:sdg-8.8.2", REP_COL_NUMBER},
        {NULL, NULL, "published:ituc", REP_COL_ENUM},
    };
    rep_node *t = rep_table(d, where, "not_assessed", cols, sizeof cols / sizeof cols[0]);
    if (r->n_ranked == r->n) rep_only(t, REP_PROGRAMS);
    for (size_t i = r->n_ranked; i < r->n; i++) {
        size_t c = r->entries[i].country;
        const ilo_country *co = ilo_ranking_country(m, r, c);
        size_t row = REP_ROW(d, t, rep_v_text("not_assessed"), rep_v_id(co->code), rep_v_text(co->name),
                             rep_v_bool(co->synthetic));
        published_cells(d, t, row, 4, m, co->code, c, r->year);
    }
}

rep_doc *rep_build_rank(const rep_rank_doc *in)
{
    const ilo_model *m = in->model;
    const ilo_ranking *r = in->ranking;
    rep_doc *d = rep_kind_doc("ranking");
    if (!d) return NULL;
    d->title = rep_doc_printf(d, "Ranking of %zu countries by score, %d", r->n, r->year);
    rep_node *root = &d->root;
    root->scope = (rep_scope){"", r->year, m->methods[r->method].id};
    rep_node *head = rep_only(rep_fields(d, root, NULL), REP_PEOPLE);
    REP_ADD_FIELDS(d, head, {NULL, "Method", NULL, rep_v_text(rep_method_line(d, m, r->method))},
                   {NULL, "Ranked", NULL,
                    rep_v_text(rep_doc_printf(d, "%zu of %zu (%zu not assessed)", r->n_ranked, r->n,
                                              r->n - r->n_ranked))},
                   {NULL, "Ties", NULL,
                    rep_v_text(rep_doc_printf(d, "%zu rank%s shared by two countries or more (marked =)",
                                              r->n_tie_groups, r->n_tie_groups == 1 ? "" : "s"))});
    rep_add_as_of(d, root, head, m);
    rep_add_synthetic_note(d, head, m, SIZE_MAX);
    size_t v = ilo_model_find_vintage(m, ILO_PLACE_VINTAGE);
    rep_field_add(d, head, NULL, "Published", NULL,
                  rep_v_text(v != SIZE_MAX
                                 ? rep_doc_printf(d, "SDG 8.8.2 values of %d from one vintage, %s (%s), never mixed "
                                                     "with another's; ITUC ratings as recorded in the country profiles",
                                                  r->year, m->vintages[v].title, m->vintages[v].id)
                                 : "SDG 8.8.2 values and ITUC ratings as recorded in the country profiles (no vintage "
                                   "of published figures in the data)"));
    rep_add_place_vintage(d, root, m, r->method);
    rep_add_method(d, root, m, r->method, false);
    rep_key(d, root, "published_vintage", rep_v_text(v != SIZE_MAX ? m->vintages[v].id : NULL));
    rep_key(d, root, "year", rep_v_int(r->year));
    rep_para_text(d, root, "caveat", REP_CAUTION, "Caution", rep_sdg_caveat);
    rep_para_text(d, root, "ranking_rule", REP_RULE, "Ranks", rank_rule);
    REP_ADD_FIELDS(d, rep_only(rep_fields(d, root, NULL), REP_PROGRAMS),
                   {"ties", NULL, NULL, rep_v_text("standard competition ranking (1224)")},
                   {"countries", NULL, NULL, rep_v_int((int64_t)r->n)},
                   {"ranked", NULL, NULL, rep_v_int((int64_t)r->n_ranked)},
                   {"tie_groups", NULL, NULL, rep_v_int((int64_t)r->n_tie_groups)});
    rep_column cols[N_RANK_COLS];
    for (size_t k = 0; k < N_RANK_COLS; k++) cols[k] = rank_cols[k];
    rep_place_columns(d, cols + C_PLACE, "place", "place", ilo_method_can_place(m, r->method) ? 2 : 0);
    if (!m->methods[r->method].n_bands) cols[C_RATING].label = NULL;
    rep_node *t = rep_table(d, root, "ranks", cols, N_RANK_COLS);
    for (size_t i = 0; i < r->n_ranked; i++) ranked(d, t, m, r, &r->entries[i]);
    not_assessed(d, root, m, r);
    return d;
}
