import type { Lang } from '../i18n.js';

export interface NavPage {
  readonly id: string;
  readonly title: string;
  readonly section: string;
}

/**
 * The left sidebar: the pages grouped by section (in the order sections first appear in the list), the active
 * one marked (`aria-current`), then the language switch and sign-out, which stay in view however long the list.
 */
export function Nav({
  pages,
  page,
  lang,
  t,
  onLang,
  onSignOut,
}: {
  pages: readonly NavPage[];
  page: string;
  lang: Lang;
  t: (s: string) => string;
  onLang: () => void;
  onSignOut: () => void;
}) {
  const sections = [...new Set(pages.map((p) => p.section))];
  const other: Lang = lang === 'en' ? 'es' : 'en';
  return (
    <aside className="sidebar">
      <b className="brand">Segmenta</b>
      <nav aria-label="Segmenta">
        {sections.map((s, i) => (
          <div className="nav-section" key={s}>
            <h2 id={`nav-section-${i}`}>{t(s)}</h2>
            <ul aria-labelledby={`nav-section-${i}`}>
              {pages
                .filter((p) => p.section === s)
                .map((p) => (
                  <li key={p.id}>
                    <a
                      href={`#/${p.id}`}
                      className={p.id === page ? 'active' : ''}
                      aria-current={p.id === page ? 'page' : undefined}
                      data-testid={`nav-${p.id}`}
                    >
                      {t(p.title)}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="sidebar-foot">
        <button type="button" data-testid="lang" lang={other} onClick={onLang}>
          {other === 'es' ? 'Español' : 'English'}
        </button>
        <button type="button" data-testid="sign-out" onClick={onSignOut}>
          {t('Sign out')}
        </button>
      </div>
    </aside>
  );
}
