// How the chat's UI tests ask a question, the ways a person does: typed in the chat's own box and sent with Enter, or
// through the palette's "DevOps: Ask" (its input box, Enter). One place, so every chat test asks alike; the reply is
// the test's to enqueue on the mock Anthropic API first.
import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './workbench';

/**
 * Types `question` into the chat's input (`chat`: the chat's frame, Workbench.chatFrame) and sends it with Enter. With
 * `answer`, waits up to `timeoutMs` for the newest assistant message holding that text and returns it; without, returns
 * the newest assistant message, not waited for (the caller waits for what its reply shows first: a tool step, an error).
 */
export async function ask(chat: FrameLocator, question: string, answer?: string, timeoutMs = 30_000): Promise<Locator> {
  const input = chat.locator('#chat-input');
  await input.fill(question);
  await input.press('Enter');
  const reply = chat.locator('.message.assistant', answer === undefined ? {} : { hasText: answer }).last();
  if (answer !== undefined) await reply.waitFor({ timeout: timeoutMs });
  return reply;
}

/**
 * Asks `question` through the palette: "DevOps: Ask", the question in its input box, Enter. `fromEditor` (default true)
 * clicks the editor area first, where a person opening the palette usually is; in the chat, the Escape runCommand
 * presses would also stop a running answer.
 */
export async function askFromPalette(workbench: Workbench, question: string, fromEditor = true): Promise<void> {
  const { page } = workbench;
  if (fromEditor) await page.locator('.part.editor').click({ position: { x: 300, y: 300 } });
  await workbench.runCommand('DevOps: Ask');
  const box = page.locator('.quick-input-widget input.input');
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(question);
  await page.keyboard.press('Enter');
}
