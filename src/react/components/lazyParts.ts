/**
 * Parts that only appear on interaction (a row's toolbar and editor) or only in
 * some conversations (reactions, attachments), fetched on first use so the
 * message list loads without them (see `lazyPart`). They share one chunk.
 */
import { createElement } from 'react';
import { lazyPart } from '../lazyPart';
import type { FormattedTextProps } from './MessageBubble/FormattedText';
import { MessageText } from './MessageBubble/MessageText';

// One promise for all four, so parts whose code arrives together show in the same render
// (a toolbar that takes focus finds the row's reaction chips already there).
let chunk: Promise<typeof import('./onDemand')> | undefined;
/**
 * The one chunk of everything loaded on demand. Every lazy part goes through it: each chunk of
 * its own would pull the modules it shares with the main bundle out into chunks of their own,
 * all loaded at start anyway (and compressed apart, so heavier).
 */
export const loadOnDemand = () =>
  (chunk ??= import('./onDemand').catch((error: unknown) => {
    chunk = undefined;
    throw error;
  }));

/** The toolbar of the hovered or focused row: React menu, Edit, Delete and its confirmation. */
export const MessageActions = lazyPart(() => loadOnDemand().then((m) => m.MessageActions));

/** The in-place editor. */
export const MessageEditor = lazyPart(() => loadOnDemand().then((m) => m.MessageEditor));

/** Reaction chips, under bubbles that have reactions. */
export const Reactions = lazyPart(() => loadOnDemand().then((m) => m.Reactions));

/** Attachment thumbnails and file links, in bubbles that have attachments. */
export const Attachments = lazyPart(() => loadOnDemand().then((m) => m.Attachments));

/** The card of a message's link preview, in bubbles that have one. */
export const LinkPreview = lazyPart(() => loadOnDemand().then((m) => m.LinkPreview));

/** "Forwarded from …", in bubbles of forwarded messages. */
export const ForwardedLabel = lazyPart(() => loadOnDemand().then((m) => m.ForwardedLabel));

/** "N replies" under a thread's root, with the last reply's time, the repliers and the unread mark. */
export const ThreadSummary = lazyPart(() => loadOnDemand().then((m) => m.ThreadSummary));

/** The quoted original above a reply's text (or after a notice about a message), a button that jumps to it. */
export const MessageQuote = lazyPart(() => loadOnDemand().then((m) => m.MessageQuote));

/** "Replying to …" above the message input, while a reply is composed. */
export const ReplyBar = lazyPart(() => loadOnDemand().then((m) => m.ReplyBar));

/** The people to mention, above the message input while an `@…` is typed. */
export const MentionPicker = lazyPart(() => loadOnDemand().then((m) => m.MentionPicker));

/**
 * Formatted message text (`FormattedText`), for messages that have marks or mentions; until its
 * code is there it shows the text plain, with links, and the row is measured again when it comes.
 */
export const FormattedText = lazyPart<FormattedTextProps>(
  // After the first paint: the rows show (plain) first, then the chunk is evaluated.
  () => afterPaint().then(loadOnDemand).then((m) => m.FormattedText),
  ({ text }) => createElement(MessageText, { text }),
);

/** Resolves once the browser has painted the current frame (at once where there are no frames). */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
