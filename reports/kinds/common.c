/* common.c: the parts several report builders share (kinds.h). */
#include "kinds.h"
#include "../internal.h"

void rep_add_method(rep_doc *d, rep_node *parent, const ilo_model *m, size_t method)
{
    const ilo_method *me = &m->methods[method];
    rep_node *f = rep_only(rep_fields(d, parent, "method"), REP_PROGRAMS);
    rep_field_add(d, f, "id", NULL, NULL, rep_v_text(me->id));
    rep_field_add(d, f, "title", NULL, NULL, rep_v_text(me->title));
    rep_field_add(d, f, "window", NULL, NULL, rep_v_text(rep_window_name(me->window)));
    rep_field_add(d, f, "cap", NULL, NULL, rep_v_fixed(me->cap, 2, 0));
    rep_field_add(d, f, "scale", NULL, NULL, rep_v_fixed(me->scale, 2, 0));
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
