/*
 * synth.c: synthetic worlds for benchmarks and scale tests.
 *
 * A synthetic world is an ordinary data tree: the catalogue of a real tree copied byte for byte,
 * and one profile per invented country. Codes come only from ISO 3166-1 alpha-3's user-assigned
 * ranges, every profile says `synthetic = true`, every title says "[Synthetic]", and no source has
 * a URL, so nothing here can pass for a real country or a real document.
 *
 * The shape follows what real profiles hold, at the density of the 1x benchmark world: span + 20
 * provisions (50 for 30 years) and about 200 incidents per 30 years of the span; per year a CEACR observation in most
 * years, now and then a CFA report or a CAS discussion, and NGO, media and ITUC reports; the
 * items cite the ILO texts of the years they are in force or after they happened, so the
 * evidence window codes them. Most incidents happen on one day (their end is their date); a
 * quarter last months or a year; a few of the last two years are still open. A per-country severity (1-9) spreads the scores; about 3% of
 * countries have a general prohibition in law (the worst score, hence ties at 10).
 *
 * Determinism: country i draws from its own gsl_rng_mt19937 seeded from (seed, i), with integer
 * draws only, so the same options give the same bytes and a bigger world starts with the smaller.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_rng.h>

#include "internal.h"

/* ---------------------------------------------------------------------------------------- */
/* Codes                                                                                    */
/* ---------------------------------------------------------------------------------------- */

/* X codes in use although user-assigned: Kosovo (XK*), ICAO's stateless and refugee documents
 * (XX*) and ICAO's codes for organisations. */
static bool x_code_in_use(char b, char c)
{
    static const char *const icao[] = {"BA", "CC", "CE", "CO", "DC", "EC", "ES", "IM", "MP", "OM", "PO"};
    if (b == 'K' || b == 'X') return true;
    for (size_t i = 0; i < sizeof icao / sizeof icao[0]; i++)
        if (icao[i][0] == b && icao[i][1] == c) return true;
    return false;
}

/* The user-assigned codes in the order they are handed out. */
static size_t all_codes(char (*out)[4], size_t max)
{
    size_t n = 0;
#define PUT(a, b, c)                                                                            \
    do {                                                                                        \
        if (out && n < max) {                                                                   \
            out[n][0] = (a);                                                                    \
            out[n][1] = (b);                                                                    \
            out[n][2] = (c);                                                                    \
            out[n][3] = '\0';                                                                   \
        }                                                                                       \
        n++;                                                                                    \
    } while (0)
    for (char b = 'M'; b <= 'Z'; b++)
        for (char c = 'A'; c <= 'Z'; c++) PUT('Q', b, c);
    for (char c = 'A'; c <= 'Z'; c++) PUT('Z', 'Z', c);
    for (char c = 'A'; c <= 'Z'; c++) PUT('A', 'A', c);
    for (char b = 'A'; b <= 'Z'; b++)
        for (char c = 'A'; c <= 'Z'; c++)
            if (!x_code_in_use(b, c)) PUT('X', b, c);
#undef PUT
    return n;
}

size_t ilo_synth_capacity(void) { return all_codes(NULL, 0); }

bool ilo_synth_code(size_t i, char code[4])
{
    char (*codes)[4] = malloc(1100 * sizeof *codes);
    if (!codes) return false;
    size_t n = all_codes(codes, 1100);
    bool ok = i < n && i < 1100;
    if (ok) memcpy(code, codes[i], 4);
    free(codes);
    return ok;
}

/* ---------------------------------------------------------------------------------------- */
/* A string builder                                                                         */
/* ---------------------------------------------------------------------------------------- */

typedef struct sb {
    char *p;
    size_t len, cap;
    bool failed;
} sb;

static void sb_printf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sb *b, const char *fmt, ...)
{
    if (b->failed) return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = true;
            return;
        }
        if (b->p && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap ? b->cap : 65536;
        while (cap <= b->len + (size_t)n) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
}

static void sb_put(sb *b, const char *data, size_t n)
{
    if (b->failed) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = '\0';
}

/* ---------------------------------------------------------------------------------------- */
/* Generation                                                                               */
/* ---------------------------------------------------------------------------------------- */

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15u;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
    return x ^ (x >> 31);
}

/* Criteria to draw from, by kind; `other` are those of conventions other than C087 and C098. */
typedef struct pools {
    size_t *law, *prac, *other_law, *other_prac, *forcing;
    size_t n_law, n_prac, n_other_law, n_other_prac, n_forcing;
} pools;

