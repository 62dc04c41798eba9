/**
 * Where an input keeps its draft: a conversation's own, or one thread's in
 * it, so that writing in a thread never shows up in the conversation's input
 * (both may be on screen at once). Reply targets are scoped alike (replyTargets.ts).
 */
export function composerKey(conversationId: string, parentId?: string): string {
  // Ids never hold U+0000, so no thread's key is another conversation's id.
  return parentId === undefined ? conversationId : `${conversationId}\u0000thread\u0000${parentId}`;
}
