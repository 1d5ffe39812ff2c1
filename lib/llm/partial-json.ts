/**
 * Reads a JSON object that is still arriving and says which top-level fields have started
 * and finished, so the UI can show "title ✓, tags 5/13, description…" while the model writes.
 * Tolerant by design: it never throws on a half-written document.
 */
type FieldState = 'waiting' | 'arriving' | 'done';

export interface FieldProgress {
  title: FieldState;
  tags: FieldState;
  description: FieldState;
  tagsArrived: number;
}

type TrackedField = 'title' | 'tags' | 'description';
const TRACKED = new Set<string>(['title', 'tags', 'description']);

/**
 * The same reading, fed as the text streams: each `push` scans only the new delta, so a whole
 * answer costs O(length) rather than O(length²) when progress is read after every chunk.
 */
export function createFieldProgressReader(): { push(delta: string): FieldProgress } {
  const progress: FieldProgress = {
    title: 'waiting',
    tags: 'waiting',
    description: 'waiting',
    tagsArrived: 0,
  };
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  let readingKey = false;
  let awaitingKey = false;
  let keyBuffer = '';
  let key: TrackedField | null = null;

  const mark = (state: FieldState) => {
    if (key && progress[key] !== 'done') progress[key] = state;
  };

  const read = (ch: string) => {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') {
        inString = false;
        if (readingKey) {
          readingKey = false;
          awaitingKey = false;
          key = TRACKED.has(keyBuffer) ? (keyBuffer as TrackedField) : null;
        } else if (stack.length === 1) mark('done');
        return;
      }
      if (readingKey) keyBuffer += ch;
      return;
    }
    switch (ch) {
      case '"':
        inString = true;
        if (stack.length === 1 && awaitingKey) {
          readingKey = true;
          keyBuffer = '';
        } else if (stack.length === 1) mark('arriving');
        break;
      case '{':
      case '[':
        if (stack.length === 1) mark('arriving');
        stack.push(ch);
        if (stack.length === 1) awaitingKey = true;
        break;
      case '}':
      case ']':
        stack.pop();
        if (stack.length === 1) mark('done');
        if (stack.length === 2 && ch === '}' && key === 'tags') progress.tagsArrived++;
        break;
      case ',':
        if (stack.length === 1) awaitingKey = true;
        break;
    }
  };

  return {
    push(delta) {
      for (const ch of delta) read(ch);
      return { ...progress };
    },
  };
}
