import { useState } from 'react';
import type { CheckResult, Field, Finding, FindingSpan } from '@/lib/seo';

type Show = (field: Field, span: FindingSpan) => boolean;

const FIELD_LABEL: Record<Field, string> = {
  title: 'Title',
  tags: 'Tags',
  description: 'Description',
  materials: 'Materials',
};
const SEVERITY_LABEL = { error: 'Must fix', warning: 'Should fix', tip: 'Tip' } as const;

function scoreTone(score: number): string {
  if (score >= 80) return 'good';
  if (score >= 55) return 'fair';
  return 'poor';
}

function FindingItem({ finding, onShow }: { finding: Finding; onShow?: Show }) {
  const quoted = finding.span.kind === 'item' ? `“${finding.span.value}”` : null;
  return (
    <li className={`finding finding--${finding.severity}`} data-rule={finding.rule}>
      <span className="finding__severity">{SEVERITY_LABEL[finding.severity]}</span>
      <p className="finding__message">
        {finding.message} {quoted && <span className="finding__quote">{quoted}</span>}
      </p>
      <p className="finding__meta">
        {onShow && (
          <button
            type="button"
            className="link"
            onClick={() => onShow(finding.field, finding.span)}
          >
            Show in {FIELD_LABEL[finding.field].toLowerCase()}
          </button>
        )}
        <span title={finding.sourceLabel}>
          {onShow && ' · '}
          {finding.sourceLabel}
        </span>
      </p>
    </li>
  );
}

/** The listing's score, why it is that score, and each finding pointing at its field. */
export function GradeSection({
  result,
  unread,
  onShow,
}: {
  result: CheckResult;
  /** Fields the page didn't let us read: not graded, and said so. */
  unread: Field[];
  /** Takes the seller to the words in the editor; absent where there is no editor (the shop page). */
  onShow?: Show;
}) {
  const [showWhy, setShowWhy] = useState(false);
  const byField = (['title', 'tags', 'description', 'materials'] as const)
    .map((field) => ({ field, findings: result.findings.filter((f) => f.field === field) }))
    .filter((group) => group.findings.length > 0);

  return (
    <section className="section" aria-labelledby="copilot-grade">
      <div className="score">
        <h3 id="copilot-grade" className="section__title">
          Listing score
        </h3>
        <output
          className={`score__value score__value--${scoreTone(result.score)}`}
          data-testid="score"
          aria-label={`Score ${result.score} out of 100`}
        >
          {result.score}
        </output>
        <button
          type="button"
          className="link"
          aria-expanded={showWhy}
          onClick={() => setShowWhy(!showWhy)}
        >
          Why {result.score}?
        </button>
      </div>
      {showWhy && (
        <ul className="composition" data-testid="score-composition">
          {result.composition.map((part) => (
            <li key={part.id}>
              <strong>{part.label}</strong> {part.earned}/{part.possible}
              {part.lifts.map((lift) => (
                <span key={lift.action} className="composition__lift">
                  {lift.action} (+{lift.points})
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {unread.length > 0 && (
        <p className="muted" data-testid="grade-unread">
          Couldn’t read {unread.map((field) => FIELD_LABEL[field].toLowerCase()).join(', ')} on this
          page, so the score leaves {unread.length === 1 ? 'it' : 'them'} out.
        </p>
      )}
      {byField.length === 0 ? (
        <p className="muted">No problems found. Nice work.</p>
      ) : (
        byField.map((group) => (
          <div key={group.field} className="finding-group">
            <h4 className="finding-group__title">{FIELD_LABEL[group.field]}</h4>
            <ul className="findings" data-testid={`findings-${group.field}`}>
              {group.findings.map((finding, i) => (
                <FindingItem key={`${finding.rule}-${i}`} finding={finding} onShow={onShow} />
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
