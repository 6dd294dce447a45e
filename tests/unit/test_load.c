/* test_load.c: the loader on tests/data/mini (counts, ids resolved to indices, the rule closure,
 * the days items count), then one test per validation rule of docs/data-format.md through the
 * library: a copy of the mini tree with one edit must fail to load with exactly the expected
 * status, file, line and message. The bad-input catalogue (tests/bad) covers the same rules
 * through the CLI; these tests pin the library's side of the contract. */
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

/* ---------------------------------------------------------------------------------------- */
/* The valid mini tree                                                                      */
/* ---------------------------------------------------------------------------------------- */

static ilo_model *M;

static int setup(void **state)
{
    (void)state;
    M = test_load("mini");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(M);
    M = NULL;
    return 0;
}

static size_t crit(const char *id)
{
    size_t k = ilo_model_find_criterion(M, id);
    if (k == SIZE_MAX) fail_msg("no criterion \"%s\"", id);
    return k;
}

static const ilo_item *item(const char *id)
{
    size_t i = ilo_model_find_item(M, id);
    if (i == SIZE_MAX) fail_msg("no item \"%s\"", id);
    return &M->items[i];
}

static size_t find_group(const char *id)
{
    for (size_t g = 0; g < M->n_groups; g++)
        if (strcmp(M->groups[g].id, id) == 0) return g;
    fail_msg("no group \"%s\"", id);
    return SIZE_MAX;
}

static size_t find_source(const char *id)
{
    for (size_t s = 0; s < M->n_sources; s++)
        if (strcmp(M->sources[s].id, id) == 0) return s;
    fail_msg("no source \"%s\"", id);
    return SIZE_MAX;
}

static void mini_counts(void **state)
{
    (void)state;
    assert_int_equal(M->n_files, 6);
    assert_int_equal(M->n_conventions, 2);
    assert_int_equal(M->n_groups, 2);
    assert_int_equal(M->n_criteria, 6);
    assert_int_equal(M->n_methods, 2);
    assert_int_equal(M->n_regimes, 1);
    assert_int_equal(M->n_countries, 1);
    assert_int_equal(M->n_items, 6);
    assert_int_equal(M->n_scenarios, 1);
    assert_int_equal(M->n_sources, 6); /* 1 catalogue, 1 regime, 4 country */
    const ilo_country *c = &M->countries[ilo_model_find_country(M, "XAA")];
    assert_int_equal(c->n_items, 6);
    assert_int_equal(c->n_ratifications, 2);
    assert_int_equal(c->n_events, 1);
    assert_int_equal(c->n_conflicts, 1);
    assert_int_equal(c->n_published, 1);
    assert_int_equal(c->n_breakdowns, 1);
    assert_true(c->synthetic);
    assert_int_equal(M->regimes[0].n_criteria, 3);
    assert_int_equal(M->scenarios[0].n_ops, 4);
}

