/** Edit, delete and reactions: a failure rejects and is reported once through the error event. */
import { describe, expect, it } from 'vitest';
import { connectDemoClient, type DemoClient } from '../support/demoClient';

const connect = (): Promise<DemoClient> => connectDemoClient({ requestTimeoutMs: 100 });

describe('edit, delete and reactions', () => {
  it('succeed without reporting anything', async () => {
    const { server, client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    await client.addReaction(sent.id, '👍');
    await client.editMessage(sent.id, 'hello there');
    expect(server.messages('alice-bob').at(-1)).toMatchObject({ text: 'hello there', reactions: { '👍': ['alice'] } });
    expect(errors).toEqual([]);
  });

  it('a request the server refuses rejects and is reported once', async () => {
    const { client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'soon gone' });
    await client.deleteMessage(sent.id);
    const failure = client.addReaction(sent.id, '👍');
    await expect(failure).rejects.toMatchObject({ code: 'forbidden' });
    expect(errors.map((e) => e.code)).toEqual(['forbidden']);
  });

  it('a request that gets no answer rejects and is reported once', async () => {
    const { server, client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    server.setOnline('alice', false);
    await expect(client.editMessage(sent.id, 'edited offline')).rejects.toHaveProperty('code');
    expect(errors).toHaveLength(1);
    expect(server.messages('alice-bob').at(-1)!.text).toBe('hello');
  });
});
