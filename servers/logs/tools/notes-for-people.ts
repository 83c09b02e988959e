// A note of error_summary is read by a model and, through the extension's chat, by a person. A model is pointed at fields
// of the structured answer ("(see files[].textErrors)"), which a person never sees: such pointers are written with `see`,
// and `forPeople` gives the note without them, for the answer's notesForPeople (the client shows those as they are).

/** The pointers `see` wrote, as they appear in notes. */
const written = new Set<string>();

/** ` (see <field>)`, pointing a model at a field of the structured answer (`files[].textErrors`); forPeople leaves it out. */
export function see(field: string): string {
  const pointer = ` (see ${field})`;
  written.add(pointer);
  return pointer;
}

/** `note` without the pointers `see` wrote in it; the rest as written. */
export function forPeople(note: string): string {
  let out = note;
  for (const pointer of written) out = out.split(pointer).join('');
  return out;
}
