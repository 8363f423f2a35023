/** Sends and receives the messages declared in messages.ts over runtime messaging. */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  parseEvent,
  parseRequest,
  type EventType,
  type Payload,
  type Replies,
  type Request,
  type RequestType,
  type Result,
} from './messages';

export class MessageError extends Error {
  override name = 'MessageError';
}

/** Sends a request to the background and unwraps its Result reply. */
export async function send<K extends RequestType>(type: K, payload: Payload<K>): Promise<Replies[K]> {
  return unwrapReply<K>(await browser.runtime.sendMessage({ type, ...payload }));
}

/** The value of a Result reply to a `K` request, sent by `send` or by a page's own early script. */
export function unwrapReply<K extends RequestType>(raw: unknown): Replies[K] {
  const reply = raw as Result<Replies[K]> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new MessageError('Parallax did not answer.');
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}

export type Handlers = {
  [K in RequestType]: (request: Request<K>, sender: Runtime.MessageSender) => Promise<Replies[K]>;
};

function senderKind(sender: Runtime.MessageSender): 'content' | 'extension' | null {
  if (sender.id !== browser.runtime.id) return null;
  const base = browser.runtime.getURL('');
  if (sender.url?.startsWith(base)) return 'extension';
  return sender.tab ? 'content' : null;
}

/**
 * Serves requests in the background. Every message gets a Result reply:
 * invalid or unknown messages and handler failures become `{ ok: false }`.
 */
export function serve(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const kind = senderKind(sender);
    if (!kind) return Promise.resolve({ ok: false, error: 'sender not recognised' });
    const parsed = parseRequest(raw, kind);
    if (!parsed.ok) return Promise.resolve(parsed);
    const handler = handlers[parsed.value.type] as (r: Request, s: Runtime.MessageSender) => Promise<unknown>;
    return handler(parsed.value, sender).then(
      (value) => ({ ok: true, value }),
      (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}

/** Tells every open extension page that something changed; nobody listening is fine. */
export function broadcast(event: EventType, body: Record<string, unknown> = {}): void {
  browser.runtime.sendMessage({ event, ...body }).catch(() => undefined);
}

/** Listens for broadcast events in an extension page. Returns an unsubscribe function. */
export function onEvent(listener: (event: { event: EventType; tabId?: number }) => void): () => void {
  const wrapped = (raw: unknown) => {
    const parsed = parseEvent(raw);
    if (parsed.ok) listener(parsed.value);
    // Returning nothing lets the background's own listener answer requests.
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
