import { FIELD_SELECTORS, type Candidate, type FieldName } from './selectors';

export interface Resolved<E extends Element> {
  element: E;
  candidate: Candidate;
}

/** First candidate that matches, and which one it was. */
export function resolveField<E extends Element = HTMLElement>(
  root: ParentNode,
  field: FieldName,
): Resolved<E> | null {
  for (const candidate of FIELD_SELECTORS[field]) {
    const element = root.querySelector<E & Element>(candidate.selector);
    if (element) return { element, candidate };
  }
  return null;
}
