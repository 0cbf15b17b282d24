import { Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A titled block of a report; kept on one page where it fits (long tables may still break). */
export function ReportSection({
  title,
  children,
  keepTogether = true,
  testId,
}: {
  title: string
  children: ReactNode
  /** false for blocks longer than a page (tables of many rows). */
  keepTogether?: boolean
  testId?: string
}) {
  return (
    <Box component="section" className={keepTogether ? 'print-section' : 'print-flow'} data-testid={testId}>
      <Text component="h2" className="print-section-title">
        {title}
      </Text>
      {children}
    </Box>
  )
}

/** Label/value pairs in a two-column grid, the way a form reads on paper. */
export function FactGrid({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="print-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="print-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
