/** Query keys of the review screen; they start with the domain name like the others (api/query-keys.ts). */
export const reviewKeys = {
  list: ['review', 'list'] as const,
  conflicts: ['conflicts', 'list'] as const,
};
