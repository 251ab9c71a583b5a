import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlReport } from "../../reporting/html.ts";
import { runCli } from "../cli/run-cli.ts";
import { coverage, longResult, longTrace } from "./fixtures.ts";
import { HOSTILE, SHOWN_AS_IS, reportWith } from "./hostile.ts";

/**
 * reports/index.html as a person sees it: Debian's Chromium (installed by .ci/run) opens the
 * page offline and renders every counterexample's sequence diagram. Skipped where no Chromium
 * is installed. Set CC_SCREENSHOTS to a folder to keep a PNG of the long diagram for a look.
 */
const CHROMIUM = "/usr/bin/chromium";

describe.skipIf(!existsSync(CHROMIUM))("the HTML report in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders the summary table and each counterexample as an SVG diagram, with no script and no console error", async () => {
    const reports = mkdtempSync(join(tmpdir(), "cc-html-"));
    await runCli("check", "pbft/n3_f1", "bench/pbft_n4f1_mutant", "--quiet", "--reports", reports);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(join(reports, "index.html")).href);
    const rows = await page.locator("body > table tbody tr").allTextContents();
    expect(rows.map((row) => row.split("violation")[0])).toEqual(["pbft/n3_f1", "bench/pbft_n4f1_mutant"]);
    expect(await page.locator("section svg").count()).toBe(2);
    // The mutant's diagram: 8 steps, the primary's 4 Byzantine steps written at its lane, the 4
    // deliveries drawn as arrows, the last row marked as the violation.
    const mutant = page.locator("#m-bench-002fpbft_n4f1_mutant svg");
    expect(await mutant.locator("line[marker-end]").count()).toBe(4);
    expect(await mutant.locator("text", { hasText: /(pre-prepare|commit) to=R\d value=[AB]/ }).count()).toBe(4);
    expect(await mutant.locator("text", { hasText: "agreement violated" }).count()).toBe(1);
    const box = await mutant.boundingBox();
    expect(box?.width).toBeGreaterThan(400);
    expect(await page.locator("script").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("fits a 4-replica, 2-client counterexample with 45-character labels into a 1200 px column", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "cc-html-long-")), "index.html");
    writeFileSync(file, htmlReport([{ result: longResult(), description: "long labels", assumptions: "asynchronous", warnings: [], covers: coverage, trace: longTrace }], "2026-11-23T00:00:00Z"));
    for (const viewport of [1280, 800]) {
      const page = await browser.newPage({ viewport: { width: viewport, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      if (process.env.CC_SCREENSHOTS) {
        await page.screenshot({ path: join(process.env.CC_SCREENSHOTS, `long-report-${viewport}.png`), fullPage: true });
        await page.locator(".diagram").screenshot({ path: join(process.env.CC_SCREENSHOTS, `long-diagram-${viewport}.png`) });
      }
      const column = (await page.locator(".diagram").boundingBox())!;
      const svg = page.locator(".diagram svg");
      const svgBox = (await svg.boundingBox())!;
      const texts = await Promise.all((await svg.locator("text").all()).map(async (text) => ({ text: (await text.textContent()) ?? "", box: (await text.boundingBox())! })));
      const layout = {
        column: { left: column.x, right: column.x + column.width },
        svg: { right: svgBox.x + svgBox.width, width: Number(await svg.getAttribute("width")) },
        texts: texts.map(({ text, box }) => ({ text, left: box.x, right: box.x + box.width })),
      };
      // Laid out for the column: no scaling at 1280 px, scaled down (never scrolled) at 800 px.
      expect(layout.svg.width).toBeLessThanOrEqual(1200);
      expect(layout.column.right - layout.column.left).toBeLessThanOrEqual(1200);
      expect(layout.svg.right).toBeLessThanOrEqual(layout.column.right + 0.5);
      expect(layout.column.right).toBeLessThanOrEqual(viewport);
      // Every state note (and every other text) lies inside the column and the viewport.
      const notes = layout.texts.filter((t) => /^(R\d|C\d): |violated$/.test(t.text));
      expect(notes.length).toBe(longTrace.filter((step) => step.participants).length + 3);
      for (const text of layout.texts) {
        expect(text.left, text.text).toBeGreaterThanOrEqual(layout.column.left - 0.5);
        expect(text.right, text.text).toBeLessThanOrEqual(Math.min(layout.column.right, viewport) + 0.5);
      }
      // The full notes, uncut, in the step table under the diagram.
      expect(await page.locator("table.steps tbody tr").count()).toBe(longTrace.length);
      expect(await page.locator("table.steps", { hasText: longTrace[9]!.participants!.R2! }).count()).toBe(1);
      await page.close();
    }
  });

  it("runs nothing and adds no element for a page made of hostile strings, and every index link finds its section", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "cc-html-hostile-")), "index.html");
    writeFileSync(file, htmlReport(HOSTILE.map(reportWith), HOSTILE.join(" ")));
    const page = await browser.newPage();
    const events: string[] = [];
    page.on("dialog", (dialog) => {
      events.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("console", (message) => events.push(`console: ${message.text()}`));
    page.on("pageerror", (error) => events.push(`error: ${error.message}`));
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator("script, img, iframe, object, embed").count()).toBe(0);
    expect(await page.locator("section").count()).toBe(HOSTILE.length);
    expect(await page.locator("section svg").count()).toBe(HOSTILE.length);
    expect(await page.locator("body > table tbody tr").count()).toBe(HOSTILE.length);
    const hrefs = await page.locator("body > table a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    expect(new Set(hrefs).size).toBe(HOSTILE.length);
    for (const href of hrefs) expect(await page.locator(`section${href}`).count(), href).toBe(1);
    const headings = await page.locator("section h2").allTextContents();
    for (const text of SHOWN_AS_IS) expect(headings).toContain(text);
    expect(headings).toContain("<script>alert(1)</script>");
    expect(events).toEqual([]);
    await page.close();
  });
});
