import type { FindingChanges } from '@/lib/review/changes';

/** What a suggestion fixes and brings in, in the checker's own words. */
export function FindingChangesList({ changes }: { changes: FindingChanges }) {
  if (changes.fixed.length === 0 && changes.introduced.length === 0) return null;
  return (
    <ul className="reasons" data-testid="finding-changes">
      {changes.fixed.map((message) => (
        <li key={`fixed-${message}`}>Fixes: {message}</li>
      ))}
      {changes.introduced.map((message) => (
        <li key={`new-${message}`}>New problem: {message}</li>
      ))}
    </ul>
  );
}
