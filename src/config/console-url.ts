/**
 * A batch build's page in the CodeBuild console, as people copy it from the browser's address bar
 * into a dispatch form: https://us-east-1.console.aws.amazon.com/codesuite/codebuild/ACCOUNT/projects/
 * PROJECT/batch/PROJECT%3AUUID?region=us-east-1. A build's page (…/build/…) is told apart, as it is
 * the one most often copied by mistake. Pure: the text in, what it names out.
 */

/**
 * The AWS consoles, one domain per partition: a pasted page is read back by it, and a link is shown
 * only when it leads to one of them (report/links.ts).
 */
export const CONSOLE_DOMAINS = new Map([
  ['aws', 'console.aws.amazon.com'],
  ['aws-us-gov', 'console.amazonaws-us-gov.com'],
  ['aws-cn', 'console.amazonaws.cn'],
]);

/** A console's host: its partition, and the labels before its domain ('' when none). */
export function consoleHost(hostname: string): { partition: string; prefix: string } | undefined {
  for (const [partition, domain] of CONSOLE_DOMAINS) {
    if (hostname === domain) return { partition, prefix: '' };
    if (hostname.endsWith(`.${domain}`))
      return { partition, prefix: hostname.slice(0, -domain.length - 1) };
  }
  return undefined;
}

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
  const host = consoleHost(url.hostname);
  const page = PAGE_PATH.exec(url.pathname);
  // At most one label before the domain: the region (us-east-1.console.aws.amazon.com).
  if (url.protocol !== 'https:' || !host || !/^[a-z0-9-]*$/.test(host.prefix) || !page)
    return undefined;
  let id: string;
  try {
    id = decodeURIComponent(page[3]!);
  } catch {
    return undefined;
  }
  return {
    kind: page[2] as ConsolePage['kind'],
    id,
    region: url.searchParams.get('region') || host.prefix || undefined,
    account: page[1],
    partition: host.partition,
  };
}
