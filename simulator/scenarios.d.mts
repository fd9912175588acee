export const PLAINTEXT_SECRET: string;
export const HOSTILE_LOG_LINES: string[];
export const scenarios: Record<
  string,
  { description: string; project: string; [key: string]: unknown }
>;
export const PROTOTYPE_NAMES: string[];
