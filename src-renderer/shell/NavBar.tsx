import { NavLink } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { NAV_AREAS, navKeyOf } from './areas'
import type { Route } from './route'

export function NavBar({ route, onNavigate }: { route: Route; onNavigate: () => void }) {
  const { t } = useTranslation()
  const active = navKeyOf(route)
  return (
    <nav aria-label={t('app.name')}>
      {NAV_AREAS.map(({ key, icon: Icon }) => (
        <NavLink
          key={key}
          href={key === 'dashboard' ? '#/' : `#/${key}`}
          label={t(`nav.${key}`)}
          leftSection={<Icon size={18} stroke={1.6} />}
          active={key === active}
          onClick={onNavigate}
          data-testid={`nav-${key}`}
        />
      ))}
    </nav>
  )
}
