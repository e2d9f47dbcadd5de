// Facts that pure functions derive from a rule's patterns (a line pattern's literal prefixes, the
// literal texts it requires), computed once by `npm run build` for the built-in rules and kept in
// dist/rules.json: loading those rules looks them up instead of analysing every pattern again in
// code that has not warmed up (the boilerplate rules: ≈ 5 ms of each start).

const known = new Map<string, unknown>();

/**
 * `compute(input)`, remembered under `name` and `input`. The result must be JSON data that depends
 * on `input` alone, and is shared: callers do not change it.
 */
export function derived<T>(name: string, input: string, compute: (input: string) => T): T {
  const key = `${name}\0${input}`;
  if (known.has(key)) return known.get(key) as T;
  const value = compute(input);
  known.set(key, value);
  return value;
}

/** Everything derived so far: what the build records for the built-in rules. */
export const derivedFacts = (): [string, unknown][] => [...known];

/** Facts recorded by the build, taken as derived. */
export function seedDerived(facts: [string, unknown][]): void {
  for (const [key, value] of facts) known.set(key, value);
}