typedef struct gen {
    const ilo_model *m;
    const ilo_synth_opts *o;
    pools pl;
    gsl_rng *rng;
    sb out;
    char code[4], lc[4];
    /* per year of the span: which sources exist (bit per kind below) */
    unsigned char *have;
    /* the `examines` lines of the ILO sources on C087 and C098 (the CEACR's) and on C087 alone
     * (the CFA's and the CAS's), built once by examines_line(); empty when no group fits */
    sb ex_both, ex_one;
} gen;

enum { S_CEACR = 1, S_CFA = 2, S_CAS = 4, S_NGO = 8, S_MEDIA = 16, S_ITUC = 32 };
static const char *const kind_tag[] = {"ceacr", "cfa", "cas", "ngo", "media", "ituc"};

/* 0..n-1; 0 when n is 0 (gsl_rng_uniform_int rejects n = 0 through GSL's error handler). */
static size_t pick(gen *g, size_t n) { return n ? (size_t)gsl_rng_uniform_int(g->rng, (unsigned long)n) : 0; }
static bool chance(gen *g, unsigned percent) { return pick(g, 100) < percent; }

static const char *group_tag(const ilo_model *m, size_t k)
{
    const char *id = m->groups[m->criteria[k].group].id;
    return id ? id : "";
}

static const char *provision_text(const ilo_model *m, size_t k)
{
    const char *g = group_tag(m, k);
    if (strcmp(g, "facb-1") == 0)
        return "lets the police detain union officers for up to 30 days without charge for organising meetings the "
               "authorities did not approve";
    if (strcmp(g, "facb-2") == 0)
        return "requires every union to join a national federation within six months and lets the ministry refuse "
               "registration on broad grounds";
    if (strcmp(g, "facb-3") == 0)
        return "bars unions from any political activity and requires written permission ten days before a public "
               "meeting or demonstration";
    if (strcmp(g, "facb-4") == 0)
        return "excludes public servants from collective bargaining and lets the employer fix wages alone after one "
               "failed round of talks";
    if (strcmp(g, "facb-5") == 0)
        return "bans strikes in an open-ended list of essential services and requires a two-thirds ballot of all "
               "employees before any strike";
    return "leaves the guarantee of the convention without effect for the workers of the sector it covers";
}

static const char *incident_text(const ilo_model *m, size_t k)
{
    const char *g = group_tag(m, k);
    if (strcmp(g, "facb-1") == 0) return "police detain union members after a meeting; two leaders are charged and fined";
    if (strcmp(g, "facb-2") == 0) return "the authorities refuse to register a new union and its founders are dismissed";
    if (strcmp(g, "facb-3") == 0) return "a union rally is dispersed and the union's premises are searched without a warrant";
    if (strcmp(g, "facb-4") == 0)
        return "the employer refuses to bargain and signs an agreement with a union it sponsors";
    if (strcmp(g, "facb-5") == 0) return "striking workers are dismissed and a court declares the strike illegal";
    return "workers are threatened with dismissal after raising a complaint with the inspectorate";
}

static bool has(const gen *g, int year, unsigned kind)
{
    if (year < g->o->from || year > g->o->to) return false;
    return (g->have[year - g->o->from] & kind) != 0;
}

static void put_source(gen *g, int year, unsigned kind, const char *publisher, const char *kind_name, const char *title,
                       const char *date, const char *convs, const sb *examines)
{
    int t = __builtin_ctz(kind);
    sb_printf(&g->out, "  { id = \"%s-%s-%d\"; publisher = \"%s\"; kind = \"%s\";\n    title = \"[Synthetic] %s, %d\"; "
                       "date = \"%d-%s\";%s%.*s },\n",
              g->lc, kind_tag[t], year, publisher, kind_name, title, year, year, date, convs,
              examines ? (int)examines->len : 0, examines && examines->p ? examines->p : "");
}

/* The `examines` line of an ILO text on C087 (and C098 when c98): the groups of the catalogue all
 * of whose criteria belong to those conventions, in catalogue order. A synthetic text examines
 * whole groups within its conventions, so that criteria it does not code can be clear in its year
 * (without `examines` a text leaves them not assessed). No randomness: the world's other bytes do
 * not depend on it. Left empty when no group fits. */