static void ids_resolve_to_indices(void **state)
{
    (void)state;
    assert_int_equal(M->c087, ilo_model_find_convention(M, "C087"));
    assert_int_equal(M->c098, ilo_model_find_convention(M, "C098"));
    assert_true(M->c087 != SIZE_MAX && M->c098 != SIZE_MAX && M->c087 != M->c098);
    const ilo_criterion *d = &M->criteria[crit("discrim")];
    assert_int_equal(d->group, find_group("g2"));
    assert_int_equal(d->convention, M->c098);
    assert_int_equal(d->kind, ILO_PRACTICE);
    const ilo_criterion *a = &M->criteria[crit("arrest")];
    assert_int_equal(a->group, find_group("g1"));
    assert_int_equal(a->n_sources, 1);
    assert_int_equal(a->sources[0], find_source("mini-meta"));
    const ilo_item *p = item("xaa-law-1");
    assert_int_equal(p->kind, ILO_ITEM_PROVISION);
    assert_int_equal(p->n_criteria, 1);
    assert_int_equal(p->criteria[0], crit("registration-law"));
    assert_int_equal(p->n_sources, 2);
    assert_int_equal(p->sources[0], find_source("xaa-law-2015"));
    assert_int_equal(p->sources[1], find_source("xaa-ceacr-2018"));
    const ilo_source *s = &M->sources[find_source("xaa-cfa-2019")];
    assert_int_equal(s->kind, ILO_SRC_CFA);
    assert_int_equal(s->n_conventions, 2);
    assert_int_equal(s->conventions[0], M->c087);
    assert_int_equal(s->conventions[1], M->c098);
    const ilo_country *c = &M->countries[0];
    assert_int_equal(c->ratifications[0].convention, M->c087);
    assert_int_equal(c->ratifications[0].status, ILO_RAT_RATIFIED);
    assert_int_equal(c->ratifications[1].convention, M->c098);
    assert_int_equal(c->ratifications[1].status, ILO_RAT_NOT_RATIFIED);
    const ilo_regime_criterion *rc = &M->regimes[0].criteria[0];
    assert_int_equal(rc->n_conventions, 1);
    assert_int_equal(rc->conventions[0], M->c087);
    assert_int_equal(rc->n_groups, 2);
    assert_int_equal(rc->groups[1], find_group("g2"));
    assert_true(M->regimes[0].criteria[2].outside);
    const ilo_scenario *sc = &M->scenarios[0];
    assert_int_equal(sc->country, 0);
    assert_int_equal(sc->ops[0].kind, ILO_OP_REPEAL);
    assert_int_equal(sc->ops[0].target, ilo_model_find_item(M, "xaa-law-2"));
    assert_int_equal(sc->ops[1].kind, ILO_OP_AMEND);
    assert_int_equal(sc->ops[1].n_criteria, 0);
    assert_int_equal(sc->ops[2].target, ilo_model_find_item(M, "xaa-ban"));
    assert_int_equal(sc->ops[3].kind, ILO_OP_ADD_INCIDENT);
    assert_string_equal(sc->ops[3].added.id, "s-strike");
    assert_int_equal(sc->ops[3].added.criteria[0], crit("arrest"));
    assert_int_equal(ilo_model_find_criterion_sdg(M, 12), crit("arrest"));
    assert_int_equal(ilo_model_find_criterion_sdg(M, 41), crit("discrim"));
    assert_int_equal(ilo_model_find_criterion_sdg(M, 13), SIZE_MAX);
}

static void criteria_weights_and_flags(void **state)
{
    (void)state;
    assert_int_equal(M->criteria[crit("arrest")].weight_hundredths, 195);
    assert_int_equal(M->criteria[crit("killing")].weight_hundredths, 200);
    assert_int_equal(M->criteria[crit("discrim")].weight_hundredths, 180); /* written 1.8 */
    assert_int_equal(M->criteria[crit("registration-law")].weight_hundredths, 178);
    assert_true(M->criteria[crit("arrest")].published);
    assert_false(M->criteria[crit("discrim")].published);
    assert_string_equal(M->criteria[crit("discrim")].weight_note, "mean of g2 practice weights");
    assert_true(M->criteria[crit("gp-strike-law")].general_prohibition);
    assert_false(M->criteria[crit("gp-strike-law")].all_encompassing);
    assert_true(M->criteria[crit("gp-join")].all_encompassing);
    assert_false(M->criteria[crit("arrest")].general_prohibition);
}

static void rules_are_closed_transitively(void **state)
{
    (void)state;
    const ilo_bitset *gp = &M->criteria[crit("gp-strike-law")].implies;
    assert_int_equal(ilo_bitset_count(gp), 2);
    assert_true(ilo_bitset_has(gp, crit("gp-strike-law")));
    assert_true(ilo_bitset_has(gp, crit("arrest")));
    const ilo_bitset *a = &M->criteria[crit("arrest")].implies;
    assert_int_equal(ilo_bitset_count(a), 1); /* rules go one way */
    assert_true(ilo_bitset_has(a, crit("arrest")));
    const ilo_bitset *coded = &item("xaa-law-2")->coded;
    assert_int_equal(ilo_bitset_count(coded), 2);
    assert_true(ilo_bitset_has(coded, crit("arrest")));
    assert_int_equal(ilo_bitset_count(&item("xaa-law-1")->coded), 1);
}

