import type { SearchKind, SearchResult } from '@core/search/search.contract'
import {
  Badge,
  Box,
  Group,
  Kbd,
  Mark,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { resultHash } from './search-route'
import { useSearch } from './use-search'

/** Opens a result's page and closes the palette. */
function open(result: SearchResult, onClose: () => void): void {
  window.location.hash = resultHash(result.kind, result.id)
  onClose()
}

/** Matched text marked, the rest plain. */
function Highlighted({ parts }: { parts: SearchResult['snippet'] }) {
  return parts.map((part, i) =>
    part.hit ? <Mark key={i}>{part.text}</Mark> : <span key={i}>{part.text}</span>,
  )
}

function groupsOf(
  results: readonly SearchResult[],
): { kind: SearchKind; items: { result: SearchResult; index: number }[] }[] {
  const groups: { kind: SearchKind; items: { result: SearchResult; index: number }[] }[] = []
  results.forEach((result, index) => {
    const last = groups[groups.length - 1]
    if (last && last.kind === result.kind) last.items.push({ result, index })
    else groups.push({ kind: result.kind, items: [{ result, index }] })
  })
  return groups
}

/**
 * The Ctrl+K palette: results grouped by kind, arrow keys to move, Enter to open. Enter on text that is
 * exactly a record's code (a USB scanner types the code and Enter) opens that record directly.
 */
export function SearchPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // The body mounts on each opening, so it starts empty, ready for typing or a scanned code.
  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size="lg" padding="sm" yOffset="10vh">
      <PaletteBody onClose={onClose} />
    </Modal>
  )
}

function PaletteBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const search = useSearch(text)
  const results = useMemo(() => search.results?.results ?? [], [search.results])
  // The highlighted row belongs to one answer; a new answer starts at its first row.
  const [selection, setSelection] = useState<{ of: unknown; index: number }>({ of: null, index: 0 })
  const active = selection.of === results ? selection.index : 0
  const setActive = (update: (index: number) => number) =>
    setSelection({ of: results, index: update(active) })

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (results.length === 0 ? 0 : (i + step + results.length) % results.length))
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault()
      const typed = event.currentTarget.value
      const answer = await search.resolve(typed)
      const chosen = answer.exactCode ? answer.results[0] : answer.results[typed === search.text ? active : 0]
      if (chosen) open(chosen, onClose)
    }
  }

  return (
    <>
      <TextInput
        data-autofocus
        data-testid="search-input"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => void onKeyDown(e)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">Esc</Kbd>}
        size="md"
      />
      <ScrollArea.Autosize mah="60vh" mt="sm" data-testid="search-results">
        {search.error && (
          <Text c="red" size="sm">
            {t('search.failed')}
          </Text>
        )}
        {text.trim() !== '' && search.results && results.length === 0 && search.text === text && (
          <Text c="dimmed" size="sm" p="sm">
            {t('search.noResults', { text })}
          </Text>
        )}
        {text.trim() === '' && (
          <Text c="dimmed" size="sm" p="sm">
            {t('search.hint')}
          </Text>
        )}
        <Stack gap={4}>
          {groupsOf(results).map((group) => (
            <Box key={group.kind} role="group" aria-label={t(`search.kinds.${group.kind}`)}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" pt={6}>
                {t(`search.kinds.${group.kind}`)}
              </Text>
              {group.items.map(({ result, index }) => (
                <UnstyledButton
                  key={result.id}
                  data-testid="search-result"
                  data-active={index === active || undefined}
                  onMouseEnter={() => setActive(() => index)}
                  onClick={() => open(result, onClose)}
                  w="100%"
                  px="xs"
                  py={6}
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: index === active ? 'var(--mantine-primary-color-light)' : undefined,
                  }}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={600} truncate>
                      {result.match === 'title' ? <Highlighted parts={result.snippet} /> : result.title}
                    </Text>
                    {result.code && (
                      <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                        {result.code}
                      </Badge>
                    )}
                    {result.factoryStatus && (
                      <Badge
                        variant="light"
                        size="sm"
                        color={result.factoryStatus === 'blacklisted' ? 'red' : 'orange'}
                        tt="none"
                        style={{ flexShrink: 0 }}
                        data-testid="search-factory-warning"
                      >
                        {t(`quoteUi.factoryStatusShort.${result.factoryStatus}`)}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {result.subtitle}
                  </Text>
                  {result.match !== 'title' && (
                    <Text size="xs" truncate>
                      <Highlighted parts={result.snippet} />
                    </Text>
                  )}
                </UnstyledButton>
              ))}
            </Box>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </>
  )
}
