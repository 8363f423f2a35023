/**
 * Keeps a captured page's capture current without getting in the reader's
 * way: when a single-page app shows another article (its address changes
 * without a reload), or when the article finishes rendering after the first
 * capture, the page is captured again and the sidebar follows.
 *
 * A content script lives in an isolated world and cannot see the page's
 * history.pushState, so address changes are found by comparing
 * location.href on a cheap timer that backs off while nothing happens, and at
 * once on popstate, hashchange and clicks. Late content is noticed by a
 * MutationObserver whose callback only counts the text added (textContent
 * reads no layout); it disconnects when the page has been quiet for a while.
 * Captures run when the browser is idle, are time-boxed, debounced, and sent
 * only when the article differs from what was last sent.
 */
import { captureDocument } from '../core/capture';
import type { CapturedArticle } from '../core/article';
import { diffVersions } from '../core/versions';

export interface LiveOptions {
  /** Hands a capture to the background; `visit` names the page view it belongs to. */
  submit(article: CapturedArticle, visit: string): Promise<void>;
  /** Milliseconds of quiet after the last change before capturing again. */
  debounceMs?: number;
  /** Longest wait while changes keep coming. */
  maxWaitMs?: number;
  /** The observer stops after this long without a change worth a capture. */
  quietMs?: number;
  /** Time box of one capture. */
  captureBudgetMs?: number;
}

/** Text added to the page (in characters) that may be the article arriving; less is page furniture. */
const SIGNIFICANT_TEXT = 200;
const POLL_FIRST_MS = 400;
const POLL_MAX_MS = 4_000;
/** Elements whose text is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS']);

type IdleHandle = { cancel(): void };

function whenIdle(work: () => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 2_000 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(work, 50);
  return { cancel: () => clearTimeout(id) };
}

function newVisit(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class LivePage {
  private visit = newVisit();
  private href = location.href;
  private last: CapturedArticle | null = null;
  private observer: MutationObserver | null = null;
  private addedText = 0;
  private titleChanged = false;
  private lastActivity = 0;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private firstPending = 0;
  private idle: IdleHandle | null = null;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private poll: ReturnType<typeof setTimeout> | null = null;
  private pollDelay = POLL_FIRST_MS;
  private readonly opts: Required<LiveOptions>;
  private readonly onHistory = () => this.checkAddress(true);
  private readonly onClick = () => this.speedUpPolling();

  constructor(options: LiveOptions) {
    this.opts = { debounceMs: 600, maxWaitMs: 3_000, quietMs: 20_000, captureBudgetMs: 150, ...options };
    addEventListener('popstate', this.onHistory);
    addEventListener('hashchange', this.onHistory);
    // A click is how most single-page apps are told to navigate: look sooner for a while.
    addEventListener('click', this.onClick, { capture: true, passive: true });
    this.schedulePoll();
  }

  /** Stops following the page altogether. */
  stop(): void {
    this.stopWatching();
    removeEventListener('popstate', this.onHistory);
    removeEventListener('hashchange', this.onHistory);
    removeEventListener('click', this.onClick, { capture: true });
    for (const timer of [this.poll, this.debounce, this.quietTimer]) if (timer) clearTimeout(timer);
    this.poll = this.debounce = this.quietTimer = null;
    this.idle?.cancel();
  }

  /** Captures now and sends it, whatever was sent before: the reader asked. */
  async captureNow(): Promise<void> {
    this.checkAddress(false);
    const article = captureDocument(document, location.href);
    this.last = article;
    this.watch();
    await this.opts.submit(article, this.visit);
  }

  /** Whether the page is being watched for late content (for tests and the worker's diagnostics). */
  get watching(): boolean {
    return this.observer !== null;
  }

  private checkAddress(fromEvent: boolean): void {
    if (location.href === this.href) return;
    this.href = location.href;
    this.visit = newVisit();
    this.pollDelay = POLL_FIRST_MS;
    if (fromEvent || this.last) {
      this.watch();
      this.schedule();
    }
  }

  private speedUpPolling(): void {
    if (this.pollDelay === POLL_FIRST_MS) return;
    this.pollDelay = POLL_FIRST_MS;
    this.schedulePoll();
  }

  private schedulePoll(): void {
    if (this.poll) clearTimeout(this.poll);
    this.poll = setTimeout(() => {
      this.poll = null;
      const before = this.href;
      this.checkAddress(false);
      // Nothing happened: look less often, down to every few seconds.
      if (before === this.href) this.pollDelay = Math.min(POLL_MAX_MS, Math.round(this.pollDelay * 1.5));
      this.schedulePoll();
    }, this.pollDelay);
  }

  /** Starts (or keeps) watching the page for content arriving late. */
  private watch(): void {
    this.lastActivity = Date.now();
    this.armQuietTimer();
    if (this.observer) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  private onMutations(records: MutationRecord[]): void {
    // Count, never measure: reading layout here would stall the page's own rendering.
    for (const record of records) {
      if (record.target.nodeName === 'TITLE' || record.target.parentNode?.nodeName === 'TITLE') this.titleChanged = true;
      if (this.addedText >= SIGNIFICANT_TEXT) continue;
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) this.addedText += node.nodeValue?.trim().length ?? 0;
        else if (node.nodeType === Node.ELEMENT_NODE && !SKIP.has(node.nodeName.toUpperCase())) this.addedText += node.textContent?.length ?? 0;
      }
    }
    if (this.addedText >= SIGNIFICANT_TEXT || this.titleChanged) {
      this.lastActivity = Date.now();
      this.schedule();
    }
  }

  /** Debounced: captures once changes have settled, or after maxWait while they keep coming. */
  private schedule(): void {
    const now = Date.now();
    if (!this.debounce) this.firstPending = now;
    else clearTimeout(this.debounce);
    const wait = Math.max(0, Math.min(this.opts.debounceMs, this.firstPending + this.opts.maxWaitMs - now));
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.idle?.cancel();
      this.idle = whenIdle(() => {
        this.idle = null;
        void this.recapture();
      });
    }, wait);
  }

  private async recapture(): Promise<void> {
    this.addedText = 0;
    this.titleChanged = false;
    this.checkAddress(false);
    const article = captureDocument(document, location.href, { timeBudgetMs: this.opts.captureBudgetMs });
    if (!isNewArticle(this.last, article)) return;
    this.last = article;
    this.lastActivity = Date.now();
    this.armQuietTimer();
    await this.opts.submit(article, this.visit);
  }

  private armQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      const since = Date.now() - this.lastActivity;
      if (since >= this.opts.quietMs) this.stopWatching();
      else this.armQuietTimer();
    }, this.opts.quietMs);
  }

  private stopWatching(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.addedText = 0;
  }
}

/** Whether a fresh capture shows something else than the last one sent: another article, or a changed one. */
export function isNewArticle(last: CapturedArticle | null, next: CapturedArticle): boolean {
  if (!last) return true;
  if (last.canonicalUrl !== next.canonicalUrl || last.isArticle !== next.isArticle) return true;
  if (!next.isArticle) return false;
  // A capture cut short by its time box is no better than the one already sent.
  if (next.truncated && !last.truncated) return false;
  return diffVersions(last, next, '') !== null;
}
