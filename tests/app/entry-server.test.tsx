// React 18.3 sometimes flushes unused zero bytes in the middle of Vietnamese text (react#31134);
// the document stream drops them, so every page arrives as React meant it.
import { PassThrough, type Transform } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { expect, it } from "vitest";
import { withoutNulBytes } from "~/entry.server";

function render(through: () => PassThrough | Transform): Promise<Buffer> {
  const items = Array.from({ length: 400 }, (_, i) => <li key={i}>{`Mục thứ ${i} — Hoàng Thị Lan, Phường Sài Gòn, mười một`}</li>);
  return new Promise((resolve) => {
    const body = through();
    const chunks: Buffer[] = [];
    body.on("data", (c: Buffer) => chunks.push(Buffer.from(c)));
    body.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(<ul>{items}</ul>, { onShellReady: () => pipe(body) });
  });
}

it("sends no zero byte and every character intact", async () => {
  const raw = await render(() => new PassThrough());
  const clean = await render(withoutNulBytes);
  expect(clean.includes(0)).toBe(false);
  expect(clean.length).toBe(raw.length - raw.filter((b) => b === 0).length);
  const text = clean.toString("utf8");
  expect(text).not.toContain("\uFFFD");
  expect(text.match(/mười một/g)).toHaveLength(400);
});
