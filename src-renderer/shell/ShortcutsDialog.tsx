import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useDisclosure, useWindowEvent } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { isTyping, SHORTCUTS } from './shortcuts'

const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/** `?` anywhere (outside a text field) lists every shortcut of the app. */
export function ShortcutsDialog() {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  useWindowEvent('keydown', (event) => {
    if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
    event.preventDefault()
    open()
  })
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('shortcuts.title')}
      size="lg"
      data-testid="shortcuts-dialog"
    >
      <Stack gap="md">
        {Object.entries(SHORTCUTS).map(([group, shortcuts]) => (
          <Stack gap={4} key={group}>
            <Title order={5}>{t(`shortcuts.groups.${group}`)}</Title>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {shortcuts.map((shortcut) => (
                  <Table.Tr key={shortcut.what} data-testid="shortcut">
                    <Table.Td w={180}>
                      <Group gap={4} wrap="nowrap">
                        {shortcut.keys.map((key) => (
                          <Kbd key={key} size="sm">
                            {key === 'mod' ? (IS_MAC ? '⌘' : 'Ctrl') : key}
                          </Kbd>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(shortcut.what)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  )
}
