import type { ListingText, Suggestion } from '@/lib/listing';
import { applyChoices, diffTags, type Choices } from '@/lib/review/choices';
import {
  checkListing,
  codePointLength,
  MAX_TAGS,
  tagIdentity,
  TITLE_MAX_CHARS,
  type Field,
} from '@/lib/seo';
import { CopyButton } from './CopyButton';
import { TextDiff } from './TextDiff';

function scoreWith(
  listing: ListingText,
  change: Partial<ListingText>,
  unread: readonly Field[],
): number {
  return checkListing({ ...listing, ...change }, unread).score;
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

/**
 * Each suggestion against the current value, to accept or reject field by field and
 * tag by tag, with its length and the score it would give.
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
  const applied = applyChoices(current, suggestion, choices);
  const appliedIds = new Set(applied.tags.map(tagIdentity));
  const reasonOf = (tag: string) =>
    suggestion.tags.find((t) => tagIdentity(t.value) === tagIdentity(tag))?.reason;
  const titleChanged = suggestion.title.value !== current.title;
  const descriptionChanged = suggestion.description.value !== current.description;
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
        ) : titleChanged ? (
          <TextDiff before={current.title} after={suggestion.title.value} label="Title changes" />
        ) : (
          <p className="muted">Your title already follows the rules.</p>
        )}
        <p className="review__meta">
          {codePointLength(suggestion.title.value)}/{TITLE_MAX_CHARS} characters · score with it:{' '}
          {scoreWith(current, { title: suggestion.title.value }, unread)}
        </p>
        <ul className="reasons">
          {suggestion.title.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <div className="review__actions">
          {titleRead && titleChanged && (
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
            {applied.tags.length}/{MAX_TAGS} · score with them:{' '}
            {scoreWith(current, { tags: applied.tags }, unread)}
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
          {diff.kept.map((tag) => (
            <li key={`kept-${tag}`} className="tag tag--kept" title="You already have this tag">
              {tag}
            </li>
          ))}
          {diff.added.map((tag) => {
            const id = tagIdentity(tag);
            const accepted = !!choices.addTag[id];
            const noRoom = accepted && !appliedIds.has(id);
            return (
              <li key={`added-${tag}`} className="tag tag--added" data-testid="tag-added">
                <label className="toggle" title={reasonOf(tag)}>
                  <input
                    type="checkbox"
                    checked={accepted}
                    onChange={(e) =>
                      onChoices({
                        ...choices,
                        addTag: { ...choices.addTag, [id]: e.target.checked },
                      })
                    }
                  />
                  <span>+ {tag}</span>
                </label>
                <span className="tag__meta">
                  {codePointLength(tag)}/20{noRoom ? ' · no room (13 max)' : ''}
                  {reasonOf(tag) ? ` · ${reasonOf(tag)}` : ''}
                </span>
              </li>
            );
          })}
          {diff.removed.map((tag) => {
            const id = tagIdentity(tag);
            return (
              <li key={`removed-${tag}`} className="tag tag--removed" data-testid="tag-removed">
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={!!choices.removeTag[id]}
                    onChange={(e) =>
                      onChoices({
                        ...choices,
                        removeTag: { ...choices.removeTag, [id]: e.target.checked },
                      })
                    }
                  />
                  <span>− remove {tag}</span>
                </label>
              </li>
            );
          })}
        </ul>
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
        ) : descriptionChanged ? (
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
        <p className="review__meta">
          {codePointLength(suggestion.description.value)} characters · score with it:{' '}
          {scoreWith(current, { description: suggestion.description.value }, unread)}
        </p>
        <ul className="reasons">
          {suggestion.description.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <div className="review__actions">
          {descriptionRead && descriptionChanged && (
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
