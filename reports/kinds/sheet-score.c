/* sheet-score.c: the scores of an external coding sheet (iloscore score --sheet): one row per
 * country-year of the sheet, scored with this engine's arithmetic under one method. */
#include "kinds.h"

rep_doc *rep_build_sheet_score(const rep_sheet_score_doc *in)
{
    static const rep_column cols[] = {
        {"country", "Country", NULL, REP_COL_ID, NULL, REP_SCOPE_COUNTRY},
        {"year", "Year", NULL, REP_COL_ID, NULL, REP_SCOPE_YEAR},
        {"coded", "Coded", "coded", REP_COL_NUMBER},
        {"forced", NULL, "forced", REP_COL_ENUM},
        {"raw", "Raw", "raw", REP_COL_NUMBER},
        {"score", "Score", "score", REP_COL_NUMBER},
    };
    const ilo_model *m = in->model;
    const ilo_method *me = &m->methods[in->method];
    rep_doc *d = rep_kind_doc("sheet-score");
    if (!d) return NULL;
    d->title = rep_doc_printf(d, "Scores of a coding sheet: %zu country-year%s", in->sheet->n_rows,
                              in->sheet->n_rows == 1 ? "" : "s");
    rep_node *root = &d->root;
    root->scope = (rep_scope){"", 0, me->id};
    rep_node *h = rep_fields(d, root, NULL);
    REP_ADD_FIELDS(d, h, {NULL, "Method", NULL, rep_v_text(rep_method_line(d, m, in->method))},
                   {"method", NULL, NULL, rep_v_text(me->id)});
    if (in->path) rep_field_add(d, h, NULL, "Sheet", NULL, rep_v_text(in->path));
    rep_add_as_of(d, root, rep_only(rep_fields(d, root, NULL), REP_PEOPLE), m);
    rep_node *t = rep_table(d, root, "results", cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; i < in->sheet->n_rows; i++) {
        const ilo_sheet_row *r = &in->sheet->rows[i];
        int64_t raw_hundredths;
        double score;
        bool forced;
        ilo_score_coded(m, in->method, &r->coded, &raw_hundredths, &score, &forced);
        REP_ROW(d, t, rep_v_id(r->country), rep_v_int(r->year), rep_v_int((int64_t)ilo_bitset_count(&r->coded)),
                rep_v_bool(forced), rep_v_hundredths(raw_hundredths),
                rep_noted(rep_v_hundredths(ilo_round2(score)), forced ? "all-encompassing" : NULL));
    }
    return d;
}
