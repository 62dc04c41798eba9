// `parley-baseline-impl` is bench/message-list/impls/parley.tsx of the `--baseline` commit
// (an alias set by bench/message-list.bench.ts); without a baseline it is today's file.
declare module 'parley-baseline-impl' {
  import type { MountImpl } from './types';

  export const mountRemotePaged: MountImpl;
  export const mountRemoteAll: MountImpl;
}
