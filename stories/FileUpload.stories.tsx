import type { Meta, StoryObj } from '@storybook/react-vite';
import { createChatClient, createMemoryOutbox, UploadError, type ChatClient } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, FileUpload, type Catalog } from 'parley';
import { expect, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';
import { sentence } from './support/sentence';

/**
 * Attach files with the button or by dropping them on the component. Each file
 * is checked on the client, uploaded to the in-browser mock server (which
 * checks it again, by content), and sent as a message of its own.
 */
interface Loaded {
  client: ChatClient;
  catalog?: Catalog;
}

const meta = {
  title: 'Components/FileUpload',
  component: FileUpload,
  parameters: { layout: 'padded' },
  args: { conversationId: 'general' },
  render: (args, { loaded }) => {
    const { client, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        <div style={{ maxInlineSize: 560 }}>
          <FileUpload {...args} />
        </div>
      </ChatProvider>
    );
  },
} satisfies Meta<typeof FileUpload>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A real PNG drawn on a canvas: stories never fetch from the network. */
async function pngFile(name: string, width: number, height: number, hue: number): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = `hsl(${hue} 70% 45%)`;
  ctx.fillRect(0, 0, width, height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), 'image/png'),
  );
  return new File([blob], name, { type: 'image/png' });
}

const textFile = (name: string, size: number) => new File(['x'.repeat(size)], name, { type: 'text/plain' });
const ignore = () => {};

/** Two files on a slow network (about 2.5 s per trip), so the progress bars move for a while. */
async function uploading(): Promise<Loaded> {
  const { server, clients } = await createMockChat();
  const client = clients.alice!;
  server.setNetwork({ latencyMs: 2_500 });
  client.uploadFile('general', await pngFile('holiday-photo.png', 800, 600, 200)).catch(ignore);
  client.uploadFile('general', textFile('meeting-notes.txt', 48_000)).catch(ignore);
  return { client };
}

/** Refusals: too large and a forbidden type on the client, a renamed executable by the server. */
async function failed(): Promise<Loaded> {
  const { clients } = await createMockChat();
  const client = clients.alice!;
  const exe = new Uint8Array(2_048);
  exe.set([0x4d, 0x5a, 0x90, 0x00]); // "MZ": a Windows executable, named as a picture
  await Promise.allSettled([
    client.uploadFile('general', new File([new Uint8Array(12_500_000)], 'video.mov', { type: 'video/quicktime' })),
    client.uploadFile('general', new File([exe], 'setup.exe', { type: 'application/x-msdownload' })),
    client.uploadFile('general', new File([exe], 'cat.png', { type: 'image/png' })),
  ]);
  return { client };
}

/** Alice is offline: her files wait for the connection and go by themselves when it is back. */
async function offline(): Promise<Loaded> {
  const { server, clients } = await createMockChat();
  const client = clients.alice!;
  server.setOnline('alice', false);
  await waitFor(() => expect(client.store.getState().connection.state).not.toBe('online'));
  client.uploadFile('general', await pngFile('boarding-pass.png', 600, 300, 260)).catch(ignore);
  client.uploadFile('general', textFile('itinerary.txt', 12_000)).catch(ignore);
  return { client };
}

const QUOTA_REASON =
  'Upload quota reached: 499600000 of 500000000 bytes stored for this user. Files never sent in a message are removed after a while; then try again.';

/**
 * The server's limits, as the Node server answers them (429 `rate_limited` with its wait): the
 * photo comes at a moment of too many uploads (45 s), the notes would go over the upload quota
 * (a wait of an hour). The in-browser server has no such limits, so these refusals are its
 * answers with them added, for alice's client alone.
 */
async function rateLimited(): Promise<Loaded> {
  const chat = await createMockChat({ users: [] });
  const transport = chat.server.connect({ userId: 'alice', token: 'alice-token' });
  const refusal = (name: string) =>
    name === 'holiday-photo.png'
      ? Object.assign(new UploadError('rate_limited', 'Too many uploads: at most 60 per 60 s for each user. Try again in 45 s.'), { retryAfterMs: 45_000 })
      : Object.assign(new UploadError('rate_limited', QUOTA_REASON), { retryAfterMs: 3_600_000 });
  transport.upload = (request) => Promise.reject(refusal(request.name));
  const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
  // Disconnected with the server when the next story starts.
  chat.clients.alice = client;
  await client.connect();
  client.uploadFile('general', await pngFile('holiday-photo.png', 800, 600, 200)).catch(ignore);
  client.uploadFile('general', textFile('notes.txt', 12_000)).catch(ignore);
  return { client };
}

