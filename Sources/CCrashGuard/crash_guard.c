// Gives the terminal back when the process dies of a fatal signal, where no Swift cleanup can
// run: a Swift runtime trap is SIGILL (x86) or SIGTRAP (arm). Only async-signal-safe calls in
// the handler: write, tcsetattr, signal, raise.
#include "crash_guard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_modes;
static int modes_saved;
static char exit_sequence[512];
static size_t exit_sequence_length;
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};

static void restore_and_die(int signal_number) {
  if (exit_sequence_length > 0) {
    ssize_t ignored = write(STDOUT_FILENO, exit_sequence, exit_sequence_length);
    (void)ignored;
  }
  if (modes_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

int crash_guard_save_modes(void) {
  modes_saved = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
  return modes_saved ? 0 : -1;
}

void crash_guard_arm(const char *sequence, size_t length) {
  if (length > sizeof exit_sequence) length = sizeof exit_sequence;
  memcpy(exit_sequence, sequence, length);
  exit_sequence_length = length;
  for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_and_die;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(fatal_signals[i], &action, NULL);
  }
}

void crash_guard_disarm(void) {
  for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) signal(fatal_signals[i], SIG_DFL);
  exit_sequence_length = 0;
}
