import type { ListingText, Suggestion } from '@/lib/listing';
import { findingChanges } from '@/lib/review/changes';
import {
  applyChoices,
  diffTags,
  fieldDefault,
  tagProposals,
  type Choices,
  type TagProposal,
} from '@/lib/review/choices';
import {
  codePointLength,
  MAX_TAGS,
  TAG_MAX_CHARS,
  tagIdentity,
  TITLE_MAX_CHARS,
  type Field,
} from '@/lib/seo';
import { CopyButton } from './CopyButton';
import { FindingChangesList } from './FindingChangesList';
import { TextDiff } from './TextDiff';

function proposalLabel(p: TagProposal): string {
  if (p.kind === 'add') return `+ ${p.add}`;
  if (p.kind === 'remove') return `− remove ${p.remove}`;
  return `swap ${p.remove} for ${p.add}`;
}

function isTicked(p: TagProposal, choices: Choices): boolean {
  if (p.kind === 'remove') return !!choices.removeTag[tagIdentity(p.remove)];
  if (p.kind === 'add') return !!choices.addTag[tagIdentity(p.add)];
  return !!choices.addTag[tagIdentity(p.add)] && !!choices.removeTag[tagIdentity(p.remove)];
}

function withTicked(p: TagProposal, choices: Choices, ticked: boolean): Choices {
  const addTag = { ...choices.addTag };
  const removeTag = { ...choices.removeTag };
  if (p.kind !== 'remove') addTag[tagIdentity(p.add)] = ticked;
  if (p.kind !== 'add') removeTag[tagIdentity(p.remove)] = ticked;
  return { ...choices, addTag, removeTag };
}

/** Said instead of a choice when the page didn't let us read the field. */
function Unread({ field }: { field: string }) {
  return (
    <p className="muted" data-testid="review-unread">
      Couldn’t read your {field} on this page, so this can’t be filled or published from here. Copy
      it if you want it.
    </p>
  );
}

const TEST_ID = { add: 'tag-added', remove: 'tag-removed', swap: 'tag-swap' } as const;

/**
 * Each suggestion against the current value, to accept or reject field by field and tag by
 * tag. Every change says why, and whether it is ticked by default and why: only fixes for what
 * Etsy would refuse are; everything else waits for the seller.
 */
