import { worseStatus } from '@core/domain/certificate-status'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { certificateStatusText } from './CertificateBadge'
import { useCertificateName } from './CertificatesSection'

/** A factory's most urgent certificate flag, as the factory list shows it. */
export interface CertificateFlag {
  state: 'expired' | 'expiring'
  /** "BSCI 23 天后到期". */
  text: string
}

/**
 * The factory list's certificate badges: one call for every expired or soon-expiring certificate
 * across factories (the few there are, not one per row), reduced to each factory's most urgent.
 */
export function useCertificateFlags(): ReadonlyMap<string, CertificateFlag> {
  const { t } = useTranslation()
  const nameOf = useCertificateName()
  const { data } = useCall('certificates.expiring', {})
  return useMemo(() => {
    const worst = new Map<string, NonNullable<typeof data>['items'][number]>()
    for (const item of data?.items ?? []) {
      const seen = worst.get(item.factoryId)
      worst.set(item.factoryId, seen && worseStatus(seen, item) === seen ? seen : item)
    }
    const flags = new Map<string, CertificateFlag>()
    for (const [factoryId, item] of worst) {
      flags.set(factoryId, {
        state: item.state === 'expired' ? 'expired' : 'expiring',
        text: `${nameOf(item)} ${certificateStatusText(t, item)}`,
      })
    }
    return flags
    // nameOf and t change with the language.
  }, [data, nameOf, t])
}
