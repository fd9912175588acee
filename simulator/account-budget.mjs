// An account's request budget: one token bucket shared by every caller of the account's CodeBuild
// API, as AWS throttles an account (not a client). A request that finds the bucket empty is
// throttled and takes no token; the bucket refills at ratePerSecond up to burst.

/**
 * @param {{ ratePerSecond: number, burst?: number }} budget
 * @param {number} now  ms, on the clock later calls to take() use
 */
export function createAccountBudget({ ratePerSecond, burst = ratePerSecond }, now) {
  if (!(ratePerSecond > 0) || !(burst >= 1))
    throw new Error(
      `accountBudget needs ratePerSecond > 0 and burst ≥ 1 (got ${ratePerSecond}, ${burst})`,
    );
  let tokens = burst;
  let last = now;
  return {
    ratePerSecond,
    burst,
    /** Whether a request at `at` (ms) fits the budget; when it does, it spends one token. */
    take(at) {
      tokens = Math.min(burst, tokens + (Math.max(0, at - last) / 1000) * ratePerSecond);
      last = Math.max(last, at);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
