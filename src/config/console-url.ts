/**
 * A batch build's page in the CodeBuild console, as people copy it from the browser's address bar
 * into a dispatch form: https://us-east-1.console.aws.amazon.com/codesuite/codebuild/ACCOUNT/projects/
 * PROJECT/batch/PROJECT%3AUUID?region=us-east-1. A build's page (…/build/…) is told apart, as it is
 * the one most often copied by mistake. Pure: the text in, what it names out.
 */

const CONSOLE_HOST =
  /^(?:([a-z0-9-]+)\.)?console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
/** Each console domain's partition. */
const PARTITIONS = new Map([
  ['aws.amazon.com', 'aws'],
  ['amazonaws-us-gov.com', 'aws-us-gov'],
  ['amazonaws.cn', 'aws-cn'],
]);
const PAGE_PATH =
  /^\/codesuite\/codebuild\/(?:(\d{12})\/)?projects\/[^/]+\/(batch|build)\/([^/]+)(?:\/|$)/;

export interface ConsolePage {
  /** A batch build's page, or a build's. */
  kind: 'batch' | 'build';
  /** As the page names it: not yet checked to be an id. */
  id: string;
  /** From ?region=, else the host's region prefix. */
  region?: string;
  account?: string;
  /** The console's partition, from its domain. */
  partition: string;
}

/** The batch or build a console page names; undefined when the text is not such a page. */
export function consolePageOf(text: string): ConsolePage | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = CONSOLE_HOST.exec(url.hostname);
  const page = PAGE_PATH.exec(url.pathname);
  if (url.protocol !== 'https:' || !host || !page) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(page[3]!);
  } catch {
    return undefined;
  }
  return {
    kind: page[2] as ConsolePage['kind'],
    id,
    region: url.searchParams.get('region') || host[1],
    account: page[1],
    partition: PARTITIONS.get(host[2]!)!,
  };
}
