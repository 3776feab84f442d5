import type { MetadataRoute } from 'next';

// Installable: a crew member can add SetSafe to the home screen (ARCHITECTURE.md: phones and offline).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'SetSafe — set safety desk',
    short_name: 'SetSafe',
    description: 'Firearm checks, custody, incidents and stop-work holds for film and TV productions.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f1f5f9',
    theme_color: '#0b4f6c',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
