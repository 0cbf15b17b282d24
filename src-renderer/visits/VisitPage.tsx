import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconEdit } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { BackLink } from '../common/BackLink'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { DetailError, DetailLoading } from '../common/DetailStates'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { FormDrawer } from '../forms/FormDrawer'
import { PhotosPanel } from '../photos/PhotosPanel'
import { VisitSamples } from '../samples/VisitSamples'
import { navigate } from '../shell/route'
import { AddFollowUp } from './AddFollowUp'
import { PdfExportButton } from '../reports/PdfExportButton'
import { FollowUpList } from './FollowUpList'
import { ScoreBadge } from './ScoreBadge'
import { ScorecardTable } from './ScorecardTable'
import { VisitEditor } from './VisitEditor'
import { EnterQuoteButton } from '../quotes/QuotesHere'
import { ParentName } from '../trash/DeletedParent'

/** One visit: who met, the scorecard, notes, follow-ups to tick and the photos taken. */
export function VisitPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [deleted, setDeleted] = useState(false)
  const result = useCall('visits.get', { id }, !deleted)
  const remove = useMutation('visits.delete')
  const removeFollowUp = useMutation('followUps.delete')
  const visit = result.data

  const back = (
    <BackLink href={visit?.tourId ? `#/tours/${visit.tourId}` : '#/visits'}>
      {visit?.tourName ? t('visits.backToTour', { name: visit.tourName }) : t('visits.back')}
    </BackLink>
  )
  if (result.error) return <DetailError back={back} error={result.error} />
  if (!visit) return <DetailLoading back={back} />

  const open = visit.followUps.filter((f) => !f.done).length
  return (
    <Stack gap="md" maw={1100} data-testid="visit-page">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="visit-factory-name">
              <ParentName
                kind="factories"
                id={visit.factoryId}
                name={visit.factoryName}
                deleted={visit.factoryDeleted}
                href={`#/factories/${visit.factoryId}`}
                fallback={t('tours.deletedFactory')}
              />
            </Title>
            <ScoreBadge score={visit.averageScore} testId="visit-average" />
          </Group>
          <Text c="dimmed" size="sm">
            {t('visits.visitedOn', { date: visit.visitDate })}
            {visit.tourId ? ' · ' : ''}
            {visit.tourId ? <Anchor href={`#/tours/${visit.tourId}`}>{visit.tourName}</Anchor> : null}
          </Text>
        </Stack>
        <Group gap="sm" wrap="nowrap">
          <EnterQuoteButton
            testId="visit-enter-quote"
            prefill={{ factoryId: visit.factoryId, quoteDate: visit.visitDate }}
            contextNote={t('quoteUi.fromVisit', { date: visit.visitDate })}
          />
          <PdfExportButton kind="visit" id={visit.id} />
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={() => setEditing(true)}
            data-testid="visit-edit"
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            title={t('visits.delete.title')}
            body={t('visits.delete.body', { date: visit.visitDate })}
            pending={remove.pending}
            testId="visit-delete"
            onConfirm={async () => {
              await remove.run({ id: visit.id })
              setDeleted(true)
              notifySuccess(t('visits.delete.done'))
              navigate(visit.tourId ? { area: 'tour', id: visit.tourId } : { area: 'visits' })
            }}
          />
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('visits.fields.attendees')}
          </Text>
          {visit.attendees.length > 0 ? (
            <Group gap={4}>
              {visit.attendees.map((a) => (
                <Badge key={a} variant="default" radius="sm" fw={400} tt="none">
                  {a}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm">{t('common.none')}</Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('visits.fields.scores')}
        </Title>
        <ScorecardTable scores={visit.scores} />
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" mb={4}>
          {t('visits.fields.notes')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="visit-notes-text">
          {visit.notes || t('common.none')}
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Group gap="xs" mb="xs">
          <Title order={4}>{t('visits.fields.followUps')}</Title>
          {open > 0 ? (
            <Badge tt="none" color="orange" variant="light" radius="sm">
              {t('visits.openCount', { count: open })}
            </Badge>
          ) : null}
        </Group>
        <Stack gap="sm">
          <FollowUpList
            items={visit.followUps}
            onDelete={(followUpId) =>
              void removeFollowUp
                .run({ id: followUpId })
                .catch((error: unknown) => notifyError(t('errors.title'), errorMessage(t, error)))
            }
          />
          <AddFollowUp visitId={visit.id} />
        </Stack>
      </Paper>
      <VisitSamples visitId={visit.id} factoryId={visit.factoryId} factoryName={visit.factoryName} />
      <PhotosPanel ownerTable="visits" ownerId={visit.id} />
      <FormDrawer
        opened={editing}
        title={t('visits.form.editTitle')}
        onClose={() => setEditing(false)}
        size={760}
      >
        {() => (
          <VisitEditor
            visit={visit}
            defaults={{}}
            onCancel={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
