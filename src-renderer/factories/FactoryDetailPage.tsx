import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { formatPhone } from '@core/domain/phone'
import type { Factory } from '@core/factories/factories.contract'
import { IconEdit } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { BackLink } from '../common/BackLink'
import { DetailError, DetailLoading } from '../common/DetailStates'
import { PhotosPanel } from '../photos/PhotosPanel'
import { FactoryRecordPhotos } from '../photos/FactoryRecordPhotos'
import { CertificatesSection } from '../certificates/CertificatesSection'
import { DocumentsPanel } from '../documents/DocumentsPanel'
import { navigate } from '../shell/route'
import { FactoryScorecardPanel } from '../shell/lazy-pages'
import { NegotiationButtons } from '../negotiation/NegotiationButtons'
import { DeleteFactoryButton } from './DeleteFactoryButton'
import { FactoryDetail } from './FactoryDetail'
import { LazyFactoryFormDrawer } from './LazyFactoryFormDrawer'
import { StatusBadge } from './StatusBadge'
import { formatPlace } from './format'
import { FactoryQuotesPanel } from '../quotes/QuotesHere'
import { FactorySamplesPanel } from '../samples/FactorySamplesPanel'
import { SampleRequestsPanel } from '../sample-requests/SampleRequestsPanel'
import { cameFrom } from '../shell/came-from'
import { parseRoute } from '../shell/route'

/**
 * "Back" to where the buyer came from: the tour they are on (by name), the list, or whatever page they
 * opened the factory from (a search result, a sample, a visit); the list when the factory was opened
 * first thing.
 */
function FactoryBackLink() {
  const { t } = useTranslation()
  const origin = cameFrom()
  const route = origin ? parseRoute(origin) : null
  const tourId = route?.area === 'tour' ? route.id : null
  const tour = useCall('tours.get', { id: tourId ?? '' }, tourId !== null)
  if (!origin || !route || route.area === 'factories' || route.area === 'factory') {
    return <BackLink href="#/factories">{t('factoryPage.backToList')}</BackLink>
  }
  if (tourId) {
    return (
      <BackLink href={origin}>
        {tour.data ? t('factoryPage.backToTour', { name: tour.data.name }) : t('factoryPage.backToTourPlain')}
      </BackLink>
    )
  }
  return <BackLink href={origin}>{t('factoryPage.backToPrevious')}</BackLink>
}

/** Where it is and whom to call, under the name: what the buyer on the road needs before anything else. */
function FactoryHeadline({ factory }: { factory: Factory }) {
  const { t } = useTranslation()
  const contact = factory.contacts[0]
  const parts = [
    [formatPlace(factory.province, factory.city), factory.address].filter(Boolean).join(' '),
    contact
      ? `${contact.name}${contact.phone ? ` ${formatPhone(contact.phone, t('factories.contact.extension'))}` : ''}`
      : '',
  ].filter(Boolean)
  if (parts.length === 0) return null
  return (
    <Text size="sm" c="dimmed" data-testid="factory-headline">
      {parts.join(' · ')}
    </Text>
  )
}

export function FactoryDetailPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [deleted, setDeleted] = useState(false)
  // After a delete the list is where the buyer goes; do not refetch the tombstoned factory meanwhile.
  const result = useCall('factories.get', { id }, !deleted)
  const factory = result.data

  const back = <FactoryBackLink />

  if (result.error) {
    return (
      <DetailError
        back={back}
        error={result.error}
        notFound={<Text data-testid="factory-not-found">{t('factories.detail.notFound')}</Text>}
      />
    )
  }
  if (!factory) return <DetailLoading back={back} bodyHeight={200} />

  return (
    <Stack gap="md" maw={1100} data-testid="factory-detail">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="sm" align="center">
            <Title order={2} data-testid="factory-detail-name">
              {factory.name}
            </Title>
            <StatusBadge status={factory.status} />
          </Group>
          <FactoryHeadline factory={factory} />
        </Stack>
        <Group gap="sm" wrap="nowrap">
          <NegotiationButtons kind="negotiation-factory" id={factory.id} />
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={() => setEditing(true)}
            data-testid="factory-edit"
          >
            {t('common.edit')}
          </Button>
          <DeleteFactoryButton
            factory={factory}
            onDeleted={() => {
              setDeleted(true)
              navigate({ area: 'factories' })
            }}
          />
        </Group>
      </Group>
      <FactoryScorecardPanel factoryId={factory.id} factoryName={factory.name} />
      <FactorySamplesPanel factoryId={factory.id} />
      <SampleRequestsPanel factoryId={factory.id} factoryName={factory.name} />
      <FactoryQuotesPanel factoryId={factory.id} />
      <PhotosPanel ownerTable="factories" ownerId={factory.id} />
      <FactoryRecordPhotos factoryId={factory.id} />
      <FactoryDetail factory={factory} />
      <CertificatesSection factoryId={factory.id} />
      <DocumentsPanel ownerTable="factories" ownerId={factory.id} />
      <LazyFactoryFormDrawer
        opened={editing}
        factory={factory}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Stack>
  )
}
