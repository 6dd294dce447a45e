/*
 * sheet.c: reads a coding sheet, a CSV with the columns country,year,criterion[,sources], so that
 * analysts can score criteria coded outside this engine (for instance to replicate a published
 * SDG 8.8.2 coding). A criterion is named by id or by SDG number as "sdg:24". A first line whose
 * first field is "country" is a header. Fields may be quoted as in RFC 4180.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define SHEET_MAX_LINE 65536
#define SHEET_FIELDS 4

void ilo_sheet_free(ilo_sheet *s)
{
    if (!s) return;
    free(s->rows);
    free(s);
}

/* Splits one CSV line into at most SHEET_FIELDS fields, in place. Returns the number of fields,
 * or -1 for a malformed line (a stray quote). */
static int split(char *line, char **f)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == SHEET_FIELDS) return SHEET_FIELDS + 1;
        char *out = p;
        f[n++] = out;
        if (*p == '"') {
            p++;
            for (;;) {
                if (!*p) return -1;
                if (*p == '"' && p[1] == '"') { *out++ = '"'; p += 2; continue; }
                if (*p == '"') { p++; break; }
                *out++ = *p++;
            }
            if (*p && *p != ',') return -1;
        } else {
            while (*p && *p != ',') {
                if (*p == '"') return -1;
                *out++ = *p++;
            }
        }
        char sep = *p;
        *out = '\0';
        if (sep != ',') return n;
        p++;
    }
}

static size_t criterion_of(const ilo_model *m, const char *s)
{
    /* A bare number is an SDG number too (the ILO's own way of writing a coding); no id is one. */
    bool bare = *s >= '0' && *s <= '9';
    if (bare || strncmp(s, "sdg:", 4) == 0) {
        const char *num = bare ? s : s + 4;
        char *end;
        errno = 0;
        long n = strtol(num, &end, 10);
        if (errno || *end || end == num || n <= 0 || n > 100000) return SIZE_MAX;
        return ilo_model_find_criterion_sdg(m, (int)n);
    }
    return ilo_model_find_criterion(m, s);
}

static ilo_sheet_row *row_for(ilo_sheet *sh, size_t *cap, const char *country, int year)
{
    /* Rows of one country-year are usually adjacent, so look at the last row first. */
    for (size_t i = sh->n_rows; i-- > 0;)
        if (sh->rows[i].year == year && strcmp(sh->rows[i].country, country) == 0) return &sh->rows[i];
    if (!ilo_grow((void **)&sh->rows, cap, sh->n_rows, sizeof *sh->rows)) return NULL;
    ilo_sheet_row *r = &sh->rows[sh->n_rows++];
    memset(r, 0, sizeof *r);
    snprintf(r->country, sizeof r->country, "%s", country);
    r->year = year;
    return r;
}

static void parse_line(const ilo_model *m, ilo_sheet *sh, size_t *cap, char *line, const char *path, int lineno,
                       ilo_ctx *ctx)
{
    char *f[SHEET_FIELDS + 1];
    int n = split(line, f);
    if (n < 0) {
        ilo_ctx_set(ctx, ILO_ERR_PARSE, path, lineno, "malformed CSV quoting");
        return;
    }
    if (n < 3 || n > SHEET_FIELDS) {
        ilo_ctx_set(ctx, ILO_ERR_PARSE, path, lineno, "expected 3 or 4 fields (country,year,criterion[,sources]), found %d", n);
        return;
    }
    char *end;
    errno = 0;
    long year = strtol(f[1], &end, 10);
    if (errno || *end || end == f[1] || year < ILO_YEAR_MIN || year > ILO_YEAR_MAX) {
        ilo_ctx_set(ctx, ILO_ERR_INVALID, path, lineno, "bad year \"%s\"", f[1]);
        return;
    }
    if (!*f[0] || strlen(f[0]) > ILO_MAX_ID || strspn(f[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") != strlen(f[0])) {
        ilo_ctx_set(ctx, ILO_ERR_INVALID, path, lineno, "bad country \"%s\"", f[0]);
        return;
    }
    size_t k = criterion_of(m, f[2]);
    if (k == SIZE_MAX) {
        ilo_ctx_set(ctx, ILO_ERR_INVALID, path, lineno, "unknown criterion \"%s\"", f[2]);
        return;
    }
    ilo_sheet_row *r = row_for(sh, cap, f[0], (int)year);
    if (!r) {
        ilo_ctx_set(ctx, ILO_ERR_NOMEM, path, lineno, "out of memory");
        return;
    }
    ilo_bitset_set(&r->coded, k);
}

ilo_status ilo_sheet_read(const ilo_model *m, const char *path, ilo_sheet **out, ilo_ctx *ctx)
{
    *out = NULL;
    FILE *fp = fopen(path, "r");
    if (!fp) return ilo_ctx_set(ctx, ILO_ERR_IO, path, 0, "cannot read: %s", strerror(errno));
    ilo_sheet *sh = calloc(1, sizeof *sh);
    char *line = malloc(SHEET_MAX_LINE);
    size_t cap = 0, before = ilo_ctx_count(ctx);
    int lineno = 0;
    if (!sh || !line) {
        ilo_ctx_set(ctx, ILO_ERR_NOMEM, path, 0, "out of memory");
        goto out;
    }
    while (fgets(line, SHEET_MAX_LINE, fp)) {
        lineno++;
        size_t len = strlen(line);
        if (len == SHEET_MAX_LINE - 1 && line[len - 1] != '\n') {
            ilo_ctx_set(ctx, ILO_ERR_LIMIT, path, lineno, "line longer than %d bytes", SHEET_MAX_LINE - 2);
            break;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (lineno == 1 && len >= 3 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
            (unsigned char)line[2] == 0xBF)
            memmove(line, line + 3, len - 2), len -= 3; /* Excel's UTF-8 byte-order mark */
        if (len == 0) continue;
        if (lineno == 1 && strncmp(line, "country,", 8) == 0) continue;
        parse_line(m, sh, &cap, line, path, lineno, ctx);
    }
    if (ferror(fp)) ilo_ctx_set(ctx, ILO_ERR_IO, path, 0, "read error: %s", strerror(errno));
out:
    fclose(fp);
    free(line);
    if (ilo_ctx_count(ctx) > before) {
        ilo_sheet_free(sh);
        return ilo_ctx_status(ctx);
    }
    *out = sh;
    return ILO_OK;
}
