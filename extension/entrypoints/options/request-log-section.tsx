import type { RequestLogEntry } from '../../../shared/request-log/request-log-entry';
import { outcomeWords } from '../../../shared/ui/outcome-words';

export function RequestLogSection({
  entries,
  onRefresh,
}: {
  entries: RequestLogEntry[];
  onRefresh: () => Promise<void>;
}) {
  return (
    <section class="card" aria-labelledby="log-title">
      <div class="card-head with-action">
        <div>
          <h2 id="log-title">Recent requests</h2>
          <p class="muted">
            Who asked, who answered, and how long it took. Keys and prompts are never logged.
          </p>
        </div>
        <button type="button" class="ghost" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      {entries.length === 0 ? (
        <p class="empty">No requests yet.</p>
      ) : (
        <table class="log-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Site</th>
              <th>Model</th>
              <th>Served by</th>
              <th>Attempts</th>
              <th>Status</th>
              <th>Latency</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.requestId}>
                <td>{new Date(entry.at).toLocaleTimeString()}</td>
                <td class="ellipsis">{entry.origin}</td>
                <td>
                  {entry.model}
                  {entry.stream ? ' · stream' : ''}
                </td>
                <td>{entry.provider ? `${entry.provider} / ${entry.servedModel}` : '—'}</td>
                <td class="attempts">
                  {entry.attempts.length === 0
                    ? '—'
                    : entry.attempts
                        .map(
                          (attempt) =>
                            `${attempt.provider}: ${outcomeWords(attempt.outcome)} (${Math.round(attempt.latencyMs)} ms)`,
                        )
                        .join(' → ')}
                </td>
                <td>
                  <span class={`status ${entry.status < 400 ? 'ok' : 'bad'}`}>{entry.status}</span>
                </td>
                <td>{entry.latencyMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