static void examines_line(const ilo_model *m, bool c98, sb *out)
{
    bool first = true;
    for (size_t gi = 0; gi < m->n_groups; gi++) {
        size_t n = 0;
        bool inside = true;
        for (size_t k = 0; k < m->n_criteria && inside; k++) {
            const ilo_criterion *c = &m->criteria[k];
            if (c->group != gi) continue;
            n++;
            inside = c->convention == m->c087 || (c98 && c->convention == m->c098);
        }
        if (!inside || !n) continue;
        sb_printf(out, "%s \"%s\"", first ? "\n    examines = [" : ",", m->groups[gi].id);
        first = false;
    }
    if (!first) sb_printf(out, " ];");
}

/* Appends criterion ids (distinct) drawn from pool p. */
static size_t draw_criteria(gen *g, const size_t *p, size_t n, size_t want, size_t *out)
{
    size_t got = 0;
    for (size_t tries = 0; got < want && tries < 4 * want + 4 && n; tries++) {
        size_t k = p[pick(g, n)];
        bool dup = false;
        for (size_t i = 0; i < got; i++) dup |= out[i] == k;
        if (!dup) out[got++] = k;
    }
    return got;
}

static void put_list_criteria(gen *g, const size_t *k, size_t n)
{
    sb_printf(&g->out, "criteria = [");
    for (size_t i = 0; i < n; i++) sb_printf(&g->out, "%s \"%s\"", i ? "," : "", g->m->criteria[k[i]].id);
    sb_printf(&g->out, " ];");
}

/* A source reference "cc-kind-year" into refs (distinct); returns the new count. */
static size_t add_ref(char (*refs)[48], size_t n, size_t max, const char *lc, unsigned kind, int year)
{
    if (n >= max) return n;
    char id[48];
    snprintf(id, sizeof id, "%s-%s-%d", lc, kind_tag[__builtin_ctz(kind)], year);
    for (size_t i = 0; i < n; i++)
        if (strcmp(refs[i], id) == 0) return n;
    memcpy(refs[n], id, sizeof id);
    return n + 1;
}

static void put_refs(gen *g, char (*refs)[48], size_t n, const char *extra)
{
    sb_printf(&g->out, " sources = [");
    bool first = true;
    if (extra) {
        sb_printf(&g->out, " \"%s\"", extra);
        first = false;
    }
    for (size_t i = 0; i < n; i++, first = false) sb_printf(&g->out, "%s \"%s\"", first ? "" : ",", refs[i]);
    sb_printf(&g->out, " ];");
}

