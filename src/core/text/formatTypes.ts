/**
 * What `parseFormatting` makes of message text: a small tree the React layer
 * turns into elements (never HTML). Every node kind here maps to one element
 * of a fixed allow-list, so nothing in a message can produce another.
 */

/** Inline content: text and what marks it. */
export type FormattedInline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong' | 'em' | 'strike'; readonly children: readonly FormattedInline[] }
  | { readonly kind: 'code'; readonly text: string }
  | {
      readonly kind: 'link';
      /** Always http, https or mailto (`links.ts`). */
      readonly href: string;
      readonly children: readonly FormattedInline[];
      /**
       * The host the link really goes to, when the visible text does not show it:
       * `[docs](https://evil.example)` reads "docs (evil.example)".
       */
      readonly host?: string;
    }
  | {
      readonly kind: 'mention';
      /** As written, with its `@`. */
      readonly text: string;
      /** A user id, or `here`. */
      readonly userId: string;
    };

/** Block content: a message is a list of these. */
export type FormattedBlock =
  | { readonly kind: 'paragraph'; readonly children: readonly FormattedInline[] }
  | { readonly kind: 'code'; readonly text: string; readonly lang?: string }
  | { readonly kind: 'quote'; readonly children: readonly FormattedBlock[] }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      /** An ordered list's first number, when not 1. */
      readonly start?: number;
      readonly items: readonly (readonly FormattedInline[])[];
    };

/** A user the text may mention: `@name` in the text becomes a mention of `userId`. */
export interface MentionName {
  readonly userId: string;
  readonly name: string;
}

export interface FormattingOptions {
  /** The message's mentions with the names they are written with (`@here` is `{ userId: 'here', name: 'here' }`). */
  readonly mentions?: readonly MentionName[];
}
