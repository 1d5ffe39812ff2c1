import type { ListingText } from '../listing';
import { checkDescription } from './check-description';
import { checkMaterials } from './check-materials';
import { checkTags } from './check-tags';
import { checkTitle } from './check-title';
import type { CheckResult, Field, ScoreComponent } from './findings';
import { firstItemWordIndex, ItemVocabulary } from './item';
import { listingLanguage } from './language';
import { scoreListing } from './score';
import { normalizeText, wordsOf } from './text';

/**
 * Keeps only the parts of the score about fields that were read, scaled to 100, so a field
 * the editor page didn't show is neither praised nor blamed.
 */
function gradedOnly(composition: ScoreComponent[], unread: readonly Field[]) {
  if (unread.length === 0) {
    return { score: composition.reduce((sum, c) => sum + c.earned, 0), composition };
  }
  const graded = composition.filter((c) => !unread.includes(c.id as Field));
  const earned = graded.reduce((sum, c) => sum + c.earned, 0);
  const possible = graded.reduce((sum, c) => sum + c.possible, 0);
  return { score: possible ? Math.round((100 * earned) / possible) : 0, composition: graded };
}

/**
 * Grades one listing against Etsy's hard rules and search guidance. Pure and total.
 * `unread`: fields the editor page didn't let us read; they get no findings and no score.
 */
export function checkListing(listing: ListingText, unread: readonly Field[] = []): CheckResult {
  const title = normalizeText(listing.title);
  const description = normalizeText(listing.description);
  const language = listingLanguage(listing);
  const vocab = new ItemVocabulary(listing, language);
  const titleWords = wordsOf(title);
  const canJudgeItem = vocab.hasListingEvidence || firstItemWordIndex(titleWords, vocab) !== -1;

  const tags = checkTags(listing.tags, listing.categoryPath, titleWords, language);
  const findings = [
    ...checkTitle(title, vocab, language, titleWords),
    ...tags.findings,
    ...checkDescription(description, title, vocab, canJudgeItem),
    ...checkMaterials(listing.materials),
  ].filter((finding) => !unread.includes(finding.field));
  const { composition } = scoreListing(findings, tags.distinctCount);
  return {
    findings,
    ...gradedOnly(composition, unread),
    normalized: { title, description },
  };
}