static void items_count_from_their_first_to_their_last_day(void **state)
{
    (void)state;
    const ilo_item *p = item("xaa-law-1"); /* in force 2015-05-01, repealed 2020-01-01 */
    assert_int_equal(p->first_day, ilo_days_from_civil(2015, 5, 1));
    assert_int_equal(p->last_day, ilo_days_from_civil(2019, 12, 31));
    p = item("xaa-law-3"); /* in force "2018-03", repealed "2019-07" */
    assert_int_equal(p->first_day, ilo_days_from_civil(2018, 3, 1));
    assert_int_equal(p->last_day, ilo_days_from_civil(2019, 6, 30));
    p = item("xaa-law-2"); /* in force "2016", never repealed */
    assert_int_equal(p->first_day, ilo_days_from_civil(2016, 1, 1));
    assert_int_equal(p->last_day, INT32_MAX);
    const ilo_item *i = item("xaa-arrest"); /* 2017-03-01 to "2017-04", inclusive */
    assert_int_equal(i->kind, ILO_ITEM_INCIDENT);
    assert_int_equal(i->first_day, ilo_days_from_civil(2017, 3, 1));
    assert_int_equal(i->last_day, ilo_days_from_civil(2017, 4, 30));
    assert_string_equal(i->count, "3");
    i = item("xaa-discrim"); /* one day, no end: open */
    assert_int_equal(i->first_day, ilo_days_from_civil(2019, 2, 10));
    assert_int_equal(i->last_day, INT32_MAX);
    assert_null(i->place);
}

static void methods_and_bands(void **state)
{
    (void)state;
    const ilo_method *ev = &M->methods[ilo_model_find_method(M, "ev")];
    assert_int_equal(ev->window, ILO_WINDOW_EVIDENCE);
    assert_int_equal(ev->legislation, ILO_LEG_NON_RATIFYING);
    assert_int_equal(ev->admissible, (1u << ILO_SRC_CEACR) | (1u << ILO_SRC_CFA));
    assert_int_equal(ev->n_bands, 3);
    assert_true(ev->bands[2].breakdown);
    assert_string_equal(ev->bands[2].rating, "5+");
    const ilo_method *occ = &M->methods[ilo_model_find_method(M, "occ")];
    assert_int_equal(occ->window, ILO_WINDOW_OCCURRENCE);
    assert_int_equal(occ->legislation, ILO_LEG_ALWAYS);
    assert_true(occ->cap == 95.0 && occ->scale == 10.0); /* written as integers */
    assert_string_equal(occ->bands[0].rating, "1");     /* written in reverse order, sorted */
    assert_string_equal(occ->bands[1].rating, "2");
}

static void dates_of_records(void **state)
{
    (void)state;
    const ilo_country *c = &M->countries[0];
    assert_int_equal(c->ratifications[0].date.prec, ILO_DATE_YEAR);
    assert_int_equal(c->ratifications[1].date.prec, ILO_DATE_NONE);
    assert_int_equal(c->breakdowns[0].until.last, ilo_days_from_civil(2018, 6, 30));
    assert_int_equal(c->events[0].date.prec, ILO_DATE_MONTH);
    assert_int_equal(c->published[0].year, 2018);
    assert_string_equal(c->conflicts[0].used, "2017-03-01");
    assert_int_equal(c->conflicts[0].n_versions, 2);
    assert_int_equal(M->scenarios[0].effective.first, ilo_days_from_civil(2021, 1, 1));
}

/* ---------------------------------------------------------------------------------------- */
/* One test per validation rule                                                             */
/* ---------------------------------------------------------------------------------------- */

static char Dir[64]; /* a copy of the mini tree, made by setup_copy */

static int setup_copy(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(Dir, sizeof Dir, "/tmp/ilo-test-load-XXXXXX");
    if (!mkdtemp(Dir)) return -1;
    snprintf(cmd, sizeof cmd, "cp -R '%s/mini/.' '%s'", test_data_dir(), Dir);
    return system(cmd) == 0 ? 0 : -1;
}

static int teardown_copy(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", Dir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot read %s", path);
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    *n = fread(buf, 1, (1 << 16) - 1, f);
    buf[*n] = '\0';
    fclose(f);
    return buf;
}

