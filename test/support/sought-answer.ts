// What two logs servers' answers must share when one seeks in a large file for a window and the other reads it whole.

/** A tool's answer without what may differ between the servers: the engine, the seek's own field and note, times of the call. */
export function comparable(answer: Record<string, unknown>): unknown {
  return JSON.parse(
    JSON.stringify(answer, (key, value: unknown) => {
      if (['engine', 'readFrom', 'elapsedMs', 'window'].includes(key)) return undefined;
      // The notes for people (error_summary's notesForPeople) are the same notes, pointers left out.
      if ((key === 'notes' || key === 'notesForPeople') && Array.isArray(value)) {
        const kept = value.filter((note: string) => !/ read from line | read whole for the window/.test(note));
        return kept.length > 0 ? kept : undefined;
      }
      return value;
    }),
  );
}
