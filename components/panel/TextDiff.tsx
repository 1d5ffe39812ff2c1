import { diffWords } from 'diff';

/** A word diff of two texts. Rendered as text nodes only: listing and model text is never markup. */
export function TextDiff({
  before,
  after,
  label,
}: {
  before: string;
  after: string;
  label: string;
}) {
  const parts = diffWords(before, after);
  return (
    <p className="diff" aria-label={label}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i}>{part.value}</ins>
        ) : part.removed ? (
          <del key={i}>{part.value}</del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}
