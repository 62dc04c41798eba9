/**
 * The one place for the rules a message's text follows, on the client and on
 * the server: at most `LIMITS.maxTextLength` UTF-16 code units (`too_large`),
 * and not blank unless the message carries an attachment (`invalid_payload`).
 */
import * as v from '../schema';
import { LIMITS } from './limits';

const TOO_LARGE = `Messages are limited to ${LIMITS.maxTextLength} characters`;
const fitsLimit = (text: string) => text.length <= LIMITS.maxTextLength;

/** A message's text on the wire; text over the limit fails with the issue code `too_large`. */
export const TextSchema = v.refine(v.string(Infinity), fitsLimit, TOO_LARGE, 'too_large');

export interface TextProblem {
  readonly code: 'too_large' | 'invalid_payload';
  readonly message: string;
}

/** Why a message with this text and this many attachments cannot be stored, or `null` when it can. */
export function messageTextProblem(text: string, attachmentCount: number): TextProblem | null {
  if (!fitsLimit(text)) return { code: 'too_large', message: TOO_LARGE };
  if (attachmentCount === 0 && text.trim() === '') {
    return { code: 'invalid_payload', message: 'A message needs text or an attachment' };
  }
  return null;
}
