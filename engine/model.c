/* model.c: lookups over a loaded model, ratification status, a profile's published figures and
 * events, and freeing. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void ilo_model_free(ilo_model *m)
{
    if (!m) return;
    if (m->priv) {
        for (int i = 0; i < ILO_NS__COUNT; i++) ilo_hash_free(&m->priv->ns[i]);
        free(m->priv->sdg_index);
        free(m->priv->conv_criteria);
        ilo_year_index_free(m->priv->years, m->n_countries);
        ilo_arena_free(&m->priv->arena);
        free(m->priv);
    }
    free(m->sources);
    free(m->conventions);
    free(m->groups);
    free(m->criteria);
    free(m->methods);
    free(m->regimes);
    free(m->countries);
    free(m->items);
    free(m->scenarios);
    free(m->vintages);
    free(m);
}

static size_t find(const ilo_model *m, int ns, const char *id)
{
    return (m && id) ? ilo_hash_get(&m->priv->ns[ns], id) : SIZE_MAX;
}

size_t ilo_model_find_country(const ilo_model *m, const char *code) { return find(m, ILO_NS_COUNTRY, code); }
size_t ilo_model_find_method(const ilo_model *m, const char *id) { return find(m, ILO_NS_METHOD, id); }
size_t ilo_model_find_regime(const ilo_model *m, const char *id) { return find(m, ILO_NS_REGIME, id); }
size_t ilo_model_find_criterion(const ilo_model *m, const char *id) { return find(m, ILO_NS_CRITERION, id); }
size_t ilo_model_find_convention(const ilo_model *m, const char *id) { return find(m, ILO_NS_CONVENTION, id); }
size_t ilo_model_find_item(const ilo_model *m, const char *id) { return find(m, ILO_NS_ITEM, id); }
size_t ilo_model_find_scenario(const ilo_model *m, const char *id) { return find(m, ILO_NS_SCENARIO, id); }

size_t ilo_model_find_criterion_sdg(const ilo_model *m, int sdg)
{
    if (!m || sdg <= 0 || (size_t)sdg >= m->priv->n_sdg) return SIZE_MAX;
    return m->priv->sdg_index[sdg];
}

ilo_ratification_status ilo_country_ratified(const ilo_model *m, size_t c, size_t conv, int year)
{
    const ilo_country *co = &m->countries[c];
    for (size_t i = 0; i < co->n_ratifications; i++) {
        const ilo_ratification *r = &co->ratifications[i];
        if (r->convention != conv) continue;
        if (r->status == ILO_RAT_RATIFIED && r->date.year > year) return ILO_RAT_NOT_RATIFIED;
        return r->status;
    }
    return ILO_RAT_NONE;
}

const ilo_published *ilo_country_published(const ilo_model *m, size_t c, const char *measure, int year)
{
    if (c >= m->n_countries) return NULL;
    const ilo_country *co = &m->countries[c];
    for (size_t i = 0; i < co->n_published; i++) {
        const ilo_published *p = &co->published[i];
        if (p->year == year && p->measure && strcmp(p->measure, measure) == 0) return p;
    }
    return NULL;
}

bool ilo_event_supervisory(const ilo_event *e)
{
    static const char *const ilo[] = {"ceacr", "cas", "cfa", "mission"};
    for (size_t i = 0; i < sizeof ilo / sizeof ilo[0]; i++)
        if (e->kind && strcmp(e->kind, ilo[i]) == 0) return true;
    return false;
}

bool ilo_event_supervisory_in(const ilo_event *e, int year) { return e->date.year == year && ilo_event_supervisory(e); }

bool ilo_conflict_about_item(const ilo_conflict *cf, const char *item)
{
    if (!cf->about) return false;
    size_t n = strlen(cf->about);
    return strncmp(cf->about, item, n) == 0 && (item[n] == '\0' || item[n] == '@');
}

bool ilo_conflict_about_source(const ilo_model *m, const ilo_conflict *cf, const size_t *cited)
{
    for (size_t s = 0; cf->about && s < m->n_sources; s++)
        if (cited[s] && m->sources[s].id && strcmp(m->sources[s].id, cf->about) == 0) return true;
    return false;
}
