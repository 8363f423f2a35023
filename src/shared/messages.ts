/**
 * The one message contract between Parallax's contexts. Every request names
 * its payload validator, who may send it, and the type of its reply; every
 * event the background broadcasts to extension pages is listed too.
 * See README.md in this folder.
 */
import type { CapturedArticle, RelatedArticle, StoredArticle } from '../core/article';
import type { Comparison, PairAlignment } from '../core/compare';
import { array, boolean, check, nullable, number, object, optional, string, ValidationError, type Infer, type Validator } from '../core/validate';
import type { VersionChange } from '../core/versions';

const MAX_TEXT = 2_000_000;

export const capturedArticle: Validator<CapturedArticle> = object({
  url: string({ max: 8_192, min: 1 }),
  canonicalUrl: string({ max: 8_192, min: 1 }),
  title: string({ max: 2_000 }),
  siteName: string({ max: 500 }),
  byline: nullable(string({ max: 1_000 })),
  publishedAt: nullable(string({ max: 64 })),
  modifiedAt: nullable(string({ max: 64 })),
  lang: nullable(string({ max: 35 })),
  description: nullable(string({ max: 5_000 })),
  text: string({ max: MAX_TEXT }),
  wordCount: number({ min: 0, integer: true }),
  isArticle: boolean,
  authors: optional(array(string({ max: 300 }), { max: 50 })),
  section: optional(nullable(string({ max: 300 }))),
  image: optional(nullable(string({ max: 8_192 }))),
  paywalled: optional(boolean),
  truncated: optional(boolean),
  notArticleReason: optional(nullable(string({ max: 300 }))),
});

const tabId = number({ min: 0, integer: true });
const id = string({ min: 1, max: 200 });

/** What a pin keeps: the story around an article, or that one article. */
export type PinKind = 'story' | 'article';
const pinKind: Validator<PinKind> = (value, path) => {
  if (value === 'story' || value === 'article') return value;
  throw new ValidationError(`${path}: expected "story" or "article"`);
};

/** Who may send a request: the content script in a web page, or an extension page. */
type Sender = 'content' | 'extension';

const request = <V extends Validator<object>>(from: Sender[], payload: V) => ({ from, payload });

export const REQUESTS = {
  /** `visit` names the page view the capture comes from (one per page load or single-page-app address). */
  'capture/submit': request(['content'], object({ article: capturedArticle, visit: optional(string({ min: 1, max: 100 })) })),
  /** The reader's click reached the page but reading it failed there: the tab should not wait for a capture. */
  'capture/failed': request(['content'], object({ reason: string({ max: 500 }) })),
  'tab/get': request(['extension'], object({ tabId })),
  'tab/capture': request(['extension'], object({ tabId })),
  /** Pins the story of the article (the default), or the article alone. */
  'pin/add': request(['extension'], object({ articleId: id, kind: optional(pinKind) })),
  'pin/remove': request(['extension'], object({ pinId: id })),
  'pins/list': request(['extension'], object({})),
  'story/compare': request(['extension'], object({ articleIds: array(id, { max: 60 }) })),
  'story/pair': request(['extension'], object({ articleId: id, otherId: id })),
  /** What changed in each article between the versions the reader saw. */
  'story/history': request(['extension'], object({ articleIds: array(id, { max: 60 }) })),
  'settings/get': request(['extension'], object({})),
  'autocapture/set': request(['extension'], object({ sites: array(string({ max: 300 }), { max: 500 }) })),
  /** "Not the same story": takes articleId out of the story it shares with otherId, for good. */
  'story/split': request(['extension'], object({ articleId: id, otherId: id })),
  /** "Same story": joins the stories of the two articles, for good. */
  'story/merge': request(['extension'], object({ articleId: id, otherId: id })),
} as const;

export type RequestType = keyof typeof REQUESTS;
export type Payload<K extends RequestType> = Infer<(typeof REQUESTS)[K]['payload']>;
export type Request<K extends RequestType = RequestType> = K extends RequestType ? { type: K } & Payload<K> : never;

export type TabStatus = 'idle' | 'capturing' | 'captured' | 'not-article' | 'failed';

/** Everything the sidebar shows for one tab. */
export interface TabView {
  tabId: number;
  status: TabStatus;
  article: StoredArticle | null;
  related: RelatedArticle[];
  /** The reader's pin of this article's story. */
  pinId: string | null;
  /** The reader's pin of this article alone. */
  articlePinId: string | null;
  /** Plain-words reason when status is 'failed'. */
  error: string | null;
}

export interface Pin {
  id: string;
  /** Absent on pins saved before articles could be pinned alone: those are story pins. */
  kind?: PinKind;
  articleId: string;
  title: string;
  siteName: string;
  url: string;
  publishedAt: string | null;
  /** Articles of the same story when it was pinned. */
  relatedIds: string[];
  pinnedAt: string;
}

export interface PinView extends Pin {
  kind: PinKind;
  /** Outlets in the story now, including the pinned article's own. */
  outlets: string[];
  /** Times the reader saw the article change. */
  changes: number;
}

/** One article's published and updated times and the changes the reader saw, for the timeline. */
export interface ArticleHistory {
  articleId: string;
  siteName: string;
  title: string;
  url: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  /** When Parallax first captured it. */
  firstSeenAt: string;
  changes: VersionChange[];
}

export interface Settings {
  /** Match patterns of sites the reader chose to capture without clicking. */
  autoCaptureSites: string[];
}

export interface Replies {
  'capture/submit': { articleId: string | null; related: number };
  'capture/failed': { recorded: boolean };
  'tab/get': TabView;
  'tab/capture': TabView;
  'pin/add': Pin;
  'pin/remove': { removed: boolean };
  'pins/list': PinView[];
  'story/compare': Comparison;
  'story/pair': PairAlignment;
  'story/history': ArticleHistory[];
  'settings/get': Settings;
  'autocapture/set': Settings;
  'story/split': { storyId: string; otherStoryId: string };
  'story/merge': { storyId: string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates an incoming request: its type, its sender, its payload. */
export function parseRequest(raw: unknown, from: Sender): Result<Request> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'message is not an object' };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(REQUESTS, type)) {
    return { ok: false, error: `unknown message type: ${String(type).slice(0, 60)}` };
  }
  const spec = REQUESTS[type as RequestType];
  if (!(spec.from as readonly Sender[]).includes(from)) return { ok: false, error: `${type} is not accepted from ${from}` };
  const payload = check(spec.payload as Validator<object>, raw);
  if (!payload.ok) return payload;
  return { ok: true, value: { type, ...payload.value } as Request };
}

/** Events the background broadcasts to extension pages. */
export const EVENTS = {
  'tab/changed': object({ tabId }),
  'pins/changed': object({}),
} as const;

export type EventType = keyof typeof EVENTS;
export type BroadcastEvent = { event: EventType } & Record<string, unknown>;

export function parseEvent(raw: unknown): Result<{ event: EventType; tabId?: number }> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'event is not an object' };
  const name = (raw as { event?: unknown }).event;
  if (typeof name !== 'string' || !Object.hasOwn(EVENTS, name)) return { ok: false, error: 'unknown event' };
  const body = check(EVENTS[name as EventType] as Validator<object>, raw);
  if (!body.ok) return body;
  return { ok: true, value: { event: name as EventType, ...body.value } };
}

