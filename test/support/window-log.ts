// A small log around one instant for time-window boundary tests of the search engines: entries exactly at `since`
// and exactly at `until`, each followed by a continuation line that takes its entry's time.
export const WINDOW_T = Date.UTC(2026, 0, 1, 12);
/** The window the tests ask for: [since, until). */
export const WINDOW = { since: WINDOW_T - 1000, until: WINDOW_T + 1000 };

const iso = (ms: number) => new Date(ms).toISOString();

export const WINDOW_LOG = `${[
  `${iso(WINDOW_T - 2000)} [INFO] tick before the window`,
  `${iso(WINDOW.since)} [ERROR] tick exactly at since`,
  'java.lang.Error: tick continuation of the since entry',
  `${iso(WINDOW_T)} [INFO] tick inside`,
  `${iso(WINDOW.until)} [WARN] tick exactly at until`,
  '\tat tick continuation of the until entry',
  `${iso(WINDOW_T + 2000)} [INFO] tick after the window`,
].join('\n')}\n`;

/** Line numbers (1-based) inside [since, until): the since entry, its continuation, the one inside. */
export const LINES_IN_WINDOW = [2, 3, 4];
