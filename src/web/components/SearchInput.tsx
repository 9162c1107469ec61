import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n';
import { Icon } from './Icon';

export const SEARCH_DEBOUNCE_MS = 150;

/**
 * A labelled search box that reports what was typed after a 150 ms pause (results follow the typing without a
 * request per keystroke). Escape clears it.
 */
export function SearchInput({
  label,
  value,
  onChange,
  placeholder,
  hideLabel = false,
  autoFocus = false,
  id,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hideLabel?: boolean;
  autoFocus?: boolean;
  id?: string;
}) {
  const t = useT();
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const [text, setText] = useState(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const lastSent = useRef(value);

  // Follow outside changes (e.g. back button restoring the query).
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = text;
      onChangeRef.current(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="field search-field">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div className="search-box">
        <Icon name="search" size={18} />
        <input
          id={inputId}
          type="search"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text) {
              event.preventDefault();
              setText('');
            }
          }}
        />
        {text && (
          <button type="button" className="icon-button" onClick={() => setText('')} aria-label={t('action.clearSearch')}>
            <Icon name="close" size={16} />
          </button>
        )}
      </div>
    </div>
  );
}
