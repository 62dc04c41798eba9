// A server component: it renders the client-side chat, which builds its mock server in the browser.
import { Chat } from './Chat';

export default function Page() {
  return (
    <main className="consumer-chat">
      <Chat conversationId="alice-bot" />
    </main>
  );
}
