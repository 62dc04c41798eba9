/**
 * A member's presence as the kit shows it: the `data-presence` value and the
 * key of its words in `catalog.presence`; undefined where presence is not shown.
 */
export type PresenceState = 'online' | 'offline';

export function presenceState(online: boolean | undefined): PresenceState | undefined {
  return online === undefined ? undefined : online ? 'online' : 'offline';
}