static void write_file(const char *rel, const char *data, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", Dir, rel);
    FILE *f = fopen(path, "wb");
    if (!f) fail_msg("cannot write %s", path);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* Replaces the one occurrence of `old` in file rel of the copy by `new`. */
static void edit(const char *rel, const char *old, const char *new)
{
    char path[256];
    size_t n;
    snprintf(path, sizeof path, "%s/%s", Dir, rel);
    char *text = read_all(path, &n);
    char *at = strstr(text, old);
    if (!at || strstr(at + 1, old)) fail_msg("\"%s\" is not once in %s", old, rel);
    size_t lo = strlen(old), ln = strlen(new);
    char *out = malloc(n - lo + ln + 1);
    assert_non_null(out);
    memcpy(out, text, (size_t)(at - text));
    memcpy(out + (at - text), new, ln);
    memcpy(out + (at - text) + ln, at + lo, n - (size_t)(at - text) - lo + 1);
    write_file(rel, out, n - lo + ln);
    free(out);
    free(text);
}

/* Loads the copy, which must fail; returns the context (caller frees). */
static ilo_ctx *load_fails(ilo_status want)
{
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = (ilo_model *)&m; /* must be reset to NULL */
    ilo_status st = ilo_model_load(Dir, NULL, 0, &m, ctx);
    assert_null(m);
    assert_int_equal(st, want);
    assert_int_equal(ilo_ctx_status(ctx), want);
    assert_true(ilo_ctx_count(ctx) >= 1);
    return ctx;
}

/* Checks error i of ctx: code, file (relative to the copy; "" for none), line and message. */
static void expect_error(const ilo_ctx *ctx, size_t i, ilo_status code, const char *rel, int line, const char *msg)
{
    const ilo_error *e = ilo_ctx_error(ctx, i);
    char file[256];
    assert_non_null(e);
    if (rel[0]) snprintf(file, sizeof file, "%s/%s", Dir, rel);
    else file[0] = '\0';
    assert_string_equal(e->msg, msg);
    assert_string_equal(e->file, file);
    assert_int_equal(e->line, line);
    assert_int_equal(e->code, code);
}

/* The copy must fail with exactly one error. */
static void expect_only(ilo_status code, const char *rel, int line, const char *msg)
{
    ilo_ctx *ctx = load_fails(code);
    expect_error(ctx, 0, code, rel, line, msg);
    assert_int_equal(ilo_ctx_count(ctx), 1);
    ilo_ctx_free(ctx);
}

static void copy_of_mini_loads(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    assert_int_equal(ilo_model_load(Dir, NULL, 0, &m, ctx), ILO_OK);
    assert_int_equal(ilo_ctx_count(ctx), 0);
    assert_non_null(m);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
}

static void long_fraction_is_no_integer(void **state)
{
    (void)state;
    /* The pre-parse check for integers libconfig would wrap must not take a fraction for one. */
    edit("criteria/cat.cfg", "weight = 1.95;", "weight = 1.950000000000000000;");
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    assert_int_equal(ilo_model_load(Dir, NULL, 0, &m, ctx), ILO_OK);
    assert_int_equal(m->criteria[ilo_model_find_criterion(m, "arrest")].weight_hundredths, 195);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
}

static void syntax_error(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "weight = 1.95;", "weight = = 1.95;");
    expect_only(ILO_ERR_PARSE, "criteria/cat.cfg", 19, "syntax error");
}

static void empty_file(void **state)
{
    (void)state;
    write_file("scenarios/s.cfg", "# nothing yet\n", 14);
    expect_only(ILO_ERR_INVALID, "scenarios/s.cfg", 0, "empty file: no settings");
}

static void missing_folder(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s/criteria/methods'", Dir);
    assert_int_equal(system(cmd), 0);
    expect_only(ILO_ERR_IO, "criteria/methods", 0, "cannot open folder: No such file or directory");
}

static void file_over_the_size_limit(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/countries/XAB.cfg", Dir);
    write_file("countries/XAB.cfg", "", 0);
    assert_int_equal(truncate(path, ILO_MAX_FILE_BYTES + 1), 0);
    expect_only(ILO_ERR_LIMIT, "countries/XAB.cfg", 0, "file is larger than 16777216 bytes");
}

static void nul_byte(void **state)
{
    (void)state;
    write_file("countries/XAB.cfg", "country = {\n  code = \"XAB\0\"; };\n", 33);
    expect_only(ILO_ERR_PARSE, "countries/XAB.cfg", 2, "file contains a NUL byte (binary data?)");
}

