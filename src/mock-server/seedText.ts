/**
 * Realistic-looking chat text composed from word lists and sentence templates.
 * The combinations run into the hundreds of thousands, so seeded histories
 * read as varied conversation rather than a loop of the same ten lines, and
 * they exercise what a message list must handle: one-word replies, long
 * paragraphs, multi-line lists, links, emoji-only messages, non-ASCII text.
 */
import type { Random } from './random';

const PROJECTS = [
  'the onboarding flow', 'the billing page', 'the mobile nav', 'the search results', 'the settings panel',
  'the dashboard', 'the release notes', 'the API docs', 'the pricing page', 'the sign-up form',
  'the dark theme', 'the notification emails', 'the export job', 'the analytics report', 'the login screen',
  'the help center', 'the checkout', 'the style guide', 'the image uploader', 'the beta invite list',
  'the avatar picker', 'the audit log', 'the CSV import', 'the empty states', 'the keyboard shortcuts',
] as const;

const PAST_VERBS = [
  'reviewed', 'shipped', 'fixed', 'refactored', 'tested', 'updated', 'cleaned up', 'merged', 'benchmarked',
  'redesigned', 'documented', 'rolled back', 'deployed', 'profiled', 'simplified', 'translated',
] as const;

const VERBS = [
  'review', 'ship', 'fix', 'test', 'update', 'merge', 'demo', 'pair on', 'look at', 'sketch', 'polish',
  'document', 'deploy', 'split up', 'prioritize', 'sanity-check',
] as const;

const PAST_TIMES = [
  'this morning', 'yesterday', 'after lunch', 'before standup', 'last week', 'over the weekend', 'an hour ago',
  'on Monday', 'right after the retro',
] as const;

const FUTURE_TIMES = [
  'tonight', 'on Friday', 'next sprint', 'by Thursday', 'first thing tomorrow', 'in an hour', 'right after the retro',
  'after lunch', 'before standup', 'this afternoon', 'before the release',
] as const;

const OBSERVATIONS = [
  'It looks much better now', 'It is still a bit slow on older phones', 'Sign-ups are up about 12%',
  'QA found two small issues', 'Nobody has complained so far', 'The diff is smaller than I expected',
  'The copy still needs a pass', 'Contrast is fine in both themes', 'We might need a follow-up ticket',
  'It broke one flaky test, rerunning now', 'Zoë from support says customers love it',
  'The café Wi-Fi made the demo a little naïve about latency', 'Bundle size went down by 3 kB',
  'Screen readers announce it properly now', 'The edge cases with right-to-left text still look odd',
  'Load time dropped from 2.1 s to 900 ms',
] as const;

const ACKS = [
  'Sounds good', 'Works for me', 'Nice', 'Perfect', 'Got it', 'Thanks', 'Agreed', 'Love it', 'Makes sense',
  'Ha, fair', 'On it', 'Sure thing', 'Yep', 'Great news', 'Oh nice', 'Cool', 'Noted', 'Brilliant',
  'Same here', 'Good call', 'Fair enough', 'Totally',
] as const;

const ACK_TAILS = [
  '!', ' 👍', '.', ', thanks!', ' — will do', ' 🙌', ', let me know if you need a hand', '!! 🎉', ' :)',
  ", I'll take a look", ', ping me when it is ready', ' 😄', ', that was quick', '. Merging.',
] as const;

const FOLLOW_UPS = [
  'I can {verb} {project} {time}.',
  '{observation}.',
  'Did you also {verb} {project}?',
  "Let's {verb} {project} {time}.",
] as const;

const QUESTIONS = [
  'Has anyone had a chance to {verb} {project} yet?',
  'Can we {verb} {project} {time}?',
  'Who is picking up {project} {time}?',
  'Is {project} still blocked, or can we {verb} it {time}?',
  'Did we ever {verb} {project}, or is it still on the list?',
  'Quick question: should we {verb} {project} before or after the release?',
  'Any objections if I {verb} {project} {time}?',
  'Does anyone remember why we changed {project}?',
] as const;

const STATEMENTS = [
  'I {past} {project} {when}. {observation}.',
  '{Project} is {status}. {observation}.',
  'Heads up: I {past} {project}, so please pull before you {verb} anything.',
  'I will {verb} {project} {time}.',
  'Just {past} {project}. {observation}!',
  '{observation}, so I think we can {verb} {project} {time}.',
] as const;

const STATUSES = ['done', 'in review', 'almost there', 'on staging', 'blocked on design', 'live for 10% of users'] as const;