export function ReviewSection({
  current,
  suggestion,
  choices,
  onChoices,
  unread,
}: {
  current: ListingText;
  suggestion: Suggestion;
  choices: Choices;
  onChoices: (next: Choices) => void;
  /** Fields the page didn't let us read: no accept choice, copy only. */
  unread: readonly Field[];
}) {
  const diff = diffTags(
    current.tags,
    suggestion.tags.map((tag) => tag.value),
  );
  const proposals = tagProposals(current, suggestion);
  const applied = applyChoices(current, suggestion, choices);
  const appliedIds = new Set(applied.tags.map(tagIdentity));
  const proposedRemovals = new Set(
    proposals.flatMap((p) => (p.kind === 'add' ? [] : [tagIdentity(p.remove)])),
  );
  const keptTags = current.tags.filter(
    (tag) => tag.trim() !== '' && !proposedRemovals.has(tagIdentity(tag)),
  );
  const title = fieldDefault(current, suggestion, 'title');
  const description = fieldDefault(current, suggestion, 'description');
  const titleRead = !unread.includes('title');
  const tagsRead = !unread.includes('tags');
  const descriptionRead = !unread.includes('description');

  return (
    <section className="section" aria-labelledby="copilot-review">
      <h3 id="copilot-review" className="section__title">
        Suggestions
      </h3>

      <fieldset className="review" data-testid="review-title">
        <legend>Title</legend>
        {!titleRead ? (
          <Unread field="title" />
        ) : title.changed ? (
          <TextDiff before={current.title} after={suggestion.title.value} label="Title changes" />
        ) : (
          <p className="muted">No change suggested.</p>
        )}
        <p className="review__meta">
          {codePointLength(suggestion.title.value)}/{TITLE_MAX_CHARS} characters
        </p>
        {titleRead && title.changed && (
          <FindingChangesList
            changes={findingChanges(current, { title: suggestion.title.value }, 'title', unread)}
          />
        )}
        <ul className="reasons">
          {suggestion.title.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {titleRead && title.changed && <p className="muted">{title.why}</p>}
        <div className="review__actions">
          {titleRead && title.changed && (
            <label className="toggle">
              <input
                type="checkbox"
                checked={choices.title}
                onChange={(e) => onChoices({ ...choices, title: e.target.checked })}
              />
              Use this title
            </label>
          )}
          <CopyButton text={suggestion.title.value} what="suggested title" />
        </div>
      </fieldset>

      <fieldset className="review" data-testid="review-tags">
        <legend>
          Tags{' '}
          <span className="muted">
            {applied.tags.length}/{MAX_TAGS}
          </span>
        </legend>
        {!tagsRead && (
          <>
            <Unread field="tags" />
            <ul className="tags">
              {suggestion.tags.map((tag) => (
                <li key={tag.value} className="tag">
                  {tag.value}
                </li>
              ))}
            </ul>
          </>
        )}
        <ul className="tags" hidden={!tagsRead}>
          {keptTags.map((tag, i) => (
            <li key={`kept-${i}-${tag}`} className="tag tag--kept" title="Your tag, kept">
              {tag}
            </li>
          ))}
          {proposals.map((p) => {
            const ticked = isTicked(p, choices);
            const noRoom = p.kind === 'add' && ticked && !appliedIds.has(tagIdentity(p.add));
            const added = p.kind === 'remove' ? null : p.add;
            return (
              <li
                key={`${p.kind}-${proposalLabel(p)}`}
                className={`tag tag--${p.kind === 'remove' ? 'removed' : 'added'}`}
                data-testid={TEST_ID[p.kind]}
              >
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={ticked}
                    onChange={(e) => onChoices(withTicked(p, choices, e.target.checked))}
                  />
                  <span>{proposalLabel(p)}</span>
                </label>
                <span className="tag__meta">
                  {added !== null ? `${codePointLength(added)}/${TAG_MAX_CHARS} · ` : ''}
                  {noRoom ? `no room (${MAX_TAGS} max) · ` : ''}
                  {p.reason}
                </span>
              </li>
            );
          })}
        </ul>
        {tagsRead && diff.added.length === 0 && proposals.length === 0 && (
          <p className="muted">No tag changes suggested: your tags are kept.</p>
        )}
        <div className="review__actions">
          <CopyButton
            text={(tagsRead ? applied.tags : suggestion.tags.map((t) => t.value)).join(', ')}
            what="tags"
          />
        </div>
      </fieldset>

      <fieldset className="review" data-testid="review-description">
        <legend>Description</legend>
        {!descriptionRead ? (
          <Unread field="description" />
        ) : description.changed ? (
          <div className="review__scroll">
            <TextDiff
              before={current.description}
              after={suggestion.description.value}
              label="Description changes"
            />
          </div>
        ) : (
          <p className="muted">No change suggested.</p>
        )}
        <p className="review__meta">{codePointLength(suggestion.description.value)} characters</p>
        {descriptionRead && description.changed && (
          <FindingChangesList
            changes={findingChanges(
              current,
              { description: suggestion.description.value },
              'description',
              unread,
            )}
          />
        )}
        <ul className="reasons">
          {suggestion.description.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {descriptionRead && description.changed && <p className="muted">{description.why}</p>}
        <div className="review__actions">
          {descriptionRead && description.changed && (
            <label className="toggle">
              <input
                type="checkbox"
                checked={choices.description}
                onChange={(e) => onChoices({ ...choices, description: e.target.checked })}
              />
              Use this description
            </label>
          )}
          <CopyButton text={suggestion.description.value} what="suggested description" />
        </div>
      </fieldset>
    </section>
  );
}
