export { checkListing } from './check';
export { suggestOffline } from './suggest';
export { shortenTag } from './suggest-tags';
export { listingLanguage } from './language';
export { extractFacts } from './facts';
export { tagWeaknesses, isSafeToRemove, type TagWeakness } from './tag-quality';
export type { CheckResult, Field, Finding, FindingSpan, RuleId, Severity } from './findings';
export { codePointLength, normalizeText } from './text';
export {
  dedupeTags,
  isValidTag,
  isValidTitle,
  MAX_TAGS,
  repairTag,
  repairTitle,
  TAG_MAX_CHARS,
  tagIdentity,
  TITLE_MAX_CHARS,
  titleProblems,
} from './validity';
