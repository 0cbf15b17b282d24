import type { hqConsoleZhCN, hqErrorsZhCN } from './hq-console.zh-CN'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** English texts of the HQ console; the same keys as hq-console.zh-CN.ts. */
export const hqConsoleEn: Widen<typeof hqConsoleZhCN> = {
  hqConsole: {
    title: 'HQ console',
    subtitle: 'Sourcing Workbench · HQ',
    logout: 'Log out',
    updated: 'Updated',
    syncNote:
      "Changes here go into HQ's sync log; the buyers' laptops receive them with their next sync (read-only there).",
    login: {
      title: 'HQ admin login',
      token: 'Admin token',
      tokenHint:
        'Made when HQ first started and saved in the admin-token file of its data directory (npm run hq prints the path)',
      submit: 'Log in',
      session: 'Valid for 12 hours; ends when you close the browser or log out.',
    },
    nav: {
      codes: 'Enrolment codes',
      devices: 'Devices',
      skus: 'SKU briefs',
      benchmarks: 'Benchmarks',
      demand: 'Demand signals',
      categories: 'Category policy',
    },
    codes: {
      title: 'Enrolment codes',
      hint: 'A new laptop enrols by entering a code under Settings → HQ sync. Each code works once, for 10 minutes, and dies after 5 wrong tries.',
      mint: 'New enrolment code',
      minted: 'New enrolment code',
      validUntil: 'Valid until {{time}}',
      oneTime: 'One-time, valid for 10 minutes',
      copy: 'Copy',
      copied: 'Copied',
      recent: 'Recent codes',
      prefix: 'First 4',
      created: 'Created',
      expires: 'Expires',
      attempts: 'Wrong tries',
      state: 'State',
      device: 'Enrolled device',
      empty: 'No code minted yet',
      states: { open: 'Open', used: 'Used', expired: 'Expired', exhausted: 'Dead' },
    },
    devices: {
      title: 'Devices',
      hint: "Enrolled laptops. A revoked device's token stops working at once and it must enrol again to sync; what it pushed stays.",
      name: 'Device name',
      node: 'Node id',
      enrolled: 'Enrolled',
      lastPush: 'Last push',
      messages: 'Changes pushed',
      status: 'Status',
      active: 'Active',
      revokedAt: 'Revoked ({{time}})',
      never: 'Never pushed',
      revoke: 'Revoke',
      revokeTitle: 'Revoke this device?',
      revokeBody: '"{{name}}" loses its token at once and must enrol again to sync. What it pushed stays.',
      revoked: 'Revoked {{name}}',
      empty: 'No device enrolled yet: mint an enrolment code first',
    },
    skus: {
      title: 'SKU briefs',
      hint: 'What HQ wants developed: the brand to beat, the retail pack, the planned order and the target.',
      add: 'New SKU brief',
      edit: 'Edit SKU brief',
      benchmarks: 'Benchmarks',
      empty: 'No SKU brief yet',
      deleteTitle: 'Delete this SKU brief?',
      deleteBody: '"{{name}}" will be deleted from every buyer\'s laptop (with their next sync).',
      deleted: 'Deleted {{name}}',
    },
    benchmarks: {
      title: 'Benchmarks',
      hint: 'Brand shelf prices per SKU and channel; buyers derive their target prices from them.',
      sku: 'SKU',
      pickSku: 'Pick an SKU',
      noSkus: 'Create an SKU brief first, then record its benchmarks',
    },
    demand: {
      title: 'Demand signals',
      hint: 'Units sold per month on each channel, to help buyers size orders and set priorities.',
      add: 'New demand signal',
      edit: 'Edit demand signal',
      sku: 'SKU',
      month: 'Month',
      monthPlaceholder: 'e.g. 2026-10',
      channel: 'Channel',
      monthlyUnits: 'Units per month',
      note: 'Note',
      created: 'Added a demand signal for {{sku}}',
      saved: 'Saved',
      empty: 'No demand signal yet',
      deleteTitle: 'Delete this demand signal?',
      deleteBody:
        "{{sku}} · {{channel}} · {{month}} will be deleted from every buyer's laptop (with their next sync).",
      deleted: 'Deleted',
      unknownSku: '(deleted SKU)',
    },
  },
}

export const hqErrorsEn: Widen<typeof hqErrorsZhCN> = {
  hq: {
    adminTokenWrong: 'Wrong admin token: copy it whole from the admin-token file',
    loginNeeded: 'Log in to the HQ console first (the session ended or expired)',
    duplicate: 'This name is already listed',
  },
}
