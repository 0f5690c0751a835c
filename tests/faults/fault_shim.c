/* An LD_PRELOAD shim that makes chosen file calls fail, for the fault-injection test (fault_test.cpp).
 *
 * KIOSK_FAULTS names a control file, read again whenever it changes, one rule a line:
 *     ERRNO OPS PATH_PART        e.g.  ENOSPC write,open /cache/      EIO fsync /last-good-content
 * ERRNO is ENOSPC, EROFS or EIO; OPS a comma list of
 *     write   write, pwrite, pwrite64, writev, sendfile, copy_file_range, ftruncate
 *     open    open/openat that may write (O_WRONLY, O_RDWR, O_CREAT), and mkdir
 *     fsync   fsync, fdatasync
 *     rename  rename, renameat, renameat2, unlink, unlinkat
 * and a call fails when the file's path (for a descriptor, its /proc/self/fd link) contains PATH_PART.
 * An empty file: nothing fails. Every injected failure adds a byte to CONTROL.hits, so the test knows the
 * faults were met. Nothing here may allocate or call what it wraps: libc's own functions are reached
 * through dlsym(RTLD_NEXT) or a raw syscall. */
#define _GNU_SOURCE
/* The tree builds with 64-bit file offsets, which renames pwrite to pwrite64 and so on; the shim defines
 * both names itself. */
#undef _FILE_OFFSET_BITS
#undef _TIME_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { OP_WRITE = 1, OP_OPEN = 2, OP_FSYNC = 4, OP_RENAME = 8 };

struct rule {
  int error;
  int ops;
  char part[200];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct rule rules[16];
static int rule_count;
static struct timespec seen_mtime;
static off_t seen_size = -1;

static int raw_open(const char* path, int flags, mode_t mode) {
  return (int)syscall(SYS_openat, AT_FDCWD, path, flags | O_CLOEXEC, mode);
}

static int parse_errno(const char* name) {
  if (strcmp(name, "ENOSPC") == 0) return ENOSPC;
  if (strcmp(name, "EROFS") == 0) return EROFS;
  if (strcmp(name, "EIO") == 0) return EIO;
  return 0;
}

static int parse_ops(char* list) {
  int ops = 0;
  for (char* save = NULL; (list = strtok_r(list, ",", &save)) != NULL; list = NULL) {
    if (strcmp(list, "write") == 0) ops |= OP_WRITE;
    if (strcmp(list, "open") == 0) ops |= OP_OPEN;
    if (strcmp(list, "fsync") == 0) ops |= OP_FSYNC;
    if (strcmp(list, "rename") == 0) ops |= OP_RENAME;
  }
  return ops;
}

/* Needs `lock`. */
static void reload_rules(const char* control) {
  struct stat st;
  if (stat(control, &st) != 0) {
    rule_count = 0;
    seen_size = -1;
    return;
  }
  if (st.st_size == seen_size && st.st_mtim.tv_sec == seen_mtime.tv_sec &&
      st.st_mtim.tv_nsec == seen_mtime.tv_nsec)
    return;
  seen_size = st.st_size;
  seen_mtime = st.st_mtim;
  rule_count = 0;
  char text[4096];
  int fd = raw_open(control, O_RDONLY, 0);
  if (fd < 0) return;
  ssize_t n = syscall(SYS_read, fd, text, sizeof text - 1);
  syscall(SYS_close, fd);
  if (n <= 0) return;
  text[n] = '\0';
  for (char *save = NULL, *line = strtok_r(text, "\n", &save); line && rule_count < 16;
       line = strtok_r(NULL, "\n", &save)) {
    char name[16], ops[64], part[200];
    if (sscanf(line, "%15s %63s %199s", name, ops, part) != 3) continue;
    struct rule* r = &rules[rule_count];
    r->error = parse_errno(name);
    r->ops = parse_ops(ops);
    strcpy(r->part, part);
    if (r->error && r->ops) ++rule_count;
  }
}

static void count_hit(const char* control) {
  char hits[512];
  snprintf(hits, sizeof hits, "%s.hits", control);
  int fd = raw_open(hits, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) return;
  syscall(SYS_write, fd, "x", 1);
  syscall(SYS_close, fd);
}

/* The errno to fail with, or 0. */
static int fault_for(int op, const char* path) {
  const char* control = getenv("KIOSK_FAULTS");
  if (!control || !*control || !path) return 0;
  int error = 0;
  pthread_mutex_lock(&lock);
  reload_rules(control);
  for (int i = 0; i < rule_count && !error; ++i)
    if ((rules[i].ops & op) && strstr(path, rules[i].part)) error = rules[i].error;
  pthread_mutex_unlock(&lock);
  if (error) count_hit(control);
  return error;
}

static int fault_for_fd(int op, int fd) {
  if (!getenv("KIOSK_FAULTS")) return 0;
  char link[64], path[1024];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return 0;
  path[n] = '\0';
  return fault_for(op, path);
}

/* A path relative to a directory descriptor (libstdc++'s remove_all walks with openat/unlinkat), made whole.
 */
static int fault_at(int op, int dir, const char* path) {
  if (!getenv("KIOSK_FAULTS") || !path) return 0;
  if (path[0] == '/' || dir == AT_FDCWD) return fault_for(op, path);
  char link[64], whole[2048];
  snprintf(link, sizeof link, "/proc/self/fd/%d", dir);
  ssize_t n = readlink(link, whole, 1024);
  if (n <= 0) return fault_for(op, path);
  snprintf(whole + n, sizeof whole - (size_t)n, "/%s", path);
  return fault_for(op, whole);
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))
#define FAIL_IF(check) \
  do {                 \
    int e_ = (check);  \
    if (e_) {          \
      errno = e_;      \
      return -1;       \
    }                  \
  } while (0)

