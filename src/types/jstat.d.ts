/**
 * The few jStat functions used by src/domain/statistics.ts and src/domain/sampling/. The package ships no types; its
 * dist is UMD, so it is imported as the CommonJS default export (module.exports = jStat).
 */
declare module 'jstat' {
  interface JStat {
    beta: { inv(p: number, alpha: number, beta: number): number };
    normal: { inv(p: number, mean: number, std: number): number };
    chisquare: { inv(p: number, dof: number): number };
    binomial: { cdf(k: number, n: number, p: number): number };
    /** P(X ≤ k) drawing n from a population of N holding m marked. */
    hypgeom: { cdf(k: number, N: number, m: number, n: number): number };
  }
  const jStat: JStat;
  export default jStat;
}
