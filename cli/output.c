/*
 * output.c: the report commands' outputs: --format, -o FILE (repeatable), and writing them.
 *
 * Every output is rendered into memory first; only when all are rendered are files written, as
 * one transaction (see "writing" below): all of them or none, whatever fails and whichever of
 * SIGINT, SIGTERM or SIGHUP arrives. Targets that are not regular files (/dev/stdout, /dev/full,
 * a pipe) cannot be renamed over and are written in place, before the renames.
 */
#define _XOPEN_SOURCE 700 /* realpath(), strndup() */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
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
        else if (!o->v[i].path && !path)
            return cli_usage_error("output '-' (standard output) given twice");
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

/* ---- writing: one transaction per run ----
 *
 * Every regular target is staged in a temporary file in its own folder (".ilo-XXXXXX": short,
 * so that it fits beside any legal name), an existing target is kept as a hard link (the
 * staged name and "~") until the run ends, and only then are the staged files renamed over
 * their targets, signals held off. A failure at any step removes every temporary file, and a
 * rename that fails puts back the targets renamed before it: each existing target is left as it
 * was. SIGINT, SIGTERM and SIGHUP while writing remove the temporary files and then end the
 * program as the signal would have. */

typedef struct pending {
    const char *path;   /* as given, for messages */
    char *target;       /* what is renamed over (symlinks resolved) */
    char *tmp;          /* the staged file, until renamed */
    char *backup;       /* a link to the existing target, until the run ends */
    bool existed, in_place, renamed;
    dev_t dev;          /* identity: the file's when it exists, else its folder's (with the name) */
    ino_t ino;
} pending;

/* The data the run read, which no output may replace (set by cli_load()). */
static const char *input_dir;
static const char *const *input_files;
static size_t n_input_files;

void cli_outputs_inputs(const char *data, const char *const *files, size_t n)
{
    input_dir = data;
    input_files = files;
    n_input_files = n;
}

/* The temporary names the signal handler removes: the handler reads them only while signals are
 * unblocked, and they change only while signals are blocked. */
enum { MAX_CLEANUP = 2 * 64 };
static char *cleanup[MAX_CLEANUP];
static volatile sig_atomic_t n_cleanup;
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction saved[3];
static bool handling[3];

static void on_signal(int sig)
{
    for (sig_atomic_t i = 0; i < n_cleanup; i++)
        if (cleanup[i]) unlink(cleanup[i]);
    n_cleanup = 0;
    signal(sig, SIG_DFL);
    raise(sig); /* delivered, with the default action, when this handler returns */
}

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < 3; i++) sigaddset(&set, caught[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Installs on_signal for each caught signal that is not ignored (nohup keeps working). */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < 3; i++) sigaddset(&sa.sa_mask, caught[i]);
    for (size_t i = 0; i < 3; i++) {
        handling[i] = sigaction(caught[i], NULL, &saved[i]) == 0 && saved[i].sa_handler != SIG_IGN;
        if (handling[i]) sigaction(caught[i], &sa, NULL);
    }
}

static void restore_signals(void)
{
    for (size_t i = 0; i < 3; i++)
        if (handling[i]) sigaction(caught[i], &saved[i], NULL);
}

/* Adds name to the names the handler removes; call with signals blocked. */
static bool track(char *name)
{
    if (n_cleanup == MAX_CLEANUP) return false;
    cleanup[n_cleanup] = name;
    n_cleanup++;
    return true;
}

