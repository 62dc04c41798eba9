import { forwardRef, useState, type HTMLAttributes } from 'react';
import type { ConnectionState } from '../../../core/types';
import type { Catalog } from '../../../i18n/en';
import { formatNumber, interpolate } from '../../../i18n/format';
import { useCatalog, useChatClient } from '../../ChatProvider';
import { useConnection } from '../../hooks/useConnection';
import { partClassName } from '../className';
import { SmallButton } from '../SmallButton';
import { useRetryCountdown } from './useRetryCountdown';

export interface ConnectionStatusProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * Show nothing while online (the usual case) — the status text stays for
   * screen readers so "Online" is still announced when a connection returns.
   */
  hideWhenOnline?: boolean;
}

/**
 * The sentence for a connection state, without the countdown. A refused token reads as a
 * refused sign-in, or, once the connection `wasOnline`, as a sign-out (revoked, expired).
 */
export function connectionLabel(catalog: Catalog, connection: ConnectionState, wasOnline = false): string {
  const t = catalog.connection;
  switch (connection.state) {
    case 'idle':
      return t.idle;
    case 'connecting':
      return t.connecting;
    case 'online':
      return t.online;
    case 'reconnecting':
      // The transport waits for the browser's `online` event instead of a timer.
      return connection.error?.code === 'offline' ? t.noNetwork : t.reconnecting;
    case 'offline': {
      const { error } = connection;
      if (error?.code !== 'unauthorized' && error?.code !== 'token_expired') return t.offline;
      return wasOnline ? t.signedOut : interpolate(t.unauthorized, { message: error.message });
    }
  }
}

/** Whether the connection has been online while this was mounted (derived state, set during render). */
function useWasOnline(online: boolean): boolean {
  const [wasOnline, setWasOnline] = useState(online);
  if (online && !wasOnline) setWasOnline(true);
  return wasOnline || online;
}

/**
 * Connecting / online / offline / reconnecting, with a countdown to the next
 * attempt and a "Retry now" button while waiting. The countdown is hidden
 * from screen readers — a status region announcing every second would drown
 * out the conversation; they hear "Reconnecting…" once and get the button.
 */
export const ConnectionStatus = forwardRef<HTMLDivElement, ConnectionStatusProps>(function ConnectionStatus({ hideWhenOnline = false, className, ...rest }: ConnectionStatusProps, ref) {
  const catalog = useCatalog();
  const client = useChatClient();
  const connection = useConnection();
  const waiting = connection.state === 'reconnecting' ? connection.nextRetryAt : undefined;
  // Waiting for a timer or for the network: either way the user may try at once.
  const canRetryNow = waiting !== undefined || (connection.state === 'reconnecting' && connection.error?.code === 'offline');
  const seconds = useRetryCountdown(waiting);
  const label = connectionLabel(catalog, connection, useWasOnline(connection.state === 'online'));
  const hidden = hideWhenOnline && connection.state === 'online';
  const counting = seconds !== undefined && seconds > 0;

  return (
    <div
      ref={ref}
      role="status"
      className={partClassName('parley-connection-status', className)}
      data-state={connection.state}
      data-error={connection.error?.code}
      data-hidden={hidden ? 'true' : undefined}
      {...rest}
    >
      {hidden ? (
        <span className="parley-visually-hidden">{label}</span>
      ) : (
        <>
          <span className="parley-connection-indicator" aria-hidden="true" />
          {counting ? (
            <span className="parley-connection-text">
              <span className="parley-visually-hidden">{label}</span>
              <span aria-hidden="true" data-countdown={seconds}>
                {interpolate(catalog.connection.reconnectingIn, { seconds: formatNumber(catalog, seconds) })}
              </span>
            </span>
          ) : (
            <span className="parley-connection-text">{label}</span>
          )}
          {canRetryNow && (
            <SmallButton onClick={() => client.reconnectNow()}>{catalog.connection.retryNow}</SmallButton>
          )}
        </>
      )}
    </div>
  );
});
ConnectionStatus.displayName = 'ConnectionStatus';
