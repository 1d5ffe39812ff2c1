export { checkListing } from './check';
export { suggestOffline } from './suggest';
export { shortenTag } from './suggest-tags';
export { detectLanguage, listingLanguage, type Language } from './language';
export { extractFacts, missingFacts, type Fact } from './facts';
export {
  tagWeaknesses,
  isSafeToRemove,
  type TagWeakness,
  type TagWeaknessKind,
} from './tag-quality';
export type {
  CheckResult,
  Field,
  Finding,
  FindingSpan,
  RuleId,
  RuleSource,
  ScoreComponent,
  ScoreLift,
  Severity,
} from './findings';
export { RULES } from './rules';
export { codePointLength, normalizeText, phraseKey } from './text';
export {
  dedupeTags,
  isValidMaterial,
  isValidTag,
  isValidTitle,
  MATERIAL_INVALID_CHAR,
  MAX_TAGS,
  repairMaterial,
  repairTag,
  repairTitle,
  TAG_INVALID_CHAR,
  TAG_MAX_CHARS,
  tagIdentity,
  TITLE_INVALID_CHAR,
  TITLE_MAX_CHARS,
  titleProblems,
  type RepairedTitle,
  type TitleProblem,
} from './validity';
