/** Limits the server enforces and the client checks before sending. */
export const LIMITS = {
  maxTextLength: 10_000,
  maxAttachments: 10,
  maxIdLength: 200,
  maxNameLength: 200,
  maxUrlLength: 2_000,
  maxPageSize: 200,
  maxMembers: 10_000,
} as const;