static int writes(int flags) {
  return (flags & (O_WRONLY | O_RDWR | O_CREAT)) != 0;
}

ssize_t write(int fd, const void* buf, size_t n) {
  if (fd > 2) FAIL_IF(fault_for_fd(OP_WRITE, fd));
  return NEXT(write)(fd, buf, n);
}
ssize_t pwrite(int fd, const void* buf, size_t n, off_t at) {
  FAIL_IF(fault_for_fd(OP_WRITE, fd));
  return NEXT(pwrite)(fd, buf, n, at);
}
ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t at) {
  FAIL_IF(fault_for_fd(OP_WRITE, fd));
  return NEXT(pwrite64)(fd, buf, n, at);
}
ssize_t writev(int fd, const struct iovec* iov, int count) {
  if (fd > 2) FAIL_IF(fault_for_fd(OP_WRITE, fd));
  return NEXT(writev)(fd, iov, count);
}
ssize_t sendfile(int out, int in, off_t* at, size_t n) {
  FAIL_IF(fault_for_fd(OP_WRITE, out));
  return NEXT(sendfile)(out, in, at, n);
}
ssize_t copy_file_range(int in, off64_t* in_at, int out, off64_t* out_at, size_t n, unsigned flags) {
  FAIL_IF(fault_for_fd(OP_WRITE, out));
  return NEXT(copy_file_range)(in, in_at, out, out_at, n, flags);
}
int ftruncate(int fd, off_t size) {
  FAIL_IF(fault_for_fd(OP_WRITE, fd));
  return NEXT(ftruncate)(fd, size);
}
int fsync(int fd) {
  FAIL_IF(fault_for_fd(OP_FSYNC, fd));
  return NEXT(fsync)(fd);
}
int fdatasync(int fd) {
  FAIL_IF(fault_for_fd(OP_FSYNC, fd));
  return NEXT(fdatasync)(fd);
}

int open(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(args, mode_t) : 0;
  va_end(args);
  if (writes(flags)) FAIL_IF(fault_for(OP_OPEN, path));
  return NEXT(open)(path, flags, mode);
}
int open64(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(args, mode_t) : 0;
  va_end(args);
  if (writes(flags)) FAIL_IF(fault_for(OP_OPEN, path));
  return NEXT(open64)(path, flags, mode);
}
int openat(int dir, const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(args, mode_t) : 0;
  va_end(args);
  if (writes(flags)) FAIL_IF(fault_at(OP_OPEN, dir, path));
  return NEXT(openat)(dir, path, flags, mode);
}
int openat64(int dir, const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(args, mode_t) : 0;
  va_end(args);
  if (writes(flags)) FAIL_IF(fault_at(OP_OPEN, dir, path));
  return NEXT(openat64)(dir, path, flags, mode);
}
int mkdir(const char* path, mode_t mode) {
  FAIL_IF(fault_for(OP_OPEN, path));
  return NEXT(mkdir)(path, mode);
}
int mkdirat(int dir, const char* path, mode_t mode) {
  FAIL_IF(fault_at(OP_OPEN, dir, path));
  return NEXT(mkdirat)(dir, path, mode);
}

int rename(const char* from, const char* to) {
  FAIL_IF(fault_for(OP_RENAME, to));
  return NEXT(rename)(from, to);
}
int renameat(int from_dir, const char* from, int to_dir, const char* to) {
  FAIL_IF(fault_at(OP_RENAME, to_dir, to));
  return NEXT(renameat)(from_dir, from, to_dir, to);
}
int renameat2(int from_dir, const char* from, int to_dir, const char* to, unsigned flags) {
  FAIL_IF(fault_at(OP_RENAME, to_dir, to));
  return NEXT(renameat2)(from_dir, from, to_dir, to, flags);
}
int unlink(const char* path) {
  FAIL_IF(fault_for(OP_RENAME, path));
  return NEXT(unlink)(path);
}
int unlinkat(int dir, const char* path, int flags) {
  FAIL_IF(fault_at(OP_RENAME, dir, path));
  return NEXT(unlinkat)(dir, path, flags);
}
