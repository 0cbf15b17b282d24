import { Badge, Group } from '@mantine/core'

/** A tour's industrial belts (佛山家具, 义乌小商品) as quiet tags; nothing when it names none. */
export function BeltBadges({ belts }: { belts: string[] }) {
  if (belts.length === 0) return null
  return (
    <Group gap={4}>
      {belts.map((belt) => (
        <Badge key={belt} variant="default" radius="sm" fw={400} tt="none">
          {belt}
        </Badge>
      ))}
    </Group>
  )
}
