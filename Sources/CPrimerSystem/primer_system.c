#define _GNU_SOURCE
#include <stdio.h>
#include <fcntl.h>
#include <errno.h>
#include <unistd.h>
#include "primer_system.h"

int primer_exchange_paths(const char *a, const char *b) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = EINVAL;
    return -1;
#endif
}

int primer_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}