static void include_directive(void **state)
{
    (void)state;
    write_file("countries/XAB.cfg", "# copy\n@include \"XAA.cfg\"\n", 26);
    expect_only(ILO_ERR_PARSE, "countries/XAB.cfg", 2, "@include is not allowed: each data file must stand alone");
}

static void deep_nesting(void **state)
{
    (void)state;
    char buf[2048] = "country = ";
    for (int i = 0; i < 65; i++) strcat(buf, "{ a = ");
    strcat(buf, "1");
    for (int i = 0; i < 65; i++) strcat(buf, "; }");
    strcat(buf, ";\n");
    write_file("countries/XAB.cfg", buf, strlen(buf));
    expect_only(ILO_ERR_PARSE, "countries/XAB.cfg", 1, "nesting deeper than 64 levels");
}

static void integer_that_libconfig_would_wrap(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "sdg = 6;", "sdg = 4294967302;");
    expect_only(ILO_ERR_PARSE, "criteria/cat.cfg", 20,
                "integer 4294967302 does not fit in 32 bits (libconfig would change its value; write it with an L "
                "suffix for 64 bits)");
}

/* Files are read on the calling thread, parsed on a second one and built on the first again: an
 * error found at each of those stages, in four files, still comes out in file order. */
static void errors_of_every_stage_in_file_order(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "weight = 1.95;", "weight = = 1.95;");                              /* parse */
    write_file("countries/XAB.cfg", "country = {\n  code = \"XAB\0\"; };\n", 33);                    /* read */
    edit("countries/XAA.cfg", "in_force = \"2016\";", "in_force = \"2016\"; repeal = \"2021\";"); /* build */
    write_file("scenarios/s.cfg", "# nothing yet\n", 14);                                           /* build */
    ilo_ctx *ctx = load_fails(ILO_ERR_PARSE);
    assert_int_equal(ilo_ctx_count(ctx), 4);
    expect_error(ctx, 0, ILO_ERR_PARSE, "criteria/cat.cfg", 19, "syntax error");
    expect_error(ctx, 1, ILO_ERR_INVALID, "countries/XAA.cfg", 21, "unknown key \"repeal\" in provision");
    expect_error(ctx, 2, ILO_ERR_PARSE, "countries/XAB.cfg", 2, "file contains a NUL byte (binary data?)");
    expect_error(ctx, 3, ILO_ERR_INVALID, "scenarios/s.cfg", 0, "empty file: no settings");
    ilo_ctx_free(ctx);
}

static void unknown_key(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "in_force = \"2016\";", "in_force = \"2016\"; repeal = \"2021\";");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 21, "unknown key \"repeal\" in provision");
}

static void unknown_top_level_key(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "rules = (", "rule = (");
    /* The file is rejected as a whole; references into it are not reported as unknown. */
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 38, "unknown key \"rule\" in catalogue file");
}

static void missing_required_key(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", " in_force = \"2018-03\";", "");
    /* The provision is rejected; the scenario's reference to it is not reported again. */
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 23, "provision is missing required key \"in_force\"");
}

static void wrong_type(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "weight = 1.95;", "weight = \"1.95\";");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 19, "\"weight\" in criterion must be a number");
}

static void empty_required_string(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "label = \"Killing of trade unionists\"", "label = \"\"");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 21, "\"label\" in criterion must not be empty");
}

static void duplicate_id_within_a_file(void **state)
{
    (void)state;
    char msg[512];
    edit("criteria/cat.cfg", "id = \"killing\"", "id = \"arrest\"");
    snprintf(msg, sizeof msg, "duplicate criterion id \"arrest\" (first defined at %s/criteria/cat.cfg:17)", Dir);
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 20, msg);
}

static void duplicate_id_across_files(void **state)
{
    (void)state;
    char msg[512];
    const char *b = "country = { code = \"XAB\"; name = \"B\"; region = \"R\"; };\n"
                    "sources = ( { id = \"xaa-ngo-2017\"; publisher = \"P\"; kind = \"ngo\"; title = \"T\";\n"
                    "  date = \"2017\"; } );\n";
    write_file("countries/XAB.cfg", b, strlen(b));
    snprintf(msg, sizeof msg, "duplicate source id \"xaa-ngo-2017\" (first defined at %s/countries/XAA.cfg:7)", Dir);
    expect_only(ILO_ERR_INVALID, "countries/XAB.cfg", 2, msg);
}

