/**
 * The seeded world: six people, a bot and a dozen conversations. Names and ids
 * are part of the public contract (README, docs/architecture.md) and stay the same for every
 * seed; the seed string only varies the generated history, and `EMPTY_SEED` has none.
 */
import type { User } from '../core/protocol';
import { createGeneratedHistory, type ScriptedMessage } from './history';
import { hashString } from './random';
import type { ConversationInit, LazyHistory } from './types';

export const BOT_ID = 'parley-bot';

/** Avatar colours all reach at least 4.5:1 contrast with white initials (WCAG AA). */
export const SEED_USERS: readonly User[] = [
  { id: 'alice', name: 'Alice Martin', color: '#b42318' },
  { id: 'bob', name: 'Bob Nguyen', color: '#1d4ed8' },
  { id: 'carol', name: 'Carol Okafor', color: '#047857' },
  { id: 'dave', name: 'Dave Kowalski', color: '#6d28d9' },
  { id: 'erin', name: 'Erin Schmidt', color: '#b45309' },
  { id: 'frank', name: 'Frank Rossi', color: '#0e7490' },
  { id: BOT_ID, name: 'Parley Bot', color: '#4b5563', isBot: true },
];

/** Seed time is fixed (not "now") so every run sees the same dates. Midnight UTC. */
export const SEED_BASE_DAY = Date.UTC(2025, 2, 14);
const DAY = 86_400_000;

/**
 * The same users, tokens and conversations with no message in any of them, so a
 * benchmark or a host app starts from a clean slate. The conversations stay: the
 * contract's names (`general`, `alice-bob`…) then mean the same in every world.
 */
export const EMPTY_SEED = 'empty';

const HUMANS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'] as const;

interface ConversationSpec extends Pick<ConversationInit, 'id' | 'kind' | 'title' | 'memberIds' | 'adminIds'> {
  readonly count: number;
  /** The history runs from `daysAgo` days before the base day for `days` days. */
  readonly daysAgo: number;
  readonly days: number;
  readonly script?: ReadonlyMap<number, ScriptedMessage>;
  /** How many messages alice has not read yet (others have read nearly everything). */
  readonly aliceUnread?: number;
}

const created = (authorId: string, title: string): ReadonlyMap<number, ScriptedMessage> =>
  new Map([[1, { authorId, text: `${nameOf(authorId)} created “${title}”`, system: true }]]);

const BOT_SCRIPT: ReadonlyMap<number, ScriptedMessage> = new Map([
  [1, { authorId: BOT_ID, text: "Hi Alice! I'm Parley Bot 👋 Send me anything and I'll answer after a short pause." }],
  [2, { authorId: 'alice', text: 'Hi bot! Can you hear me?' }],
  [3, { authorId: BOT_ID, text: 'Loud and clear! Try “help” to see what I can do.' }],
  [4, { authorId: 'alice', text: 'help' }],
  [
    5,
    {
      authorId: BOT_ID,
      text: 'Here is what I understand:\n• “help” — this list\n• “long” — a long reply, to test wrapping\n• “link” — a message with a link\n• anything else — a friendly echo',
    },
  ],
]);

