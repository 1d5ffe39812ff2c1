// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readChips } from '@/lib/editor/chips';
import { findFields } from '@/lib/editor/find';
import { readEditor, unreadFields } from '@/lib/editor/read';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('layer 1: Etsy’s known ids and names', () => {
  it('finds every field by its id and reads the chips', () => {
    const doc = page(`
      <textarea id="listing-title-input">Macrame Wall Hanging</textarea>
      <textarea id="listing-description-textarea">Knotted by hand.</textarea>
      <fieldset id="field-tags"><legend>Tags</legend>
        <div><input id="listing-tags-input" type="text"><button id="listing-tags-button">Add</button></div>
        <p>11 left</p>
        <ul><li><div><span>boho decor</span><button aria-label="Delete tag boho decor"></button></div></li>
            <li><div><span>cotton rope</span><button aria-label="Delete tag cotton rope"></button></div></li></ul>
      </fieldset>
      <fieldset id="field-materials"><legend>Materials</legend><input id="listing-materials-input"></fieldset>`);
    const found = findFields(doc);
    expect(found.title?.layer).toBe('known');
    expect(found.tags?.layer).toBe('known');
    const readout = readEditor(doc);
    expect(readout.listing.title).toBe('Macrame Wall Hanging');
    expect(readout.listing.tags).toEqual(['boho decor', 'cotton rope']);
    expect(unreadFields(readout)).toEqual([]);
  });
});

describe('layer 2: structure and ARIA', () => {
  it('uses <label for>, whatever the ids and class names', () => {
    const doc = page(`
      <div class="zz9"><label for="q-1" class="xx">Title <span>*</span></label><textarea id="q-1" class="yy">A mug</textarea></div>
      <div class="zz9"><label for="q-2">Description</label><textarea id="q-2">Thrown on the wheel.</textarea></div>`);
    const found = findFields(doc);
    expect(found.title?.layer).toBe('structure');
    expect((found.title?.control as HTMLTextAreaElement).value).toBe('A mug');
    expect(found.description?.layer).toBe('structure');
  });

  it('uses aria-labelledby and a wrapping label', () => {
    const doc = page(`
      <h3 id="h-a">Title</h3><textarea aria-labelledby="h-a">Ring</textarea>
      <label>Description <textarea>Silver ring.</textarea></label>`);
    const readout = readEditor(doc);
    expect(readout.listing.title).toBe('Ring');
    expect(readout.listing.description).toBe('Silver ring.');
    expect(readout.fields.description).toMatchObject({ status: 'read', layer: 'structure' });
  });

  it('uses the enclosing fieldset’s legend or a role=group’s name for chip fields', () => {
    const doc = page(`
      <fieldset class="a1"><legend>Tags</legend><input type="text">
        <ul><li>gift idea<button>×</button></li></ul></fieldset>
      <div role="group" aria-label="Materials"><div role="list">
        <div role="listitem"><span>clay</span><button>Remove clay</button></div></div><input type="text"></div>`);
    const readout = readEditor(doc);
    expect(readout.listing.tags).toEqual(['gift idea']);
    expect(readout.listing.materials).toEqual(['clay']);
    expect(readout.fields.tags).toMatchObject({ layer: 'structure' });
    expect(readout.fields.materials).toMatchObject({ layer: 'structure' });
  });
});

/** Labels and counters as Etsy's UI shows them, per language in the table. */
const LANGUAGES = [
  {
    lang: 'en',
    title: 'Title',
    description: 'Description',
    tags: 'Tags',
    materials: 'Materials',
    left: '10 left',
  },
  {
    lang: 'de',
    title: 'Titel',
    description: 'Beschreibung',
    tags: 'Tags',
    materials: 'Materialien',
    left: 'noch 10',
  },
  {
    lang: 'fr',
    title: 'Titre',
    description: 'Description',
    tags: 'Mots-clés',
    materials: 'Matériaux',
    left: '10 restants',
  },
  {
    lang: 'es',
    title: 'Título',
    description: 'Descripción',
    tags: 'Etiquetas',
    materials: 'Materiales',
    left: 'quedan 10',
  },
  {
    lang: 'it',
    title: 'Titolo',
    description: 'Descrizione',
    tags: 'Tag',
    materials: 'Materiali',
    left: '10 rimanenti',
  },
  {
    lang: 'nl',
    title: 'Titel',
    description: 'Beschrijving',
    tags: 'Tags',
    materials: 'Materialen',
    left: 'nog 10',
  },
  {
    lang: 'pt',
    title: 'Título',
    description: 'Descrição',
    tags: 'Etiquetas',
    materials: 'Materiais',
    left: '10 restantes',
  },
  {
    lang: 'pl',
    title: 'Tytuł',
    description: 'Opis',
    tags: 'Tagi',
    materials: 'Materiały',
    left: 'pozostało 10',
  },
  {
    lang: 'tr',
    title: 'Başlık',
    description: 'Açıklama',
    tags: 'Etiketler',
    materials: 'Malzemeler',
    left: '10 kaldı',
  },
  {
    lang: 'ja',
    title: 'タイトル',
    description: '説明',
    tags: 'タグ',
    materials: '素材',
    left: '残り10',
  },
];

