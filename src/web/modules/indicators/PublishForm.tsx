import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { IndSchemas } from './shared';
import { useS } from './strings';

/** The walidata publishes an approved indicator as an open dataset. */
export function PublishForm({ indicatorId, defaultTitle }: { indicatorId: string; defaultTitle: string }) {
  const s = useS();
  const [title, setTitle] = useState(defaultTitle);
  const [slug, setSlug] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const dataset = await api.post('/datasets', { indicatorId, title, slug, notes, tags: [] }, IndSchemas.dataset);
      setDone(dataset.name);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ind-card" aria-labelledby="ind-pub-h">
      <h2 id="ind-pub-h">{s('publish')}</h2>
      <form className="ind-form" onSubmit={(e) => void submit(e)}>
        <div className="ind-wide">
          <label htmlFor="ind-pub-title">{s('title')}</label>
          <input id="ind-pub-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="ind-wide">
          <label htmlFor="ind-pub-slug">{s('slug')}</label>
          <input id="ind-pub-slug" value={slug} onChange={(e) => setSlug(e.target.value)} pattern="[a-z0-9-]{2,60}" required />
        </div>
        <div className="ind-wide">
          <label htmlFor="ind-pub-notes">{s('notes')}</label>
          <textarea id="ind-pub-notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} required />
        </div>
        <div className="ind-wide">
          <button type="submit" className="ind-btn">
            {s('publish')}
          </button>
        </div>
      </form>
      {error ? <ProblemAlert error={error} /> : null}
      {done && (
        <p role="status">
          {s('created')} <a className="ind-link" href={`/data-terbuka/${done}`}>{done}</a>
        </p>
      )}
    </section>
  );
}
