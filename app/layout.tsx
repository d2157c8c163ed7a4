import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimdesk", template: "%s · Claimdesk" },
  description: "Claim-and-source fact-checking workbench",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, sign-in and not-found included: Next.js
  // can only put the request's CSP nonce (proxy.ts) on the scripts of a page
  // rendered for that request; a prerendered page's scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
