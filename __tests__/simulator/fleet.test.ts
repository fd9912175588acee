import { fleetFigures } from '../../simulator/fleet.mjs';

// The fleet's detection figure (bench and fleet.e2e): from a run's end, or from the account's last
// refusal of the step's poll after it, to the read that saw the end; and the longest the step left
// the ended batch unread, which no refusal resets.
describe('fleetFigures: detection', () => {
  const T = 1_000_000;
  const poll = (at: number, answer?: 'complete' | 'running' | 'refused') => ({
    at: T + at,
    service: 'codebuild',
    operation: 'BatchGetBuildBatches',
    body: { ids: ['b1'] },
    ...(answer === 'refused'
      ? { status: 400, error: 'ThrottlingException' }
      : {
          status: 200,
          response: { buildBatches: [{ id: 'b1', complete: answer === 'complete' }] },
        }),
  });
  const figures = (requests: ReturnType<typeof poll>[]) =>
    fleetFigures({
      requests,
      spawnedAt: T,
      budget: 10,
      pollMs: 2_000,
      steps: [
        {
          kind: 'succeeds',
          code: 0,
          status: 'SUCCEEDED',
          attempts: 0,
          firstEndAt: T + 10_000,
          run: {
            endedAt: T + 41_000,
            code: 0,
            stdout: '',
            outputs: { 'batch-status': 'SUCCEEDED', attempts: '0' },
          },
          batch: { id: 'b1', endAt: () => T + 10_000 },
        },
      ],
    });

  it.each([
    [
      'a step that slept 30 s past the end is late, though its poll was refused just before it saw the end',
      [
        poll(0, 'running'),
        poll(5_000, 'running'),
        poll(40_000, 'refused'),
        poll(40_300, 'complete'),
      ],
      { ms: 300, sinceEndMs: 30_300, gapMs: 30_000 },
      1,
    ],
    [
      'a step refused while the account had no room is judged from the refusal, and is in time',
      [
        poll(0, 'running'),
        poll(9_000, 'running'),
        poll(15_000, 'refused'),
        poll(15_800, 'refused'),
        poll(21_000, 'complete'),
      ],
      { ms: 5_200, sinceEndMs: 11_000, gapMs: 5_200 },
      0,
    ],
  ])('%s', (_, requests, detection, over) => {
    const f = figures(requests);
    expect(f.steps[0]!.detections[0]).toMatchObject(detection);
    expect(f.detection.over).toBe(over);
  });
});
