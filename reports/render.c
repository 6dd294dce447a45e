/* render.c: format names and the dispatch from a document to its renderer (cmark's
 * print_document switch). */
#include <assert.h>
#include <string.h>
#include <strings.h>

#include "kinds/kinds.h"

static const char *const format_names[REP_NFORMATS] = {"text", "md", "json", "csv", "html"};

/* Extensions by format; the first is the usual one. */
static const struct {
    const char *ext;
    rep_format format;
} extensions[] = {
    {".txt", REP_TEXT}, {".text", REP_TEXT}, {".md", REP_MD},     {".markdown", REP_MD},
    {".json", REP_JSON}, {".csv", REP_CSV},  {".html", REP_HTML}, {".htm", REP_HTML},
};

const char *rep_format_name(rep_format f) { return (unsigned)f < REP_NFORMATS ? format_names[f] : "?"; }

int rep_format_parse(const char *s)
{
    for (int i = 0; i < REP_NFORMATS; i++)
        if (s && strcmp(s, format_names[i]) == 0) return i;
    return -1;
}

int rep_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!dot || (slash && dot < slash)) return -1;
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        if (strcasecmp(dot, extensions[i].ext) == 0) return (int)extensions[i].format;
    return -1;
}

/* ---- the one dispatch: kind -> builder -> document -> writer ---- */

typedef void (*writer_fn)(rep_buf *out, const rep_doc *d);
static const writer_fn writers[REP_NFORMATS] = {rep_write_text, rep_write_md, rep_write_json, rep_write_csv,
                                                rep_write_html};

/* The document of kind k: NULL, or marked failed, when out of memory. */
static rep_doc *build(rep_kind k, const void *in)
{
    switch (k) {
    case REP_KIND_RANK: return rep_build_rank(in);
    case REP_KIND_SENSITIVITY: return rep_build_sensitivity(in);
    case REP_KIND_TARGET: return rep_build_target(in);
    case REP_KIND_SHEET_SCORE: return rep_build_sheet_score(in);
    case REP_KIND_TREND: return rep_build_trend(in);
    case REP_KIND_COMPARISON: return rep_build_comparison(in);
    case REP_KIND_ASSESSMENT: return rep_build_assessment(in);
    case REP_KIND_BRIEF: return rep_build_brief(in);
    default: return NULL;
    }
}

bool rep_render(rep_buf *out, rep_format f, rep_kind k, const void *input)
{
    if ((unsigned)f >= REP_NFORMATS || (unsigned)k >= REP_NKINDS) {
        out->failed = true;
        return false;
    }
    rep_doc *d = build(k, input);
    /* A builder adds freely and leaves the one check of its document (rep_doc_ok) to here. */
    if (!rep_doc_ok(d)) {
        rep_doc_free(d);
        out->failed = true;
        return false;
    }
    writers[f](out, d);
    rep_doc_free(d);
    return rep_buf_ok(out);
}
