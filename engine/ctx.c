/* ctx.c: the error context. Messages are formatted into fixed buffers: recording an error never
 * allocates, and the first ILO_MAX_ERRORS are kept in the order they were found. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ilo_ctx {
    ilo_error errors[ILO_MAX_ERRORS];
    size_t count;
    ilo_error warnings[ILO_MAX_ERRORS];
    size_t n_warnings;
};

ilo_ctx *ilo_ctx_new(void) { return calloc(1, sizeof(ilo_ctx)); }

void ilo_ctx_free(ilo_ctx *ctx) { free(ctx); }

/* The length of the UTF-8 character at p (valid, complete), or 0 for an invalid byte. */
static size_t utf8_char(const unsigned char *p)
{
    unsigned c = p[0];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n <= 1) return n;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return ilo_utf8_valid((const char *)p, n) ? n : 0;
}

char *ilo_escape_controls(char *dst, size_t cap, const char *src)
{
    const unsigned char *p = (const unsigned char *)src;
    size_t o = 0;
    while (*p) {
        char tmp[8];
        size_t n = utf8_char(p), put;
        const char *from = tmp;
        if (n == 1 && *p >= 0x20 && *p != 0x7f) {
            from = (const char *)p;
            put = 1;
        } else if (n == 1 && (*p == '\n' || *p == '\r' || *p == '\t')) {
            put = (size_t)snprintf(tmp, sizeof tmp, "\\%c", *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't');
        } else if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
            put = (size_t)snprintf(tmp, sizeof tmp, "\\u%04x", p[1]); /* C1 control, U+0080..U+009F */
        } else if (n > 1) {
            from = (const char *)p;
            put = n;
        } else {
            put = (size_t)snprintf(tmp, sizeof tmp, "\\x%02x", *p);
            n = 1;
        }
        if (o + put >= cap) break;
        memcpy(dst + o, from, put);
        o += put;
        p += n;
    }
    dst[o] = '\0';
    return dst;
}

/* Fills e: the file and the formatted message, control characters escaped. */
static void record(ilo_error *e, ilo_status code, const char *file, int line, const char *fmt, va_list ap)
{
    char raw[sizeof e->msg];
    e->code = code;
    ilo_escape_controls(e->file, sizeof e->file, file ? file : "");
    e->line = line;
    vsnprintf(raw, sizeof raw, fmt, ap);
    ilo_escape_controls(e->msg, sizeof e->msg, raw);
}

ilo_status ilo_ctx_set(ilo_ctx *ctx, ilo_status code, const char *file, int line, const char *fmt, ...)
{
    if (!ctx) return code;
    if (ctx->count < ILO_MAX_ERRORS) {
        va_list ap;
        va_start(ap, fmt);
        record(&ctx->errors[ctx->count], code, file, line, fmt, ap);
        va_end(ap);
    }
    ctx->count++;
    return code;
}

void ilo_ctx_warn(ilo_ctx *ctx, const char *file, int line, const char *fmt, ...)
{
    if (!ctx) return;
    if (ctx->n_warnings < ILO_MAX_ERRORS) {
        va_list ap;
        va_start(ap, fmt);
        record(&ctx->warnings[ctx->n_warnings], ILO_OK, file, line, fmt, ap);
        va_end(ap);
    }
    ctx->n_warnings++;
}

size_t ilo_ctx_warning_count(const ilo_ctx *ctx) { return ctx ? ctx->n_warnings : 0; }

const ilo_error *ilo_ctx_warning(const ilo_ctx *ctx, size_t i)
{
    return ctx && i < ctx->n_warnings && i < ILO_MAX_ERRORS ? &ctx->warnings[i] : NULL;
}

size_t ilo_ctx_count(const ilo_ctx *ctx) { return ctx ? ctx->count : 0; }

size_t ilo_ctx_kept(const ilo_ctx *ctx)
{
    if (!ctx) return 0;
    return ctx->count < ILO_MAX_ERRORS ? ctx->count : ILO_MAX_ERRORS;
}

const ilo_error *ilo_ctx_error(const ilo_ctx *ctx, size_t i)
{
    return (ctx && i < ilo_ctx_kept(ctx)) ? &ctx->errors[i] : NULL;
}

ilo_status ilo_ctx_status(const ilo_ctx *ctx)
{
    return (ctx && ctx->count) ? ctx->errors[0].code : ILO_OK;
}

void ilo_ctx_clear(ilo_ctx *ctx)
{
    if (ctx) ctx->count = ctx->n_warnings = 0;
}

const char *ilo_version(void) { return ILO_VERSION; }
