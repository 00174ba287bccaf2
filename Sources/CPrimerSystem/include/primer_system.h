#ifndef PRIMER_SYSTEM_H
#define PRIMER_SYSTEM_H
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int primer_exchange_paths(const char *a, const char *b);
/// Creates a pipe whose both ends are close-on-exec (pipe2 with O_CLOEXEC), atomically, so
/// that a program started concurrently by another thread never inherits them.
int primer_pipe_cloexec(int fds[2]);
#endif
