import type { ListingText } from '../listing';
import { checkDescription } from './check-description';
import { checkMaterials } from './check-materials';
import { checkTags } from './check-tags';
import { checkTitle } from './check-title';
import type { CheckResult } from './findings';
import { firstItemWordIndex, ItemVocabulary } from './item';
import { listingLanguage } from './language';
import { scoreListing } from './score';
import { normalizeText, wordsOf } from './text';

/** Grades one listing against Etsy's hard rules and search guidance. Pure and total. */
export function checkListing(listing: ListingText): CheckResult {
  const title = normalizeText(listing.title);
  const description = normalizeText(listing.description);
  const language = listingLanguage(listing);
  const vocab = new ItemVocabulary(listing, language);
  const canJudgeItem = vocab.hasListingEvidence || firstItemWordIndex(wordsOf(title), vocab) !== -1;

  const tags = checkTags(listing.tags, listing.categoryPath, title, language);
  const findings = [
    ...checkTitle(title, vocab, language),
    ...tags.findings,
    ...checkDescription(description, title, vocab, canJudgeItem),
    ...checkMaterials(listing.materials),
  ];
  return {
    findings,
    ...scoreListing(findings, tags.distinctCount),
    normalized: { title, description },
  };
}
