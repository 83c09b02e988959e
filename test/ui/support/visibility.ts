// "Can a person see it?" for an element of the chat webview, answered the way the screen is built:
// the element's part left inside every scrolling box and the webview's window, then
// `document.elementFromPoint` at sample points of that part, inside the webview document, in the
// webview host frame (the #active-frame iframe), and in the workbench (the webview's iframe must be
// inside the window and not covered by another part, a toast or a widget).
import type { Locator, Page } from 'playwright-core';

export interface Seen {
  visible: boolean;
  /** Why not, for the assertion message. */
  reason: string;
  /** Height (CSS px) of the element's part a person can see. */
  visibleHeight: number;
}

interface Probe {
  reason?: string;
  visibleHeight: number;
  /** Sample points, in the webview document's coordinates. */
  points: Array<{ x: number; y: number }>;
}

/**
 * Whether `target` (a locator inside `chatFrame()`) is on screen: at least `minHeight` CSS px of it
 * (or all of it when it is shorter) inside the webview's scrolling boxes and window, hit by
 * `elementFromPoint` at three points of that part, at every level up to the workbench page.
 */
export async function seenInChat(page: Page, target: Locator, minHeight = 32): Promise<Seen> {
  const count = await target.count();
  if (count === 0) return { visible: false, reason: 'not in the chat document', visibleHeight: 0 };
  const probe = await target.evaluate((element, min): Probe => {
    const rect = element.getBoundingClientRect();
    let top = Math.max(rect.top, 0);
    let bottom = Math.min(rect.bottom, window.innerHeight);
    let left = Math.max(rect.left, 0);
    let right = Math.min(rect.right, window.innerWidth);
    for (let box = element.parentElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (!/(auto|scroll|hidden|clip)/.test(style.overflowY + style.overflowX)) continue;
      const clip = box.getBoundingClientRect();
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
      left = Math.max(left, clip.left);
      right = Math.min(right, clip.right);
    }
    const visibleHeight = Math.max(0, bottom - top);
    // No named functions in here: tsx would wrap them in a `__name` helper the page does not have.
    const where = `element at y ${Math.round(rect.top)}–${Math.round(rect.bottom)}, ${Math.round(visibleHeight)} px of it visible in a ${window.innerWidth}×${window.innerHeight} webview`;
    if (right - left < 4 || visibleHeight < Math.min(min, rect.height - 1)) return { reason: where, visibleHeight, points: [] };
    const x = (left + right) / 2;
    const points = [top + 2, (top + bottom) / 2, bottom - 2].map((y) => ({ x, y }));
    for (const point of points) {
      const hit = document.elementFromPoint(point.x, point.y);
      if (!hit || !(element === hit || element.contains(hit))) {
        const name = hit ? `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}.${Array.from(hit.classList).join('.')}` : 'nothing';
        return { reason: `${where}; at (${Math.round(point.x)}, ${Math.round(point.y)}) the webview shows ${name}`, visibleHeight, points: [] };
      }
    }
    return { visibleHeight, points };
  }, minHeight);
  if (probe.reason) return { visible: false, reason: probe.reason, visibleHeight: probe.visibleHeight };

  // The content document sits in #active-frame inside the webview host document.
  const host = page.frameLocator('iframe.webview.ready').locator('#active-frame');
  const hostPoints = await host.evaluate((frame, points) => {
    const r = frame.getBoundingClientRect();
    return points.map((p) => {
      const x = r.left + p.x;
      const y = r.top + p.y;
      const hit = document.elementFromPoint(x, y);
      return { x, y, ok: hit === frame };
    });
  }, probe.points);
  const hostMiss = hostPoints.find((p) => !p.ok);
  if (hostMiss) return { visible: false, reason: `the webview host frame does not show its content at (${hostMiss.x}, ${hostMiss.y})`, visibleHeight: probe.visibleHeight };

  const misses = await page.locator('iframe.webview.ready').evaluate((frame, points) => {
    const r = frame.getBoundingClientRect();
    const out: string[] = [];
    for (const p of points) {
      const x = r.left + p.x;
      const y = r.top + p.y;
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) {
        out.push(`(${Math.round(x)}, ${Math.round(y)}) is outside the ${window.innerWidth}×${window.innerHeight} window`);
        continue;
      }
      const hit = document.elementFromPoint(x, y);
      if (hit !== frame) {
        const name = hit ? `${hit.tagName.toLowerCase()}.${Array.from(hit.classList).join('.')}` : 'nothing';
        out.push(`at (${Math.round(x)}, ${Math.round(y)}) the workbench shows ${name} over the chat`);
      }
    }
    return out;
  }, hostPoints);
  if (misses.length > 0) return { visible: false, reason: misses.join('; '), visibleHeight: probe.visibleHeight };
  return { visible: true, reason: '', visibleHeight: probe.visibleHeight };
}

/**
 * Fails unless `seenInChat` holds within `timeoutMs` (layout, scrolling and the workbench's own
 * animations settle over a few frames); the message says what covers it or where it is.
 */
export async function assertSeenInChat(page: Page, target: Locator, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await seenInChat(page, target).catch((error: Error): Seen => ({ visible: false, reason: error.message, visibleHeight: 0 }));
    if (seen.visible) return;
    if (Date.now() > deadline) throw new Error(`${what} is not visible: ${seen.reason}`);
    await page.waitForTimeout(250);
  }
}