const SPECS: readonly ConversationSpec[] = [
  {
    id: 'general', kind: 'group', title: 'General', memberIds: HUMANS, adminIds: ['alice'], count: 64, daysAgo: 5, days: 6, aliceUnread: 3,
    script: new Map([
      ...created('alice', 'General'),
      [2, { authorId: 'bob', text: 'Welcome everyone 👋' }],
      [30, { authorId: 'erin', text: 'Erin Schmidt changed the topic to “Coffee & code”', system: true }],
    ]),
  },
  { id: 'alice-bob', kind: 'direct', title: '', memberIds: ['alice', 'bob'], count: 40, daysAgo: 2, days: 3 },
  { id: 'bob-carol', kind: 'direct', title: '', memberIds: ['bob', 'carol'], count: 24, daysAgo: 1, days: 2 },
  { id: 'alice-bot', kind: 'bot', title: 'Parley Bot', memberIds: ['alice', BOT_ID], count: 5, daysAgo: 0, days: 1, script: BOT_SCRIPT },
  {
    id: 'design', kind: 'group', title: 'Design reviews', memberIds: ['carol', 'alice', 'erin'], adminIds: ['carol'], count: 45, daysAgo: 4, days: 5,
    aliceUnread: 5, script: created('carol', 'Design reviews'),
  },
  { id: 'random', kind: 'group', title: 'Random', memberIds: ['frank', 'dave', 'alice', 'bob', 'carol', 'erin'], adminIds: ['frank'], count: 50, daysAgo: 8, days: 9, script: created('frank', 'Random') },
  { id: 'alice-carol', kind: 'direct', title: '', memberIds: ['alice', 'carol'], count: 18, daysAgo: 12, days: 6 },
  { id: 'alice-dave', kind: 'direct', title: '', memberIds: ['alice', 'dave'], count: 12, daysAgo: 20, days: 4 },
  {
    id: 'launch', kind: 'group', title: 'Launch 🚀', memberIds: ['dave', 'alice', 'bob', 'frank'], adminIds: ['dave'], count: 36, daysAgo: 3, days: 4,
    aliceUnread: 1, script: created('dave', 'Launch 🚀'),
  },
  { id: 'erin-frank', kind: 'direct', title: '', memberIds: ['erin', 'frank'], count: 10, daysAgo: 6, days: 2 },
  { id: 'alice-frank', kind: 'direct', title: '', memberIds: ['alice', 'frank'], count: 0, daysAgo: 1, days: 1 },
  {
    id: 'archive', kind: 'group', title: 'Archive', memberIds: ['bob', 'alice', 'erin'], adminIds: ['bob'], count: 10_000, daysAgo: 730, days: 700,
    aliceUnread: 2, script: created('bob', 'Archive'),
  },
];

function nameOf(userId: string): string {
  return SEED_USERS.find((u) => u.id === userId)?.name ?? userId;
}

/** Direct conversations are titled by their members; each viewer sees the other's name. */
function titleOf(spec: ConversationSpec): string {
  return spec.title || spec.memberIds.map(nameOf).join(' & ');
}

const FIRST_NAMES: ReadonlyMap<string, string> = new Map(SEED_USERS.map((u) => [u.id, u.name.split(' ')[0] ?? u.name]));

/** Seq below which `userId` leaves `unread` messages from others unread. */
function readSeqLeaving(history: LazyHistory, userId: string, unread: number): number {
  if (unread <= 0) return history.count;
  let left = unread;
  for (let seq = history.count; seq >= 1; seq--) {
    if (history.isSystemAt(seq) || history.authorAt(seq) !== userId) left--;
    if (left <= 0) return seq - 1;
  }
  return 0;
}

export function buildSeedConversations(seed: string): ConversationInit[] {
  return SPECS.map((spec) => {
    const firstDay = SEED_BASE_DAY - spec.daysAgo * DAY;
    const history = spec.count && seed !== EMPTY_SEED
      ? createGeneratedHistory({
          seed,
          conversationId: spec.id,
          speakerIds: spec.memberIds.filter((id) => id !== BOT_ID),
          count: spec.count,
          firstDay,
          days: spec.days,
          firstNames: FIRST_NAMES,
          ...(spec.script ? { script: spec.script } : {}),
        })
      : null;
    const readSeqs = new Map<string, number>();
    // Everything so far reached everyone; reading lags behind, so the demo shows both receipts.
    const deliveredSeqs = new Map(spec.memberIds.map((memberId) => [memberId, history?.count ?? 0]));
    for (const memberId of spec.memberIds) {
      if (!history) readSeqs.set(memberId, 0);
      else if (memberId === 'alice') readSeqs.set(memberId, readSeqLeaving(history, memberId, spec.aliceUnread ?? 0));
      // Others are a message or two behind, varying by seed, so read receipts differ.
      else readSeqs.set(memberId, Math.max(0, history.count - (hashString(`${seed}|${spec.id}|${memberId}|read`) % 3)));
    }
    return {
      id: spec.id,
      kind: spec.kind,
      title: titleOf(spec),
      memberIds: spec.memberIds,
      // Each group's creator (its "created" notice) may unpin anything in it.
      ...(spec.adminIds ? { adminIds: spec.adminIds } : {}),
      createdAt: firstDay + 7 * 3_600_000,
      history,
      readSeqs,
      deliveredSeqs,
    };
  });
}
