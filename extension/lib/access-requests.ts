/**
 * `freellm.requestAccess()`: opens the approval window naming the origin, waits for the user's
 * choice (closing the window counts as "deny"), and records the grant. One prompt per origin and
 * tab at a time: asking again while it is open waits for the same answer.
 */
import type { OriginGrants, PageCaller } from '../../shared/grants/origin-grants';
import type { AccessResult } from '../../shared/protocol/page-port';

export type AccessDecision = 'once' | 'always' | 'deny';

interface PendingAccess {
  origin: string;
  tabId: number;
  windowId?: number;
  answer: Promise<AccessDecision>;
  resolve(decision: AccessDecision): void;
}

export interface AccessRequestsHost {
  grants: OriginGrants;
  /** Opens the prompt for a request id; returns its window id. */
  openPrompt(requestId: string): Promise<number | undefined>;
  newId(): string;
}

export interface AccessRequests {
  request(caller: PageCaller & { tabId: number }): Promise<AccessResult>;
  details(requestId: string): { origin: string } | undefined;
  decide(requestId: string, decision: AccessDecision): boolean;
  windowClosed(windowId: number): void;
}

export function createAccessRequests(host: AccessRequestsHost): AccessRequests {
  const pending = new Map<string, PendingAccess>();

  function settle(requestId: string, decision: AccessDecision): boolean {
    const entry = pending.get(requestId);
    if (!entry) return false;
    pending.delete(requestId);
    entry.resolve(decision);
    return true;
  }

  async function ask(origin: string, tabId: number): Promise<AccessDecision> {
    const existing = [...pending.values()].find((entry) => entry.origin === origin && entry.tabId === tabId);
    if (existing) return existing.answer;
    const requestId = host.newId();
    let resolve: (decision: AccessDecision) => void = () => undefined;
    const answer = new Promise<AccessDecision>((done) => {
      resolve = done;
    });
    const entry: PendingAccess = { origin, tabId, answer, resolve };
    pending.set(requestId, entry);
    try {
      entry.windowId = await host.openPrompt(requestId);
    } catch {
      settle(requestId, 'deny');
    }
    return answer;
  }

  return {
    async request(caller) {
      if (await host.grants.isAllowed(caller)) {
        const grant = (await host.grants.list()).find((item) => item.origin === caller.origin);
        return { granted: true, scope: grant?.scope === 'always' ? 'always' : 'once' };
      }
      // An embedded frame cannot ask: the user enables frames for a site in the options page.
      if (caller.embedded) return { granted: false, scope: null };
      const decision = await ask(caller.origin, caller.tabId);
      if (decision === 'deny') return { granted: false, scope: null };
      if (decision === 'always') await host.grants.allow(caller.origin);
      else await host.grants.allowTab(caller.origin, caller.tabId);
      return { granted: true, scope: decision };
    },
    details: (requestId) => {
      const entry = pending.get(requestId);
      return entry && { origin: entry.origin };
    },
    decide: settle,
    windowClosed(windowId) {
      for (const [requestId, entry] of pending) if (entry.windowId === windowId) settle(requestId, 'deny');
    },
  };
}
