import { Group, Select, Stack, Text } from '@mantine/core'
import type { ImportPreview, SkippedRows } from '@core/imports/imports.contract'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

/** Longest text of a row shown in the picker. */
const ROW_TEXT = 60

function rowText(t: TFunction, cells: readonly string[]): string {
  const text = cells.filter((c) => c !== '').join(' | ')
  if (text === '') return t('imports.header.empty')
  return text.length > ROW_TEXT ? `${text.slice(0, ROW_TEXT)}…` : text
}

const rows = (t: TFunction, r: SkippedRows) =>
  r.from === r.to
    ? t('imports.skipped.row', { range: String(r.from) })
    : t('imports.skipped.rows', { range: `${r.from}–${r.to}` })

/**
 * Which row is the header (the one found, or another of the first rows, each shown with its texts),
 * and what the import leaves out: titles and notes above the header, blank rows, notes under the data.
 */
export function HeaderRowPicker({
  preview,
  onChange,
  disabled,
}: {
  preview: ImportPreview
  onChange(row: number): void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const options = preview.headerCandidates.map((c) => ({
    value: String(c.rowNumber),
    label: t('imports.header.option', { row: c.rowNumber, text: rowText(t, c.cells) }),
  }))
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Select
        size="xs"
        w={420}
        label={t('imports.header.label')}
        data={options}
        value={String(preview.headerRow)}
        onChange={(value) => value && onChange(Number(value))}
        allowDeselect={false}
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
        data-testid="import-header-row"
      />
      {preview.skipped.length > 0 ? (
        <Stack gap={0} data-testid="import-skipped">
          {preview.skipped.map((r) => (
            <Text key={`${r.reason}-${r.from}`} size="xs" c="dimmed">
              {t(`imports.skipped.${r.reason}`, { rows: rows(t, r) })}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Group>
  )
}
