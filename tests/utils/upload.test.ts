// Reading a multipart upload: the file within the limit, an oversized file reported (and
// dropped) with the other fields kept, an empty file input treated as no file.
import { describe, expect, it } from "vitest";
import { readUpload } from "~/utils/upload.server";

function post(parts: [string, string | File][]): Request {
  const form = new FormData();
  for (const [name, value] of parts) form.append(name, value);
  return new Request("http://localhost/sang-kien/1/tep-dinh-kem", { method: "POST", body: form });
}

describe("readUpload", () => {
  it("returns the file's name and bytes and the text fields", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4 nội dung");
    const u = await readUpload(post([["intent", "upload"], ["file", new File([bytes], "Tờ trình.pdf")], ["note", "ghi chú"]]), { fileField: "file", maxBytes: 1000 });
    expect(u.tooLarge).toBe(false);
    expect(u.values).toEqual({ intent: "upload", note: "ghi chú" });
    expect(u.file?.name).toBe("Tờ trình.pdf");
    expect(u.file?.bytes).toEqual(bytes);
  });

  it("reports a file over the limit without keeping it, and keeps the fields before and after it", async () => {
    const big = new Uint8Array(300_000).fill(65);
    const u = await readUpload(post([["intent", "upload"], ["file", new File([big], "lon.pdf")], ["after", "vẫn còn"]]), { fileField: "file", maxBytes: 100_000 });
    expect(u.tooLarge).toBe(true);
    expect(u.file).toBeNull();
    expect(u.values).toEqual({ intent: "upload", after: "vẫn còn" });
  });

  it("an empty file input is no file; files under other names are not kept", async () => {
    const u = await readUpload(post([["intent", "upload"], ["file", new File([], "")], ["other", new File(["x"], "x.pdf")]]), { fileField: "file", maxBytes: 1000 });
    expect(u).toEqual({ values: { intent: "upload" }, file: null, tooLarge: false });
  });
});
