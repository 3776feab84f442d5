import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';
import { headers } from 'next/headers';
import { ServiceWorkerRegistration } from '@/components/service-worker';
import { OfflineCopyBanner } from '@/components/offline/offline-copy-banner';
import { THEME_BOOT } from '@/components/theme/theme';
import { NONCE_HEADER } from '@/app/lib/csp';

export const metadata: Metadata = {
  title: { default: 'SetSafe', template: '%s · SetSafe' },
  description: 'The safety desk of a film or TV production: firearm checks, custody, incidents and stop-work holds.',
  applicationName: 'SetSafe',
  icons: { icon: '/icon.svg', apple: '/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: 'SetSafe', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#0b4f6c' },
    { media: '(prefers-color-scheme: dark)', color: '#0a1220' },
  ],
};

// Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), and a
// page built once at build time would carry none and not run.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The boot script may set data-theme before React hydrates: expected, not a mismatch. It
    // carries the request's nonce, or the script policy (proxy.ts) would refuse it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT }} />
      </head>
      <body className="min-h-screen antialiased">
        {/* Only shown when the service worker served this page from a copy kept on the phone. */}
        <OfflineCopyBanner />
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
