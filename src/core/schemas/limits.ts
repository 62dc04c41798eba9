/** Limits the server enforces and the client checks before sending. */
export const LIMITS = {
  maxTextLength: 10_000,
  maxAttachments: 10,
  maxIdLength: 200,
  maxNameLength: 200,
  maxUrlLength: 2_000,
  maxPageSize: 200,
  maxMembers: 10_000,
  /** Different emoji one user may react with on one message (`too_large` beyond): one member cannot fill it. */
  maxReactionsPerUser: 10,
  /** Different emoji one message may carry (`too_large` for a new one); joining an emoji already there never hits it. */
  maxReactionKinds: 50,
  /** Users one message may mention. */
  maxMentions: 50,
  /** Pinned messages per conversation (`too_large` for one more). */
  maxPins: 50,
  /** Recent repliers a thread root names (for their avatars). */
  maxRepliers: 5,
  /** Characters of a search query. */
  maxQueryLength: 200,
  /** Characters of a link preview's title and description (the server cuts longer ones). */
  maxPreviewTitleLength: 300,
  maxPreviewDescriptionLength: 1_000,
} as const;
