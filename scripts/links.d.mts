export function anchorsOf(markdown: string): Set<string>;
export function brokenLinks(files: string[], read?: (file: string) => string): string[];
