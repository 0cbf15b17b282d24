// Noto Sans SC, bundled (split by unicode range, so a page loads only the slices it shows); no CDN.
import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/500.css'
import '@fontsource/noto-sans-sc/700.css'