const CASUAL = [
  'Anyone up for {food} {time}?',
  'Morning {name}! ☕ How did {project} go {when}?',
  'Thanks {name}, your notes on {project} really helped.',
  '{name}, did you see the message about {project}?',
  'Back from {food}, catching up on {project} now.',
  'Nice work on {project}, everyone! 🎉',
  'I owe {name} {food} for rescuing {project} {when}.',
] as const;

const FOODS = ['coffee', 'ramen', 'tacos', 'a walk', 'pizza', 'dumplings', 'a quick break', 'falafel', 'crêpes'] as const;

const LIST_INTROS = ['Quick update:', 'Notes from the sync:', 'Plan for today:', 'Open questions:', 'Release checklist:'] as const;

const LINK_LEADS = [
  "Here's the doc:", 'Spec is here:', 'Found this, worth a read:', 'PR:', 'Mockups:', 'Dashboard:', 'Notes:',
] as const;

const HOSTS = ['docs.example.com', 'example.com', 'wiki.example.org', 'design.example.com', 'status.example.net'] as const;

const EMOJI = ['👍', '🎉', '😂', '🙌', '❤️', '🚀', '👀', '🔥', '😅', '✅', '🙏', '☕', '🤔', '💯'] as const;

export interface TextContext {
  /** First names of the other people in the conversation, for greetings and mentions. */
  readonly names: readonly string[];
}

function fill(template: string, rng: Random, ctx: TextContext): string {
  const project = rng.pick(PROJECTS);
  return template
    .replace('{Project}', capitalize(project))
    .replace('{project}', project)
    .replace('{past}', rng.pick(PAST_VERBS))
    .replace(/\{verb\}/g, () => rng.pick(VERBS))
    .replace('{time}', rng.pick(FUTURE_TIMES))
    .replace('{when}', rng.pick(PAST_TIMES))
    .replace('{observation}', rng.pick(OBSERVATIONS))
    .replace('{status}', rng.pick(STATUSES))
    .replace('{food}', rng.pick(FOODS))
    .replace('{name}', ctx.names.length > 0 ? rng.pick(ctx.names) : 'team');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function slug(s: string): string {
  return s.replace(/^the /, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

export function composeUrl(rng: Random): string {
  return `https://${rng.pick(HOSTS)}/${slug(rng.pick(PROJECTS))}/${rng.int(100, 9999)}`;
}

/** Three to six sentences: the long messages that make rows wrap and vary in height. */
export function composeParagraph(rng: Random, ctx: TextContext): string {
  const templates: readonly string[] = [...STATEMENTS, ...QUESTIONS];
  const sentences: string[] = [];
  const count = rng.int(3, 6);
  for (let i = 0; i < count; i++) sentences.push(fill(rng.pick(templates), rng, ctx));
  return sentences.join(' ');
}

function composeList(rng: Random): string {
  const lines: string[] = [rng.pick(LIST_INTROS)];
  const count = rng.int(2, 5);
  for (let i = 0; i < count; i++) lines.push(`• ${capitalize(rng.pick(VERBS))} ${rng.pick(PROJECTS)} ${rng.pick(FUTURE_TIMES)}`);
  return lines.join('\n');
}

function composeLink(rng: Random): string {
  const url = composeUrl(rng);
  return rng.chance(0.5)
    ? `${rng.pick(LINK_LEADS)} ${url}`
    : `The latest version of ${rng.pick(PROJECTS)} is at ${url} — feedback welcome`;
}

function composeEmoji(rng: Random): string {
  const count = rng.int(1, 3);
  let out = '';
  for (let i = 0; i < count; i++) out += rng.pick(EMOJI);
  return out;
}

/** One chat message, of a kind drawn with realistic weights. */
export function composeMessageText(rng: Random, ctx: TextContext): string {
  const roll = rng.next();
  if (roll < 0.22) {
    const ack = `${rng.pick(ACKS)}${rng.pick(ACK_TAILS)}`;
    // Half of the short replies carry a clause, as people do, which also keeps texts varied.
    if (rng.chance(0.5)) return ack;
    return `${ack}${/\w$/.test(ack) ? '.' : ''} ${fill(rng.pick(FOLLOW_UPS), rng, ctx)}`;
  }
  if (roll < 0.36) return fill(rng.pick(QUESTIONS), rng, ctx);
  if (roll < 0.62) return fill(rng.pick(STATEMENTS), rng, ctx);
  if (roll < 0.72) return fill(rng.pick(CASUAL), rng, ctx);
  if (roll < 0.8) return composeParagraph(rng, ctx);
  if (roll < 0.87) return composeList(rng);
  if (roll < 0.94) return composeLink(rng);
  return composeEmoji(rng);
}

export const REACTION_EMOJI = ['👍', '❤️', '😂', '🎉', '👀', '🙏'] as const;
