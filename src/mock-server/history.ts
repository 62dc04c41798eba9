/**
 * Seed history computed per message: message N of a conversation is a pure
 * function of (seed, conversation id, N). Nothing is stored up front, which
 * keeps `createMockServer()` cheap however long the seeded conversations are.
 */
import type { Attachment } from '../core/protocol';
import { createRandom, hashString, seededUuid, type Random } from './random';
import { composeMessageText, REACTION_EMOJI } from './seedText';
import type { LazyHistory, StoredMessage } from './types';

export interface ScriptedMessage {
  readonly authorId: string;
  readonly text: string;
  readonly system?: boolean;
}

export interface GeneratedHistoryOptions {
  readonly seed: string;
  readonly conversationId: string;
  /** Who writes generated messages, most active first. */
  readonly speakerIds: readonly string[];
  readonly count: number;
  /** Midnight (UTC) of the first day and the number of days the history spans. */
  readonly firstDay: number;
  readonly days: number;
  /** First names by user id, for greetings and mentions. */
  readonly firstNames: ReadonlyMap<string, string>;
  /** Fixed messages at given seqs (system notices, a bot's script). */
  readonly script?: ReadonlyMap<number, ScriptedMessage>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Generated messages fall in working hours, 08:00–18:00 UTC, like a real team chat. */
const WORK_START = 8 * HOUR;
const WORK_SPAN = 10 * HOUR;
/** Probability that a message continues the previous author's run (author grouping). */
const SAME_AUTHOR = 0.3;

export function createGeneratedHistory(options: GeneratedHistoryOptions): LazyHistory {
  const { seed, conversationId, speakerIds, count, firstDay, days, firstNames, script } = options;
  const prefix = `${seed}|${conversationId}|`;
  const unit = (seq: number, salt: string) => hashString(`${prefix}${seq}|${salt}`) / 4294967296;
  // Earlier speakers talk a little more: weights 1, 0.8, 0.67 …
  const weights = speakerIds.map((_, i) => 1 / (1 + 0.25 * i));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const step = (days * WORK_SPAN) / Math.max(1, count);

  function pickSpeaker(u: number): string {
    let x = u * totalWeight;
    for (let i = 0; i < speakerIds.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return speakerIds[i] as string;
    }
    return speakerIds[speakerIds.length - 1] as string;
  }

  function authorAt(seq: number): string {
    // Walk back while the run continues; the expected walk is ~1.5 steps.
    for (let s = seq; s >= 1; s--) {
      const scripted = script?.get(s);
      if (scripted) return scripted.authorId;
      if (s === 1 || unit(s, 'run') >= SAME_AUTHOR) return pickSpeaker(unit(s, 'who'));
    }
    return pickSpeaker(unit(1, 'who'));
  }

  function timeAt(seq: number): number {
    // Even slots on a "working time" axis, jittered inside the slot, so times strictly increase.
    const work = (seq - 1) * step + unit(seq, 'time') * step * 0.8;
    const day = Math.floor(work / WORK_SPAN);
    return Math.round(firstDay + day * DAY + WORK_START + (work - day * WORK_SPAN));
  }

  function messageAt(seq: number): StoredMessage {
    const rng = createRandom(`${prefix}${seq}`);
    const authorId = authorAt(seq);
    const createdAt = timeAt(seq);
    const base = {
      id: `m_${conversationId}_${seq}`,
      clientId: seededUuid(rng),
      conversationId,
      authorId,
      seq,
      createdAt,
    };
    const scripted = script?.get(seq);
    if (scripted) {
      return scripted.system
        ? { ...base, text: scripted.text, attachments: [], kind: 'system' }
        : { ...base, text: scripted.text, attachments: [] };
    }
    if (rng.chance(0.015)) return { ...base, text: '', attachments: [], deletedAt: createdAt + rng.int(1, 30) * 60_000 };
    const names = speakerIds.filter((id) => id !== authorId).map((id) => firstNames.get(id) ?? id);
    const text = composeMessageText(rng, { names });
    const attachments = rng.chance(0.04) ? [placeholderAttachment(rng, placeholderId(conversationId, seq))] : [];
    const message: { -readonly [K in keyof StoredMessage]: StoredMessage[K] } = { ...base, text, attachments };
    if (rng.chance(0.04)) message.editedAt = createdAt + rng.int(1, 20) * 60_000;
    if (rng.chance(0.12)) message.reactions = seedReactions(rng, speakerIds);
    return message;
  }

  return {
    count,
    messageAt,
    authorAt,
    isSystemAt: (seq) => script?.get(seq)?.system === true,
  };
}

function seedReactions(rng: Random, memberIds: readonly string[]): Map<string, string[]> {
  const reactions = new Map<string, string[]>();
  const kinds = rng.int(1, 2);
  for (let i = 0; i < kinds; i++) {
    const emoji = rng.pick(REACTION_EMOJI);
    const users = new Set<string>();
    const howMany = rng.int(1, Math.min(3, memberIds.length));
    for (let j = 0; j < howMany; j++) users.add(rng.pick(memberIds));
    reactions.set(emoji, [...users]);
  }
  return reactions;
}

const SWATCHES = ['#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be123c', '#0e7490'] as const;

const placeholderId = (conversationId: string, seq: number) => `att_${conversationId}_${seq}`;

/**
 * The message a placeholder's id names (`att_<conversation>_<seq>`), so the
 * upload registry finds a placeholder where its message is: viewers get its URL
 * through `attachment:url` like any upload's, and a deleted message takes it along.
 */
export function placeholderOrigin(id: string): { conversationId: string; seq: number } | null {
  const match = /^att_(.+)_([1-9]\d{0,8})$/.exec(id);
  return match ? { conversationId: match[1]!, seq: Number(match[2]) } : null;
}

/**
 * An inline SVG (a data: URL), so seeded images render in Storybook and tests
 * without any network or file server.
 */
function placeholderAttachment(rng: Random, id: string): Attachment {
  if (rng.chance(0.3)) {
    const body = 'Meeting notes\n- agree on scope\n- ship the beta\n';
    return {
      id,
      url: `data:text/plain;charset=utf-8,${encodeURIComponent(body)}`,
      name: `notes-${rng.int(1, 99)}.txt`,
      size: body.length,
      mimeType: 'text/plain',
    };
  }
  const width = rng.pick([640, 800, 1200]);
  const height = rng.pick([360, 480, 600, 800]);
  const label = `Mockup ${rng.int(1, 40)}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${rng.pick(SWATCHES)}"/>` +
    `<text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="${Math.round(height / 8)}" ` +
    `text-anchor="middle" dominant-baseline="middle">${label}</text></svg>`;
  return {
    id,
    url: `data:image/svg+xml,${encodeURIComponent(svg)}`,
    name: `${label.toLowerCase().replace(' ', '-')}.svg`,
    size: svg.length,
    mimeType: 'image/svg+xml',
    width,
    height,
  };
}
