#ifndef PRIMER_SPIN_WAIT_H
#define PRIMER_SPIN_WAIT_H

/// Tells the processor that the calling thread is spinning on a memory location (x86 `pause`,
/// Arm `yield`), so that it saves power and leaves execution resources to other threads.
static inline void primer_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
    __asm__ __volatile__("yield");
#endif
}

#endif
