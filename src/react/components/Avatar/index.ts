export { Avatar } from './Avatar';
export type { AvatarProps, AvatarSize, AvatarSlotContext, RenderAvatar } from './Avatar';
export { getInitials, readableTextColor } from './initials';
