import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';
import { ServiceWorkerRegistration } from '@/components/service-worker';

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
  themeColor: '#0b4f6c',
};

// Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), and a
// page built once at build time would carry none and not run.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
