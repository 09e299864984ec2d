import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_OBSERVATION_TEXT } from '@sufler/shared';

export interface MessageInputProps {
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  submitLabel: string;
  /** Shown on the button while `busy`. */
  busyLabel?: string;
  busy?: boolean;
  /** `enter`: Enter sends and Shift+Enter breaks the line (chat). Ctrl/Cmd+Enter sends in both modes. */
  submitOn?: 'enter' | 'mod-enter';
  /** What went wrong, said at once (role=alert) and tied to the textarea; `action` offers the way out. */
  error?: { message: string; action?: { label: string; onClick(): void } } | null;
  /** A calm status line (role=status): queued while offline, waiting for the connection… */
  notice?: string | null;
  rows?: number;
  maxLength?: number;
  /** Blocks sending while the text stays editable (say: the previous question is still being answered). */
  blocked?: boolean;
}

/**
 * The one text input of the cockpit (observation terminal and chat): a labelled textarea, the send
 * button, keyboard sending, and the error and status lines. It never clears itself: the owner's store
 * decides when the text has been taken care of, so a failed send keeps what was typed.
 */
export function MessageInput({
  label,
  hint,
  value,
  onChange,
  onSubmit,
  submitLabel,
  busyLabel,
  busy = false,
  submitOn = 'mod-enter',
  error = null,
  notice = null,
  rows = 3,
  maxLength = MAX_OBSERVATION_TEXT,
  blocked = false,
}: MessageInputProps) {
  const id = useId();
  const canSubmit = value.trim().length > 0 && !blocked;
  const submit = () => {
    if (canSubmit) onSubmit();
  };
  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod || (submitOn === 'enter' && !event.shiftKey)) {
      event.preventDefault();
      submit();
    }
  };
  const describedBy = [`${id}-hint`, notice && `${id}-notice`, error && `${id}-error`].filter(Boolean).join(' ');

  return (
    <form onSubmit={onFormSubmit} aria-busy={busy} className="message-input">
      <label htmlFor={`${id}-input`}>{label}</label>
      <textarea
        id={`${id}-input`}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={describedBy}
      />
      <p id={`${id}-hint`} className="muted">
        {hint}
      </p>
      {notice && (
        <p id={`${id}-notice`} role="status" className="queued-note">
          {notice}
        </p>
      )}
      {error && (
        <div className="row">
          <p id={`${id}-error`} role="alert" className="error">
            {error.message}
          </p>
          {error.action && (
            <button type="button" className="secondary" onClick={error.action.onClick}>
              {error.action.label}
            </button>
          )}
        </div>
      )}
      <button type="submit" disabled={!canSubmit}>
        {busy && busyLabel ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
