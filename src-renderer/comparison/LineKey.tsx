import { Group, Text } from '@mantine/core'

/** One reference line of a chart explained above it (labels on the lines collide with the bars). */
export interface ChartLine {
  /** Mantine colour of the line. */
  color: string
  /** Dashed lines are targets, solid ones observed prices. */
  dashed?: boolean
  /** What the line is, with its value. */
  label: string
}

/** `thick`: series swatches (a legend) rather than thin reference lines. */
export function LineKey({ lines, thick = false }: { lines: ChartLine[]; thick?: boolean }) {
  return (
    <Group gap="md" mb={6} style={{ rowGap: 4 }}>
      {lines.map((line) => (
        <Group key={line.label} gap={6} wrap="nowrap">
          <svg width="22" height="8" aria-hidden>
            <line
              x1="0"
              y1="4"
              x2="22"
              y2="4"
              stroke={`var(--mantine-color-${line.color.replace('.', '-')})`}
              strokeWidth={thick ? 4 : 2}
              strokeDasharray={line.dashed ? '5 3' : undefined}
            />
          </svg>
          <Text size="xs">{line.label}</Text>
        </Group>
      ))}
    </Group>
  )
}
