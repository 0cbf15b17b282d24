import { Alert, Anchor, Group, Text } from '@mantine/core'
import { useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A marked field as the banner names it. */
interface MarkedField {
  /** The field's label as the buyer reads it (without the required asterisk). */
  name: string
  /** The element to focus. */
  element: HTMLElement
}

/** The visible name of a form control: its <label>, its aria-label, or the label of its wrapper. */
function fieldName(element: HTMLElement): string {
  const labelled = (element as HTMLInputElement).labels?.[0]?.textContent
  const wrapper = element.closest('.mantine-InputWrapper-root')?.querySelector('label')?.textContent
  const name = labelled ?? element.getAttribute('aria-label') ?? wrapper ?? ''
  return name.replace(/\s*\*\s*$/, '').trim()
}

function markedFields(form: HTMLFormElement | null): MarkedField[] {
  if (!form) return []
  const seen = new Set<string>()
  const fields: MarkedField[] = []
  for (const element of form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
    const name = fieldName(element)
    if (name === '' || seen.has(name)) continue
    seen.add(name)
    fields.push({ name, element })
  }
  return fields
}

/**
 * Why the last save failed, above the form's fields; nothing while there is no failure. It names every
 * field still marked (read from the form itself, so it serves every form alike and follows the marks as
 * they clear), each a link that takes the buyer to the field.
 */
export function FormFailure({ failure }: { failure: string | null }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const [fields, setFields] = useState<MarkedField[]>([])

  useLayoutEffect(() => {
    const form = ref.current?.closest('form') ?? null
    if (!failure || !form) return
    const read = () => setFields(markedFields(form))
    read()
    const observer = new MutationObserver(read)
    observer.observe(form, {
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-invalid'],
      childList: true,
    })
    return () => observer.disconnect()
  }, [failure])

  if (!failure) return null
  return (
    <Alert ref={ref} color="red" variant="light" data-testid="form-error">
      <Text size="sm">{failure}</Text>
      {fields.length > 0 ? (
        <Group gap={4} mt={4} data-testid="form-error-fields">
          <Text size="sm">{t('common.fieldsToFix')}</Text>
          {fields.map((field, i) => (
            <Text size="sm" span key={field.name}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                data-testid="form-error-field"
                onClick={() => {
                  field.element.scrollIntoView({ block: 'center' })
                  field.element.focus()
                }}
              >
                {field.name}
              </Anchor>
              {i < fields.length - 1 ? t('common.listSeparator') : ''}
            </Text>
          ))}
        </Group>
      ) : null}
    </Alert>
  )
}
