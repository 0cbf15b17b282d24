import { Alert, Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { FormErrors } from '@mantine/form'
import type { SampleRequest } from '@core/sample-requests/sample-requests.contract'
import { SHIPPED_LATE_AFTER_DAYS } from '@core/domain/sample-request'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { todayIso } from '../forms/draft-values'
import { ApiCallError } from '../api/api-call-error'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifySuccess } from '../common/notify'
import { formErrorsFrom } from '../forms/field-errors'
import { FormModal } from '../forms/FormModal'
import { FactorySelect } from '../quotes/FactorySelect'
import { navigate } from '../shell/route'

/**
 * The three forms of a sample request: ask a factory, mark it shipped, mark it received (which
 * registers the sample and opens it to add photos). The core checks every step; its field errors show
 * on the fields they name and nothing is saved.
 */

/** Field errors of a failed call on this form's fields, and the message for the rest. */
function useCallErrors() {
  const { t } = useTranslation()
  const [errors, setErrors] = useState<FormErrors>({})
  const [banner, setBanner] = useState<string | null>(null)
  return {
    errors,
    banner,
    clear: (field?: string) => {
      if (field === undefined) {
        setErrors({})
        setBanner(null)
      } else setErrors(({ [field]: _dropped, ...rest }) => rest)
    },
    fail: (error: unknown, dropPrefix?: string[]) => {
      if (error instanceof ApiCallError && error.apiError.fields.length > 0) {
        setErrors(formErrorsFrom(error.apiError.fields, { dropPrefix }))
        setBanner(null)
      } else setBanner(errorMessage(t, error))
    },
  }
}

/** A date field of these forms ('YYYY-MM-DD'); its error clears as soon as it changes. */
function DateField({
  label,
  value,
  onChange,
  error,
  required,
  testId,
}: {
  label: string
  value: string | null
  onChange: (value: string | null) => void
  error: ReactNode
  required?: boolean
  testId: string
}) {
  return (
    <DateInput
      label={label}
      valueFormat="YYYY-MM-DD"
      required={required}
      value={value}
      onChange={onChange}
      error={error}
      data-testid={testId}
    />
  )
}

/** What every form ends with: the message for errors no field carries, cancel and the save button. */
function FormFooter({
  banner,
  onCancel,
  onSubmit,
  pending,
  label,
  testId,
}: {
  banner: string | null
  onCancel: () => void
  onSubmit: () => void
  pending: boolean
  label: string
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <>
      {banner ? <Alert color="red">{banner}</Alert> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onSubmit} loading={pending} data-testid={testId}>
          {label}
        </Button>
      </Group>
    </>
  )
}

export function RuleNote() {
  const { t } = useTranslation()
  return (
    <Text size="xs" c="dimmed">
      {t('sampleRequests.rule', { days: SHIPPED_LATE_AFTER_DAYS })}
    </Text>
  )
}