static int io_error(const char *path, int err)
{
    cli_error("%s: %s", path, strerror(err));
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

/* "FOLDER/.ilo-XXXXXX~" for the target FOLDER/NAME; the "~" is cut off for the staged file. */
static char *temp_name(const char *target)
{
    const char *slash = strrchr(target, '/');
    int dir = slash ? (int)(slash - target) + 1 : 0;
    size_t n = (size_t)dir + sizeof ".ilo-XXXXXX~";
    char *t = malloc(n);
    if (t) snprintf(t, n, "%.*s.ilo-XXXXXX", dir, target);
    return t;
}

/* Copies the file from to a new file to (for file systems without hard links). */
static bool copy_file(const char *from, const char *to)
{
    int in = open(from, O_RDONLY), out = in < 0 ? -1 : open(to, O_WRONLY | O_CREAT | O_EXCL, 0600);
    bool ok = in >= 0 && out >= 0;
    char buf[65536];
    ssize_t n = 0;
    while (ok && (n = read(in, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0 && write_all(out, buf, (size_t)n);
    }
    int err = errno;
    if (out >= 0 && close(out) != 0) ok = false;
    if (in >= 0) close(in);
    if (!ok && out >= 0) unlink(to);
    errno = err;
    return ok;
}

/* Keeps the existing target as p->backup: a hard link, or a copy where links are refused. */
static int keep_old(pending *p)
{
    size_t n = strlen(p->tmp);
    p->backup = malloc(n + 2);
    if (!p->backup) return EXIT_INTERNAL;
    memcpy(p->backup, p->tmp, n);
    memcpy(p->backup + n, "~", 2);
    sigset_t old;
    block_signals(&old);
    bool ok = link(p->target, p->backup) == 0;
    int err = errno;
    if (!ok && (err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == EMLINK || err == ENOSYS)) {
        ok = copy_file(p->target, p->backup);
        err = errno;
    }
    if (ok && !track(p->backup)) {
        unlink(p->backup);
        ok = false;
        err = EMFILE;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (!ok) {
        free(p->backup);
        p->backup = NULL;
        return io_error(p->path, err);
    }
    return EXIT_OK;
}

/* Writes data to a new temporary file next to the target, flushed to disk. */
static int stage(pending *p, const char *data, size_t len, mode_t mode)
{
    p->tmp = temp_name(p->target);
    if (!p->tmp) return EXIT_INTERNAL;
    sigset_t old;
    block_signals(&old);
    int fd = mkstemp(p->tmp);
    int err = errno;
    if (fd >= 0 && !track(p->tmp)) {
        unlink(p->tmp);
        close(fd);
        fd = -1;
        err = EMFILE;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        free(p->tmp);
        p->tmp = NULL;
        return io_error(p->path, err);
    }
    bool ok = fchmod(fd, mode) == 0 && write_all(fd, data, len) && fsync(fd) == 0;
    err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) return io_error(p->path, err);
    return p->existed ? keep_old(p) : EXIT_OK;
}

/* Finds out what p->path is: a folder (refused), a device or pipe (written in place), or a
 * regular file, existing or new, whose identity is recorded. */
static int examine(pending *p)
{
    struct stat st, lst;
    p->existed = stat(p->path, &st) == 0;
    if (p->existed && S_ISDIR(st.st_mode)) return io_error(p->path, EISDIR);
    p->in_place = p->existed && !S_ISREG(st.st_mode);
    if (p->in_place) return EXIT_OK;
    char *resolved = NULL;
    if (p->existed && lstat(p->path, &lst) == 0 && S_ISLNK(lst.st_mode)) resolved = realpath(p->path, NULL);
    p->target = resolved ? resolved : strdup(p->path);
    if (!p->target) return EXIT_INTERNAL;
    if (p->existed) {
        p->dev = st.st_dev;
        p->ino = st.st_ino;
        return EXIT_OK;
    }
    const char *slash = strrchr(p->target, '/');
    char *dir = slash ? strndup(p->target, slash == p->target ? 1 : (size_t)(slash - p->target)) : strdup(".");
    if (!dir) return EXIT_INTERNAL;
    int rc = EXIT_OK;
    if (stat(dir, &st) == 0) {
        p->dev = st.st_dev;
        p->ino = st.st_ino;
    } else {
        rc = io_error(p->path, errno);
    }
    free(dir);
    return rc;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Two outputs naming one file (through a symlink, "./", "dir/..") would have one overwrite the
 * other: refused. */
static int check_distinct(const pending *ps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!ps[i].path || ps[i].in_place) continue;
        for (size_t j = 0; j < i; j++) {
            if (!ps[j].path || ps[j].in_place || ps[j].existed != ps[i].existed) continue;
            bool same = ps[i].dev == ps[j].dev && ps[i].ino == ps[j].ino &&
                        (ps[i].existed || strcmp(base_name(ps[i].target), base_name(ps[j].target)) == 0);
            if (same) return cli_usage_error("outputs '%s' and '%s' are the same file", ps[j].path, ps[i].path);
        }
    }
    return EXIT_OK;
}

/* EXIT_IO with a message when the existing file of p is the data file path. */
static int check_input(const pending *p, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || st.st_dev != p->dev || st.st_ino != p->ino) return EXIT_OK;
    cli_error("%s: is the data file %s, which this run reads; not overwritten", p->path, path);
    return EXIT_IO;
}

/* Checks p against every *.cfg of folder. */
static int check_folder(const pending *p, const char *folder)
{
    DIR *d = opendir(folder);
    if (!d) return EXIT_OK;
    int rc = EXIT_OK;
    struct dirent *e;
    while (rc == EXIT_OK && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".cfg") != 0) continue;
        char *path = malloc(strlen(folder) + len + 2);
        if (!path) {
            rc = EXIT_INTERNAL;
            break;
        }
        sprintf(path, "%s/%s", folder, e->d_name);
        rc = check_input(p, path);
        free(path);
    }
    closedir(d);
    return rc;
}