static void gen_country(gen *g, size_t index)
{
    const ilo_model *m = g->m;
    const ilo_synth_opts *o = g->o;
    int y0 = o->from, y1 = o->to, span = y1 - y0 + 1;
    unsigned sev = 1 + (unsigned)pick(g, 9);
    bool c87 = m->c087 != SIZE_MAX, c98 = m->c098 != SIZE_MAX;
    char both[64] = "", one[64] = "";
    if (c87 && c98)
        snprintf(both, sizeof both, " conventions = [ \"%s\", \"%s\" ];", m->conventions[m->c087].id,
                 m->conventions[m->c098].id);
    if (c87) snprintf(one, sizeof one, " conventions = [ \"%s\" ];", m->conventions[m->c087].id);

    sb_printf(&g->out,
              "# Synthetic country generated by `iloscore synth` (seed %llu, years %d-%d, country %zu).\n"
              "# Not a real country: its code is from the ISO 3166-1 user-assigned range and every record\n"
              "# below is invented, for benchmarks and scale tests only.\n",
              (unsigned long long)o->seed, y0, y1, index);
    sb_printf(&g->out,
              "country = { code = \"%s\"; name = \"Synthetic %s\"; region = \"Synthetic region %zu\"; synthetic = true;\n"
              "  note = \"Invented by iloscore synth (seed %llu): not a country, not real facts; severity %u of 9.\"; };\n",
              g->code, g->code, 1 + index % 6, (unsigned long long)o->seed, sev);

    /* Sources. */
    sb_printf(&g->out, "sources = (\n");
    sb_printf(&g->out,
              "  { id = \"%s-normlex\"; publisher = \"ILO NORMLEX (synthetic)\"; kind = \"ilo-other\";\n"
              "    title = \"[Synthetic] Ratifications of %s\"; date = \"%d\"; },\n"
              "  { id = \"%s-law\"; publisher = \"Synthetic Parliament\"; kind = \"legislation\";\n"
              "    title = \"[Synthetic] Consolidated labour legislation of %s\"; date = \"%d\"; },\n",
              g->lc, g->code, y0, g->lc, g->code, y0);
    for (int y = y0; y <= y1; y++) {
        unsigned h = 0;
        if (chance(g, 70 + 3 * sev)) h |= S_CEACR;
        if (chance(g, 8 + 4 * sev)) h |= S_CFA;
        if (chance(g, 1 + 2 * sev)) h |= S_CAS;
        if (chance(g, 80)) h |= S_NGO;
        if (chance(g, 70)) h |= S_MEDIA;
        if (chance(g, 90)) h |= S_ITUC;
        g->have[y - y0] = (unsigned char)h;
        char date[16];
        if (h & S_CEACR)
            put_source(g, y, S_CEACR, "ILO Committee of Experts (synthetic)", "ilo-ceacr", "CEACR observation on C087 and C098",
                       "02", both, &g->ex_both);
        if (h & S_CFA) {
            snprintf(date, sizeof date, "%02zu", 3 + 4 * pick(g, 3));
            put_source(g, y, S_CFA, "ILO Committee on Freedom of Association (synthetic)", "ilo-cfa", "CFA report", date, one, &g->ex_one);
        }
        if (h & S_CAS)
            put_source(g, y, S_CAS, "ILO Conference Committee (synthetic)", "ilo-cas", "CAS conclusions on C087", "06", one, &g->ex_one);
        if (h & S_NGO) {
            snprintf(date, sizeof date, "%02zu-%02zu", 1 + pick(g, 12), 1 + pick(g, 28));
            put_source(g, y, S_NGO, "Synthetic Rights Watch", "ngo", "Workers' rights report", date, "", NULL);
        }
        if (h & S_MEDIA) {
            snprintf(date, sizeof date, "%02zu-%02zu", 1 + pick(g, 12), 1 + pick(g, 28));
            put_source(g, y, S_MEDIA, "Synthetic Daily", "media", "News report on unions", date, "", NULL);
        }
        if (h & S_ITUC) put_source(g, y, S_ITUC, "ITUC (synthetic)", "ituc", "Survey of violations of trade union rights", "06", "", NULL);
    }
    g->out.len -= 2; /* the last ",\n" */
    sb_printf(&g->out, "\n);\n");

    /* Ratifications (none listed when the catalogue has neither C087 nor C098). */
    unsigned r = (unsigned)pick(g, 100);
    if (c87 || c98) {
        sb_printf(&g->out, "ratifications = (\n");
        for (int c = 0; c < 2; c++) {
            size_t conv = c == 0 ? m->c087 : m->c098;
            if (conv == SIZE_MAX) continue;
            bool ratified = r < 84 || (c == 0 && r < 92);
            const char *sep = c == 0 && c98 ? "," : "";
            int lo = m->conventions[conv].year > 1950 ? m->conventions[conv].year : 1950;
            int hi = y0 + 10 < y1 ? y0 + 10 : y1;
            if (hi < lo) hi = lo;
            if (ratified)
                sb_printf(&g->out, "  { convention = \"%s\"; status = \"ratified\"; date = \"%d-%02zu-%02zu\"; sources = [ \"%s-normlex\" ]; }%s\n",
                          m->conventions[conv].id, lo + (int)pick(g, (size_t)(hi - lo + 1)), 1 + pick(g, 12),
                          1 + pick(g, 28), g->lc, sep);
            else
                sb_printf(&g->out, "  { convention = \"%s\"; status = \"not-ratified\"; sources = [ \"%s-normlex\" ]; }%s\n",
                          m->conventions[conv].id, g->lc, sep);
        }
        sb_printf(&g->out, ");\n");
    }

    /* Provisions. */
    static const char *const acts[] = {"Trade Union Act", "Labour Code", "Law on Public Assemblies", "Criminal Code"};
    int act_year[4];
    for (int a = 0; a < 4; a++) {
        int lo = y0 - 15 > ILO_YEAR_MIN ? y0 - 15 : ILO_YEAR_MIN;
        act_year[a] = lo + (int)pick(g, (size_t)(y1 - lo + 1));
    }
    /* Provisions come into force at a steady rate from 20 years before the span (so its first years
     * already have laws in force, as later ones do) and stay 1 to 20 years: every year of a long
     * world holds about what a year of a short one does. */
    size_t n_prov = (size_t)span + 20, n_inc = ((size_t)span * 200 + 15) / 30;
    if (!n_prov) n_prov = 1;
    if (!n_inc) n_inc = 1;
    bool gp = chance(g, 3) && g->pl.n_forcing;
    char refs[8][48];
    size_t crit[4];
    sb_printf(&g->out, "provisions = (\n");
    for (size_t i = 0; i < n_prov; i++) {
        size_t a = pick(g, 4);
        int in_y = y0 - 20 + (int)pick(g, (size_t)span + 20);
        if (in_y < ILO_YEAR_MIN) in_y = ILO_YEAR_MIN;
        int act_y = act_year[a] < in_y ? act_year[a] : in_y;
        size_t nk;
        if (i == 0 && gp) nk = draw_criteria(g, g->pl.forcing, g->pl.n_forcing, 1, crit);
        else if (chance(g, 10) && g->pl.n_other_law) nk = draw_criteria(g, g->pl.other_law, g->pl.n_other_law, 1, crit);
        else nk = draw_criteria(g, g->pl.law, g->pl.n_law, 1 + chance(g, 30) + chance(g, 10), crit);
        if (!nk) nk = draw_criteria(g, g->pl.other_law, g->pl.n_other_law, 1, crit);
        /* One still in force when the data ends has no repeal. */
        int rep_y = in_y + 1 + (int)pick(g, 20);
        if (rep_y > y1 || rep_y > ILO_YEAR_MAX) rep_y = 0;
        /* ILO texts of years the provision is in force cite it. */
        size_t nr = 0;
        int lo = in_y > y0 ? in_y : y0, hi = rep_y && rep_y - 1 < y1 ? rep_y - 1 : y1;
        for (unsigned t = 0; hi >= lo && t < 1 + sev / 2 + (sev > 5); t++) {
            int y = lo + (int)pick(g, (size_t)(hi - lo + 1));
            if (has(g, y, S_CEACR)) nr = add_ref(refs, nr, 8, g->lc, S_CEACR, y);
            else if (has(g, y, S_CFA)) nr = add_ref(refs, nr, 8, g->lc, S_CFA, y);
        }
        sb_printf(&g->out, "  { id = \"%s-p%03zu\"; instrument = \"Synthetic %s of %d\"; article = \"art. %zu(%zu)\";\n",
                  g->lc, i + 1, acts[a], act_y, 1 + pick(g, 120), 1 + pick(g, 6));
        sb_printf(&g->out, "    summary = \"Invented for benchmarks: the act %s.\";\n", provision_text(m, crit[0]));
        sb_printf(&g->out, "    in_force = \"%d-%02zu-%02zu\";", in_y, 1 + pick(g, 12), 1 + pick(g, 28));
        if (rep_y) sb_printf(&g->out, " repealed = \"%d-%02zu-%02zu\";", rep_y, 1 + pick(g, 12), 1 + pick(g, 28));
        sb_printf(&g->out, "\n    ");
        put_list_criteria(g, crit, nk);
        char law[16];
        snprintf(law, sizeof law, "%s-law", g->lc);
        put_refs(g, refs, nr, law);
        sb_printf(&g->out, " }%s\n", i + 1 < n_prov ? "," : "");
    }
    sb_printf(&g->out, ");\n");

    /* Incidents. */
    sb_printf(&g->out, "incidents = (\n");
    for (size_t i = 0; i < n_inc; i++) {
        int y = y0 + (int)pick(g, (size_t)span);
        size_t mo = 1 + pick(g, 12), dd = 1 + pick(g, 28);
        size_t nk = chance(g, 10) && g->pl.n_other_prac
                        ? draw_criteria(g, g->pl.other_prac, g->pl.n_other_prac, 1, crit)
                        : draw_criteria(g, g->pl.prac, g->pl.n_prac, 1 + chance(g, 25), crit);
        if (!nk) nk = draw_criteria(g, g->pl.other_prac, g->pl.n_other_prac, 1, crit);
        if (!nk) nk = draw_criteria(g, g->pl.law, g->pl.n_law, 1, crit);
        size_t nr = 0;
        static const unsigned other[] = {S_NGO, S_MEDIA, S_ITUC};
        for (unsigned t = 0, nt = 1u + chance(g, 40); t < nt; t++) {
            int yy = y + (int)pick(g, 2);
            unsigned k = other[pick(g, 3)];
            if (has(g, yy, k)) nr = add_ref(refs, nr, 8, g->lc, k, yy);
        }
        if (chance(g, 20 + 7 * sev)) {
            int yy = y + (int)pick(g, 3);
            if (has(g, yy, S_CFA) && chance(g, 50)) nr = add_ref(refs, nr, 8, g->lc, S_CFA, yy);
            else if (has(g, yy, S_CEACR)) nr = add_ref(refs, nr, 8, g->lc, S_CEACR, yy);
        }
        for (int yy = y; nr == 0 && yy <= y1; yy++)
            for (unsigned t = 0; t < 3 && nr == 0; t++)
                if (has(g, yy, other[t])) nr = add_ref(refs, nr, 8, g->lc, other[t], yy);
        sb_printf(&g->out, "  { id = \"%s-i%04zu\"; date = \"%d-%02zu-%02zu\";", g->lc, i + 1, y, mo, dd);
        /* A quarter last into the next months or year; the others happen on one day, written as
         * the real profiles write it (end = the day itself), except that some of the last two
         * years' stay open, still going on when the data ends. Without an end an incident lasts
         * (the data format), and open incidents from every year would pile up: the 16x world's
         * country-years would each hold 3.6 times 1x's findings under the occurrence window. */
        if (chance(g, 25)) {
            if (chance(g, 50)) sb_printf(&g->out, " end = \"%d-%02zu-28\";", y, mo + pick(g, 13 - mo));
            else {
                size_t emo = 1 + pick(g, 12);
                /* In the last year the data can hold, the next year's month becomes its last day:
                 * an end before the date would be rejected by the loader. */
                if (y + 1 > ILO_YEAR_MAX) sb_printf(&g->out, " end = \"%d-12-31\";", y);
                else sb_printf(&g->out, " end = \"%d-%02zu-28\";", y + 1, emo);
            }
        } else if (y + 2 <= y1 || chance(g, 80)) {
            sb_printf(&g->out, " end = \"%d-%02zu-%02zu\";", y, mo, dd);
        }
        sb_printf(&g->out, " place = \"Synthetic city %zu\"; who = \"Synthetic union %zu\";", 1 + pick(g, 40), 1 + pick(g, 25));
        if (chance(g, 50)) sb_printf(&g->out, " count = \"%zu workers\";", 2 + pick(g, 300));
        sb_printf(&g->out, "\n    summary = \"Invented for benchmarks: %s.\";\n    ", incident_text(m, crit[0]));
        put_list_criteria(g, crit, nk);
        char fallback[24];
        snprintf(fallback, sizeof fallback, "%s-normlex", g->lc);
        put_refs(g, refs, nr, nr ? NULL : fallback);
        sb_printf(&g->out, " }%s\n", i + 1 < n_inc ? "," : "");
    }
    sb_printf(&g->out, ");\n");

    /* Events: the CAS discussions. */
    size_t n_ev = 0;
    for (int y = y0; y <= y1; y++) n_ev += has(g, y, S_CAS);
    if (n_ev) {
        sb_printf(&g->out, "events = (\n");
        for (int y = y0, k = 0; y <= y1; y++) {
            if (!has(g, y, S_CAS)) continue;
            sb_printf(&g->out, "  { id = \"%s-ev-cas-%d\"; date = \"%d-06\"; kind = \"cas\"; title = \"[Synthetic] CAS examines %s\"; sources = [ \"%s-cas-%d\" ]; }%s\n",
                      g->lc, y, y, g->code, g->lc, y, (size_t)++k < n_ev ? "," : "");
        }
        sb_printf(&g->out, ");\n");
    }

    /* A breakdown of the rule of law, rarely. */
    if (chance(g, 2)) {
        int y = y0 + (int)pick(g, (size_t)span), until = y + 2 < y1 ? y + 2 : y1;
        sb_printf(&g->out, "breakdowns = ( { from = \"%d\"; until = \"%d\"; sources = [ \"%s-normlex\" ]; note = \"Invented.\"; } );\n",
                  y, until < y ? y : until, g->lc);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Files                                                                                    */
/* ---------------------------------------------------------------------------------------- */

static void rm_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            char sub[4096];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            struct stat st;
            if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) rm_tree(sub);
            else unlink(sub);
        }
        closedir(d);
    }
    rmdir(path);
}

