import type { phoneUploadErrorsZhCN, phoneUploadZhCN } from './phone-upload.zh-CN'

/** Photos from the phone: the laptop's dialog, spread into en.ts. */
export const phoneUploadEn: typeof phoneUploadZhCN = {
  phoneUpload: {
    button: 'Photos from phone',
    title: 'Photos from phone',
    steps: {
      wifi: 'Put the phone on the same Wi-Fi or hotspot as this laptop',
      scan: 'Scan the QR code with the phone’s camera',
      shoot: 'Take or pick photos: they land in this record',
    },
    address: 'Laptop address',
    addressHint: 'With several networks, pick the one the phone is on',
    loopbackOnly:
      'No network address found: this laptop is on no Wi-Fi or hotspot. A phone cannot reach 127.0.0.1; connect and open this again.',
    code: 'Pairing code',
    codeHint: 'The phone page shows the same digits',
    closesIn: 'Closes in {{time}}',
    expired: 'Ten minutes are up: this upload is closed and its QR code no longer works.',
    restart: 'Start again',
    opening: 'Opening…',
    failedToOpen: 'Cannot open photos from phone',
    none: 'No photos received yet',
    received: '{{count}} received',
    state: {
      receiving: 'Receiving {{percent}}%',
      processing: 'Processing…',
      done: 'Added',
    },
    close: 'Close',
    privacy:
      'Uploads work only while this dialog is open; the phone can only add photos to this record and sees nothing else.',
  },
}

export const phoneUploadErrorsEn: typeof phoneUploadErrorsZhCN = {
  phoneUpload: {
    unavailable: 'This window cannot take photos from a phone',
    listenFailed: 'Cannot wait for phones on the local network',
    noSession: 'This upload no longer exists; open it again',
    badToken: 'The link is not valid',
    expired: 'The link has expired',
    closed: 'This upload was closed',
    wrongRecord: 'The link belongs to another record',
    notImage: 'Not an image',
    tooMany: 'This upload has reached its limit of photos',
    busy: 'Too many photos at once',
    forbidden: 'The request was refused',
    broken: 'The upload broke off',
  },
}
