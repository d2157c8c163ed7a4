import { describe, expect, it } from "vitest";
import { NO_BROWSER_MESSAGE, findBrowser, type Probe } from "@/scripts/support/find-browser";

/** A machine made of answers: which files exist, what installs would do, who we are. */
function machine(options: {
  env?: Record<string, string | undefined>;
  files?: string[];
  onPath?: Record<string, string>;
  playwrightPath?: string;
  /** commands that succeed, by "command arg…"; each may add files */
  succeeds?: Record<string, string[]>;
  root?: boolean;
  osRelease?: string;
}) {
  const files = new Set(options.files ?? []);
  const ran: string[] = [];
  const probe: Probe = {
    env: options.env ?? {},
    exists: (file) => files.has(file),
    which: (command) => options.onPath?.[command] ?? null,
    playwrightChromium: () => options.playwrightPath ?? "/home/u/.cache/ms-playwright/chromium/chrome",
    run: (command, args) => {
      const line = [command, ...args].join(" ");
      ran.push(line);
      const adds = options.succeeds?.[line];
      if (!adds) return false;
      for (const f of adds) files.add(f);
      return true;
    },
    isRoot: () => options.root ?? false,
    osRelease: () => options.osRelease ?? "",
    log: () => {},
  };
  return { probe, ran };
}

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = "ID=ubuntu\nID_LIKE=debian\n";
const PW = "/home/u/.cache/ms-playwright/chromium/chrome";
const PW_INSTALL = "node_modules/.bin/playwright install chromium";

describe("finding a browser for the Playwright suite", () => {
  it("takes CHROMIUM_PATH first, and refuses one that does not exist rather than looking elsewhere", () => {
    expect(findBrowser(machine({ env: { CHROMIUM_PATH: "/opt/chrome" }, files: ["/opt/chrome", "/usr/bin/chromium"] }).probe)).toEqual({
      ok: true,
      path: "/opt/chrome",
      how: "CHROMIUM_PATH",
    });
    const missing = findBrowser(machine({ env: { CHROMIUM_PATH: "/opt/nothing" }, files: ["/usr/bin/chromium"] }).probe);
    expect(missing).toMatchObject({ ok: false });
    if (!missing.ok) expect(missing.message).toContain("CHROMIUM_PATH is /opt/nothing, which does not exist");
  });

  it("then a system Chromium or Chrome, by path or on PATH, before Playwright's own", () => {
    expect(findBrowser(machine({ files: ["/usr/bin/chromium", PW] }).probe)).toMatchObject({ path: "/usr/bin/chromium" });
    expect(findBrowser(machine({ files: ["/usr/bin/google-chrome-stable"] }).probe)).toMatchObject({ path: "/usr/bin/google-chrome-stable" });
    expect(findBrowser(machine({ onPath: { "chromium-browser": "/usr/local/bin/chromium-browser" } }).probe)).toMatchObject({
      path: "/usr/local/bin/chromium-browser",
    });
  });

  it("then Playwright's own browser when it was downloaded before, without downloading", () => {
    const { probe, ran } = machine({ files: [PW] });
    expect(findBrowser(probe)).toEqual({ ok: true, path: PW, how: "Playwright's browser" });
    expect(ran).toEqual([]);
  });

  it("then downloads Playwright's browser, where the internet is reachable", () => {
    const { probe, ran } = machine({ succeeds: { [PW_INSTALL]: [PW] }, osRelease: DEBIAN, root: true });
    expect(findBrowser(probe)).toEqual({ ok: true, path: PW, how: "playwright install chromium" });
    expect(ran).toEqual([PW_INSTALL]);
  });

  it("then, offline on Debian as root, installs Debian's chromium with apt-get", () => {
    const { probe, ran } = machine({
      osRelease: DEBIAN,
      root: true,
      succeeds: { "apt-get update -qq": [], "apt-get install -y -qq chromium": ["/usr/bin/chromium"] },
    });
    expect(findBrowser(probe)).toEqual({ ok: true, path: "/usr/bin/chromium", how: "apt-get install chromium" });
    expect(ran).toEqual([PW_INSTALL, "apt-get update -qq", "apt-get install -y -qq chromium"]);
  });

  it("uses password-less sudo on Ubuntu when not root, and never a sudo that would ask for a password", () => {
    const withSudo = machine({
      osRelease: UBUNTU,
      succeeds: { "sudo -n true": [], "sudo -n apt-get update -qq": [], "sudo -n apt-get install -y -qq chromium": ["/usr/bin/chromium"] },
    });
    expect(findBrowser(withSudo.probe)).toMatchObject({ ok: true, path: "/usr/bin/chromium" });
    const noSudo = machine({ osRelease: UBUNTU });
    expect(findBrowser(noSudo.probe)).toEqual({ ok: false, message: NO_BROWSER_MESSAGE });
    expect(noSudo.ran).toEqual([PW_INSTALL, "sudo -n true"]);
  });

  it("stops with one message that says exactly what to run when nothing works", () => {
    const offlineMac = machine({ osRelease: "" });
    expect(findBrowser(offlineMac.probe)).toEqual({ ok: false, message: NO_BROWSER_MESSAGE });
    expect(NO_BROWSER_MESSAGE).toContain("sudo apt-get install -y chromium");
    expect(NO_BROWSER_MESSAGE).toContain("npx playwright install chromium");
    expect(NO_BROWSER_MESSAGE).toContain("CHROMIUM_PATH=");
    // apt-get failing (no network for Debian either) ends the same way
    const aptFails = machine({ osRelease: DEBIAN, root: true });
    expect(findBrowser(aptFails.probe)).toEqual({ ok: false, message: NO_BROWSER_MESSAGE });
  });
});
