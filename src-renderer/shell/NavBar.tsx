import { Badge, NavLink } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { NAV_AREAS, navKeyOf } from './areas'
import type { Route } from './route'

export function NavBar({ route, onNavigate }: { route: Route; onNavigate: () => void }) {
  const { t } = useTranslation()
  const active = navKeyOf(route)
  return (
    <nav aria-label={t('app.name')}>
      {NAV_AREAS.map(({ key, icon: Icon, built }) => (
        <NavLink
          key={key}
          href={key === 'dashboard' ? '#/' : `#/${key}`}
          label={t(`nav.${key}`)}
          c={built ? undefined : 'dimmed'}
          title={built ? undefined : t('common.notBuilt')}
          leftSection={<Icon size={18} stroke={1.6} />}
          rightSection={
            built ? undefined : (
              <Badge size="xs" variant="light" color="gray" tt="none" fw={400}>
                {t('common.notBuiltShort')}
              </Badge>
            )
          }
          active={key === active}
          onClick={onNavigate}
          data-testid={`nav-${key}`}
        />
      ))}
    </nav>
  )
}
