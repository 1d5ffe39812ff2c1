import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFieldProgressReader } from '@/lib/llm/partial-json';
import { answer } from './fixtures';

/** A fresh reader over the whole text at once. */
const readFieldProgress = (text: string) => createFieldProgressReader().push(text);

describe('readFieldProgress', () => {
  const full = answer(['boho decor', 'macrame', 'rope "art" {x}']);

  it('reports fields in the order they arrive, tag by tag', () => {
    const at = (marker: string) => readFieldProgress(full.slice(0, full.indexOf(marker)));
    expect(readFieldProgress('')).toEqual({
      title: 'waiting',
      tags: 'waiting',
      description: 'waiting',
      tagsArrived: 0,
    });
    expect(at('Macrame Wall')).toMatchObject({ title: 'arriving', tags: 'waiting' });
    expect(at('"tags"')).toMatchObject({ title: 'done', tags: 'waiting' });
    expect(at('"macrame"')).toMatchObject({ tags: 'arriving', tagsArrived: 1 });
    expect(at('"description"')).toMatchObject({
      tags: 'done',
      tagsArrived: 3,
      description: 'waiting',
    });
    expect(readFieldProgress(full)).toEqual({
      title: 'done',
      tags: 'done',
      description: 'done',
      tagsArrived: 3,
    });
  });

  it('is not fooled by braces, quotes or key names inside strings', () => {
    const tricky = JSON.stringify({ title: { value: '"tags": [{}] } ,', reasons: [] } });
    expect(readFieldProgress(tricky.slice(0, -3))).toMatchObject({
      title: 'arriving',
      tags: 'waiting',
    });
  });

  it('never throws on garbage', () => {
    expect(() => readFieldProgress('}}]]"\\')).not.toThrow();
  });

  it('read chunk by chunk, agrees with reading the whole text so far at every chunk', () => {
    const cut = (text: string, sizes: number[]) => {
      const chunks: string[] = [];
      for (let at = 0, i = 0; at < text.length; i++) {
        const size = sizes.length > 0 ? sizes[i % sizes.length]! : text.length;
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      return chunks;
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(full),
          fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', 'a', 'é') }),
        ),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 5 }),
        (text, sizes) => {
          const reader = createFieldProgressReader();
          let sofar = '';
          for (const chunk of cut(text, sizes)) {
            sofar += chunk;
            expect(reader.push(chunk)).toEqual(readFieldProgress(sofar));
          }
        },
      ),
    );
  });
});