describe('layer 3: visible label text in each UI language', () => {
  it.each(LANGUAGES)('$lang', (words) => {
    const chip = (value: string) =>
      `<span class="p-${words.lang}">${value}<button aria-label="x ${value}"><svg></svg></button></span>`;
    const doc = page(`
      <main class="k${words.lang}">
        <div class="r"><div class="n">${words.title} *</div><textarea>T-${words.lang}</textarea></div>
        <div class="r"><div class="n">${words.description}</div><textarea>D-${words.lang}</textarea></div>
        <div class="r"><div class="n">${words.tags}</div><div><input type="text"><button>+</button></div>
          <small>${words.left}</small><div>${chip('eins')}${chip('zwei')}${chip('drei')}</div></div>
        <div class="r"><div class="n">${words.materials}</div><input type="text"></div>
      </main>`);
    const readout = readEditor(doc);
    expect(readout.fields.title).toMatchObject({ status: 'read', layer: 'label' });
    expect(readout.fields.tags).toMatchObject({ status: 'read', layer: 'label' });
    expect(readout.fields.materials).toMatchObject({ status: 'read', layer: 'label' });
    expect(readout.listing.title).toBe(`T-${words.lang}`);
    expect(readout.listing.description).toBe(`D-${words.lang}`);
    expect(readout.listing.tags).toEqual(['eins', 'zwei', 'drei']);
  });

  it('reports a field it can’t find as unread, not as empty', () => {
    const doc = page(`<div><div>Title</div><textarea>Cup</textarea></div>`);
    const readout = readEditor(doc);
    expect(unreadFields(readout)).toEqual(['description', 'tags', 'materials']);
    expect(readout.fields.tags).toMatchObject({ status: 'unread' });
  });

  it('takes the first layer that hits: a known id beats a label elsewhere', () => {
    const doc = page(`
      <div><div>Title</div><textarea>decoy</textarea></div>
      <textarea id="listing-title-input">real</textarea>`);
    expect(readEditor(doc).listing.title).toBe('real');
  });
});

describe('chips', () => {
  it('reads German chips by structure: the button’s text and label are not the value', () => {
    const doc = page(`
      <fieldset><legend>Tags</legend><div><input type="text"><button>Hinzufügen</button></div>
        <p>noch 11</p>
        <ul><li><span>geschenk für mama</span><button aria-label="Tag löschen: geschenk für mama">×</button></li>
            <li><span>wanddeko</span><button aria-label="Tag löschen: wanddeko">×</button></li></ul></fieldset>`);
    const container = doc.querySelector('fieldset')!;
    const reading = readChips(container, container.querySelector('input'));
    expect(reading).toMatchObject({
      ok: true,
      values: ['geschenk für mama', 'wanddeko'],
      left: 11,
    });
  });

  it('reads Turkish chips with no English prefix anywhere', () => {
    const doc = page(`
      <fieldset><legend>Etiketler</legend><input type="text">
        <ul class="q"><li class="w"><span>gümüş yüzük</span><button aria-label="Etiketi sil gümüş yüzük"></button></li></ul>
        <span>12 kaldı</span></fieldset>`);
    expect(readEditor(doc).listing.tags).toEqual(['gümüş yüzük']);
  });

  it('treats chips that disagree with the counter as unread', () => {
    const doc = page(`
      <fieldset><legend>Tags</legend><input type="text"><p>8 left</p>
        <ul><li>one<button>x</button></li></ul></fieldset>`);
    const readout = readEditor(doc);
    expect(readout.fields.tags).toMatchObject({ status: 'unread' });
    expect(readout.listing.tags).toEqual([]);
  });

  it('counts "All 13 used" as none left', () => {
    const items = Array.from({ length: 13 }, (_, i) => `<li>tag ${i}<button>x</button></li>`).join(
      '',
    );
    const doc = page(
      `<fieldset><legend>Tags</legend><input type="text" disabled><p>All 13 used</p><ul>${items}</ul></fieldset>`,
    );
    expect(readEditor(doc).listing.tags).toHaveLength(13);
  });
});

describe('rich-text descriptions', () => {
  it('reads one line per paragraph, with empty paragraphs as blank lines', () => {
    const doc = page(`
      <label for="t">Title</label><textarea id="t">Hoops</textarea>
      <div><span>Description</span>
        <div contenteditable="true" role="textbox"><p>Small hoops.</p><p><br></p><p>Details:<br>925 silver</p></div></div>`);
    const readout = readEditor(doc);
    expect(readout.fields.description).toMatchObject({ status: 'read', rich: true });
    expect(readout.listing.description).toBe('Small hoops.\n\nDetails:\n925 silver');
  });
});
