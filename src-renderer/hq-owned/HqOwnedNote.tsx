import { Badge, Tooltip } from '@mantine/core'
import { IconBuildingSkyscraper } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** Stands where the create/edit buttons of an HQ-owned record would be on an enrolled laptop. */
export function HqOwnedNote() {
  const { t } = useTranslation()
  return (
    <Tooltip label={t('hqOwned.hint')} multiline w={260}>
      <Badge
        variant="light"
        color="gray"
        tt="none"
        size="lg"
        leftSection={<IconBuildingSkyscraper size={14} />}
        style={{ flexShrink: 0 }}
        data-testid="hq-owned-note"
      >
        {t('hqOwned.note')}
      </Badge>
    </Tooltip>
  )
}
