// Facts that pure functions derive from the built-in rules (a line pattern's literal prefixes and
// required texts, a phrase pattern's steps, the style kind's spelling groups), computed by `npm
// run build` and kept in dist/rules.json: loading those rules, or running them the first time,
// looks them up instead of working them out again in code that has not warmed up (≈ 5 ms of each
// start for the boilerplate rules, as much for the phrase patterns and for the spelling groups).

const known = new Map<string, unknown>();
/** Set while the build compiles the built-in rules (recordDerived). */
let recording = false;

/**
 * `compute(input)`, or the fact recorded under `name` and `input`. The result must be JSON data
 * that depends on `input` alone, and is shared: callers do not change it. Only the build records
 * (a user's rules, say a term list of 100,000 patterns, are not kept in memory).
 */
export function derived<T>(name: string, input: string, compute: (input: string) => T): T {
  const key = `${name}\0${input}`;
  if (known.has(key)) return known.get(key) as T;
  const value = compute(input);
  if (recording) known.set(key, value);
  return value;
}

/** Runs `build` with every fact derived meanwhile recorded. */
export function recordDerived<T>(build: () => T): T {
  recording = true;
  try {
    return build();
  } finally {
    recording = false;
  }
}

/** Everything derived so far: what the build records for the built-in rules. */
export const derivedFacts = (): [string, unknown][] => [...known];

/** Facts recorded by the build, taken as derived. */
export function seedDerived(facts: [string, unknown][]): void {
  for (const [key, value] of facts) known.set(key, value);
}
