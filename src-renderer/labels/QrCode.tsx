import { useMemo } from 'react'
import { qrExtent, qrModules, qrPath } from './qr'

/** The QR symbol of `text` as crisp vector modules, black on white whatever the colour scheme. */
export function QrCode({ text, className }: { text: string; className?: string }) {
  const { d, extent } = useMemo(() => {
    const modules = qrModules(text)
    return { d: qrPath(modules), extent: qrExtent(modules) }
  }, [text])
  return (
    <svg
      className={className}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={text}
      data-testid="label-qr"
      data-qr-text={text}
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
