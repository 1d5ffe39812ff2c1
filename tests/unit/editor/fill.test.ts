// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readEditor } from '@/lib/editor/read';
import { fillEditor } from '@/lib/editor/write';

type Commit = 'button' | 'enter' | 'comma';

/**
 * A tag field that commits only the ways it is given, refuses duplicates by clearing the
 * input, and renders chips as list items with a remove button and an "N left" counter.
 */
function tagField(commits: Commit[], tags: string[]) {
  document.body.innerHTML = `
    <fieldset class="f"><legend>Tags</legend>
      <div class="row"><input type="text">${commits.includes('button') ? '<button type="button">Add</button>' : ''}</div>
      <span class="n"></span><ul></ul></fieldset>`;
  const input = document.querySelector('input')!;
  const ways: Commit[] = [];
  const render = () => {
    const list = document.querySelector('ul')!;
    list.replaceChildren(
      ...tags.map((tag) => {
        const li = document.createElement('li');
        li.append(tag);
        const remove = document.createElement('button');
        remove.textContent = '×';
        remove.onclick = () => {
          tags.splice(tags.indexOf(tag), 1);
          render();
        };
        li.append(remove);
        return li;
      }),
    );
    document.querySelector('.n')!.textContent = `${13 - tags.length} left`;
  };
  const commit = (text: string, way: Commit) => {
    const tag = text.replace(/,$/, '').trim();
    input.value = '';
    if (!tag || tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    tags.push(tag);
    ways.push(way);
    render();
  };
  if (commits.includes('button')) {
    document
      .querySelector('.row button')!
      .addEventListener('click', () => commit(input.value, 'button'));
  }
  input.addEventListener('keydown', (event) => {
    if (commits.includes('enter') && event.key === 'Enter') commit(input.value, 'enter');
  });
  input.addEventListener('input', () => {
    if (commits.includes('comma') && input.value.endsWith(',')) commit(input.value, 'comma');
  });
  render();
  return { tags, ways };
}

const fill = (tags: { add: string[]; remove: string[] }) =>
  fillEditor(document, { tags }, new AbortController().signal);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('committing tags the page’s own way', () => {
  it.each([
    [['button', 'enter'] as Commit[], 'button'],
    [['enter', 'comma'] as Commit[], 'enter'],
    [['comma'] as Commit[], 'comma'],
  ])('a field that takes %j gets tags by %s', async (commits, expected) => {
    const field = tagField(commits, ['boho']);
    const report = await fill({ add: ['wall art', 'gift idea'], remove: [] });
    expect(report.refused).toEqual([]);
    expect(report.done).toEqual(['Tags: 2 added, 0 removed.']);
    expect(field.tags).toEqual(['boho', 'wall art', 'gift idea']);
    expect(new Set(field.ways)).toEqual(new Set([expected]));
  });

  it('says the page took the text but made no tag when it refuses one', async () => {
    tagField(['enter'], ['boho']);
    document.querySelector('input')!.addEventListener(
      'keydown',
      (event) => {
        // A page that refuses anything with a digit: it clears the input, no chip.
        const input = event.target as HTMLInputElement;
        if (/\d/.test(input.value)) {
          input.value = '';
          event.stopImmediatePropagation();
        }
      },
      { capture: true },
    );
    const report = await fill({ add: ['12 oz mug', 'mug'], remove: [] });
    expect(report.refused).toEqual([
      {
        field: 'tags',
        item: '12 oz mug',
        reason: 'Etsy took the text but made no tag (too long, a duplicate, or not allowed)',
      },
    ]);
    expect(readEditor(document).listing.tags).toEqual(['boho', 'mug']);
  });

  it('removes only the tags asked for, by their chip’s own button', async () => {
    const field = tagField(['enter'], ['boho', 'macrame', 'cotton']);
    const report = await fill({ add: [], remove: ['macrame'] });
    expect(report.done).toEqual(['Tags: 0 added, 1 removed.']);
    expect(field.tags).toEqual(['boho', 'cotton']);
  });

  it('changes no tag when the tag field can’t be read', async () => {
    document.body.innerHTML = '<div><div>Keywords</div><input type="text"></div>';
    const report = await fill({ add: ['boho'], remove: [] });
    expect(report.done).toEqual([]);
    expect(report.refused[0]).toMatchObject({ field: 'tags' });
  });

  it('stops when the panel goes away', async () => {
    tagField(['enter'], []);
    const controller = new AbortController();
    controller.abort();
    await expect(
      fillEditor(document, { tags: { add: ['boho'], remove: [] } }, controller.signal),
    ).rejects.toBeDefined();
  });
});

describe('filling a title', () => {
  function titleField(listens: boolean) {
    document.body.innerHTML = `
      <label for="t">Title</label><textarea id="t">Mug</textarea>
      <footer aria-live="polite"></footer>`;
    if (listens) {
      document.querySelector('textarea')!.addEventListener('input', () => {
        document.querySelector('footer')!.textContent = 'You changed: Title';
      });
    }
  }

  it('counts it filled when the form lists the title as changed', async () => {
    titleField(true);
    const report = await fillEditor(
      document,
      { title: 'Ceramic Mug' },
      new AbortController().signal,
    );
    expect(report).toEqual({ done: ['Title filled.'], refused: [] });
  });

  it('reports it refused when the form never registers the change', async () => {
    titleField(false);
    document.querySelector('footer')!.textContent = 'You changed: Tags';
    const report = await fillEditor(
      document,
      { title: 'Ceramic Mug' },
      new AbortController().signal,
    );
    expect(report.refused).toEqual([
      {
        field: 'title',
        reason: 'Etsy didn’t register the new title (its form doesn’t list it as changed).',
      },
    ]);
  });
});