/* The folders of a data tree that the loader reads (engine/load.c, ilo_model_load()). */
static const char *const data_folders[] = {"criteria", "criteria/methods", "criteria/regimes", "countries",
                                           "scenarios", "published"};

/* An output may not replace a file the run read: exit 4. */
static int check_inputs(const pending *ps, size_t n)
{
    int rc = EXIT_OK;
    for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
        if (!ps[i].path || ps[i].in_place || !ps[i].existed) continue;
        for (size_t k = 0; input_dir && k < sizeof data_folders / sizeof *data_folders && rc == EXIT_OK; k++) {
            char folder[PATH_MAX];
            if (snprintf(folder, sizeof folder, "%s/%s", input_dir, data_folders[k]) < (int)sizeof folder)
                rc = check_folder(&ps[i], folder);
        }
        for (size_t k = 0; k < n_input_files && rc == EXIT_OK; k++) rc = check_input(&ps[i], input_files[k]);
    }
    return rc;
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

/* Puts back what the renames before a failure replaced: the old file from its link, or no file. */
static void roll_back(pending *ps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!ps[i].renamed) continue;
        if (ps[i].backup && rename(ps[i].backup, ps[i].target) == 0) {
            free(ps[i].backup);
            ps[i].backup = NULL;
        } else if (!ps[i].existed) {
            unlink(ps[i].target);
        }
    }
}

/* With signals blocked: renames every staged file over its target, all or none (unless a signal
 * is already pending: then none). Then removes every name left. */
static int commit(pending *ps, size_t n, int rc)
{
    sigset_t old, pending_set;
    block_signals(&old);
    if (rc == EXIT_OK && sigpending(&pending_set) == 0)
        for (size_t i = 0; i < 3; i++)
            if (handling[i] && sigismember(&pending_set, caught[i])) rc = EXIT_IO; /* dies below */
    for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
        if (!ps[i].tmp) continue;
        if (rename(ps[i].tmp, ps[i].target) != 0) {
            rc = io_error(ps[i].path, errno);
            roll_back(ps, i);
            break;
        }
        ps[i].renamed = true;
        fsync_folder(ps[i].target);
    }
    for (size_t i = 0; i < n; i++) {
        if (ps[i].tmp && !ps[i].renamed) unlink(ps[i].tmp);
        if (ps[i].backup) unlink(ps[i].backup);
    }
    n_cleanup = 0;
    restore_signals();
    sigprocmask(SIG_SETMASK, &old, NULL); /* a signal held off is delivered here */
    return rc;
}

static void free_pending(pending *ps, size_t n)
{
    for (size_t i = 0; ps && i < n; i++) {
        free(ps[i].target);
        free(ps[i].tmp);
        free(ps[i].backup);
    }
    free(ps);
}

/* Examines every output, stages every regular file, writes devices and pipes, then renames: a
 * failure anywhere leaves every target as it was (devices and pipes excepted). */
static int write_files(const cli_outputs *o, char **data, size_t *len)
{
    pending *ps = calloc(o->n + 1, sizeof *ps);
    if (!ps) return EXIT_INTERNAL;
    int rc = EXIT_OK;
    size_t files = 0;
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++) {
        ps[i].path = o->v[i].path;
        if (ps[i].path) rc = examine(&ps[i]);
        files += ps[i].path && !ps[i].in_place;
    }
    if (rc == EXIT_OK) rc = check_distinct(ps, o->n);
    if (rc == EXIT_OK) rc = check_inputs(ps, o->n);
    if (rc == EXIT_OK && 2 * files > MAX_CLEANUP) rc = cli_usage_error("more than %d output files", MAX_CLEANUP / 2);
    if (rc == EXIT_OK && files) catch_signals();
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++) {
        if (!ps[i].path || ps[i].in_place) continue;
        struct stat st;
        bool exists = ps[i].existed && stat(ps[i].target, &st) == 0;
        rc = stage(&ps[i], data[i], len[i], mode_for(&st, exists));
    }
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++)
        if (ps[i].path && ps[i].in_place) rc = write_in_place(ps[i].path, data[i], len[i]);
    if (files) rc = commit(ps, o->n, rc);
    free_pending(ps, o->n);
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
    if (rc == EXIT_INTERNAL) cli_error("out of memory");
    if (rc == EXIT_OK) rc = write_files(o, data, len);
    for (size_t i = 0; i < o->n && rc == EXIT_OK; i++)
        if (!o->v[i].path) fwrite(data[i], 1, len[i], stdout);
    for (size_t i = 0; data && i < o->n; i++) free(data[i]);
    free(data);
    free(len);
    return rc;
}
