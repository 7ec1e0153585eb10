/** @module How an answer was served, shown under it in the playground: who, how fast, how big, how. */
import type { AnswerFigures as Figures } from '../../shared/chats/chat-turn';
import './answer-figures.css';

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const CACHE_WORDS: Record<string, string> = {
  hit: 'from the cache',
  miss: 'not cached',
  shared: 'shared with an identical request',
};

export function AnswerFigures({ figures }: { figures: Figures }) {
  const { usage, attempts } = figures;
  const items: [string, string][] = [
    ['Served by', `${figures.provider} · ${figures.model}`],
    ['First token', figures.firstTokenMs === null ? '–' : formatDuration(figures.firstTokenMs)],
    ['Total', formatDuration(figures.totalMs)],
    ['Tokens', usage ? `${usage.prompt_tokens} in · ${usage.completion_tokens} out` : 'not reported'],
    ['Attempts', attempts === null ? '–' : String(attempts)],
    ['Cache', figures.cache === null ? '–' : (CACHE_WORDS[figures.cache] ?? figures.cache)],
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
