import { Checkbox, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core'
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type CellError,
  type Duplicate,
  type DuplicateAction,
  type ImportKind,
  type ImportPreview,
} from '@core/imports/imports.contract'
import { useTranslation } from 'react-i18next'
import { messageText } from '../i18n/message-text'
import { columnLetter } from './import-api'
import classes from './PreviewTable.module.css'

const IGNORE = '__ignore__'

export interface PreviewTableProps {
  kind: ImportKind
  preview: ImportPreview
  /** Row numbers the user left out. */
  excluded: ReadonlySet<number>
  onExclude(rowNumber: number, excluded: boolean): void
  /** A new field (or null to skip) for one column. */
  onMap(column: number, field: string | null): void
  disabled?: boolean
  /** What the buyer chose for each duplicate row (skip when absent). */
  decisions: ReadonlyMap<number, DuplicateAction>
  onDecide(rowNumber: number, action: DuplicateAction): void
}

/**
 * The file as read: each column's header with the field it is read as (editable), then the rows, every
 * bad cell tinted with its message under the value, and an "exclude" box on each bad row.
 */
export function PreviewTable({
  kind,
  preview,
  excluded,
  onExclude,
  onMap,
  disabled,
  decisions,
  onDecide,
}: PreviewTableProps) {
  const { t } = useTranslation()
  const required = new Set<string>(REQUIRED_IMPORT_FIELDS[kind])
  const options = [
    { value: IGNORE, label: t('imports.mapping.ignore') },
    ...IMPORT_FIELDS[kind].map((field) => ({
      value: field,
      label: `${t(`imports.fields.${kind}.${field}`)}${required.has(field) ? ' *' : ''}`,
    })),
  ]
  const mappingErrorOf = (column: number) => preview.mappingErrors.find((e) => e.column === column)
  const text = (e: CellError) => messageText(t, e.messageKey, e.params)
  const withDuplicates = preview.rows.some((r) => r.duplicate !== null)
  const duplicateCell = (rowNumber: number, duplicate: Duplicate) => (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="orange.8">
        {duplicate.factoryId !== null
          ? t('imports.duplicate.live', { name: duplicate.factoryName })
          : t('imports.duplicate.inFile', { row: duplicate.row, name: duplicate.factoryName })}
      </Text>
      <Text size="xs" c="dimmed">
        {t(duplicate.by === 'creditCode' ? 'imports.duplicate.byCreditCode' : 'imports.duplicate.byNameCity')}
      </Text>
      <SegmentedControl
        size="xs"
        value={decisions.get(rowNumber) ?? 'skip'}
        onChange={(value) => onDecide(rowNumber, value as DuplicateAction)}
        disabled={disabled}
        data={duplicate.actions.map((action) => ({ value: action, label: t(`imports.duplicate.${action}`) }))}
        data-testid={`import-duplicate-${rowNumber}`}
      />
    </Stack>
  )

  return (
    <div className={classes.scroll}>
      <Table
        withColumnBorders
        withTableBorder
        striped={false}
        className={classes.table}
        data-testid="import-preview"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.rowHead}>{t('imports.preview.row')}</Table.Th>
            {withDuplicates ? <Table.Th className={classes.duplicateHead} /> : null}
            {preview.headers.map((header, column) => {
              const problem = mappingErrorOf(column)
              return (
                <Table.Th key={column} className={classes.head}>
                  <Text size="xs" c="dimmed">
                    {columnLetter(column)}
                  </Text>
                  <Text size="sm" fw={600} lineClamp={1} title={header}>
                    {header || t('imports.mapping.column', { letter: columnLetter(column) })}
                  </Text>
                  <Select
                    size="xs"
                    mt={4}
                    data={options}
                    value={preview.mapping[column] ?? IGNORE}
                    onChange={(value) => onMap(column, value === null || value === IGNORE ? null : value)}
                    allowDeselect={false}
                    disabled={disabled}
                    error={problem ? text(problem) : undefined}
                    aria-label={t('imports.mapping.title')}
                    data-testid={`import-map-${column}`}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Th>
              )
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => {
            const bad = row.errors.length > 0
            const out = excluded.has(row.rowNumber)
            const rowErrors = row.errors.filter((e) => e.column === null)
            return (
              <Table.Tr
                key={row.rowNumber}
                className={out ? classes.excluded : bad ? classes.badRow : undefined}
                data-testid={`import-row-${row.rowNumber}`}
                data-bad={bad || undefined}
                data-duplicate={row.duplicate ? true : undefined}
              >
                <Table.Td className={classes.rowHead}>
                  <Text size="sm">{row.rowNumber}</Text>
                  {bad ? (
                    <Checkbox
                      size="xs"
                      mt={4}
                      label={t('imports.preview.exclude')}
                      checked={out}
                      disabled={disabled}
                      onChange={(event) => onExclude(row.rowNumber, event.currentTarget.checked)}
                      data-testid={`import-exclude-${row.rowNumber}`}
                    />
                  ) : null}
                </Table.Td>
                {withDuplicates ? (
                  <Table.Td className={row.duplicate ? classes.duplicate : undefined}>
                    {row.duplicate ? duplicateCell(row.rowNumber, row.duplicate) : null}
                  </Table.Td>
                ) : null}
                {row.cells.map((cell, column) => {
                  const errors = row.errors.filter((e) => e.column === column)
                  return (
                    <Table.Td
                      key={column}
                      className={errors.length > 0 ? classes.badCell : undefined}
                      data-testid={errors.length > 0 ? `import-error-${row.rowNumber}-${column}` : undefined}
                    >
                      <Text size="sm" className={classes.cell}>
                        {cell}
                      </Text>
                      {errors.map((e, i) => (
                        <Text key={i} size="xs" c="red" className={classes.message}>
                          {text(e)}
                        </Text>
                      ))}
                      {column === 0
                        ? rowErrors.map((e, i) => (
                            <Text key={`row-${i}`} size="xs" c="red" className={classes.message}>
                              {t(`imports.fields.${kind}.${e.field}`)}: {text(e)}
                            </Text>
                          ))
                        : null}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </div>
  )
}
