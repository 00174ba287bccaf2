#ifndef PRIMER_SYSTEM_H
#define PRIMER_SYSTEM_H
#include <spawn.h>
#include <sys/types.h>
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int primer_exchange_paths(const char *a, const char *b);
/// Creates a pipe whose both ends are close-on-exec (pipe2 with O_CLOEXEC), atomically, so
/// that a program started concurrently by another thread never inherits them.
int primer_pipe_cloexec(int fds[2]);
/// Makes a spawned program start in `path` (glibc's posix_spawn_file_actions_addchdir_np,
/// which needs _GNU_SOURCE). Returns 0 or an error number.
int primer_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);
/// Whether child `pid` has ended, without reaping it (waitid with WNOWAIT), so that its
/// process group can still be killed by id. Returns 1 when it ended, 0 while it runs, -1 on error.
int primer_child_has_ended(pid_t pid);
#endif
