import type { Logs } from '../../src/aws/logs.js';
import type { EvidenceSource } from '../../src/steps/evidence.js';
import { hidingBuildText } from '../../src/steps/build-text.js';

const SECRET = 'plaintext-value-123';
const hide = (text: string) => text.replaceAll(SECRET, '***');

const logs: Logs = {
  tail: async () => [`curl -H "Bearer ${SECRET}"`],
  read: async () => ({ lines: [`echo ${SECRET}`], complete: true }),
};
const source: EvidenceSource = {
  region: async () => 'us-east-1',
  getReports: async () => [{ arn: `arn:report/${SECRET}` }],
  getBuilds: async () => [
    {
      arn: `arn:build/${SECRET}`,
      phases: [
        {
          phaseType: 'BUILD',
          contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: `deploy ${SECRET}` }],
        },
      ],
    },
  ],
  describeTestCases: async () => [
    {
      name: `uses ${SECRET}`,
      prefix: SECRET,
      testSuiteName: SECRET,
      message: `401 for ${SECRET}`,
      status: 'FAILED',
    },
  ],
  openLogs: async () => logs,
};

describe('hidingBuildText', () => {
  const hidden = hidingBuildText(source, hide);

  it('hides the values in what the builds printed: log lines, test cases, the failed command', async () => {
    const opened = await hidden.openLogs('us-east-1');
    expect(await opened.tail('g', 's', 10)).toEqual(['curl -H "Bearer ***"']);
    expect(await opened.read('g', 's', { maxLines: 1, maxBytes: 1, lineBytes: 1 })).toEqual({
      lines: ['echo ***'],
      complete: true,
    });
    const [testCase] = await hidden.describeTestCases('arn', 'FAILED', 10);
    expect(testCase).toEqual({
      name: 'uses ***',
      prefix: '***',
      testSuiteName: '***',
      message: '401 for ***',
      status: 'FAILED',
    });
    const [build] = await hidden.getBuilds(['arn']);
    expect(build!.phases![0]!.contexts).toEqual([
      { statusCode: 'COMMAND_EXECUTION_ERROR', message: 'deploy ***' },
    ]);
  });

  it("leaves the service's ids as they are: the links and outputs are built from them", async () => {
    const [build] = await hidden.getBuilds(['arn']);
    expect(build!.arn).toBe(`arn:build/${SECRET}`);
    expect(await hidden.getReports(['arn'])).toEqual([{ arn: `arn:report/${SECRET}` }]);
    expect(await hidden.region()).toBe('us-east-1');
  });

  it("hands each build read to learn before its own text is hidden: a group's own variables", async () => {
    const known: string[] = [];
    const learning = hidingBuildText(
      source,
      (text) => known.reduce((out, value) => out.replaceAll(value, '***'), text),
      (builds) => known.push(...builds.map((b) => b.arn!.split('/')[1]!)),
    );
    const [build] = await learning.getBuilds(['arn']);
    expect(build!.phases![0]!.contexts![0]!.message).toBe('deploy ***');
    expect(known).toEqual([SECRET]);
  });
});
