/**
 * Parley Bot: answers every human message in a bot conversation after a
 * pause, showing "typing…" meanwhile — a live source of incoming messages and
 * typing indicators for stories and demos. Always online, it has every message
 * at once (delivered) and reads it when it answers.
 */
import { markDelivered, markRead, postMessage, pushTyping, type ServerContext } from './messaging';
import { createRandom } from './random';
import { composeParagraph, composeUrl } from './seedText';
import type { ConversationRecord } from './state';
import type { StoredMessage } from './types';

export interface Bot {
  /** Reacts to a message that was just posted (ignores its own and non-bot conversations). */
  onPosted(conversation: ConversationRecord, message: StoredMessage): void;
  /** Forgets pending replies and clears their timers. */
  reset(): void;
}

const ECHOES = [
  (w: string) => `You said “${w}” — noted! 📝`,
  (w: string) => `Interesting point about “${w}”. Tell me more?`,
  (w: string) => `Got it: “${w}”. Anything else I can help with?`,
  (w: string) => `“${w}”, you say? I'll think about that 🤔`,
  (w: string) => `Thanks! I've filed “${w}” under important things.`,
] as const;

const HELP =
  'Here is what I understand:\n• “help” — this list\n• “long” — a long reply, to test wrapping\n• “link” — a message with a link\n• anything else — a friendly echo';

/** The reply for one message; `seedKey` makes the choice repeatable. */
export function botReply(text: string, hasAttachments: boolean, seedKey: string): string {
  const rng = createRandom(seedKey);
  const lower = text.toLowerCase();
  if (/\bhelp\b/.test(lower)) return HELP;
  if (/\blong\b/.test(lower)) return composeParagraph(rng, { names: ['Alice', 'Bob'] });
  if (/\blink\b/.test(lower)) return `Here you go: ${composeUrl(rng)}`;
  const words = text.match(/[\p{L}\p{N}'’-]{3,}/gu) ?? [];
  const word = words.reduce((longest, w) => (w.length > longest.length ? w : longest), '').slice(0, 40);
  if (!word) return hasAttachments ? 'Thanks for the file! 📎' : 'Nice one! 😄';
  return rng.pick(ECHOES)(word);
}

export function createBot(ctx: ServerContext, options: { botId: string; delayMs: number; seed: string }): Bot {
  const { botId, delayMs, seed } = options;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Replies still to come per conversation: "typing" stops only after the last one. */
  const pending = new Map<string, number>();

  return {
    onPosted(conversation, message) {
      if (conversation.kind !== 'bot' || !conversation.members.has(botId)) return;
      if (message.authorId === botId || message.kind === 'system') return;
      const text = botReply(message.text, message.attachments.length > 0, `${seed}|bot|${conversation.id}|${message.seq}`);
      pending.set(conversation.id, (pending.get(conversation.id) ?? 0) + 1);
      markDelivered(ctx, conversation, botId, message.seq);
      pushTyping(ctx, conversation, botId, true);
      const timer = setTimeout(() => {
        timers.delete(timer);
        const left = (pending.get(conversation.id) ?? 1) - 1;
        if (left > 0) pending.set(conversation.id, left);
        else pending.delete(conversation.id);
        markRead(ctx, conversation, botId, message.seq);
        postMessage(ctx, conversation, { authorId: botId, text });
        if (left === 0) pushTyping(ctx, conversation, botId, false);
      }, delayMs);
      timers.add(timer);
    },

    reset() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pending.clear();
    },
  };
}
