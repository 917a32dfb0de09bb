import { useEffect, useMemo, useState } from 'react';
import { initialKey, saveKey } from './api.js';
import { Nav, type NavPage } from './components/Nav.js';
import { type Session, SessionContext } from './context.js';
import { type Lang, translate } from './i18n.js';
import { BehaviourPage } from './pages/BehaviourPage.js';
import { BuilderPage } from './pages/BuilderPage.js';
import { CampaignsPage } from './pages/CampaignsPage.js';
import { ChurnPage } from './pages/ChurnPage.js';
import { ClustersPage } from './pages/ClustersPage.js';
import { CustomerPage } from './pages/CustomerPage.js';
import { LifecyclePage } from './pages/LifecyclePage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { QualityPage } from './pages/QualityPage.js';
import { RfmPage } from './pages/RfmPage.js';
import { SegmentsPage } from './pages/SegmentsPage.js';
import { ValuePage } from './pages/ValuePage.js';

/** Pages by hash route; the first is the landing page. `section` groups them in the sidebar (`components/Nav.tsx`). */
export const PAGES = [
  { id: 'overview', title: 'Overview', section: 'Analytics' },
  { id: 'rfm', title: 'RFM grid', section: 'Analytics' },
  { id: 'lifecycle', title: 'Lifecycle', section: 'Analytics' },
  { id: 'segments', title: 'Segments', section: 'Segments' },
  { id: 'builder', title: 'Segment builder', section: 'Segments' },
  { id: 'clusters', title: 'Clusters', section: 'Segments' },
  { id: 'behaviour', title: 'Behaviour', section: 'Segments' },
  { id: 'campaigns', title: 'Campaigns', section: 'Segments' },
  { id: 'value', title: 'Value', section: 'Analytics' },
  { id: 'churn', title: 'Churn risk', section: 'Analytics' },
  { id: 'customer', title: 'Customer 360', section: 'Customers' },
  { id: 'quality', title: 'Data quality', section: 'Data' },
] as const satisfies readonly NavPage[];

const useHash = () => {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
};

export function App() {
  const [key, setKey] = useState(initialKey());
  const [lang, setLang] = useState<Lang>((localStorage.getItem('segmenta.lang') as Lang | null) ?? 'en');
  const hash = useHash();
  const [page = 'overview', arg] = hash.replace(/^#\/?/, '').split('/');
  const session = useMemo<Session | null>(
    () =>
      key
        ? {
            key,
            lang,
            t: (s) => translate(lang, s),
            go: (h) => {
              window.location.hash = h;
            },
          }
        : null,
    [key, lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('segmenta.lang', lang);
  }, [lang]);
  if (!session)
    return (
      <SignIn
        lang={lang}
        onKey={(k) => {
          saveKey(k);
          setKey(k);
        }}
      />
    );
  const t = session.t;
  return (
    <SessionContext.Provider value={session}>
      <Nav
        pages={PAGES}
        page={page}
        lang={lang}
        t={t}
        onLang={() => setLang(lang === 'en' ? 'es' : 'en')}
        onSignOut={() => {
          saveKey(null);
          setKey(null);
        }}
      />
      <main data-testid={`page-${page}`}>
        <h1>{t(PAGES.find((p) => p.id === page)?.title ?? 'Overview')}</h1>
        {page === 'rfm' ? (
          <RfmPage />
        ) : page === 'lifecycle' ? (
          <LifecyclePage />
        ) : page === 'segments' ? (
          <SegmentsPage />
        ) : page === 'value' ? (
          <ValuePage />
        ) : page === 'churn' ? (
          <ChurnPage />
        ) : page === 'customer' ? (
          <CustomerPage id={arg ? decodeURIComponent(arg) : undefined} />
        ) : page === 'builder' ? (
          <BuilderPage
            onKey={(k) => {
              saveKey(k);
              setKey(k);
            }}
          />
        ) : page === 'quality' ? (
          <QualityPage />
        ) : page === 'clusters' ? (
          <ClustersPage />
        ) : page === 'behaviour' ? (
          <BehaviourPage />
        ) : page === 'campaigns' ? (
          <CampaignsPage />
        ) : (
          <OverviewPage />
        )}
      </main>
    </SessionContext.Provider>
  );
}

function SignIn({ lang, onKey }: { lang: Lang; onKey: (key: string) => void }) {
  const [value, setValue] = useState('');
  const t = (s: string) => translate(lang, s);
  return (
    <form
      className="signin"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onKey(value.trim());
      }}
    >
      <h1>Segmenta</h1>
      <label>
        {t('API key')} <input data-testid="key" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">{t('Sign in')}</button>
      <p className="muted">
        {t('Create one with')} <code>segmenta keys create --scope read</code>
      </p>
    </form>
  );
}
