/**
 * The comparison sections under the related list. Every statement, figure
 * and quote links to its sentence in its article (a text fragment link), so
 * the reader can check it where it was written. Page text is only ever
 * rendered as text.
 */
import type { Comparison, OnlyHere, SentenceRef, SharedStatement, TimelineEntry } from '../core/compare';
import { t } from '../shared/i18n';
import type { ArticleHistory } from '../shared/messages';
import { Busy } from '../ui/Busy';
import { formatAmount, formatDate, formatNumber } from '../ui/format';
import { sentenceLink } from './links';
import type { ComparisonLoad } from './useComparison';
import { VersionChanges } from './VersionChanges';
import { markOnce, markPainted } from './timing';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';

type Outlets = Map<string, { siteName: string; url: string }>;

export { sentenceLink };

/** Outlets in the order the sidebar lists them (the reader's own first), not by their stored ids. */
function inOutletOrder(refs: SentenceRef[], outlets: Outlets): SentenceRef[] {
  const order = [...outlets.keys()];
  return [...refs].sort((a, b) => order.indexOf(a.articleId) - order.indexOf(b.articleId));
}

function SourceLinks({ refs, outlets }: { refs: SentenceRef[]; outlets: Outlets }) {
  return (
    <span class="sources">
      {inOutletOrder(refs, outlets).map((ref) => {
        const outlet = outlets.get(ref.articleId);
        if (!outlet) return null;
        return (
          <a
            key={`${ref.articleId}:${ref.index}`}
            class="pill source"
            href={sentenceLink(outlet.url, ref.text)}
            target="_blank"
            rel="noreferrer noopener"
            title={`${t('inSentence', outlet.siteName)}: ${ref.text}`}
          >
            {outlet.siteName}
          </a>
        );
      })}
    </span>
  );
}

function Statements({ items, outlets, testId }: { items: SharedStatement[]; outlets: Outlets; testId: string }) {
  return (
    <ul class="statements" data-testid={testId}>
      {items.map((s) => (
        <li key={`${s.sources[0]?.articleId}:${s.sources[0]?.index}`} class="statement">
          <p>{s.text}</p>
          <SourceLinks refs={s.sources} outlets={outlets} />
        </li>
      ))}
    </ul>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} class="compare-section" data-testid={id}>
      <h2 id={`${id}-heading`} class="section-title">
        {title} {count !== undefined && <span class="count">{formatNumber(count)}</span>}
      </h2>
      {children}
    </section>
  );
}

/**
 * One outlet's own statements, collapsed under its name and count. They are
 * only built once the reader opens it: with twenty outlets these lists are
 * most of the sidebar, and a first render that skips them is much sooner.
 */
