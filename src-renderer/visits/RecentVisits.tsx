import { Anchor, Badge, Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { navigate } from '../shell/route'
import { ScoreBadge } from './ScoreBadge'
import { ParentLabel } from '../trash/DeletedParent'

/** The latest visits shown; older ones are reached through their factory or tour. */
const SHOWN = 30

/** Visits newest first, across tours, each opening its visit page. */
export function RecentVisits() {
  const { t } = useTranslation()
  const visits = useCall('visits.list', {})
  const rows = (visits.data ?? []).slice(0, SHOWN)
  if (visits.error) return <ErrorAlert error={visits.error} />
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" data-testid="recent-visits">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('visits.fields.visitDate')}</Table.Th>
            <Table.Th>{t('visits.fields.factory')}</Table.Th>
            <Table.Th>{t('visits.fields.tour')}</Table.Th>
            <Table.Th ta="right">{t('visits.columns.average')}</Table.Th>
            <Table.Th ta="right">{t('visits.columns.openFollowUps')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => (
            <Table.Tr
              key={v.id}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate({ area: 'visit', id: v.id })}
              data-testid="visit-row"
            >
              <Table.Td className="num">{v.visitDate}</Table.Td>
              <Table.Td>
                <Anchor href={`#/visits/${v.id}`} onClick={(e) => e.stopPropagation()} fw={500}>
                  <ParentLabel
                    name={v.factoryName}
                    deleted={v.factoryDeleted}
                    fallback={t('tours.deletedFactory')}
                  />
                </Anchor>
              </Table.Td>
              <Table.Td>
                {v.tourName ? (
                  <Text size="sm" lineClamp={1}>
                    {v.tourName}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('visits.noTour')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <ScoreBadge score={v.averageScore} />
              </Table.Td>
              <Table.Td ta="right">
                {v.openFollowUps > 0 ? (
                  <Badge tt="none" color="orange" variant="light" radius="sm">
                    {v.openFollowUps}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    0
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {visits.data && rows.length === 0 ? (
        <Text c="dimmed" p="lg" ta="center">
          {t('visits.empty')}
        </Text>
      ) : null}
    </Paper>
  )
}
