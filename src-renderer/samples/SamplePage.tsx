import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { Sample } from '@core/samples/samples.contract'
import { IconEdit, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { BackLink } from '../common/BackLink'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { DetailError, DetailLoading } from '../common/DetailStates'
import { notifySuccess } from '../common/notify'
import { FormDrawer } from '../forms/FormDrawer'
import { PhotosPanel } from '../photos/PhotosPanel'
import { DocumentsPanel } from '../documents/DocumentsPanel'
import { navigate, routeHash } from '../shell/route'
import { PdfExportButton } from '../reports/PdfExportButton'
import { EvaluationEditor } from './EvaluationEditor'
import { EvaluationView } from './EvaluationView'
import { SampleEditor } from './SampleEditor'
import { SampleStatusBadge } from './SampleStatusBadge'
import { StatusActions } from './StatusActions'
import { StatusHistory } from './StatusHistory'
import { SampleQuotesPanel } from '../quotes/QuotesHere'
import { ParentName } from '../trash/DeletedParent'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  const { t } = useTranslation()
  const empty = children === '' || children === null || children === undefined
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {empty ? t('common.none') : children}
      </Text>
    </Stack>
  )
}

function Facts({ sample }: { sample: Sample }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <Fact label={t('samples.fields.factory')}>
        <ParentName
          kind="factories"
          id={sample.factoryId}
          name={sample.factoryName}
          deleted={sample.factoryDeleted}
          href={`#/factories/${sample.factoryId}`}
          fallback=""
        />
      </Fact>
      <Fact label={t('samples.fields.source')}>
        {sample.visitId && sample.visitDeleted ? (
          <ParentName
            kind="visits"
            id={sample.visitId}
            name={t('samples.fromVisit', { date: sample.visitDate ?? '' })}
            deleted
            href={`#/visits/${sample.visitId}`}
            fallback=""
          />
        ) : sample.visitId ? (
          <Anchor href={`#/visits/${sample.visitId}`}>
            {t('samples.fromVisit', { date: sample.visitDate ?? '' })}
          </Anchor>
        ) : (
          t(`sampleSource.${sample.source}`)
        )}
      </Fact>
      <Fact label={t('samples.fields.sku')}>
        {sample.skuId && sample.skuName ? (
          <Anchor href={`#/skus/${sample.skuId}`}>{sample.skuName}</Anchor>
        ) : (
          ''
        )}
      </Fact>
      <Fact label={t('samples.fields.category')}>
        {sample.category ? (
          <Group gap={6}>
            {sample.category}
            {sample.categoryOverride ? (
              <Badge color="red" variant="light" size="sm" radius="sm" tt="none">
                {t('samples.overridden')}
              </Badge>
            ) : null}
          </Group>
        ) : (
          ''
        )}
      </Fact>
      <Fact label={t('samples.fields.storageLocation')}>
        <span data-testid="sample-page-storage">{sample.storageLocation}</span>
      </Fact>
      {sample.categoryOverride ? (
        <Fact label={t('samples.overrideReason')}>
          <span data-testid="sample-override-reason">{sample.categoryOverride.reason}</span>
        </Fact>
      ) : null}
    </SimpleGrid>
  )
}

/** One sample: its code and status with the next steps, specs, evaluation, history and photos. */
export function SamplePage({ id }: { id: string }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [evaluating, setEvaluating] = useState(false)
  const [deleted, setDeleted] = useState(false)
  const result = useCall('samples.get', { id }, !deleted)
  const remove = useMutation('samples.delete')
  const sample = result.data

  const back = <BackLink href="#/samples">{t('samples.back')}</BackLink>
  if (result.error) return <DetailError back={back} error={result.error} />
  if (!sample) return <DetailLoading back={back} />

  return (
    <Stack gap="md" maw={1200} data-testid="sample-page">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="sm" align="center">
            <Title order={2} ff="monospace" data-testid="sample-page-code">
              {sample.code}
            </Title>
            <SampleStatusBadge status={sample.status} size="lg" />
          </Group>
          <Text size="lg" fw={500} data-testid="sample-page-name">
            {sample.name}
          </Text>
          {sample.status === 'rejected' && sample.statusReason ? (
            <Text size="sm" c="red" data-testid="sample-reject-reason">
              {t('samples.rejectedBecause', { reason: sample.statusReason })}
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm" wrap="nowrap">
          <PdfExportButton kind="sample" id={sample.id} />
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            component="a"
            href={routeHash({ area: 'labels', ids: [sample.id] })}
            data-testid="sample-print-label"
          >
            {t('labels.print')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={() => setEditing(true)}
            data-testid="sample-edit"
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            title={t('samples.delete.title')}
            body={t('samples.delete.body', { code: sample.code })}
            pending={remove.pending}
            testId="sample-delete"
            onConfirm={async () => {
              await remove.run({ id: sample.id })
              setDeleted(true)
              notifySuccess(t('samples.delete.done', { code: sample.code }))
              navigate({ area: 'samples' })
            }}
          />
        </Group>
      </Group>
      <StatusActions sample={sample} />
      <Paper withBorder p="md">
        <Facts sample={sample} />
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('samples.fields.specs')}
          </Title>
          {sample.specs.length > 0 ? (
            <Table verticalSpacing={4} data-testid="sample-specs">
              <Table.Tbody>
                {sample.specs.map((s, i) => (
                  <Table.Tr key={i}>
                    <Table.Td w={140}>
                      <Text size="sm" c="dimmed">
                        {s.key}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.value}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {t('samples.noSpecs')}
            </Text>
          )}
          {sample.notes ? (
            <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="sample-page-notes">
              {sample.notes}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('samples.historyTitle')}
          </Title>
          <StatusHistory history={sample.history} />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('samples.evaluation.title')}</Title>
          {sample.status === 'requested' ? null : (
            <Button
              variant={sample.evaluation ? 'light' : 'filled'}
              size="xs"
              onClick={() => setEvaluating(true)}
              data-testid="sample-evaluate"
            >
              {sample.evaluation ? t('samples.evaluation.edit') : t('samples.evaluation.add')}
            </Button>
          )}
        </Group>
        {sample.evaluation ? (
          <EvaluationView evaluation={sample.evaluation} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('samples.evaluation.none')}
          </Text>
        )}
      </Paper>
      <SampleQuotesPanel sampleId={sample.id} factoryId={sample.factoryId} skuId={sample.skuId} />
      <PhotosPanel ownerTable="samples" ownerId={sample.id} />
      <DocumentsPanel ownerTable="samples" ownerId={sample.id} defaultKind="test_report" />
      <FormDrawer
        opened={editing}
        title={t('samples.form.editTitle')}
        onClose={() => setEditing(false)}
        size={760}
      >
        {() => (
          <SampleEditor
            sample={sample}
            defaults={{}}
            onCancel={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
        )}
      </FormDrawer>
      <FormDrawer
        opened={evaluating}
        title={t('samples.evaluation.formTitle', { code: sample.code })}
        onClose={() => setEvaluating(false)}
      >
        {() => <EvaluationEditor sample={sample} onDone={() => setEvaluating(false)} />}
      </FormDrawer>
    </Stack>
  )
}
