/* common.c: the parts several report builders share (kinds.h). */
#include "kinds.h"
#include "../internal.h"

void rep_add_method(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method, bool note)
{
    const ilo_method *me = &m->methods[method];
    rep_node *f = rep_only(rep_fields(d, parent, "method"), REP_PROGRAMS);
    rep_field_add(d, f, "id", NULL, NULL, rep_v_text(me->id));
    rep_field_add(d, f, "title", NULL, NULL, rep_v_text(me->title));
    rep_field_add(d, f, "window", NULL, NULL, rep_v_text(rep_window_name(me->window)));
    rep_field_add(d, f, "cap", NULL, NULL, rep_v_fixed(me->cap, 2, 0));
    rep_field_add(d, f, "scale", NULL, NULL, rep_v_fixed(me->scale, 2, 0));
    if (note) rep_field_add(d, f, "bands_note", NULL, NULL, rep_v_text(me->bands_note));
}

void rep_add_header(rep_doc *d, rep_node *parent, const ilo_model *m, size_t country, size_t method,
                    const char *profile)
{
    const ilo_country *co = &m->countries[country];
    rep_node *h = rep_only(rep_fields(d, parent, NULL), REP_PEOPLE);
    rep_field_add(d, h, NULL, "Method", NULL, rep_v_text(rep_method_line(d, m, method)));
    rep_field_add(d, h, NULL, "Profile", NULL, rep_v_text(rep_profile_name(profile)));
    if (co->synthetic) rep_field_add(d, h, NULL, "Note", NULL, rep_v_text("a synthetic country, not a real one"));
    rep_node *c = rep_only(rep_fields(d, parent, "country"), REP_PROGRAMS);
    rep_field_add(d, c, "code", NULL, NULL, rep_v_text(co->code));
    rep_field_add(d, c, "name", NULL, NULL, rep_v_text(co->name));
    rep_field_add(d, c, "region", NULL, NULL, rep_v_text(co->region));
    rep_field_add(d, c, "synthetic", NULL, NULL, rep_v_bool(co->synthetic));
    rep_field_add(d, rep_only(rep_fields(d, parent, NULL), REP_PROGRAMS), "profile", NULL, NULL,
                  rep_v_text(rep_profile_name(profile)));
    rep_add_method(d, parent, m, method, true);
}

void rep_add_scenarios(rep_doc *d, rep_node *parent, const ilo_model *m, const size_t *sc, size_t n)
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
        size_t row = rep_row(d, t);
        rep_cell(d, t, row, 0, rep_v_id(s->id));
        rep_cell(d, t, row, 1, rep_v_text(s->title));
        rep_cell(d, t, row, 2, rep_v_id(s->effective.text));
        rep_cell(d, t, row, 3, rep_v_text(s->note));
        rep_cell(d, t, row, 4, rep_v_id(s->where.file));
        rep_cell(d, t, row, 5, rep_v_int((int64_t)s->n_ops));
    }
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
    return rep_doc_printf(d, "%s (%s), %s window", me->title, me->id, rep_window_name(me->window));
}

size_t rep_count_synthetic(const ilo_model *m)
{
    size_t n = 0;
    for (size_t c = 0; c < m->n_countries; c++) n += m->countries[c].synthetic;
    return n;
}

rep_node *rep_para_text(rep_doc *d, rep_node *parent, const char *key, rep_style style, const char *title,
                        const char *text)
{
    rep_node *p = rep_para(d, parent, key, style, title);
    rep_span_add(d, p, REP_MARK_NONE, text);
    return p;
}
