/**
 * What an edit changes, for its audit row: the fields whose values differ between the saved record
 * and the edit (compared as JSON, so lists compare by content), and each side restricted to them.
 */
export function fieldChanges<Fields extends Record<string, unknown>>(saved: Fields, next: Fields): { fields: (keyof Fields)[]; before: Partial<Fields>; after: Partial<Fields> } {
  const fields = (Object.keys(next) as (keyof Fields)[]).filter((field) => JSON.stringify(next[field]) !== JSON.stringify(saved[field]));
  const only = (values: Fields) => Object.fromEntries(fields.map((field) => [field, values[field]])) as Partial<Fields>;
  return { fields, before: only(saved), after: only(next) };
}
