/**
 * A batch build's page in the CodeBuild console, as people copy it from the browser's address bar
 * into a dispatch form: https://us-east-1.console.aws.amazon.com/codesuite/codebuild/ACCOUNT/projects/
 * PROJECT/batch/PROJECT%3AUUID?region=us-east-1. Pure: the text in, what it names out.
 */

const CONSOLE_HOST =
  /^(?:([a-z0-9-]+)\.)?console\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
const BATCH_PAGE =
  /^\/codesuite\/codebuild\/(?:(\d{12})\/)?projects\/[^/]+\/batch\/([^/]+)(?:\/|$)/;

export interface ConsoleBatch {
  /** As the page names it: not yet checked to be a batch id. */
  batchId: string;
  /** From ?region=, else the host's region prefix. */
  region?: string;
  account?: string;
}

/** The batch a console page names; undefined when the text is not such a page. */
export function batchFromConsoleUrl(text: string): ConsoleBatch | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = CONSOLE_HOST.exec(url.hostname);
  const page = BATCH_PAGE.exec(url.pathname);
  if (url.protocol !== 'https:' || !host || !page) return undefined;
  let batchId: string;
  try {
    batchId = decodeURIComponent(page[2]!);
  } catch {
    return undefined;
  }
  return {
    batchId,
    region: url.searchParams.get('region') || host[1],
    account: page[1],
  };
}
