import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '#imports';

type Rule = Browser.declarativeNetRequest.Rule;

/**
 * declarativeNetRequest's session rules, which WXT's fake browser doesn't implement: kept in
 * memory, with every update recorded so a test can check no update ever lacked a rule.
 */
export function fakeSessionRules() {
  const state = { rules: [] as Rule[], history: [] as Rule[][] };
  const dnr = fakeBrowser.declarativeNetRequest as unknown as Record<string, unknown>;
  dnr.getSessionRules = async () => structuredClone(state.rules);
  dnr.updateSessionRules = async (options: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
    const removed = new Set(options.removeRuleIds ?? []);
    const kept = state.rules.filter((rule) => !removed.has(rule.id));
    for (const rule of options.addRules ?? []) {
      if (kept.some((k) => k.id === rule.id)) throw new Error(`Rule ${rule.id} already exists`);
      kept.push(rule);
    }
    state.rules = kept;
    state.history.push(structuredClone(kept));
  };
  return state;
}
