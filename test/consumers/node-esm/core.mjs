// Plain Node, no bundler: parley/core and parley/mock-server from the installed package.
// A client on the memory transport sends a message and reads it back, then the bot's
// answer. Prints one JSON line; exits by itself once everything is closed.
import { createChatClient } from 'parley/core';
import { BOT_ID, createMockServer } from 'parley/mock-server';

const server = createMockServer({ seed: 'demo', botDelayMs: 50 });
const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice' });

const botAnswered = new Promise((resolve) => {
  const unsubscribe = client.store.subscribe(() => {
    const answer = client.getMessages('alice-bot').find((m) => m.authorId === BOT_ID && m.text.includes('“pineapple”'));
    if (answer) {
      unsubscribe();
      resolve(answer.text);
    }
  });
});

await client.connect();
await client.openConversation('alice-bot');
const sent = await client.sendMessage('alice-bot', { text: 'Node says pineapple' });
const shown = client.getMessages('alice-bot').find((m) => m.id === sent.id);
const stored = server.messages('alice-bot').find((m) => m.id === sent.id);
const answer = await botAnswered;

client.disconnect();
server.dispose();
console.log(JSON.stringify({ sent: sent.text, status: shown?.status, stored: stored?.text, answer }));