/** One in flight and one refused, for the theme and direction stories. */
async function mixed(): Promise<Loaded> {
  const { server, clients } = await createMockChat();
  const client = clients.alice!;
  server.setNetwork({ latencyMs: 2_500 });
  client.uploadFile('general', await pngFile('holiday-photo.png', 800, 600, 30)).catch(ignore);
  client.uploadFile('general', new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })).catch(ignore);
  return { client };
}

/** Nothing uploading: the button, which opens the file picker; files can also be dropped here. */
export const Default: Story = {
  loaders: [async (): Promise<Loaded> => ({ client: (await createMockChat()).clients.alice! })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Attach files' })).toBeVisible();
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};

export const Uploading: Story = {
  loaders: [uploading],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('progressbar', { name: 'Uploading holiday-photo.png' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel upload of meeting-notes.txt' })).toBeVisible();
  },
};

export const Failed: Story = {
  loaders: [failed],
  play: async ({ canvasElement }) => {
    const list = within(await within(canvasElement).findByRole('list', { name: 'File uploads' }));
    await expect(list.getByText(sentence('video.mov is larger than 10 MB'))).toBeVisible();
    await expect(list.getByText(sentence('setup.exe is not a supported file type'))).toBeVisible();
    await expect(list.getByText(sentence('cat.png is not a supported file type'))).toBeVisible();
    await expect(list.getByRole('button', { name: 'Retry upload of video.mov' })).toBeVisible();
    await expect(list.getByRole('button', { name: 'Dismiss video.mov' })).toBeVisible();
  },
};

/** Made while offline: each file waits for the connection (Cancel still works), then uploads on its own. */
export const Offline: Story = {
  loaders: [offline],
  play: async ({ canvasElement }) => {
    const list = within(await within(canvasElement).findByRole('list', { name: 'File uploads' }));
    await expect(list.getAllByText('Waiting for a connection…')).toHaveLength(2);
    await expect(list.getByRole('button', { name: 'Cancel upload of boarding-pass.png' })).toBeEnabled();
    await expect(canvasElement.querySelector('.parley-file-upload')).toHaveAttribute('data-state', 'waiting');
  },
};

/**
 * Refused by the server's limits. Too many uploads at the moment: the photo counts down the
 * server's wait and then goes again by itself (Cancel still works). A full quota: the notes show
 * the server's reason, with Retry and Dismiss, and wait for the user.
 */
export const RateLimited: Story = {
  loaders: [rateLimited],
  play: async ({ canvasElement }) => {
    const list = within(await within(canvasElement).findByRole('list', { name: 'File uploads' }));
    // The seconds count down; the sentence is whole in the row's waiting text.
    const countdown = (_text: string, element: Element | null) =>
      element?.classList.contains('parley-upload-waiting') === true &&
      /^Too many uploads — trying holiday-photo\.png again in \d+ s$/.test(element.textContent ?? '');
    await expect(await list.findByText(countdown)).toBeVisible();
    await expect(list.getByRole('button', { name: 'Cancel upload of holiday-photo.png' })).toBeEnabled();
    await expect(await list.findByText(sentence(`notes.txt was not uploaded: ${QUOTA_REASON}`))).toBeVisible();
    await expect(list.getByRole('button', { name: 'Retry upload of notes.txt' })).toBeVisible();
    await expect(canvasElement.querySelector('.parley-file-upload')).toHaveAttribute('data-state', 'failed');
  },
};

/** Files held over the component: the whole zone lights up and says what a drop does. */
export const Dragging: Story = {
  loaders: [async (): Promise<Loaded> => ({ client: (await createMockChat()).clients.alice! })],
  play: async ({ canvasElement }) => {
    const zone = canvasElement.querySelector<HTMLElement>('.parley-file-upload')!;
    const data = new DataTransfer();
    data.items.add(await pngFile('dragged.png', 16, 16, 120));
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    await waitFor(() => expect(zone).toHaveAttribute('data-dragging', 'true'));
    await expect(within(zone).getByText('Drop files here to send them')).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  loaders: [async (): Promise<Loaded> => ({ ...(await mixed()), catalog: ar })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'إرفاق ملفات' })).toBeVisible();
    await expect(await canvas.findByText(sentence('نوع الملف setup.exe غير مدعوم'))).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [mixed],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('progressbar', { name: 'Uploading holiday-photo.png' })).toBeVisible();
  },
};