static ilo_status write_file(const char *path, const char *data, size_t n, ilo_ctx *ctx)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) return ilo_ctx_set(ctx, ILO_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    bool ok = fwrite(data, 1, n, fp) == n;
    ok &= fclose(fp) == 0;
    if (!ok) return ilo_ctx_set(ctx, ILO_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    return ILO_OK;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Copies every *.cfg of src/sub to dst/sub (created), in name order. A missing optional folder
 * is no error. */
static ilo_status copy_folder(const char *src, const char *dst, const char *sub, bool required, ilo_ctx *ctx)
{
    char from[4096], to[4096];
    snprintf(from, sizeof from, "%s/%s", src, sub);
    snprintf(to, sizeof to, "%s/%s", dst, sub);
    DIR *d = opendir(from);
    if (!d) {
        if (!required && errno == ENOENT) return ILO_OK;
        return ilo_ctx_set(ctx, ILO_ERR_IO, from, 0, "cannot open folder: %s", strerror(errno));
    }
    if (mkdir(to, 0777) != 0 && errno != EEXIST) {
        closedir(d);
        return ilo_ctx_set(ctx, ILO_ERR_IO, to, 0, "cannot create folder: %s", strerror(errno));
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    ilo_status st = ILO_OK;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".cfg") != 0 || e->d_name[0] == '.') continue;
        char *copy = strdup(e->d_name);
        if (!copy || !ilo_grow((void **)&names, &cap, n, sizeof *names)) {
            free(copy);
            st = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
            break;
        }
        names[n++] = copy;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        if (st == ILO_OK) {
            char a[8192], b[8192];
            snprintf(a, sizeof a, "%s/%s", from, names[i]);
            snprintf(b, sizeof b, "%s/%s", to, names[i]);
            FILE *fp = fopen(a, "rb");
            sb buf = {0};
            if (!fp) {
                st = ilo_ctx_set(ctx, ILO_ERR_IO, a, 0, "cannot read: %s", strerror(errno));
            } else {
                char chunk[65536];
                size_t got;
                while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) sb_put(&buf, chunk, got);
                bool bad = ferror(fp) || buf.failed;
                fclose(fp);
                if (bad) st = ilo_ctx_set(ctx, ILO_ERR_IO, a, 0, "cannot read");
                else st = write_file(b, buf.p ? buf.p : "", buf.len, ctx);
            }
            free(buf.p);
        }
        free(names[i]);
    }
    free(names);
    return st;
}

