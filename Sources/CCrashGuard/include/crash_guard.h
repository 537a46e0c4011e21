#ifndef CRASH_GUARD_H
#define CRASH_GUARD_H
#include <stddef.h>

/// Saves the terminal modes of standard input as they are now (before a full-screen program
/// changes them). Returns 0 on success.
int crash_guard_save_modes(void);

/// Arms handlers for fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT) that
/// write `exit_sequence` (the terminal's own exit strings) to standard output, restore the saved
/// modes, and then die of the same signal.
void crash_guard_arm(const char *exit_sequence, size_t length);

/// Puts the default handlers back.
void crash_guard_disarm(void);

#endif
