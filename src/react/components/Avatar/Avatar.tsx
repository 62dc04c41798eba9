import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import type { User } from '../../../core/protocol';
import { useCatalog } from '../../ChatProvider';
import { attributeText } from '../../text/isolate';
import { partClassName } from '../className';
import { getInitials, readableTextColor } from './initials';
import { presenceState } from './presence';

export type AvatarSize = 'sm' | 'md' | 'lg';

/** Extra facts a custom avatar may show; the built-in one uses them for its presence dot. */
export interface AvatarSlotContext {
  /** Presence of the user, when the caller shows it (direct chats); undefined hides it. */
  online?: boolean | undefined;
  size?: AvatarSize | undefined;
}

/** The `renderAvatar` slot other components accept to replace the built-in avatar. */
export type RenderAvatar = (user: User | undefined, context?: AvatarSlotContext) => ReactNode;

export interface AvatarProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  user: User;
  size?: AvatarSize;
  /** Show a presence dot: true online, false offline, undefined no dot. */
  online?: boolean | undefined;
  /**
   * Decorative avatars (the default) are hidden from assistive technology,
   * because the name is always written next to them. Set false when the
   * avatar stands alone; it then gets role="img" and the user's name.
   */
  decorative?: boolean;
}

/**
 * Initials on the user's colour. No network images: nothing to load, nothing
 * to leak, and the same look in tests, stories and offline.
 */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar({ user, size = 'md', online, decorative = true, className, style, ...rest }: AvatarProps, ref) {
  const catalog = useCatalog();
  const name = attributeText(user.name);
  // The initials are letters of the name, not the controls in front of them.
  const initials = getInitials(name || user.id, catalog.locale);
  const textColor = user.color ? readableTextColor(user.color) : undefined;
  // Only a colour we can judge is used, so the initials always meet contrast.
  const colors = user.color && textColor ? { backgroundColor: user.color, color: textColor } : undefined;
  const presence = presenceState(online);
  const a11y = decorative
    ? { 'aria-hidden': true as const }
    : { role: 'img', 'aria-label': presence ? `${name}, ${catalog.presence[presence]}` : name };
  return (
    <span
      ref={ref}
      className={partClassName('parley-avatar', className)}
      data-size={size}
      data-presence={presence}
      data-bot={user.isBot ? 'true' : undefined}
      style={colors ? { ...colors, ...style } : style}
      {...a11y}
      {...rest}
    >
      {initials}
      {presence && <span className="parley-avatar-presence" />}
    </span>
  );
});
Avatar.displayName = 'Avatar';