static void dangling_reference(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "criteria = [ \"gp-strike-law\" ]", "criteria = [ \"gp-strike-laws\" ]");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 22, "unknown criterion \"gp-strike-laws\"");
}

static void dangling_reference_in_a_rule(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "to = \"arrest\"", "to = \"arrested\"");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 39, "unknown criterion \"arrested\"");
}

static void impossible_date(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "date = \"2019-02-10\"", "date = \"2017-02-30\"");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 31,
                "invalid date \"2017-02-30\" for \"date\" in incident (expected a real date as YYYY-MM-DD, YYYY-MM "
                "or YYYY, years 1900-2100)");
}

static void end_before_start(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "repealed = \"2019-07\"", "repealed = \"2017-07\"");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 24, "\"repealed\" (2017-07) is before \"in_force\" (2018-03)");
}

static void repeal_on_the_day_of_entry_into_force(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "repealed = \"2020-01-01\"", "repealed = \"2015-05-01\"");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 18,
                "\"repealed\" (2015-05-01) must be after \"in_force\" (2015-05-01)");
}

static void repeal_dated_by_the_year_of_entry_into_force(void **state)
{
    (void)state;
    /* "repealed 2018" counts from 2018-01-01, before "in force 2018-03": in force on no day. */
    edit("countries/XAA.cfg", "repealed = \"2019-07\"", "repealed = \"2018\"");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 24,
                "\"repealed\" (2018) must be after \"in_force\" (2018-03): a partial date here counts from its first "
                "day, 2018-01-01");
}

static void negative_weight(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "weight = 2.00;", "weight = -2.00;");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 22, "weight must be a finite number >= 0");
}

static void infinite_weight(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "weight = 2.00;", "weight = 1e999;");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 22, "weight must be a finite number >= 0");
}

static void weight_with_three_decimals(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "weight = 1.78;", "weight = 1.785;");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 25, "weight 1.785 has more than two decimals");
}

static void huge_weight(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "weight = 2.00;", "weight = 1e300;");
    expect_only(ILO_ERR_LIMIT, "criteria/cat.cfg", 22, "weight 1e+300 is larger than 1000");
}

static void string_too_long(void **state)
{
    (void)state;
    char *big = malloc(ILO_MAX_STRING + 40);
    assert_non_null(big);
    strcpy(big, "summary = \"");
    memset(big + 11, 'x', ILO_MAX_STRING + 1);
    strcpy(big + 11 + ILO_MAX_STRING + 1, "\"");
    edit("countries/XAA.cfg", "summary = \"Strikes are banned.\"", big);
    free(big);
    expect_only(ILO_ERR_LIMIT, "countries/XAA.cfg", 21, "\"summary\" in provision is longer than 4096 bytes");
}

static void invalid_utf8(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "Strikes are banned.", "Strikes are b\xff" "anned.");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 21, "\"summary\" in provision is not valid UTF-8");
}

static void id_too_long(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "id = \"killing\"",
         "id = \"k12345678901234567890123456789012345678901234567890123456789012345\"");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 20,
                "criterion id \"k12345678901234567890123456789012345678901234567890123456789012345\" must be 1 to 64 "
                "characters of A-Z a-z 0-9 . _ : + -");
}

static void value_not_in_its_list(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", "kind = \"law\"; convention = \"C087\";\n    article = \"C87 Art. 2\"",
         "kind = \"laws\"; convention = \"C087\";\n    article = \"C87 Art. 2\"");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 23, "\"kind\" in criterion must be one of law, practice, not \"laws\"");
}

static void quoted_values_are_escaped(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "criteria = [ \"discrim\" ]", "criteria = [ \"a\\\"b\\nc\" ]");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 32, "unknown criterion \"a\\\"b\\nc\"");
}

static void provisional_weight_needs_its_rule(void **state)
{
    (void)state;
    edit("criteria/cat.cfg", " weight_note = \"mean of g2 law weights\";", "");
    expect_only(ILO_ERR_INVALID, "criteria/cat.cfg", 23,
                "criterion \"registration-law\" has a provisional weight but no weight_note stating the rule");
}

