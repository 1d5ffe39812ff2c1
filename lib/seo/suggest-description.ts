import type { ListingText } from '../listing';
import { firstLineOf, openingEnd, openingProblem } from './check-description';
import type { ItemVocabulary } from './item';
import { normalizeText, wordsOf } from './text';

export interface DescriptionSuggestion {
  value: string;
  reasons: string[];
}

/**
 * Keeps the seller's words and only adds a first sentence naming the item when the opening
 * doesn't, because the description is the seller's voice and Etsy may match words in it.
 */
export function suggestDescription(
  listing: ListingText,
  vocab: ItemVocabulary,
  suggestedTitle: string,
  movedFromTitle: readonly string[],
): DescriptionSuggestion {
  const description = normalizeText(listing.description);
  // The title's first fragment leads with the item; without an item word it would say nothing.
  const lead = suggestedTitle.split(', ')[0] ?? '';
  const itemPhrase = wordsOf(lead).some((w) => vocab.isItemWord(w)) ? lead : null;
  const reasons: string[] = [];
  const body = description.trim();
  const opening = body.slice(0, openingEnd(body));
  const namesItem = wordsOf(opening).some((w) => vocab.isItemWord(w));
  let value = description;

  if (itemPhrase !== null && body === '') {
    value = `${itemPhrase}.`;
    reasons.push(
      `Your description was empty, so it starts with what the item is ("${itemPhrase}"). Add size, materials, care and who it's for.`,
    );
  } else if (itemPhrase !== null && !namesItem) {
    value = `${itemPhrase}.\n\n${description.trimStart()}`;
    reasons.push(
      `Added a first sentence naming the item ("${itemPhrase}"): shoppers read the opening first and Etsy may match its words. Reword it in your own voice.`,
    );
  } else if (body === '') {
    reasons.push('Write a description that starts by saying what the item is.');
  } else {
    reasons.push('Kept your description: its opening already says what the item is.');
  }
  const problem = openingProblem(firstLineOf(body), normalizeText(listing.title));
  if (problem !== null) {
    reasons.push(
      problem === 'pasted-title'
        ? 'Your description starts by repeating the title; consider rewriting that line as a sentence for a shopper.'
        : 'Your description opens with a list of keywords; consider rewriting it as a sentence and keeping keywords for tags.',
    );
  }
  if (movedFromTitle.length > 0) {
    reasons.push(
      `Words moved out of the title (${movedFromTitle.map((w) => `"${w}"`).join(', ')}) fit better here, in a sentence about the item.`,
    );
  }
  return { value, reasons };
}
