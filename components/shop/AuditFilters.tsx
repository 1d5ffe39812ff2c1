import type { RuleId } from '@/lib/seo';
import { LISTING_STATES } from '@/lib/shop/load';
import type { AuditFilter } from '@/lib/shop/audit';

/** State, score range, finding and text filters for the audit table. */
export function AuditFilters({
  filter,
  onFilter,
  rules,
}: {
  filter: AuditFilter;
  onFilter: (filter: AuditFilter) => void;
  rules: { rule: RuleId; message: string; count: number }[];
}) {
  const set = (change: Partial<AuditFilter>) => onFilter({ ...filter, ...change });
  const score = (value: string, fallback: number) => {
    const number = Number(value);
    return value.trim() === '' || !Number.isFinite(number)
      ? fallback
      : Math.max(0, Math.min(100, number));
  };
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter listings"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Search
        <input
          type="search"
          value={filter.text}
          placeholder="Title, tag or id"
          onChange={(event) => set({ text: event.target.value })}
        />
      </label>
      <label>
        State
        <select
          value={filter.states[0] ?? ''}
          onChange={(event) => set({ states: event.target.value ? [event.target.value] : [] })}
        >
          <option value="">All states</option>
          {LISTING_STATES.map((state) => (
            <option key={state} value={state}>
              {state.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <ScoreInput
        label="Score from"
        value={filter.minScore}
        onChange={(value) => set({ minScore: score(value, 0) })}
      />
      <ScoreInput
        label="to"
        value={filter.maxScore}
        onChange={(value) => set({ maxScore: score(value, 100) })}
      />
      <label>
        Finding
        <select
          value={filter.rule ?? ''}
          onChange={(event) => set({ rule: (event.target.value || null) as RuleId | null })}
        >
          <option value="">Any finding</option>
          {rules.map(({ rule, message, count }) => (
            <option key={rule} value={rule}>
              {message} ({count})
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

function ScoreInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={0}
        max={100}
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
