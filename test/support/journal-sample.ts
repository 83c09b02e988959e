// A journal of two machines for the extension and UI tests of the Log Files tree: web-1's nginx has two
// errors and its api one, web-2's api none, and one entry of web-2 is outside any unit (CRON).
import type { JournalEntry } from './journal-fixture';

const MINUTE = 60_000;
export const UPSTREAM_TIMEOUT = 'upstream timed out (110: Connection timed out) while reading response header from upstream';

/** The entries, all within the last hour before `now` (epoch ms), so they count as recent errors. */
export function twoMachineJournal(now: number): JournalEntry[] {
  const at = (minutesAgo: number) => now - minutesAgo * MINUTE;
  return [
    { time: at(50), host: 'web-1', unit: 'nginx.service', identifier: 'nginx', priority: 6, message: 'GET /health 200' },
    { time: at(40), host: 'web-1', unit: 'nginx.service', identifier: 'nginx', priority: 3, message: `${UPSTREAM_TIMEOUT}, client: 10.0.0.7` },
    { time: at(30), host: 'web-1', unit: 'api.service', identifier: 'api', priority: 3, message: 'payment failed: card declined (order 4711)' },
    { time: at(25), host: 'web-2', unit: 'api.service', identifier: 'api', priority: 6, message: 'listening on :8080' },
    { time: at(20), host: 'web-1', unit: 'nginx.service', identifier: 'nginx', priority: 3, message: `${UPSTREAM_TIMEOUT}, client: 10.0.0.9` },
    { time: at(10), host: 'web-2', identifier: 'CRON', priority: 6, message: '(root) CMD (run-parts /etc/cron.hourly)' },
  ];
}
