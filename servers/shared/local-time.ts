// Instants written for people and models in the zone they live in; a module of its own, without zod, so that the
// logs scan process and the miner can use it (time-window.ts loads zod).

/**
 * Epoch ms as ISO 8601 with milliseconds in the process's local zone (`…+09:00`); `Z` where the offset is zero, and in
 * UTC wherever the local form would not read back as the same instant (years past 9999, the edge of JavaScript's date
 * range, or a zone's historical offset with seconds, which an ISO offset cannot write).
 */
export function isoInLocalZone(ms: number): string {
  const utc = new Date(ms).toISOString();
  const offsetMinutes = -new Date(ms).getTimezoneOffset();
  if (offsetMinutes === 0) return utc;
  const shifted = new Date(ms + offsetMinutes * 60_000);
  if (Number.isNaN(shifted.getTime())) return utc;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const local = `${shifted.toISOString().slice(0, 23)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return /^\d{4}-/.test(local) && Date.parse(local) === ms ? local : utc;
}
