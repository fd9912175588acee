export const MERMAID_FILE: string;
export function summaryAsText(markdown: string): string;
export function summaryAsHtml(markdown: string, title: string, aside?: string): string;
export function writePreview(
  dir: string,
  markdown: string,
  title: string,
  github?: Parameters<typeof githubAsHtml>[0],
): string;
export function githubAsHtml(github?: {
  checkRuns?: Array<{
    name: string;
    status: string;
    conclusion: string | null;
    details_url?: string | null;
    output?: { title?: string | null; summary?: string | null; text?: string | null };
  }>;
  comments?: Array<{
    body?: string;
    user?: { login: string; type?: string } | null;
    created_at?: string;
    updated_at?: string;
  }>;
}): string;
