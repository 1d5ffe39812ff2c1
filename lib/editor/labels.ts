/**
 * The words Etsy's editor shows around its fields, in the UI languages it offers. The
 * finder's last layer matches visible labels against these; chip counters and the form's
 * "changed" marker are read with them too. Add a language by adding its words here.
 */

export type EditorField = 'title' | 'description' | 'tags' | 'materials';

/** Label words per field: en, de, fr, es, it, nl, pt, pl, tr, ja. */
const FIELD_LABELS: Record<EditorField, readonly string[]> = {
  title: ['Title', 'Titel', 'Titre', 'Título', 'Titolo', 'Tytuł', 'Başlık', 'タイトル'],
  description: [
    'Description',
    'Beschreibung',
    'Descripción',
    'Descrizione',
    'Beschrijving',
    'Descrição',
    'Opis',
    'Açıklama',
    '説明',
    '商品説明',
  ],
  tags: ['Tags', 'Mots-clés', 'Étiquettes', 'Etiquetas', 'Tag', 'Tagi', 'Etiketler', 'タグ'],
  materials: [
    'Materials',
    'Materialien',
    'Matériaux',
    'Materiales',
    'Materiali',
    'Materialen',
    'Materiais',
    'Materiały',
    'Malzemeler',
    '素材',
    '材料',
  ],
};

/**
 * A chip field's counter, as "how many are left" (or "all used"). Each pattern captures
 * the number left; `ALL_USED` means none are left.
 */
const COUNTER_LEFT: readonly RegExp[] = [
  /(\d+)\s+left\b/i, // en: "8 left"
  /\bnoch\s+(\d+)\b/i, // de: "noch 8"
  /(\d+)\s+restant(?:e|s|es)?\b/i, // fr: "8 restants"; pt: "8 restantes"
  /\bquedan\s+(\d+)\b/i, // es: "quedan 8"
  /(\d+)\s+rimanent[ei]\b/i, // it: "8 rimanenti"
  /\bnog\s+(\d+)\b/i, // nl: "nog 8"
  /\bpozosta(?:ło|ly|ło)\s+(\d+)\b/i, // pl: "pozostało 8"
  /(\d+)\s+kaldı/i, // tr: "8 kaldı"
  /残り\s*(\d+)/, // ja: "残り8"
];
const ALL_USED: readonly RegExp[] = [
  /\bAll\s+\d+\s+used\b/i,
  /\bAlle\s+\d+\s+(?:verwendet|genutzt)\b/i,
  /\b\d+\s+(?:sur|de)\s+\d+\s+utilisés\b/i,
  /\bTodos?\s+los\s+\d+\s+usados\b/i,
  /\b(?:Tutti|Tutte)\s+(?:i|le)\s+\d+\s+utilizzat[ie]\b/i,
  /\bAlle\s+\d+\s+gebruikt\b/i,
  /\bTod[oa]s\s+(?:os|as)\s+\d+\s+usad[oa]s\b/i,
  /\bWykorzystano\s+wszystkie\b/i,
  /\b\d+\s+tanesi\s+kullanıldı\b/i,
  /\d+\s*個すべて使用済み/,
];

/** The form's own "you have unsaved changes" line: "You changed: Title, Tags". */
export const CHANGED_MARKER: readonly RegExp[] = [
  /\bYou changed\b/i,
  /\bGeändert\b|\bDu hast\b.*\bgeändert\b|\bÄnderungen\b/i,
  /\bVous avez modifié\b|\bModifié\b/i,
  /\bHas cambiado\b|\bCambiado\b/i,
  /\bHai modificato\b|\bModificat[oi]\b/i,
  /\bJe hebt\b.*\bgewijzigd\b|\bGewijzigd\b/i,
  /\bVocê alterou\b|\bAlterad[oa]s?\b/i,
  /\bZmieniono\b/i,
  /\bDeğiştirdiniz\b|\bDeğiştirildi\b/i,
  /変更/,
];

/** Strips what decorates a label but isn't its name: required stars, colons, "Optional". */
function labelName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[*:：]/g, ' ')
    .replace(
      /\((?:optional|optionnel|opcional|opzionale|optioneel|opcjonalnie|isteğe bağlı|任意)\)/gi,
      ' ',
    )
    .trim();
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MATCHERS = Object.fromEntries(
  Object.entries(FIELD_LABELS).map(([field, words]) => [
    field,
    // The label is the word, alone or followed by a non-letter (e.g. "Materials Optional").
    new RegExp(`^(?:${words.map(escape).join('|')})(?:$|[^\\p{L}])`, 'iu'),
  ]),
) as Record<EditorField, RegExp>;

/** Which field a label's text names, if any. */
export function fieldNamedBy(text: string): EditorField | null {
  if (text.length > 120) return null;
  const name = labelName(text);
  if (!name || name.length > 60) return null;
  for (const field of Object.keys(MATCHERS) as EditorField[]) {
    if (MATCHERS[field].test(name)) return field;
  }
  return null;
}

/** Whether a text (e.g. the "You changed: …" line) names `field` in any table language. */
export function mentionsField(text: string, field: EditorField): boolean {
  const words = FIELD_LABELS[field].map(escape).join('|');
  return new RegExp(`(?:^|[^\\p{L}])(?:${words})(?:$|[^\\p{L}])`, 'iu').test(text);
}

/** Tags left per the counter's text: a number, 0 for "all used", null when it isn't one. */
export function counterLeft(text: string): number | null {
  const compact = text.replace(/\s+/g, ' ').trim();
  if (compact.length > 40) return null;
  if (ALL_USED.some((pattern) => pattern.test(compact))) return 0;
  for (const pattern of COUNTER_LEFT) {
    const match = pattern.exec(compact);
    if (match) return Number(match[1]);
  }
  return null;
}
