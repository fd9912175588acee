// Armed faults, shared by the AWS and GitHub sides of the simulator.

/**
 * The first armed fault for this operation (of one of `kinds`, when given), consumed: a fault's
 * `skip` lets that many matching requests through first, its `count` is how many it hits.
 * @param {Array<{ kind: string, operation?: string, skip?: number, count: number }>} faults
 * @param {string} operation
 * @param {string[]} [kinds]
 */
export function takeFault(faults, operation, kinds) {
  for (const fault of faults) {
    if (fault.count <= 0 || (kinds && !kinds.includes(fault.kind))) continue;
    if (fault.operation && fault.operation !== operation) continue;
    if (fault.skip > 0) {
      fault.skip -= 1;
      continue;
    }
    fault.count -= 1;
    return fault;
  }
  return undefined;
}
