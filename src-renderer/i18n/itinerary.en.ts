import type { itineraryZhCN } from './itinerary.zh-CN'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** English texts of the itinerary and the factory page; typed by the Chinese file. */
export const itineraryEn: Widen<typeof itineraryZhCN> = {
  itinerary: {
    title: 'Itinerary',
    hint: 'Drag to reorder within and across days, or use move up/down and the day picker (keyboard friendly)',
    day: 'Day {{n}} · {{date}}',
    undated: 'No day yet',
    emptyDay: 'No factory planned this day yet',
    noStops:
      'No factories planned yet. Use “New factory” to create one here, or “Edit” to pick existing ones.',
    dayLabel: 'Visit day',
    noDay: 'Not set',
    moveUp: 'Move {{name}} up',
    moveDown: 'Move {{name}} down',
    dragHandle: 'Drag {{name}} to reorder',
    newFactory: 'New factory',
    newFactoryTitle: 'New factory on this tour',
    added: 'Created “{{name}}” and added it to the tour',
    lastVisit: 'Last visit {{date}}',
    neverVisited: 'Never visited',
    openFollowUps: 'Open follow-ups: {{count}}',
    noContact: 'No contact yet',
    noAddress: 'No address yet',
    saveFailed: 'The itinerary was not saved',
    print: 'Print itinerary',
    printAll: 'All days',
    report: {
      title: 'Itinerary',
      day: 'Visit day',
      columns: {
        order: '#',
        factory: 'Factory',
        address: 'Address',
        contact: 'Contact / phone',
        last: 'Last visit / score',
        followUps: 'Open follow-ups',
        notes: 'Visit notes',
      },
      undated: 'No day yet',
      never: 'Never visited',
      none: 'None',
    },
  },
  factoryPage: {
    backToTour: 'Back to tour “{{name}}”',
    backToTourPlain: 'Back to the tour',
    backToList: 'Back to factories',
    backToPrevious: 'Back',
    samples: 'Samples ({{count}})',
    samplesEmpty: 'No samples registered for this factory yet.',
    recordPhotos: 'Photos from visits, samples and quotes',
    sampleColumns: {
      code: 'Code',
      name: 'Name',
      sku: 'SKU',
      status: 'Status',
      verdict: 'Verdict',
      storage: 'Kept at',
    },
    showAll: 'Show all {{count}}',
    glance: {
      lastVisit: 'Last visit',
      latestScore: 'Latest score',
      openFollowUps: 'Open follow-ups',
      never: 'Never visited',
    },
  },
  divisions: {
    province: 'Province',
    city: 'City',
    pickOrType: 'Pick or type',
    loading: 'Loading divisions…',
  },
}
