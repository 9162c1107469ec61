import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { ROLE_LABELS } from '../../contracts/roles';
import { useAuth, useMe } from '../app/auth';
import { useI18n } from '../i18n';
import { Badge } from './Badge';
import { Icon } from './Icon';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV, NAV_SECTIONS, sectionOf, visibleNav } from './nav';

function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const initials = me.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="user-button" aria-expanded={open} aria-controls="menu-pengguna" onClick={() => setOpen((v) => !v)}>
        <span className="avatar" aria-hidden="true">
          {initials || '?'}
        </span>
        <span className="user-name">{me.name}</span>
        <span className="visually-hidden">{t('layout.userMenu')}</span>
      </button>
      {open && (
        <div className="user-popover" id="menu-pengguna">
          <div className="user-summary">
            <strong>{me.name}</strong>
            <span className="muted small">{me.email}</span>
            <span className="small">
              {pick(ROLE_LABELS[me.role])}
              {me.opdName ? ` · ${me.opdName}` : ''}
            </span>
          </div>
          <ul>
            <li>
              <Link to="/profil" className="menu-item">
                <Icon name="user" size={18} />
                {t('layout.profile')}
              </Link>
            </li>
            <li>
              <button type="button" className="menu-item" onClick={() => void logout()}>
                <Icon name="logout" size={18} />
                {t('layout.logout')}
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}

/** The frame of every signed-in screen: header, the menu from the nav registry, and the main landmark. */
export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { t, pick } = useI18n();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  const items = visibleNav(NAV, me.abilities);
  const sections = NAV_SECTIONS.map((section) => ({ ...section, items: items.filter((item) => sectionOf(item) === section.key) })).filter(
    (section) => section.items.length > 0,
  );

  useEffect(() => {
    setNavOpen(false);
    // After moving to another screen, put keyboard and screen-reader focus at the start of its content.
    if (location.pathname !== firstPath.current) {
      firstPath.current = location.pathname;
      mainRef.current?.focus({ preventScroll: false });
    }
  }, [location.pathname]);

  const renderItems = (list: typeof items) => (
    <ul>
      {list.map((item) => (
        <li key={item.path}>
          <NavLink to={item.path} end={item.path === '/' || items.some((other) => other !== item && other.path.startsWith(`${item.path}/`))} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
            {item.icon && <Icon name={item.icon} size={18} />}
            <span>{pick(item.label)}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="app">
      <a className="skip-link" href="#konten">
        {t('layout.skip')}
      </a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={navOpen} aria-controls="nav-utama" onClick={() => setNavOpen((v) => !v)}>
          <Icon name={navOpen ? 'close' : 'menu'} />
          <span className="visually-hidden">{t('layout.menu')}</span>
        </button>
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-text">
            <span className="brand-name">Pamong</span>
            <span className="brand-pemda">{me.pemda?.name ?? t('layout.platform')}</span>
          </span>
        </Link>
        {me.pemda?.synthetic && (
          <span className="topbar-badge">
            <Badge tone="warning" title={t('layout.syntheticHint')}>
              {t('layout.synthetic')}
            </Badge>
          </span>
        )}
        <div className="topbar-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <div className="shell">
        <nav id="nav-utama" className={navOpen ? 'sidenav open' : 'sidenav'} aria-label={t('layout.nav')}>
          {sections.map((section) => (
            <div key={section.key} className="nav-section">
              {section.label && <p className="nav-heading">{pick(section.label)}</p>}
              {renderItems(section.items)}
            </div>
          ))}
        </nav>
        <main id="konten" ref={mainRef} tabIndex={-1} className="content">
          {children}
        </main>
      </div>
      <footer className="footer">
        <span>Pamong · {me.pemda?.name ?? ''}</span>
        <span className="muted">{pick(ROLE_LABELS[me.role])}</span>
      </footer>
    </div>
  );
}
