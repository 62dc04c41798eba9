import { Fragment, memo, useMemo, type ReactNode } from 'react';
import { parseFormatting } from '../../../core/text/formatBlocks';
import type { FormattedBlock, FormattedInline, MentionName } from '../../../core/text/formatTypes';
import { CodeBlock } from './CodeBlock';

export interface FormattedTextProps {
  text: string;
  /** The message's mentions with the names they are written with: `@Name` shows as a mention of that user. */
  mentions?: readonly MentionName[] | undefined;
  /** The current user's id: their mentions are marked `data-self`. */
  selfId?: string | undefined;
}

/**
 * Message text with its formatting, as React elements from a fixed set
 * (strong, em, s, code, pre, blockquote, ul, ol, li, p, a, span, bdi and the
 * code block's own parts) — never HTML. Text without blocks renders as text
 * nodes straight into the caller's element, as plain text does.
 */
export const FormattedText = memo(function FormattedText({ text, mentions, selfId }: FormattedTextProps) {
  const blocks = useMemo(() => parseFormatting(text, { mentions }), [text, mentions]);
  const only = blocks.length === 1 ? blocks[0]! : undefined;
  if (only?.kind === 'paragraph') return <>{inlines(only.children, selfId)}</>;
  return <>{blocks.map((block, i) => renderBlock(block, i, selfId))}</>;
});
FormattedText.displayName = 'FormattedText';

function renderBlock(block: FormattedBlock, key: number, selfId: string | undefined): ReactNode {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p key={key} className="parley-text-paragraph">
          {inlines(block.children, selfId)}
        </p>
      );
    case 'code':
      return <CodeBlock key={key} code={block.text} lang={block.lang} />;
    case 'quote':
      return (
        <blockquote key={key} className="parley-text-quote">
          {block.children.map((child, i) => renderBlock(child, i, selfId))}
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{inlines(item, selfId)}</li>);
      return block.ordered ? (
        <ol key={key} className="parley-text-list" start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key} className="parley-text-list">
          {items}
        </ul>
      );
    }
  }
}

function inlines(nodes: readonly FormattedInline[], selfId: string | undefined): ReactNode[] {
  return nodes.map((node, i) => renderInline(node, i, selfId));
}

function renderInline(node: FormattedInline, key: number, selfId: string | undefined): ReactNode {
  switch (node.kind) {
    case 'text':
      // A bare text node: one element less per row in a virtualized list.
      return <Fragment key={key}>{node.text}</Fragment>;
    case 'strong':
      return <strong key={key}>{inlines(node.children, selfId)}</strong>;
    case 'em':
      return <em key={key}>{inlines(node.children, selfId)}</em>;
    case 'strike':
      return <s key={key}>{inlines(node.children, selfId)}</s>;
    case 'code':
      return (
        <code key={key} className="parley-text-code">
          {node.text}
        </code>
      );
    case 'link':
      return (
        <a key={key} className="parley-link" href={node.href} target="_blank" rel="noopener noreferrer">
          {/* The link's text in its own direction; the real host after it, inside the link, for sight and speech. */}
          <bdi>{inlines(node.children, selfId)}</bdi>
          {node.host !== undefined && <span className="parley-link-host"> ({node.host})</span>}
        </a>
      );
    case 'mention':
      return (
        <span
          key={key}
          className="parley-mention"
          data-mention={node.userId}
          data-self={node.userId === selfId || node.userId === 'here' ? 'true' : undefined}
        >
          <bdi>{node.text}</bdi>
        </span>
      );
  }
}
