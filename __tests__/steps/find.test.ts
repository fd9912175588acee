import { ActionError } from '../../src/config/errors.js';
import { ServiceError } from '../../src/aws/errors.js';
import type { CodeBuild } from '../../src/aws/codebuild.js';
import { unknownProject } from '../../src/steps/find.js';

const codebuild = { region: async () => 'eu-west-1' } as unknown as CodeBuild;
const notFound = (detail: string, requestId?: string) =>
  new ServiceError('StartBuildBatch', 'ResourceNotFoundException', detail, requestId, 'other');

describe('unknownProject', () => {
  it.each([
    [
      'with a request id',
      notFound('Project cannot be found: arn:aws:codebuild:eu-west-1:1:project/web-ap', 'r-1'),
      'Project web-ap was not found in eu-west-1: check "project-name" and the region (aws-region). CodeBuild StartBuildBatch failed: ResourceNotFoundException: Project cannot be found: arn:aws:codebuild:eu-west-1:1:project/web-ap (request id r-1).',
    ],
    [
      'a message ending in a full stop, no request id',
      notFound('Project cannot be found.'),
      'Project web-ap was not found in eu-west-1: check "project-name" and the region (aws-region). CodeBuild StartBuildBatch failed: ResourceNotFoundException: Project cannot be found.',
    ],
  ])('names the input and the region, %s', async (_, thrown, sentence) => {
    const error = await unknownProject(thrown, codebuild, 'web-ap');
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toBe(sentence);
  });

  it('leaves any other failure as it came', async () => {
    const denied = new ServiceError('StartBuildBatch', 'AccessDeniedException', 'no', 'r', 'other');
    expect(await unknownProject(denied, codebuild, 'web-ap')).toBe(denied);
  });
});
