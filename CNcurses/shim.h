// What Swift cannot import from ncursesw as it is: macros that are not simple
// constants, and C globals (Swift 6 rejects reading them as not concurrency-safe).
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#undef lines
#undef columns

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

/// A colour pair of any two colours, including 24-bit ones on a direct-colour terminal.
static inline int cn_init_pair(int pair, int foreground, int background) {
  return init_extended_pair(pair, foreground, background);
}

/// Asks for clicks and the wheel (or stops asking). Reported at once: no wait to tell a
/// double click, which the board tells itself.
static inline void cn_mouse(int on) {
  mmask_t wanted = on ? (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
  mousemask(wanted, NULL);
  mouseinterval(0);
}

/// The mouse event behind KEY_MOUSE: 1 a left press, 2 the wheel up, 3 the wheel down, 0 other.
static inline int cn_read_mouse(int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  *x = event.x;
  *y = event.y;
  if (event.bstate & BUTTON1_PRESSED) return 1;
  if (event.bstate & BUTTON4_PRESSED) return 2;
  if (event.bstate & BUTTON5_PRESSED) return 3;
  return 0;
}

static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_DIM = A_DIM;
static const attr_t CN_A_REVERSE = A_REVERSE;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;

/// Whether the locale's character set is UTF-8 (LANG is often unset over SSH and in CI).
static inline int cn_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Checks a terminal type without touching the terminal: 0 usable, 1 unknown to terminfo,
/// 2 known but unable to address the cursor (TERM=dumb), which a full-screen board needs.
static inline int cn_check_terminal(const char *term, int fd) {
  int status = 0;
  if (setupterm((char *)term, fd, &status) != OK) return 1;
  char *cup = tigetstr("cup");
  int usable = !(cup == NULL || cup == (char *)-1);
  del_curterm(cur_term);
  return usable ? 0 : 2;
}

/// Draws one cell: a spacing character followed by up to four zero-width ones.
static inline int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
  return mvwadd_wch(win, y, x, &cell);
}

/// Draws a run of printable ASCII characters in one pen from (y, x), copied into the window's
/// cells as they are (wadd_wchnstr): adding them one by one as characters (waddnwstr) costs
/// ncurses some 220 instructions a character, the copy about a quarter of that, and a frame
/// has thousands. Each cell is the pen's blank with its character put in. The cursor is left
/// after the run, where adding the characters would have left it: the terminal's cursor is
/// there once the run is out, and ncurses moves it to the window's at the end of a refresh.
static inline int cn_put_ascii(WINDOW *win, int y, int x, const unsigned char *bytes, int count, attr_t attrs, short pair) {
  enum { chunk = 128 };
  const wchar_t space[2] = {L' ', 0};
  cchar_t blank;
  if (setcchar(&blank, space, attrs, pair, NULL) != OK) return ERR;
  cchar_t cells[chunk];
  for (int start = 0; start < count; start += chunk) {
    int length = count - start < chunk ? count - start : chunk;
    for (int i = 0; i < length; i++) {
      cells[i] = blank;
      cells[i].chars[0] = (wchar_t)bytes[start + i];
    }
    if (mvwadd_wchnstr(win, y, x + start, cells, length) != OK) return ERR;
  }
  int end = x + count;
  return wmove(win, y, end < getmaxx(win) ? end : getmaxx(win) - 1);
}

/// A terminfo string capability of the current terminal, or NULL if it has none.
static inline const char *cn_string_capability(const char *name) {
  char *value = tigetstr((char *)name);
  return (value == NULL || value == (char *)-1) ? NULL : value;
}

#endif
