/** @module How an answer was served, shown under it in the playground: who, how fast, how big, how. */
import type { AnswerFigures as Figures } from '../../shared/chats/chat-turn';
import { t, type MessageKey } from '../../shared/i18n/t';
import './answer-figures.css';

function formatDuration(ms: number): string {
  return ms < 1000 ? t('milliseconds', String(Math.round(ms))) : t('seconds', (ms / 1000).toFixed(1));
}

const CACHE_WORDS = new Map<string, MessageKey>([
  ['hit', 'playCacheHit'],
  ['miss', 'playCacheMiss'],
  ['shared', 'playCacheShared'],
]);

/** A cache state this version does not know is shown as the header said it. */
function cacheWords(cache: string): string {
  const key = CACHE_WORDS.get(cache);
  return key ? t(key) : cache;
}

export function AnswerFigures({ figures }: { figures: Figures }) {
  const { usage, attempts } = figures;
  const items: [string, string][] = [
    [t('playServedBy'), `${figures.provider} · ${figures.model}`],
    [t('playFirstToken'), figures.firstTokenMs === null ? '–' : formatDuration(figures.firstTokenMs)],
    [t('playTotal'), formatDuration(figures.totalMs)],
    [
      t('playTokens'),
      usage
        ? t('playTokensInOut', String(usage.prompt_tokens), String(usage.completion_tokens))
        : t('playNotReported'),
    ],
    [t('playAttempts'), attempts === null ? '–' : String(attempts)],
    [t('playCache'), figures.cache === null ? '–' : cacheWords(figures.cache)],
  ];
  return (
    <dl class="answer-figures" data-testid="answer-figures">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
