import { test as base, expect, type BrowserContext } from "@playwright/test";

/**
 * `test` that fails on any Content-Security-Policy violation in any page of
 * the test's browser contexts (its own `context` and any made with
 * `browser.newContext()`), and on any dialog: a blocked script or style means
 * the app broke under its own policy, or that markup slipped past escaping and
 * only the policy stopped it; a dialog means a script ran that no one wrote.
 *
 * Chromium reports a violation twice: as a console error and as a
 * `securitypolicyviolation` event in the page, which an init script (injected
 * by the browser, outside the page's policy) turns into a console line.
 */
const MARK = "[csp-violation]";

async function watch(context: BrowserContext, problems: string[]) {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}`),
    );
  });
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(MARK) || /Content Security Policy/i.test(text)) problems.push(`${message.location().url}: ${text}`);
  });
  context.on("page", (page) => {
    page.on("dialog", (dialog) => {
      problems.push(`${page.url()}: a ${dialog.type()} dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
}

export const test = base.extend<{ guarded: void }>({
  guarded: [
    async ({ context, browser }, use) => {
      const problems: string[] = [];
      await watch(context, problems);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const made = await newContext(...args);
        await watch(made, problems);
        return made;
      };
      // use() returns once the test is over, passed or failed
      await use();
      browser.newContext = newContext;
      expect(problems, "no CSP violation and no dialog").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