static size_t *collect(const ilo_model *m, bool facb, ilo_criterion_kind kind, bool forcing, size_t *n)
{
    size_t *out = malloc((m->n_criteria + 1) * sizeof *out);
    *n = 0;
    if (!out) return NULL;
    for (size_t k = 0; k < m->n_criteria; k++) {
        const ilo_criterion *c = &m->criteria[k];
        bool is_facb = c->convention == m->c087 || c->convention == m->c098;
        if (forcing) {
            if (c->all_encompassing && c->kind == ILO_LAW) out[(*n)++] = k;
        } else if (is_facb == facb && c->kind == kind && !c->general_prohibition) {
            out[(*n)++] = k;
        }
    }
    return out;
}

ilo_status ilo_synth_write(const char *catalogue, const ilo_synth_opts *o, const char *out_dir, ilo_ctx *ctx)
{
    if (o->countries < 1 || o->countries > ilo_synth_capacity())
        return ilo_ctx_set(ctx, ILO_ERR_LIMIT, NULL, 0, "a synthetic world holds 1 to %zu countries (the ISO 3166-1 user-assigned codes)",
                           ilo_synth_capacity());
    if (o->from < ILO_YEAR_MIN || o->to > ILO_YEAR_MAX || o->from > o->to)
        return ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "bad year range %d-%d", o->from, o->to);
    struct stat st;
    if (stat(out_dir, &st) == 0) {
        DIR *d = S_ISDIR(st.st_mode) ? opendir(out_dir) : NULL;
        bool empty = d != NULL;
        struct dirent *e;
        while (d && (e = readdir(d)))
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) empty = false;
        if (d) closedir(d);
        if (!empty) return ilo_ctx_set(ctx, ILO_ERR_IO, out_dir, 0, "already exists and is not an empty folder");
    }

    char tmp[4096];
    size_t len = strlen(out_dir);
    while (len > 1 && out_dir[len - 1] == '/') len--;
    if (len + 32 > sizeof tmp) return ilo_ctx_set(ctx, ILO_ERR_IO, out_dir, 0, "path too long");
    int made = -1;
    for (int i = 0; i < 100 && made != 0; i++) {
        snprintf(tmp, sizeof tmp, "%.*s.tmp-%ld-%d", (int)len, out_dir, (long)getpid(), i);
        made = mkdir(tmp, 0777);
        if (made != 0 && errno != EEXIST) break;
    }
    if (made != 0) return ilo_ctx_set(ctx, ILO_ERR_IO, tmp, 0, "cannot create folder: %s", strerror(errno));

    gen g = {.o = o};
    ilo_model *m = NULL;
    ilo_status rc = ILO_OK;
    char path[8192];
    char (*codes)[4] = NULL;
    /* The catalogue first, then read back from the copy: only the catalogue is loaded, so the
     * country profiles of the source tree play no part (and cannot stop the run). */
    if ((rc = copy_folder(catalogue, tmp, "criteria", true, ctx)) != ILO_OK ||
        (rc = copy_folder(catalogue, tmp, "criteria/methods", true, ctx)) != ILO_OK ||
        (rc = copy_folder(catalogue, tmp, "criteria/regimes", false, ctx)) != ILO_OK ||
        (rc = ilo_model_load(tmp, NULL, 0, &m, ctx)) != ILO_OK)
        goto out;
    g.m = m;
    if (m->n_criteria == 0) {
        rc = ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "the catalogue has no criteria");
        goto out;
    }
    g.pl.law = collect(m, true, ILO_LAW, false, &g.pl.n_law);
    g.pl.prac = collect(m, true, ILO_PRACTICE, false, &g.pl.n_prac);
    g.pl.other_law = collect(m, false, ILO_LAW, false, &g.pl.n_other_law);
    g.pl.other_prac = collect(m, false, ILO_PRACTICE, false, &g.pl.n_other_prac);
    g.pl.forcing = collect(m, true, ILO_LAW, true, &g.pl.n_forcing);
    /* Same conditions as the `conventions` the ILO sources carry (gen_country()). */
    if (m->c087 != SIZE_MAX && m->c098 != SIZE_MAX) examines_line(m, true, &g.ex_both);
    if (m->c087 != SIZE_MAX) examines_line(m, false, &g.ex_one);
    g.have = calloc((size_t)(o->to - o->from + 1), 1);
    g.rng = gsl_rng_alloc(gsl_rng_mt19937);
    codes = malloc((o->countries + 1) * sizeof *codes);
    if (!g.pl.law || !g.pl.prac || !g.pl.other_law || !g.pl.other_prac || !g.pl.forcing || !g.have || !g.rng || !codes ||
        g.ex_both.failed || g.ex_one.failed) {
        rc = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
        goto out;
    }
    if (g.pl.n_law + g.pl.n_other_law == 0 || g.pl.n_prac + g.pl.n_other_prac + g.pl.n_law == 0) {
        rc = ilo_ctx_set(ctx, ILO_ERR_INVALID, NULL, 0, "the catalogue has no criteria in law to code");
        goto out;
    }
    all_codes(codes, o->countries);
    snprintf(path, sizeof path, "%s/countries", tmp);
    if (mkdir(path, 0777) != 0) {
        rc = ilo_ctx_set(ctx, ILO_ERR_IO, path, 0, "cannot create folder: %s", strerror(errno));
        goto out;
    }
    uint64_t h = splitmix64(o->seed ^ 0x53594E5448ull); /* "SYNTH" */
    for (size_t i = 0; i < o->countries; i++) {
        memcpy(g.code, codes[i], 4);
        for (int k = 0; k < 4; k++) g.lc[k] = (char)(g.code[k] >= 'A' && g.code[k] <= 'Z' ? g.code[k] + 32 : g.code[k]);
        gsl_rng_set(g.rng, (unsigned long)(1 + (h % 0xFFFFFFFFu + i % 0xFFFFFFFFu) % 0xFFFFFFFFu));
        g.out.len = 0;
        gen_country(&g, i);
        if (g.out.failed) {
            rc = ilo_ctx_set(ctx, ILO_ERR_NOMEM, NULL, 0, "out of memory");
            goto out;
        }
        snprintf(path, sizeof path, "%s/countries/%s.cfg", tmp, g.code);
        if ((rc = write_file(path, g.out.p, g.out.len, ctx)) != ILO_OK) goto out;
    }
    char final[4096];
    snprintf(final, sizeof final, "%.*s", (int)len, out_dir);
    if (rename(tmp, final) != 0) rc = ilo_ctx_set(ctx, ILO_ERR_IO, final, 0, "cannot create: %s", strerror(errno));
out:
    if (rc != ILO_OK) rm_tree(tmp);
    free(g.pl.law);
    free(g.pl.prac);
    free(g.pl.other_law);
    free(g.pl.other_prac);
    free(g.pl.forcing);
    free(g.have);
    free(g.out.p);
    free(g.ex_both.p);
    free(g.ex_one.p);
    free(codes);
    gsl_rng_free(g.rng);
    ilo_model_free(m);
    return rc;
}
