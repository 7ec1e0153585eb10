import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import { providerNamesOf } from '../../../shared/providers/provider-names';
import type { RequestLogEntry } from '../../../shared/request-log/request-log-entry';
import { outcomeWords } from '../../../shared/ui/outcome-words';

export function RequestLogSection({
  entries,
  providers,
  onRefresh,
}: {
  entries: RequestLogEntry[];
  providers: ProviderSummary[];
  onRefresh: () => Promise<void>;
}) {
  const nameOf = providerNamesOf(providers);
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
                <td>{entry.provider ? `${nameOf(entry.provider)} · ${entry.servedModel}` : '—'}</td>
                <td class="attempts">
                  {entry.attempts.length === 0
                    ? '—'
                    : entry.attempts
                        .map(
                          (attempt) =>
                            `${nameOf(attempt.provider)}: ${outcomeWords(attempt.outcome)} (${Math.round(attempt.latencyMs)} ms)`,
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
