/* ctx.c: the error context. Messages are formatted into fixed buffers: recording an error never
 * allocates, and the first ILO_MAX_ERRORS are kept in the order they were found. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iloscore.h"

struct ilo_ctx {
    ilo_error errors[ILO_MAX_ERRORS];
    size_t count;
};

ilo_ctx *ilo_ctx_new(void) { return calloc(1, sizeof(ilo_ctx)); }

void ilo_ctx_free(ilo_ctx *ctx) { free(ctx); }

ilo_status ilo_ctx_set(ilo_ctx *ctx, ilo_status code, const char *file, int line, const char *fmt, ...)
{
    if (!ctx) return code;
    if (ctx->count < ILO_MAX_ERRORS) {
        ilo_error *e = &ctx->errors[ctx->count];
        e->code = code;
        snprintf(e->file, sizeof e->file, "%s", file ? file : "");
        e->line = line;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->msg, sizeof e->msg, fmt, ap);
        va_end(ap);
    }
    ctx->count++;
    return code;
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
    if (ctx) ctx->count = 0;
}

const char *ilo_version(void) { return ILO_VERSION; }
