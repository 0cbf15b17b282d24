import { Center, Loader } from '@mantine/core'
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react'

/**
 * The SKU and target pages carry the charts (recharts), the date pickers and the pricing engine: load
 * their code when a buyer first opens one, so the first screen stays light.
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Page = lazy(() => load().then((component) => ({ default: component })))
  return function LazyPage(props: P) {
    return (
      <Suspense
        fallback={
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        }
      >
        <Page {...(props as ComponentProps<typeof Page>)} />
      </Suspense>
    )
  }
}

export const SkusPage = lazyPage(() => import('../skus/SkusPage').then((m) => m.SkusPage))
export const SkuPage = lazyPage(() => import('../skus/SkuPage').then((m) => m.SkuPage))
export const TargetsPage = lazyPage(() => import('../targets/TargetsPage').then((m) => m.TargetsPage))
