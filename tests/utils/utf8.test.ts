// A page's bytes (app/utils/utf8.server.ts) are written through a scratch buffer: they must be
// exactly Buffer.from's, for every kind of text, and each page's bytes its own.
import { describe, expect, it } from "vitest";
import { utf8 } from "~/utils/utf8.server";

describe("utf8", () => {
  it("gives the same bytes as Buffer.from", () => {
    const texts = ["", "hello", "Đảng ủy Phường Sài Gòn — “nộp” đơn", "😀 ngoài BMP", "lone \ud800 surrogate \udfff end", "x".repeat(200_000), "ệ".repeat(180_000)];
    for (const text of texts) expect(utf8(text).equals(Buffer.from(text))).toBe(true);
  });

  it("gives each page bytes of its own: a later page does not change an earlier one", () => {
    const first = utf8("Trang thứ nhất");
    const copy = Buffer.from(first);
    utf8("Một trang khác, dài hơn trang thứ nhất nhiều");
    expect(first.equals(copy)).toBe(true);
    expect(first.buffer.byteLength).toBe(first.length);
  });
});
