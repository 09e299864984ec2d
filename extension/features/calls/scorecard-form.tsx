import type { Scorecard } from '@sufler/shared';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';
import { NEW_SCORECARD, scorecardRoute } from './app-route';
import type { CallsClient } from './calls-client';
import { ScorecardActions } from './scorecard-actions';
import { ScorecardCriterionFields } from './scorecard-criterion-fields';
import { useSaveScorecard } from './scorecard-data';
import { draftOf, emptyDraft, sameDraft, type CriterionDraft, type ScorecardDraft } from './scorecard-draft';
import { withCriterion, withCriterionAdded, withCriterionMoved, withCriterionRemoved, withId, withLabel } from './scorecard-draft-edits';
import { ScorecardField } from './scorecard-field';
import { useFocusAfterRender } from './scorecard-focus';
import { useLeaveGuard, type LeaveGuard } from './scorecard-leave-guard';
import { criterionField, validateScorecardDraft, type ScorecardErrors } from './scorecard-validation';

const NO_ERRORS: ScorecardErrors = new Map();

/**
 * A template's form: its name and description, its criteria in order, then save. `initial` null is a new
 * template (its key asked for, and checked against `takenKeys`). Messages appear next to the fields once
 * a save was tried, and follow the edits from then on; each save is the template's next version.
 */
export function ScorecardForm({
  client,
  guard,
  initial,
  takenKeys,
  onCreated,
}: {
  client: CallsClient;
  guard: LeaveGuard;
  initial: Scorecard | null;
  takenKeys: readonly string[] | null;
  onCreated: (key: string) => void;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState<ScorecardDraft>(() => (initial ? draftOf(initial) : emptyDraft()));
  const [showErrors, setShowErrors] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const submitted = useRef<ScorecardDraft | null>(null);
  const focus = useFocusAfterRender();
  const save = useSaveScorecard(client);
  const { reset } = save;

  const pristine = useMemo(() => (base ? draftOf(base) : emptyDraft()), [base]);
  const dirty = !sameDraft(draft, pristine);
  const validation = showErrors ? validateScorecardDraft(draft, { takenKeys: base ? null : takenKeys }) : null;
  const errors = validation && !validation.ok ? validation.errors : NO_ERRORS;
  const message = (field: string) => {
    const error = errors.get(field);
    return error && t(error.key, error.params);
  };

  const discard = useCallback(() => {
    setDraft(base ? draftOf(base) : emptyDraft());
    setShowErrors(false);
    reset();
  }, [base, reset]);
  const hereKey = base?.key ?? NEW_SCORECARD;
  const changes = useMemo(
    () => (dirty ? { here: scorecardRoute(hereKey), message: t('scorecards.leave.confirm'), discard } : null),
    [dirty, hereKey, t, discard],
  );
  useLeaveGuard(guard, changes);

  // Opened from the list or a link: the keyboard starts at the template's heading.
  useEffect(() => heading.current?.focus(), []);
  // A save refused here: to the first field with a message.
  useEffect(() => {
    if (attempts > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateScorecardDraft(draft, { takenKeys: base ? null : takenKeys });
    setShowErrors(!result.ok);
    if (!result.ok) return setAttempts((n) => n + 1);
    submitted.current = draft;
    save.mutate({ ...result.input, basedOnVersion: base?.version ?? 0 }, {
      onSuccess: (card) => {
        guard.hold(null);
        setBase(card);
        // Edits typed while it was saving stay, still unsaved.
        setDraft((current) => (current === submitted.current ? draftOf(card, current.criteria.map((c) => c.uid)) : current));
        if (!base) onCreated(card.key);
      },
    });
  };

  const move = (c: CriterionDraft, index: number, by: -1 | 1) => {
    const to = index + by;
    const last = draft.criteria.length - 1;
    setDraft(withCriterionMoved(draft, c.uid, by));
    // The button pressed, unless the move disabled it (at the top, "up"; at the bottom, "down").
    focus(`${id}-${c.uid}-${to === 0 ? 'down' : to === last ? 'up' : by < 0 ? 'up' : 'down'}`);
    setAnnouncement(t('scorecards.announce.moved', { label: c.label.trim() || String(index + 1), position: String(to + 1), count: String(last + 1) }));
  };
  const remove = (c: CriterionDraft, index: number) => {
    const next = draft.criteria[index + 1] ?? draft.criteria[index - 1];
    setDraft(withCriterionRemoved(draft, c.uid));
    focus(next ? `${id}-${next.uid}-label` : `${id}-add`);
    setAnnouncement(t('scorecards.announce.removed', { label: c.label.trim() || String(index + 1) }));
  };
  const add = () => {
    const added = withCriterionAdded(draft);
    setDraft(added.draft);
    focus(`${id}-${added.uid}-label`);
  };

  return (
    <form ref={form} className="stack scorecard-form" aria-labelledby={`${id}-heading`} noValidate onSubmit={submit}>
      <div>
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {base ? base.name : t('scorecards.editor.newHeading')}
        </h2>
        {base && (
          <p className="muted">
            {t('scorecards.editor.meta', { key: base.key, version: String(base.version), kind: t(base.builtIn ? 'scorecards.kind.builtIn' : 'scorecards.kind.own') })}
          </p>
        )}
        <p className="hint muted">{t('scorecards.editor.versioning')}</p>
      </div>
      {!base && (
        <ScorecardField id={`${id}-key`} label={t('scorecards.field.key')} hint={t('scorecards.keyHint')} error={message('key')}>
          {(control) => (
            <input {...control} type="text" value={draft.key} autoCapitalize="characters" autoComplete="off" spellCheck={false} onChange={(event) => setDraft({ ...draft, key: event.target.value.toUpperCase() })} />
          )}
        </ScorecardField>
      )}
      <ScorecardField id={`${id}-name`} label={t('scorecards.field.name')} error={message('name')}>
        {(control) => <input {...control} type="text" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />}
      </ScorecardField>
      <ScorecardField id={`${id}-description`} label={t('scorecards.field.description')} error={message('description')}>
        {(control) => <textarea {...control} value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />}
      </ScorecardField>

      <div>
        <h3 id={`${id}-criteria`}>{t('scorecards.criteria.heading')}</h3>
        <p className="hint muted">{t('scorecards.criteria.hint')}</p>
      </div>
      <ol className="plain stack" aria-labelledby={`${id}-criteria`}>
        {draft.criteria.map((c, index) => (
          <li key={c.uid} className="card">
            <ScorecardCriterionFields
              id={`${id}-${c.uid}`}
              criterion={c}
              index={index}
              count={draft.criteria.length}
              error={(field) => message(criterionField(c.uid, field))}
              onLabel={(label) => setDraft(withLabel(draft, c.uid, label))}
              onId={(value) => setDraft(withId(draft, c.uid, value))}
              onChange={(patch) => setDraft(withCriterion(draft, c.uid, patch))}
              onMove={(by) => move(c, index, by)}
              onRemove={() => remove(c, index)}
              focus={focus}
            />
          </li>
        ))}
      </ol>
      {message('criteria') && <p className="error">{message('criteria')}</p>}
      <button id={`${id}-add`} type="button" className="secondary" onClick={add}>
        {t('scorecards.criterion.add')}
      </button>

      <ScorecardActions draft={draft} isNew={!base} dirty={dirty} invalidCount={errors.size} save={save} onDiscard={discard} />
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </form>
  );
}
