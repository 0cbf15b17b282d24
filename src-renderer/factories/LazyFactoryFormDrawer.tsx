import { lazy, Suspense, useState, type ComponentProps } from 'react'

const FactoryFormDrawer = lazy(() =>
  import('./FactoryFormDrawer').then((module) => ({ default: module.FactoryFormDrawer })),
)

/**
 * The create/edit drawer, whose code (the form, its fields and their inputs) loads the first time it
 * opens: none of it is needed to show the list, and leaving it out makes the first screen lighter.
 */
export function LazyFactoryFormDrawer(props: ComponentProps<typeof FactoryFormDrawer>) {
  const [wanted, setWanted] = useState(props.opened)
  // Once opened it stays mounted, so later closings still animate out.
  if (props.opened && !wanted) setWanted(true)
  if (!wanted) return null
  return (
    <Suspense fallback={null}>
      <FactoryFormDrawer {...props} />
    </Suspense>
  )
}
