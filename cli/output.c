/*
 * output.c: the report commands' outputs: --format, -o FILE (repeatable), and writing them.
 *
 * Every output is rendered into memory first; only when all rendered are files written, each
 * to a temporary file in its own folder that is flushed to disk (fsync) and then renamed over
 * the target. A run that fails therefore leaves no partial file and never clobbers an existing
 * one. Targets that are not regular files (/dev/stdout, /dev/full, a pipe) cannot be renamed
 * over and are written in place.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static int add(cli_outputs *o, const char *path)
{
    for (size_t i = 0; i < o->n; i++)
        if (o->v[i].path && path && strcmp(o->v[i].path, path) == 0)
            return cli_usage_error("output '%s' given twice", path);
    cli_output *v = realloc(o->v, (o->n + 1) * sizeof *v);
    if (!v) return EXIT_INTERNAL;
    o->v = v;
    o->v[o->n].path = path;
    o->v[o->n].format = REP_TEXT;
    o->n++;
    return EXIT_OK;
}

int cli_output_option(cli_outputs *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i], *val = NULL;
    bool is_format = strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0;
    bool is_output = strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 || strncmp(a, "--output=", 9) == 0;
    if (!is_format && !is_output) return 0;
    const char *eq = strchr(a, '=');
    if (eq && a[1] == '-') {
        val = eq + 1;
    } else if (*i + 1 < argc) {
        val = argv[++*i];
    } else {
        return -cli_usage_error("option '%s' needs a value", a);
    }
    if (is_output) {
        if (!*val) return -cli_usage_error("option '%s' needs a file name", a);
        int rc = add(o, strcmp(val, "-") == 0 ? NULL : val);
        return rc ? -rc : 1;
    }
    int f = rep_format_parse(val);
    if (f < 0) return -cli_usage_error("unknown format '%s' (text, md, json, csv or html)", val);
    o->format = f;
    return 1;
}

static bool has_extension(const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base && dot[1];
}

int cli_outputs_finish(cli_outputs *o)
{
    if (o->n == 0) {
        int rc = add(o, NULL);
        if (rc) return rc;
    }
    for (size_t i = 0; i < o->n; i++) {
        const char *path = o->v[i].path;
        int f = path ? rep_format_from_path(path) : -1;
        /* An unknown extension is likely a typo (report.jsn); no extension (a device, a plain name)
         * takes --format, else text. */
        if (f < 0 && path && has_extension(path) && o->format < 0)
            return cli_usage_error("%s: unknown extension; use .txt .md .json .csv .html or --format", path);
        if (f < 0) f = o->format;
        o->v[i].format = f < 0 ? REP_TEXT : (rep_format)f;
    }
    return EXIT_OK;
}

void cli_outputs_free(cli_outputs *o)
{
    free(o->v);
    o->v = NULL;
    o->n = 0;
}

/* ---- writing ---- */

typedef struct pending {
    const char *path;   /* as given, for messages */
    char *target;       /* what is renamed over (symlinks resolved); NULL when written in place */
    char *tmp;          /* the temporary file, until renamed */
} pending;

static int io_error(const char *path, int err)
{
    fprintf(stderr, "iloscore: %s: %s\n", path, strerror(err));
    return EXIT_IO;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* A device or a pipe: written in place, no temporary file (renaming over it would replace it). */
static int write_in_place(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0) return io_error(path, errno);
    bool ok = write_all(fd, data, len);
    int err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    return ok ? EXIT_OK : io_error(path, err);
}

