export const BEYOND_MODEL: ReadonlyArray<{
  service: string;
  shape: string;
  member: string;
  value?: string;
  emptyList?: true;
  newMember?: true;
  source: string;
}>;
export const COMMON_ERRORS: ReadonlyArray<string>;
