// Values the live services return beyond their published model. The model check accepts exactly
// these and nothing else; each entry says where we know it from. Add an entry only with a source.

/**
 * @type {ReadonlyArray<{ service: string, shape: string, member: string, value?: string, emptyList?: true, newMember?: true, source: string }>}
 * `shape` is the model's structure holding `member`; `value` is an enum value outside the model, or
 * `emptyList` says the member may be an empty list although the model's list shape has min 1;
 * `newMember` says the member is newer than Debian's botocore model (its value is not checked).
 */
export const BEYOND_MODEL = Object.freeze([
  {
    service: 'codebuild',
    shape: 'BuildSummary',
    member: 'buildStatus',
    value: 'PENDING',
    source:
      'codebuild-facts.md (Shapes): groups not yet started read PENDING in real BatchGetBuildBatches/StopBuildBatch responses',
  },
  {
    service: 'codebuild',
    shape: 'BuildBatchPhase',
    member: 'phaseStatus',
    value: 'CLIENT_ERROR',
    source:
      'codebuild-facts.md (Retry): RetryBuildBatch rewrites the IN_PROGRESS phase status to CLIENT_ERROR',
  },
  {
    service: 'codebuild',
    shape: 'BuildBatchPhase',
    member: 'phaseStatus',
    value: 'RETRY',
    source: 'codebuild-facts.md (Retry): RetryBuildBatch rewrites the FAILED phase status to RETRY',
  },
  {
    service: 'codebuild',
    shape: 'ResolvedArtifact',
    member: 'type',
    value: 'no_artifacts',
    source:
      'codebuild-facts.md (Shapes): BuildSummary.primaryArtifact.type is lower-case "no_artifacts" in real responses',
  },
  {
    service: 'codebuild',
    shape: 'BatchGetBuildsOutput',
    member: 'buildsNotFound',
    emptyList: true,
    source:
      'AWS CLI example output of `aws codebuild batch-get-builds` and the CodeBuild user guide (getting started, AWS CLI): "buildsNotFound": [] although BuildIds has min 1',
  },
  {
    service: 'codebuild',
    shape: 'TestCase',
    member: 'testSuiteName',
    newMember: true,
    source:
      "@aws-sdk/client-codebuild 3.1142.0 (the SDK this action ships) declares TestCase.testSuiteName; Debian's botocore 1.29.27 model predates it",
  },
]);

/**
 * Errors any AWS API can answer although no operation's model lists them (authentication, throttling,
 * protocol and server faults). Source: the "Common Errors" page of every AWS API reference, and the
 * awsJson1_1 protocol (SerializationException, UnknownOperationException).
 */
export const COMMON_ERRORS = Object.freeze([
  'AccessDeniedException',
  'ExpiredTokenException',
  'ExpiredToken',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'InternalFailure',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'NotAuthorized',
  'RequestExpired',
  'SerializationException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'SignatureDoesNotMatch',
  'ThrottlingException',
  'Throttling',
  'UnknownOperationException',
  'UnrecognizedClientException',
  'ValidationError',
  'ValidationException',
]);
