import { createRandom } from '../random';

/**
 * Cases shared among reviewers, evenly and in a seeded order, never to the reviewer who is the
 * case's own caseworker (SAMPLING.md "No self-review"). A case only its own caseworker could
 * review is reported, not assigned.
 */
export function assignReviewers(
  cases: readonly { caseNumber: string; caseworker: string }[], reviewers: readonly string[], seed: number,
): { assigned: Map<string, string>; unassignable: string[] } {
  const names = [...new Set(reviewers)].sort((a, b) => a.localeCompare(b, 'da'));
  const load = new Map(names.map((name) => [name, 0]));
  const random = createRandom(seed);
  const assigned = new Map<string, string>();
  const unassignable: string[] = [];
  for (const c of [...cases].sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : 1))) {
    const eligible = names.filter((name) => name !== c.caseworker);
    if (!eligible.length) {
      unassignable.push(c.caseNumber);
      continue;
    }
    // The least loaded reviewers, one of them at random: even shares without a fixed pattern.
    const least = Math.min(...eligible.map((name) => load.get(name)!));
    const reviewer = random.pick(eligible.filter((name) => load.get(name) === least));
    assigned.set(c.caseNumber, reviewer);
    load.set(reviewer, least + 1);
  }
  return { assigned, unassignable };
}
