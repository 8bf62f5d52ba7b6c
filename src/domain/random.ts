import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The one source of randomness in the domain: seeded, so the same seed gives the same result on
 * every machine (xoroshiro128+ from pure-rand, the generator fast-check uses), never the platform's unseeded one.
 */
export interface Random {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A number in [0, 1). */
  float(): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const random: Random = {
    int: (min, max) => uniformInt(rng, min, max),
    float: () => uniformFloat64(rng),
    chance: (probability) => probability > 0 && (probability >= 1 || uniformFloat64(rng) < probability),
    pick: (items) => items[uniformInt(rng, 0, items.length - 1)]!,
  };
  return random;
}