static void ratified_needs_a_date(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "status = \"ratified\"; date = \"2000\";", "status = \"ratified\";");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 13, "a ratified convention needs its \"date\"");
}

static void duplicate_ratification(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "{ convention = \"C098\"", "{ convention = \"C087\"");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 14, "duplicate ratification of C087 (first at line 13)");
}

static void conflict_must_use_one_of_its_versions(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "used = \"2017-03-01\"", "used = \"2017-03-03\"");
    expect_only(ILO_ERR_INVALID, "countries/XAA.cfg", 44, "\"used\" value \"2017-03-03\" is not one of the versions");
}

static void lowest_band_starts_at_zero(void **state)
{
    (void)state;
    edit("criteria/methods/occ.cfg", "min = 0;", "min = 1;");
    expect_only(ILO_ERR_INVALID, "criteria/methods/occ.cfg", 10, "the lowest band must start at 0");
}

static void operation_before_what_it_changes(void **state)
{
    (void)state;
    edit("scenarios/s.cfg", "provision = \"xaa-law-2\"; date = \"2021-01-01\"", "provision = \"xaa-law-2\"; date = \"2015\"");
    expect_only(ILO_ERR_INVALID, "scenarios/s.cfg", 3, "operation dated 2015 is before \"xaa-law-2\" exists (2016)");
}

static void operation_of_the_wrong_kind(void **state)
{
    (void)state;
    edit("scenarios/s.cfg", "incident = \"xaa-ban\"", "incident = \"xaa-law-1\"");
    expect_only(ILO_ERR_INVALID, "scenarios/s.cfg", 5, "\"xaa-law-1\" is a provision, not an incident");
}

static void too_many_criteria(void **state)
{
    (void)state;
    size_t cap = 600 * 160, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    n += (size_t)snprintf(buf + n, cap - n, "criteria = (\n");
    for (int i = 1; i <= ILO_MAX_CRITERIA - 5; i++)
        n += (size_t)snprintf(buf + n, cap - n,
                              "{ id = \"c%d\"; group = \"g1\"; kind = \"law\"; convention = \"C087\"; article = \"A\"; "
                              "label = \"L\"; weight = 1.0; weight_basis = \"published\"; }%s\n",
                              i, i < ILO_MAX_CRITERIA - 5 ? "," : "");
    n += (size_t)snprintf(buf + n, cap - n, ");\n");
    write_file("criteria/many.cfg", buf, n);
    free(buf);
    expect_only(ILO_ERR_LIMIT, "criteria/many.cfg", ILO_MAX_CRITERIA - 4, "more than 512 criteria");
}

static void every_error_of_a_file_is_reported_in_order(void **state)
{
    (void)state;
    edit("countries/XAA.cfg", "name = \"Testland A\";", "name = \"\";");
    edit("countries/XAA.cfg", "date = \"2017-03-15\"", "date = \"2017-02-30\"");
    edit("countries/XAA.cfg", "in_force = \"2016\";", "in_force = \"2016\"; repealed = \"2015\";");
    edit("countries/XAA.cfg", "criteria = [ \"discrim\" ]", "criteria = [ \"discrimination\" ]");
    ilo_ctx *ctx = load_fails(ILO_ERR_INVALID);
    assert_int_equal(ilo_ctx_count(ctx), 4);
    expect_error(ctx, 0, ILO_ERR_INVALID, "countries/XAA.cfg", 1, "\"name\" in country must not be empty");
    expect_error(ctx, 1, ILO_ERR_INVALID, "countries/XAA.cfg", 8,
                 "invalid date \"2017-02-30\" for \"date\" in source (expected a real date as YYYY-MM-DD, YYYY-MM or "
                 "YYYY, years 1900-2100)");
    expect_error(ctx, 2, ILO_ERR_INVALID, "countries/XAA.cfg", 21, "\"repealed\" (2015) is before \"in_force\" (2016)");
    expect_error(ctx, 3, ILO_ERR_INVALID, "countries/XAA.cfg", 32, "unknown criterion \"discrimination\"");
    ilo_ctx_free(ctx);
}

