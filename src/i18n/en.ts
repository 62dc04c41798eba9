/**
 * The English catalog: every string the components show. Other locales are
 * objects of the same shape, shipped as their own entry points.
 * `{name}` is replaced by a value; `one`/`other` keys are chosen by Intl.PluralRules.
 */
export const en = {
  locale: 'en',
  dir: 'ltr',
  conversationList: {
    label: 'Conversations',
    empty: 'No conversations yet',
    loading: 'Loading conversations…',
    error: 'Could not load conversations',
    unread: { one: '{count} unread message', other: '{count} unread messages' },
    noMessages: 'No messages yet',
    you: 'You: {text}',
    attachment: 'Attachment',
    deleted: 'Message deleted',
    from: '{name}: {text}',
  },
  messageList: {
    label: 'Messages in {title}',
    empty: 'No messages yet. Say hello!',
    loading: 'Loading messages…',
    loadingOlder: 'Loading earlier messages…',
    start: 'This is the start of the conversation',
    error: 'Could not load messages',
    retryLoad: 'Try again',
    newMessages: { one: '{count} new message', other: '{count} new messages' },
    jumpToLatest: 'Jump to latest messages',
    unreadSeparator: 'New',
    today: 'Today',
    yesterday: 'Yesterday',
  },
  message: {
    sending: 'Sending…',
    sent: 'Sent',
    delivered: 'Delivered',
    read: 'Read',
    failed: 'Not sent',
    retry: 'Retry',
    delete: 'Delete',
    edited: 'edited',
    deleted: 'This message was deleted',
    you: 'You',
    from: '{name}',
    announce: '{name}: {text}',
    attachment: 'Attachment: {name}, {size}',
  },
  input: {
    label: 'Message',
    placeholder: 'Write a message…',
    placeholderTo: 'Message {title}',
    send: 'Send',
    hint: 'Enter to send, Shift+Enter for a new line',
    tooLong: 'Message is too long ({count} of {max} characters)',
    offline: 'You are offline. Messages will be sent when the connection returns.',
    counter: '{count} / {max}',
  },
  presence: {
    online: 'Online',
    offline: 'Offline',
  },
  typing: {
    one: '{a} is typing…',
    two: '{a} and {b} are typing…',
    many: '{a} and {count} others are typing…',
  },
  connection: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    online: 'Online',
    offline: 'Offline',
    reconnecting: 'Reconnecting…',
    reconnectingIn: 'Reconnecting in {seconds} s',
    retryNow: 'Retry now',
    unauthorized: 'Sign-in was refused: {message}',
  },
};

/** Widen the literal types: a catalog is any object of the same shape. */
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Catalog = Widen<typeof en>;
