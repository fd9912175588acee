export const MERMAID_FILE: string;
export function summaryAsText(markdown: string): string;
export function summaryAsHtml(markdown: string, title: string): string;
export function writePreview(dir: string, markdown: string, title: string): string;
