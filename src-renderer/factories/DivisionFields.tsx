import { Autocomplete } from '@mantine/core'
import type { FactoryValues } from '@core/factories/factories.contract'
import type { UseFormReturnType } from '@mantine/form'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { citiesOf, loadDivisions, type Divisions } from './divisions'

/**
 * Province and city picked from China's administrative divisions, with free text still allowed (a town,
 * a district, a place abroad); the city list follows the province typed or picked.
 */
export function DivisionFields({ form }: { form: UseFormReturnType<FactoryValues> }) {
  const { t } = useTranslation()
  const [divisions, setDivisions] = useState<Divisions | null>(null)
  useEffect(() => {
    let alive = true
    void loadDivisions().then((d) => alive && setDivisions(d))
    return () => {
      alive = false
    }
  }, [])
  const province = form.values.province
  const provinces = divisions ? Object.keys(divisions) : []
  const cities = divisions ? citiesOf(divisions, province) : []
  const placeholder = divisions ? t('divisions.pickOrType') : t('divisions.loading')
  return (
    <>
      <Autocomplete
        label={t('factories.fields.province')}
        placeholder={placeholder}
        data={provinces}
        limit={40}
        data-testid="field-province"
        {...form.getInputProps('province')}
        onChange={(value) => {
          // A new province makes the old city wrong more often than not; a city typed for it stays.
          if (divisions && value !== province && citiesOf(divisions, value).length > 0) {
            const city = form.values.city
            if (city && !citiesOf(divisions, value).includes(city)) form.setFieldValue('city', '')
          }
          form.setFieldValue('province', value)
        }}
      />
      <Autocomplete
        label={t('factories.fields.city')}
        placeholder={placeholder}
        data={cities}
        limit={60}
        data-testid="field-city"
        {...form.getInputProps('city')}
      />
    </>
  )
}
