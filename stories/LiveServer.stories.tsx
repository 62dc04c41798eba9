import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createSocketIoTransport } from 'parley/socketio';
import { ChatApp } from './support/ChatApp';

interface LiveArgs {
  url: string;
}

/**
 * Alice and Bob on the real Node mock server, through the socket.io adapter:
 * the same kit, a real network stack. Start the server with `npm run server`.
 */
const meta = {
  title: 'Demos/Live server',
  parameters: { layout: 'fullscreen' },
  args: { url: 'http://127.0.0.1:4000' },
  render: (args) => <LiveServer key={args.url} url={args.url} />,
} satisfies Meta<LiveArgs>;
export default meta;

type Story = StoryObj<typeof meta>;

type State = { kind: 'checking' } | { kind: 'connected'; alice: ChatClient; bob: ChatClient } | { kind: 'unavailable'; reason: string };

/** How long to wait for the server before explaining how to start it. */
const WAIT_MS = 2_500;

function LiveServer({ url }: { url: string }) {
  const [state, setState] = useState<State>({ kind: 'checking' });
  useEffect(() => {
    const make = (userId: string) =>
      createChatClient({
        transport: createSocketIoTransport({ url, token: `${userId}-token` }),
        userId,
        outbox: createMemoryOutbox(),
      });
    const alice = make('alice');
    const bob = make('bob');
    let cancelled = false;
    const timer = setTimeout(() => {
      if (!cancelled) setState({ kind: 'unavailable', reason: `No answer from ${url}` });
    }, WAIT_MS);
    Promise.all([alice.connect(), bob.connect()])
      .then(() => {
        clearTimeout(timer);
        if (!cancelled) setState({ kind: 'connected', alice, bob });
      })
      .catch((err: unknown) => {
        clearTimeout(timer);
        if (!cancelled) setState({ kind: 'unavailable', reason: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      alice.disconnect();
      bob.disconnect();
    };
  }, [url]);

  if (state.kind === 'connected') {
    return (
      <div className="demo-panes">
        <ChatApp client={state.alice} caption="Alice (socket.io)" initialConversationId="alice-bob" />
        <ChatApp client={state.bob} caption="Bob (socket.io)" initialConversationId="alice-bob" />
      </div>
    );
  }
  return (
    <div className="demo-notice" role="status">
      {state.kind === 'checking' ? (
        <p>Connecting to {url}…</p>
      ) : (
        <>
          <h2>The live server is not running</h2>
          <p>{state.reason}. Start it in a terminal, then reload this story:</p>
          <pre>
            <code>npm run server</code>
          </pre>
          <p>It listens on 127.0.0.1:4000 with the demo users; this story connects as Alice and Bob through the socket.io adapter.</p>
        </>
      )}
    </div>
  );
}

export const AliceAndBob: Story = {};