/* The mode a new file gets: what the target has, or 0666 less the umask. */
static mode_t mode_for(const struct stat *st, bool exists)
{
    if (exists) return st->st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

static char *temp_name(const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = target + dir;
    size_t n = strlen(target) + 32;
    char *t = malloc(n);
    if (t) snprintf(t, n, "%.*s.%s.iloscore-XXXXXX", (int)dir, target, base);
    return t;
}

/* Writes data to a new temporary file next to the target, flushed to disk. */
static int stage(pending *p, const char *data, size_t len, mode_t mode)
{
    p->tmp = temp_name(p->target);
    if (!p->tmp) return EXIT_INTERNAL;
    int fd = mkstemp(p->tmp);
    if (fd < 0) {
        int err = errno;
        free(p->tmp);
        p->tmp = NULL;
        return io_error(p->path, err);
    }
    bool ok = fchmod(fd, mode) == 0 && write_all(fd, data, len) && fsync(fd) == 0;
    int err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    return ok ? EXIT_OK : io_error(p->path, err);
}

/* Stages a regular file (or a new one) through a temporary file; marks devices and pipes to be
 * written in place. */
static int prepare(pending *p, const char *data, size_t len, bool *in_place)
{
    struct stat st;
    bool exists = stat(p->path, &st) == 0;
    *in_place = exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
    if (exists && S_ISDIR(st.st_mode)) return io_error(p->path, EISDIR);
    if (*in_place) return EXIT_OK;
    struct stat lst;
    char *resolved = NULL;
    if (exists && lstat(p->path, &lst) == 0 && S_ISLNK(lst.st_mode)) resolved = realpath(p->path, NULL);
    p->target = resolved ? resolved : strdup(p->path);
    if (!p->target) return EXIT_INTERNAL;
    return stage(p, data, len, mode_for(&st, exists));
}

static void fsync_folder(const char *target)
{
    const char *slash = strrchr(target, '/');
    char dir[PATH_MAX];
    if (!slash) snprintf(dir, sizeof dir, ".");
    else snprintf(dir, sizeof dir, "%.*s", slash == target ? 1 : (int)(slash - target), target);
    int fd = open(dir, O_RDONLY);
    if (fd < 0) return;
    fsync(fd); /* best effort: the rename is already atomic; this makes it durable */
    close(fd);
}

/* Renames every staged file over its target; unlinks what is left on failure. */
static int commit(pending *ps, size_t n, int rc)
{
    for (size_t i = 0; i < n; i++) {
        if (!ps[i].tmp) continue;
        if (rc == EXIT_OK && rename(ps[i].tmp, ps[i].target) != 0) rc = io_error(ps[i].path, errno);
        else if (rc == EXIT_OK) fsync_folder(ps[i].target);
        else unlink(ps[i].tmp);
        free(ps[i].tmp);
        free(ps[i].target);
        ps[i].tmp = ps[i].target = NULL;
    }
    for (size_t i = 0; i < n; i++) free(ps[i].target);
    return rc;
}

/* Stages every regular file, then writes devices and pipes, then renames: a failure anywhere
 * before the renames leaves every target as it was. */
static int write_files(const cli_outputs *o, char **data, size_t *len)
{
    pending *ps = calloc(o->n + 1, sizeof *ps);
    bool *in_place = calloc(o->n + 1, sizeof *in_place);
    int rc = ps && in_place ? EXIT_OK : EXIT_INTERNAL;
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++) {
        if (!o->v[i].path) continue;
        ps[i].path = o->v[i].path;
        rc = prepare(&ps[i], data[i], len[i], &in_place[i]);
    }
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++)
        if (in_place[i]) rc = write_in_place(o->v[i].path, data[i], len[i]);
    if (ps) rc = commit(ps, o->n, rc);
    free(ps);
    free(in_place);
    return rc;
}

int cli_outputs_write(const cli_outputs *o, cli_render_fn render, const void *doc)
{
    char **data = calloc(o->n + 1, sizeof *data);
    size_t *len = calloc(o->n + 1, sizeof *len);
    int rc = data && len ? EXIT_OK : EXIT_INTERNAL;
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++) {
        rep_buf b = REP_BUF_INIT;
        if (!render(&b, o->v[i].format, doc)) rc = EXIT_INTERNAL;
        data[i] = rep_buf_detach(&b, &len[i]);
        if (!data[i]) rc = EXIT_INTERNAL;
    }
    if (rc == EXIT_INTERNAL) fputs("iloscore: out of memory\n", stderr);
    if (rc == EXIT_OK) rc = write_files(o, data, len);
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++)
        if (!o->v[i].path) fwrite(data[i], 1, len[i], stdout);
    for (size_t i = 0; data && i < o->n; i++) free(data[i]);
    free(data);
    free(len);
    return rc;
}