function OnlyOutlet({ only, url }: { only: OnlyHere; url: string }) {
  const [opened, setOpened] = useState(false);
  return (
    // The click builds the list before the browser opens the box, so it opens full; the toggle covers opening by other means.
    <details class="only-outlet" data-testid="only-outlet" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary onClick={() => setOpened(true)}>
        <span class="pill">{only.siteName}</span> <span class="muted small">{t('statementsCount', formatNumber(only.statements.length))}</span>
      </summary>
      {opened && (
        <ul class="statements">
          {only.statements.map((s) => (
            <li key={s.index} class="statement">
              <a href={sentenceLink(url, s.text)} target="_blank" rel="noreferrer noopener">
                {s.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** `history` adds the changes the reader saw to the timeline; empty, the timeline shows publication times only. */
export function ComparisonView({ load, history = new Map() }: { load: ComparisonLoad; history?: Map<string, ArticleHistory> }) {
  if (load.state === 'loading') {
    return <Busy label={t('compareLoading')} testId="comparison-loading" />;
  }
  if (load.state === 'error') {
    return (
      <p role="alert" class="alert" data-testid="comparison-error">
        {t('compareFailed', load.message)}
      </p>
    );
  }
  return <ReadyComparison c={load.comparison} history={history} />;
}

function ReadyComparison({ c, history }: { c: Comparison; history: Map<string, ArticleHistory> }) {
  const outlets: Outlets = useMemo(() => new Map(c.outlets.map((o) => [o.articleId, { siteName: o.siteName, url: o.url }])), [c]);
  const siteOf = (id: string) => outlets.get(id)?.siteName ?? '';
  // The same element while the comparison is the same: when the history comes in, only the timeline renders again.
  const sections = useMemo(() => <Sections c={c} outlets={outlets} />, [c, outlets]);
  useLayoutEffect(() => {
    markOnce('comparison-rendered');
    markPainted('comparison-painted');
  }, []);
  return (
    <div class="comparison" data-testid="comparison">
      {sections}
      <Section id="timeline" title={t('timelineHeading')}>
        <Timeline entries={c.timeline} history={history} siteOf={siteOf} />
      </Section>
    </div>
  );
}

function Sections({ c, outlets }: { c: Comparison; outlets: Outlets }) {
  return (
    <>
      {c.wire.map((w) => (
        <p key={w.articleIds.join()} class="muted small" data-testid="wire">
          {t('wireNote', w.siteNames.join(', '))}
        </p>
      ))}

      <Section id="agreed" title={t('agreedHeading')} count={c.agreed.length}>
        {c.agreed.length ? <Statements items={c.agreed} outlets={outlets} testId="agreed-list" /> : <p class="muted small">{t('agreedEmpty')}</p>}
      </Section>

      {c.figures.disputed.length > 0 && (
        <Section id="disputes" title={t('disputesHeading')} count={c.figures.disputed.length}>
          <ul class="disputes">
            {c.figures.disputed.map((d) => (
              <li key={d.values.map((v) => v.text).join('|')} class="dispute" data-testid="dispute">
                <div class="dispute-subject">{d.subject}</div>
                <div class="dispute-values">
                  {d.values.map((v) => (
                    <div key={v.text} class="dispute-value">
                      <strong class="figure">{v.text}</strong>
                      <SourceLinks refs={v.mentions.map((m) => m.sentence)} outlets={outlets} />
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {c.figures.agreed.length > 0 && (
        <Section id="figures" title={t('figuresHeading')} count={c.figures.agreed.length}>
          <ul class="figures">
            {c.figures.agreed.slice(0, 12).map((f) => (
              <li key={f.text} class="figure-item" data-testid="agreed-figure">
                <strong class="figure">{f.text}</strong>
                <SourceLinks refs={f.mentions.map((m) => m.sentence)} outlets={outlets} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {c.partlyShared.length > 0 && (
        <Section id="partly" title={t('partlyHeading')} count={c.partlyShared.length}>
          <Statements items={c.partlyShared} outlets={outlets} testId="partly-list" />
        </Section>
      )}

      {c.onlyHere.length > 0 && (
        <Section id="only-here" title={t('onlyHereHeading')}>
          {c.onlyHere.map((o) => (
            <OnlyOutlet key={o.articleId} only={o} url={outlets.get(o.articleId)?.url ?? ''} />
          ))}
        </Section>
      )}

      {c.quotes.length > 0 && (
        <Section id="quotes" title={t('quotesHeading')} count={c.quotes.length}>
          <ul class="quotes">
            {c.quotes.map((q) => (
              <li key={q.speaker ?? ''} class="quoted" data-testid="quoted">
                <div class="speaker">
                  <strong>{q.speaker ?? t('unnamedSpeaker')}</strong> <span class="muted small">{q.siteNames.join(', ')}</span>
                </div>
                {q.quotes.slice(0, 4).map((quote) => (
                  <blockquote key={quote.text}>
                    “{quote.text}” <SourceLinks refs={quote.sources} outlets={outlets} />
                  </blockquote>
                ))}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="headlines" title={t('headlinesHeading')}>
        <p class="muted small">{t('headlinesHint')}</p>
        <ul class="headlines">
          {c.headlines.map((h) => (
            <li key={h.articleId} data-testid="headline-compare">
              <span class="pill">{h.siteName}</span>
              <p class="headline-text">
                {h.words.map((w, i) => (
                  <>
                    {i > 0 && ' '}
                    {w.distinctive ? <mark>{w.text}</mark> : w.text}
                  </>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

/** When each outlet published and updated, and under each article the changes the reader saw in it. */
export function Timeline({ entries, history, siteOf }: { entries: TimelineEntry[]; history: Map<string, ArticleHistory>; siteOf: (id: string) => string }) {
  return (
    <ol class="timeline">
      {entries.map((e) => {
        const seen = history.get(e.articleId);
        return (
          <li key={e.articleId} data-testid="timeline-entry">
            <div class="timeline-row">
              <time dateTime={e.publishedAt ?? undefined}>{formatDate(e.publishedAt)}</time>
              <span class="pill">{siteOf(e.articleId)}</span>
              <span class="muted small">
                {e.minutesAfterFirst === 0 ? t('timelineFirst') : e.minutesAfterFirst !== null ? `+${formatMinutes(e.minutesAfterFirst)}` : ''}
                {e.modifiedAt && e.modifiedAt !== e.publishedAt ? ` · ${t('timelineUpdated', formatDate(e.modifiedAt))}` : ''}
              </span>
            </div>
            {seen && <VersionChanges changes={seen.changes} url={seen.url} siteName={seen.siteName} />}
          </li>
        );
      })}
    </ol>
  );
}

function formatMinutes(minutes: number): string {
  const unit = minutes >= 60 * 48 ? 'day' : minutes >= 60 ? 'hour' : 'minute';
  const amount = unit === 'day' ? Math.round(minutes / 1440) : unit === 'hour' ? Math.round(minutes / 60) : minutes;
  return formatAmount(amount, unit);
}
