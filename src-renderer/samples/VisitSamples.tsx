import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconPackage } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { FormDrawer } from '../forms/FormDrawer'
import { navigate } from '../shell/route'
import { SampleEditor } from './SampleEditor'
import { SampleStatusBadge } from './SampleStatusBadge'

/** Samples handed over in one visit, and registering another one from it. */
export function VisitSamples({
  visitId,
  factoryId,
  factoryName,
}: {
  visitId: string
  factoryId: string
  factoryName: string | null
}) {
  const { t } = useTranslation()
  const [registering, setRegistering] = useState(false)
  const list = useCall('samples.list', { visitId })
  const rows = list.data ?? []
  return (
    <Paper withBorder p="md" data-testid="visit-samples">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('samples.ofVisit', { count: rows.length })}</Title>
        <Button
          variant="light"
          leftSection={<IconPackage size={16} />}
          onClick={() => setRegistering(true)}
          data-testid="visit-register-sample"
        >
          {t('samples.new')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('samples.noneFromVisit')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td w={190}>
                  <Anchor href={`#/samples/${s.id}`} ff="monospace" size="sm">
                    {s.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.name}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <SampleStatusBadge status={s.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormDrawer
        opened={registering}
        title={t('samples.form.createTitle')}
        onClose={() => setRegistering(false)}
        size={760}
      >
        {() => (
          <Stack>
            <SampleEditor
              sample={null}
              defaults={{ visitId, factoryId, factoryName: factoryName ?? undefined }}
              onCancel={() => setRegistering(false)}
              onSaved={(saved) => {
                setRegistering(false)
                navigate({ area: 'sample', id: saved.id })
              }}
            />
          </Stack>
        )}
      </FormDrawer>
    </Paper>
  )
}