static void errors_beyond_the_limit_are_counted(void **state)
{
    (void)state;
    size_t cap = 160 * 120, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    n += (size_t)snprintf(buf + n, cap - n, "country = { code = \"XAB\"; name = \"B\"; region = \"R\"; };\nsources = (\n");
    for (int i = 1; i <= 150; i++)
        n += (size_t)snprintf(buf + n, cap - n,
                              "{ id = \"xab-%d\"; publisher = \"P\"; kind = \"blog\"; title = \"T\"; date = \"2019\"; }%s\n",
                              i, i < 150 ? "," : "");
    n += (size_t)snprintf(buf + n, cap - n, ");\n");
    write_file("countries/XAB.cfg", buf, n);
    free(buf);
    ilo_ctx *ctx = load_fails(ILO_ERR_INVALID);
    assert_int_equal(ilo_ctx_count(ctx), 150);
    assert_int_equal(ilo_ctx_kept(ctx), ILO_MAX_ERRORS);
    expect_error(ctx, 99, ILO_ERR_INVALID, "countries/XAB.cfg", 102, "unknown source kind \"blog\"");
    assert_null(ilo_ctx_error(ctx, ILO_MAX_ERRORS));
    ilo_ctx_free(ctx);
}

#define COPY_TEST(f) cmocka_unit_test_setup_teardown(f, setup_copy, teardown_copy)

int main(void)
{
    const struct CMUnitTest mini[] = {
        cmocka_unit_test(mini_counts),
        cmocka_unit_test(ids_resolve_to_indices),
        cmocka_unit_test(criteria_weights_and_flags),
        cmocka_unit_test(rules_are_closed_transitively),
        cmocka_unit_test(items_count_from_their_first_to_their_last_day),
        cmocka_unit_test(methods_and_bands),
        cmocka_unit_test(dates_of_records),
    };
    const struct CMUnitTest rules[] = {
        COPY_TEST(copy_of_mini_loads),
        COPY_TEST(long_fraction_is_no_integer),
        COPY_TEST(syntax_error),
        COPY_TEST(empty_file),
        COPY_TEST(missing_folder),
        COPY_TEST(file_over_the_size_limit),
        COPY_TEST(nul_byte),
        COPY_TEST(include_directive),
        COPY_TEST(deep_nesting),
        COPY_TEST(integer_that_libconfig_would_wrap),
        COPY_TEST(errors_of_every_stage_in_file_order),
        COPY_TEST(unknown_key),
        COPY_TEST(unknown_top_level_key),
        COPY_TEST(missing_required_key),
        COPY_TEST(wrong_type),
        COPY_TEST(empty_required_string),
        COPY_TEST(duplicate_id_within_a_file),
        COPY_TEST(duplicate_id_across_files),
        COPY_TEST(dangling_reference),
        COPY_TEST(dangling_reference_in_a_rule),
        COPY_TEST(impossible_date),
        COPY_TEST(end_before_start),
        COPY_TEST(repeal_on_the_day_of_entry_into_force),
        COPY_TEST(repeal_dated_by_the_year_of_entry_into_force),
        COPY_TEST(negative_weight),
        COPY_TEST(infinite_weight),
        COPY_TEST(weight_with_three_decimals),
        COPY_TEST(huge_weight),
        COPY_TEST(string_too_long),
        COPY_TEST(invalid_utf8),
        COPY_TEST(id_too_long),
        COPY_TEST(value_not_in_its_list),
        COPY_TEST(quoted_values_are_escaped),
        COPY_TEST(provisional_weight_needs_its_rule),
        COPY_TEST(ratified_needs_a_date),
        COPY_TEST(duplicate_ratification),
        COPY_TEST(conflict_must_use_one_of_its_versions),
        COPY_TEST(lowest_band_starts_at_zero),
        COPY_TEST(operation_before_what_it_changes),
        COPY_TEST(operation_of_the_wrong_kind),
        COPY_TEST(too_many_criteria),
        COPY_TEST(every_error_of_a_file_is_reported_in_order),
        COPY_TEST(errors_beyond_the_limit_are_counted),
    };
    int failed = cmocka_run_group_tests_name("mini", mini, setup, teardown);
    failed += cmocka_run_group_tests_name("rules", rules, NULL, NULL);
    return failed;
}