/** Ask a factory for samples: what, how many, the promised ship date; a visit and an SKU if known. */
export function NewRequestModal({
  opened,
  onClose,
  factoryId: fixedFactory,
  factoryName,
}: {
  opened: boolean
  onClose: () => void
  /** The factory whose page it was opened from: fixed. */
  factoryId?: string
  factoryName?: string
}) {
  const { t } = useTranslation()
  const create = useMutation('sampleRequests.create')
  const [factoryId, setFactoryId] = useState<string | null>(fixedFactory ?? null)
  const [visitId, setVisitId] = useState<string | null>(null)
  const [skuId, setSkuId] = useState<string | null>(null)
  const [item, setItem] = useState('')
  const [quantity, setQuantity] = useState<number | string>(1)
  const [requestedOn, setRequestedOn] = useState<string | null>(todayIso())
  const [promisedShipDate, setPromised] = useState<string | null>(null)
  const [notes, setNotes] = useState('')
  const { errors, banner, clear, fail } = useCallErrors()
  const visits = useCall('visits.list', { factoryId: factoryId ?? undefined }, factoryId !== null)
  const skus = useCall('skus.list', {})

  const submit = async () => {
    clear()
    try {
      await create.run({
        factoryId: factoryId ?? '',
        visitId,
        skuId,
        item,
        quantity: typeof quantity === 'number' ? quantity : Number.NaN,
        requestedOn: requestedOn ?? undefined,
        promisedShipDate: promisedShipDate ?? '',
        notes,
      })
      notifySuccess(t('sampleRequests.saved'))
      onClose()
    } catch (error) {
      fail(error)
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('sampleRequests.newTitle')} size="lg">
      <Stack gap="sm" data-testid="sample-request-form">
        {fixedFactory ? (
          <TextInput label={t('sampleRequests.fields.factoryId')} value={factoryName ?? ''} readOnly />
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('sampleRequests.fields.factoryId')}
            </Text>
            <FactorySelect
              value={factoryId}
              onChange={(id) => {
                setFactoryId(id)
                setVisitId(null)
                clear('factoryId')
              }}
              error={errors.factoryId}
              testId="sample-request-factory"
            />
          </Stack>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('sampleRequests.fields.visitId')}
            placeholder={t('sampleRequests.noVisit')}
            clearable
            disabled={factoryId === null}
            data={(visits.data ?? []).map((v) => ({ value: v.id, label: v.visitDate }))}
            value={visitId}
            onChange={(value) => {
              setVisitId(value)
              clear('visitId')
            }}
            error={errors.visitId}
            data-testid="sample-request-visit"
          />
          <Select
            label={t('sampleRequests.fields.skuId')}
            placeholder={t('sampleRequests.noSku')}
            clearable
            searchable
            data={(skus.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={skuId}
            onChange={setSkuId}
            error={errors.skuId}
            data-testid="sample-request-sku"
          />
        </Group>
        <TextInput
          label={t('sampleRequests.fields.item')}
          placeholder={t('sampleRequests.placeholders.item')}
          required
          value={item}
          onChange={(e) => {
            setItem(e.currentTarget.value)
            clear('item')
          }}
          error={errors.item}
          data-testid="sample-request-item"
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('sampleRequests.fields.quantity')}
            min={1}
            allowDecimal={false}
            value={quantity}
            onChange={(value) => {
              setQuantity(value)
              clear('quantity')
            }}
            error={errors.quantity}
            data-testid="sample-request-quantity"
          />
          <DateField
            label={t('sampleRequests.fields.requestedOn')}
            value={requestedOn}
            onChange={(value) => {
              setRequestedOn(value)
              clear('requestedOn')
            }}
            error={errors.requestedOn}
            testId="sample-request-requested-on"
          />
          <DateField
            label={t('sampleRequests.fields.promisedShipDate')}
            value={promisedShipDate}
            onChange={(value) => {
              setPromised(value)
              clear('promisedShipDate')
            }}
            error={errors.promisedShipDate}
            required
            testId="sample-request-promised"
          />
        </Group>
        <Textarea
          label={t('sampleRequests.fields.notes')}
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
        />
        <RuleNote />
        <FormFooter
          banner={banner}
          onCancel={onClose}
          onSubmit={() => void submit()}
          pending={create.pending}
          label={t('sampleRequests.new')}
          testId="sample-request-save"
        />
      </Stack>
    </FormModal>
  )
}

/** Mark shipped: when, the courier and the tracking number. */
export function ShipModal({ request, onClose }: { request: SampleRequest | null; onClose: () => void }) {
  const { t } = useTranslation()
  const ship = useMutation('sampleRequests.ship')
  const [shippedOn, setShippedOn] = useState<string | null>(todayIso())
  const [courier, setCourier] = useState('')
  const [trackingNumber, setTracking] = useState('')
  const { errors, banner, clear, fail } = useCallErrors()
  const submit = async () => {
    if (!request) return
    clear()
    try {
      await ship.run({ id: request.id, shippedOn: shippedOn ?? undefined, courier, trackingNumber })
      notifySuccess(t('sampleRequests.shippedDone'))
      onClose()
    } catch (error) {
      fail(error)
    }
  }
  return (
    <FormModal
      opened={request !== null}
      onClose={onClose}
      title={t('sampleRequests.shipTitle', { item: request?.item ?? '' })}
    >
      <Stack gap="sm" data-testid="sample-request-ship-form">
        <DateField
          label={t('sampleRequests.fields.shippedOn')}
          value={shippedOn}
          onChange={(value) => {
            setShippedOn(value)
            clear('shippedOn')
          }}
          error={errors.shippedOn}
          testId="sample-request-shipped-on"
        />
        <TextInput
          label={t('sampleRequests.fields.courier')}
          placeholder={t('sampleRequests.placeholders.courier')}
          required
          value={courier}
          onChange={(e) => {
            setCourier(e.currentTarget.value)
            clear('courier')
          }}
          error={errors.courier}
          data-testid="sample-request-courier"
        />
        <TextInput
          label={t('sampleRequests.fields.trackingNumber')}
          value={trackingNumber}
          onChange={(e) => {
            setTracking(e.currentTarget.value)
            clear('trackingNumber')
          }}
          error={errors.trackingNumber}
          data-testid="sample-request-tracking"
        />
        <FormFooter
          banner={banner}
          onCancel={onClose}
          onSubmit={() => void submit()}
          pending={ship.pending}
          label={t('sampleRequests.ship')}
          testId="sample-request-ship-save"
        />
      </Stack>
    </FormModal>
  )
}

/** Mark received: when, and the sample as registered (prefilled from the request); opens the sample. */
export function ReceiveModal({ request, onClose }: { request: SampleRequest | null; onClose: () => void }) {
  const { t } = useTranslation()
  const receive = useMutation('sampleRequests.receive')
  const [receivedOn, setReceivedOn] = useState<string | null>(todayIso())
  const [name, setName] = useState<string | null>(null)
  const [storageLocation, setStorage] = useState('')
  const { errors, banner, clear, fail } = useCallErrors()
  const sampleName = name ?? request?.item ?? ''
  const submit = async () => {
    if (!request) return
    clear()
    try {
      const received = await receive.run({
        id: request.id,
        receivedOn: receivedOn ?? undefined,
        sample: { name: sampleName, skuId: request.skuId, storageLocation, notes: request.notes },
      })
      notifySuccess(t('sampleRequests.receivedDone', { code: received.sampleCode ?? '' }))
      onClose()
      if (received.sampleId) navigate({ area: 'sample', id: received.sampleId })
    } catch (error) {
      fail(error)
    }
  }
  return (
    <FormModal
      opened={request !== null}
      onClose={onClose}
      title={t('sampleRequests.receiveTitle', { item: request?.item ?? '' })}
    >
      <Stack gap="sm" data-testid="sample-request-receive-form">
        <DateField
          label={t('sampleRequests.fields.receivedOn')}
          value={receivedOn}
          onChange={(value) => {
            setReceivedOn(value)
            clear('receivedOn')
          }}
          error={errors.receivedOn}
          testId="sample-request-received-on"
        />
        <TextInput
          label={t('sampleRequests.fields.sampleName')}
          required
          value={sampleName}
          onChange={(e) => {
            setName(e.currentTarget.value)
            clear('sample.name')
          }}
          error={errors['sample.name']}
          data-testid="sample-request-sample-name"
        />
        <TextInput
          label={t('sampleRequests.fields.storageLocation')}
          value={storageLocation}
          onChange={(e) => setStorage(e.currentTarget.value)}
          error={errors['sample.storageLocation']}
          data-testid="sample-request-storage"
        />
        {errors['sample.category'] ? (
          <Alert color="red" data-testid="sample-request-category-error">
            {errors['sample.category']}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('sampleRequests.receiveHint')}
        </Text>
        <FormFooter
          banner={banner}
          onCancel={onClose}
          onSubmit={() => void submit()}
          pending={receive.pending}
          label={t('sampleRequests.receive')}
          testId="sample-request-receive-save"
        />
      </Stack>
    </FormModal>
  )
}
