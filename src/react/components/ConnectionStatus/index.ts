export { ConnectionStatus, connectionLabel } from './ConnectionStatus';
export type { ConnectionStatusProps } from './ConnectionStatus';
export { useRetryCountdown } from './useRetryCountdown';
